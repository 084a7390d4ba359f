package samplecounty

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// messyStyles are the cell styles of a messy workbook.
type messyStyles struct {
	title, header, date, dateTime int
}

func newMessyStyles(f *excelize.File) (*messyStyles, error) {
	st, err := newSheetStyles(f)
	if err != nil {
		return nil, err
	}
	dt := "yyyy-mm-dd hh:mm"
	id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dt})
	if err != nil {
		return nil, err
	}
	return &messyStyles{title: st.title, header: st.header, date: st.date, dateTime: id}, nil
}

// writeWorkbook writes the office's workbook: its sheets in the planned
// order and names, the disclosure ledger left out when it is in a CSV.
func (m *messy) writeWorkbook(p *officePlan) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newMessyStyles(f)
	if err != nil {
		return err
	}
	for i, s := range p.sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			return err
		}
	}
	for _, s := range p.sheets {
		switch s.kind {
		case domain.KindCover:
			err = m.writeCover(f, st, s.name, p.o)
		case domain.KindSummary:
			err = m.writeSummary(f, s.name, p.o)
		default:
			g := m.layoutLedger(p, p.ledger(s.kind))
			if g.broken != "" {
				m.plant(domain.RuleCellUnreadable, p.workbook, s.name, g.broken)
			}
			err = m.putGrid(f, st, s.name, g)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	f.SetActiveSheet(0)
	return f.SaveAs(m.abs(p.workbook))
}

// putGrid writes a laid-out ledger into a sheet.
func (m *messy) putGrid(f *excelize.File, st *messyStyles, sheet string, g *ledgerGrid) error {
	cw := &cellWriter{f: f, sheet: sheet, st: st}
	for r, row := range g.rows {
		for c, v := range row {
			cw.put(c+1, r+1, v)
		}
	}
	width := len(g.h.cols)
	for _, r := range g.titles {
		cw.merge(mergeRange{1, r, width, r})
		cw.style(mergeRange{1, r, width, r}, st.title)
	}
	cw.style(mergeRange{1, g.header[0], width, g.header[1]}, st.header)
	for _, mr := range g.merges {
		cw.merge(mr)
	}
	fields := domain.LedgerFields[g.h.kind]
	for i, c := range g.h.cols {
		w := 10.0
		if c.field >= 0 {
			if fw, ok := fieldWidths[fields[c.field].Name]; ok {
				w = fw
			} else {
				w = 12
			}
		}
		if name, err := excelize.ColumnNumberToName(i + 1); err == nil && cw.err == nil {
			cw.err = f.SetColWidth(sheet, name, name, w)
		}
	}
	if cw.err == nil && chance(m.r, 0.5) {
		top, _ := excelize.CoordinatesToCellName(1, g.header[1]+1)
		cw.err = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: g.header[1], TopLeftCell: top, ActivePane: "bottomLeft"})
	}
	return cw.err
}

// cellWriter writes typed cells and keeps the first error.
type cellWriter struct {
	f     *excelize.File
	sheet string
	st    *messyStyles
	err   error
}

// put writes v at (col, row): nil stays blank, a string is text, a dateVal
// a real date cell, anything else a number.
func (w *cellWriter) put(col, row int, v any) {
	if w.err != nil || v == nil {
		return
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		w.err = err
		return
	}
	switch v := v.(type) {
	case string:
		w.err = w.f.SetCellStr(w.sheet, ref, v)
	case dateVal:
		style := w.st.date
		if v.minutes > 0 {
			style = w.st.dateTime
		}
		if w.err = w.f.SetCellFloat(w.sheet, ref, v.serial(), -1, 64); w.err == nil {
			w.err = w.f.SetCellStyle(w.sheet, ref, ref, style)
		}
	default:
		w.err = w.f.SetCellValue(w.sheet, ref, v)
	}
}

func (w *cellWriter) merge(r mergeRange) {
	if w.err != nil || (r.c1 == r.c2 && r.r1 == r.r2) {
		return
	}
	a, _ := excelize.CoordinatesToCellName(r.c1, r.r1)
	b, _ := excelize.CoordinatesToCellName(r.c2, r.r2)
	w.err = w.f.MergeCell(w.sheet, a, b)
}

func (w *cellWriter) style(r mergeRange, style int) {
	if w.err != nil {
		return
	}
	a, _ := excelize.CoordinatesToCellName(r.c1, r.r1)
	b, _ := excelize.CoordinatesToCellName(r.c2, r.r2)
	w.err = w.f.SetCellStyle(w.sheet, a, b, style)
}
