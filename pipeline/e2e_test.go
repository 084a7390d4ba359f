package pipeline

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// runJSON is the part of run.json that tests and tools rely on.
type runJSON struct {
	Year   int `json:"year"`
	County struct {
		Name    string         `json:"name"`
		Metrics domain.Metrics `json:"metrics"`
	} `json:"county"`
	Units map[string]struct {
		Metrics domain.Metrics `json:"metrics"`
	} `json:"units"`
	Inputs []struct {
		Path    string       `json:"path"`
		Status  string       `json:"status"`
		Records domain.Tally `json:"records"`
	} `json:"inputs"`
	Findings []domain.Finding `json:"findings"`
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// generateAndRun writes a sample county with the given seed and runs the
// batch on it, returning the truth and the run.json read back.
func generateAndRun(t *testing.T, seed uint64, units, rows int) (dir string, truth *samplecounty.Truth, got runJSON) {
	t.Helper()
	dir = t.TempDir()
	cfg := domain.DefaultConfig()
	truth, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: seed, Units: units, Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{Inbox: filepath.Join(dir, "inbox"), Out: filepath.Join(dir, "out"), Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Year != truth.Year {
		t.Fatalf("report year = %d, truth says %d", res.Report.Year, truth.Year)
	}
	readJSON(t, filepath.Join(dir, "out", "2025", "run.json"), &got)
	return dir, truth, got
}

// compareMetrics reports every metric of want that got lacks or differs in.
func compareMetrics(t *testing.T, who string, want, got domain.Metrics) {
	t.Helper()
	if len(want) == 0 {
		t.Errorf("%s: the truth has no metrics", who)
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("%s: %s missing from run.json", who, id)
			continue
		}
		if math.Abs(g-w) > 1e-9 {
			t.Errorf("%s: %s = %v, truth %v", who, id, g, w)
		}
	}
}

func TestCleanCountyMatchesTruth(t *testing.T) {
	dir, truth, got := generateAndRun(t, 7, 15, 25)
	cfg := domain.DefaultConfig()
	if got.Year != truth.Year || got.County.Name != cfg.County {
		t.Fatalf("run.json year/county = %d/%q, want %d/%q", got.Year, got.County.Name, truth.Year, cfg.County)
	}
	for _, id := range cfg.MetricIDs() {
		if _, ok := truth.County.Metrics[id]; !ok {
			t.Errorf("truth.json lacks %s", id)
		}
	}
	compareMetrics(t, "county", truth.County.Metrics, got.County.Metrics)
	if len(got.Units) != len(truth.Units) {
		t.Errorf("run.json has %d units, truth %d", len(got.Units), len(truth.Units))
	}
	for name, u := range truth.Units {
		compareMetrics(t, name, u.Metrics, got.Units[name].Metrics)
	}
	for _, in := range got.Inputs {
		if in.Status != "accepted" {
			t.Errorf("%s: status %s in a clean county", in.Path, in.Status)
		}
		if !in.Records.Balanced() || in.Records.Read == 0 {
			t.Errorf("%s: records %+v do not add up", in.Path, in.Records)
		}
	}
	for _, f := range got.Findings {
		if f.Severity == domain.SevError {
			t.Errorf("error finding in a clean county: %+v", f)
		}
	}
	for name, u := range truth.Units {
		checkUnitWorkbook(t, filepath.Join(dir, "out", "2025", name+"_2025年政府信息公开工作年度报告.xlsx"), u.Metrics)
	}
}

// checkUnitWorkbook reads a unit workbook's official tables back and checks
// that each number sits beside its exact label.
func checkUnitWorkbook(t *testing.T, path string, want domain.Metrics) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "统计表"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	find := func(text string, maxCol int) (int, int) {
		for r, cells := range rows {
			for c, v := range cells {
				if c < maxCol && v == text {
					return r, c
				}
			}
		}
		t.Errorf("%s: label %q not found", filepath.Base(path), text)
		return -1, -1
	}
	number := func(r, c int) float64 {
		if r < 0 || r >= len(rows) || c >= len(rows[r]) {
			return math.NaN()
		}
		var v float64
		if err := json.Unmarshal([]byte(rows[r][c]), &v); err != nil {
			return math.NaN()
		}
		return v
	}
	// 表三: all 27 rows with numbers × 7 columns.
	hr, _ := find(domain.T3Columns[0].Label, 20)
	colOf := map[string]int{}
	for _, col := range domain.T3Columns {
		for r := hr; r >= 0 && r < hr+2 && r < len(rows); r++ {
			for c, v := range rows[r] {
				if _, done := colOf[col.ID]; !done && c >= 3 && v == col.Label {
					colOf[col.ID] = c
				}
			}
		}
	}
	if len(colOf) != len(domain.T3Columns) {
		t.Fatalf("表三 columns found: %v", colOf)
	}
	n := 0
	for _, row := range domain.T3Rows {
		r, _ := find(row.Label, 3)
		for _, col := range domain.T3Columns {
			id := domain.T3Metric(row.ID, col.ID)
			if got := number(r, colOf[col.ID]); got != want[id] {
				t.Errorf("%s 表三 %s·%s = %v, want %v", filepath.Base(path), row.Label, col.Label, got, want[id])
			}
		}
		n++
	}
	if n != 25 {
		t.Errorf("checked %d 表三 rows, want 25", n)
	}
	// 表四, on a sheet of its own: the row naming 结果维持 three times, numbers below it.
	if rows, err = f.GetRows(sheet + "（表四）"); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for r, cells := range rows {
		var starts []int
		for c, v := range cells {
			if v == domain.T4Results[0].Label {
				starts = append(starts, c)
			}
		}
		if len(starts) != 3 {
			continue
		}
		for b, block := range domain.T4Blocks {
			for i, res := range domain.T4Results {
				if rows[r][starts[b]+i] != res.Label {
					t.Errorf("表四 header at column %d is %q, want %q", starts[b]+i+1, rows[r][starts[b]+i], res.Label)
				}
				id := domain.T4Metric(block.ID, res.ID)
				if got := number(r+1, starts[b]+i); got != want[id] {
					t.Errorf("%s 表四 %s·%s = %v, want %v", filepath.Base(path), block.Label, res.Label, got, want[id])
				}
			}
		}
		return
	}
	t.Errorf("%s: 表四 header not found", filepath.Base(path))
}
