package output

import (
	"archive/zip"
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
		part, err := deflatedBytes(func(w io.Writer) error { _, err := w.Write(body); return err }, 0)
		if err == nil {
			err = s.writeEntry(zf.Name, []DeflatedPart{part}, c)
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

// contentTypesPart is the package part that names every part's type.
const contentTypesPart = "[Content_Types].xml"

// writeEntry writes the zip entry name joined from parts, a slot for each
// run of parts that follow one another in a file (a unit's offices) and
// for each part in memory: the bytes of the slots the file holds already
// where they go are left there, the others' copied (by c) and padded.
func (s *slotWriter) writeEntry(name string, parts []DeflatedPart, c *partCopier) error {
	parts = joinRuns(parts)
	lengths := make([]int64, len(parts))
	var compressed int64
	for i, p := range parts {
		lengths[i] = s.plan.length(name, i, p.compressedLen())
		compressed += lengths[i]
	}
	w, err := s.zw.CreateRaw(joinedHeader(name, parts, compressed))
	if err != nil {
		return err
	}
	for i, p := range parts {
		if err := s.zw.Flush(); err != nil { // so that sw is where the slot begins
			return err
		}
		if s.plan.place(name, partKey(p), s.sw.pos, lengths[i]) {
			s.sw.leaveNext(lengths[i])
			err = writeZeros(w, lengths[i]) // counted by zw, left by sw
		} else {
			err = writeSlot(w, p, lengths[i], c)
		}
		if err != nil {
			return err
		}
	}
	_, err = w.Write(finalBlock)
	return err
}

// joinRuns joins each run of parts that follow one another in a file
// into one part.
func joinRuns(parts []DeflatedPart) []DeflatedPart {
	var out []DeflatedPart
	for _, p := range parts {
		if n := len(out); n > 0 && out[n-1].data == nil && follows(out[n-1].FilePart, p) {
			last := &out[n-1]
			last.Length += p.Length
			last.Rows += p.Rows
			last.CRC = crc32Combine(last.CRC, p.CRC, p.Size)
			last.Size += p.Size
			continue
		}
		out = append(out, p)
	}
	return out
}

// writeSlot writes a part's compressed bytes (from its file, by c), then
// padding to length.
func writeSlot(w io.Writer, p DeflatedPart, length int64, c *partCopier) error {
	var err error
	if p.data != nil {
		_, err = w.Write(p.data)
	} else {
		err = c.copy(w, p.FilePart)
	}
	if err != nil {
		return err
	}
	pad, ok := deflatePadding(int(length - p.compressedLen()))
	if !ok {
		return errUnpaddable
	}
	_, err = w.Write(pad)
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
