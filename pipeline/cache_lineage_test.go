package pipeline

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestCacheLineageRoundTrip: records written to the cache without their
// lineage text columns come back equal to what was read — a file named in
// bytes that are not UTF-8, records from two sheets, a text column with a
// null left as it is — and the stream is smaller for it.
func TestCacheLineageRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	schema := domain.Schema(domain.KindDisclosure)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	const n = 500
	file := "白沙镇/党政办/\xb0\xd7\xc9\xb3-台账.xlsx" // GBK bytes in a name
	for i := range n {
		for j, f := range schema.Fields() {
			switch fb := b.Field(j).(type) {
			case *array.StringBuilder:
				switch f.Name {
				case domain.LineageFile:
					fb.Append(file)
				case domain.LineageSheet:
					fb.Append([]string{"一月", "二月"}[i*2/n])
				case domain.LineageUnit:
					fb.Append("白沙镇")
				case domain.LineageOffice:
					fb.Append("党政办")
				default:
					if i == 7 {
						fb.AppendNull()
					} else {
						fb.Append(fmt.Sprintf("%s %d", f.Name, i))
					}
				}
			case *array.Int32Builder:
				fb.Append(int32(i + 3))
			default:
				fb.AppendNull()
			}
		}
	}
	rec := b.NewRecordBatch()
	defer rec.Release()

	var full, lean bytes.Buffer
	if err := writeIPC(&full, rec); err != nil {
		t.Fatal(err)
	}
	stored, err := withoutLineage(rec)
	if err != nil {
		t.Fatal(err)
	}
	defer stored.Release()
	if err := writeIPC(&lean, stored); err != nil {
		t.Fatal(err)
	}
	read, err := readIPC(lean.Bytes(), mem)
	if err != nil {
		t.Fatal(err)
	}
	defer read.Release()
	back, err := withLineage(read, schema, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Release()
	if !array.RecordEqual(rec, back) || !back.Schema().Equal(schema) {
		t.Errorf("records differ after the cache:\n%v\nwant\n%v", back, rec)
	}
	if lean.Len() >= full.Len()*3/4 {
		t.Errorf("cached stream %d bytes, with the lineage columns %d", lean.Len(), full.Len())
	}
	if _, err := withLineage(rec, schema, mem); err == nil {
		t.Error("a record without lineage runs was taken")
	}
}
