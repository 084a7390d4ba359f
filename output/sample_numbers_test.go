package output_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// TestSampleNumbers reads the sample county's workbooks back and checks
// their numbers against truth.json: every cell of the official tables in
// the county workbook and in each unit workbook, every metric of the units
// compared side by side, and the year totals of the monthly trend.
func TestSampleNumbers(t *testing.T) {
	w := runSample(t)
	truth := sampleTruth(t)
	cells := output.OfficialCells(t)
	cfg := domain.DefaultConfig()

	county := output.OpenBook(t, w.County)
	checkOfficialTables(t, "全县", county, output.CountyTables, cells, truth.County.Metrics)
	for name, u := range truth.Units {
		path, ok := w.Units[name]
		if !ok {
			t.Errorf("no workbook for %s", name)
			continue
		}
		checkOfficialTables(t, name, output.OpenBook(t, path), output.UnitTables, cells, u.Metrics)
	}

	// 各单位对比: one row per unit (and 全县合计), one column per metric.
	rows := rawRows(t, county, output.Comparison)
	ids := cfg.MetricIDs()
	header := rows[0]
	if len(header) != len(ids)+1 {
		t.Fatalf("%s has %d columns, want %d", output.Comparison, len(header), len(ids)+1)
	}
	for i, id := range ids {
		if want := domain.MetricLabel(id, cfg.CategoryLabel); header[i+1] != want {
			t.Errorf("%s column %d is %q, want %q", output.Comparison, i+2, header[i+1], want)
		}
	}
	seen := 0
	for _, row := range rows[1:] {
		m, label := truthOf(truth, row[0])
		if m == nil {
			t.Errorf("%s has a row %q that truth.json does not know", output.Comparison, row[0])
			continue
		}
		seen++
		for i, id := range ids {
			checkValue(t, label+" "+id, cellAt(row, i+1), m[id], true)
		}
	}
	if seen != len(truth.Units)+1 {
		t.Errorf("%s has %d rows of units and county, want %d", output.Comparison, seen, len(truth.Units)+1)
	}

	// 月度趋势: the months add up to the year; a unit's year of items is its
	// active.items; its applications with a date are at most t3.new.total
	// (an office that sent only its summary table gives no dates).
	monthly := rawRows(t, county, output.MonthlySheet)
	var tables int
	for r, row := range monthly {
		if len(row) == 0 || row[0] != "单位" {
			continue
		}
		metric := []string{domain.MetricActiveItems, "t3.new.total"}[tables]
		tables++
		for _, units := range monthly[r+1:] {
			m, label := truthOf(truth, cellAt(units, 0))
			if m == nil {
				break // the end of the table
			}
			sum := 0.0
			for c := 1; c <= 12; c++ {
				v, _ := strconv.ParseFloat(cellAt(units, c), 64)
				sum += v
			}
			year, _ := strconv.ParseFloat(cellAt(units, 13), 64)
			if sum != year {
				t.Errorf("%s %s: the months add up to %v, the year says %v", label, metric, sum, year)
			}
			if metric == domain.MetricActiveItems && year != m[metric] || year > m[metric] {
				t.Errorf("%s 月度 %s: the year is %v, the tables say %v", label, metric, year, m[metric])
			}
		}
	}
	if tables != 2 {
		t.Errorf("%s has %d tables, want 2", output.MonthlySheet, tables)
	}
}

// checkOfficialTables compares every cell of 表二/表三/表四 on sheet (and
// its 表四 sheet) with the metrics want.
func checkOfficialTables(t *testing.T, who string, f *excelize.File, sheet string, cells map[string]output.OfficialCell, want domain.Metrics) {
	t.Helper()
	for id, cell := range cells {
		v, err := f.GetCellValue(sheet+cell.Suffix, cell.Ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		w, ok := want[id]
		checkValue(t, who+" "+sheet+cell.Suffix+"!"+cell.Ref+" "+id, v, w, ok)
	}
}

// checkValue compares a cell's stored value with a figure; a blank cell
// is right only where there is no figure.
func checkValue(t *testing.T, what, cell string, want float64, has bool) {
	t.Helper()
	if cell == "" {
		if has {
			t.Errorf("%s is blank, want %v", what, want)
		}
		return
	}
	got, err := strconv.ParseFloat(cell, 64)
	switch {
	case err != nil:
		t.Errorf("%s = %q, not a number", what, cell)
	case !has:
		t.Errorf("%s = %v, want blank", what, got)
	case math.Abs(got-want) > 1e-9:
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// truthOf returns the metrics truth.json has for a row label: a unit, or
// the county's total row.
func truthOf(tr truth, label string) (domain.Metrics, string) {
	if label == "全县合计" {
		return tr.County.Metrics, label
	}
	if u, ok := tr.Units[label]; ok {
		return u.Metrics, label
	}
	return nil, label
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}
