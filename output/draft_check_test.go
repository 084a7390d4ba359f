package output

import (
	"slices"
	"testing"

	"gongkai/domain"
)

// TestCheckDraft: R12 finds nothing in the default draft of a unit, an
// error where the text prints a figure unlike its table, and a warning for
// a number that comes from no table, at the paragraph's row of the draft
// sheet of the unit's workbook.
func TestCheckDraft(t *testing.T) {
	cfg := domain.DefaultConfig()
	m := domain.Metrics{}
	for i, id := range cfg.MetricIDs() {
		m[id] = float64(i % 4)
	}
	m[domain.MetricActiveItems] = 12
	r := &Report{Year: 2025, Config: cfg, Units: []UnitReport{{Name: "白沙镇", Metrics: m}}}
	fs, err := CheckDraft(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("default draft: %s %s", f.Rule, f.Message)
	}

	r.DraftTemplate = []byte("{{.Unit}}{{.Year}}年政府信息公开工作年度报告\n" +
		"{{.Year}}年，{{.We}}主动公开政府信息{{printf \"%d0\" .Items}}条，另有{{printf \"%d\" 258}}条。\n")
	fs, err = CheckDraft(r)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+string(f.Severity)+" "+f.Pos.File+" "+f.Pos.Sheet+" "+f.Pos.Cell()+" "+f.Metric)
	}
	want := []string{
		"R12 error 白沙镇_2025年政府信息公开工作年度报告.xlsx 年度报告 A2 active.items",
		"R12 warning 白沙镇_2025年政府信息公开工作年度报告.xlsx 年度报告 A2 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(fs) > 0 && (*fs[0].Expected != 12 || *fs[0].Actual != 120) {
		t.Errorf("expected/actual %v/%v", *fs[0].Expected, *fs[0].Actual)
	}
}
