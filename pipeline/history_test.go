package pipeline

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// TestHistoryFromMembers: a unit's figures in the year's history are the
// member its result carries (as a kept unit's, made when it was computed),
// and a unit without one has its figures made from the statistics, offices
// counted from the ledgers zero where they have no figure.
func TestHistoryFromMembers(t *testing.T) {
	cfg := domain.DefaultConfig()
	kept, err := output.HistoryUnit("白沙镇", domain.UnitFigures{Metrics: domain.Metrics{"kept.figure": 7}, Offices: map[string]domain.Metrics{}})
	if err != nil {
		t.Fatal(err)
	}
	st := &transform.Statistics{
		Units: map[string]domain.Metrics{"白沙镇": {"t3.new.total": 1}, "闸口镇": {"t3.new.total": 2}},
		Offices: []transform.OfficeFigures{
			{Unit: "白沙镇", Office: "党政办", Used: domain.Metrics{"t3.new.total": 1}},
			{Unit: "闸口镇", Office: "财政所", Used: domain.Metrics{"t3.new.total": 2}},
		},
	}
	units := []unitResult{{figures: transform.UnitFigures{Unit: "白沙镇"}, history: kept}}
	dir := t.TempDir()
	h, err := stageHistory(dir, cfg, 2025, st, units)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Commit(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(output.HistoryPath(dir, 2025))
	if err != nil {
		t.Fatal(err)
	}
	var y domain.YearFigures
	if err := json.Unmarshal(data, &y); err != nil {
		t.Fatal(err)
	}
	if got := y.Units["白沙镇"].Metrics; len(got) != 1 || got["kept.figure"] != 7 {
		t.Errorf("白沙镇: %v, want the member its result carries", got)
	}
	office := y.Office("闸口镇", "财政所")
	if y.Units["闸口镇"].Metrics["t3.new.total"] != 2 || office["t3.new.total"] != 2 || len(office) != len(cfg.MetricIDs())-countT2(cfg) {
		t.Errorf("闸口镇: %v, office %d figures; want those of the statistics, every metric but 表二's", y.Units["闸口镇"], len(office))
	}
}

// countT2 counts the 表二 metrics, which offices have only as reported.
func countT2(cfg *domain.Config) int {
	n := 0
	for _, id := range cfg.MetricIDs() {
		if strings.HasPrefix(id, "t2.") {
			n++
		}
	}
	return n
}
