package samplecounty

import (
	"fmt"
	"slices"
	"time"

	"gongkai/domain"
)

// timing is when an application was received and answered, relative to
// the report year.
type timing int

const (
	answeredInYear  timing = iota // received and answered in the year
	pendingAtEnd                  // received in the year, still open at its end
	carriedAnswered               // received the year before, answered in the year
	carriedPending                // received the year before, still open
)

var timingWeights = []int{78, 10, 8, 4}

func (t timing) answered() bool { return t == answeredInYear || t == carriedAnswered }

// applicantIDs are the six applicant columns of 表三 (总计 excluded).
func applicantIDs() []string {
	var ids []string
	for _, c := range domain.T3Columns[:len(domain.T3Columns)-1] {
		ids = append(ids, c.ID)
	}
	return ids
}

var applicantWeights = []int{70, 12, 3, 4, 6, 5}

// outcomeWeight is the weight of a result row when one is drawn; rows not
// listed weigh 1.
var outcomeWeight = map[string]int{"granted": 60, "partial": 10, "unable.not_held": 12, "rejected.repeat": 4}

var (
	villages = []string{"石头埠村", "新圩村", "东山村", "大江村", "沙尾村", "上洋村", "长塘村", "北山村", "龙潭村", "红星村"}
	subjects = []string{
		"2024年度农村低保对象名单及补助标准", "征地补偿款发放明细", "村道硬化工程招投标文件",
		"宅基地审批档案", "危房改造补助资金发放情况", "耕地地力保护补贴发放名单",
		"集体土地承包合同", "河道整治工程预算", "村级财务收支明细", "饮水安全工程验收资料",
	}
)

// applications draws the office's applications: the unit's first office
// (党政办) gets more.
func (g *generator) applications(o *office) {
	r := g.r
	n := r.IntN(4)
	if o == o.unit.offices[0] {
		n = 2 + r.IntN(5)
	}
	for range n {
		tm := g.timings.draw(r, 0.3, func() timing { return timing(weighted(r, timingWeights)) })
		app := g.applicants.draw(r, 0.3, g.randomApplicant)
		o.apps = append(o.apps, g.application(tm, app, ""))
	}
}

func (g *generator) randomApplicant() string {
	return applicantIDs()[weighted(g.r, applicantWeights)]
}

func (g *generator) randomOutcome() string {
	rows := domain.T3ResultRows()
	w := make([]int, len(rows))
	for i, row := range rows {
		w[i] = 1
		if x, ok := outcomeWeight[row.ID]; ok {
			w[i] = x
		}
	}
	return rows[weighted(g.r, w)].ID
}

// application makes one application; outcome "" draws one when answered.
func (g *generator) application(tm timing, applicant, outcome string) *application {
	r, y := g.r, g.year
	a := &application{
		applicant: applicant,
		appText:   spell(r, g.spell.applicant[applicant]),
		content:   "申请公开" + oneOf(r, villages) + oneOf(r, subjects),
	}
	switch tm {
	case answeredInYear:
		a.extended = chance(r, 0.1)
		last, days := date(y, time.November, 28), 1+r.IntN(15)
		if a.extended {
			last, days = date(y, time.October, 31), 21+r.IntN(15)
		}
		a.received = workdayBetween(r, date(y, time.January, 2), last)
		a.replied = addWorkdays(a.received, days)
	case carriedAnswered:
		a.received = workdayBetween(r, date(y-1, time.December, 15), yearEnd(y-1))
		a.replied = addWorkdays(a.received, 8+r.IntN(8))
		for a.replied.Year() < y {
			a.replied = addWorkdays(a.replied, 1)
		}
	case pendingAtEnd:
		a.received = workdayBetween(r, date(y, time.December, 8), yearEnd(y))
	case carriedPending:
		a.received = workdayBetween(r, date(y-1, time.December, 1), yearEnd(y-1))
		a.extended = true
		a.note = "已书面告知申请人补正，申请人尚未补正"
	}
	if !tm.answered() {
		return a
	}
	if outcome == "" {
		outcome = g.outcomes.draw(r, 0.15, g.randomOutcome)
	}
	a.outcome = outcome
	a.outcomeText = spell(r, g.spell.outcome[outcome])
	if outcome == "granted" || outcome == "partial" {
		a.feeCents = []int64{0, 1000, 2550}[weighted(r, []int{85, 8, 7})]
	}
	return a
}

// numberApplications gives the unit's applications their 申请编号 in order
// of receipt (BS-2025-003), then orders each office's ledger the same way.
func (g *generator) numberApplications(u *unit) {
	var all []*application
	for _, o := range u.offices {
		all = append(all, o.apps...)
	}
	byReceived := func(a, b *application) int { return a.received.Compare(b.received) }
	slices.SortStableFunc(all, byReceived)
	seq := map[int]int{}
	for _, a := range all {
		y := a.received.Year()
		seq[y]++
		a.id = fmt.Sprintf("%s-%d-%03d", u.code, y, seq[y])
	}
	for _, o := range u.offices {
		slices.SortStableFunc(o.apps, byReceived)
	}
}
