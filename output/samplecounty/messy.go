package samplecounty

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"gongkai/domain"
)

// The messy mode writes the model of build the way offices really fill
// their files: title rows, header synonyms, two-row merged headers, dates
// and numbers as text, blank and 合计 rows, notes, merged categories, CSV in
// GBK, odd file names, and noise files that must not change the truth. It
// draws from its own random stream, so the model and the truth are those of
// the clean county of the same seed.

// messyStream is the second word of the PCG state of the messy stream.
const messyStream = 0x6a09e667f3bcc909

// messy writes one messy county.
type messy struct {
	r     *rand.Rand
	cfg   *domain.Config
	c     *county
	inbox string
	ids   []string // metric ids of cfg
	spell *messySpellings
	found []ExpectedFinding
}

// writeMessy writes dir/inbox and dir/expected_findings.json for the model c.
func writeMessy(dir string, c *county, cfg *domain.Config, seed uint64) error {
	m := &messy{
		r:     rand.New(rand.NewPCG(seed, messyStream)),
		cfg:   cfg,
		c:     c,
		inbox: filepath.Join(dir, InboxDir),
		ids:   cfg.MetricIDs(),
		spell: newMessySpellings(cfg),
	}
	plans := m.planCounty()
	for _, p := range plans {
		if err := m.writeOfficeFiles(p); err != nil {
			return fmt.Errorf("samplecounty: %s%s: %w", p.o.unit.name, p.o.name, err)
		}
	}
	if err := m.writeNoise(plans); err != nil {
		return fmt.Errorf("samplecounty: noise files: %w", err)
	}
	return writeExpectedFindings(dir, m.found)
}

// writeOfficeFiles writes an office's workbook and, when planned, its
// disclosure CSV.
func (m *messy) writeOfficeFiles(p *officePlan) error {
	full := m.abs(p.workbook)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	if p.csv != "" {
		if err := m.writeCSV(p); err != nil {
			return err
		}
	}
	return m.writeWorkbook(p)
}

// abs is the file path of rel, a slash-separated path under the inbox.
func (m *messy) abs(rel string) string {
	return filepath.Join(m.inbox, filepath.FromSlash(rel))
}

// plant records a finding the batch must report.
func (m *messy) plant(rule, file, sheet, cell string) {
	m.found = append(m.found, ExpectedFinding{Rule: rule, File: file, Sheet: sheet, Cell: cell})
}
