package transform

import (
	"fmt"
	"slices"

	"gongkai/domain"
)

// identity is a sum the self-reported tables must satisfy: the figures of
// left add up to those of right. The finding points at the cell of at.
type identity struct {
	rule        string
	left, right []string
	at          string
	text        string // the message, with %s for the left and right sums
}

// summaryIdentities are the sums of domain.md §6 R1–R4, built from the
// table definitions.
var summaryIdentities = func() []identity {
	var out []identity
	cols := domain.T3Columns
	results := domain.T3ResultRows()
	for _, c := range cols { // R1 and R2, column by column
		m := func(row string) string { return domain.T3Metric(row, c.ID) }
		out = append(out, identity{
			rule: domain.RuleSumT3Balance,
			left: []string{m(domain.T3RowNew), m(domain.T3RowCarriedIn)}, right: []string{m(domain.T3RowTotal), m(domain.T3RowCarriedOut)},
			at: m(domain.T3RowCarriedOut),
			text: fmt.Sprintf("表三“%s”列：一（本年新收）加二（上年结转）为%%s，三（七）总计加四（结转下年度继续办理）为%%s，两者应相等"+
				"（勾稽关系：第一项加第二项之和，等于第三项加第四项之和）。请核对该列这四个数字。", c.Label),
		})
		parts := make([]string, len(results))
		for i, r := range results {
			parts[i] = m(r.ID)
		}
		out = append(out, identity{
			rule: domain.RuleSumT3Results,
			left: []string{m(domain.T3RowTotal)}, right: parts, at: m(domain.T3RowTotal),
			text: fmt.Sprintf("表三“%s”列：（七）总计填%%s，（一）至（六）各项办理结果之和为%%s，两者应相等。请核对该列各项办理结果或总计。", c.Label),
		})
	}
	for _, r := range domain.T3Rows { // R3, row by row
		parts := make([]string, 0, len(cols)-1)
		for _, c := range cols[:len(cols)-1] {
			parts = append(parts, domain.T3Metric(r.ID, c.ID))
		}
		total := domain.T3Metric(r.ID, domain.ColumnTotal)
		out = append(out, identity{
			rule: domain.RuleSumT3Columns, left: []string{total}, right: parts, at: total,
			text: fmt.Sprintf("表三“%s”行：总计填%%s，自然人与法人或其他组织各列之和为%%s，两者应相等。请核对该行各列或总计。", r.ShortLabel()),
		})
	}
	for _, b := range domain.T4Blocks { // R4, block by block
		var parts []string
		for _, res := range domain.T4Results[:len(domain.T4Results)-1] {
			parts = append(parts, domain.T4Metric(b.ID, res.ID))
		}
		total := domain.T4Metric(b.ID, domain.ColumnTotal)
		out = append(out, identity{
			rule: domain.RuleSumT4, left: []string{total}, right: parts, at: total,
			text: fmt.Sprintf("表四“%s”：总计填%%s，结果维持、结果纠正、其他结果、尚未审结之和为%%s，两者应相等。请核对。", b.Label),
		})
	}
	return out
}()

// summaryRow is a row of a self-reported table: its blank cells are
// reported once, under the rule that needed them.
type summaryRow struct {
	rule, name string
	metrics    []string
}

// summaryRows are the rows of 表三 and the blocks of 表四.
var summaryRows = func() (out []summaryRow) {
	for _, r := range domain.T3Rows {
		var ms []string
		for _, c := range domain.T3Columns {
			ms = append(ms, domain.T3Metric(r.ID, c.ID))
		}
		out = append(out, summaryRow{domain.RuleSumT3Columns, "表三“" + r.ShortLabel() + "”一行", ms})
	}
	for _, b := range domain.T4Blocks {
		var ms []string
		for _, res := range domain.T4Results {
			ms = append(ms, domain.T4Metric(b.ID, res.ID))
		}
		out = append(out, summaryRow{domain.RuleSumT4, "表四“" + b.Label + "”", ms})
	}
	return out
}()

// summarySums checks R1–R4 on every self-reported table. A blank cell is
// missing, not 0: its row is reported once as incomplete and no sum that
// needs it is claimed wrong. A row the table does not have at all (the
// 2019 format's （六） sub-rows) counts as 0.
func (c *checker) summarySums() []domain.Finding {
	var out []domain.Finding
	for i := range c.in.Offices {
		o := &c.in.Offices[i]
		sr := o.Summary
		if sr == nil {
			continue
		}
		out = append(out, c.blankCells(o)...)
		for _, id := range summaryIdentities {
			if f, ok := c.checkIdentity(o, id); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// checkIdentity evaluates one identity on an office's summary.
func (c *checker) checkIdentity(o *OfficeInput, id identity) (domain.Finding, bool) {
	sr := o.Summary
	present := false
	sum := func(ids []string) (float64, bool) {
		s := 0.0
		for _, m := range ids {
			if slices.Contains(sr.Missing, m) {
				return 0, false
			}
			if v, ok := sr.Values[m]; ok {
				s += v
				present = true
			}
		}
		return s, true
	}
	l, okL := sum(id.left)
	r, okR := sum(id.right)
	if !okL || !okR || !present || sameNumber(l, r) {
		return domain.Finding{}, false
	}
	actual := sr.Values[id.at]
	expected := actual + r - l
	if !slices.Contains(id.left, id.at) {
		expected = actual + l - r
	}
	f := c.finding(id.rule, domain.SevError, o, sr.Cells[id.at], fmt.Sprintf(id.text, fmtFigure(l), fmtFigure(r)))
	return numbers(f, id.at, expected, actual), true
}

// blankCells reports each table row of a summary that has blank cells.
func (c *checker) blankCells(o *OfficeInput) []domain.Finding {
	sr := o.Summary
	var out []domain.Finding
	for _, row := range summaryRows {
		var blank []domain.Pos
		first := ""
		for _, m := range row.metrics {
			if slices.Contains(sr.Missing, m) {
				blank = append(blank, sr.Cells[m])
				if first == "" {
					first = m
				}
			}
		}
		if len(blank) == 0 {
			continue
		}
		f := c.finding(row.rule, domain.SevWarning, o, blank[0], fmt.Sprintf(
			"%s有%d个单元格未填写（%s）。空白按缺失处理，不计为0，因此无法核对该行及所在列的合计。无数据请填“0”。",
			row.name, len(blank), cellNames(blank)))
		f.Metric = first
		out = append(out, f)
	}
	return out
}
