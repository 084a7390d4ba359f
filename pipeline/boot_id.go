package pipeline

import (
	"os"
	"strings"
	"sync"
)

// bootID names the machine's current boot ("" where the system does not
// say): data written but not synced can be lost only when the machine
// stops, and a new boot has a new name.
var bootID = sync.OnceValue(func() string {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
})
