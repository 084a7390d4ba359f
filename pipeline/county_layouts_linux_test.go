package pipeline

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// TestCountyWorkbookRowsLeftInPlace (Linux, where outputs are written
// over): a run that writes its county workbook over the one of two runs
// before leaves there the rows of the units that did not change, and its
// workbook is the one a run from scratch writes: every part whole (its CRC
// checked), every sheet's cells the same. A file changed since it was
// written — touched, copied, rewritten in place, grown — is written whole.
func TestCountyWorkbookRowsLeftInPlace(t *testing.T) {
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 7, Units: 4, Rows: 60}); err != nil {
		t.Fatal(err)
	}
	inbox, out := filepath.Join(dir, "inbox"), filepath.Join(dir, "out")
	opt := Options{Inbox: inbox, Out: out, Config: cfg}
	first := mustRun(t, opt)
	if first.Written.CountyLeft != 0 {
		t.Fatalf("a first run left %d bytes", first.Written.CountyLeft)
	}
	mustRun(t, opt)
	third := mustRun(t, opt) // over the first run's workbook, nothing changed
	if left, rows := third.Written.CountyLeft, rowBytes(t, third.Written.County); left != rows {
		t.Errorf("nothing changed: %d bytes left, want all %d of the units' rows and their room", left, rows)
	}
	sameAsFresh(t, opt, third.Written.County)

	// One office's file corrected: its unit's rows are written again.
	var changed string
	for _, in := range third.Report.Inputs {
		if in.Unit != "" && strings.HasSuffix(in.Path, ".xlsx") {
			changed = filepath.Join(inbox, filepath.FromSlash(in.Path))
			break
		}
	}
	if err := samplecounty.CorrectTitle(changed); err != nil {
		t.Fatal(err)
	}
	fourth := mustRun(t, opt)
	if left := fourth.Written.CountyLeft; left < third.Written.CountyLeft/2 || left >= third.Written.CountyLeft {
		t.Errorf("one unit of four changed: %d bytes left, want the others' (fewer than %d, more than half)", left, third.Written.CountyLeft)
	}
	sameAsFresh(t, opt, fourth.Written.County)

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
		sameAsFresh(t, opt, res.Written.County)
	}

	// The first unit's ledger doubled: its rows outgrow their room, and the
	// rows after them move.
	var grown string
	for _, in := range fourth.Report.Inputs {
		if in.Unit == fourth.Report.Units[0].Name && strings.HasSuffix(in.Path, ".xlsx") {
			grown = filepath.Join(inbox, filepath.FromSlash(in.Path))
			break
		}
	}
	before := mustRun(t, opt) // a run with nothing changed, to write over
	doubleDisclosures(t, grown)
	after := mustRun(t, opt) // over the one before the last
	if left := after.Written.CountyLeft; left >= before.Written.CountyLeft/2 {
		t.Errorf("the first unit's rows outgrew their room: %d bytes left, want fewer than half of %d", left, before.Written.CountyLeft)
	}
	sameAsFresh(t, opt, after.Written.County)
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

// rowBytes sums the compressed bytes of a county workbook's sheets of rows
// from the units' files — the detail sheets (明细-…) and the units
// compared — before each one's final block, finding them through the
// workbook part and its relationships.
func rowBytes(t *testing.T, path string) int64 {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for part, v := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		rc, err := zr.Open(part)
		if err != nil {
			t.Fatal(err)
		}
		err = xml.NewDecoder(rc).Decode(v)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	detail := map[string]bool{}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == s.RID && (strings.HasPrefix(s.Name, "明细") || s.Name == "各单位对比") {
				detail["xl/"+strings.TrimPrefix(strings.TrimPrefix(r.Target, "/xl/"), "/")] = true
			}
		}
	}
	var n int64
	for _, zf := range zr.File {
		if detail[zf.Name] {
			n += int64(zf.CompressedSize64) - 5 // a DEFLATE stream's final empty block
		}
	}
	if n <= 0 || len(detail) != len(domain.LedgerKinds)+1 {
		t.Fatalf("%s: detail sheets %v, %d bytes", path, detail, n)
	}
	return n
}

// sameAsFresh checks the county workbook at path against one a run from
// scratch writes: every part reads whole (its CRC checked) and every
// sheet has the same cells.
func sameAsFresh(t *testing.T, opt Options, path string) {
	t.Helper()
	opt.Out = filepath.Join(t.TempDir(), "out")
	fresh := mustRun(t, opt).Written.County
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
	a, b := openBook(t, path), openBook(t, fresh)
	for _, sheet := range b.GetSheetList() {
		if sheet == "运行信息" { // the run's own times
			continue
		}
		got, err := a.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := b.GetRows(sheet)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from a run from scratch's", sheet)
		}
	}
}
