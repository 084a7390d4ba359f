package output

import (
	"math"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// comparisonSheet compares the units on every metric.
const comparisonSheet = "各单位对比"

// Layout of the comparison sheet: narrow metric columns under a tall,
// wrapped header row.
const (
	metricColWidth = 14
	pointsPerLine  = 14.5
)

// labelCountyTotal is the label of the county's row under the units.
const labelCountyTotal = "全县合计"

// writeComparison fills the comparison sheet: one row per unit, one
// column per metric id of the configuration, and the county's figures
// under the units. A metric a unit lacks is a blank cell, as in the
// official tables.
func writeComparison(f *excelize.File, st *styles, r *Report) error {
	if _, err := f.NewSheet(comparisonSheet); err != nil {
		return err
	}
	ids := r.Config.MetricIDs()
	header := []string{headerUnit}
	for _, id := range ids {
		header = append(header, domain.MetricLabel(id, r.Config.CategoryLabel))
	}
	w := newSheetWriter(f, st, comparisonSheet)
	if _, err := w.table(1, unitsByMetrics(st, r, "Comparison", header, ids)); err != nil {
		return err
	}
	if err := sizeMetricColumns(f, comparisonSheet, header, w.widths[1]); err != nil {
		return err
	}
	if err := f.SetPanes(comparisonSheet, frozen(2, 2)); err != nil {
		return err
	}
	return printSetup(f, comparisonSheet, printing{landscape: true, titleRows: "$1:$1", titleCols: "$A:$A"})
}

// metricRow is a label followed by the values of ids in m; an absent
// metric is a blank cell.
func metricRow(st *styles, label string, ids []string, m domain.Metrics, total bool) []any {
	row := make([]any, 0, len(ids)+1)
	if total {
		row = append(row, styled{label, st.totalLabel})
	} else {
		row = append(row, label)
	}
	for _, id := range ids {
		switch v, ok := m[id]; {
		case ok:
			row = append(row, styled{v, st.numberStyle(v, total)})
		case total:
			row = append(row, styled{nil, st.totalInt}) // blank, with the total row's rule
		default:
			row = append(row, nil)
		}
	}
	return row
}

// sizeMetricColumns gives the first column the width of its widest text
// and the metric columns a fixed width, and makes the header row tall
// enough for the longest wrapped label.
func sizeMetricColumns(f *excelize.File, sheet string, header []string, firstWidth int) error {
	if err := f.SetColWidth(sheet, "A", "A", colWidth(firstWidth)); err != nil {
		return err
	}
	last, err := excelize.ColumnNumberToName(len(header))
	if err != nil {
		return err
	}
	if len(header) > 1 {
		if err := f.SetColWidth(sheet, "B", last, metricColWidth); err != nil {
			return err
		}
	}
	lines := 1
	for _, h := range header[1:] {
		lines = max(lines, int(math.Ceil(float64(displayWidth(h))/(metricColWidth-2))))
	}
	return f.SetRowHeight(sheet, 1, float64(lines)*pointsPerLine+4)
}
