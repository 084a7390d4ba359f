package transform

import (
	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// unitMonthly counts, from a unit's counted records of the report year, its
// distinct items by the month of their date (the same title and day from
// two offices is one item, as in active.items) and its applications
// received in the year by the month of receipt (those with an applicant
// type, as in t3.new.total).
func unitMonthly(y reportYear, counted map[domain.Kind][]arrow.RecordBatch) domain.Monthly {
	var out domain.Monthly
	seen := map[itemKey]bool{} // items already counted
	for _, rec := range counted[domain.KindDisclosure] {
		title, date := stringColumn(rec, domain.FieldTitle), dates(rec, domain.FieldDate)
		for i := 0; i < int(rec.NumRows()); i++ {
			d, ok := dateAt(date, i)
			if !ok || !y.contains(d) {
				continue
			}
			k := newItemKey(title.Value(i), d)
			if seen[k] {
				continue
			}
			seen[k] = true
			out.Items[d.Month()-1]++
		}
	}
	for _, rec := range counted[domain.KindApplication] {
		received, applicant := dates(rec, domain.FieldReceived), stringColumn(rec, domain.FieldApplicant)
		for i := 0; i < int(rec.NumRows()); i++ {
			d, ok := dateAt(received, i)
			if !ok || !y.contains(d) || applicant.Value(i) == "" {
				continue
			}
			out.Applications[d.Month()-1]++
		}
	}
	return out
}
