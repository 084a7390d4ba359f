package transform

import (
	"gongkai/domain"
)

// CheckInput is what the cross-checks of domain.md §6 look at besides the
// configuration and the report year.
type CheckInput struct {
	Offices []OfficeInput // the inputs Compute was given
	Stats   *Statistics   // what Compute derived from them
	// Subtotals are the 小计/合计 rows of the ledgers in Offices, by office.
	Subtotals map[OfficeKey][]domain.SubtotalRow
	// Columns gives, per ledger sheet, each field's 1-based column, so that
	// a finding on a record can name its cell.
	Columns map[SheetRef]map[string]int
	// LastYear is what the batch kept of the year before; nil when it is
	// not on hand (R10 and R11 then say so).
	LastYear *domain.YearFigures
}

// OfficeKey names an office of a unit.
type OfficeKey struct{ Unit, Office string }

// SheetRef names a sheet of an input file.
type SheetRef struct{ File, Sheet string }

// checks are the rule families, run in this order.
var checks = []func(*checker) []domain.Finding{
	(*checker).summarySums,  // R1–R4
	(*checker).values,       // R5
	(*checker).selfVsLedger, // R6
	(*checker).subtotals,    // R7
	(*checker).reportYear,   // R8
	(*checker).deadlines,    // R9
	(*checker).lastYear,     // R10, R11
}

// Check runs the cross-checks R1–R11 on one report year's inputs and
// figures. R12 (the report text) is checked where the draft is rendered,
// and R13 (who submitted) where the submissions are chosen.
func Check(cfg *domain.Config, year int, in CheckInput) []domain.Finding {
	c := &checker{cfg: cfg, y: newReportYear(year), in: in, figures: map[OfficeKey]*OfficeFigures{}}
	if in.Stats != nil {
		for i := range in.Stats.Offices {
			f := &in.Stats.Offices[i]
			c.figures[OfficeKey{f.Unit, f.Office}] = f
		}
	}
	var out []domain.Finding
	for _, run := range checks {
		out = append(out, run(c)...)
	}
	return out
}

// checker is the state the checks share.
type checker struct {
	cfg     *domain.Config
	y       reportYear
	in      CheckInput
	figures map[OfficeKey]*OfficeFigures
}

// finding starts a finding of an office at a position.
func (c *checker) finding(rule string, sev domain.Severity, o *OfficeInput, pos domain.Pos, msg string) domain.Finding {
	return domain.Finding{Rule: rule, Severity: sev, Unit: o.Unit, Office: o.Office, Pos: pos, Message: msg}
}

// numbers sets a finding's metric, expected and actual values.
func numbers(f domain.Finding, metric string, expected, actual float64) domain.Finding {
	f.Metric, f.Expected, f.Actual = metric, domain.Num(expected), domain.Num(actual)
	return f
}

// cell is the position of a field of record row i of rec: its lineage
// file, sheet and row, and the field's column when the header named it.
func (c *checker) cell(pos domain.Pos, field string) domain.Pos {
	pos.Col = c.in.Columns[SheetRef{pos.File, pos.Sheet}][field]
	return pos
}

// metricName is a metric in Chinese, e.g. 表三·（一）予以公开·自然人.
func (c *checker) metricName(id string) string {
	return domain.MetricLabel(id, c.cfg.CategoryLabel)
}
