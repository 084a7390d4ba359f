package domain

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"
)

//go:embed holidays.toml
var holidaysTOML []byte

// CalendarYear is one year's holiday notice of the State Council: its
// holidays as date ranges and its adjusted working days (调休上班).
type CalendarYear struct {
	Notice   string        `toml:"notice"`
	Holidays []HolidaySpan `toml:"holidays"`
	Workdays []time.Time   `toml:"workdays"`
}

// HolidaySpan is a holiday from From to To, both included.
type HolidaySpan struct {
	Name string    `toml:"name"`
	From time.Time `toml:"from"`
	To   time.Time `toml:"to"`
}

// Calendar says which days are working days, for the years it covers.
// Build it with NewCalendar; Config.WorkCalendar returns the configured one.
type Calendar struct {
	years    map[int]string // covered year → its notice
	holidays map[civilDay]bool
	workdays map[civilDay]bool
}

// civilDay is a calendar day without a time or a zone.
type civilDay struct {
	y int
	m time.Month
	d int
}

func dayOf(t time.Time) civilDay { return civilDay{t.Year(), t.Month(), t.Day()} }

// EmbeddedCalendar returns the calendar years of holidays.toml by year.
func EmbeddedCalendar() map[string]CalendarYear {
	var f struct {
		Calendar map[string]CalendarYear `toml:"calendar"`
	}
	if _, err := toml.Decode(string(holidaysTOML), &f); err != nil {
		panic("embedded holidays.toml: " + err.Error()) // a build defect, caught by tests
	}
	return f.Calendar
}

// NewCalendar builds a calendar from the embedded years with overrides
// laid over them: a year in overrides replaces the embedded year whole.
func NewCalendar(overrides map[string]CalendarYear) (*Calendar, error) {
	years := EmbeddedCalendar()
	for k, y := range overrides {
		years[k] = y
	}
	c := &Calendar{years: map[int]string{}, holidays: map[civilDay]bool{}, workdays: map[civilDay]bool{}}
	for k, y := range years {
		year, err := strconv.Atoi(k)
		if err != nil || year < 1900 || year > 2200 {
			return nil, fmt.Errorf("calendar.%s: the key must be a year", k)
		}
		c.years[year] = y.Notice
		for _, h := range y.Holidays {
			if h.To.Before(h.From) {
				return nil, fmt.Errorf("calendar.%s: holiday %q ends before it starts", k, h.Name)
			}
			for t := h.From; !t.After(h.To); t = t.AddDate(0, 0, 1) {
				c.holidays[dayOf(t)] = true
			}
		}
		for _, w := range y.Workdays {
			if !weekend(w) {
				return nil, fmt.Errorf("calendar.%s: adjusted working day %s is not a Saturday or Sunday", k, w.Format(time.DateOnly))
			}
			c.workdays[dayOf(w)] = true
		}
	}
	return c, nil
}

func weekend(t time.Time) bool { return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday }

// Covers reports whether the calendar has the notice of year y.
func (c *Calendar) Covers(y int) bool {
	_, ok := c.years[y]
	return ok
}

// Years lists the covered years in order.
func (c *Calendar) Years() []int {
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// IsWorkday reports whether t is a working day: an adjusted working day, or
// Monday to Friday and not a holiday.
func (c *Calendar) IsWorkday(t time.Time) bool {
	d := dayOf(t)
	if c.workdays[d] {
		return true
	}
	return !weekend(t) && !c.holidays[d]
}

// WorkdaysAfter counts the working days after from, up to and including to
// (the day of receipt does not count). uncovered is the first year in that
// span the calendar does not cover, 0 when it covers them all; the count is
// then not to be trusted.
func (c *Calendar) WorkdaysAfter(from, to time.Time) (n, uncovered int) {
	for y := from.Year(); y <= to.Year(); y++ {
		if !c.Covers(y) {
			return 0, y
		}
	}
	for t := from.AddDate(0, 0, 1); !t.After(to); t = t.AddDate(0, 0, 1) {
		if c.IsWorkday(t) {
			n++
		}
	}
	return n, 0
}

// AddWorkdays returns the n-th working day after from. uncovered is the
// first year the count ran into that the calendar does not cover, 0 when
// none; the day returned is then not to be trusted.
func (c *Calendar) AddWorkdays(from time.Time, n int) (day time.Time, uncovered int) {
	day = from
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if !c.Covers(day.Year()) {
			return day, day.Year()
		}
		if c.IsWorkday(day) {
			n--
		}
	}
	return day, 0
}
