package transform

import (
	"fmt"
	"time"

	"gongkai/domain"
)

// yearDates are the dates that place a record in a report year, by kind
// (domain.md §5.5). afterOnly: only a date after the year end is outside
// (an application received earlier and still open is carried in).
var yearDates = []struct {
	kind      domain.Kind
	field     string
	afterOnly bool
}{
	{domain.KindDisclosure, domain.FieldDate, false},
	{domain.KindApplication, domain.FieldReceived, true},
	{domain.KindAppeal, domain.FieldFiled, false},
	{domain.KindServiceItem, domain.FieldEntered, false},
}

// reportYear checks R8: every record dated outside the report year, which
// the statistics leave out, is listed at its date cell.
func (c *checker) reportYear() []domain.Finding {
	var out []domain.Finding
	for i := range c.in.Offices {
		o := &c.in.Offices[i]
		for _, yd := range yearDates {
			label := fieldLabel(yd.kind, yd.field)
			for _, rec := range o.Ledgers[yd.kind] {
				col := dates(rec, yd.field)
				for r := 0; r < int(rec.NumRows()); r++ {
					d, ok := dateAt(col, r)
					if !ok || !(d.After(c.y.end) || (!yd.afterOnly && d.Before(c.y.start))) {
						continue
					}
					pos := c.cell(lineagePos(rec, r), yd.field)
					out = append(out, c.finding(domain.RuleReportYear, domain.SevWarning, o, pos, c.outsideText(yd.kind, label, d)))
				}
			}
		}
	}
	return out
}

// outsideText explains a date outside the report year.
func (c *checker) outsideText(k domain.Kind, label string, d time.Time) string {
	y := c.y.year
	if k == domain.KindApplication {
		return fmt.Sprintf("“%s”为%s，晚于%d年12月31日，本条不计入%d年度统计（应计入下一年度）。如日期填错请更正。",
			label, d.Format(time.DateOnly), y, y)
	}
	return fmt.Sprintf("“%s”为%s，不在%d年度内，本条未计入%d年度统计。如日期填错请更正；如确属其他年度，请移至该年度的台账。",
		label, d.Format(time.DateOnly), y, y)
}

// fieldLabel is the canonical header of a field of kind k.
func fieldLabel(k domain.Kind, name string) string {
	for _, f := range domain.LedgerFields[k] {
		if f.Name == name {
			return f.Label
		}
	}
	return name
}
