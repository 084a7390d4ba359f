package output

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/thrift/lib/go/thrift"

	"gongkai/domain"
)

// The tests write and read footers' structs with the Thrift library,
// independently of the join's own reading and writing.

// compactProtocol reads or writes Thrift's compact protocol on buf.
func compactProtocol(buf *thrift.TMemoryBuffer) thrift.TProtocol {
	return thrift.NewTCompactProtocolConf(buf, &thrift.TConfiguration{})
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

// readFields reads a struct's fields from in, each value by read.
func readFields(ctx context.Context, in thrift.TProtocol, read func(id int16, t thrift.TType) error) error {
	if _, err := in.ReadStructBegin(ctx); err != nil {
		return err
	}
	for {
		_, t, id, err := in.ReadFieldBegin(ctx)
		if err != nil {
			return err
		}
		if t == thrift.STOP {
			return in.ReadStructEnd(ctx)
		}
		if err := read(id, t); err != nil {
			return err
		}
		if err := in.ReadFieldEnd(ctx); err != nil {
			return err
		}
	}
}

// compactReader reads Thrift's compact protocol from b.
func compactReader(b []byte) thrift.TProtocol {
	return compactProtocol(&thrift.TMemoryBuffer{Buffer: bytes.NewBuffer(b)})
}

// thriftStruct encodes one struct in Thrift's compact protocol, its
// fields written by fields.
func thriftStruct(t *testing.T, fields func(ctx context.Context, p thrift.TProtocol) error) []byte {
	t.Helper()
	ctx := context.Background()
	buf := thrift.NewTMemoryBuffer()
	p := compactProtocol(buf)
	if err := writeStruct(ctx, p, func() error { return fields(ctx, p) }); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeStruct writes a struct whose fields are written by fields.
func writeStruct(ctx context.Context, p thrift.TProtocol, fields func() error) error {
	err := p.WriteStructBegin(ctx, "")
	if err == nil {
		err = fields()
	}
	if err == nil {
		err = p.WriteFieldStop(ctx)
	}
	if err == nil {
		err = p.WriteStructEnd(ctx)
	}
	return err
}

// writeListOfStruct writes a list of one struct, its fields written by
// fields.
func writeListOfStruct(ctx context.Context, p thrift.TProtocol, fields func() error) error {
	if err := p.WriteListBegin(ctx, thrift.STRUCT, 1); err != nil {
		return err
	}
	if err := writeStruct(ctx, p, fields); err != nil {
		return err
	}
	return p.WriteListEnd(ctx)
}

// TestCopyFieldsEveryType: a struct holding a value of every type of the
// compact protocol — booleans as fields and in a list, a set, maps full
// and empty, a UUID, nested structs, a field id past the short form's
// reach — is copied byte for byte.
func TestCopyFieldsEveryType(t *testing.T) {
	in := thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error {
		steps := []error{
			writeField(ctx, p, thrift.BOOL, 1, func() error { return p.WriteBool(ctx, true) }),
			writeField(ctx, p, thrift.BOOL, 2, func() error { return p.WriteBool(ctx, false) }),
			writeField(ctx, p, thrift.BYTE, 3, func() error { return p.WriteByte(ctx, -7) }),
			writeField(ctx, p, thrift.I16, 4, func() error { return p.WriteI16(ctx, -300) }),
			writeField(ctx, p, thrift.I32, 5, func() error { return p.WriteI32(ctx, 1<<30) }),
			writeField(ctx, p, thrift.I64, 6, func() error { return p.WriteI64(ctx, -1<<60) }),
			writeField(ctx, p, thrift.DOUBLE, 7, func() error { return p.WriteDouble(ctx, math.Pi) }),
			writeField(ctx, p, thrift.STRING, 8, func() error { return p.WriteBinary(ctx, []byte("白沙镇\x00")) }),
			writeField(ctx, p, thrift.UUID, 9, func() error { return p.WriteUUID(ctx, thrift.Tuuid{1, 2, 3, 15: 16}) }),
			writeField(ctx, p, thrift.LIST, 10, func() error {
				if err := p.WriteListBegin(ctx, thrift.BOOL, 3); err != nil {
					return err
				}
				for _, b := range []bool{true, false, true} {
					if err := p.WriteBool(ctx, b); err != nil {
						return err
					}
				}
				return p.WriteListEnd(ctx)
			}),
			writeField(ctx, p, thrift.SET, 11, func() error {
				if err := p.WriteSetBegin(ctx, thrift.I32, 2); err != nil {
					return err
				}
				p.WriteI32(ctx, 1)
				p.WriteI32(ctx, 2)
				return p.WriteSetEnd(ctx)
			}),
			writeField(ctx, p, thrift.MAP, 12, func() error {
				if err := p.WriteMapBegin(ctx, thrift.STRING, thrift.I64, 2); err != nil {
					return err
				}
				p.WriteString(ctx, "a")
				p.WriteI64(ctx, 1)
				p.WriteString(ctx, "b")
				p.WriteI64(ctx, 2)
				return p.WriteMapEnd(ctx)
			}),
			writeField(ctx, p, thrift.MAP, 13, func() error {
				if err := p.WriteMapBegin(ctx, thrift.STRING, thrift.STRUCT, 0); err != nil {
					return err
				}
				return p.WriteMapEnd(ctx)
			}),
			writeField(ctx, p, thrift.STRUCT, 14, func() error {
				return writeStruct(ctx, p, func() error {
					return writeField(ctx, p, thrift.LIST, 1, func() error {
						return writeListOfStruct(ctx, p, func() error {
							return writeField(ctx, p, thrift.BOOL, 3, func() error { return p.WriteBool(ctx, true) })
						})
					})
				})
			}),
			writeField(ctx, p, thrift.I64, 40, func() error { return p.WriteI64(ctx, 9) }),
		}
		return errors.Join(steps...)
	})
	out := &compactOut{}
	keep := func(int16, byte) (bool, error) { return false, nil }
	if err := copyStruct(&compactIn{b: in}, out, keep, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.b, in) {
		t.Errorf("copied:\n% x\nwant\n% x", out.b, in)
	}
}

// readRowGroup reads a row group's file_offset and ordinal fields, and
// counts its ordinal fields.
func readRowGroup(t *testing.T, b []byte) (offset int64, ordinal int16, ordinals int) {
	t.Helper()
	in := compactReader(b)
	err := readFields(context.Background(), in, func(id int16, typ thrift.TType) error {
		var err error
		switch id {
		case rowGroupFileOffset:
			offset, err = in.ReadI64(context.Background())
		case rowGroupOrdinal:
			ordinals++
			ordinal, err = in.ReadI16(context.Background())
		default:
			err = in.Skip(context.Background(), typ)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return offset, ordinal, ordinals
}

// TestFooterRowGroupsNumbered: row groups are numbered in the order they
// are added, with one ordinal each — written where a footer had none,
// put in place of one of another type — and their offsets moved.
func TestFooterRowGroupsNumbered(t *testing.T) {
	groups := [][]byte{
		thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error { // no ordinal
			return writeField(ctx, p, thrift.I64, rowGroupFileOffset, func() error { return p.WriteI64(ctx, 100) })
		}),
		thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error { // an ordinal as i32
			return errors.Join(writeField(ctx, p, thrift.I64, rowGroupFileOffset, func() error { return p.WriteI64(ctx, 200) }),
				writeField(ctx, p, thrift.I32, rowGroupOrdinal, func() error { return p.WriteI32(ctx, 9) }))
		}),
		thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error {
			return errors.Join(writeField(ctx, p, thrift.I64, rowGroupFileOffset, func() error { return p.WriteI64(ctx, 300) }),
				writeField(ctx, p, thrift.I16, rowGroupOrdinal, func() error { return p.WriteI16(ctx, 0) }))
		}),
	}
	j := newFooterJoin()
	for i, g := range groups {
		start := len(j.rowGroups.b)
		if err := j.rowGroup(&compactIn{b: g}, 1000); err != nil {
			t.Fatal(err)
		}
		offset, ordinal, n := readRowGroup(t, j.rowGroups.b[start:])
		if want := int64(100*(i+1) + 1000); offset != want || ordinal != int16(i) || n != 1 {
			t.Errorf("row group %d: offset %d, ordinal %d in %d fields; want %d, %d in 1", i, offset, ordinal, n, want, i)
		}
	}
	j.groups = math.MaxInt16
	if err := j.rowGroup(&compactIn{b: groups[0]}, 0); err == nil {
		t.Error("a row group past what a file numbers was added")
	}
}

// TestFooterRefusals: a column chunk with a page index or encrypted
// metadata, an encrypted file and a file of another schema are refused.
func TestFooterRefusals(t *testing.T) {
	chunk := func(id int16) []byte {
		return thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error {
			return writeField(ctx, p, thrift.I64, id, func() error { return p.WriteI64(ctx, 1) })
		})
	}
	for id, want := range map[int16]error{chunkOffsetIndexOffset: errPageIndexes, chunkColumnIndexOffset: errPageIndexes,
		chunkCryptoMetaData: errEncrypted, chunkEncryptedMetaData: errEncrypted} {
		if err := newFooterJoin().columnChunk(&compactIn{b: chunk(id)}, 0); !errors.Is(err, want) {
			t.Errorf("column chunk field %d: %v, want %v", id, err, want)
		}
	}
	footer := func(schema string, encrypted bool) []byte {
		return thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error {
			err := writeField(ctx, p, thrift.LIST, fileMetaSchema, func() error {
				return writeListOfStruct(ctx, p, func() error {
					return writeField(ctx, p, thrift.STRING, 4, func() error { return p.WriteString(ctx, schema) })
				})
			})
			if encrypted {
				err = errors.Join(err, writeField(ctx, p, thrift.STRUCT, fileMetaEncryption, func() error {
					return writeStruct(ctx, p, func() error { return nil })
				}))
			}
			return err
		})
	}
	j := newFooterJoin()
	if err := j.add(footer("schema", false), 0); err != nil {
		t.Fatal(err)
	}
	if err := j.add(footer("schema", false), 0); err != nil {
		t.Errorf("the same schema again: %v", err)
	}
	if err := j.add(footer("other", false), 0); err == nil {
		t.Error("a file of another schema was joined")
	}
	if err := newFooterJoin().add(footer("schema", true), 0); !errors.Is(err, errEncrypted) {
		t.Errorf("an encrypted file: %v", err)
	}
}

// TestFooterColumnOffsetsMoved: a column chunk's own offset and every
// place its metadata holds (data, index and dictionary pages, bloom
// filter) are moved; its other figures are not.
func TestFooterColumnOffsetsMoved(t *testing.T) {
	ctx := context.Background()
	i64 := func(p thrift.TProtocol, id int16, v int64) error {
		return writeField(ctx, p, thrift.I64, id, func() error { return p.WriteI64(ctx, v) })
	}
	chunk := thriftStruct(t, func(ctx context.Context, p thrift.TProtocol) error {
		return errors.Join(i64(p, chunkFileOffset, 2), writeField(ctx, p, thrift.STRUCT, chunkMetaData, func() error {
			return writeStruct(ctx, p, func() error {
				return errors.Join(i64(p, 5, 5), i64(p, 9, 9), i64(p, 10, 10), i64(p, 11, 11), i64(p, 14, 14))
			})
		}))
	})
	j := newFooterJoin()
	if err := j.columnChunk(&compactIn{b: chunk}, 1000); err != nil {
		t.Fatal(err)
	}
	got := map[int16]int64{} // the chunk's figures by id, its metadata's by 100 + id
	in := compactReader(j.rowGroups.b)
	var read func(base int16) error
	read = func(base int16) error {
		return readFields(ctx, in, func(id int16, typ thrift.TType) error {
			switch typ {
			case thrift.I64:
				v, err := in.ReadI64(ctx)
				got[base+id] = v
				return err
			case thrift.STRUCT:
				return read(base + 100)
			}
			return in.Skip(ctx, typ)
		})
	}
	if err := read(0); err != nil {
		t.Fatal(err)
	}
	want := map[int16]int64{2: 1002, 105: 5, 109: 1009, 110: 1010, 111: 1011, 114: 1014}
	if !maps.Equal(got, want) {
		t.Errorf("column chunk after the move: %v, want %v", got, want)
	}
}

// TestFooterDamaged: a real footer cut short anywhere, or with any one
// byte changed, is refused or joined — never a panic or a loop without end —
// and crafted structs that announce more than they hold, nest deeper than
// a footer does or name no type are refused.
func TestFooterDamaged(t *testing.T) {
	mem := memory.NewGoAllocator()
	kind := domain.KindDisclosure
	var rows []row
	for i := range 5 {
		rows = append(rows, lineage("白沙镇", "党政办", "白沙镇.xlsx", "s", i+2).with(row{
			domain.FieldTitle: fmt.Sprintf("公告%d", i), domain.FieldDate: day(2025, 1, 1+i), domain.FieldChannel: "website"}))
	}
	batch := buildBatch(t, mem, kind, rows...)
	defer batch.Release()
	var file bytes.Buffer
	if err := encodeParquet(&file, kind, []arrow.RecordBatch{batch}); err != nil {
		t.Fatal(err)
	}
	b := file.Bytes()
	size := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	footer := b[len(b)-8-size : len(b)-8]
	if err := newFooterJoin().add(footer, 0); err != nil {
		t.Fatalf("the footer as written: %v", err)
	}
	for i := range footer {
		if err := newFooterJoin().add(footer[:i], 0); err == nil {
			t.Errorf("the footer cut to %d of %d bytes was joined", i, len(footer))
		}
		for _, v := range []byte{0x00, 0x0F, 0xFF, footer[i] ^ 0x80} {
			damaged := bytes.Clone(footer)
			damaged[i] = v
			j := newFooterJoin()
			if j.add(damaged, 0) == nil {
				j.bytes() // joined as it reads: fine, as long as it ends
			}
		}
	}
	deep := append(bytes.Repeat([]byte{0x1C}, 100), make([]byte, 101)...) // structs in struct fields, 100 deep, each ended
	for name, crafted := range map[string][]byte{
		"a list of 2^62 items":  {0x19, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F},
		"a map of 2^60 entries": {0x1B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x55, 0x00},
		"a string past the end": {0x18, 0xFF, 0x7F, 'a'},
		"structs nested deeper": deep,
		"a type that is none":   {0x1E, 0x00},
	} {
		in := &compactIn{b: crafted}
		if err := in.skip(compactStruct, false, 1); err == nil {
			t.Errorf("%s: read as a struct", name)
		}
		if err := copyStruct(&compactIn{b: crafted}, &compactOut{}, func(int16, byte) (bool, error) { return false, nil }, nil); err == nil {
			t.Errorf("%s: copied as a struct", name)
		}
	}
}
