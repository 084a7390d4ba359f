package transform

import (
	"fmt"
	"sort"

	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// rowKey names a ledger row.
type rowKey struct {
	file, sheet string
	row         int
}

// subtotals checks R7: a 小计/合计 row equals the records it closes. A
// figure in an amount column (收费金额) is compared with the sum of that
// column over those records; any other figure ("共15条") with the number
// of record rows.
func (c *checker) subtotals() []domain.Finding {
	var out []domain.Finding
	keys := make([]OfficeKey, 0, len(c.in.Subtotals))
	for k := range c.in.Subtotals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].Unit < keys[j].Unit || (keys[i].Unit == keys[j].Unit && keys[i].Office < keys[j].Office)
	})
	for _, k := range keys {
		o := c.office(k)
		if o == nil {
			continue
		}
		amounts := rowAmounts(o)
		for _, st := range c.in.Subtotals[k] {
			for _, fig := range st.Figures {
				if f, ok := c.checkSubtotal(o, st, fig, amounts); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// office returns the input of an office, or nil.
func (c *checker) office(k OfficeKey) *OfficeInput {
	for i := range c.in.Offices {
		if c.in.Offices[i].Unit == k.Unit && c.in.Offices[i].Office == k.Office {
			return &c.in.Offices[i]
		}
	}
	return nil
}

// checkSubtotal compares one figure of a subtotal row with its records.
func (c *checker) checkSubtotal(o *OfficeInput, st domain.SubtotalRow, fig domain.SubtotalFigure, amounts map[string]map[rowKey]float64) (domain.Finding, bool) {
	pos := st.Pos
	pos.Col = fig.Col
	span := "其上方没有记录"
	if len(st.Rows) > 0 {
		span = "其上方" + rowList(st.Rows)
	}
	field, isAmount := amountField(st.Kind, fig.Field)
	if isAmount {
		sum := 0.0
		for _, r := range st.Rows {
			sum += amounts[fig.Field][rowKey{pos.File, pos.Sheet, r}]
		}
		if sameNumber(sum, fig.Value) {
			return domain.Finding{}, false
		}
		f := c.finding(domain.RuleSubtotal, domain.SevError, o, pos, fmt.Sprintf(
			"“%s”行的“%s”为%s元，但%s的%s之和为%s元。请核对合计数或各条记录的金额。",
			st.Label, field.Label, fmtFigure(fig.Value), span, field.Label, fmtFigure(sum)))
		return numbers(f, "", sum, fig.Value), true
	}
	n := float64(len(st.Rows))
	if fig.Value == n {
		return domain.Finding{}, false
	}
	f := c.finding(domain.RuleSubtotal, domain.SevError, o, pos, fmt.Sprintf(
		"“%s”行写有“%s”，但%s共有%d条记录。请核对合计数，或检查是否漏登、多登了记录。",
		st.Label, fig.Text, span, len(st.Rows)))
	return numbers(f, "", n, fig.Value), true
}

// amountField returns the field of a kind by name when it is an amount.
func amountField(k domain.Kind, name string) (domain.Field, bool) {
	for _, f := range domain.LedgerFields[k] {
		if f.Name == name && name != "" {
			return f, f.Type == domain.TypeAmount
		}
	}
	return domain.Field{}, false
}

// rowAmounts sums every amount field of an office's ledgers by row (a row
// read as several records, one per channel, counts once).
func rowAmounts(o *OfficeInput) map[string]map[rowKey]float64 {
	out := map[string]map[rowKey]float64{}
	for _, k := range domain.LedgerKinds {
		for _, f := range domain.LedgerFields[k] {
			if f.Type != domain.TypeAmount {
				continue
			}
			m := out[f.Name]
			if m == nil {
				m = map[rowKey]float64{}
				out[f.Name] = m
			}
			for _, rec := range o.Ledgers[k] {
				col := column(rec, f.Name).(*array.Float64)
				seen := map[rowKey]bool{}
				for i := 0; i < int(rec.NumRows()); i++ {
					p := lineagePos(rec, i)
					rk := rowKey{p.File, p.Sheet, p.Row}
					if seen[rk] || col.IsNull(i) {
						continue
					}
					seen[rk] = true
					m[rk] += col.Value(i)
				}
			}
		}
	}
	return out
}
