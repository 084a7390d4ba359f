package samplecounty

import (
	"math/rand/v2"
	"time"
)

// date is a calendar day at midnight UTC.
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// weekday says whether t is Monday to Friday.
func weekday(t time.Time) bool {
	return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
}

// addWorkdays is n weekdays after t. Holidays are ignored: the generator
// keeps answers well inside the legal limit instead.
func addWorkdays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if weekday(t) {
			n--
		}
	}
	return t
}

// workdayBetween is a random weekday in [from, to] (from itself when the
// range holds no weekday).
func workdayBetween(r *rand.Rand, from, to time.Time) time.Time {
	var days []time.Time
	for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
		if weekday(t) {
			days = append(days, t)
		}
	}
	if len(days) == 0 {
		return from
	}
	return days[r.IntN(len(days))]
}

// excelEpoch is day 0 of Excel's 1900 date system (as Excel counts after
// February 1900).
var excelEpoch = date(1899, time.December, 30)

// excelSerial is the Excel serial number of a day.
func excelSerial(t time.Time) float64 {
	return float64(t.Sub(excelEpoch).Hours() / 24)
}

// dayPool hands out publication days of one year so that two items of a
// unit rarely share a day: weekdays first, then weekends, then any day.
type dayPool struct {
	year int
	used [367]bool // by day of the year
}

// pick takes a day of the month.
func (p *dayPool) pick(r *rand.Rand, month time.Month) time.Time {
	first := date(p.year, month, 1)
	var free, weekend []time.Time
	for t := first; t.Month() == month; t = t.AddDate(0, 0, 1) {
		switch {
		case p.used[t.YearDay()]:
		case weekday(t):
			free = append(free, t)
		default:
			weekend = append(weekend, t)
		}
	}
	var t time.Time
	switch {
	case len(free) > 0:
		t = free[r.IntN(len(free))]
	case len(weekend) > 0:
		t = weekend[r.IntN(len(weekend))]
	default:
		t = first.AddDate(0, 0, r.IntN(first.AddDate(0, 1, -1).Day()))
	}
	p.used[t.YearDay()] = true
	return t
}
