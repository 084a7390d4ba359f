package output_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/pipeline"
)

// sampleDir is the committed sample county: its inbox and its truth.
var sampleDir = filepath.Join("..", "testdata", "sample")

// sample is the batch run once, for every test of this file's package, on
// the committed sample county into a temporary folder.
var sample struct {
	once    sync.Once
	dir     string
	written output.Written
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sample.dir != "" {
		os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}

// runSample runs the batch on the sample county (once) and returns what
// it wrote.
func runSample(t *testing.T) output.Written {
	t.Helper()
	sample.once.Do(func() {
		if sample.dir, sample.err = os.MkdirTemp("", "gongkai-sample-"); sample.err != nil {
			return
		}
		res, err := pipeline.Run(context.Background(), pipeline.Options{
			Inbox: filepath.Join(sampleDir, "inbox"), Out: sample.dir, Version: "test"})
		if err != nil {
			sample.err = err
			return
		}
		sample.written = res.Written
	})
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	return sample.written
}

// truth is what truth.json says the batch must give for the sample county.
type truth struct {
	Year   int `json:"year"`
	County struct {
		Metrics domain.Metrics `json:"metrics"`
	} `json:"county"`
	Units map[string]struct {
		Metrics domain.Metrics `json:"metrics"`
	} `json:"units"`
}

// sampleTruth reads the sample county's truth.json.
func sampleTruth(t *testing.T) truth {
	t.Helper()
	var truth truth
	readJSONFile(t, filepath.Join(sampleDir, "truth.json"), &truth)
	return truth
}

func readJSONFile(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// rawRows reads a sheet's cells as stored, unformatted.
func rawRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
