package samplecounty

import (
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// sheetStyles are the styles of a generated workbook.
type sheetStyles struct {
	title, header, date int
}

func newSheetStyles(f *excelize.File) (*sheetStyles, error) {
	dateFmt := "yyyy-mm-dd"
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}},
		{
			Font:      &excelize.Font{Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Border: []excelize.Border{
				{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
				{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
			},
		},
		{CustomNumFmt: &dateFmt},
	}
	ids, err := output.RegisterStyles(f, defs...)
	if err != nil {
		return nil, err
	}
	return &sheetStyles{title: ids[0], header: ids[1], date: ids[2]}, nil
}

// sheetWriter writes cells of one sheet and keeps the first error.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	st    *sheetStyles
	err   error
}

func (w *sheetWriter) ref(col, row int) string {
	if w.err != nil {
		return ""
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	w.err = err
	return ref
}

// set writes v: nil or a zero time leaves the cell blank, a time is a real
// date cell.
func (w *sheetWriter) set(col, row int, v any) {
	ref := w.ref(col, row)
	if w.err != nil || v == nil {
		return
	}
	if t, ok := v.(time.Time); ok {
		if t.IsZero() {
			return
		}
		if w.err = w.f.SetCellValue(w.sheet, ref, excelSerial(t)); w.err == nil {
			w.err = w.f.SetCellStyle(w.sheet, ref, ref, w.st.date)
		}
		return
	}
	w.err = w.f.SetCellValue(w.sheet, ref, v)
}

// title writes a merged title over columns 1..cols of row 1.
func (w *sheetWriter) title(text string, cols int) {
	a, b := w.ref(1, 1), w.ref(cols, 1)
	if w.err == nil {
		w.err = w.f.SetCellValue(w.sheet, a, text)
	}
	if w.err == nil {
		w.err = w.f.MergeCell(w.sheet, a, b)
	}
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, a, b, w.st.title)
	}
	if w.err == nil {
		w.err = w.f.SetRowHeight(w.sheet, 1, 24)
	}
}

// fieldWidths are column widths by field name; other fields get 12.
var fieldWidths = map[string]float64{
	domain.FieldSeq: 6, domain.FieldTitle: 48, domain.FieldCategory: 12, domain.FieldChannel: 14,
	domain.FieldDocNo: 18, domain.FieldLink: 40, domain.FieldAppID: 14, domain.FieldContent: 36,
	domain.FieldFee: 10, domain.FieldOutcome: 30, domain.FieldCaseNo: 22, domain.FieldCaseType: 26,
	domain.FieldItemName: 30, domain.FieldPlatform: 28, domain.FieldNote: 20,
}

// ledger writes a ledger sheet: the merged title in row 1, the canonical
// header labels of kind in row 2, one record per row from row 3. A record
// maps field names to values.
func (w *sheetWriter) ledger(title string, kind domain.Kind, records []map[string]any) error {
	fields := domain.LedgerFields[kind]
	w.title(title, len(fields))
	for c, fd := range fields {
		w.set(c+1, 2, fd.Label)
		width, ok := fieldWidths[fd.Name]
		if !ok {
			width = 12
		}
		if name, err := excelize.ColumnNumberToName(c + 1); err == nil && w.err == nil {
			w.err = w.f.SetColWidth(w.sheet, name, name, width)
		}
	}
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, w.ref(1, 2), w.ref(len(fields), 2), w.st.header)
	}
	for i, rec := range records {
		for c, fd := range fields {
			w.set(c+1, 3+i, rec[fd.Name])
		}
	}
	if w.err == nil {
		w.err = w.f.SetPanes(w.sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	}
	return w.err
}
