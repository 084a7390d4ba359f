package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gofrs/flock"
)

// ErrLocked is returned when another batch is running on the same output
// folder.
var ErrLocked = errors.New("another gongkai batch is running on this output folder")

// lockName is the lock file in the output folder, holderName the note of
// the process holding it (a file locked on Windows cannot be read by
// another process, so the note is a file of its own).
const (
	lockName   = ".gongkai.lock"
	holderName = ".gongkai.pid"
)

// outputLock holds an exclusive lock on the output folder for one run: an
// flock(2) on a file, LockFileEx on Windows. The system drops it when the
// process dies, so a killed run leaves no stale lock, only files that the
// next run locks and writes again.
type outputLock struct{ lock *flock.Flock }

func lockOutput(out string) (*outputLock, error) {
	lock := flock.New(filepath.Join(out, lockName))
	locked, err := lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("locking the output folder: %w", err)
	}
	if !locked {
		holder, _ := os.ReadFile(filepath.Join(out, holderName))
		return nil, fmt.Errorf("%w (pid %s)", ErrLocked, strings.TrimSpace(string(holder)))
	}
	// Noted for the message a second batch prints.
	_ = os.WriteFile(filepath.Join(out, holderName), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
	return &outputLock{lock}, nil
}

// release lets go of the lock and closes its file.
func (l *outputLock) release() { _ = l.lock.Unlock() }
