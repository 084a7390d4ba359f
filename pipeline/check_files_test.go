package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// TestCheckFilesFindsRepeatedRows: an office checking one workbook before
// submitting hears of the rows it repeats (D1), cell by cell.
func TestCheckFilesFindsRepeatedRows(t *testing.T) {
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 21, Units: 4, Rows: 20, Duplicates: true}); err != nil {
		t.Fatal(err)
	}
	planted, err := samplecounty.ReadExpectedDuplicates(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want *samplecounty.ExpectedDuplicate
	for i, d := range planted {
		if d.Kind == samplecounty.DupRecord {
			want = &planted[i]
			break
		}
	}
	if want == nil {
		t.Fatal("no repeated row planted")
	}
	fs, err := CheckFiles(context.Background(), cfg, []string{filepath.Join(dir, "inbox", filepath.FromSlash(want.File))}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule == domain.RuleDuplicate && f.Pos.Sheet == want.Sheet && f.Pos.Row == want.Row {
			return
		}
	}
	t.Errorf("no D1 finding on %s!%s row %d among %d findings", want.File, want.Sheet, want.Row, len(fs))
}
