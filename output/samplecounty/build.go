package samplecounty

import (
	"fmt"
	"math/rand/v2"
	"time"

	"gongkai/domain"
)

// generator builds the county model from one random stream. The decks
// make sure every value the tests look for occurs somewhere in the county.
type generator struct {
	r      *rand.Rand
	cfg    *domain.Config
	year   int
	rows   int
	spell  *spellings
	titles map[string]bool // every disclosure title of the county

	channels    *deck[string]
	timings     *deck[timing]
	applicants  *deck[string]
	outcomes    *deck[string]
	appealKinds *deck[appealKind]

	reviewSeq, suitSeq int // last case numbers
}

// pcgStream is the second word of the PCG state; the seed is the first.
const pcgStream = 0x9e3779b97f4a7c15

// build makes the model of the first opt.Units units of the roster.
func build(cfg *domain.Config, opt Options) *county {
	r := rand.New(rand.NewPCG(opt.Seed, pcgStream))
	g := &generator{
		r: r, cfg: cfg, year: opt.Year, rows: opt.Rows,
		spell:  newSpellings(cfg),
		titles: map[string]bool{},
	}
	g.newDecks()
	roster := cfg.Units
	if opt.Units > 0 && opt.Units < len(roster) {
		roster = roster[:opt.Units]
	}
	c := &county{name: cfg.County, year: opt.Year}
	for i, ru := range roster {
		u := &unit{name: ru.Name, code: unitCode(ru.Name, i), days: dayPool{year: opt.Year}}
		for _, name := range ru.Offices {
			o := &office{unit: u, name: name}
			u.offices = append(u.offices, o)
			g.basics(o)
			g.disclosures(o)
			g.applications(o)
			g.appeals(o)
			g.services(o)
		}
		c.units = append(c.units, u)
	}
	g.topUp(c)
	for _, u := range c.units {
		g.numberApplications(u)
	}
	return c
}

func (g *generator) newDecks() {
	var results []string
	for _, row := range domain.T3ResultRows() {
		results = append(results, row.ID)
	}
	var kinds []appealKind
	for _, b := range domain.T4Blocks {
		for _, res := range domain.T4Results[:len(domain.T4Results)-1] {
			kinds = append(kinds, appealKind{b.ID, res.ID})
		}
	}
	g.channels = newDeck(g.r, realChannels())
	g.timings = newDeck(g.r, []timing{answeredInYear, pendingAtEnd, carriedAnswered, carriedPending})
	g.applicants = newDeck(g.r, applicantIDs())
	g.outcomes = newDeck(g.r, results)
	g.appealKinds = newDeck(g.r, kinds)
}

// topUp adds records for whatever the decks still hold, to the first
// office of each unit in turn.
func (g *generator) topUp(c *county) {
	k := 0
	next := func() *office {
		o := c.units[k%len(c.units)].offices[0]
		k++
		return o
	}
	for !g.channels.empty() {
		g.extraItem(next(), g.channels.take())
	}
	for !g.timings.empty() || !g.applicants.empty() || !g.outcomes.empty() {
		tm := answeredInYear
		if !g.timings.empty() {
			tm = g.timings.take()
		}
		app := g.randomApplicant()
		if !g.applicants.empty() {
			app = g.applicants.take()
		}
		out := ""
		if tm.answered() && !g.outcomes.empty() {
			out = g.outcomes.take()
		}
		o := next()
		o.apps = append(o.apps, g.application(tm, app, out))
	}
	for !g.appealKinds.empty() {
		o := next()
		o.appeals = append(o.appeals, g.appeal(o, g.appealKinds.take()))
	}
}

// unitCodes are the letters of the roster's units in application numbers.
var unitCodes = map[string]string{
	"廉州镇": "LZ", "党江镇": "DJ", "西场镇": "XC", "沙岗镇": "SG", "乌家镇": "WJ",
	"闸口镇": "ZK", "公馆镇": "GG", "白沙镇": "BS", "山口镇": "SK", "沙田镇": "ST",
	"石湾镇": "SW", "石康镇": "SKZ", "常乐镇": "CL", "星岛湖镇": "XDH", "曲樟乡": "QZ",
}

// unitCode is the code of a unit, by name or, for units the table does not
// know, by roster position.
func unitCode(name string, i int) string {
	if c, ok := unitCodes[name]; ok {
		return c
	}
	return fmt.Sprintf("U%02d", i+1)
}

// firstRune is the first character of s, as short names use it (白沙镇 → 白).
func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// yearEnd is the last day of year y.
func yearEnd(y int) time.Time { return date(y, time.December, 31) }
