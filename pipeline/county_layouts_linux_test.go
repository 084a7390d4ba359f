package pipeline

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/output/samplecounty"
)

// TestCountyWorkbookRowsLeftInPlace (Linux, where outputs are written
// over): a run that writes its county workbook over the one of two runs
// before leaves there the rows of the units that did not change, and its
// workbook is the one a run from scratch writes: every part whole (its CRC
// checked), every sheet's cells the same. A file changed since it was
// written — touched, copied, rewritten in place, grown — is written whole.
func TestCountyWorkbookRowsLeftInPlace(t *testing.T) {
	dir, inbox := generatedCounty(t, samplecounty.Options{Seed: 7, Units: 4, Rows: 60})
	out := filepath.Join(dir, "out")
	opt := Options{Inbox: inbox, Out: out}
	first := mustRun(t, opt)
	if first.Written.CountyLeft != 0 {
		t.Fatalf("a first run left %d bytes", first.Written.CountyLeft)
	}
	mustRun(t, opt)
	third := mustRun(t, opt) // over the first run's workbook, nothing changed
	rows, types := slottedBytes(t, third.Written)
	if left := third.Written.CountyLeft; left < rows || left > rows+types {
		t.Errorf("nothing changed: %d bytes left, want all %d of the units' rows (and the %d of the content types, in the order of before)", left, rows, types)
	}
	fresh := freshCounty(t, opt)
	sameWorkbook(t, third.Written.County, fresh)

	// One office's file corrected: its unit's rows are written again.
	if err := samplecounty.CorrectTitle(ledgerOf(t, inbox, third.Report, third.Report.Units[1].Name)); err != nil {
		t.Fatal(err)
	}
	fourth := mustRun(t, opt)
	if left := fourth.Written.CountyLeft; left < third.Written.CountyLeft/2 || left >= third.Written.CountyLeft {
		t.Errorf("one unit of four changed: %d bytes left, want the others' (fewer than %d, more than half)", left, third.Written.CountyLeft)
	}
	fresh = freshCounty(t, opt)
	sameWorkbook(t, fourth.Written.County, fresh)

	// The file the next run writes over (set aside since) is no longer the
	// file whose layout was kept: touched; copied to another file with its
	// time; a byte of it changed in place, with its time; a byte longer,
	// with its time.
	for _, change := range []struct {
		name string
		do   func(path string) error
	}{
		{"touched", func(path string) error { return os.Chtimes(path, time.Now(), time.Now().Add(-time.Hour)) }},
		{"copied", func(path string) error { // to another inode: both files exist at once
			return keepingTime(path, func() error {
				data, err := os.ReadFile(path)
				if err == nil {
					err = os.WriteFile(path+".copy", data, 0o644)
				}
				if err == nil {
					err = os.Rename(path+".copy", path)
				}
				return err
			})
		}},
		{"rewritten in place", func(path string) error { // same inode and size: only its change time tells
			return keepingTime(path, func() error {
				f, err := os.OpenFile(path, os.O_RDWR, 0)
				if err != nil {
					return err
				}
				defer f.Close()
				st, err := f.Stat()
				if err != nil {
					return err
				}
				b := make([]byte, 1)
				if _, err := f.ReadAt(b, st.Size()/2); err != nil {
					return err
				}
				_, err = f.WriteAt([]byte{^b[0]}, st.Size()/2)
				return err
			})
		}},
		{"longer", func(path string) error {
			return keepingTime(path, func() error {
				f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
				if err == nil {
					_, err = f.Write([]byte{0})
					f.Close()
				}
				return err
			})
		}},
	} {
		set, err := filepath.Glob(filepath.Join(out, ".2025.staging.replaced-*", filepath.Base(third.Written.County)))
		if err != nil || len(set) != 1 {
			t.Fatalf("the workbook set aside: %v, %v", set, err)
		}
		if err := change.do(set[0]); err != nil {
			t.Fatal(err)
		}
		res := mustRun(t, opt)
		if res.Written.CountyLeft != 0 {
			t.Errorf("over a file %s since: %d bytes left, want none", change.name, res.Written.CountyLeft)
		}
		sameWorkbook(t, res.Written.County, fresh) // the inbox as for the fourth run
	}

	// The first unit's ledger doubled: its rows outgrow their room, and the
	// rows after them move.
	before := mustRun(t, opt) // a run with nothing changed, to write over
	doubleDisclosures(t, ledgerOf(t, inbox, before.Report, before.Report.Units[0].Name))
	after := mustRun(t, opt) // over the one before the last
	if left := after.Written.CountyLeft; left >= before.Written.CountyLeft/2 {
		t.Errorf("the first unit's rows outgrew their room: %d bytes left, want fewer than half of %d", left, before.Written.CountyLeft)
	}
	sameWorkbook(t, after.Written.County, freshCounty(t, opt))
}

// ledgerOf is the path in inbox of a workbook unit sent, as report r says.
func ledgerOf(t *testing.T, inbox string, r *output.Report, unit string) string {
	t.Helper()
	for _, in := range r.Inputs {
		if in.Unit == unit && strings.HasSuffix(in.Path, ".xlsx") {
			return filepath.Join(inbox, filepath.FromSlash(in.Path))
		}
	}
	t.Fatalf("no workbook of %s", unit)
	return ""
}

// keepingTime changes the file at path and sets its times back.
func keepingTime(path string, change func() error) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if err := change(); err != nil {
		return err
	}
	return os.Chtimes(path, st.ModTime(), st.ModTime())
}

// doubleDisclosures appends to the disclosure ledger of the workbook at
// path a copy of each of its records, titles marked.
func doubleDisclosures(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(samplecounty.SheetDisclosure)
	if err != nil || len(rows) < 3 {
		t.Fatalf("%s: %d rows, %v", path, len(rows), err)
	}
	n := len(rows)
	for i, row := range rows[2:] { // below the title and the header
		row[1] += "（补录）"
		cells := make([]any, len(row))
		for j, v := range row {
			cells[j] = v
		}
		if err := f.SetSheetRow(samplecounty.SheetDisclosure, "A"+strconv.Itoa(n+1+i), &cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// slottedBytes sums, from the county workbook's zip, the compressed bytes
// of the sheets of units' rows the layout names (the four detail sheets and
// the units compared) and of its content types, each before its final
// block.
func slottedBytes(t *testing.T, w output.Written) (rows, types int64) {
	t.Helper()
	if w.CountyLayout == nil {
		t.Fatal("no layout of the county workbook")
	}
	sheets := map[string]bool{}
	for _, e := range w.CountyLayout.Entries {
		sheets[e.Name] = true
	}
	zr, err := zip.OpenReader(w.County)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, zf := range zr.File {
		switch size := int64(zf.CompressedSize64) - 5; { // a DEFLATE stream's final empty block
		case !sheets[zf.Name]:
		case zf.Name == "[Content_Types].xml":
			types = size
		case strings.HasPrefix(zf.Name, "xl/worksheets/"):
			rows += size
			n++
		}
	}
	if n != len(domain.LedgerKinds)+1 || types == 0 {
		t.Fatalf("%s: %d sheets of rows in the layout, content types %d bytes", w.County, n, types)
	}
	return rows, types
}

// freshCounty is the county workbook a run from scratch writes.
func freshCounty(t *testing.T, opt Options) string {
	t.Helper()
	opt.Out = filepath.Join(t.TempDir(), "out")
	return mustRun(t, opt).Written.County
}

// sameWorkbook checks the county workbook at path against fresh: every part
// reads whole (its CRC checked), and it has the same sheets with the same
// cells and columns' widths but for the run's own times (运行信息).
func sameWorkbook(t *testing.T, path, fresh string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
		}
		if err != nil {
			t.Fatalf("%s: %s: %v", filepath.Base(path), zf.Name, err)
		}
	}
	notTimes := func(sheet string) bool { return sheet != "运行信息" }
	if sheetsTextOf(t, path, notTimes) != sheetsTextOf(t, fresh, notTimes) {
		t.Errorf("%s differs from a run from scratch's", filepath.Base(path))
	}
}
