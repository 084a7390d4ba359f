package samplecounty

import (
	"fmt"
	"os"
	"path/filepath"

	"gongkai/domain"
)

// InboxDir is the folder under the output folder that holds the workbooks.
const InboxDir = "inbox"

// Generate writes dir/inbox/<unit>/<office>/<unit>-<office>-<year>年政府信息公开台账.xlsx
// for every office of the first opt.Units units of cfg's roster, and
// dir/truth.json, and returns the truth. cfg nil means the defaults. It
// refuses to write into a non-empty inbox. With opt.Messy the files vary
// (writeMessy) and dir/expected_findings.json lists the planted defects.
func Generate(dir string, cfg *domain.Config, opt Options) (*Truth, error) {
	if cfg == nil {
		cfg = domain.DefaultConfig()
	}
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	inbox := filepath.Join(dir, InboxDir)
	if entries, err := os.ReadDir(inbox); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("samplecounty: %s is not empty; remove it or choose another folder", inbox)
	}
	c := build(cfg, opt)
	truth := deriveTruth(c, cfg)
	if opt.Messy {
		if err := writeMessy(dir, c, cfg, opt.Seed); err != nil {
			return nil, err
		}
		return truth, truth.write(dir)
	}
	ids := cfg.MetricIDs()
	for _, u := range c.units {
		for _, o := range u.offices {
			path := officePath(inbox, o, c.year)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, err
			}
			if err := writeOffice(path, o, c.year, officeTally(o, c.year).metrics(ids)); err != nil {
				return nil, fmt.Errorf("samplecounty: %s: %w", path, err)
			}
		}
	}
	if err := plantViolations(dir, c, cfg, opt, truth); err != nil {
		return nil, err
	}
	if err := plantDuplicates(dir, c, cfg, opt, truth); err != nil {
		return nil, err
	}
	if err := truth.write(dir); err != nil {
		return nil, err
	}
	return truth, nil
}
