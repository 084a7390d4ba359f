package output

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/apache/arrow-go/v18/parquet/metadata"
)

// parquetMagic starts and ends every Parquet file.
const parquetMagic = "PAR1"

// joinParquet writes to w one Parquet file holding the row groups of the
// files at parts, in order, without decoding them: their bytes are copied
// and the footer is theirs with every offset moved to the new place (files
// with page indexes, whose pages' offsets sit outside the footer, are
// refused). The
// files must come from the same writer settings and schema (one kind's
// records of several units, as encodeParquetKinds writes them).
func joinParquet(w io.Writer, parts []FilePart) error {
	if len(parts) == 0 {
		return errors.New("parquet: nothing to join")
	}
	if _, err := io.WriteString(w, parquetMagic); err != nil {
		return err
	}
	pos := int64(len(parquetMagic))
	var joined *metadata.FileMetaData
	for _, part := range parts {
		p := part.Path
		data, err := readFilePart(part)
		if err != nil {
			return err
		}
		meta, body, err := parquetParts(data)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		// Every offset in the footer moves by where the body now starts.
		// (The footer's types are arrow-go's internal thrift structs, so
		// they are changed in place here rather than passed around.)
		shift := pos - int64(len(parquetMagic))
		for _, rg := range meta.RowGroups {
			for _, c := range rg.Columns {
				if c.OffsetIndexOffset != nil || c.ColumnIndexOffset != nil {
					return fmt.Errorf("%s: page indexes hold offsets inside them; joining them is not supported", p)
				}
			}
			if rg.FileOffset != nil {
				*rg.FileOffset += shift
			}
			for _, c := range rg.Columns {
				c.FileOffset += shift
				if m := c.MetaData; m != nil {
					m.DataPageOffset += shift
					movePtr(m.IndexPageOffset, shift)
					movePtr(m.DictionaryPageOffset, shift)
					movePtr(m.BloomFilterOffset, shift)
				}
			}
		}
		if joined == nil {
			joined = meta
		} else if err := joined.AppendRowGroups(meta); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if _, err := w.Write(body); err != nil {
			return err
		}
		pos += int64(len(body))
	}
	if len(joined.RowGroups) > math.MaxInt16 {
		return fmt.Errorf("parquet: %d row groups, more than a file numbers", len(joined.RowGroups))
	}
	for i, rg := range joined.RowGroups {
		ordinal := int16(i)
		rg.Ordinal = &ordinal
	}
	var footer bytes.Buffer
	if _, err := joined.WriteTo(&footer, nil); err != nil {
		return err
	}
	footer.Write(binary.LittleEndian.AppendUint32(nil, uint32(footer.Len())))
	footer.WriteString(parquetMagic)
	_, err := w.Write(footer.Bytes())
	return err
}

// parquetParts splits a Parquet file into its decoded footer and the bytes
// between the leading magic and the footer (row groups, indexes).
func parquetParts(data []byte) (*metadata.FileMetaData, []byte, error) {
	n := len(data)
	if n < 12 || string(data[:4]) != parquetMagic || string(data[n-4:]) != parquetMagic {
		return nil, nil, errors.New("not a Parquet file")
	}
	size := int(binary.LittleEndian.Uint32(data[n-8 : n-4]))
	start := n - 8 - size
	if size <= 0 || start < 4 {
		return nil, nil, errors.New("bad Parquet footer length")
	}
	meta, err := metadata.NewFileMetaData(data[start:n-8], nil)
	if err != nil {
		return nil, nil, err
	}
	return meta, data[4:start], nil
}

// movePtr adds shift to an optional offset.
func movePtr(off *int64, shift int64) {
	if off != nil {
		*off += shift
	}
}
