package transform

import (
	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// unitMonthly counts a unit's distinct items of the report year (items:
// the same title and day from two offices is one item, as in
// active.items) by the month of their date, and its counted applications
// received in the year by the month of receipt (those with an applicant
// type, as in t3.new.total).
func unitMonthly(y reportYear, items *itemSet, applications []arrow.RecordBatch) domain.Monthly {
	var out domain.Monthly
	for k := range items.items {
		out.Items[k.month()-1]++
	}
	for _, rec := range applications {
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
