package ingest

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TextRun is a text repeated N times.
type TextRun struct {
	Text string
	N    int
}

// RepeatedText is a string array of the runs one after the other, made
// in one pass over two buffers sized at once: the lineage columns of a
// file's records repeat one text (a sheet's name, the file's path) row
// after row, and appending each through a builder was most of their cost
// (and the parse cache keeps them as runs).
// A file's text is far below the 2 GiB a string array can offset.
func RepeatedText(mem memory.Allocator, runs []TextRun) arrow.Array {
	n, size := 0, 0
	for _, r := range runs {
		n += r.N
		size += r.N * len(r.Text)
	}
	offsets := memory.NewResizableBuffer(mem)
	offsets.Resize((n + 1) * arrow.Int32SizeBytes)
	data := memory.NewResizableBuffer(mem)
	data.Resize(size)
	offs := arrow.Int32Traits.CastFromBytes(offsets.Bytes())
	text := data.Bytes()
	pos, i := 0, 0
	for _, r := range runs {
		for range r.N {
			offs[i] = int32(pos)
			pos += copy(text[pos:], r.Text)
			i++
		}
	}
	offs[n] = int32(pos)
	d := array.NewData(arrow.BinaryTypes.String, n, []*memory.Buffer{nil, offsets, data}, nil, 0, 0)
	offsets.Release()
	data.Release()
	defer d.Release()
	return array.NewStringData(d)
}
