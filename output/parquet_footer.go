package output

import (
	"bytes"
	"errors"
	"fmt"
	"math"
)

// A Parquet footer is a FileMetaData struct in Thrift's compact protocol.
// Joining files, the footers are copied field by field over their bytes
// (thrift_compact.go) rather than decoded into arrow-go's metadata: decoding builds each file's schema and every column's structs,
// and the county's files join 75 units' footers for each kind at every
// run. The field ids are those of parquet.thrift.
const (
	fileMetaSchema     = 2 // FileMetaData.schema
	fileMetaNumRows    = 3 // FileMetaData.num_rows
	fileMetaRowGroups  = 4 // FileMetaData.row_groups
	fileMetaEncryption = 8 // FileMetaData.encryption_algorithm

	rowGroupColumns    = 1 // RowGroup.columns
	rowGroupFileOffset = 5 // RowGroup.file_offset
	rowGroupOrdinal    = 7 // RowGroup.ordinal

	chunkFileOffset        = 2 // ColumnChunk.file_offset
	chunkMetaData          = 3 // ColumnChunk.meta_data
	chunkOffsetIndexOffset = 4 // ColumnChunk.offset_index_offset
	chunkColumnIndexOffset = 6 // ColumnChunk.column_index_offset
	chunkCryptoMetaData    = 8 // ColumnChunk.crypto_metadata
	chunkEncryptedMetaData = 9 // ColumnChunk.encrypted_column_metadata
)

// columnMetaOffset reports the fields of ColumnMetaData that hold a place
// in the file: data_page_offset, index_page_offset, dictionary_page_offset,
// bloom_filter_offset.
func columnMetaOffset(id int16) bool { return id == 9 || id == 10 || id == 11 || id == 14 }

// Files the join refuses: page indexes hold offsets inside them, and
// encrypted metadata cannot be read to move its offsets.
var (
	errPageIndexes = errors.New("page indexes hold offsets inside them; joining them is not supported")
	errEncrypted   = errors.New("encrypted Parquet files cannot be joined")
)

// footerJoin builds the footer of a joined file: the first footer's
// fields, with the row groups of every footer added (add), their offsets
// moved, in order and numbered again. Every footer must have the first
// one's schema.
type footerJoin struct {
	first     []byte
	schema    []byte // the first footer's, as encoded
	rows      int64  // num_rows of all
	groups    int
	rowGroups compactOut // the row groups, encoded one after another
}

func newFooterJoin() *footerJoin { return &footerJoin{} }

// add adds the row groups of footer, their offsets moved by shift.
func (j *footerJoin) add(footer []byte, shift int64) error {
	in := &compactIn{b: footer}
	schema := false
	err := in.eachField(func(id int16, t byte) error {
		switch {
		case id == fileMetaSchema:
			schema = true
			return j.sameSchema(in, t)
		case id == fileMetaNumRows && t == compactI64:
			n, err := in.readInt()
			j.rows += n
			return err
		case id == fileMetaRowGroups && t == compactList:
			n, err := in.structList()
			for ; err == nil && n > 0; n-- {
				err = j.rowGroup(in, shift)
			}
			return err
		case id >= fileMetaEncryption:
			return errEncrypted
		}
		return in.skip(t, false, 1)
	})
	if err == nil && !schema {
		err = errors.New("parquet footer: no schema")
	}
	if err == nil && j.first == nil {
		j.first = footer
	}
	return err
}

// structList reads the header of a list of structs.
func (r *compactIn) structList() (int, error) {
	n, elem, err := r.list()
	if err == nil && elem != compactStruct {
		err = errCompact
	}
	return n, err
}

// sameSchema reads a footer's schema (a value of type t) and refuses it
// when it is not the first footer's.
func (j *footerJoin) sameSchema(in *compactIn, t byte) error {
	from := in.pos
	if err := in.skip(t, false, 1); err != nil {
		return err
	}
	if j.schema == nil {
		j.schema = in.b[from:in.pos]
	} else if !bytes.Equal(in.b[from:in.pos], j.schema) {
		return errors.New("its schema is not the first file's")
	}
	return nil
}

// bytes returns the joined footer.
func (j *footerJoin) bytes() ([]byte, error) {
	if j.first == nil {
		return nil, errors.New("parquet: no footer to join")
	}
	in := &compactIn{b: j.first}
	out := &compactOut{}
	err := copyStruct(in, out, func(id int16, t byte) (bool, error) {
		switch {
		case id == fileMetaNumRows && t == compactI64:
			if _, err := in.readInt(); err != nil {
				return true, err
			}
			out.field(id, t)
			out.writeInt(j.rows)
			return true, nil
		case id == fileMetaRowGroups && t == compactList:
			if err := in.skip(t, false, 1); err != nil {
				return true, err
			}
			out.field(id, t)
			out.list(j.groups, compactStruct)
			out.b = append(out.b, j.rowGroups.b...)
			return true, nil
		}
		return false, nil
	}, nil)
	return out.b, err
}

// rowGroup copies a RowGroup from in to j's row groups, its offsets moved
// by shift and numbered after those copied before.
func (j *footerJoin) rowGroup(in *compactIn, shift int64) error {
	out := &j.rowGroups
	if j.groups >= math.MaxInt16 {
		return fmt.Errorf("parquet: more than %d row groups, more than a file numbers", math.MaxInt16)
	}
	ordinal := int64(j.groups)
	j.groups++
	numbered := false
	writeOrdinal := func() {
		out.field(rowGroupOrdinal, compactI16)
		out.writeInt(ordinal)
	}
	return copyStruct(in, out, func(id int16, t byte) (bool, error) {
		switch {
		case id == rowGroupColumns && t == compactList:
			n, err := in.structList()
			if err != nil {
				return true, err
			}
			out.field(id, t)
			out.list(n, compactStruct)
			for ; err == nil && n > 0; n-- {
				err = j.columnChunk(in, shift)
			}
			return true, err
		case id == rowGroupFileOffset && t == compactI64:
			return true, shiftI64(in, out, id, shift)
		case id == rowGroupOrdinal:
			numbered = true
			if err := in.skip(t, false, 1); err != nil {
				return true, err
			}
			writeOrdinal()
			return true, nil
		}
		return false, nil
	}, func() {
		if !numbered {
			writeOrdinal()
		}
	})
}

// columnChunk copies a ColumnChunk from in to j's row groups, its offsets
// moved by shift.
func (j *footerJoin) columnChunk(in *compactIn, shift int64) error {
	out := &j.rowGroups
	return copyStruct(in, out, func(id int16, t byte) (bool, error) {
		switch {
		case id == chunkOffsetIndexOffset || id == chunkColumnIndexOffset:
			return true, errPageIndexes
		case id == chunkCryptoMetaData || id == chunkEncryptedMetaData:
			return true, errEncrypted
		case id == chunkFileOffset && t == compactI64:
			return true, shiftI64(in, out, id, shift)
		case id == chunkMetaData && t == compactStruct:
			out.field(id, t)
			return true, copyStruct(in, out, func(id int16, t byte) (bool, error) {
				if columnMetaOffset(id) && t == compactI64 {
					return true, shiftI64(in, out, id, shift)
				}
				return false, nil
			}, nil)
		}
		return false, nil
	}, nil)
}

// shiftI64 copies an i64 field, moved by shift.
func shiftI64(in *compactIn, out *compactOut, id int16, shift int64) error {
	v, err := in.readInt()
	if err != nil {
		return err
	}
	out.field(id, compactI64)
	out.writeInt(v + shift)
	return nil
}
