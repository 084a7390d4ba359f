package output

import (
	"fmt"
	"math"

	"gongkai/domain"
)

// draftCounters are draft figures that count findings, not table figures:
// R12 leaves them alone (the findings of R12 itself change them).
var draftCounters = map[string]bool{FigureErrors: true, FigureWarnings: true}

// CheckDraft checks R12 on every unit's report draft as Write renders it
// (DraftFigures): each figure the text prints must equal the figure of the
// unit's tables it comes from (an error when not), and a number the
// template printed that comes from no table is listed for a person to look
// at (a warning). Numbers in the template's own prose (文号, dates) are not
// figures. A finding points at the paragraph in the unit workbook's draft
// sheet.
func CheckDraft(r *Report) ([]domain.Finding, error) {
	d, err := parseDraftTemplate(r.DraftTemplate, r.Config)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	names := make([]string, len(r.Units))
	for i, u := range r.Units {
		names[i] = u.Name
	}
	var out []domain.Finding
	for i, safe := range uniqueNames(names) {
		fs, err := unitDraftFindings(r, r.Units[i], d, unitWorkbookName(r.Config, safe, r.Year))
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}

// CheckDraft checks R12 on one unit's report draft (see the function
// CheckDraft), for a unit written on its own.
func (w *Writer) CheckDraft(u UnitReport) ([]domain.Finding, error) {
	r := &Report{Config: w.cfg, Year: w.year, Units: []UnitReport{u}}
	return unitDraftFindings(r, u, w.draft, w.files[u.Name])
}

// unitDraftFindings are the R12 findings of unit u of r, drafted with d,
// whose workbook is named workbook.
func unitDraftFindings(r *Report, u UnitReport, d *draftTemplate, workbook string) ([]domain.Finding, error) {
	figs, err := draftFigures(r, &u, d)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var out []domain.Finding
	for _, f := range figs {
		pos := domain.Pos{File: workbook, Sheet: draftSheet, Row: f.Paragraph + 1, Col: 1}
		if fd, ok := draftFinding(r, u, pos, f); ok {
			out = append(out, fd)
		}
	}
	return out, nil
}

// draftFinding is the R12 finding on one figure of a draft, if any.
func draftFinding(r *Report, u UnitReport, pos domain.Pos, f DraftFigure) (domain.Finding, bool) {
	fd := domain.Finding{Rule: domain.RuleReportText, Unit: u.Name, Pos: pos, Metric: f.Metric}
	switch {
	case draftCounters[f.Metric], f.Metric != "" && math.IsNaN(f.Table), f.Agrees():
		return fd, false
	case f.Metric == "":
		fd.Severity = domain.SevWarning
		fd.Message = fmt.Sprintf("年度报告草稿第%d段“%s%s”中的数字不取自统计表（报告模板直接写入或计算得出）。请核对，或改为引用统计指标。",
			pos.Row, f.Phrase, f.Text)
		return fd, true
	}
	fd.Severity = domain.SevError
	fd.Expected = domain.Num(f.Table)
	if !math.IsNaN(f.Value) {
		fd.Actual = domain.Num(f.Value)
	}
	fd.Message = fmt.Sprintf("年度报告草稿第%d段“%s%s”与统计表“%s”的%s不一致。请检查报告模板（县政务公开办可编辑）引用的指标。",
		pos.Row, f.Phrase, f.Text, domain.MetricLabel(f.Metric, r.Config.CategoryLabel), formatNumber(f.Table))
	return fd, true
}
