package output

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// fileMode is the mode of every file the batch writes: analysts and the
// county office read them, only the batch writes them.
const fileMode = 0o644

// writeAtomic writes a file through write so that a reader never sees it
// half-written: the bytes go to a temporary file in the same folder, which
// is synced and then renamed over path. On any error the temporary file is
// removed and a previous file at path is left as it was.
//
// write gets a buffered writer that does not implement io.Closer, so a
// writer that closes what it is given (pqarrow does) cannot close the file.
func writeAtomic(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(fileMode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable. Some file systems cannot sync a
// folder; the rename has happened all the same, so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
