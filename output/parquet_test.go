package output

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

			checkSchema(t, kind, got.Schema())
			if got.NumRows() != want.NumRows() {
				t.Fatalf("%d rows, want %d", got.NumRows(), want.NumRows())
			}
			sameColumns(t, got, want)
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

// TestParquetRowGroups: a unit's records of a kind make one row group,
// however many batches its offices gave (an empty one among them), and
// records with no rows make a file with the schema and no row group — not
// an empty row group for an analyst's reader to pass over.
func TestParquetRowGroups(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	kind := domain.KindDisclosure
	at := func(office string, n int) row {
		return lineage("白沙镇", office, office+".xlsx", "台账", n).with(row{domain.FieldTitle: fmt.Sprintf("标题%d", n), domain.FieldDate: day(2025, 3, n)})
	}
	batches := []arrow.RecordBatch{
		buildBatch(t, mem, kind, at("党政办", 2), at("党政办", 3), at("党政办", 4)),
		buildBatch(t, mem, kind),
		buildBatch(t, mem, kind, at("财政所", 2), at("财政所", 3)),
	}
	defer func() {
		for _, b := range batches {
			b.Release()
		}
	}()
	for _, c := range []struct {
		name         string
		batches      []arrow.RecordBatch
		groups, rows int
	}{
		{"offices", batches, 1, 5},
		{"no rows", batches[1:2], 0, 0},
		{"no batches", nil, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.parquet")
			if err := writeAtomic(path, func(w io.Writer) error { return encodeParquet(w, kind, c.batches) }); err != nil {
				t.Fatal(err)
			}
			rdr, err := file.OpenParquetFile(path, false)
			if err != nil {
				t.Fatal(err)
			}
			defer rdr.Close()
			if g, n := rdr.NumRowGroups(), rdr.NumRows(); g != c.groups || n != int64(c.rows) {
				t.Errorf("%d row groups, %d rows; want %d, %d", g, n, c.groups, c.rows)
			}
			tbl := readParquet(t, mem, path)
			defer tbl.Release()
			checkSchema(t, kind, tbl.Schema())
			want := array.NewTableFromRecords(domain.Schema(kind), c.batches)
			defer want.Release()
			sameColumns(t, tbl, want)
		})
	}
}

// TestParquetRefusesAnotherSchema: records that are not of the kind's
// schema are an error for the unit, not a panic of the batch.
func TestParquetRefusesAnotherSchema(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	appeal := buildBatch(t, mem, domain.KindAppeal, lineage("白沙镇", "党政办", "a.xlsx", "台账", 2))
	defer appeal.Release()
	var b bytes.Buffer
	if err := encodeParquet(&b, domain.KindDisclosure, []arrow.RecordBatch{appeal}); err == nil {
		t.Error("appeals written as disclosures")
	}
}

// sameColumns reports each column of got whose values differ from want's.
func sameColumns(t *testing.T, got, want arrow.Table) {
	t.Helper()
	for i := range int(want.NumCols()) {
		if !array.ChunkedEqual(got.Column(i).Data(), want.Column(i).Data()) {
			t.Errorf("column %s differs", want.Schema().Field(i).Name)
		}
	}
}

// checkSchema compares the columns read back with the kind's schema:
// names, types and nullability (Parquet adds field ids as metadata).
func checkSchema(t *testing.T, kind domain.Kind, got *arrow.Schema) {
	t.Helper()
	want := domain.Schema(kind)
	if got.NumFields() != want.NumFields() {
		t.Fatalf("%s: %d columns, want %d", kind, got.NumFields(), want.NumFields())
	}
	for i, f := range want.Fields() {
		g := got.Field(i)
		if g.Name != f.Name || !arrow.TypeEqual(g.Type, f.Type) || g.Nullable != f.Nullable {
			t.Errorf("%s: column %d is %s, want %s", kind, i, g, f)
		}
	}
}
