package transform

import (
	"fmt"
	"slices"
	"strings"

	"gongkai/domain"
)

// ledgerTables are the self-reported figures that a ledger also gives: a
// figure is compared when the office sent that ledger and its summary has a
// cell for it. The official summary layout has no per-channel counts, so
// today only 表三 and 表四 are compared; active.* would be compared the day
// a summary reader fills them in (office-level counts, before the unit's
// de-duplication across offices).
var ledgerTables = []struct {
	prefix string
	kind   domain.Kind
}{
	{"t3.", domain.KindApplication},
	{"t4.", domain.KindAppeal},
	{"active.", domain.KindDisclosure},
}

// selfVsLedger checks R6: each self-reported figure equals the figure the
// office's own ledgers give. The finding names the summary cell and the
// ledger rows behind the derived figure, and says which one the reports
// carry (Config.Rules.ReportSource).
func (c *checker) selfVsLedger() []domain.Finding {
	var out []domain.Finding
	ids := c.cfg.MetricIDs()
	for i := range c.in.Offices {
		o := &c.in.Offices[i]
		fig := c.figures[OfficeKey{o.Unit, o.Office}]
		if o.Summary == nil || fig == nil {
			continue
		}
		for _, t := range ledgerTables {
			if !o.Sent(t.kind) {
				continue
			}
			for _, id := range ids {
				if !strings.HasPrefix(id, t.prefix) {
					continue
				}
				if f, ok := c.compareFigure(o, fig, t.kind, id); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// compareFigure compares one self-reported figure with the ledger's.
func (c *checker) compareFigure(o *OfficeInput, fig *OfficeFigures, kind domain.Kind, id string) (domain.Finding, bool) {
	sr := o.Summary
	pos, inTable := sr.Cells[id]
	if !inTable {
		return domain.Finding{}, false
	}
	derived := fig.Derived[id]
	rows := "台账中没有计入该项的记录"
	if src := fig.Sources[id]; len(src) > 0 {
		rows = "计入该项的是台账" + rowsText(src)
	}
	if slices.Contains(sr.Missing, id) {
		if derived == 0 {
			return domain.Finding{}, false
		}
		f := c.finding(domain.RuleSelfVsLedger, domain.SevWarning, o, pos, fmt.Sprintf(
			"统计表“%s”未填写，%s统计为%s（%s）。%s请补填。",
			c.metricName(id), kind.Label(), fmtFigure(derived), rows, c.carried(derived, derived)))
		f.Metric, f.Expected = id, domain.Num(derived)
		return f, true
	}
	reported := sr.Values[id]
	if sameNumber(reported, derived) {
		return domain.Finding{}, false
	}
	f := c.finding(domain.RuleSelfVsLedger, domain.SevError, o, pos, fmt.Sprintf(
		"统计表“%s”自报为%s，%s统计为%s（%s），两者不一致。%s请核对统计表与台账，更正有误的一方。",
		c.metricName(id), fmtFigure(reported), kind.Label(), fmtFigure(derived), rows, c.carried(reported, derived)))
	return numbers(f, id, derived, reported), true
}

// carried says which of the two figures the reports carry.
func (c *checker) carried(reported, derived float64) string {
	if c.cfg.Rules.ReportSource == domain.SourceSummary {
		return fmt.Sprintf("按设置，年报采用统计表自报数%s。", fmtFigure(reported))
	}
	return fmt.Sprintf("按设置，年报采用台账统计数%s。", fmtFigure(derived))
}
