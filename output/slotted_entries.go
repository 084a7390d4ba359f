package output

import (
	"archive/zip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
)

// slotWriter writes a county workbook's slotted entries (see CountyLayout)
// into the file sw stages, through zw, as plan places them.
type slotWriter struct {
	zw   *zip.Writer
	sw   *stageWriter
	plan *slotPlan
}

// writeFirst writes the entries of package zr that are slotted: the
// content types, where every writer of Office files puts them, in a slot
// of their own (the order of their lines differs from run to run), then
// the sheets of deferred rows from files, in their order (excelize's
// differs from run to run), their worksheet parts named by parts. It
// returns the entries written.
func (s *slotWriter) writeFirst(zr *zip.Reader, parts map[string]string, deferred []deferredRows, c *partCopier) (map[string]bool, error) {
	files := map[string]*zip.File{}
	for _, zf := range zr.File {
		files[zf.Name] = zf
	}
	done := map[string]bool{}
	if zf := files[contentTypesPart]; zf != nil {
		body, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		part, err := deflatedText(body)
		if err == nil {
			err = writeJoined(s.zw, zf.Name, []DeflatedPart{part}, c, s)
		}
		if err != nil {
			return nil, err
		}
		done[zf.Name] = true
	}
	for _, d := range deferred {
		if zf := files[parts[d.sheet]]; zf != nil && d.fromFiles() {
			if err := spliceSheet(s.zw, zf, d, c, s); err != nil {
				return nil, fmt.Errorf("sheet %s: %w", d.sheet, err)
			}
			done[zf.Name] = true
		}
	}
	return done, nil
}

// fromFiles reports whether any of the rows are in files (a unit's parts).
func (d deferredRows) fromFiles() bool {
	for _, p := range d.parts {
		if p.data == nil {
			return true
		}
	}
	return false
}

// contentTypesPart is the package part that names every part's type.
const contentTypesPart = "[Content_Types].xml"

// writeSlot writes run as the next slot of entry name, of length bytes,
// into w (the entry's writer from s.zw): left where the file written over
// holds it (the zip writer counts placeholder bytes the stage writer
// passes over), else copied (by c) and padded.
func (s *slotWriter) writeSlot(w io.Writer, name string, run partRun, length int64, c *partCopier) error {
	if err := s.zw.Flush(); err != nil { // so that sw is where the slot begins
		return err
	}
	if s.plan.place(name, slotKey(run.parts), s.sw.pos, length) {
		s.sw.leaveNext(length)
		return writeZeros(w, length)
	}
	return writePadded(w, run, length, c)
}

// slotKey names what a slot of parts holds: bytes in memory by their
// digest; a stretch of a unit's parts file by where it lies and the size
// and checksum of each part's rows. The unit cache names a unit's folder
// by a digest of all it is made from, and writes a folder again under its
// name only when it failed its checks, with the same rows; the rows'
// checksums tell a program that would encode them otherwise.
func slotKey(parts []DeflatedPart) string {
	h := sha256.New()
	for _, p := range parts {
		if p.data != nil {
			h.Write(p.data)
		} else {
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00%d\x00", p.Path, p.Offset, p.Length, p.Size, p.CRC)
		}
	}
	return string(h.Sum(nil)[:16])
}

// writePadded writes a slot's bytes (from their file, by c), then padding
// to length.
func writePadded(w io.Writer, b partRun, length int64, c *partCopier) error {
	if err := b.writeTo(w, c); err != nil {
		return err
	}
	pad, ok := deflatePadding(int(length - b.length()))
	if !ok {
		return errUnpaddable
	}
	_, err := w.Write(pad)
	return err
}

// errUnpaddable is a slot no padding fills: a defect of slotPlan.length.
var errUnpaddable = errors.New("output: a slot no DEFLATE padding fills")

// zeros are what writeZeros writes.
var zeros [64 << 10]byte

// writeZeros writes n zero bytes to w.
func writeZeros(w io.Writer, n int64) error {
	for n > 0 {
		k := min(n, int64(len(zeros)))
		if _, err := w.Write(zeros[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}
