package samplecounty

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/domain"
)

// itemRef is one ledger row of an item: its office, the item and the index
// of the channel (items have one row per channel).
type itemRef struct {
	o       *office
	it      *item
	channel int
}

// recordPair is an item case: two rows the batch compares.
type recordPair struct {
	kind, rule, differs string
	a, b                itemRef
}

// itemText is a planted title pair: near duplicates, or look-alikes that
// differ in a number or a place ({y} is the report year).
type itemText struct {
	a, b, cat string
	kind      string // DupNearDuplicate or DupLookAlike
	differs   string
	across    bool // the second title comes from the unit's other office
}

var itemTexts = []itemText{
	{"关于做好{y}年春耕生产工作的通知", "关于做好{y}年春耕生产工作通知", "policy", DupNearDuplicate, "", false},
	{"关于开展森林防火宣传的通知", "关于开展森林防火宣传活动的通知", "news", DupNearDuplicate, "", true},
	{"{y}年第一季度财政预算执行情况", "{y}年第二季度财政预算执行情况", "finance", DupLookAlike, "number", false},
	{"{y}年3月农村低保资金发放情况公示", "{y}年4月农村低保资金发放情况公示", "livelihood", DupLookAlike, "number", true},
	{"石头埠村{y}年低保对象公示", "高沙村{y}年低保对象公示", "livelihood", DupLookAlike, "place", false},
}

// plantItems takes two offices of one unit and plants there: an item of
// the first reported again by the second, on another channel (D2; one item
// of the unit, once in each channel), and the pairs of itemTexts, each on a
// day of its own. It returns the two offices, whose workbooks change.
func (p *dupPlanter) plantItems() ([]*office, error) {
	var units []*unit
	for _, u := range p.c.units {
		if len(u.offices) >= 2 {
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		return nil, fmt.Errorf("samplecounty: duplicates need a unit with two offices; use more units")
	}
	u := units[p.r.IntN(len(units))]
	i := p.r.IntN(len(u.offices))
	j := (i + 1 + p.r.IntN(len(u.offices)-1)) % len(u.offices)
	a, b := u.offices[i], u.offices[j]
	if p.relOffice(b) < p.relOffice(a) {
		a, b = b, a
	}
	p.used[a], p.used[b] = true, true
	if err := p.plantSameItem(a, b); err != nil {
		return nil, err
	}
	free := p.freeDays(u)
	for _, t := range itemTexts {
		if len(free) == 0 {
			return nil, fmt.Errorf("samplecounty: %s has no free day left", u.name)
		}
		k := p.r.IntN(len(free))
		day := free[k]
		free = slices.Delete(free, k, k+1)
		second := a
		if t.across {
			second = b
		}
		first, err := p.addItem(a, p.fill(t.a), day, t.cat)
		if err != nil {
			return nil, err
		}
		next, err := p.addItem(second, p.fill(t.b), day, t.cat)
		if err != nil {
			return nil, err
		}
		rule := ""
		if t.kind == DupNearDuplicate {
			rule = domain.RuleNearDuplicate
		}
		p.pairs = append(p.pairs, recordPair{kind: t.kind, rule: rule, differs: t.differs, a: first, b: next})
	}
	return []*office{a, b}, nil
}

// plantSameItem copies a single-channel item of a into b with another
// channel: the same title, date, category and 文号.
func (p *dupPlanter) plantSameItem(a, b *office) error {
	var cands []*item
	for _, it := range a.items {
		if it.date.Year() == p.c.year && len(it.channels) == 1 && it.channels[0].id != domain.ChannelUnspecified {
			cands = append(cands, it)
		}
	}
	if len(cands) == 0 {
		return fmt.Errorf("samplecounty: %s%s has no item to report twice", a.unit.name, a.name)
	}
	orig := cands[p.r.IntN(len(cands))]
	ch := "website"
	if orig.channels[0].id == ch {
		ch = "board"
	}
	cp := &item{title: orig.title, date: orig.date, category: orig.category, catText: orig.catText, docNo: orig.docNo}
	cp.channels = []channelUse{p.g.channelUse(b, cp, ch)}
	b.items = append(b.items, cp)
	sortItems(b)
	p.pairs = append(p.pairs, recordPair{kind: DupSameItem, rule: domain.RuleSameItem, a: itemRef{a, orig, 0}, b: itemRef{b, cp, 0}})
	return nil
}

// addItem adds an item on one channel to o.
func (p *dupPlanter) addItem(o *office, title string, day time.Time, cat string) (itemRef, error) {
	for _, x := range o.unit.offices {
		if slices.ContainsFunc(x.items, func(it *item) bool { return it.title == title }) {
			return itemRef{}, fmt.Errorf("samplecounty: %s already has an item %q", o.unit.name, title)
		}
	}
	it := p.g.newItem(o, title, day, topic{cat: cat})
	it.channels = []channelUse{p.g.channelUse(o, it, p.g.randomChannel())}
	sortItems(o)
	return itemRef{o, it, 0}, nil
}

// fill puts the report year into a title.
func (p *dupPlanter) fill(text string) string {
	return strings.ReplaceAll(text, "{y}", strconv.Itoa(p.c.year))
}

// freeDays are the weekdays of the year on which no office of u published
// anything.
func (p *dupPlanter) freeDays(u *unit) []time.Time {
	taken := map[time.Time]bool{}
	for _, o := range u.offices {
		for _, it := range o.items {
			taken[it.date] = true
		}
	}
	var out []time.Time
	for d := date(p.c.year, time.January, 1); d.Year() == p.c.year; d = d.AddDate(0, 0, 1) {
		if weekday(d) && !taken[d] {
			out = append(out, d)
		}
	}
	return out
}

// row is the Excel row of an item's ledger row in its office's workbook.
func (r itemRef) row() int {
	n := 0
	for _, it := range r.o.items {
		for k := range it.channels {
			if it == r.it && k == r.channel {
				return 3 + n
			}
			n++
		}
	}
	return 0
}

// resolvePairs turns the item cases into expected entries: the later row
// in path and row order is the one the batch flags.
func (p *dupPlanter) resolvePairs() {
	for _, pr := range p.pairs {
		a, b := pr.a, pr.b
		fa, fb := p.relOffice(a.o), p.relOffice(b.o)
		if cmp.Or(cmp.Compare(fa, fb), cmp.Compare(a.row(), b.row())) > 0 {
			a, b, fa, fb = b, a, fb, fa
		}
		p.expected = append(p.expected, ExpectedDuplicate{
			Kind: pr.kind, Rule: pr.rule, File: fb, Sheet: SheetDisclosure, Row: b.row(),
			DuplicatesFile: fa, DuplicatesRow: a.row(), Differs: pr.differs, Title: b.it.title,
		})
	}
}

// expectMultiChannel names the first item of the county on two channels
// in an office whose usual workbook counts: both rows counted, no D1.
func (p *dupPlanter) expectMultiChannel() {
	for _, o := range p.offices {
		if p.moved[o] {
			continue
		}
		for _, it := range o.items {
			if it.date.Year() == p.c.year && len(it.channels) >= 2 && it.channels[0].id != it.channels[1].id {
				first, second := itemRef{o, it, 0}, itemRef{o, it, 1}
				p.expected = append(p.expected, ExpectedDuplicate{Kind: DupMultiChannel, File: p.relOffice(o),
					Sheet: SheetDisclosure, Row: second.row(), DuplicatesRow: first.row(), Title: it.title})
				return
			}
		}
	}
}
