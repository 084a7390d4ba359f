package samplecounty

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/ingest"
)

// messyCounty is the full default sample in messy mode, generated once.
var messyCounty = struct {
	dir string
	err error
}{}

func messySample(t *testing.T) string {
	t.Helper()
	if messyCounty.dir == "" && messyCounty.err == nil {
		dir, err := os.MkdirTemp("", "samplecounty-messy")
		if err != nil {
			t.Fatal(err)
		}
		messyCounty.dir = dir
		_, messyCounty.err = Generate(dir, nil, Options{Seed: 7, Messy: true})
	}
	if messyCounty.err != nil {
		t.Fatal(messyCounty.err)
	}
	return messyCounty.dir
}

func TestMessySameTruth(t *testing.T) {
	clean, _ := sample(t)
	messy := messySample(t)
	a, _ := os.ReadFile(filepath.Join(clean, TruthFile))
	b, _ := os.ReadFile(filepath.Join(messy, TruthFile))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatal("messy truth.json differs from the clean one of the same seed")
	}
	opt := Options{Seed: 42, Units: 3, Rows: 20}
	c, m := t.TempDir(), t.TempDir()
	if _, err := Generate(c, nil, opt); err != nil {
		t.Fatal(err)
	}
	opt.Messy = true
	if _, err := Generate(m, nil, opt); err != nil {
		t.Fatal(err)
	}
	a, _ = os.ReadFile(filepath.Join(c, TruthFile))
	b, _ = os.ReadFile(filepath.Join(m, TruthFile))
	if !bytes.Equal(a, b) {
		t.Fatal("messy truth.json differs from the clean one (seed 42, 3 units)")
	}
	if _, err := os.Stat(filepath.Join(c, ExpectedFindingsFile)); err == nil {
		t.Error("the clean mode wrote expected findings")
	}
}

func TestMessyDeterministic(t *testing.T) {
	opt := Options{Seed: 42, Units: 3, Rows: 20, Messy: true}
	a, b := t.TempDir(), t.TempDir()
	if _, err := Generate(a, nil, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, nil, opt); err != nil {
		t.Fatal(err)
	}
	files := workbooks(t, a)
	if got := workbooks(t, b); !slices.Equal(files, got) {
		t.Fatalf("file lists differ:\n%v\n%v", files, got)
	}
	files = append(files, TruthFile, ExpectedFindingsFile)
	for _, rel := range files {
		pa, pb := filepath.Join(a, rel), filepath.Join(b, rel)
		if strings.HasSuffix(rel, ".xlsx") {
			if fa, err := excelize.OpenFile(pa); err == nil {
				fa.Close()
				if !slices.Equal(cellDump(t, pa), cellDump(t, pb)) {
					t.Errorf("%s: cells differ between two runs", rel)
				}
				continue
			}
		}
		da, _ := os.ReadFile(pa)
		db, _ := os.ReadFile(pb)
		if !bytes.Equal(da, db) {
			t.Errorf("%s: bytes differ between two runs", rel)
		}
	}
	c := t.TempDir()
	opt.Seed = 43
	if _, err := Generate(c, nil, opt); err != nil {
		t.Fatal(err)
	}
	ea, _ := os.ReadFile(filepath.Join(a, ExpectedFindingsFile))
	ec, _ := os.ReadFile(filepath.Join(c, ExpectedFindingsFile))
	if bytes.Equal(ea, ec) {
		t.Error("seeds 42 and 43 planted the same defects")
	}
}

// plantedKind says which planted noise a file of the inbox is, "" for a
// submission.
func plantedKind(rel string) string {
	base := path.Base(rel)
	switch {
	case strings.HasPrefix(base, "~$"):
		return "lock"
	case strings.HasPrefix(base, "."):
		return "hidden"
	case base == "空白.xlsx":
		return "empty"
	case base == "说明.xlsx":
		return "text"
	case strings.HasSuffix(base, "-损坏.xlsx"):
		return "truncated"
	case strings.HasSuffix(base, ".xls"):
		return "xls"
	case rel == UnattributablePath:
		return "unattributable"
	}
	return ""
}

func TestMessyExpectedFindings(t *testing.T) {
	dir := messySample(t)
	inbox := filepath.Join(dir, InboxDir)
	data, err := os.ReadFile(filepath.Join(dir, ExpectedFindingsFile))
	if err != nil {
		t.Fatal(err)
	}
	var found []ExpectedFinding
	if err := json.Unmarshal(data, &found); err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	unreadable := 0
	for _, f := range found {
		full := filepath.Join(inbox, filepath.FromSlash(f.File))
		if _, err := os.Stat(full); err != nil {
			t.Errorf("%s listed but missing: %v", f.File, err)
			continue
		}
		if f.Rule != domain.RuleCellUnreadable {
			listed[f.File] = f.Rule
			continue
		}
		unreadable++
		if got := cellText(t, full, f.Sheet, f.Cell); got != "2025年13月5日" {
			t.Errorf("%s '%s'!%s reads %q, want the unreadable date", f.File, f.Sheet, f.Cell, got)
		}
	}
	if unreadable < minBroken || unreadable > maxBroken {
		t.Errorf("%d unreadable dates planted, want %d–%d", unreadable, minBroken, maxBroken)
	}
	kinds := map[string]int{}
	for _, rel := range workbooks(t, dir) {
		rel = strings.TrimPrefix(filepath.ToSlash(rel), InboxDir+"/")
		k := plantedKind(rel)
		if k == "" {
			continue
		}
		kinds[k]++
		want := domain.RuleFileRejected
		if k == "lock" || k == "hidden" {
			want = domain.RuleFileIgnored
		}
		if listed[rel] != want {
			t.Errorf("%s (%s): listed as %q, want %s", rel, k, listed[rel], want)
		}
		delete(listed, rel)
		format, err := ingest.Sniff(filepath.Join(inbox, filepath.FromSlash(rel)))
		switch {
		case err != nil:
			t.Error(err)
		case k == "xls" && format != ingest.FormatXLS, k == "empty" && format != ingest.FormatEmpty,
			k == "truncated" && format == ingest.FormatXLSX, k == "unattributable" && format != ingest.FormatXLSX:
			t.Errorf("%s (%s) sniffs as %s", rel, k, format)
		}
	}
	for _, k := range []string{"lock", "hidden", "empty", "text", "truncated", "xls", "unattributable"} {
		if kinds[k] != 1 {
			t.Errorf("%d %s files, want 1", kinds[k], k)
		}
	}
	for rel := range listed {
		t.Errorf("%s listed but not a planted file", rel)
	}
}

// cellText reads one cell of an .xlsx sheet, or of a GBK CSV file.
func cellText(t *testing.T, full, sheet, cell string) string {
	t.Helper()
	if strings.HasSuffix(full, ".csv") {
		rows := readGBKCSV(t, full)
		col, row, err := excelize.CellNameToCoordinates(cell)
		if err != nil || row > len(rows) || col > len(rows[row-1]) {
			return ""
		}
		return rows[row-1][col-1]
	}
	f, err := excelize.OpenFile(full)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, _ := f.GetCellValue(sheet, cell)
	return v
}
