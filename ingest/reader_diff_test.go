package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/output/samplecounty"
)

// diffTally counts what the differential test compared.
type diffTally struct {
	files, sheets, rows, cells int
	notOpened                  int      // excelize does not open them: not compared
	wholeToExcelize            []string // files the reader left to excelize as a whole
	handedOver                 []string // sheets handed over to excelize mid-way
	mergeSheets                int      // sheets with merged cells compared
	mergesExcelizeNone         []string // excelize reads no merged cells (it fails on the sheet); this reader does
}

// add adds o into t.
func (t *diffTally) add(o diffTally) {
	t.files += o.files
	t.sheets += o.sheets
	t.rows += o.rows
	t.cells += o.cells
	t.notOpened += o.notOpened
	t.mergeSheets += o.mergeSheets
	t.wholeToExcelize = append(t.wholeToExcelize, o.wholeToExcelize...)
	t.handedOver = append(t.handedOver, o.handedOver...)
	t.mergesExcelizeNone = append(t.mergesExcelizeNone, o.mergesExcelizeNone...)
}

// TestReaderAgreesWithExcelize reads every workbook of the shared corpus
// and of generated counties with both this package's streaming reader and
// excelize's Rows()+Columns(RawCellValue), and requires the same sheets,
// rows and values, and the same merged areas.
func TestReaderAgreesWithExcelize(t *testing.T) {
	if entries, err := os.ReadDir(corpusDir); err == nil && !testing.Short() {
		var files []string
		for _, e := range entries {
			if !e.IsDir() {
				files = append(files, filepath.Join(corpusDir, e.Name()))
			}
		}
		diffFiles(t, "corpus", DefaultLimits(), files)
	} else {
		t.Logf("corpus not read: %v (short: %v)", err, testing.Short())
	}
	var files []string
	for _, messy := range []bool{false, true} {
		dir := t.TempDir()
		if _, err := samplecounty.Generate(dir, nil, samplecounty.Options{Seed: 8, Units: 4, Rows: 60, Messy: messy}); err != nil {
			t.Fatal(err)
		}
		filepath.WalkDir(filepath.Join(dir, samplecounty.InboxDir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
	}
	diffFiles(t, "generated (tidy and messy)", DefaultLimits(), files)
	// Parts over XMLInMemory are streamed through a window that grows as
	// a token needs: the same rows and merged cells again, every worksheet
	// streamed through a window of 64 bytes at first.
	defer func(w int, a int64) { streamWindow, streamAbove = w, a }(streamWindow, streamAbove)
	streamWindow, streamAbove = 64, 1
	diffFiles(t, "generated, every worksheet streamed through a small window", DefaultLimits(), files)
}

// diffFiles compares the readers on the workbooks among files, two at a
// time, and logs the tally.
func diffFiles(t *testing.T, what string, lim Limits, files []string) {
	var tally diffTally
	var mu sync.Mutex
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for p := range jobs {
				var one diffTally
				diffFile(t, p, lim, &one)
				mu.Lock()
				tally.add(one)
				mu.Unlock()
			}
		})
	}
	for _, p := range files {
		if f, err := Sniff(p); err == nil && f == FormatXLSX {
			jobs <- p
		}
	}
	close(jobs)
	wg.Wait()
	sort.Strings(tally.wholeToExcelize)
	sort.Strings(tally.handedOver)
	sort.Strings(tally.mergesExcelizeNone)
	t.Logf("%s: compared %d workbooks, %d sheets, %d rows, %d cells value for value; %d sheets with merged cells",
		what, tally.files, tally.sheets, tally.rows, tally.cells, tally.mergeSheets)
	t.Logf("  not opened by excelize (not compared): %d", tally.notOpened)
	t.Logf("  left to excelize as a whole (agree by construction): %d", len(tally.wholeToExcelize))
	for _, f := range tally.wholeToExcelize {
		t.Logf("    %s", f)
	}
	t.Logf("  sheets handed over to excelize mid-way (agree by construction): %d", len(tally.handedOver))
	for _, s := range tally.handedOver {
		t.Logf("    %s", s)
	}
	t.Logf("  sheets where excelize reads no merged cells (it fails on the sheet) and this reader does: %d", len(tally.mergesExcelizeNone))
	for _, s := range tally.mergesExcelizeNone {
		t.Logf("    %s", s)
	}
}

// diffFile compares the two readers on one file.
func diffFile(t *testing.T, p string, lim Limits, tally *diffTally) {
	name := filepath.Base(p)
	xl, err := excelize.OpenFile(p, excelize.Options{RawCellValue: true, UnzipSizeLimit: lim.UnzipSize, UnzipXMLSizeLimit: lim.XMLInMemory})
	if err != nil {
		if pb, _ := openParts(p, lim); pb != nil {
			pb.Close()
			t.Errorf("%s: excelize refuses it (%v), the streaming reader opens it", name, err)
		}
		tally.notOpened++
		return
	}
	defer xl.Close()
	tally.files++
	pb, why := openParts(p, lim)
	if pb == nil {
		tally.wholeToExcelize = append(tally.wholeToExcelize, name+": "+why)
		return
	}
	defer pb.Close()
	srcs := pb.sources()
	names := xl.GetSheetList()
	if len(srcs) != len(names) {
		t.Errorf("%s: %d sheets, excelize %d", name, len(srcs), len(names))
		return
	}
	if props, err := xl.GetWorkbookProps(); err == nil && (props.Date1904 != nil && *props.Date1904) != (pb.dateSys == Date1904) {
		t.Errorf("%s: date system differs", name)
	}
	for i, sheet := range names {
		if srcs[i].name != sheet {
			t.Errorf("%s: sheet %d is %q, excelize %q", name, i, srcs[i].name, sheet)
			continue
		}
		tally.sheets++
		where := fmt.Sprintf("%s [%s]", name, sheet)
		diffSheet(t, where, xl, sheet, srcs[i], tally)
		if h := pb.handed; len(h) > 0 && h[len(h)-1].sheet == sheet {
			tally.handedOver = append(tally.handedOver, where+": "+h[len(h)-1].why)
			pb.handed = nil
		}
		diffMerges(t, where, xl, sheet, srcs[i], tally)
	}
}

// diffSheet compares the rows of one sheet.
func diffSheet(t *testing.T, where string, xl *excelize.File, sheet string, src sheetSource, tally *diffTally) {
	want, werr := xl.Rows(sheet)
	got, gerr := src.open()
	if (werr != nil) != (gerr != nil) {
		t.Errorf("%s: open: excelize %v, reader %v", where, werr, gerr)
		return
	}
	if werr != nil {
		return
	}
	defer want.Close()
	defer got.Close()
	for row := 1; ; row++ {
		wn, gn := want.Next(), got.Next()
		if wn != gn {
			t.Errorf("%s: row %d: excelize has a row: %v, reader: %v", where, row, wn, gn)
			return
		}
		if !wn {
			return
		}
		wc, we := want.Columns(excelize.Options{RawCellValue: true})
		gc, ge := got.Cells()
		if (we != nil) != (ge != nil) || !reflect.DeepEqual(nilIfEmpty(wc), nilIfEmpty(gc)) {
			t.Errorf("%s: row %d:\n excelize %q %v\n reader   %q %v", where, row, wc, we, gc, ge)
			return
		}
		tally.rows++
		tally.cells += len(wc)
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// diffMerges compares the merged areas mergedDown reads: every area's
// range, and the top-left value of those that span rows.
func diffMerges(t *testing.T, where string, xl *excelize.File, sheet string, src sheetSource, tally *diffTally) {
	want := xlsxMerges(xl, sheet)
	got := src.merges()
	if len(want) == 0 && len(got) == 0 {
		return
	}
	tally.mergeSheets++
	if len(want) == 0 {
		if _, err := xl.GetMergeCells(sheet); err != nil {
			tally.mergesExcelizeNone = append(tally.mergesExcelizeNone, where+": "+firstLine(err.Error()))
			return
		}
	}
	key := func(ms []mergedRange) []string {
		var out []string
		for _, m := range ms {
			v := ""
			if m.bottom > m.top {
				v = m.value
			}
			out = append(out, fmt.Sprintf("%d,%d:%d,%d=%q", m.top, m.left, m.bottom, m.right, v))
		}
		sort.Strings(out)
		return out
	}
	if w, g := key(want), key(got); !reflect.DeepEqual(w, g) {
		t.Errorf("%s: merged cells differ:\n excelize %v\n reader   %v", where, trimList(w), trimList(g))
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func trimList(s []string) []string {
	if len(s) > 8 {
		return append(s[:8:8], fmt.Sprintf("… %d more", len(s)-8))
	}
	return s
}
