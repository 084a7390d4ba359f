package output

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// styled is a cell value with a style chosen by the caller.
type styled struct {
	v     any
	style int
}

// sheetWriter writes cells of one sheet in excelize's normal mode and keeps
// the widest text of each column, to size the columns when done.
type sheetWriter struct {
	f      *excelize.File
	st     *styles
	sheet  string
	widths map[int]int // column → widest text seen
}

// newSheetWriter writes on sheet, which must exist.
func newSheetWriter(f *excelize.File, st *styles, sheet string) *sheetWriter {
	return &sheetWriter{f: f, st: st, sheet: sheet, widths: map[int]int{}}
}

// set writes v at (col, row), styled by its type unless it is a styled:
// float64 as a count or an amount, time.Time as a date (or date and time
// when it has a clock part), nil as a blank cell.
func (w *sheetWriter) set(col, row int, v any) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	style := 0
	if s, ok := v.(styled); ok {
		v, style = s.v, s.style
	}
	text := ""
	switch x := v.(type) {
	case nil:
		if style == 0 {
			return nil
		}
	case string:
		if x == "" && style == 0 {
			return nil
		}
		text = x
	case float64:
		text = strconv.FormatFloat(x, 'f', -1, 64)
		if style == 0 {
			style = w.st.numberStyle(x, false)
		}
	case int:
		text = strconv.Itoa(x)
		if style == 0 {
			style = w.st.integer
		}
	case time.Time:
		if style == 0 {
			style = w.st.date
			if x.Hour()+x.Minute()+x.Second() != 0 {
				style = w.st.dateTime
			}
		}
		text = fmtDate
		if style == w.st.dateTime {
			text = fmtDateTime
		}
	default:
		return fmt.Errorf("cell %s!%s: unsupported value %T", w.sheet, ref, v)
	}
	if v != nil {
		if err := w.f.SetCellValue(w.sheet, ref, v); err != nil {
			return err
		}
	}
	if style != 0 {
		if err := w.f.SetCellStyle(w.sheet, ref, ref, style); err != nil {
			return err
		}
	}
	w.widths[col] = max(w.widths[col], textWidth(text))
	return nil
}

// row writes values from column 1 on.
func (w *sheetWriter) row(row int, values ...any) error {
	for i, v := range values {
		if err := w.set(i+1, row, v); err != nil {
			return err
		}
	}
	return nil
}

// line writes a line of text in column A that may spill over the columns
// to its right: a title, a caption or a note. Its width is not counted.
func (w *sheetWriter) line(row int, text string, style int) error {
	if err := w.f.SetCellValue(w.sheet, "A"+strconv.Itoa(row), text); err != nil {
		return err
	}
	return w.f.SetCellStyle(w.sheet, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), style)
}

// sizeColumns sets each column's width from the widest text written.
func (w *sheetWriter) sizeColumns() error {
	for _, col := range slices.Sorted(maps.Keys(w.widths)) {
		tw := w.widths[col]
		name, err := excelize.ColumnNumberToName(col)
		if err != nil {
			return err
		}
		if err := w.f.SetColWidth(w.sheet, name, name, colWidth(tw)); err != nil {
			return err
		}
	}
	return nil
}
