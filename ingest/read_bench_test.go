package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// benchCounty is a generated county of 54 workbooks (about 600 ledger
// rows each), made once for the benchmarks.
var benchCounty = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "gongkai-ingest-bench-")
	if err != nil {
		return "", err
	}
	_, err = samplecounty.Generate(dir, nil, samplecounty.Options{Seed: 5, Rows: 2000})
	return filepath.Join(dir, samplecounty.InboxDir), err
})

// benchFiles lists the county's workbooks relative to its inbox.
func benchFiles(b *testing.B) (string, []string) {
	inbox, err := benchCounty()
	if err != nil {
		b.Fatal(err)
	}
	var rels []string
	filepath.WalkDir(inbox, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".xlsx") {
			rel, _ := filepath.Rel(inbox, p)
			rels = append(rels, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(rels)
	return inbox, rels
}

// BenchmarkReadFile reads the county's workbooks with ReadFile on one
// goroutine: open, recognise, normalise into records.
func BenchmarkReadFile(b *testing.B) {
	inbox, rels := benchFiles(b)
	r, err := NewReader(domain.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	records := 0
	b.ReportAllocs()
	for b.Loop() {
		for _, rel := range rels {
			sub, err := r.ReadFile(context.Background(), inbox, rel)
			if err != nil {
				b.Fatal(err)
			}
			for _, rec := range sub.Records {
				records += int(rec.NumRows())
			}
			sub.Release()
		}
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "rows/s")
}

// readAllCells reads every cell of every sheet of the county's workbooks
// through the given opener and returns the rows read.
func readAllCells(b *testing.B, open func(path string) ([]sheetSource, func())) (rows, cells int) {
	inbox, rels := benchFiles(b)
	for _, rel := range rels {
		sheets, done := open(filepath.Join(inbox, rel))
		for _, sh := range sheets {
			src, err := sh.open()
			if err != nil {
				b.Fatal(err)
			}
			for src.Next() {
				c, _ := src.Cells()
				rows++
				cells += len(c)
			}
			src.Close()
		}
		done()
	}
	return rows, cells
}

// BenchmarkCellReader reads every cell with this package's streaming reader.
func BenchmarkCellReader(b *testing.B) {
	rows := 0
	b.ReportAllocs()
	for b.Loop() {
		n, _ := readAllCells(b, func(p string) ([]sheetSource, func()) {
			pb, why := openParts(p, DefaultLimits())
			if pb == nil {
				b.Fatal(why)
			}
			return pb.sources(), func() { pb.Close() }
		})
		rows += n
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCellReaderExcelize reads every cell with excelize's Rows() and
// RawCellValue, for comparison.
func BenchmarkCellReaderExcelize(b *testing.B) {
	rows := 0
	b.ReportAllocs()
	for b.Loop() {
		n, _ := readAllCells(b, func(p string) ([]sheetSource, func()) {
			book, err := openExcelize(p, DefaultLimits())
			if err != nil {
				b.Fatal(err)
			}
			return book.sheets(), func() { book.Close() }
		})
		rows += n
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

var _ = excelize.TotalRows
