package samplecounty

import (
	"time"

	"gongkai/domain"
)

// tally holds metric values in hundredths, so that sums of amounts stay
// exact; it becomes domain.Metrics only at the end.
type tally map[string]int64

const one = 100 // a count of 1 in a tally

func (t tally) add(o tally) {
	for id, v := range o {
		t[id] += v
	}
}

// metrics is t over exactly ids, 0 where t has no value.
func (t tally) metrics(ids []string) domain.Metrics {
	m := make(domain.Metrics, len(ids))
	for _, id := range ids {
		m[id] = float64(t[id]) / one
	}
	return m
}

// officeTally derives what the office's own tables hold: 表二 (invented),
// 表三 and fees from its applications, 表四 from its cases, and its service
// items. Disclosures are counted per unit (unitTally).
func officeTally(o *office, year int) tally {
	t := tally{}
	t.add(o.t2)
	for _, a := range o.apps {
		if a.received.Year() > year || (!a.pending() && a.replied.Year() < year) {
			continue // not part of this year's work
		}
		count := func(row string) {
			t[domain.T3Metric(row, a.applicant)] += one
			t[domain.T3Metric(row, domain.ColumnTotal)] += one
		}
		if a.received.Year() == year {
			count(domain.T3RowNew)
		} else {
			count(domain.T3RowCarriedIn)
		}
		if !a.pending() && a.replied.Year() == year {
			count(a.outcome)
			count(domain.T3RowTotal)
			t[domain.MetricFeesYuan] += a.feeCents
		} else {
			count(domain.T3RowCarriedOut)
		}
	}
	for _, c := range o.appeals {
		t[domain.T4Metric(c.caseType, c.result)] += one
		t[domain.T4Metric(c.caseType, domain.ColumnTotal)] += one
	}
	t[domain.MetricServiceItems] += int64(len(o.services)) * one
	return t
}

// unitTally sums the unit's offices and counts its disclosed items: each
// distinct title and date once, once in each of its channels and in its
// category.
func unitTally(u *unit, year int) tally {
	t := tally{}
	type key struct {
		title string
		date  time.Time
	}
	channels := map[key]map[string]bool{}
	for _, o := range u.offices {
		t.add(officeTally(o, year))
		for _, it := range o.items {
			if it.date.Year() != year {
				continue
			}
			k := key{it.title, it.date}
			seen, ok := channels[k]
			if !ok {
				seen = map[string]bool{}
				channels[k] = seen
				t[domain.MetricActiveItems] += one
				if it.category != "" {
					t[domain.CategoryMetric(it.category)] += one
				}
			}
			for _, ch := range it.channels {
				if !seen[ch.id] {
					seen[ch.id] = true
					t[domain.ChannelMetric(ch.id)] += one
				}
			}
		}
	}
	return t
}

// deriveTruth computes the ground truth of the model.
func deriveTruth(c *county, cfg *domain.Config) *Truth {
	ids := cfg.MetricIDs()
	tr := &Truth{Year: c.year, Units: map[string]UnitTruth{}}
	total := tally{}
	for _, u := range c.units {
		ut := unitTally(u, c.year)
		total.add(ut)
		tr.Units[u.name] = UnitTruth{Metrics: ut.metrics(ids)}
	}
	tr.County = CountyTruth{Name: c.name, Metrics: total.metrics(ids)}
	return tr
}
