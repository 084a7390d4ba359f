package samplecounty

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"gongkai/domain"
)

// What decides between two versions of an office's workbook (domain.md §4).
const (
	byFillDate    = "fill_date"
	byVersionMark = "version_mark"
	byModTime     = "mod_time"
)

// versionCase is one re-submission: the mark of the newer file's name and
// what must decide.
type versionCase struct {
	mark, decidedBy string
}

var versionCases = []versionCase{
	{"（修订）", byFillDate},
	{"_v2", byFillDate},
	{"第二版", byFillDate},
	{"（更正）", byVersionMark}, // neither cover has a 填报日期
	{"(1)", byModTime},      // the same 填报日期, no mark: only the file times differ
}

// versionPlant is an office that sent an older and a newer workbook; the
// model is the newer one.
type versionPlant struct {
	o, old           *office
	oldPath, newPath string
	oldTime, newTime time.Time
}

// planVersions picks an office for each of versionCases and makes its
// older version: an earlier 填报日期 (or none, or the same), rows missing
// or different, other 表二 figures. The older file keeps the usual name
// and, except where the file time must decide, the later file time, so
// that a wrong order shows.
func (p *dupPlanter) planVersions() ([]versionPlant, error) {
	base := time.Date(p.c.year+1, time.February, 2, 9, 0, 0, 0, time.UTC)
	var out []versionPlant
	for _, vc := range versionCases {
		o, err := p.pick("a re-submission", func(o *office) bool { return len(o.items) > 3 })
		if err != nil {
			return nil, err
		}
		p.moved[o] = true
		v := versionPlant{o: o, oldPath: officePath(p.inbox, o, p.c.year)}
		v.newPath = strings.TrimSuffix(v.oldPath, ".xlsx") + vc.mark + ".xlsx"
		filed := o.filed.AddDate(0, 0, -7)
		v.newTime, v.oldTime = base, base.Add(3*time.Hour)
		switch vc.decidedBy {
		case byVersionMark:
			o.filed, filed = time.Time{}, time.Time{}
		case byModTime:
			filed = o.filed
			v.newTime, v.oldTime = v.oldTime, v.newTime
		}
		v.old = p.olderVersion(o, filed)
		out = append(out, v)
		p.expected = append(p.expected, ExpectedDuplicate{Kind: DupSuperseded, Rule: domain.RuleSuperseded,
			File: p.rel(v.oldPath), ReplacedBy: p.rel(v.newPath), DecidedBy: vc.decidedBy})
	}
	return out, nil
}

// olderVersion is o as first sent: two items fewer and one titled
// differently, an application and a service item fewer when it has them,
// and 表二 licensing decisions two more.
func (p *dupPlanter) olderVersion(o *office, filed time.Time) *office {
	old := *o
	old.filed = filed
	old.items = slices.Clone(o.items)
	for range 2 {
		k := p.r.IntN(len(old.items))
		old.items = slices.Delete(old.items, k, k+1)
	}
	k := p.r.IntN(len(old.items))
	draft := *old.items[k]
	draft.title += "（初稿）"
	old.items[k] = &draft
	sortItems(&old)
	var free []int // applications no appeal refers to
	for i, a := range o.apps {
		if !slices.ContainsFunc(o.appeals, func(c *appeal) bool { return c.app == a }) {
			free = append(free, i)
		}
	}
	old.apps = slices.Clone(o.apps)
	if len(free) > 0 {
		k := free[p.r.IntN(len(free))]
		old.apps = slices.Delete(old.apps, k, k+1)
	}
	old.services = slices.Clone(o.services)
	if len(old.services) > 0 {
		old.services = old.services[:len(old.services)-1]
	}
	old.t2 = maps.Clone(o.t2)
	old.t2["t2.licensing.decisions"] += 2 * one
	return &old
}

// writeVersions writes the older workbook under the usual name, the newer
// one under the marked name, and sets both file times.
func (p *dupPlanter) writeVersions(v versionPlant) error {
	if err := p.write(v.oldPath, v.old); err != nil {
		return err
	}
	if err := p.write(v.newPath, v.o); err != nil {
		return err
	}
	for _, f := range []struct {
		path string
		t    time.Time
	}{{v.oldPath, v.oldTime}, {v.newPath, v.newTime}} {
		if err := os.Chtimes(f.path, f.t, f.t); err != nil {
			return fmt.Errorf("samplecounty: %w", err)
		}
	}
	return nil
}
