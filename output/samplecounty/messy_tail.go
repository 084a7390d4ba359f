package samplecounty

import (
	"fmt"
	"strings"

	"gongkai/domain"
)

// mergeDown merges the cells of column col (0-based; -1: none) over each
// run of consecutive rows from row first on that hold the same text, and
// keeps the text in the top cell only, as offices do with 公开类别.
func (g *ledgerGrid) mergeDown(col, first int) {
	if col < 0 {
		return
	}
	text := func(r int) string {
		if r > len(g.rows) {
			return ""
		}
		s, _ := g.rows[r-1][col].(string)
		return s
	}
	for r := first; r <= len(g.rows); {
		end := r
		for t := text(r); t != "" && text(end+1) == t; end++ {
		}
		if end > r {
			g.merges = append(g.merges, mergeRange{col + 1, r, col + 1, end})
			for i := r + 1; i <= end; i++ {
				g.rows[i-1][col] = nil
			}
		}
		r = end + 1
	}
}

// totalRow is a 合计 row closing the records: their number ("共15条") and,
// in the application ledger, the sum of the fees in the column's unit.
func (m *messy) totalRow(o *office, h headerPlan, recs []messyRecord) []any {
	cells := make([]any, len(h.cols))
	cells[0] = oneOf(m.r, []string{"合计", "合  计", "总计"})
	unit := map[domain.Kind]string{domain.KindDisclosure: "条", domain.KindServiceItem: "项"}[h.kind]
	if unit == "" {
		unit = "件"
	}
	countCol := 1
	if c := h.fieldCol(domain.FieldTitle); c > 0 {
		countCol = c
	}
	if h.kind == domain.KindApplication {
		fee := h.fieldCol(domain.FieldFee)
		var cents int64
		for _, a := range o.apps {
			cents += a.feeCents
		}
		v := float64(cents) / one
		if h.wan {
			v /= 10000
		}
		cells[fee] = v
		if countCol == fee {
			countCol = 2
		}
	}
	if countCol < len(cells) {
		cells[countCol] = fmt.Sprintf("共%d%s", len(recs), unit)
	}
	return cells
}

// noteTexts are remarks offices write below a table; kind "" fits any.
var noteTexts = []struct {
	kind domain.Kind
	text string
}{
	{"", "填表说明：1.每条记录填写一行；2.日期请填写实际日期，如2025-03-05。"},
	{"", "注：本表由{o}负责填报，每季度末更新。"},
	{domain.KindDisclosure, "注：同一信息通过多个渠道公开的，每个渠道填写一行；“公开渠道”按政府网站、政务新媒体、公开栏等填写。"},
	{domain.KindApplication, "注：收费金额按实际收取的信息处理费填写，未收费的填0。"},
}

// addNotes adds a blank row and one or two notes below the table, the
// first merged across it now and then.
func (m *messy) addNotes(g *ledgerGrid, o *office) {
	width := len(g.h.cols)
	var fit []string
	for _, n := range noteTexts {
		if n.kind == "" || n.kind == g.h.kind {
			fit = append(fit, n.text)
		}
	}
	g.rows = append(g.rows, make([]any, width))
	for i, n := range m.r.Perm(len(fit))[:1+m.r.IntN(2)] {
		row := make([]any, width)
		row[0] = fillOffice(fit[n], o)
		g.rows = append(g.rows, row)
		if i == 0 && chance(m.r, 0.5) {
			g.merges = append(g.merges, mergeRange{1, len(g.rows), width, len(g.rows)})
		}
	}
}

// fillOffice puts the office's name into a note.
func fillOffice(s string, o *office) string {
	return strings.ReplaceAll(s, "{o}", o.unit.name+o.name)
}
