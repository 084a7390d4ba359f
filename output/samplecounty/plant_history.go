package samplecounty

import (
	"gongkai/domain"
	"gongkai/output"
)

// inForceJump is how many more documents in force an office reports than
// last year's count, its issued and its repealed allow (R11).
const inForceJump = 3

// plantLastYear makes up last year's figures of every office as the batch
// would have kept them: 结转下年度 equal to this year's 上年结转, and
// 现行有效件数 equal to this year's less the issued plus the repealed. One
// office carried one more application out than it now carries in (R10),
// another has inForceJump documents in force more than it can (R11).
func (p *planter) plantLastYear() error {
	ids := p.cfg.MetricIDs()
	for _, u := range p.c.units {
		for _, o := range u.offices {
			now := officeTally(o, p.c.year).metrics(ids)
			last := domain.Metrics{}
			for _, col := range domain.T3Columns {
				last[domain.T3Metric(domain.T3RowCarriedOut, col.ID)] = now[domain.T3Metric(domain.T3RowCarriedIn, col.ID)]
			}
			for _, r := range domain.T2Rows {
				if len(r.Metrics) == 3 {
					last[r.Metrics[2]] = now[r.Metrics[2]] - now[r.Metrics[0]] + now[r.Metrics[1]]
				}
			}
			p.lastYear[o] = last
		}
	}
	o, err := p.pick("R10", anyOffice)
	if err != nil {
		return err
	}
	for _, col := range []string{"natural", domain.ColumnTotal} {
		p.lastYear[o][domain.T3Metric(domain.T3RowCarriedOut, col)]++
		p.expect(domain.RuleCarryOver, o, SheetSummary, p.cells[domain.T3Metric(domain.T3RowCarriedIn, col)])
	}
	const inForce = "t2.normative_docs.in_force"
	o, err = p.pick("R11", func(o *office) bool { return p.lastYear[o][inForce] >= inForceJump })
	if err != nil {
		return err
	}
	p.lastYear[o][inForce] -= inForceJump
	p.expect(domain.RuleInForce, o, SheetSummary, p.cells[inForce])
	return nil
}

// writeLastYear keeps last year's figures where the batch looks for them
// when its output folder is dir.
func (p *planter) writeLastYear() error {
	y := &domain.YearFigures{Year: p.c.year - 1, County: p.c.name, Units: map[string]domain.UnitFigures{}}
	for _, u := range p.c.units {
		uf := domain.UnitFigures{Metrics: domain.Metrics{}, Offices: map[string]domain.Metrics{}}
		for _, o := range u.offices {
			uf.Offices[o.name] = p.lastYear[o]
			uf.Metrics.Add(p.lastYear[o])
		}
		y.Units[u.name] = uf
	}
	_, err := output.WriteHistory(p.dir, y)
	return err
}
