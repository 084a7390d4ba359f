package samplecounty

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/domain"
)

// Disclosure shape: the share of items published on two channels and of
// rows whose channel is left blank.
const (
	twoChannelShare = 0.15
	blankChannel    = 0.05
)

// channelWeights are the weights of realChannels() when one is drawn.
var channelWeights = []int{50, 20, 18, 2, 2, 4, 4}

// realChannels are the channel ids an office may write (not unspecified).
func realChannels() []string {
	var ids []string
	for _, c := range domain.Channels {
		if c.ID != domain.ChannelUnspecified {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// candidate is a title an office may publish, with its month.
type candidate struct {
	topic int // index into the office's topics
	title string
	month time.Month
}

// disclosures draws the office's items: about g.rows ledger rows.
func (g *generator) disclosures(o *office) {
	r := g.r
	topics, ok := officeTopics[o.name]
	if !ok {
		topics = genericTopics
	}
	cands := g.candidates(o, topics)
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	rows := max(1, g.rows*(80+r.IntN(41))/100)
	want := max(1, (rows*100+57)/115)
	for round := 1; len(o.items) < want && round <= 9; round++ {
		for _, c := range cands {
			if len(o.items) == want {
				break
			}
			title := c.title
			if round > 1 {
				title += fmt.Sprintf("（第%d批）", round)
			}
			if g.titles[title] {
				continue
			}
			it := g.newItem(o, title, o.unit.days.pick(r, c.month), topics[c.topic])
			it.channels = g.drawChannels(o, it)
		}
	}
	sortItems(o)
}

// candidates lists every (topic, period) of the year as a title.
func (g *generator) candidates(o *office, topics []topic) []candidate {
	var out []candidate
	for i, tp := range topics {
		switch tp.every {
		case monthly:
			for m := time.January; m <= time.December; m++ {
				out = append(out, candidate{i, g.title(tp.text, o, m, 0), m})
			}
		case quarterly:
			for q := 1; q <= 4; q++ {
				out = append(out, candidate{i, g.title(tp.text, o, 0, q), time.Month(3 * q)})
			}
		default:
			m := tp.month
			if m == 0 {
				m = time.Month(1 + g.r.IntN(12))
			}
			out = append(out, candidate{i, g.title(tp.text, o, 0, 0), m})
		}
	}
	return out
}

// title fills a topic template.
func (g *generator) title(text string, o *office, m time.Month, q int) string {
	quarter := ""
	if q > 0 {
		quarter = quarterNames[q-1]
	}
	return strings.NewReplacer(
		"{u}", o.unit.name, "{o}", o.name,
		"{y}", strconv.Itoa(g.year), "{py}", strconv.Itoa(g.year-1),
		"{m}", strconv.Itoa(int(m)), "{q}", quarter,
	).Replace(text)
}

// newItem records an item of the office with its category and 文号.
func (g *generator) newItem(o *office, title string, day time.Time, tp topic) *item {
	r := g.r
	it := &item{title: title, date: day}
	g.titles[title] = true
	it.category = g.categoryOf(tp.cat, len(o.items))
	if it.category != "" {
		it.catText = spell(r, g.spell.category[it.category])
	}
	if tp.docNo {
		o.unit.docNo++
		it.docNo = fmt.Sprintf("%s政发〔%d〕%d号", firstRune(o.unit.name), g.year, o.unit.docNo)
	}
	o.items = append(o.items, it)
	return it
}

// drawChannels chooses the channels of an item: one, sometimes two, or a
// blank cell.
func (g *generator) drawChannels(o *office, it *item) []channelUse {
	r := g.r
	if chance(r, blankChannel) {
		return []channelUse{{id: domain.ChannelUnspecified}}
	}
	first := g.channels.draw(r, 0.2, g.randomChannel)
	uses := []channelUse{g.channelUse(o, it, first)}
	if chance(r, twoChannelShare) {
		second := first
		for second == first {
			second = g.randomChannel()
		}
		uses = append(uses, g.channelUse(o, it, second))
	}
	return uses
}

// categoryOf is the topic's category when configured, else a configured
// category chosen by position; "" when none is configured.
func (g *generator) categoryOf(id string, n int) string {
	cats := g.cfg.CategoryIDs()
	switch {
	case len(cats) == 0:
		return ""
	case slices.Contains(cats, id):
		return id
	}
	return cats[n%len(cats)]
}

func (g *generator) randomChannel() string {
	return realChannels()[weighted(g.r, channelWeights)]
}

// channelUse spells a channel and gives website items a link.
func (g *generator) channelUse(o *office, it *item, id string) channelUse {
	cu := channelUse{id: id, text: spell(g.r, g.spell.channel[id])}
	if id == "website" {
		cu.link = fmt.Sprintf("http://www.hepu.gov.cn/xxgk/%s/%s/t%s_%06d.html",
			strings.ToLower(o.unit.code), it.date.Format("200601"), it.date.Format("20060102"), g.r.IntN(1000000))
	}
	return cu
}

// extraItem adds an item published on channel, for coverage.
func (g *generator) extraItem(o *office, channel string) {
	day := o.unit.days.pick(g.r, time.Month(1+g.r.IntN(12)))
	title := fmt.Sprintf("%s%s%d年%d月%d日工作信息", o.unit.name, o.name, day.Year(), day.Month(), day.Day())
	for n := 2; g.titles[title]; n++ {
		title = fmt.Sprintf("%s%s%d年%d月%d日工作信息（%d）", o.unit.name, o.name, day.Year(), day.Month(), day.Day(), n)
	}
	it := g.newItem(o, title, day, topic{cat: "news"})
	it.channels = []channelUse{g.channelUse(o, it, channel)}
	sortItems(o)
}

// sortItems orders an office's items by date, then title.
func sortItems(o *office) {
	slices.SortStableFunc(o.items, func(a, b *item) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		return strings.Compare(a.title, b.title)
	})
}
