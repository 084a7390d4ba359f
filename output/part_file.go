package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// FilePart is a stretch of a file: one of the parts a unit wrote for the
// county's files, all kept in one file per unit (a file system creates
// files slowly; a county has hundreds of units, each with parts of every
// kind).
type FilePart struct {
	Path           string
	Offset, Length int64
}

// partFile is the one file a unit's parts are appended to.
type partFile struct {
	path string
	f    *os.File
	bw   *bufio.Writer
	off  int64
	err  error // the first failed add: the offsets after it are not known
}

func createPartFile(path string) (*partFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &partFile{path: path, f: f, bw: bufio.NewWriterSize(f, 1<<16)}, nil
}

// add appends what write produces as a new part.
func (pf *partFile) add(write func(w io.Writer) error) (FilePart, error) {
	if pf.err != nil {
		return FilePart{}, pf.err
	}
	cw := &countingWriter{w: pf.bw}
	if err := write(cw); err != nil {
		pf.err = err
		return FilePart{}, err
	}
	p := FilePart{Path: pf.path, Offset: pf.off, Length: cw.n}
	pf.off += cw.n
	return p, nil
}

// close ends the file; it is a working file, not synced (what it is joined
// into is).
func (pf *partFile) close() error {
	if err := pf.bw.Flush(); err != nil {
		pf.f.Close()
		return err
	}
	return pf.f.Close()
}

// copyPart copies a part to w, checking that the file still holds it.
func copyPart(w io.Writer, p FilePart) error {
	f, err := os.Open(p.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	n, err := io.Copy(w, io.NewSectionReader(f, p.Offset, p.Length))
	if err == nil && n != p.Length {
		err = fmt.Errorf("%s: %d bytes where the part has %d", p.Path, n, p.Length)
	}
	return err
}

// readFilePart reads a part whole.
func readFilePart(p FilePart) ([]byte, error) {
	f, err := os.Open(p.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, p.Length)
	if _, err := f.ReadAt(b, p.Offset); err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	return b, nil
}
