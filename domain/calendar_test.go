package domain

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// TestEmbeddedCalendar: every year from 2018 to 2026 is there, and spot
// days of the published notices come out right.
func TestEmbeddedCalendar(t *testing.T) {
	cal := DefaultConfig().WorkCalendar()
	for y := 2018; y <= 2026; y++ {
		if !cal.Covers(y) {
			t.Errorf("the calendar lacks %d", y)
		}
	}
	if cal.Covers(2017) || cal.Covers(2027) {
		t.Errorf("covered years %v", cal.Years())
	}
	for _, tt := range []struct {
		day  time.Time
		work bool
	}{
		{civil(2025, 1, 26), true},   // Sunday worked before 春节
		{civil(2025, 1, 28), false},  // 春节 from 除夕
		{civil(2025, 2, 4), false},   // its last day, a Tuesday
		{civil(2025, 2, 8), true},    // Saturday worked after it
		{civil(2025, 10, 8), false},  // 国庆节、中秋节, 8 days
		{civil(2025, 10, 9), true},   // Thursday back at work
		{civil(2025, 10, 11), true},  // Saturday worked
		{civil(2025, 10, 12), false}, // an ordinary Sunday
		{civil(2025, 3, 12), true},   // an ordinary Wednesday
		{civil(2018, 12, 29), true},  // worked for 元旦 2019 (its notice)
		{civil(2018, 12, 31), false}, // 元旦 2019 began in 2018
		{civil(2019, 5, 2), false},   // 劳动节 2019 as extended in March 2019
		{civil(2019, 5, 5), true},
		{civil(2020, 1, 31), false}, // 春节 2020 extended to 2.2
		{civil(2020, 2, 1), false},  // no longer worked
		{civil(2020, 2, 3), true},
		{civil(2026, 2, 23), false}, // 春节 2026, 9 days
		{civil(2026, 2, 28), true},
		{civil(2026, 1, 4), true},
	} {
		if got := cal.IsWorkday(tt.day); got != tt.work {
			t.Errorf("%s: workday %v, want %v", tt.day.Format(time.DateOnly), got, tt.work)
		}
	}
	if n, y := cal.WorkdaysAfter(civil(2025, 9, 26), civil(2025, 10, 17)); n != 11 || y != 0 {
		t.Errorf("2025-09-26 → 2025-10-17: %d working days (uncovered %d), want 11", n, y)
	}
	if d, y := cal.AddWorkdays(civil(2025, 1, 20), 20); !d.Equal(civil(2025, 2, 21)) || y != 0 {
		t.Errorf("20 working days after 2025-01-20: %s, want 2025-02-21", d.Format(time.DateOnly))
	}
	if _, y := cal.WorkdaysAfter(civil(2026, 12, 1), civil(2027, 1, 10)); y != 2027 {
		t.Errorf("uncovered year %d, want 2027", y)
	}
	if _, y := cal.AddWorkdays(civil(2026, 12, 20), 20); y != 2027 {
		t.Errorf("uncovered year %d, want 2027", y)
	}
}

// TestCalendarFromConfig: a configuration file adds a year or replaces one;
// an adjusted working day that is no weekend day is refused.
func TestCalendarFromConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(text string) string {
		p := filepath.Join(dir, "c.toml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfg, err := LoadConfig(write(`
[calendar.2027]
notice = "test"
holidays = [{ name = "元旦", from = 2027-01-01, to = 2027-01-03 }]
workdays = [2027-02-06]
[calendar.2025]
notice = "replaced"
holidays = []
workdays = []
`))
	if err != nil {
		t.Fatal(err)
	}
	cal := cfg.WorkCalendar()
	if !cal.Covers(2027) || !cal.Covers(2024) || cal.IsWorkday(civil(2027, 1, 1)) || !cal.IsWorkday(civil(2027, 2, 6)) {
		t.Error("the added year 2027 is not as configured")
	}
	if !cal.IsWorkday(civil(2025, 1, 28)) {
		t.Error("the replaced year 2025 still has its embedded holidays")
	}
	if _, err := LoadConfig(write("[calendar.2027]\nworkdays = [2027-02-08]\n")); err == nil {
		t.Error("a Monday accepted as an adjusted working day")
	}
}
