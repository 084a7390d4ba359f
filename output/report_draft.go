package output

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"text/template"

	"gongkai/domain"
)

//go:embed report_draft.tmpl
var defaultDraftTemplate []byte

// DefaultDraftTemplate returns the embedded report-draft template, for a
// county office to copy, edit and pass back in Report.DraftTemplate.
func DefaultDraftTemplate() []byte { return bytes.Clone(defaultDraftTemplate) }

// draftFuncs are the functions a draft template may call.
var draftFuncs = template.FuncMap{"amount": func(v float64) string { return fmt.Sprintf("%.2f", v) }}

// draftTemplate turns a unit's figures into the paragraphs of its draft;
// traced is the same template with its figures marked (draft_trace.go).
type draftTemplate struct{ t, traced *template.Template }

// CheckDraftTemplate reports whether text (nil: the embedded default) is a
// draft template that runs: it parses, and it runs on a unit with no
// figures and on one with every figure, naming only fields and metric ids
// that cfg has. The error says what is wrong and where.
func CheckDraftTemplate(text []byte, cfg *domain.Config) error {
	_, err := parseDraftTemplate(text, cfg)
	return err
}

// parseDraftTemplate parses a template (nil: the embedded default) and
// tries it on sample units (CheckDraftTemplate), so that a bad template
// fails before any file is written.
func parseDraftTemplate(text []byte, cfg *domain.Config) (*draftTemplate, error) {
	if text == nil {
		text = defaultDraftTemplate
	}
	t, err := template.New("report_draft").Funcs(draftFuncs).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("report draft template: %w", err)
	}
	traced, err := traceTemplate(t, draftFuncs)
	if err != nil {
		return nil, fmt.Errorf("report draft template: %w", err)
	}
	d := &draftTemplate{t: t, traced: traced}
	for _, sample := range sampleDraftData(cfg) {
		if _, err := d.paragraphs(sample); err != nil {
			return nil, err
		}
		if _, err := d.tracedParagraphs(sample); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// sampleDraftData are the units a template is tried on: one with no
// figures, one with every metric and a finding of each severity.
func sampleDraftData(cfg *domain.Config) []draftData {
	r := &Report{Config: cfg, Year: 2000}
	full := UnitReport{Name: "某镇", Metrics: domain.Metrics{}, Findings: []domain.Finding{
		{Severity: domain.SevError}, {Severity: domain.SevWarning}}}
	for _, id := range cfg.MetricIDs() {
		full.Metrics[id] = 1
	}
	return []draftData{newDraftData(r, UnitReport{Name: "某镇"}), newDraftData(r, full)}
}

// paragraphs runs the template: every non-blank line of its output is a
// paragraph, the first one the title.
func (d *draftTemplate) paragraphs(data draftData) ([]string, error) {
	return runDraft(d.t, data)
}

// tracedParagraphs are the paragraphs with every printed value marked,
// paragraph for paragraph as paragraphs gives them.
func (d *draftTemplate) tracedParagraphs(data draftData) ([]string, error) {
	lines, err := runDraft(d.traced, data)
	if err != nil {
		return nil, err
	}
	out := lines[:0]
	for _, p := range lines {
		if strings.TrimSpace(plainDraft(p)) != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

func runDraft(t *template.Template, data draftData) ([]string, error) {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("report draft template: %w", err)
	}
	var out []string
	for line := range strings.Lines(b.String()) {
		if p := strings.TrimSpace(line); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}
