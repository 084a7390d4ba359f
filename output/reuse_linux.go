package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// unshared reports whether f, opened for writing, is a file with no other
// name that no one else has open: the kernel grants a write lease only on
// a file no other descriptor or mapping holds. The lease is let go at
// once.
func unshared(f *os.File) bool {
	var st unix.Stat_t
	if unix.Fstat(int(f.Fd()), &st) != nil || st.Nlink != 1 || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return false
	}
	if _, err := unix.FcntlInt(f.Fd(), unix.F_SETLEASE, unix.F_WRLCK); err != nil {
		return false
	}
	_, err := unix.FcntlInt(f.Fd(), unix.F_SETLEASE, unix.F_UNLCK)
	return err == nil
}
