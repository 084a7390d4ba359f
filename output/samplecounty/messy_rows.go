package samplecounty

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// mergeRange is a merged range, 1-based and inclusive.
type mergeRange struct{ c1, r1, c2, r2 int }

// ledgerGrid is a ledger sheet laid out before it is written.
type ledgerGrid struct {
	h      headerPlan
	rows   [][]any // rows[i] is sheet row i+1; nil cells stay blank
	merges []mergeRange
	titles []int  // rows of the titles merged across the table
	header [2]int // first and last header row
	broken string // the cell of the planted unreadable date, "" when none
	seq    int    // records numbered so far
}

// bodyRow is a row below the header: a record, a blank row (rec nil) or the
// header repeated.
type bodyRow struct {
	rec    *messyRecord
	header bool
}

// layoutLedger lays out a ledger sheet: title rows, the header, the records
// with blank rows and a repeated header among them, a 合计 row, notes.
func (m *messy) layoutLedger(p *officePlan, lp *ledgerPlan) *ledgerGrid {
	h := m.planHeader(lp.kind, lp.twoRow, false)
	recs := m.records(p.o, lp.kind, recordStyle{dates: m.dateStyleOf(false), wan: h.wan, merge: lp.merge})
	if p.broken && lp.kind == domain.KindDisclosure {
		at := len(recs)
		if !lp.merge {
			at = m.r.IntN(len(recs) + 1)
		}
		recs = slices.Insert(recs, at, m.brokenRow(p.o))
	}
	g := &ledgerGrid{h: h}
	for _, t := range m.titleRows(p, lp.kind) {
		row := make([]any, len(h.cols))
		if t != "" {
			row[0] = t
			if !strings.HasPrefix(t, "填报单位") {
				g.titles = append(g.titles, len(g.rows)+1)
			}
		}
		g.rows = append(g.rows, row)
	}
	hdr, merges := m.headerCells(h, len(g.rows)+1)
	g.header = [2]int{len(g.rows) + 1, len(g.rows) + len(hdr)}
	g.rows = append(g.rows, hdr...)
	g.merges = append(g.merges, merges...)
	first := len(g.rows) + 1
	for _, b := range m.body(recs) {
		g.rows = append(g.rows, g.bodyCells(m, b, len(g.rows)+1))
	}
	if lp.merge {
		g.mergeDown(h.fieldCol(domain.FieldCategory), first)
	}
	if lp.total && len(recs) > 0 {
		g.rows = append(g.rows, m.totalRow(p.o, h, recs))
	}
	if lp.notes {
		m.addNotes(g, p.o)
	}
	return g
}

// titleRows are the 1–3 rows above the header: the title, a "填报单位：…"
// line, a blank row ("").
func (m *messy) titleRows(p *officePlan, k domain.Kind) []string {
	o, y := p.o, m.c.year
	who := o.unit.name
	if chance(m.r, 0.5) {
		who += o.name
	}
	title := fmt.Sprintf("%s%d年%s", who, y, ledgerTitles[k])
	line := fmt.Sprintf("填报单位：%s%s    填报日期：%d年%d月%d日", o.unit.name, o.name, o.filed.Year(), o.filed.Month(), o.filed.Day())
	switch m.r.IntN(5) {
	case 0, 1:
		return []string{title}
	case 2:
		return []string{title, line}
	case 3:
		return []string{title, ""}
	}
	if chance(m.r, 0.5) {
		return []string{title, line, ""}
	}
	return []string{title, "", line}
}

// ledgerTitles end the title of each ledger kind.
var ledgerTitles = map[domain.Kind]string{
	domain.KindDisclosure:  "政府信息主动公开台账",
	domain.KindApplication: "政府信息依申请公开登记台账",
	domain.KindAppeal:      "政府信息公开行政复议诉讼台账",
	domain.KindServiceItem: "政务服务事项录入台账",
}

// body orders the rows below the header: the records, now and then a blank
// row or two among them, and in longer ledgers the header once more.
func (m *messy) body(recs []messyRecord) []bodyRow {
	out := make([]bodyRow, len(recs))
	for i := range recs {
		out[i] = bodyRow{rec: &recs[i]}
	}
	if len(recs) >= 12 && chance(m.r, 0.25) {
		out = slices.Insert(out, len(out)/3+m.r.IntN(len(out)/3), bodyRow{header: true})
	}
	if len(recs) >= 2 && chance(m.r, 0.35) {
		for range 1 + m.r.IntN(2) {
			out = slices.Insert(out, 1+m.r.IntN(len(out)-1), bodyRow{})
		}
	}
	return out
}

// bodyCells are the cells of a body row at sheet row row; records are
// numbered in the 序号 column as they come.
func (g *ledgerGrid) bodyCells(m *messy, b bodyRow, row int) []any {
	cells := make([]any, len(g.h.cols))
	switch {
	case b.header:
		return g.h.flatHeader()
	case b.rec == nil:
		return cells
	}
	fields := domain.LedgerFields[g.h.kind]
	for i, c := range g.h.cols {
		switch {
		case c.field == extraColumn:
			if chance(m.r, 0.7) {
				cells[i] = oneOf(m.r, surnames) + oneOf(m.r, givenNames)
			}
		case fields[c.field].Name == domain.FieldSeq:
			g.seq++
			cells[i] = any(g.seq)
			if chance(m.r, 0.2) {
				cells[i] = fmt.Sprint(g.seq)
			}
		default:
			cells[i] = b.rec.vals[fields[c.field].Name]
			if b.rec.broken && fields[c.field].Name == domain.FieldDate {
				g.broken, _ = excelize.CoordinatesToCellName(i+1, row)
			}
		}
	}
	return cells
}
