package samplecounty

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"

	"gongkai/domain"
)

// dupStream is the second word of the PCG state of the duplicates stream:
// the cases are drawn from it, so the clean model stays that of the seed.
const dupStream = 0xbb67ae8584caa73b

// dupPlanter plants the cases of Options.Duplicates into a county that has
// just been written: first it changes the model (items), then it writes
// the workbooks concerned, then the files that are not in the model
// (older versions, repeated rows, copies).
type dupPlanter struct {
	r        *rand.Rand
	g        *generator // spells the channels and categories of new items
	inbox    string
	c        *county
	cfg      *domain.Config
	offices  []*office // in roster order
	used     map[*office]bool
	moved    map[*office]bool // offices whose usual workbook does not count
	pairs    []recordPair     // item cases, resolved to rows once the model is final
	expected []ExpectedDuplicate
}

// plantDuplicates, when opt.Duplicates is set, plants every case of
// domain.md §4 into the county just written in dir (see dup_*.go),
// re-derives truth from the changed model and writes
// expected_duplicates.json.
func plantDuplicates(dir string, c *county, cfg *domain.Config, opt Options, truth *Truth) error {
	if !opt.Duplicates {
		return nil
	}
	p := &dupPlanter{
		r:     rand.New(rand.NewPCG(opt.Seed, dupStream)),
		inbox: filepath.Join(dir, InboxDir), c: c, cfg: cfg,
		used: map[*office]bool{}, moved: map[*office]bool{},
	}
	p.g = &generator{r: p.r, cfg: cfg, year: c.year, spell: newSpellings(cfg), titles: map[string]bool{}}
	for _, u := range c.units {
		p.offices = append(p.offices, u.offices...)
	}
	items, err := p.plantItems()
	if err != nil {
		return err
	}
	versions, err := p.planVersions()
	if err != nil {
		return err
	}
	rows, err := p.planRepeatedRows()
	if err != nil {
		return err
	}
	copied, err := p.pick("identical files", func(*office) bool { return true })
	if err != nil {
		return err
	}
	p.moved[copied] = true
	p.expectMultiChannel()
	p.resolvePairs()
	*truth = *deriveTruth(c, cfg)

	for _, o := range items {
		if err := p.write(officePath(p.inbox, o, c.year), o); err != nil {
			return err
		}
	}
	for _, v := range versions {
		if err := p.writeVersions(v); err != nil {
			return err
		}
	}
	if err := rows.write(p); err != nil {
		return err
	}
	if err := p.copyFile(copied); err != nil {
		return err
	}
	return writeExpectedDuplicates(dir, p.expected)
}

// pick takes a random office not used yet that ok accepts.
func (p *dupPlanter) pick(what string, ok func(*office) bool) (*office, error) {
	var cands []*office
	for _, o := range p.offices {
		if !p.used[o] && ok(o) {
			cands = append(cands, o)
		}
	}
	if len(cands) == 0 {
		return nil, fmt.Errorf("samplecounty: no office left to plant %s in; use more units", what)
	}
	o := cands[p.r.IntN(len(cands))]
	p.used[o] = true
	return o, nil
}

// write writes an office's workbook at path, its summary derived from it.
func (p *dupPlanter) write(path string, o *office) error {
	m := officeTally(o, p.c.year).metrics(p.cfg.MetricIDs())
	if err := writeOffice(path, o, p.c.year, m); err != nil {
		return fmt.Errorf("samplecounty: %s: %w", path, err)
	}
	return nil
}

// rel is a path under the inbox, relative and slash-separated.
func (p *dupPlanter) rel(path string) string {
	r, _ := filepath.Rel(p.inbox, path)
	return filepath.ToSlash(r)
}

// relOffice is the office's usual workbook, relative to the inbox.
func (p *dupPlanter) relOffice(o *office) string {
	return p.rel(officePath(p.inbox, o, p.c.year))
}
