package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

func TestCheckCommand(t *testing.T) {
	clean := filepath.Join("..", "..", "testdata", "sample", "inbox", "白沙镇", "党政办", "白沙镇-党政办-2025年政府信息公开台账.xlsx")
	var out, errOut bytes.Buffer
	if code := dispatch(context.Background(), []string{"check", clean}, &out, &errOut); code != 0 {
		t.Fatalf("a clean file: exit %d\n%s%s", code, out.String(), errOut.String())
	}

	// The same file with a date nobody can read.
	dir := t.TempDir()
	bad := filepath.Join(dir, "白沙镇-党政办-2025年台账.xlsx")
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("主动公开台账", "C3", "2025年13月5日"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out.Reset()
	if code := dispatch(context.Background(), []string{"check", bad}, &out, &errOut); code != 1 {
		t.Fatalf("a file with an error: exit %d\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "I3") || !strings.Contains(out.String(), "'主动公开台账'!C3") {
		t.Errorf("the finding does not name the rule and the cell:\n%s", out.String())
	}
}

// TestCheckMessyFile runs check on a generated messy file with a planted
// unreadable date: the finding is printed with its sheet and cell.
func TestCheckMessyFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := samplecounty.Generate(dir, domain.DefaultConfig(), samplecounty.Options{Seed: 7, Units: 5, Messy: true}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "expected_findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var planted []struct{ Rule, File, Sheet, Cell string }
	if err := json.Unmarshal(data, &planted); err != nil {
		t.Fatal(err)
	}
	for _, p := range planted {
		if p.Rule != domain.RuleCellUnreadable {
			continue
		}
		var out, errOut bytes.Buffer
		code := dispatch(context.Background(), []string{"check", filepath.Join(dir, "inbox", filepath.FromSlash(p.File))}, &out, &errOut)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (errors found)\n%s%s", p.File, code, out.String(), errOut.String())
		}
		if want := "I3 "; !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "'"+p.Sheet+"'!"+p.Cell) {
			t.Errorf("%s: the output does not name I3 at '%s'!%s:\n%s", p.File, p.Sheet, p.Cell, out.String())
		}
		return
	}
	t.Fatal("the messy county planted no unreadable date")
}
