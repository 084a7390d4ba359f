package output

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed report_draft.tmpl
var defaultDraftTemplate []byte

// DefaultDraftTemplate returns the embedded report-draft template, for a
// county office to copy, edit and pass back in Report.DraftTemplate.
func DefaultDraftTemplate() []byte { return bytes.Clone(defaultDraftTemplate) }

// draftTemplate turns a unit's figures into the paragraphs of its draft.
type draftTemplate struct{ t *template.Template }

// parseDraftTemplate parses a template (nil: the embedded default) and
// runs it once on empty figures, so that a template naming a figure that
// does not exist fails before any file is written.
func parseDraftTemplate(text []byte) (*draftTemplate, error) {
	if text == nil {
		text = defaultDraftTemplate
	}
	t, err := template.New("report_draft").
		Funcs(template.FuncMap{"amount": func(v float64) string { return fmt.Sprintf("%.2f", v) }}).
		Option("missingkey=error").
		Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("report draft template: %w", err)
	}
	d := &draftTemplate{t}
	if _, err := d.paragraphs(draftData{}); err != nil {
		return nil, err
	}
	return d, nil
}

// paragraphs runs the template: every non-blank line of its output is a
// paragraph, the first one the title.
func (d *draftTemplate) paragraphs(data draftData) ([]string, error) {
	var b strings.Builder
	if err := d.t.Execute(&b, data); err != nil {
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
