package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/apache/thrift/lib/go/thrift"
)

// A Parquet footer is a FileMetaData struct in Thrift's compact protocol.
// Joining files, the footers are copied value by value through that
// protocol rather than decoded into arrow-go's metadata: decoding builds
// each file's schema and every column's structs, and the county's files
// join 75 units' footers for each kind at every run (a fifth of a re-run's
// county stage). The field ids are those of parquet.thrift.
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

// columnMetaOffsets are the fields of ColumnMetaData that hold a place in
// the file: data_page_offset, index_page_offset, dictionary_page_offset,
// bloom_filter_offset.
var columnMetaOffsets = map[int16]bool{9: true, 10: true, 11: true, 14: true}

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
	ctx       context.Context
	first     []byte
	schema    []byte // the first footer's, as encoded
	rows      int64  // num_rows of all
	groups    int
	rowGroups *thrift.TMemoryBuffer // the row groups, encoded one after another
	out       thrift.TProtocol
}

func newFooterJoin() *footerJoin {
	rg := thrift.NewTMemoryBuffer()
	return &footerJoin{ctx: context.Background(), rowGroups: rg, out: compactProtocol(rg)}
}

// add adds the row groups of footer, their offsets moved by shift.
func (j *footerJoin) add(footer []byte, shift int64) error {
	in := compactReader(footer)
	schema := false
	err := copyFields(j.ctx, in, func(id int16, t thrift.TType) (bool, error) {
		switch {
		case id == fileMetaSchema:
			schema = true
			return true, j.sameSchema(in, t)
		case id == fileMetaNumRows && t == thrift.I64:
			n, err := in.ReadI64(j.ctx)
			j.rows += n
			return true, err
		case id == fileMetaRowGroups && t == thrift.LIST:
			_, n, err := in.ReadListBegin(j.ctx)
			for range n {
				if err == nil {
					err = j.rowGroup(in, shift)
				}
			}
			if err == nil {
				err = in.ReadListEnd(j.ctx)
			}
			return true, err
		case id >= fileMetaEncryption:
			return true, errEncrypted
		}
		return true, in.Skip(j.ctx, t)
	}, nil, nil)
	if err == nil && !schema {
		err = errors.New("parquet footer: no schema")
	}
	if err == nil && j.first == nil {
		j.first = footer
	}
	return err
}

// sameSchema reads a footer's schema (a value of type t) and refuses it
// when it is not the first footer's.
func (j *footerJoin) sameSchema(in thrift.TProtocol, t thrift.TType) error {
	buf := thrift.NewTMemoryBuffer()
	if err := copyValue(j.ctx, in, compactProtocol(buf), t); err != nil {
		return err
	}
	if j.schema == nil {
		j.schema = buf.Bytes()
	} else if !bytes.Equal(buf.Bytes(), j.schema) {
		return errors.New("its schema is not the first file's")
	}
	return nil
}

// bytes returns the joined footer.
func (j *footerJoin) bytes() ([]byte, error) {
	if j.first == nil {
		return nil, errors.New("parquet: no footer to join")
	}
	buf := thrift.NewTMemoryBuffer()
	out := compactProtocol(buf)
	in := compactReader(j.first)
	err := copyFields(j.ctx, in, func(id int16, t thrift.TType) (bool, error) {
		switch {
		case id == fileMetaNumRows && t == thrift.I64:
			if _, err := in.ReadI64(j.ctx); err != nil {
				return true, err
			}
			return true, writeField(j.ctx, out, t, id, func() error { return out.WriteI64(j.ctx, j.rows) })
		case id == fileMetaRowGroups && t == thrift.LIST:
			if err := in.Skip(j.ctx, t); err != nil {
				return true, err
			}
			return true, writeField(j.ctx, out, t, id, func() error {
				if err := out.WriteListBegin(j.ctx, thrift.STRUCT, j.groups); err != nil {
					return err
				}
				// The row groups as encoded, straight into the buffer: the
				// compact protocol writes its transport as it goes (a
				// struct's encoding does not depend on what came before).
				buf.Write(j.rowGroups.Bytes())
				return out.WriteListEnd(j.ctx)
			})
		}
		return false, nil
	}, out, nil)
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// rowGroup copies a RowGroup from in to j's row groups, its offsets moved
// by shift and numbered after those copied before.
func (j *footerJoin) rowGroup(in thrift.TProtocol, shift int64) error {
	out := j.out
	if j.groups >= math.MaxInt16 {
		return fmt.Errorf("parquet: more than %d row groups, more than a file numbers", math.MaxInt16)
	}
	ordinal := int16(j.groups)
	j.groups++
	writeOrdinal := func() error {
		return writeField(j.ctx, out, thrift.I16, rowGroupOrdinal, func() error { return out.WriteI16(j.ctx, ordinal) })
	}
	numbered := false
	return copyFields(j.ctx, in, func(id int16, t thrift.TType) (bool, error) {
		switch {
		case id == rowGroupColumns && t == thrift.LIST:
			return true, writeField(j.ctx, out, t, id, func() error {
				et, n, err := in.ReadListBegin(j.ctx)
				if err == nil {
					err = out.WriteListBegin(j.ctx, et, n)
				}
				for range n {
					if err == nil {
						err = j.columnChunk(in, shift)
					}
				}
				if err == nil {
					err = in.ReadListEnd(j.ctx)
				}
				if err == nil {
					err = out.WriteListEnd(j.ctx)
				}
				return err
			})
		case id == rowGroupFileOffset && t == thrift.I64:
			return true, j.shiftI64(in, out, id, shift)
		case id == rowGroupOrdinal:
			numbered = true
			if err := in.Skip(j.ctx, t); err != nil {
				return true, err
			}
			return true, writeOrdinal()
		}
		return false, nil
	}, out, func() error {
		if numbered {
			return nil
		}
		return writeOrdinal()
	})
}

// columnChunk copies a ColumnChunk from in to j's row groups, its offsets
// moved by shift.
func (j *footerJoin) columnChunk(in thrift.TProtocol, shift int64) error {
	out := j.out
	return copyFields(j.ctx, in, func(id int16, t thrift.TType) (bool, error) {
		switch {
		case id == chunkOffsetIndexOffset || id == chunkColumnIndexOffset:
			return true, errPageIndexes
		case id == chunkCryptoMetaData || id == chunkEncryptedMetaData:
			return true, errEncrypted
		case id == chunkFileOffset && t == thrift.I64:
			return true, j.shiftI64(in, out, id, shift)
		case id == chunkMetaData && t == thrift.STRUCT:
			return true, writeField(j.ctx, out, t, id, func() error {
				return copyFields(j.ctx, in, func(id int16, t thrift.TType) (bool, error) {
					if columnMetaOffsets[id] && t == thrift.I64 {
						return true, j.shiftI64(in, out, id, shift)
					}
					return false, nil
				}, out, nil)
			})
		}
		return false, nil
	}, out, nil)
}

// shiftI64 copies an i64 field, moved by shift.
func (j *footerJoin) shiftI64(in, out thrift.TProtocol, id int16, shift int64) error {
	v, err := in.ReadI64(j.ctx)
	if err != nil {
		return err
	}
	return writeField(j.ctx, out, thrift.I64, id, func() error { return out.WriteI64(j.ctx, v+shift) })
}

// copyFields reads a struct's fields from in, handing each to take, which
// reads it itself or says it did not; with out, a field not taken is
// copied to out, the struct written around the fields, and before its end
// whatever more adds (nil: nothing).
func copyFields(ctx context.Context, in thrift.TProtocol, take func(id int16, t thrift.TType) (bool, error), out thrift.TProtocol, more func() error) error {
	if _, err := in.ReadStructBegin(ctx); err != nil {
		return err
	}
	if out != nil {
		if err := out.WriteStructBegin(ctx, ""); err != nil {
			return err
		}
	}
	for {
		_, t, id, err := in.ReadFieldBegin(ctx)
		if err != nil {
			return err
		}
		if t == thrift.STOP {
			break
		}
		taken, err := take(id, t)
		if err != nil {
			return err
		}
		if !taken && out != nil {
			if err := writeField(ctx, out, t, id, func() error { return copyValue(ctx, in, out, t) }); err != nil {
				return err
			}
		}
		if err := in.ReadFieldEnd(ctx); err != nil {
			return err
		}
	}
	if err := in.ReadStructEnd(ctx); err != nil || out == nil {
		return err
	}
	if more != nil {
		if err := more(); err != nil {
			return err
		}
	}
	if err := out.WriteFieldStop(ctx); err != nil {
		return err
	}
	return out.WriteStructEnd(ctx)
}

// writeField writes a field's header, its value (value), and its end.
func writeField(ctx context.Context, out thrift.TProtocol, t thrift.TType, id int16, value func() error) error {
	if err := out.WriteFieldBegin(ctx, "", t, id); err != nil {
		return err
	}
	if err := value(); err != nil {
		return err
	}
	return out.WriteFieldEnd(ctx)
}

// copyValue copies one value of type t from in to out.
func copyValue(ctx context.Context, in, out thrift.TProtocol, t thrift.TType) error {
	switch t {
	case thrift.BOOL:
		v, err := in.ReadBool(ctx)
		if err != nil {
			return err
		}
		return out.WriteBool(ctx, v)
	case thrift.BYTE:
		v, err := in.ReadByte(ctx)
		if err != nil {
			return err
		}
		return out.WriteByte(ctx, v)
	case thrift.I16:
		v, err := in.ReadI16(ctx)
		if err != nil {
			return err
		}
		return out.WriteI16(ctx, v)
	case thrift.I32:
		v, err := in.ReadI32(ctx)
		if err != nil {
			return err
		}
		return out.WriteI32(ctx, v)
	case thrift.I64:
		v, err := in.ReadI64(ctx)
		if err != nil {
			return err
		}
		return out.WriteI64(ctx, v)
	case thrift.DOUBLE:
		v, err := in.ReadDouble(ctx)
		if err != nil {
			return err
		}
		return out.WriteDouble(ctx, v)
	case thrift.STRING:
		v, err := in.ReadBinary(ctx)
		if err != nil {
			return err
		}
		return out.WriteBinary(ctx, v)
	case thrift.UUID:
		v, err := in.ReadUUID(ctx)
		if err != nil {
			return err
		}
		return out.WriteUUID(ctx, v)
	case thrift.STRUCT:
		return copyFields(ctx, in, func(int16, thrift.TType) (bool, error) { return false, nil }, out, nil)
	case thrift.LIST, thrift.SET:
		et, n, err := in.ReadListBegin(ctx) // a set is encoded as a list
		if err != nil {
			return err
		}
		if err := out.WriteListBegin(ctx, et, n); err != nil {
			return err
		}
		for range n {
			if err := copyValue(ctx, in, out, et); err != nil {
				return err
			}
		}
		if err := in.ReadListEnd(ctx); err != nil {
			return err
		}
		return out.WriteListEnd(ctx)
	case thrift.MAP:
		kt, vt, n, err := in.ReadMapBegin(ctx)
		if err != nil {
			return err
		}
		if err := out.WriteMapBegin(ctx, kt, vt, n); err != nil {
			return err
		}
		for range n {
			if err := copyValue(ctx, in, out, kt); err != nil {
				return err
			}
			if err := copyValue(ctx, in, out, vt); err != nil {
				return err
			}
		}
		if err := in.ReadMapEnd(ctx); err != nil {
			return err
		}
		return out.WriteMapEnd(ctx)
	}
	return fmt.Errorf("parquet footer: unknown Thrift type %d", t)
}

// compactReader reads Thrift's compact protocol from b, in place.
func compactReader(b []byte) thrift.TProtocol {
	return compactProtocol(&thrift.TMemoryBuffer{Buffer: bytes.NewBuffer(b)})
}

// compactProtocol reads or writes Thrift's compact protocol on buf, with
// the library's default limits (as arrow-go's footers are read).
func compactProtocol(buf *thrift.TMemoryBuffer) thrift.TProtocol {
	return thrift.NewTCompactProtocolConf(buf, &thrift.TConfiguration{})
}
