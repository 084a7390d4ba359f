package output

import (
	"context"
	"os"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"gongkai/domain"
)

// readParquet reads a Parquet file back as an Arrow table, with mem.
func readParquet(t *testing.T, mem memory.Allocator, path string) arrow.Table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tbl, err := pqarrow.ReadTable(context.Background(), f, parquet.NewReaderProperties(mem), pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestParquetRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	r := testReport(t, mem)
	defer releaseRecords(r)
	w := writeTest(t, r)

	for _, kind := range domain.LedgerKinds {
		t.Run(string(kind), func(t *testing.T) {
			got := readParquet(t, mem, w.Parquet[kind])
			defer got.Release()
			want := array.NewTableFromRecords(domain.Schema(kind), r.Records[kind])
			defer want.Release()

			schema := domain.Schema(kind)
			if got.NumCols() != int64(schema.NumFields()) {
				t.Fatalf("%d columns, want %d", got.NumCols(), schema.NumFields())
			}
			for i, f := range schema.Fields() {
				g := got.Schema().Field(i)
				if g.Name != f.Name || !arrow.TypeEqual(g.Type, f.Type) {
					t.Errorf("column %d is %s %s, want %s %s", i, g.Name, g.Type, f.Name, f.Type)
				}
			}
			if got.NumRows() != want.NumRows() {
				t.Fatalf("%d rows, want %d", got.NumRows(), want.NumRows())
			}
			for i := range schema.NumFields() {
				if !array.ChunkedEqual(got.Column(i).Data(), want.Column(i).Data()) {
					t.Errorf("column %s differs", schema.Field(i).Name)
				}
			}
		})
	}
	if n := readParquet(t, mem, w.Parquet[domain.KindAppeal]); n.NumRows() != 0 {
		n.Release()
		t.Errorf("appeals: want an empty file")
	} else {
		n.Release()
	}
}

// TestParquetIsCompressed: zstd, statistics for dates and none for text.
func TestParquetIsCompressed(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)

	rdr, err := file.OpenParquetFile(w.Parquet[domain.KindDisclosure], false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	col, err := rdr.MetaData().RowGroup(0).ColumnChunk(0)
	if err != nil {
		t.Fatal(err)
	}
	if got := col.Compression().String(); got != "ZSTD" {
		t.Errorf("compression = %s, want ZSTD", got)
	}
	// Statistics for dates (filters on them skip row groups), none for text.
	rg := rdr.MetaData().RowGroup(0)
	for i := 0; i < rg.NumColumns(); i++ {
		cc, err := rg.ColumnChunk(i)
		if err != nil {
			t.Fatal(err)
		}
		name := cc.PathInSchema().String()
		stats, _ := cc.StatsSet()
		switch name {
		case domain.FieldTitle, domain.LineageFile:
			if stats {
				t.Errorf("column %s has statistics", name)
			}
		case domain.FieldDate:
			if !stats {
				t.Errorf("column %s has no statistics", name)
			}
		}
	}
}
