package samplecounty

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// summaryCells maps every metric id of the official tables to its cell in
// a 年报统计表 sheet, by drawing the tables once with a distinct value in
// every cell and reading the values back.
func summaryCells() (map[string]string, error) {
	f := excelize.NewFile()
	defer f.Close()
	ids := domain.MetricIDs(nil)
	m := domain.Metrics{}
	byValue := map[string]string{}
	for i, id := range ids {
		m[id] = float64(1000 + i)
		byValue[strconv.Itoa(1000+i)] = id
	}
	sheet := f.GetSheetName(0)
	if _, err := output.DrawOfficialTables(f, sheet, 1, m); err != nil {
		return nil, err
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for r, cells := range rows {
		for c, v := range cells {
			if id, ok := byValue[v]; ok {
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return nil, err
				}
				out[id] = ref
			}
		}
	}
	return out, nil
}

// summaryPlant is a change to an office's self-reported figures and the
// findings it must produce, at the cell of each metric named.
type summaryPlant struct {
	what   string
	ok     func(domain.Metrics) bool // whether an office's figures can take it
	change map[string]float64        // metric id → amount added
	finds  []ruleAt
}

// ruleAt is a finding of a rule at the summary cell of a metric.
type ruleAt struct{ rule, metric string }

// summarySumPlants break one sum of R1–R4 each, and no other sum: every
// changed figure also differs from the ledgers (R6).
var summarySumPlants = []summaryPlant{
	{
		what: "R1", ok: func(domain.Metrics) bool { return true },
		change: map[string]float64{"t3.carried_out.natural": 1, "t3.carried_out.total": 1},
		finds: []ruleAt{
			{domain.RuleSumT3Balance, "t3.carried_out.natural"}, {domain.RuleSumT3Balance, "t3.carried_out.total"},
			{domain.RuleSelfVsLedger, "t3.carried_out.natural"}, {domain.RuleSelfVsLedger, "t3.carried_out.total"},
		},
	},
	{
		what: "R2", ok: func(domain.Metrics) bool { return true },
		change: map[string]float64{"t3.granted.natural": 1, "t3.granted.total": 1},
		finds: []ruleAt{
			{domain.RuleSumT3Results, "t3.total.natural"}, {domain.RuleSumT3Results, "t3.total.total"},
			{domain.RuleSelfVsLedger, "t3.granted.natural"}, {domain.RuleSelfVsLedger, "t3.granted.total"},
		},
	},
	{
		what: "R3", ok: func(m domain.Metrics) bool { return m["t3.new.total"] >= 1 },
		change: map[string]float64{"t3.new.total": -1, "t3.carried_in.total": 1},
		finds: []ruleAt{
			{domain.RuleSumT3Columns, "t3.new.total"}, {domain.RuleSumT3Columns, "t3.carried_in.total"},
			{domain.RuleSelfVsLedger, "t3.new.total"}, {domain.RuleSelfVsLedger, "t3.carried_in.total"},
		},
	},
	{
		what: "R4", ok: func(domain.Metrics) bool { return true },
		change: map[string]float64{"t4.review.total": 1},
		finds:  []ruleAt{{domain.RuleSumT4, "t4.review.total"}, {domain.RuleSelfVsLedger, "t4.review.total"}},
	},
}

// selfVsLedgerPlant reports one more case in 表四 than the ledger has, with
// its total, so that every sum still holds (R6 only).
var selfVsLedgerPlant = summaryPlant{
	what: "R6", ok: func(domain.Metrics) bool { return true },
	change: map[string]float64{"t4.suit_direct.upheld": 1, "t4.suit_direct.total": 1},
	finds:  []ruleAt{{domain.RuleSelfVsLedger, "t4.suit_direct.upheld"}, {domain.RuleSelfVsLedger, "t4.suit_direct.total"}},
}

func (p *planter) plantSummarySums() error {
	for _, sp := range summarySumPlants {
		if err := p.plantSummary(sp); err != nil {
			return err
		}
	}
	return nil
}

func (p *planter) plantSelfVsLedger() error { return p.plantSummary(selfVsLedgerPlant) }

// plantSummary applies a summary plant to the first office that can take it.
func (p *planter) plantSummary(sp summaryPlant) error {
	ids := p.cfg.MetricIDs()
	o, err := p.pick(sp.what, func(o *office) bool { return sp.ok(officeTally(o, p.c.year).metrics(ids)) })
	if err != nil {
		return err
	}
	m := officeTally(o, p.c.year).metrics(ids)
	for id, d := range sp.change {
		m[id] += d
	}
	p.summaries[o] = m
	p.changed(o)
	for _, f := range sp.finds {
		cell, ok := p.cells[f.metric]
		if !ok {
			return fmt.Errorf("samplecounty: no summary cell for %s", f.metric)
		}
		p.expect(f.rule, o, SheetSummary, cell)
	}
	return nil
}
