package samplecounty

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

var dupOptions = Options{Seed: 5, Units: 4, Rows: 20, Duplicates: true}

func TestDuplicatesSameSeedSameOutput(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, err := Generate(dir, nil, dupOptions); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{TruthFile, ExpectedDuplicatesFile} {
		ja, _ := os.ReadFile(filepath.Join(a, name))
		jb, _ := os.ReadFile(filepath.Join(b, name))
		if len(ja) == 0 || !bytes.Equal(ja, jb) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	files := workbooks(t, a)
	if !slices.Equal(files, workbooks(t, b)) {
		t.Fatal("the two runs wrote different files")
	}
	for _, rel := range files {
		if !slices.Equal(cellDump(t, filepath.Join(a, rel)), cellDump(t, filepath.Join(b, rel))) {
			t.Errorf("%s: cells differ between two runs with the same seed", rel)
		}
	}
}

func TestDuplicatesDoNotCombine(t *testing.T) {
	for _, opt := range []Options{{Duplicates: true, Messy: true}, {Duplicates: true, Violations: true}} {
		if _, err := Generate(t.TempDir(), nil, opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
}

// TestDuplicatesFiles checks the planted files themselves: copies are
// byte-identical, versions differ by what must decide between them, and a
// repeated row repeats its record.
func TestDuplicatesFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, nil, dupOptions); err != nil {
		t.Fatal(err)
	}
	list, err := ReadExpectedDuplicates(dir)
	if err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(dir, InboxDir)
	abs := func(rel string) string { return filepath.Join(inbox, filepath.FromSlash(rel)) }
	kinds := map[string]int{}
	for _, e := range list {
		kinds[e.Kind]++
		switch e.Kind {
		case DupIdenticalFile:
			x, _ := os.ReadFile(abs(e.File))
			y, _ := os.ReadFile(abs(e.ReplacedBy))
			if len(x) == 0 || !bytes.Equal(x, y) || strings.Contains(e.ReplacedBy, "副本") {
				t.Errorf("%s is no copy of %s, the original", e.File, e.ReplacedBy)
			}
		case DupSuperseded:
			checkVersions(t, e, coverDate(t, abs(e.File)), coverDate(t, abs(e.ReplacedBy)), modTime(t, abs(e.File)), modTime(t, abs(e.ReplacedBy)))
		case DupRecord:
			if a, b := ledgerRow(t, abs(e.File), e.Sheet, e.Row), ledgerRow(t, abs(e.File), e.Sheet, e.DuplicatesRow); !slices.Equal(a, b) {
				t.Errorf("%s '%s' row %d %v does not repeat row %d %v", e.File, e.Sheet, e.Row, a, e.DuplicatesRow, b)
			}
		}
	}
	want := map[string]int{DupIdenticalFile: 3, DupSuperseded: 5, DupRecord: 3, DupSameItem: 1, DupNearDuplicate: 2, DupLookAlike: 3, DupMultiChannel: 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s cases, want %d", kinds[k], k, n)
		}
	}
}

// checkVersions checks that the newer version wins by e.DecidedBy alone.
func checkVersions(t *testing.T, e ExpectedDuplicate, oldDate, newDate string, oldTime, newTime int64) {
	t.Helper()
	ok := false
	switch e.DecidedBy {
	case byFillDate:
		ok = oldDate != "" && newDate > oldDate && oldTime > newTime
	case byVersionMark:
		ok = oldDate == "" && newDate == "" && oldTime > newTime
	case byModTime:
		ok = oldDate != "" && newDate == oldDate && newTime > oldTime && e.ReplacedBy < e.File
	}
	if !ok {
		t.Errorf("%s (%s) vs %s: 填报日期 %q/%q, times %d/%d", e.File, e.DecidedBy, e.ReplacedBy, oldDate, newDate, oldTime, newTime)
	}
}

// coverDate is the raw 填报日期 of a generated workbook's cover.
func coverDate(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetCover, excelize.Options{RawCellValue: true})
	for _, r := range rows {
		if len(r) > 0 && r[0] == domain.CoverDate {
			if len(r) > 1 {
				return r[1]
			}
			return ""
		}
	}
	t.Fatalf("%s: no %s", path, domain.CoverDate)
	return ""
}

func modTime(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.ModTime().Unix()
}

// ledgerRow is a ledger row's raw values without its 序号.
func ledgerRow(t *testing.T, path, sheet string, row int) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if row > len(rows) {
		return nil
	}
	out := slices.Clone(rows[row-1])
	if sheet == SheetDisclosure && len(out) > 0 {
		out[0] = "" // 序号
	}
	return out
}
