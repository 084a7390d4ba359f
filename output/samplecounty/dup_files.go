package samplecounty

import (
	"os"
	"path/filepath"
	"strings"

	"gongkai/domain"
)

// copyFile puts byte-identical copies of o's workbook in a 副本 folder
// below the office, in the unit's folder, and beside it under the name a
// file manager gives a copy. Of identical files the one whose name does
// not look like a copy counts, then the first in path order; here that is
// the original, and the copies are its duplicates wherever they sit.
func (p *dupPlanter) copyFile(o *office) error {
	src := officePath(p.inbox, o, p.c.year)
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	dir, name := filepath.Split(src)
	copies := []string{
		filepath.Join(dir, "副本", name),
		filepath.Join(p.inbox, o.unit.name, name),
		filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")+" - 副本.xlsx"),
	}
	for _, c := range copies {
		if err := os.MkdirAll(filepath.Dir(c), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(c, data, 0o644); err != nil {
			return err
		}
		p.expected = append(p.expected, ExpectedDuplicate{Kind: DupIdenticalFile, Rule: domain.RuleSuperseded, File: p.rel(c), ReplacedBy: p.rel(src)})
	}
	return nil
}
