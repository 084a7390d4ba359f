package pipeline

import (
	"os"

	"golang.org/x/sys/unix"
)

// thpMode is the system's mode for transparent huge pages (always,
// madvise or never; "" where the kernel has none).
func thpMode() string {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return ""
	}
	return bracketedMode(string(b))
}

// adviseHugePages advises b's memory for transparent huge pages.
func adviseHugePages(b []byte) { _ = unix.Madvise(b, unix.MADV_HUGEPAGE) }
