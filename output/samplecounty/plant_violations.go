package samplecounty

import (
	"fmt"
	"os"
	"path/filepath"

	"gongkai/domain"
)

// minPlantOffices is how many offices a county needs for Options.Violations:
// every violation goes into an office of its own, so that the findings of
// one never hide or add to those of another.
const minPlantOffices = 13

// planter plants the violations of Options.Violations into a county that
// has just been written, and notes the findings each must produce.
type planter struct {
	dir, inbox string
	c          *county
	cfg        *domain.Config
	offices    []*office // in roster order
	used       map[*office]bool
	summaries  map[*office]domain.Metrics // summaries that differ from the ledgers
	rewrite    []*office                  // offices whose workbook is written again
	subtotals  []subtotalPlant            // 合计 rows added after the rewrite
	lastYear   map[*office]domain.Metrics // last year's figures of every office
	cells      map[string]string          // metric id → its cell in the summary sheet
	expected   []ExpectedViolation
}

// plantViolations, when opt.Violations is set, plants one known violation
// of each rule R1–R11 and R13 into the county just written in dir: it
// changes the model and rewrites the workbooks concerned, adds 合计 rows,
// writes last year's figures (dir/history/<year-1>/metrics.json, read by
// a run whose output folder is dir), re-derives truth (ledger-derived
// numbers win, domain.md §5.5) and writes expected_violations.json.
func plantViolations(dir string, c *county, cfg *domain.Config, opt Options, truth *Truth) error {
	if !opt.Violations {
		return nil
	}
	p := &planter{
		dir: dir, inbox: filepath.Join(dir, InboxDir), c: c, cfg: cfg,
		used: map[*office]bool{}, summaries: map[*office]domain.Metrics{}, lastYear: map[*office]domain.Metrics{},
	}
	for _, u := range c.units {
		p.offices = append(p.offices, u.offices...)
	}
	if len(p.offices) < minPlantOffices {
		return fmt.Errorf("samplecounty: violations need at least %d offices; the county has %d (use more units)", minPlantOffices, len(p.offices))
	}
	cells, err := summaryCells()
	if err != nil {
		return err
	}
	p.cells = cells
	steps := []func() error{
		p.plantMissingOffice, // R13 first: the office leaves the model
		p.plantSummarySums,   // R1–R4
		p.plantSelfVsLedger,  // R6
		p.plantNegativeFee,   // R5
		p.plantSubtotal,      // R7
		p.plantWrongYear,     // R8
		p.plantLateReply,     // R9
		p.plantLastYear,      // R10, R11
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := p.writeFiles(); err != nil {
		return err
	}
	*truth = *deriveTruth(c, cfg)
	if err := p.writeLastYear(); err != nil {
		return err
	}
	return writeExpectedViolations(dir, p.expected)
}

// pick takes the first office not used yet that ok accepts.
func (p *planter) pick(what string, ok func(*office) bool) (*office, error) {
	for _, o := range p.offices {
		if !p.used[o] && ok(o) {
			p.used[o] = true
			return o, nil
		}
	}
	return nil, fmt.Errorf("samplecounty: no office left to plant %s in; use more units", what)
}

func anyOffice(*office) bool { return true }

// changed marks an office's workbook to be written again.
func (p *planter) changed(o *office) {
	for _, x := range p.rewrite {
		if x == o {
			return
		}
	}
	p.rewrite = append(p.rewrite, o)
}

// rel is the office's workbook path relative to the inbox.
func (p *planter) rel(o *office) string {
	r, _ := filepath.Rel(p.inbox, officePath(p.inbox, o, p.c.year))
	return filepath.ToSlash(r)
}

// expect notes a finding a violation must produce.
func (p *planter) expect(rule string, o *office, sheet, cell string) {
	p.expected = append(p.expected, ExpectedViolation{Rule: rule, Unit: o.unit.name, Office: o.name, File: p.rel(o), Sheet: sheet, Cell: cell})
}

// plantMissingOffice takes the last office of the last unit that has two
// or more out of the county: its file is not written (R13).
func (p *planter) plantMissingOffice() error {
	for i := len(p.c.units) - 1; i >= 0; i-- {
		u := p.c.units[i]
		if len(u.offices) < 2 {
			continue
		}
		o := u.offices[len(u.offices)-1]
		if err := os.RemoveAll(filepath.Dir(officePath(p.inbox, o, p.c.year))); err != nil {
			return err
		}
		u.offices = u.offices[:len(u.offices)-1]
		p.used[o] = true
		p.expected = append(p.expected, ExpectedViolation{Rule: domain.RuleSubmissions, Unit: u.name, Office: o.name})
		return nil
	}
	return fmt.Errorf("samplecounty: no unit with two offices to leave one out of")
}

// writeFiles writes the changed workbooks again, then adds the 合计 rows.
func (p *planter) writeFiles() error {
	ids := p.cfg.MetricIDs()
	for _, o := range p.rewrite {
		m, ok := p.summaries[o]
		if !ok {
			m = officeTally(o, p.c.year).metrics(ids)
		}
		path := officePath(p.inbox, o, p.c.year)
		if err := writeOffice(path, o, p.c.year, m); err != nil {
			return fmt.Errorf("samplecounty: %s: %w", path, err)
		}
	}
	for _, s := range p.subtotals {
		if err := s.write(officePath(p.inbox, s.o, p.c.year)); err != nil {
			return err
		}
	}
	return nil
}
