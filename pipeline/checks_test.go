package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/output/samplecounty"
)

// rosterOf is the default configuration with the first n units of its
// roster, the units a sample county of n units has.
func rosterOf(n int) *domain.Config {
	cfg := domain.DefaultConfig()
	cfg.Units = cfg.Units[:n]
	return cfg
}

// serious keeps the error and warning findings.
func serious(fs []domain.Finding) []domain.Finding {
	var out []domain.Finding
	for _, f := range fs {
		if f.Severity != domain.SevInfo {
			out = append(out, f)
		}
	}
	return out
}

// TestCleanCountyHasNoSeriousFindings: a generated county without planted
// violations gives no error and no warning at all (no false positives of
// R1–R13), and the run keeps its figures for next year.
func TestCleanCountyHasNoSeriousFindings(t *testing.T) {
	dir := t.TempDir()
	cfg := rosterOf(6)
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 11, Units: 6, Rows: 20}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), Options{Inbox: filepath.Join(dir, "inbox"), Out: filepath.Join(dir, "out"), Config: cfg}); err != nil {
		t.Fatal(err)
	}
	var got runJSON
	readJSON(t, filepath.Join(dir, "out", "2025", "run.json"), &got)
	for _, f := range serious(got.Findings) {
		t.Errorf("%s %s in a clean county at %s: %s", f.Rule, f.Severity, f.Pos, f.Message)
	}
	rules := map[string]bool{}
	for _, f := range got.Findings {
		rules[f.Rule] = true
	}
	for _, r := range []string{domain.RuleCarryOver, domain.RuleInForce} {
		if !rules[r] {
			t.Errorf("no %s note that last year's figures are missing", r)
		}
		// Said once for the county, not once per unit checked.
		n := 0
		for _, f := range got.Findings {
			if f.Rule == r && f.Unit == "" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d county notes of %s that last year's figures are missing, want 1", n, r)
		}
	}
	kept, err := output.ReadHistory(filepath.Join(dir, "out"), 2025)
	if err != nil || kept == nil {
		t.Fatalf("history of 2025: %v, %v", kept, err)
	}
	if _, ok := kept.Office("廉州镇", "党政办")["t3.carried_out.total"]; !ok {
		t.Errorf("the history lacks 廉州镇党政办's 结转下年度: %v", kept.Units["廉州镇"])
	}
}

// violation is a finding reduced to what the planted list names.
type violation struct{ rule, unit, file, sheet, cell string }

func (v violation) String() string {
	return fmt.Sprintf("%s %s %s '%s'!%s", v.rule, v.unit, v.file, v.sheet, v.cell)
}

// TestPlantedViolationsAreFound generates a county with one planted
// violation of each rule, runs the batch with last year's figures on hand,
// and checks that the errors and warnings are exactly the expected ones, by
// rule, unit, file, sheet and cell, and that the figures are the truth's.
func TestPlantedViolationsAreFound(t *testing.T) {
	dir := t.TempDir()
	cfg := rosterOf(5)
	truth, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 5, Units: 5, Rows: 15, Violations: true})
	if err != nil {
		t.Fatal(err)
	}
	want, err := samplecounty.ReadExpectedViolations(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The output folder is the generated folder: it holds history/2024/.
	if _, err := Run(context.Background(), Options{Inbox: filepath.Join(dir, "inbox"), Out: dir, Config: cfg}); err != nil {
		t.Fatal(err)
	}
	var got runJSON
	readJSON(t, filepath.Join(dir, "2025", "run.json"), &got)

	wantSet := map[violation]bool{}
	rules := map[string]bool{}
	for _, w := range want {
		wantSet[violation{w.Rule, w.Unit, w.File, w.Sheet, w.Cell}] = true
		rules[w.Rule] = true
	}
	for _, r := range []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R13"} {
		if !rules[r] {
			t.Errorf("nothing planted for %s", r)
		}
	}
	gotSet := map[violation]bool{}
	for _, f := range serious(got.Findings) {
		v := violation{f.Rule, f.Unit, f.Pos.File, f.Pos.Sheet, f.Pos.Cell()}
		gotSet[v] = true
		if !wantSet[v] {
			t.Errorf("unexpected finding %s: %s", v, f.Message)
		}
	}
	for v := range wantSet {
		if !gotSet[v] {
			t.Errorf("planted violation not found: %s", v)
		}
	}
	if slices.ContainsFunc(got.Findings, func(f domain.Finding) bool { return f.Rule == domain.RuleCarryOver && f.Unit == "" }) {
		t.Error("R10 says last year's figures are missing, but history/2024 is there")
	}
	compareMetrics(t, "county", truth.County.Metrics, got.County.Metrics)
	for name, u := range truth.Units {
		compareMetrics(t, name, u.Metrics, got.Units[name].Metrics)
	}
}
