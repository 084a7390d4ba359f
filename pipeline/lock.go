package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ErrLocked is returned when another batch is running on the same output
// folder.
var ErrLocked = errors.New("another gongkai batch is running on this output folder")

// lockName is the lock file in the output folder.
const lockName = ".gongkai.lock"

// outputLock holds an exclusive lock on the output folder for one run. The
// lock is an flock(2) on a file: the kernel drops it when the process dies,
// so a killed run leaves no stale lock, only a file that the next run
// locks again.
type outputLock struct{ f *os.File }

func lockOutput(out string) (*outputLock, error) {
	f, err := os.OpenFile(filepath.Join(out, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(f.Name())
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (pid %s)", ErrLocked, strings.TrimSpace(string(holder)))
		}
		return nil, fmt.Errorf("locking the output folder: %w", err)
	}
	// Note who holds it, for the message a second batch prints.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &outputLock{f: f}, nil
}

func (l *outputLock) release() {
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}
