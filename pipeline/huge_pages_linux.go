package pipeline

import (
	"os"

	"golang.org/x/sys/unix"
)

// hugePagesAdvisable: the kernel was built with transparent huge pages.
var hugePagesAdvisable = func() bool {
	_, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil
}()

// adviseHugePages advises b's memory for transparent huge pages.
func adviseHugePages(b []byte) { _ = unix.Madvise(b, unix.MADV_HUGEPAGE) }
