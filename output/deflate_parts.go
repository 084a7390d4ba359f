package output

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
)

// DeflatedPart is a piece of a zip entry compressed on its own: a DEFLATE
// stream ended by a sync flush instead of a final block, so that pieces
// join, in any order and without recompressing, into one entry. The county
// workbook's detail sheets are joined from one piece per unit and kind.
type DeflatedPart struct {
	FilePart        // where the compressed bytes are
	Rows     int    // sheet rows it holds
	Size     int64  // bytes before compression
	CRC      uint32 // CRC-32 of those bytes
	// data holds the compressed bytes of a part kept in memory instead of
	// a file (a workbook's own lists, sheets' heads and tails written by
	// excelize, the content types); never in UnitParts, which are kept
	// between runs without it.
	data []byte
}

// compressPart appends what write produces, compressed, to pf.
func compressPart(pf *partFile, rows int, write func(w io.Writer) error) (DeflatedPart, error) {
	var p DeflatedPart
	fp, err := pf.add(func(w io.Writer) (err error) {
		p, err = deflateTo(w, write)
		return err
	})
	p.FilePart, p.Rows = fp, rows
	return p, err
}

// deflatedBytes is a part of rows rows kept in memory.
func deflatedBytes(write func(w io.Writer) error, rows int) (DeflatedPart, error) {
	var buf bytes.Buffer
	p, err := deflateTo(&buf, write)
	p.Rows, p.data = rows, buf.Bytes()
	return p, err
}

// deflatedText is text compressed in memory as a part of no rows.
func deflatedText(text []byte) (DeflatedPart, error) {
	return deflatedBytes(func(w io.Writer) error { _, err := w.Write(text); return err }, 0)
}

// deflateTo compresses what write produces to w as an open-ended DEFLATE
// stream, returning its uncompressed size and checksum.
func deflateTo(w io.Writer, write func(w io.Writer) error) (DeflatedPart, error) {
	fw := getFlate(w)
	defer putFlate(fw)
	h := crc32.NewIEEE()
	cw := &countingWriter{w: io.MultiWriter(fw, h)}
	if err := write(cw); err != nil {
		return DeflatedPart{}, err
	}
	if err := fw.Flush(); err != nil { // a sync flush: byte-aligned, not final
		return DeflatedPart{}, err
	}
	return DeflatedPart{Size: cw.n, CRC: h.Sum32()}, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// finalBlock ends a DEFLATE stream after a sync flush: an empty stored
// block marked final.
var finalBlock = []byte{0x01, 0x00, 0x00, 0xff, 0xff}

// writeJoined writes the zip entry name to zw: the parts' compressed bytes
// one after another and a final block, under a header whose size and
// checksum are the parts' (those in files copied by c). With slots (not
// nil: zw writes the county workbook slotted, see CountyLayout), each run
// of parts that follow one another in a file (a unit's offices) and each
// part in memory is a slot, left where the file written over holds it or
// else written and padded.
func writeJoined(zw *zip.Writer, name string, parts []DeflatedPart, c *partCopier, slots *slotWriter) error {
	runs := joinRuns(parts)
	lengths := make([]int64, len(runs))
	var compressed int64
	for i, r := range runs {
		if lengths[i] = r.length(); slots != nil {
			lengths[i] = slots.plan.length(name, i, lengths[i])
		}
		compressed += lengths[i]
	}
	w, err := zw.CreateRaw(joinedHeader(name, parts, compressed))
	if err != nil {
		return err
	}
	for i, r := range runs {
		if slots != nil {
			err = slots.writeSlot(w, name, r, lengths[i], c)
		} else {
			err = r.writeTo(w, c)
		}
		if err != nil {
			return err
		}
	}
	_, err = w.Write(finalBlock)
	return err
}

// joinedHeader is the header of the entry name joined from parts, whose
// compressed bytes take compressed bytes before the final block.
func joinedHeader(name string, parts []DeflatedPart, compressed int64) *zip.FileHeader {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	for _, p := range parts {
		h.CRC32 = crc32Combine(h.CRC32, p.CRC, p.Size)
		h.UncompressedSize64 += uint64(p.Size)
	}
	// archive/zip writes the sizes of an entry over 4 GiB in the central
	// directory's zip64 field only, which is where readers take them from.
	h.CompressedSize64 = uint64(compressed) + uint64(len(finalBlock))
	return h
}

// partRun is parts that follow one another in a file, copied at once (a
// unit's parts of a kind, one per office), or one part in memory.
type partRun struct {
	FilePart        // the run's bytes in their file
	data     []byte // or the part's in memory
	parts    []DeflatedPart
}

// joinRuns gives the runs of parts, in order.
func joinRuns(parts []DeflatedPart) []partRun {
	var out []partRun
	for i := 0; i < len(parts); {
		r := partRun{FilePart: parts[i].FilePart, data: parts[i].data}
		n := 1
		for r.data == nil && i+n < len(parts) && follows(r.FilePart, parts[i+n]) {
			r.Length += parts[i+n].Length
			n++
		}
		r.parts = parts[i : i+n]
		out = append(out, r)
		i += n
	}
	return out
}

// length is the length of the run's compressed bytes.
func (r partRun) length() int64 {
	if r.data != nil {
		return int64(len(r.data))
	}
	return r.Length
}

// writeTo writes the run's compressed bytes to w, those in a file copied
// by c.
func (r partRun) writeTo(w io.Writer, c *partCopier) error {
	if r.data != nil {
		_, err := w.Write(r.data)
		return err
	}
	return c.copy(w, r.FilePart)
}

// follows reports whether p's bytes come right after run's in its file.
func follows(run FilePart, p DeflatedPart) bool {
	return p.data == nil && p.Path == run.Path && p.Offset == run.Offset+run.Length
}

// copyFile copies the file at path to w and returns the bytes copied.
func copyFile(w io.Writer, path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.Copy(w, f)
}
