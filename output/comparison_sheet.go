package output

import (
	"fmt"
	"io"
	"math"
	"slices"

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
// official tables. The rows are returned to be joined in when the workbook
// is saved (a province has thousands of units × two hundred metrics): each
// unit's row as the unit encoded it (encoded, by name: UnitParts'
// Comparison; a unit of the report without one is a defect).
func writeComparison(f *excelize.File, st *styles, r *Report, encoded map[string]DeflatedPart) ([]deferredRows, error) {
	if _, err := f.NewSheet(comparisonSheet); err != nil {
		return nil, err
	}
	ids := r.Config.MetricIDs()
	header := []string{headerUnit}
	for _, id := range ids {
		header = append(header, domain.MetricLabel(id, r.Config.CategoryLabel))
	}
	first := []int{min(displayWidth(header[0]), headerWrapWidth)} // the units' column; the others are fixed
	var parts []DeflatedPart
	for _, u := range r.Units {
		part, ok := encoded[u.Name]
		if !ok {
			return nil, fmt.Errorf("unit %s: no row of the comparison sheet among its parts", u.Name)
		}
		first[0] = max(first[0], textWidth(u.Name))
		parts = append(parts, part)
	}
	total, err := deflatedBytes(func(w io.Writer) error { return writeMetricRow(w, st, labelCountyTotal, ids, r.County, true, first) }, 1)
	if err != nil {
		return nil, err
	}
	widths := []float64{colWidth(first[0])}
	lines := 1
	for _, h := range header[1:] {
		widths = append(widths, metricColWidth)
		lines = max(lines, int(math.Ceil(float64(displayWidth(h))/(metricColWidth-2))))
	}
	d, err := addTableSheet(f, st, tableFrame{sheet: comparisonSheet, table: "Comparison", header: header, widths: widths,
		rows: len(r.Units), headerHeight: float64(lines)*pointsPerLine + 4, frozenCols: 1,
		print: printing{landscape: true, titleRows: "$1:$1", titleCols: "$A:$A"}})
	if err != nil {
		return nil, err
	}
	d.parts = append(parts, total) // the county's row last, just under the table
	return []deferredRows{d}, nil
}

// encodeComparisonRow appends a unit's row of the county's comparison sheet
// to pf (writeComparison).
func encodeComparisonRow(pf *partFile, cfg *domain.Config, st *styles, u *UnitReport) (DeflatedPart, error) {
	return compressPart(pf, 1, func(w io.Writer) error { return writeMetricRow(w, st, u.Name, cfg.MetricIDs(), u.Metrics, false, nil) })
}

// writeMetricRow writes to w a row of the comparison sheet (metricRow),
// widening widths as writeValueRows does.
func writeMetricRow(w io.Writer, st *styles, label string, ids []string, m domain.Metrics, total bool, widths []int) error {
	return writeValueRows(w, st, slices.Values([][]any{metricRow(st, label, ids, m, total)}), widths)
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
