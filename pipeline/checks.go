package pipeline

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output"
	"gongkai/transform"
)

// runChecks runs the cross-checks R1–R11 (transform.Check) on the chosen
// inputs and the figures computed from them, with last year's figures when
// the output folder keeps them.
func runChecks(opt Options, year int, subs []*ingest.Submission, sel *selection, st *transform.Statistics) []domain.Finding {
	var out []domain.Finding
	last, err := output.ReadHistory(opt.Out, year-1)
	if err != nil {
		out = append(out, domain.Finding{Rule: domain.RuleCarryOver, Severity: domain.SevWarning,
			Message: fmt.Sprintf("%d年的汇总数据无法读取，本次未与上年核对：%v", year-1, err)})
		last = nil
	}
	in := transform.CheckInput{
		Offices:   sel.offices,
		Stats:     st,
		Subtotals: map[transform.OfficeKey][]domain.SubtotalRow{},
		Columns:   map[transform.SheetRef]map[string]int{},
		LastYear:  last,
	}
	kept := map[arrow.RecordBatch]bool{} // the ledgers that won their version
	for _, o := range sel.offices {
		for _, recs := range o.Ledgers {
			for _, rec := range recs {
				kept[rec] = true
			}
		}
	}
	for _, s := range subs {
		if s == nil || s.Rejected != "" {
			continue
		}
		for _, sh := range s.Sheets {
			if sh.Cols != nil {
				in.Columns[transform.SheetRef{File: s.Path, Sheet: sh.Name}] = sh.Cols
			}
		}
		for _, t := range s.Subtotals {
			if rec, ok := s.Records[t.Kind]; ok && kept[rec] {
				k := transform.OfficeKey{Unit: s.Unit, Office: s.Office}
				in.Subtotals[k] = append(in.Subtotals[k], t)
			}
		}
	}
	return append(out, transform.Check(opt.Config, year, in)...)
}

// checkDraft adds the findings of R12 (the report draft against the
// tables) to the report and to the units they concern.
func checkDraft(r *output.Report) error {
	fs, err := output.CheckDraft(r)
	if err != nil {
		return err
	}
	for _, f := range fs {
		for i := range r.Units {
			if r.Units[i].Name == f.Unit {
				r.Units[i].Findings = append(r.Units[i].Findings, f)
			}
		}
	}
	r.Findings = sortFindings(append(r.Findings, fs...))
	return nil
}

// keepHistory stores the year's figures, per unit and office as the
// reports carry them, for next year's checks (R10, R11).
func keepHistory(out string, cfg *domain.Config, year int, st *transform.Statistics) error {
	y := &domain.YearFigures{Year: year, County: cfg.County, Units: map[string]domain.UnitFigures{}}
	for name, m := range st.Units {
		y.Units[name] = domain.UnitFigures{Metrics: m, Offices: map[string]domain.Metrics{}}
	}
	for _, o := range st.Offices {
		u, ok := y.Units[o.Unit]
		if !ok {
			u = domain.UnitFigures{Offices: map[string]domain.Metrics{}}
			y.Units[o.Unit] = u
		}
		m := domain.Metrics{}
		for _, id := range cfg.MetricIDs() {
			if v, ok := o.Used[id]; ok {
				m[id] = v
			} else if !strings.HasPrefix(id, "t2.") {
				m[id] = 0 // counted from the ledgers: none is 0; 表二 only as reported
			}
		}
		u.Offices[o.Office] = m
	}
	_, err := output.WriteHistory(out, y)
	return err
}
