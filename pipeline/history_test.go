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

// TestHistoryOfMembers: each unit's figures in the year's history are the
// member its result carries (as a kept unit's, made when it was computed);
// a unit without one is a defect, not a unit left out.
func TestHistoryOfMembers(t *testing.T) {
	member := func(name string, v float64) unitResult {
		t.Helper()
		h, err := output.HistoryUnit(name, domain.UnitFigures{Metrics: domain.Metrics{"kept.figure": v}, Offices: map[string]domain.Metrics{}})
		if err != nil {
			t.Fatal(err)
		}
		return unitResult{figures: transform.UnitFigures{Unit: name}, history: h}
	}
	dir := t.TempDir()
	h, err := stageHistory(dir, "合浦县", 2025, []unitResult{member("白沙镇", 7), member("闸口镇", 9)})
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
	if y.Year != 2025 || y.County != "合浦县" || len(y.Units) != 2 || y.Units["白沙镇"].Metrics["kept.figure"] != 7 || y.Units["闸口镇"].Metrics["kept.figure"] != 9 {
		t.Errorf("the year's figures: %+v, want each unit's member", y)
	}
	without := []unitResult{member("白沙镇", 7), {figures: transform.UnitFigures{Unit: "闸口镇"}}}
	if h, err := stageHistory(t.TempDir(), "合浦县", 2025, without); err == nil {
		h.Discard()
		t.Errorf("a unit without its member staged")
	}
}

// TestHistoryFigures: a unit's member carries its metrics, and each
// office's as its reports carry them: every metric counted from the
// ledgers, zero where the office has none; 表二 only as reported.
func TestHistoryFigures(t *testing.T) {
	cfg := domain.DefaultConfig()
	u := historyFigures(cfg, domain.Metrics{"t3.new.total": 2}, []transform.OfficeFigures{
		{Unit: "闸口镇", Office: "财政所", Used: domain.Metrics{"t3.new.total": 2}},
	})
	office := u.Offices["财政所"]
	if u.Metrics["t3.new.total"] != 2 || office["t3.new.total"] != 2 || len(office) != len(cfg.MetricIDs())-countT2(cfg) {
		t.Errorf("闸口镇: %v, office %d figures; want its metrics, every metric but 表二's", u.Metrics, len(office))
	}
	for id, v := range office {
		if id != "t3.new.total" && v != 0 {
			t.Errorf("财政所 %s = %v, want 0", id, v)
		}
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
