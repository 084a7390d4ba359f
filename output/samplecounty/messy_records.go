package samplecounty

import (
	"fmt"
	"slices"

	"gongkai/domain"
)

// messyRecord is one ledger row of a messy file: field name → cell value
// (nil: blank; string; a number; dateVal: a real date cell).
type messyRecord struct {
	vals   map[string]any
	cat    int  // disclosures: position of the category in the configuration, for grouping
	broken bool // the planted row with an unreadable date
}

// recordStyle is how a ledger writes its values.
type recordStyle struct {
	dates dateStyle
	wan   bool // fees in 万元
	csv   bool
	merge bool // disclosures: one spelling per category, rows grouped by it
}

// records are the office's rows of kind k, written in style s.
func (m *messy) records(o *office, k domain.Kind, s recordStyle) []messyRecord {
	switch k {
	case domain.KindDisclosure:
		return m.disclosureRows(o, s)
	case domain.KindApplication:
		return m.applicationRows(o, s)
	case domain.KindAppeal:
		return m.appealRows(o, s)
	}
	return m.serviceRows(o, s)
}

func (m *messy) disclosureRows(o *office, s recordStyle) []messyRecord {
	var out []messyRecord
	cats := m.cfg.CategoryIDs()
	for _, it := range o.items {
		catText := ""
		if it.category != "" {
			catText = spell(m.r, m.spell.category[it.category])
			if s.merge {
				catText = m.spell.category[it.category][0]
			}
		}
		for _, ch := range it.channels {
			var chText any
			if ch.id != domain.ChannelUnspecified {
				chText = spell(m.r, m.spell.channel[ch.id])
			}
			out = append(out, messyRecord{cat: slices.Index(cats, it.category), vals: map[string]any{
				domain.FieldTitle:    m.title(it.title, s.csv),
				domain.FieldDate:     m.date(it.date, s.dates, s.csv),
				domain.FieldCategory: blankIfEmpty(catText),
				domain.FieldChannel:  chText,
				domain.FieldDocNo:    blankIfEmpty(it.docNo),
				domain.FieldLink:     blankIfEmpty(ch.link),
				domain.FieldDept:     o.name,
			}})
		}
	}
	if s.merge {
		slices.SortStableFunc(out, func(a, b messyRecord) int { return a.cat - b.cat })
	}
	return out
}

// brokenRow is the planted disclosure row: an item the model does not
// have, dated on a day that does not exist, so the batch cannot count it.
func (m *messy) brokenRow(o *office) messyRecord {
	y := m.c.year
	cat := m.cfg.CategoryIDs()
	rec := messyRecord{broken: true, cat: len(cat), vals: map[string]any{
		domain.FieldTitle:   fmt.Sprintf("%s%s关于做好%d年度安全生产检查工作的通知（补录）", o.unit.name, o.name, y),
		domain.FieldDate:    fmt.Sprintf("%d年13月5日", y),
		domain.FieldChannel: m.spell.channel["website"][0],
		domain.FieldDept:    o.name,
	}}
	if len(cat) > 0 {
		rec.vals[domain.FieldCategory] = m.spell.category[cat[len(cat)-1]][0]
	}
	return rec
}

func (m *messy) applicationRows(o *office, s recordStyle) []messyRecord {
	var out []messyRecord
	for _, a := range o.apps {
		var outcome any
		if a.pending() {
			if chance(m.r, 0.3) {
				outcome = oneOf(m.r, m.cfg.Vocab[domain.VocabOutcome][domain.OutcomePending])
			}
		} else {
			outcome = spell(m.r, m.spell.outcome[a.outcome])
		}
		extended := "否"
		if a.extended {
			extended = "是"
		}
		out = append(out, messyRecord{vals: map[string]any{
			domain.FieldAppID:     a.id,
			domain.FieldReceived:  m.date(a.received, s.dates, s.csv),
			domain.FieldApplicant: spell(m.r, m.spell.applicant[a.applicant]),
			domain.FieldContent:   a.content,
			domain.FieldReplied:   m.date(a.replied, s.dates, s.csv),
			domain.FieldExtended:  extended,
			domain.FieldFee:       m.fee(a.feeCents, s.wan, s.csv),
			domain.FieldOutcome:   outcome,
			domain.FieldNote:      blankIfEmpty(a.note),
		}})
	}
	return out
}

func (m *messy) appealRows(o *office, s recordStyle) []messyRecord {
	var out []messyRecord
	for _, c := range o.appeals {
		rec := messyRecord{vals: map[string]any{
			domain.FieldCaseNo:   c.caseNo,
			domain.FieldCaseType: spell(m.r, m.spell.caseType[c.caseType]),
			domain.FieldFiled:    m.date(c.filed, s.dates, s.csv),
			domain.FieldClosed:   m.date(c.closed, s.dates, s.csv),
			domain.FieldResult:   spell(m.r, m.spell.result[c.result]),
		}}
		if c.app != nil {
			rec.vals[domain.FieldAppID] = c.app.id
		}
		out = append(out, rec)
	}
	return out
}

func (m *messy) serviceRows(o *office, s recordStyle) []messyRecord {
	var out []messyRecord
	for _, sv := range o.services {
		out = append(out, messyRecord{vals: map[string]any{
			domain.FieldItemName: sv.name,
			domain.FieldItemType: sv.kind,
			domain.FieldEntered:  m.date(sv.entered, s.dates, s.csv),
			domain.FieldPlatform: ServicePlatform,
		}})
	}
	return out
}
