package transform

import "time"

// reportYear is the calendar year Y of the report.
type reportYear struct {
	year       int
	start, end time.Time // first and last day, 00:00 UTC
}

func newReportYear(y int) reportYear {
	return reportYear{
		year:  y,
		start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC),
		end:   time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC),
	}
}

func (y reportYear) contains(t time.Time) bool { return !t.Before(y.start) && !t.After(y.end) }
