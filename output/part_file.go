package output

import (
	"bufio"
	"crypto/sha256"
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
	Sum            [sha256.Size]byte // the digest of its bytes (partSum), where kept (a unit's Parquet files)
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

// flush writes what was added to the file, for its parts to be read.
func (pf *partFile) flush() error {
	if pf.err != nil {
		return pf.err
	}
	return pf.bw.Flush()
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

// partCopier copies parts of files to writers, each file opened once for
// all its parts (a county's detail sheets take a part of every unit's file
// for each kind) while no more than maxOpenParts are open, through one
// buffer large enough to pass the writers' own buffers by.
type partCopier struct {
	open map[string]*os.File
	buf  []byte
}

// maxOpenParts bounds the files a partCopier holds open: beyond it they are
// all closed and opened again as their parts come (a province's thousands
// of units would pass the process's limit).
const maxOpenParts = 128

func newPartCopier() *partCopier {
	return &partCopier{open: map[string]*os.File{}}
}

// file returns the file at path, opened once.
func (c *partCopier) file(path string) (*os.File, error) {
	if f := c.open[path]; f != nil {
		return f, nil
	}
	if len(c.open) >= maxOpenParts {
		c.close()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	c.open[path] = f
	return f, nil
}

// copy copies a part to w, checking that the file still holds it.
func (c *partCopier) copy(w io.Writer, p FilePart) error {
	f, err := c.file(p.Path)
	if err != nil {
		return err
	}
	if c.buf == nil {
		c.buf = make([]byte, 1<<20)
	}
	n, err := io.CopyBuffer(w, io.NewSectionReader(f, p.Offset, p.Length), c.buf)
	if err == nil && n != p.Length {
		err = fmt.Errorf("%s: %d bytes where the part has %d", p.Path, n, p.Length)
	}
	return err
}

// read reads a part whole, checking that the file still holds it.
func (c *partCopier) read(p FilePart) ([]byte, error) {
	f, err := c.file(p.Path)
	if err != nil {
		return nil, err
	}
	b := make([]byte, p.Length)
	if _, err := f.ReadAt(b, p.Offset); err != nil {
		return nil, fmt.Errorf("%s: %d bytes at %d: %w", p.Path, p.Length, p.Offset, err)
	}
	return b, nil
}

// close closes the files opened.
func (c *partCopier) close() {
	for _, f := range c.open {
		f.Close()
	}
	clear(c.open)
}
