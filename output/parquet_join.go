package output

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// parquetMagic starts and ends every Parquet file.
const parquetMagic = "PAR1"

// joinParquet writes to w one Parquet file holding the row groups of the
// files at parts, in order, without decoding them: their bytes are copied
// and the footer is the first one's with every file's row groups, each
// offset moved to the new place (see footerJoin; files with page indexes,
// whose pages' offsets sit outside the footer, are refused). The files
// must come from the same writer settings and schema (one kind's records
// of several units, as encodeParquetKinds writes them).
func joinParquet(w io.Writer, parts []FilePart) error {
	if len(parts) == 0 {
		return errors.New("parquet: nothing to join")
	}
	if _, err := io.WriteString(w, parquetMagic); err != nil {
		return err
	}
	pos := int64(len(parquetMagic))
	footers := newFooterJoin()
	c := newPartCopier()
	defer c.close()
	for _, part := range parts {
		n, err := joinParquetPart(w, part, footers, pos, c)
		if err != nil {
			return fmt.Errorf("%s: %w", part.Path, err)
		}
		pos += n
	}
	footer, err := footers.bytes()
	if err != nil {
		return err
	}
	footer = binary.LittleEndian.AppendUint32(footer, uint32(len(footer)))
	_, err = w.Write(append(footer, parquetMagic...))
	return err
}

// joinParquetPart copies to w, at pos in the joined file, the bytes of the
// Parquet file at part between its leading magic and its footer (row
// groups, indexes), through c, adds its footer to footers, and returns the
// bytes copied.
func joinParquetPart(w io.Writer, part FilePart, footers *footerJoin, pos int64, c *partCopier) (int64, error) {
	f, err := c.file(part.Path)
	if err != nil {
		return 0, err
	}
	r := io.NewSectionReader(f, part.Offset, part.Length)
	n := part.Length
	if n < 12 {
		return 0, errors.New("not a Parquet file")
	}
	var head, ends [8]byte
	if _, err := r.ReadAt(head[:4], 0); err != nil {
		return 0, err
	}
	if _, err := r.ReadAt(ends[:], n-8); err != nil {
		return 0, err
	}
	if string(head[:4]) != parquetMagic || string(ends[4:]) != parquetMagic {
		return 0, errors.New("not a Parquet file")
	}
	size := int64(binary.LittleEndian.Uint32(ends[:4]))
	start := n - 8 - size
	if size <= 0 || start < 4 {
		return 0, errors.New("bad Parquet footer length")
	}
	footer := make([]byte, size)
	if _, err := r.ReadAt(footer, start); err != nil {
		return 0, err
	}
	// Every offset in the footer moves by where the body now starts.
	if err := footers.add(footer, pos-int64(len(parquetMagic))); err != nil {
		return 0, err
	}
	body := FilePart{Path: part.Path, Offset: part.Offset + int64(len(parquetMagic)), Length: start - int64(len(parquetMagic))}
	return body.Length, c.copy(w, body)
}
