package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// readBoth reads a file with the streaming reader and with excelize alone.
func readBoth(t *testing.T, r *Reader, inbox, rel string) (stream, alone *Submission) {
	t.Helper()
	defer func() { streamXLSX = true }()
	var err error
	for _, on := range []bool{true, false} {
		streamXLSX = on
		sub, e := r.ReadFile(context.Background(), inbox, rel)
		if e != nil {
			err = e
		}
		if on {
			stream = sub
		} else {
			alone = sub
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return stream, alone
}

// sameSubmission reports how two reads of a file differ, "" if not at all.
func sameSubmission(a, b *Submission) string {
	switch {
	case a.Rejected != b.Rejected:
		return "rejected: " + a.Rejected + " | " + b.Rejected
	case !reflect.DeepEqual(a.Sheets, b.Sheets):
		return "sheets"
	case !reflect.DeepEqual(withoutUncached(a.Findings), b.Findings):
		return "findings"
	case a.Unit != b.Unit || a.Office != b.Office || a.Year != b.Year || !a.FillDate.Equal(b.FillDate) || a.Revision != b.Revision:
		return "identity"
	case !reflect.DeepEqual(a.Summary, b.Summary):
		return "summary"
	case !reflect.DeepEqual(a.Subtotals, b.Subtotals):
		return "subtotals"
	case len(a.Records) != len(b.Records):
		return "record kinds"
	}
	for k, ra := range a.Records {
		if rb := b.Records[k]; rb == nil || !array.RecordEqual(ra, rb) {
			return "records of " + string(k)
		}
	}
	return ""
}

// TestReadFileSameAsExcelize reads generated counties (tidy and messy) and
// the corpus's workbooks through ReadFile with the streaming reader and
// with excelize alone: the submissions must be the same, records,
// findings and all.
func TestReadFileSameAsExcelize(t *testing.T) {
	r, err := NewReader(domain.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	type file struct{ inbox, rel string }
	var files []file
	for _, messy := range []bool{false, true} {
		dir := t.TempDir()
		if _, err := samplecounty.Generate(dir, nil, samplecounty.Options{Seed: 3, Units: 5, Rows: 50, Messy: messy}); err != nil {
			t.Fatal(err)
		}
		inbox := filepath.Join(dir, samplecounty.InboxDir)
		filepath.WalkDir(inbox, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(inbox, p)
				files = append(files, file{inbox, filepath.ToSlash(rel)})
			}
			return nil
		})
	}
	if entries, err := os.ReadDir(corpusDir); err == nil && !testing.Short() {
		for _, e := range entries {
			if f, err := Sniff(filepath.Join(corpusDir, e.Name())); err == nil && f == FormatXLSX {
				files = append(files, file{corpusDir, e.Name()})
			}
		}
	}
	compared, records := 0, 0
	for _, f := range files {
		a, b := readBoth(t, r, f.inbox, f.rel)
		if d := sameSubmission(a, b); d != "" {
			t.Errorf("%s: the readers differ in %s", f.rel, d)
		}
		compared++
		for _, rec := range a.Records {
			records += int(rec.NumRows())
		}
		a.Release()
		b.Release()
	}
	t.Logf("%d files read the same by both readers (%d records)", compared, records)
}

// TestLateRefusalAsBefore truncates a worksheet's compressed data: the
// streaming reader hands the sheet to excelize, which cannot open the
// file, and the file is refused exactly as excelize alone refuses it.
func TestLateRefusalAsBefore(t *testing.T) {
	inbox := t.TempDir()
	path := ledgerBook(t, inbox, "白沙镇-党政办-cut.xlsx")
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		raw, _ := f.OpenRaw()
		data, _ := io.ReadAll(raw)
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			data = data[:len(data)/2]
		}
		hdr := f.FileHeader
		hdr.CompressedSize64 = uint64(len(data))
		w, err := zw.CreateRaw(&hdr)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	zr.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pb, why := openParts(path, DefaultLimits())
	if pb == nil {
		t.Fatalf("the streaming reader declines the file at the start (%s): the late path is not tested", why)
	}
	pb.Close()
	r, _ := NewReader(domain.DefaultConfig(), nil)
	a, b := readBoth(t, r, inbox, filepath.Base(path))
	if a.Rejected == "" || !strings.Contains(a.Rejected, "文件已损坏") {
		t.Errorf("not refused as damaged: %q", a.Rejected)
	}
	if d := sameSubmission(a, b); d != "" {
		t.Errorf("the readers differ in %s", d)
	}
}

// uncachedNote marks the finding only the streaming reader makes: formula
// cells without a cached value (excelize's iterator cannot tell them).
const uncachedNote = "没有保存计算结果"

func withoutUncached(fs []domain.Finding) []domain.Finding {
	var out []domain.Finding
	for _, f := range fs {
		if !strings.Contains(f.Message, uncachedNote) {
			out = append(out, f)
		}
	}
	return out
}

// TestUncachedFormulaFinding writes a formula without a cached value into
// a ledger: the cell reads blank and the sheet gets a warning naming it.
func TestUncachedFormulaFinding(t *testing.T) {
	inbox := t.TempDir()
	writeBook(t, inbox, "白沙镇-党政办-f.xlsx", map[string][][]any{"台账": {
		{"信息标题", "公开日期"},
		{"TITLE", "2025-03-05"},
		{"OTHER", "2025-03-06"},
	}}, []string{"台账"})
	rewriteZip(t, filepath.Join(inbox, "白沙镇-党政办-f.xlsx"), func(name string, d []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return d
		}
		return []byte(strings.Replace(string(d), `</row></sheetData>`, `<c r="C3"><f>A1&amp;B1</f></c></row></sheetData>`, 1))
	})
	r, _ := NewReader(domain.DefaultConfig(), nil)
	sub, err := r.ReadFile(context.Background(), inbox, "白沙镇-党政办-f.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Release()
	for _, f := range sub.Findings {
		if strings.Contains(f.Message, uncachedNote) {
			if f.Pos.Row != 3 || f.Pos.Col != 3 || f.Severity != domain.SevWarning {
				t.Errorf("finding at %+v, severity %v", f.Pos, f.Severity)
			}
			return
		}
	}
	t.Errorf("no finding for the uncached formula: %+v", sub.Findings)
}
