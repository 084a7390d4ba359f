package transform

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

func TestMonthlyTrend(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cfg := domain.DefaultConfig()
	const unit = "白沙镇"
	dzb := batch(t, mem, domain.KindDisclosure, "dzb.xlsx", []map[string]any{
		{"unit": unit, "title": "财政预算公开", "date": d(2025, 1, 10), "channel": "website"},
		{"unit": unit, "title": "财政预算公开", "date": d(2025, 1, 10), "channel": "board"}, // same item, another channel
		{"unit": unit, "title": "春耕通知", "date": d(2025, 3, 2)},
		{"unit": unit, "title": "去年的通知", "date": d(2024, 12, 30)}, // outside the year
	})
	defer dzb.Release()
	czs := batch(t, mem, domain.KindDisclosure, "czs.xlsx", []map[string]any{
		{"unit": unit, "title": "财政预算 公开", "date": d(2025, 1, 10)}, // the same item from another office
		{"unit": unit, "title": "防汛安排", "date": d(2025, 12, 31)},
	})
	defer czs.Release()
	apps := batch(t, mem, domain.KindApplication, "sbs.xlsx", []map[string]any{
		{"unit": unit, "received": d(2025, 3, 1), "applicant": "natural", "outcome": "granted", "replied": d(2025, 3, 9)},
		{"unit": unit, "received": d(2025, 3, 20), "applicant": "commercial", "outcome": "pending"},
		{"unit": unit, "received": d(2025, 11, 5), "applicant": "legal", "outcome": "pending"},
		{"unit": unit, "received": d(2024, 12, 20), "applicant": "natural", "outcome": "pending"}, // carried in
		{"unit": unit, "received": d(2025, 6, 1), "applicant": "", "outcome": "pending"},          // no applicant column
	})
	defer apps.Release()

	st, err := Compute(cfg, 2025, []OfficeInput{
		{Unit: unit, Office: "党政办", Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {dzb}}},
		{Unit: unit, Office: "财政所", Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {czs}}},
		{Unit: unit, Office: "社保所", Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {apps}}},
	}, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Release()

	got := st.Monthly.Units[unit]
	if want := (domain.Months{1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1}); got.Items != want {
		t.Errorf("items by month = %v, want %v", got.Items, want)
	}
	if want := (domain.Months{0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0}); got.Applications != want {
		t.Errorf("applications by month = %v, want %v", got.Applications, want)
	}
	m := st.Units[unit]
	if got.Items.Sum() != int(m[domain.MetricActiveItems]) {
		t.Errorf("items over the year = %d, active.items = %v", got.Items.Sum(), m[domain.MetricActiveItems])
	}
	if newApps := m[domain.T3Metric(domain.T3RowNew, domain.ColumnTotal)]; got.Applications.Sum() != int(newApps) {
		t.Errorf("applications over the year = %d, t3.new.total = %v", got.Applications.Sum(), newApps)
	}
	if st.Monthly.County != got {
		t.Errorf("county = %+v, want the one unit's %+v", st.Monthly.County, got)
	}
	for _, u := range cfg.Units {
		if _, ok := st.Monthly.Units[u.Name]; !ok {
			t.Errorf("roster unit %s has no months", u.Name)
		}
	}
}
