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

// sheetWriter writes cells of one sheet and keeps the widest text of each
// column, to size the columns when done. It writes them in excelize's
// normal mode, or, when placed (newPlacedSheetWriter), keeps them to be
// encoded into the saved sheet (placedRows): then only a table's header
// row goes through excelize, which names the table's columns from it.
type sheetWriter struct {
	f      *excelize.File
	st     *styles
	sheet  string
	widths map[int]int // column → widest text seen
	placed *placedRows // nil: cells go through excelize
}

// newSheetWriter writes on sheet, which must exist.
func newSheetWriter(f *excelize.File, st *styles, sheet string) *sheetWriter {
	return &sheetWriter{f: f, st: st, sheet: sheet, widths: map[int]int{}}
}

// newPlacedSheetWriter writes on sheet, which must exist, keeping the
// cells but tables' headers for rows() (a sheet whose rows grow with the
// county: excelize's work per cell was most of a re-run's county workbook).
func newPlacedSheetWriter(f *excelize.File, st *styles, sheet string) *sheetWriter {
	w := newSheetWriter(f, st, sheet)
	w.placed = &placedRows{}
	return w
}

// rows returns the kept cells as the sheet's deferred rows.
func (w *sheetWriter) rows() deferredRows {
	return deferredRows{sheet: w.sheet, placed: w.placed}
}

// set writes v at (col, row), styled by its type unless it is a styled:
// float64 as a count or an amount, time.Time as a date (or date and time
// when it has a clock part), nil as a blank cell.
func (w *sheetWriter) set(col, row int, v any) error {
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
		return fmt.Errorf("sheet %s, row %d, column %d: unsupported value %T", w.sheet, row, col, v)
	}
	w.widths[col] = max(w.widths[col], textWidth(text))
	return w.put(col, row, v, style)
}

// put writes v with style at (col, row): kept when the writer is placed,
// else through excelize.
func (w *sheetWriter) put(col, row int, v any, style int) error {
	if w.placed != nil {
		w.placed.set(col, row, v, style)
		return nil
	}
	return w.setDirect(col, row, v, style)
}

// setDirect writes a cell through excelize.
func (w *sheetWriter) setDirect(col, row int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if v != nil {
		if err := w.f.SetCellValue(w.sheet, ref, v); err != nil {
			return err
		}
	}
	if style != 0 {
		return w.f.SetCellStyle(w.sheet, ref, ref, style)
	}
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
	return w.put(1, row, text, style)
}

// note writes a note in column A of row, merged across columns 1 to last,
// wrapped in a row of height points, so that it does not widen the
// printed page. Its width is not counted.
func (w *sheetWriter) note(row, last int, text string, height float64) error {
	end, err := excelize.CoordinatesToCellName(last, row)
	if err != nil {
		return err
	}
	if err := w.f.MergeCell(w.sheet, "A"+strconv.Itoa(row), end); err != nil {
		return err
	}
	for col := 1; col <= last; col++ {
		var v any
		if col == 1 {
			v = text
		}
		if err := w.put(col, row, v, w.st.wrap); err != nil {
			return err
		}
	}
	if w.placed != nil {
		w.placed.height(row, height)
		return nil
	}
	return w.f.SetRowHeight(w.sheet, row, height)
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
