package samplecounty

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gongkai/domain"
)

// Shares of the county's offices or ledgers that get a variation;
// spreadMarks gives each at least one, so every variation occurs in any
// county of a few units.
const (
	shareCSV         = 1.0 / 6 // offices with the disclosure ledger in a GBK CSV
	shareNoCover     = 0.15    // workbooks without a cover sheet
	shareRenamed     = 0.3     // workbooks with another file name
	shareTwoRow      = 0.25    // ledger sheets with a two-row merged header
	shareTotal       = 0.3     // ledger sheets with a 合计 row
	shareNotes       = 0.3     // ledger sheets with notes below
	shareMergedCat   = 0.3     // disclosure sheets with 公开类别 merged down
	minBroken        = 3       // files with an unreadable date, at least …
	maxBroken        = 5       // … and at most
	shareSheetRename = 0.5     // sheets named otherwise than the template
)

// officePlan is how one office fills its files.
type officePlan struct {
	o        *office
	workbook string // the workbook, relative to the inbox
	csv      string // the disclosure CSV; "" when the ledger is a sheet
	cover    bool   // the workbook has a cover sheet
	broken   bool   // one extra disclosure row with an unreadable date
	sheets   []sheetPlan
	ledgers  []ledgerPlan // in domain.LedgerKinds order
}

// sheetPlan is a sheet of the workbook, in workbook order.
type sheetPlan struct {
	kind domain.Kind
	name string
}

// ledgerPlan says which county-wide variations a ledger sheet gets.
type ledgerPlan struct {
	kind                        domain.Kind
	twoRow, total, notes, merge bool
}

// ledger returns the plan of kind k.
func (p *officePlan) ledger(k domain.Kind) *ledgerPlan {
	for i := range p.ledgers {
		if p.ledgers[i].kind == k {
			return &p.ledgers[i]
		}
	}
	panic("samplecounty: no ledger plan for " + string(k))
}

// planCounty decides, office by office in roster order, which variations
// each file gets.
func (m *messy) planCounty() []*officePlan {
	var plans []*officePlan
	for _, u := range m.c.units {
		for _, o := range u.offices {
			p := &officePlan{o: o, cover: true}
			for _, k := range domain.LedgerKinds {
				p.ledgers = append(p.ledgers, ledgerPlan{kind: k})
			}
			plans = append(plans, p)
		}
	}
	n := len(plans)
	csv := spreadMarks(m, n, shareCSV)
	noCover := spreadMarks(m, n, shareNoCover)
	renamed := spreadMarks(m, n, shareRenamed)
	broken := spreadMarks(m, n, float64(minBroken+m.r.IntN(maxBroken-minBroken+1))/float64(max(n, 1)))
	var sheets, disclosures []*ledgerPlan
	for i, p := range plans {
		p.cover = !noCover[i]
		p.broken = broken[i]
		dir := p.o.unit.name + "/" + p.o.name + "/"
		p.workbook = dir + m.workbookName(p.o, renamed[i])
		if csv[i] {
			p.csv = fmt.Sprintf("%s%s-%s-主动公开台账.csv", dir, p.o.unit.name, p.o.name)
		}
		for j := range p.ledgers {
			l := &p.ledgers[j]
			if l.kind == domain.KindDisclosure && p.csv != "" {
				continue
			}
			sheets = append(sheets, l)
			if l.kind == domain.KindDisclosure {
				disclosures = append(disclosures, l)
			}
		}
	}
	for i, v := range spreadMarks(m, len(sheets), shareTwoRow) {
		sheets[i].twoRow = v
	}
	for i, v := range spreadMarks(m, len(sheets), shareTotal) {
		sheets[i].total = v
	}
	for i, v := range spreadMarks(m, len(sheets), shareNotes) {
		sheets[i].notes = v
	}
	for i, v := range spreadMarks(m, len(disclosures), shareMergedCat) {
		disclosures[i].merge = v
	}
	for _, p := range plans {
		p.sheets = m.planSheets(p)
	}
	return plans
}

// spreadMarks marks about share of n positions, at least one, chosen at random.
func spreadMarks(m *messy, n int, share float64) []bool {
	marks := make([]bool, n)
	if n == 0 {
		return marks
	}
	k := min(n, max(1, int(math.Round(float64(n)*share))))
	for _, i := range m.r.Perm(n)[:k] {
		marks[i] = true
	}
	return marks
}

// sheetNames are the names offices give each kind of sheet; the first is
// the template's.
var sheetNames = []struct {
	kind  domain.Kind
	names []string
}{
	{domain.KindCover, []string{SheetCover, "封面", "填报信息", "Sheet1"}},
	{domain.KindDisclosure, []string{SheetDisclosure, "主动公开", "{y}台账", "Sheet1", "主动公开信息登记"}},
	{domain.KindApplication, []string{SheetApplication, "依申请", "申请登记", "Sheet2"}},
	{domain.KindAppeal, []string{SheetAppeal, "复议诉讼", "Sheet3"}},
	{domain.KindServiceItem, []string{SheetService, "服务事项", "Sheet4"}},
	{domain.KindSummary, []string{SheetSummary, "统计表", "年报数据", "Sheet5"}},
}

// planSheets names the workbook's sheets and orders them.
func (m *messy) planSheets(p *officePlan) []sheetPlan {
	var out []sheetPlan
	taken := map[string]bool{}
	for _, s := range sheetNames {
		switch {
		case s.kind == domain.KindCover && !p.cover:
			continue
		case s.kind == domain.KindDisclosure && p.csv != "":
			continue
		}
		name := s.names[0]
		if chance(m.r, shareSheetRename) {
			alt := fillYear(oneOf(m.r, s.names[1:]), m.c.year)
			if !taken[alt] {
				name = alt
			}
		}
		taken[name] = true
		out = append(out, sheetPlan{s.kind, name})
	}
	if chance(m.r, 0.5) {
		m.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	}
	return out
}

// workbookName is the file name of the office's workbook: the template's,
// or, when renamed, one of the names offices use. Every name agrees with
// the folder the file sits in.
func (m *messy) workbookName(o *office, renamed bool) string {
	y := m.c.year
	name := fmt.Sprintf("%s-%s-%d年政府信息公开台账.xlsx", o.unit.name, o.name, y)
	if !renamed {
		return name
	}
	short := m.unitAlias(o.unit.name)
	if short == "" {
		short = o.unit.name
	}
	officeAlias := o.name
	if a := m.cfg.OfficeAliases[o.name]; len(a) > 0 {
		officeAlias = a[0]
	}
	switch m.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s-%s-%d.xlsx", short, o.name, y)
	case 1:
		return "台账（修订）.xlsx"
	case 2:
		return fmt.Sprintf("%s%s%d年政务公开台账.xlsx", o.unit.name, o.name, y)
	}
	return fmt.Sprintf("%s-%s-%d年台账.xlsx", o.unit.name, officeAlias, y)
}

// fillYear puts the year into a name such as "{y}台账".
func fillYear(s string, year int) string {
	return strings.ReplaceAll(s, "{y}", strconv.Itoa(year))
}
