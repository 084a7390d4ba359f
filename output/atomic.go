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

// writebackChunk is how much of a staged file is written before the
// kernel is asked to start writing it to disk (earlyWriteback).
const writebackChunk = 8 << 20

// writeAtomic writes a file through write so that a reader never sees it
// half-written: the bytes go to a temporary file in the same folder, which
// is synced and then renamed over path. On any error the temporary file is
// removed and a previous file at path is left as it was.
//
// write gets a buffered writer that does not implement io.Closer, so a
// writer that closes what it is given (pqarrow does) cannot close the file.
func writeAtomic(path string, write func(w io.Writer) error) error {
	return writeAtomicOver(path, "", write)
}

// writeAtomicOver is writeAtomic with the temporary file the file at over,
// an output replaced before (see reuseDir), when it may be written over; a
// new file when over is "", absent, or may not be.
func writeAtomicOver(path, over string, write func(w io.Writer) error) error {
	s, err := stageFile(path, over, write)
	if err != nil {
		return err
	}
	return s.commit()
}

// stagedFile is a file written and synced beside its path, not yet in
// place: commit puts it there, discard removes it.
type stagedFile struct{ tmp, path string }

// stageFile writes the file of writeAtomicOver, without putting it in
// place.
func stageFile(path, over string, write func(w io.Writer) error) (s *stagedFile, err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, was := takeReused(over, filepath.Join(dir, "."+base+".tmp-reused"))
	reused := tmp != nil
	if !reused {
		if tmp, err = os.CreateTemp(dir, "."+base+".tmp-*"); err != nil {
			return nil, err
		}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	sw := newStageWriter(tmp, was)
	if err = write(sw); err != nil {
		return nil, err
	}
	if err = sw.flush(); err != nil {
		return nil, err
	}
	if reused {
		if err = cutAtOffset(tmp); err != nil { // it may have been longer
			return nil, err
		}
	}
	if err = tmp.Chmod(fileMode); err != nil {
		return nil, err
	}
	if err = tmp.Sync(); err != nil {
		return nil, err
	}
	if err = tmp.Close(); err != nil {
		return nil, err
	}
	return &stagedFile{tmp: tmp.Name(), path: path}, nil
}

// commit puts the file in place.
func (s *stagedFile) commit() error {
	if err := os.Rename(s.tmp, s.path); err != nil {
		os.Remove(s.tmp)
		return err
	}
	syncDir(filepath.Dir(s.path))
	return nil
}

// discard removes the file.
func (s *stagedFile) discard() { os.Remove(s.tmp) }

// writeWorking writes a file of a working folder, which nothing reads
// before the folder is complete: no temporary file, no sync. What is
// published from it is synced when it is first published (linkOrCopy).
func writeWorking(path string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncFile makes a file's bytes durable.
var syncFile = func(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
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

// cutAtOffset cuts f where it was written up to.
func cutAtOffset(f *os.File) error {
	off, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	return f.Truncate(off)
}
