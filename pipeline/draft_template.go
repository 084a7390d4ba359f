package pipeline

import (
	"fmt"
	"os"

	"gongkai/domain"
	"gongkai/output"
)

// loadDraftTemplate reads the report-draft template that the configuration
// names (draft_template) and checks that it runs, so that a bad template
// stops the run before anything is read or written. nil means the
// embedded default.
func loadDraftTemplate(cfg *domain.Config) ([]byte, error) {
	if cfg.DraftTemplate == "" {
		return nil, nil
	}
	text, err := os.ReadFile(cfg.DraftTemplate)
	if err != nil {
		return nil, fmt.Errorf("draft_template: %w", err)
	}
	if err := output.CheckDraftTemplate(text, cfg); err != nil {
		return nil, fmt.Errorf("draft_template %s: %w", cfg.DraftTemplate, err)
	}
	return text, nil
}
