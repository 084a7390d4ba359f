package output

import (
	"encoding/binary"
	"errors"
	"math"
)

// Thrift's compact protocol, read and written over byte slices: what the
// Parquet footers' join needs (see footerJoin), without the Thrift
// library's protocol interface, whose calls per value were most of the
// join's time. Values the join does not change are copied as they are
// encoded, so the joined footer is byte for byte what the library would
// write for input in the protocol's canonical form (shortest varints and
// headers), as arrow-go writes it; other well-formed input is kept as is.

// Types of the compact protocol, as they stand in a field's header or a
// list's.
const (
	compactTrue   byte = 1 // a boolean field holding true; in a list or map, any boolean
	compactFalse  byte = 2
	compactByte   byte = 3
	compactI16    byte = 4
	compactI32    byte = 5
	compactI64    byte = 6
	compactDouble byte = 7
	compactBinary byte = 8
	compactList   byte = 9
	compactSet    byte = 10
	compactMap    byte = 11
	compactStruct byte = 12
	compactUUID   byte = 13
)

// compactDepth bounds the nesting of the values read: a Parquet footer
// nests a few levels; a damaged one must not run the stack out.
const compactDepth = 64

var errCompact = errors.New("parquet footer: not Thrift's compact protocol")

// compactIn reads values from b, in place.
type compactIn struct {
	b   []byte
	pos int
}

func (r *compactIn) readByte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, errCompact
	}
	r.pos++
	return r.b[r.pos-1], nil
}

func (r *compactIn) readUvarint() (uint64, error) {
	v, n := binary.Uvarint(r.b[r.pos:])
	if n <= 0 {
		return 0, errCompact
	}
	r.pos += n
	return v, nil
}

// readInt reads a zigzag varint (i16, i32, i64).
func (r *compactIn) readInt() (int64, error) {
	v, n := binary.Varint(r.b[r.pos:])
	if n <= 0 {
		return 0, errCompact
	}
	r.pos += n
	return v, nil
}

// field reads a field's header after the field numbered last; t is 0 at
// the struct's end.
func (r *compactIn) field(last int16) (id int16, t byte, err error) {
	h, err := r.readByte()
	if err != nil || h == 0 {
		return 0, 0, err
	}
	t = h & 0x0F
	if d := int16(h >> 4); d != 0 {
		return last + d, t, nil
	}
	v, err := r.readInt()
	if err == nil && (v < math.MinInt16 || v > math.MaxInt16) {
		err = errCompact
	}
	return int16(v), t, err
}

// list reads a list's (or set's) header.
func (r *compactIn) list() (n int, elem byte, err error) {
	h, err := r.readByte()
	if err != nil {
		return 0, 0, err
	}
	n, elem = int(h>>4), h&0x0F
	if n == 15 {
		u, err := r.readUvarint()
		if err != nil || u > uint64(len(r.b)) { // every element takes a byte at least
			return 0, 0, errCompact
		}
		n = int(u)
	}
	return n, elem, nil
}

// skip reads past a value of type t: a field's (inList false: a boolean
// is in the header) or an element's.
func (r *compactIn) skip(t byte, inList bool, depth int) error {
	if depth > compactDepth {
		return errCompact
	}
	var err error
	switch t {
	case compactTrue, compactFalse:
		if inList {
			_, err = r.readByte()
		}
	case compactByte:
		_, err = r.readByte()
	case compactI16, compactI32, compactI64:
		_, err = r.readUvarint()
	case compactDouble:
		err = r.advance(8)
	case compactUUID:
		err = r.advance(16)
	case compactBinary:
		var n uint64
		if n, err = r.readUvarint(); err == nil {
			err = r.advance(n)
		}
	case compactList, compactSet:
		n, elem, err := r.list()
		for ; err == nil && n > 0; n-- {
			err = r.skip(elem, true, depth+1)
		}
		return err
	case compactMap:
		var n uint64
		var kv byte
		if n, err = r.readUvarint(); err == nil && n > 0 {
			kv, err = r.readByte()
		}
		for ; err == nil && n > 0; n-- {
			if err = r.skip(kv>>4, true, depth+1); err == nil {
				err = r.skip(kv&0x0F, true, depth+1)
			}
		}
	case compactStruct:
		return r.eachField(func(_ int16, ft byte) error { return r.skip(ft, false, depth+1) })
	default:
		err = errCompact
	}
	return err
}

func (r *compactIn) advance(n uint64) error {
	if n > uint64(len(r.b)-r.pos) {
		return errCompact
	}
	r.pos += int(n)
	return nil
}

// compactOut writes values to b; each struct being written keeps the
// number of its last field, from which the next field's header counts.
type compactOut struct {
	b    []byte
	last []int16
}

func (w *compactOut) beginStruct() { w.last = append(w.last, 0) }

func (w *compactOut) endStruct() {
	w.b = append(w.b, 0)
	w.last = w.last[:len(w.last)-1]
}

// field writes a field's header as Thrift's compact protocol does: the
// number's step from the last field in the header's byte when it is 1–15,
// else the number after it.
func (w *compactOut) field(id int16, t byte) {
	last := &w.last[len(w.last)-1]
	if d := int(id) - int(*last); d > 0 && d <= 15 {
		w.b = append(w.b, byte(d)<<4|t)
	} else {
		w.b = append(w.b, t)
		w.b = binary.AppendVarint(w.b, int64(id))
	}
	*last = id
}

// writeInt writes a zigzag varint (i16, i32, i64).
func (w *compactOut) writeInt(v int64) { w.b = binary.AppendVarint(w.b, v) }

func (w *compactOut) list(n int, elem byte) {
	if n < 15 {
		w.b = append(w.b, byte(n)<<4|elem)
		return
	}
	w.b = append(w.b, 0xF0|elem)
	w.b = binary.AppendUvarint(w.b, uint64(n))
}

// eachField reads a struct's fields, handing each field's number and type
// to read, which reads its value.
func (r *compactIn) eachField(read func(id int16, t byte) error) error {
	var last int16
	for {
		id, t, err := r.field(last)
		if err != nil || t == 0 {
			return err
		}
		if err := read(id, t); err != nil {
			return err
		}
		last = id
	}
}

// copyStruct copies a struct from r to w, field by field; take is given
// each field first, and reads and writes it itself when it says so.
// atEnd, when not nil, writes more fields before the struct's end.
func copyStruct(r *compactIn, w *compactOut, take func(id int16, t byte) (bool, error), atEnd func()) error {
	w.beginStruct()
	err := r.eachField(func(id int16, t byte) error {
		taken, err := take(id, t)
		if err != nil || taken {
			return err
		}
		w.field(id, t)
		from := r.pos
		if err := r.skip(t, false, 1); err != nil {
			return err
		}
		w.b = append(w.b, r.b[from:r.pos]...)
		return nil
	})
	if err != nil {
		return err
	}
	if atEnd != nil {
		atEnd()
	}
	w.endStruct()
	return nil
}
