package output

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// headerWrapWidth is the widest a header makes its column; longer headers
// wrap inside their cell.
const headerWrapWidth = 24

// tableStyle is the built-in style of every Excel table the batch writes.
const tableStyle = "TableStyleMedium2"

// table is a block of rows under a header row, written as an Excel table
// (banded rows and a filter button on each header cell) when it has a name.
type table struct {
	name   string   // Excel table name: ASCII, unique in the workbook; "" for a plain block
	header []string // column labels, made unique if they are not
	rows   [][]any  // cell values as sheetWriter.set takes them
	total  []any    // a total row just under the table (outside it, so sorting keeps it last); nil for none
}

// table writes t with its header at row top and returns the first row
// under it (and under its total row).
func (w *sheetWriter) table(top int, t table) (next int, err error) {
	header := uniqueHeaders(t.header)
	for i, h := range header { // through excelize: AddTable names the columns from them
		if err := w.setDirect(i+1, top, h, w.st.header); err != nil {
			return 0, err
		}
		w.widths[i+1] = max(w.widths[i+1], min(displayWidth(h), headerWrapWidth))
	}
	for r, values := range t.rows {
		if err := w.row(top+1+r, values...); err != nil {
			return 0, err
		}
	}
	last := top + max(len(t.rows), 1)
	if t.name != "" {
		ref, err := rangeRef(1, top, len(header), last)
		if err != nil {
			return 0, err
		}
		show := true
		if err := w.f.AddTable(w.sheet, &excelize.Table{
			Range: ref, Name: t.name, StyleName: tableStyle, ShowRowStripes: &show,
		}); err != nil {
			return 0, fmt.Errorf("table %s on %s: %w", t.name, w.sheet, err)
		}
		if err := setTableAside(w.f, nil); err != nil {
			return 0, err
		}
	}
	next = last + 1
	if t.total != nil {
		if err := w.row(next, t.total...); err != nil {
			return 0, err
		}
		next++
	}
	return next, nil
}

// rangeRef is the A1 reference of a rectangle, e.g. A3:F20.
func rangeRef(col1, row1, col2, row2 int) (string, error) {
	a, err := excelize.CoordinatesToCellName(col1, row1)
	if err != nil {
		return "", err
	}
	b, err := excelize.CoordinatesToCellName(col2, row2)
	if err != nil {
		return "", err
	}
	return a + ":" + b, nil
}

// uniqueHeaders returns the labels with a repeated one numbered: Excel
// tables need distinct header texts, compared regardless of case.
func uniqueHeaders(labels []string) []string {
	out := make([]string, len(labels))
	seen := map[string]bool{}
	for i, l := range labels {
		s := l
		for k := 2; seen[strings.ToLower(s)]; k++ {
			s = fmt.Sprintf("%s%d", l, k)
		}
		seen[strings.ToLower(s)] = true
		out[i] = s
	}
	return out
}
