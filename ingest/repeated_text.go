package ingest

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// textRun is a text repeated n times.
type textRun struct {
	text string
	n    int
}

// repeatedText is a string array of the runs one after the other, made
// in one pass over two buffers sized at once: the lineage columns of a
// file's records repeat one text (a sheet's name, the file's path) row
// after row, and appending each through a builder was most of their cost.
// A file's text is far below the 2 GiB a string array can offset.
func repeatedText(mem memory.Allocator, runs []textRun) arrow.Array {
	n, size := 0, 0
	for _, r := range runs {
		n += r.n
		size += r.n * len(r.text)
	}
	offsets := memory.NewResizableBuffer(mem)
	offsets.Resize((n + 1) * arrow.Int32SizeBytes)
	data := memory.NewResizableBuffer(mem)
	data.Resize(size)
	offs := arrow.Int32Traits.CastFromBytes(offsets.Bytes())
	text := data.Bytes()
	pos, i := 0, 0
	for _, r := range runs {
		for range r.n {
			offs[i] = int32(pos)
			pos += copy(text[pos:], r.text)
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
