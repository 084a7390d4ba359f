package transform

import (
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestDeadlines: R9 counts working days with the State Council calendar
// of 2025 (春节 1.28–2.4 off, 1.26 and 2.8 worked; 清明 4.4–4.6 off, 4.27
// worked), from the day after receipt, 20 days or 40 when extended.
func TestDeadlines(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	app := func(recv, reply any, ext any, outcome, note string) map[string]any {
		m := map[string]any{"received": recv, "applicant": "natural", "outcome": outcome, "note": note}
		if reply != nil {
			m["replied"] = reply
		}
		if ext != nil {
			m["extended"] = ext
		}
		return m
	}
	for _, tt := range []struct {
		name string
		row  map[string]any
		want []string
	}{
		{"20th working day", app(ymd(2025, 3, 3), ymd(2025, 3, 31), false, "granted", ""), nil},
		{"21st working day", app(ymd(2025, 3, 3), ymd(2025, 4, 1), nil, "granted", ""), []string{"R9 warning E3"}},
		{"over 春节, 20th working day (24 weekdays)", app(ymd(2025, 1, 20), ymd(2025, 2, 21), false, "granted", ""), nil},
		{"over 春节, 21st working day", app(ymd(2025, 1, 20), ymd(2025, 2, 24), false, "granted", ""), []string{"R9 warning E3"}},
		{"extended, 40th working day (4.27 worked)", app(ymd(2025, 3, 3), ymd(2025, 4, 28), true, "granted", ""), nil},
		{"extended, 41st working day", app(ymd(2025, 3, 3), ymd(2025, 4, 29), true, "granted", ""), []string{"R9 warning E3"}},
		{"open, past its limit at the year end", app(ymd(2025, 10, 9), nil, nil, "pending", ""), []string{"R9 warning E3"}},
		{"open, limit suspended for 补正", app(ymd(2025, 10, 9), nil, nil, "pending", "已书面通知补正"), []string{"R9 info E3"}},
		{"open, limit not reached", app(ymd(2025, 12, 10), nil, nil, "pending", ""), nil},
		{"answered before it was received", app(ymd(2025, 5, 10), ymd(2025, 5, 6), false, "granted", ""), []string{"R9 warning E3"}},
		{"closed last year", app(ymd(2024, 1, 2), ymd(2024, 6, 1), false, "granted", ""), nil},
		{"received after the year (R8's)", app(ymd(2026, 1, 5), ymd(2026, 6, 1), false, "granted", ""), nil},
		{"answered in a year the calendar lacks", app(ymd(2025, 12, 1), ymd(2027, 3, 1), false, "granted", ""), []string{"R9 info "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := ledgerOf(t, mem, domain.KindApplication, tt.row)
			defer rec.Release()
			in := CheckInput{Offices: []OfficeInput{checkOffice(nil, map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {rec}})},
				Columns: columnsOf(domain.KindApplication)}
			got := runChecks(t, domain.DefaultConfig(), in, domain.RuleDeadline)
			if names := wheres(got); !slices.Equal(names, append([]string{}, tt.want...)) {
				t.Errorf("findings %v, want %v", names, tt.want)
				for _, f := range got {
					t.Log(f.Message)
				}
			}
			if tt.name == "answered in a year the calendar lacks" && len(got) == 1 && !strings.Contains(got[0].Message, "[calendar.2027]") {
				t.Errorf("the note should name the year to add: %s", got[0].Message)
			}
		})
	}
}
