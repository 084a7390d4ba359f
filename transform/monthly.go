package transform

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// monthlyTrend counts, from the counted records of the report year, each
// unit's distinct items by the month of their date (the same title and day
// from two offices is one item, as in active.items) and its applications
// received in the year by the month of receipt (those with an applicant
// type, as in t3.new.total). Every unit of units appears; the county's
// months are the sums over the units.
func monthlyTrend(y reportYear, counted map[domain.Kind][]arrow.RecordBatch, units map[string]domain.Metrics) domain.MonthlyTrend {
	out := domain.MonthlyTrend{Units: map[string]domain.Monthly{}}
	for name := range units {
		out.Units[name] = domain.Monthly{}
	}
	// bump counts an item (or an application) of unit on day d.
	bump := func(unit string, item bool, d time.Time) {
		m := out.Units[unit]
		if item {
			m.Items[d.Month()-1]++
		} else {
			m.Applications[d.Month()-1]++
		}
		out.Units[unit] = m
	}

	seen := map[string]map[itemKey]bool{} // unit → items already counted
	for _, rec := range counted[domain.KindDisclosure] {
		unit, title, date := stringColumn(rec, domain.LineageUnit), stringColumn(rec, domain.FieldTitle), dates(rec, domain.FieldDate)
		for i := 0; i < int(rec.NumRows()); i++ {
			d, ok := dateAt(date, i)
			if !ok || !y.contains(d) {
				continue
			}
			u := unit.Value(i)
			k := newItemKey(title.Value(i), d)
			if seen[u] == nil {
				seen[u] = map[itemKey]bool{}
			}
			if seen[u][k] {
				continue
			}
			seen[u][k] = true
			bump(u, true, d)
		}
	}
	for _, rec := range counted[domain.KindApplication] {
		unit, received, applicant := stringColumn(rec, domain.LineageUnit), dates(rec, domain.FieldReceived), stringColumn(rec, domain.FieldApplicant)
		for i := 0; i < int(rec.NumRows()); i++ {
			d, ok := dateAt(received, i)
			if !ok || !y.contains(d) || applicant.Value(i) == "" {
				continue
			}
			bump(unit.Value(i), false, d)
		}
	}
	for _, m := range out.Units {
		out.County.Add(m)
	}
	return out
}
