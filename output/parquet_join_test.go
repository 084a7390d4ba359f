package output

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestJoinParquetReadsAsOne joins Parquet files of one kind, one of them
// with no rows, and reads the result back as the records of all, in order.
func TestJoinParquetReadsAsOne(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	kind := domain.KindDisclosure
	var batches []arrow.RecordBatch
	for u, unit := range []string{"白沙镇", "闸口镇", "山口镇"} {
		var rows []row
		for i := range 3 * u { // 闸口镇 3 rows, 山口镇 6, 白沙镇 none
			rows = append(rows, lineage(unit, "党政办", unit+".xlsx", "s", i+2).with(row{
				domain.FieldTitle: unit + "公告", domain.FieldDate: day(2025, 1, 1+i), domain.FieldChannel: "website"}))
		}
		batches = append(batches, buildBatch(t, mem, kind, rows...))
	}
	defer func() {
		for _, b := range batches {
			b.Release()
		}
	}()
	dir := t.TempDir()
	pf, err := createPartFile(filepath.Join(dir, "parts"))
	if err != nil {
		t.Fatal(err)
	}
	var parts []FilePart
	for _, b := range batches {
		p, err := pf.add(func(w io.Writer) error { return encodeParquet(w, kind, []arrow.RecordBatch{b}) })
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	if err := pf.close(); err != nil {
		t.Fatal(err)
	}
	joined := filepath.Join(dir, "joined.parquet")
	f, err := os.Create(joined)
	if err != nil {
		t.Fatal(err)
	}
	if err := joinParquet(f, parts); err != nil {
		t.Fatal(err)
	}
	f.Close()

	got := readParquet(t, mem, joined)
	defer got.Release()
	want := array.NewTableFromRecords(domain.Schema(kind), batches)
	defer want.Release()
	if got.NumRows() != 9 || got.NumRows() != want.NumRows() {
		t.Fatalf("%d rows, want %d", got.NumRows(), want.NumRows())
	}
	for i := range int(want.NumCols()) {
		if !array.ChunkedEqual(got.Column(i).Data(), want.Column(i).Data()) {
			t.Errorf("column %s differs", want.Schema().Field(i).Name)
		}
	}
}
