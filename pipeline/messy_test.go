package pipeline

import (
	"path/filepath"
	"testing"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// plantedFinding is one entry of expected_findings.json.
type plantedFinding struct {
	Rule  string `json:"rule"`
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Cell  string `json:"cell"`
}

// TestMessyCountyRecoversTheCleanTruth reads a county written the way
// offices really fill their files (title rows, merged two-row headers,
// synonyms, text dates, full-width text, 合计 rows, GBK CSV, noise files)
// and must recover exactly the truth of the clean county, with each
// deliberately broken file found by rule and position.
func TestMessyCountyRecoversTheCleanTruth(t *testing.T) {
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	truth, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 7, Messy: true})
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, Options{Inbox: filepath.Join(dir, "inbox"), Out: filepath.Join(dir, "out"), Config: cfg})
	var got runJSON
	readJSON(t, filepath.Join(dir, "out", "2025", "run.json"), &got)
	compareMetrics(t, "county", truth.County.Metrics, got.County.Metrics)
	for name, u := range truth.Units {
		compareMetrics(t, name, u.Metrics, got.Units[name].Metrics)
	}

	var planted []plantedFinding
	readJSON(t, filepath.Join(dir, "expected_findings.json"), &planted)
	if len(planted) == 0 {
		t.Fatal("the messy county planted nothing")
	}
	key := func(rule, file, sheet, cell string) string { return rule + "|" + file + "|" + sheet + "|" + cell }
	found := map[string]bool{}
	for _, f := range got.Findings {
		found[key(f.Rule, f.Pos.File, f.Pos.Sheet, f.Pos.Cell())] = true
	}
	expected := map[string]bool{}
	for _, p := range planted {
		k := key(p.Rule, p.File, p.Sheet, p.Cell)
		expected[k] = true
		if !found[k] {
			t.Errorf("planted %s at %s '%s'!%s was not found", p.Rule, p.File, p.Sheet, p.Cell)
		}
	}
	for _, f := range got.Findings {
		if f.Severity == domain.SevError && !expected[key(f.Rule, f.Pos.File, f.Pos.Sheet, f.Pos.Cell())] {
			t.Errorf("unexpected error finding %s at %s: %s", f.Rule, f.Pos, f.Message)
		}
	}
	for _, in := range got.Inputs {
		if !in.Records.Balanced() {
			t.Errorf("%s: records %+v do not add up", in.Path, in.Records)
		}
	}
}
