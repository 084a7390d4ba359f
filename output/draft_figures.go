package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"gongkai/domain"
)

// Ids of the draft's figures that are not metrics of domain.md §5.
const (
	FigureYear     = "report.year"      // the report year
	FigureErrors   = "findings.error"   // the unit's findings of severity error
	FigureWarnings = "findings.warning" // the unit's findings of severity warning
)

// phraseRunes is how much text before a figure DraftFigure.Phrase keeps.
const phraseRunes = 24

// DraftFigure is a number in a unit's report draft and the table it
// comes from (rule R12).
type DraftFigure struct {
	// Metric is the metric id (domain.md §5) or Figure* id of the value
	// the template printed; "" when the template printed a number that
	// comes from no table (a variable, a computation).
	Metric    string
	Text      string  // as printed: "258", "12.50", or ＿＿ for a figure the unit lacks
	Value     float64 // Text as a number; NaN when it is not one
	Table     float64 // the unit's value of Metric; NaN when it has none
	Phrase    string  // the words just before the figure in its paragraph
	Paragraph int     // the paragraph it is in, 0 being the title
}

// Agrees reports whether the draft prints the figure as its table has
// it, to the cent (amounts are printed with two decimals).
func (f DraftFigure) Agrees() bool {
	return !math.IsNaN(f.Value) && !math.IsNaN(f.Table) && math.Abs(f.Value-f.Table) < 0.005
}

// DraftFigures renders the report draft of the named unit of r (with
// r.DraftTemplate, or the default) and returns every figure in it, in
// reading order: each value the template printed that has a metric id or
// contains a digit. Numbers written in the template's own prose (文号,
// 1月1日) are not figures.
func DraftFigures(r *Report, unit string) ([]DraftFigure, error) {
	var u *UnitReport
	for i := range r.Units {
		if r.Units[i].Name == unit {
			u = &r.Units[i]
		}
	}
	if u == nil {
		return nil, fmt.Errorf("report draft: no unit %q", unit)
	}
	d, err := parseDraftTemplate(r.DraftTemplate, r.Config)
	if err != nil {
		return nil, err
	}
	return draftFigures(r, u, d)
}

// draftFigures is DraftFigures of unit u of r, with the template d.
func draftFigures(r *Report, u *UnitReport, d *draftTemplate) ([]DraftFigure, error) {
	paras, err := d.tracedParagraphs(newDraftData(r, *u))
	if err != nil {
		return nil, err
	}
	var out []DraftFigure
	for i, p := range paras {
		for _, f := range markedFigures(p) {
			if f.Metric == "" && !strings.ContainsFunc(f.Text, unicode.IsDigit) {
				continue // a label, a name
			}
			f.Paragraph = i
			f.Value = parseFigure(f.Text)
			f.Table = tableValue(r, u, f.Metric)
			out = append(out, f)
		}
	}
	return out, nil
}

// markedFigures splits a traced paragraph into its marked values, each
// with the plain text before it as its phrase.
func markedFigures(p string) []DraftFigure {
	var out []DraftFigure
	var plain strings.Builder
	for {
		before, rest, ok := strings.Cut(p, figOpen)
		plain.WriteString(before)
		if !ok {
			return out
		}
		mark, after, _ := strings.Cut(rest, figClose)
		id, text, _ := strings.Cut(mark, figSep)
		out = append(out, DraftFigure{Metric: id, Text: text, Phrase: lastRunes(plain.String(), phraseRunes)})
		plain.WriteString(text)
		p = after
	}
}

// plainDraft removes the markers of a traced paragraph.
func plainDraft(p string) string {
	var b strings.Builder
	for {
		before, rest, ok := strings.Cut(p, figOpen)
		b.WriteString(before)
		if !ok {
			return b.String()
		}
		mark, after, _ := strings.Cut(rest, figClose)
		_, text, _ := strings.Cut(mark, figSep)
		b.WriteString(text)
		p = after
	}
}

// tableValue is the value the figure id has in the unit's tables.
func tableValue(r *Report, u *UnitReport, id string) float64 {
	count := func(s domain.Severity) float64 {
		n := 0
		for _, f := range u.Findings {
			if f.Severity == s {
				n++
			}
		}
		return float64(n)
	}
	switch id {
	case FigureYear:
		return float64(r.Year)
	case FigureErrors:
		return count(domain.SevError)
	case FigureWarnings:
		return count(domain.SevWarning)
	}
	if v, ok := u.Metrics[id]; ok {
		return v
	}
	return math.NaN()
}

// parseFigure reads a printed figure, thousands separators allowed.
func parseFigure(s string) float64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}
