package ingest

import (
	"slices"
	"strings"

	"gongkai/domain"
)

// subtotalCollector follows the record rows of one ledger sheet and keeps
// each 小计/合计/总计 row with its figures and the record rows it closes.
type subtotalCollector struct {
	sinceSubtotal []int // record rows since the last subtotal row of any kind
	sinceTotal    []int // record rows since the last 合计/总计
}

// record notes a record row.
func (sc *subtotalCollector) record(row int) {
	sc.sinceSubtotal = append(sc.sinceSubtotal, row)
	sc.sinceTotal = append(sc.sinceTotal, row)
}

// close keeps a subtotal row. A 小计 closes the records since the previous
// subtotal row; a 合计 or 总计 those since the previous 合计/总计, so that a
// grand total below several 小计 closes them all.
func (sc *subtotalCollector) close(fr *fileReader, sheet string, row int, l ledgerLayout, cells []string) {
	label := ""
	for _, c := range cells {
		if c != "" {
			label = c
			break
		}
	}
	minor := strings.HasPrefix(domain.MatchKey(label), "小计")
	rows := sc.sinceTotal
	if minor {
		rows = sc.sinceSubtotal
	}
	st := domain.SubtotalRow{
		Kind:  l.kind,
		Pos:   domain.Pos{File: fr.sub.Path, Sheet: sheet, Row: row},
		Label: label,
		Rows:  slices.Clone(rows),
	}
	for c, text := range cells {
		if text == "" {
			continue
		}
		f, named := fieldAtColumn(l, c)
		if named && f.Type == domain.TypeDate {
			continue
		}
		v, ok := subtotalNumber(text, named && f.Type == domain.TypeAmount, l.amountWan)
		if !ok {
			continue
		}
		fig := domain.SubtotalFigure{Col: c + 1, Value: v, Text: text}
		if named {
			fig.Field = f.Name
		}
		st.Figures = append(st.Figures, fig)
	}
	fr.sub.Subtotals = append(fr.sub.Subtotals, st)
	sc.sinceSubtotal = nil
	if !minor {
		sc.sinceTotal = nil
	}
}

// fieldAtColumn returns the field whose header is in column c (0-based).
func fieldAtColumn(l ledgerLayout, c int) (domain.Field, bool) {
	for i, col := range l.cols {
		if col == c {
			return domain.LedgerFields[l.kind][i], true
		}
	}
	return domain.Field{}, false
}

// subtotalLead are the words a subtotal figure is written after:
// 合计：共15条, 共计15条, 小计 3.
var subtotalLead = []string{"小计", "合计", "总计", "共计", "共", "计", ":", "：", " "}

// subtotalNumber reads the figure of a subtotal cell: an amount in 元 in an
// amount column, else a count. ok is false for a cell with no number.
func subtotalNumber(text string, amount, headerWan bool) (float64, bool) {
	t := text
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range subtotalLead {
			if strings.HasPrefix(t, w) {
				t, trimmed = strings.TrimPrefix(t, w), true
			}
		}
	}
	if t == "" || IsMissing(t) {
		return 0, false
	}
	if amount {
		v, err := ParseAmount(t, headerWan)
		return v, err == nil
	}
	v, _, err := ParseNumber(t)
	return v, err == nil
}
