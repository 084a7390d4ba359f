package output_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"

	"gongkai/domain"
	"gongkai/output"
)

// runAccounting is the part of run.json that accounts for records.
type runAccounting struct {
	Accounting struct {
		ByKind map[domain.Kind]domain.Tally `json:"by_kind"`
	} `json:"accounting"`
	Inputs []struct {
		Path    string       `json:"path"`
		Records domain.Tally `json:"records"`
	} `json:"inputs"`
}

// TestSampleParquetHoldsTheCountedRecords reads the sample county's
// Parquet files back with arrow-go and checks them against run.json: each
// kind has exactly accounting.by_kind[kind].counted rows, with the schema
// of its kind, each record once (by its lineage), and each input file has
// as many rows as run.json says it had counted.
func TestSampleParquetHoldsTheCountedRecords(t *testing.T) {
	w := runSample(t)
	var run runAccounting
	readJSONFile(t, w.RunJSON, &run)
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)

	perFile := map[string]int{}
	total := 0
	for _, kind := range domain.LedgerKinds {
		path := w.Parquet[kind]
		if filepath.Base(path) != string(kind)+".parquet" {
			t.Fatalf("%s: Parquet file %q", kind, path)
		}
		tbl := output.ReadParquet(t, mem, path)
		want := run.Accounting.ByKind[kind].Counted
		if got := int(tbl.NumRows()); got != want {
			t.Errorf("%s: %d rows, run.json counted %d", kind, got, want)
		}
		output.CheckSchema(t, kind, tbl.Schema())
		checkRowGroups(t, kind, path)
		seen := map[string]bool{}
		forEachLineage(t, tbl, func(file, sheet string, row int32) {
			key := fmt.Sprintf("%s|%s|%d", file, sheet, row)
			if seen[key] {
				t.Errorf("%s: the record of %s is there twice", kind, key)
			}
			seen[key] = true
			perFile[file]++
		})
		total += want
		tbl.Release()
	}
	if total == 0 {
		t.Fatal("the sample county counted no records")
	}
	for _, in := range run.Inputs {
		if got := perFile[in.Path]; got != in.Records.Counted {
			t.Errorf("%s: %d rows in the Parquet files, run.json counted %d", in.Path, got, in.Records.Counted)
		}
		delete(perFile, in.Path)
	}
	for file, n := range perFile {
		t.Errorf("%d rows come from %s, which run.json does not list", n, file)
	}
}

// checkRowGroups checks that every row group of a county's file holds
// rows: a unit whose records of a kind all dropped adds none.
func checkRowGroups(t *testing.T, kind domain.Kind, path string) {
	t.Helper()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	for i := range rdr.NumRowGroups() {
		if n := rdr.MetaData().RowGroup(i).NumRows(); n == 0 {
			t.Errorf("%s: row group %d of %d holds no rows", kind, i, rdr.NumRowGroups())
		}
	}
}

// forEachLineage calls fn with the source file, sheet and row of every
// record of tbl.
func forEachLineage(t *testing.T, tbl arrow.Table, fn func(file, sheet string, row int32)) {
	t.Helper()
	col := func(name string) *arrow.Chunked {
		idx := tbl.Schema().FieldIndices(name)
		if len(idx) != 1 {
			t.Fatalf("no lineage column %s", name)
		}
		return tbl.Column(idx[0]).Data()
	}
	files, sheets, rows := col(domain.LineageFile), col(domain.LineageSheet), col(domain.LineageRow)
	for c := range files.Chunks() {
		fc := files.Chunk(c).(*array.String)
		sc := sheets.Chunk(c).(*array.String)
		rc := rows.Chunk(c).(*array.Int32)
		for i := 0; i < fc.Len(); i++ {
			fn(fc.Value(i), sc.Value(i), rc.Value(i))
		}
	}
}
