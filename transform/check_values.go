package transform

import (
	"fmt"
	"math"

	"gongkai/domain"
)

// amountMetrics are the self-reported figures that are amounts (non-negative,
// not necessarily whole); every other figure is a count.
var amountMetrics = map[string]bool{"t2.fees.amount_wan": true}

// values checks R5 on the self-reported tables: counts are non-negative
// whole numbers, amounts non-negative. The ledgers' amounts are checked as
// they are read (ingest reports a negative 收费金额 under R5 at its cell).
func (c *checker) values() []domain.Finding {
	var out []domain.Finding
	ids := c.cfg.MetricIDs()
	for i := range c.in.Offices {
		o := &c.in.Offices[i]
		if o.Summary == nil {
			continue
		}
		for _, id := range ids {
			v, ok := o.Summary.Values[id]
			if !ok {
				continue
			}
			var msg string
			switch {
			case v < 0:
				msg = fmt.Sprintf("“%s”填为%s，不能为负数。请更正。", c.metricName(id), fmtFigure(v))
			case !amountMetrics[id] && v != math.Trunc(v):
				msg = fmt.Sprintf("“%s”填为%s，件数应为整数。请更正。", c.metricName(id), fmtFigure(v))
			default:
				continue
			}
			f := c.finding(domain.RuleNonNegative, domain.SevError, o, o.Summary.Cells[id], msg)
			out = append(out, numbers(f, id, math.Max(0, math.Round(v)), v))
		}
	}
	return out
}
