package output

import (
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// fontName is the workbook font: what Chinese offices' Excel and WPS show.
const fontName = "宋体"

// Number formats of the cells the batch writes.
const (
	fmtDate     = "yyyy-mm-dd"
	fmtDateTime = "yyyy-mm-dd hh:mm:ss"
	fmtPlain    = 1 // 0
	fmtInteger  = 3 // #,##0
	fmtDecimal  = 4 // #,##0.00
)

// styles are the cell styles of one workbook (style ids are per file).
type styles struct {
	title      int // a sheet's title line
	section    int // a section caption inside a sheet
	header     int // a column header row
	label      int // the key of a key/value line
	text       int // plain text
	wrap       int // text that wraps
	integer    int
	year       int // a whole number without a thousands separator
	decimal    int
	date       int
	dateTime   int
	totalLabel int // the label of a total row
	totalInt   int
	totalDec   int
	error      int // 错误 in a findings list
	warning    int // 警告 in a findings list
	info       int // 提示 in a findings list
	draftTitle int // the report draft's title
	draftHead  int // a section heading of the report draft
	draftBody  int // a paragraph of the report draft
}

// RegisterStyles adds each style to f and returns their ids, in order.
func RegisterStyles(f *excelize.File, defs ...*excelize.Style) ([]int, error) {
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

// newStyles registers the styles in f and sets its default font.
func newStyles(f *excelize.File) (*styles, error) {
	if err := f.SetDefaultFont(fontName); err != nil {
		return nil, err
	}
	thin := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	dateFmt, dateTimeFmt := fmtDate, fmtDateTime
	totalTop := []excelize.Border{{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 6}}
	st := &styles{}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: fontName}}},
		{&st.section, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Family: fontName}}},
		{&st.header, excelize.Style{
			Font:      &excelize.Font{Bold: true, Family: fontName},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Border:    thin,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		}},
		{&st.label, excelize.Style{Font: &excelize.Font{Bold: true, Family: fontName}}},
		{&st.text, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.integer, excelize.Style{NumFmt: fmtInteger}},
		{&st.year, excelize.Style{NumFmt: fmtPlain}},
		{&st.decimal, excelize.Style{NumFmt: fmtDecimal}},
		{&st.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.dateTime, excelize.Style{CustomNumFmt: &dateTimeFmt}},
		{&st.totalLabel, excelize.Style{Font: &excelize.Font{Bold: true, Family: fontName}, Border: totalTop}},
		{&st.totalInt, excelize.Style{Font: &excelize.Font{Bold: true, Family: fontName}, Border: totalTop, NumFmt: fmtInteger}},
		{&st.totalDec, excelize.Style{Font: &excelize.Font{Bold: true, Family: fontName}, Border: totalTop, NumFmt: fmtDecimal}},
		{&st.error, excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000", Family: fontName}}},
		{&st.warning, excelize.Style{Font: &excelize.Font{Color: "C65911", Family: fontName}}},
		{&st.info, excelize.Style{Font: &excelize.Font{Family: fontName}}},
		{&st.draftTitle, excelize.Style{
			Font:      &excelize.Font{Bold: true, Size: 18, Family: fontName},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		}},
		{&st.draftHead, excelize.Style{
			Font:      &excelize.Font{Bold: true, Size: 12, Family: fontName},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}},
		{&st.draftBody, excelize.Style{
			Font:      &excelize.Font{Size: 12, Family: fontName},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return st, nil
}

// numberStyle is the style of a metric value: integer counts without
// decimals, amounts with two.
func (st *styles) numberStyle(v float64, total bool) int {
	switch {
	case total && isWhole(v):
		return st.totalInt
	case total:
		return st.totalDec
	case isWhole(v):
		return st.integer
	}
	return st.decimal
}

// severityStyle is the style of a severity cell in a findings list.
func (st *styles) severityStyle(s domain.Severity) int {
	switch s {
	case domain.SevError:
		return st.error
	case domain.SevWarning:
		return st.warning
	case domain.SevInfo:
		return st.info
	}
	return st.text
}
