package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output/samplecounty"
)

// TestRecordsSetAsideGiveTheSameRun: a run that holds no parsed records in
// memory (each unit loads its own from the parse cache) writes the same
// figures, inputs, findings and records as one that holds them all.
func TestRecordsSetAsideGiveTheSameRun(t *testing.T) {
	for name, opt := range map[string]samplecounty.Options{
		"duplicates and versions": {Seed: 11, Units: 6, Rows: 30, Duplicates: true},
		"violations":              {Seed: 12, Units: 6, Rows: 30, Violations: true},
	} {
		t.Run(name, func(t *testing.T) { compareHeldAndSetAside(t, opt) })
	}
}

func compareHeldAndSetAside(t *testing.T, opt samplecounty.Options) {
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	truth, err := samplecounty.Generate(dir, cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		County   json.RawMessage `json:"county"`
		Units    json.RawMessage `json:"units"`
		Inputs   json.RawMessage `json:"inputs"`
		Findings json.RawMessage `json:"findings"`
	}
	var runs [2]run
	var parquet [2]arrow.Table
	for i, held := range []int64{0, -1} {
		out := filepath.Join(dir, "out", string(rune('a'+i)))
		res, err := Run(context.Background(), Options{Inbox: filepath.Join(dir, "inbox"), Out: out, Config: cfg, HeldBytes: held})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int64]int{0: 0, -1: res.FilesParsed}[held]; res.FilesSetAside != want || res.FilesParsed == 0 {
			t.Fatalf("HeldBytes %d: %d of %d files set aside, want %d", held, res.FilesSetAside, res.FilesParsed, want)
		}
		readJSON(t, res.Written.RunJSON, &runs[i])
		parquet[i] = readParquetTable(t, res.Written.Parquet[domain.KindDisclosure])
		defer parquet[i].Release()
	}
	var got runJSON
	readJSON(t, filepath.Join(dir, "out", "b", "2025", "run.json"), &got)
	compareMetrics(t, "county", truth.County.Metrics, got.County.Metrics)
	for _, part := range []struct {
		name      string
		held, set json.RawMessage
	}{
		{"county", runs[0].County, runs[1].County}, {"units", runs[0].Units, runs[1].Units},
		{"inputs", runs[0].Inputs, runs[1].Inputs}, {"findings", runs[0].Findings, runs[1].Findings},
	} {
		if len(part.held) < 10 || !bytes.Equal(part.held, part.set) {
			t.Errorf("run.json %s differ when records are set aside (%d and %d bytes)", part.name, len(part.held), len(part.set))
		}
	}
	if parquet[0].NumRows() == 0 || !array.TableEqual(parquet[0], parquet[1]) {
		t.Errorf("disclosure.parquet differs when records are set aside")
	}
}

// TestRecordSourceReadsAgain: records neither held nor in the cache are
// read again from the file, unless the file changed meanwhile.
func TestRecordSourceReadsAgain(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 3, Units: 1, Rows: 10}); err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(dir, "inbox")
	files, err := listInbox(inbox, 0, time.Now())
	if err != nil || len(files) == 0 {
		t.Fatalf("inbox: %v, %d files", err, len(files))
	}
	reader, err := ingest.NewReader(cfg, mem)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := newParseCache(filepath.Join(dir, "out"), "test", cfg)
	if err != nil {
		t.Fatal(err)
	}
	rel := files[0].rel
	s, err := reader.ReadFile(context.Background(), inbox, rel)
	if err != nil || s.Rejected != "" {
		t.Fatalf("read %s: %v %s", rel, err, s.Rejected)
	}
	first := s.TakeRecords()
	defer func() {
		for _, r := range first {
			r.Release()
		}
	}()
	rs := &recordSource{inbox: inbox, cache: cache, reader: reader, mem: mem}
	again, err := rs.load(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	for k, rec := range first {
		if !array.RecordEqual(rec, again[k]) {
			t.Errorf("%s read again differs", k)
		}
		again[k].Release()
	}
	// The summary tables of a file that has them come back the same way.
	if s.HasSummary {
		want := s.Summary
		s.Summary = nil
		got, err := rs.summary(context.Background(), s)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("summary read again: %v, equal %v", err, reflect.DeepEqual(got, want))
		}
	} else {
		t.Errorf("%s has no summary tables to read again", rel)
	}
	if err := os.WriteFile(filepath.Join(inbox, filepath.FromSlash(rel)), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.load(context.Background(), s); err == nil {
		t.Errorf("a file that changed since it was read gave records")
	}
}

// readParquetTable reads a Parquet file whole.
func readParquetTable(t *testing.T, path string) arrow.Table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mem := memory.DefaultAllocator
	tbl, err := pqarrow.ReadTable(context.Background(), f, parquet.NewReaderProperties(mem), pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}
