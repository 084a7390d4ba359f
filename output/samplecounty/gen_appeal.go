package samplecounty

import (
	"fmt"
	"time"

	"gongkai/domain"
)

// appealKind is a case type (a domain.T4Blocks id) with a result (a
// domain.T4Results id).
type appealKind struct {
	caseType, result string
}

var (
	appealCountWeights = []int{60, 30, 10} // 0, 1 or 2 cases per office
	caseTypeWeights    = []int{50, 30, 20}
	resultWeights      = []int{45, 15, 15, 25}
)

// appeals draws the office's review and lawsuit cases.
func (g *generator) appeals(o *office) {
	r := g.r
	for range weighted(r, appealCountWeights) {
		k := g.appealKinds.draw(r, 0.5, func() appealKind {
			return appealKind{
				domain.T4Blocks[weighted(r, caseTypeWeights)].ID,
				domain.T4Results[weighted(r, resultWeights)].ID,
			}
		})
		o.appeals = append(o.appeals, g.appeal(o, k))
	}
}

// appeal makes one case filed in the year, linked to one of the office's
// answered applications when it has one.
func (g *generator) appeal(o *office, k appealKind) *appeal {
	r, y := g.r, g.year
	a := &appeal{caseType: k.caseType, typeText: caseTypeText(k.caseType), result: k.result}
	if k.caseType == "review" {
		g.reviewSeq += 1 + r.IntN(3)
		a.caseNo = fmt.Sprintf("%s政复〔%d〕%d号", firstRune(g.cfg.County), y, g.reviewSeq)
	} else {
		g.suitSeq += 1 + r.IntN(5)
		a.caseNo = fmt.Sprintf("（%d）桂0521行初%d号", y, g.suitSeq)
	}
	if k.result == "pending" {
		a.filed = workdayBetween(r, date(y, time.September, 1), date(y, time.December, 19))
	} else {
		a.filed = workdayBetween(r, date(y, time.January, 10), date(y, time.September, 30))
		closed := a.filed.AddDate(0, 0, 30+r.IntN(61))
		a.closed = workdayBetween(r, closed, closed.AddDate(0, 0, 3))
		for last := date(y, time.December, 30); a.closed.After(last) || !weekday(a.closed); {
			a.closed = a.closed.AddDate(0, 0, -1)
		}
	}
	var answered []*application
	for _, app := range o.apps {
		if !app.pending() {
			answered = append(answered, app)
		}
	}
	if len(answered) > 0 {
		a.app = oneOf(r, answered)
	}
	return a
}

// caseTypeText is a case type as the appeal ledger writes it:
// 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉.
func caseTypeText(id string) string {
	for i, b := range domain.T4Blocks {
		if b.ID == id {
			if i == 0 {
				return b.Label
			}
			return domain.T4SuitCaption + "·" + b.Label
		}
	}
	return id
}
