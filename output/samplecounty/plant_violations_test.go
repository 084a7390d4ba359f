package samplecounty

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// TestPlantViolations: a county with violations lists one or more expected
// findings of every rule but R12, each naming a cell that holds what was
// planted; the office left out has no file and no truth; last year's
// figures are kept where a run with this output folder reads them.
func TestPlantViolations(t *testing.T) {
	dir := t.TempDir()
	truth, err := Generate(dir, nil, Options{Seed: 3, Units: 5, Rows: 10, Violations: true})
	if err != nil {
		t.Fatal(err)
	}
	list, err := ReadExpectedViolations(dir)
	if err != nil {
		t.Fatal(err)
	}
	byRule := map[string][]ExpectedViolation{}
	for _, v := range list {
		byRule[v.Rule] = append(byRule[v.Rule], v)
	}
	for _, r := range []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R13"} {
		if len(byRule[r]) == 0 {
			t.Errorf("nothing expected of %s", r)
		}
	}
	cell := func(v ExpectedViolation) string {
		f, err := excelize.OpenFile(filepath.Join(dir, InboxDir, filepath.FromSlash(v.File)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		s, err := f.GetCellValue(v.Sheet, v.Cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := cell(byRule["R5"][0]); got != "-10" {
		t.Errorf("R5 cell holds %q, want -10", got)
	}
	if got := cell(byRule["R8"][0]); got != "45646" { // 2024-12-20 as an Excel serial
		t.Errorf("R8 cell holds %q, want the serial of 2024-12-20", got)
	}
	if got := cell(byRule["R7"][0]); len(got) < 3 || got[:3] != "共" {
		t.Errorf("R7 cell holds %q, want 共N条", got)
	}
	gone := byRule["R13"][0]
	if _, err := os.Stat(filepath.Join(dir, InboxDir, gone.Unit, gone.Office)); !os.IsNotExist(err) {
		t.Errorf("the office left out still has its folder: %v", err)
	}
	if _, ok := truth.Units[gone.Unit]; !ok {
		t.Errorf("the unit of the office left out lost its truth")
	}
	last, err := output.ReadHistory(dir, 2024)
	if err != nil || last == nil {
		t.Fatalf("last year's figures: %v, %v", last, err)
	}
	if _, ok := last.Office(gone.Unit, gone.Office)[domain.T3Metric(domain.T3RowCarriedOut, domain.ColumnTotal)]; ok {
		t.Error("last year's figures have the office left out")
	}
	if _, err := Generate(t.TempDir(), nil, Options{Units: 2, Violations: true}); err == nil {
		t.Error("violations planted in a county too small to keep them apart")
	}
}
