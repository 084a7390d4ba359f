package transform

import (
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// batch builds a record batch of kind k read from file (sheet 台账) from
// rows of field name → value (string, time.Time or float64; absent =
// blank/null).
func batch(t *testing.T, mem memory.Allocator, k domain.Kind, file string, rows []map[string]any) arrow.RecordBatch {
	t.Helper()
	return buildBatch(t, mem, k, map[string]any{domain.LineageFile: file, domain.LineageSheet: "台账"}, rows)
}

func d(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }

func TestApplicationsAgainstTheReportYear(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cfg := domain.DefaultConfig()
	apps := batch(t, mem, domain.KindApplication, "a.xlsx", []map[string]any{
		{"received": d(2025, 3, 1), "applicant": "natural", "replied": d(2025, 3, 20), "outcome": "granted", "fee_yuan": 10.0},
		{"received": d(2024, 12, 20), "applicant": "commercial", "replied": d(2025, 1, 10), "outcome": "unable.not_held"}, // carried in, answered
		{"received": d(2024, 12, 28), "applicant": "legal", "outcome": "pending"},                                         // carried in and out
		{"received": d(2025, 12, 25), "applicant": "natural", "replied": d(2026, 1, 15), "outcome": "partial"},            // answered next year
		{"received": d(2025, 12, 30), "applicant": "welfare", "outcome": "pending"},                                       // carried out
		{"received": d(2024, 5, 1), "applicant": "natural", "replied": d(2024, 5, 20), "outcome": "granted"},              // closed last year
		{"received": d(2026, 1, 3), "applicant": "natural", "outcome": "pending"},                                         // after the year
		{"applicant": "natural", "outcome": "pending"},                                                                    // no receipt date
		{"received": d(2025, 6, 1), "applicant": "", "replied": d(2025, 6, 5), "outcome": "granted"},                      // unknown applicant type
	})
	defer apps.Release()
	st, err := Compute(cfg, 2025, []OfficeInput{{Unit: "白沙镇", Office: "党政办",
		Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {apps}}}}, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Release()
	m := st.Units["白沙镇"]
	want := map[string]float64{
		"t3.new.total": 3, "t3.new.natural": 2, "t3.new.welfare": 1,
		"t3.carried_in.total": 2, "t3.carried_in.commercial": 1, "t3.carried_in.legal": 1,
		"t3.granted.natural": 1, "t3.unable.not_held.commercial": 1, "t3.total.total": 2,
		"t3.carried_out.total": 3, "t3.carried_out.legal": 1, "t3.carried_out.natural": 1, "t3.carried_out.welfare": 1,
		"t3.partial.total": 0, "fees.yuan": 10,
	}
	for id, w := range want {
		if m[id] != w {
			t.Errorf("%s = %v, want %v", id, m[id], w)
		}
	}
	// R1 holds: new + carried_in = total + carried_out.
	if m["t3.new.total"]+m["t3.carried_in.total"] != m["t3.total.total"]+m["t3.carried_out.total"] {
		t.Error("一+二 ≠ 三（七）+四")
	}
	tally := st.Tally["a.xlsx"]
	if tally.Read != 9 || tally.Counted != 6 || tally.Dropped[domain.DropClosedBefore] != 1 ||
		tally.Dropped[domain.DropOutsideYear] != 1 || tally.Dropped[domain.DropNoDate] != 1 || !tally.Balanced() {
		t.Errorf("tally %+v", tally)
	}
	if n := st.Counted[domain.KindApplication][0].NumRows(); n != 6 {
		t.Errorf("%d counted records kept, want 6", n)
	}
}

func TestItemsCountOncePerUnitAndOncePerChannel(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cfg := domain.DefaultConfig()
	a := batch(t, mem, domain.KindDisclosure, "a.xlsx", []map[string]any{
		{"title": "关于春耕的通知", "date": d(2025, 3, 5), "channel": "website", "category": "news"},
		{"title": "关于春耕的通知", "date": d(2025, 3, 5), "channel": "board", "category": "news"}, // same item, second channel
		{"title": "2025年第一季度财政预算执行情况", "date": d(2025, 4, 1), "channel": "website", "category": "finance"},
		{"title": "2025年第二季度财政预算执行情况", "date": d(2025, 4, 1), "channel": "website", "category": "finance"}, // a look-alike, not the same
		{"title": "去年的公告", "date": d(2024, 12, 1), "channel": "website"},
		{"title": "无渠道的公告", "date": d(2025, 5, 1), "channel": "unspecified"},
	})
	b := batch(t, mem, domain.KindDisclosure, "b.xlsx", []map[string]any{
		{"title": "关于 春耕的通知", "date": d(2025, 3, 5), "channel": "new_media"}, // the same item from another office
	})
	defer a.Release()
	defer b.Release()
	st, err := Compute(cfg, 2025, []OfficeInput{
		{Unit: "白沙镇", Office: "党政办", Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {a}}},
		{Unit: "白沙镇", Office: "财政所", Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {b}}},
	}, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Release()
	m := st.Units["白沙镇"]
	want := map[string]float64{
		"active.items": 4, "active.channel.website": 3, "active.channel.board": 1, "active.channel.new_media": 1,
		"active.channel.unspecified": 1, "active.category.news": 1, "active.category.finance": 2,
	}
	for id, w := range want {
		if m[id] != w {
			t.Errorf("%s = %v, want %v", id, m[id], w)
		}
	}
	if st.County["active.items"] != 4 {
		t.Errorf("county items = %v", st.County["active.items"])
	}
	if got := st.Units["廉州镇"]["active.items"]; got != 0 {
		t.Errorf("a unit with no input has %v items", got)
	}
	if ta := st.Tally["a.xlsx"]; ta.Dropped[domain.DropOutsideYear] != 1 || !ta.Balanced() {
		t.Errorf("tally %+v", ta)
	}
}

func TestSourceRule(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	empty := batch(t, mem, domain.KindApplication, "a.xlsx", nil)
	defer empty.Release()
	summary := &domain.SelfReport{Values: domain.Metrics{"t3.new.total": 5, "t3.new.natural": 5, "t2.regulations.issued": 2, "t4.review.upheld": 1, "t4.review.total": 1}}
	offices := []OfficeInput{
		// sent an empty application ledger and a summary: 表三 from the ledger (0), 表四 and 表二 from the summary
		{Unit: "白沙镇", Office: "党政办", Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {empty}}, Summary: summary},
	}
	for _, tt := range []struct {
		source     string
		newTotal   float64
		reviewTot  float64
		regulation float64
	}{{domain.SourceLedger, 0, 1, 2}, {domain.SourceSummary, 5, 1, 2}} {
		cfg := domain.DefaultConfig()
		cfg.Rules.ReportSource = tt.source
		st, err := Compute(cfg, 2025, offices, mem)
		if err != nil {
			t.Fatal(err)
		}
		m := st.Units["白沙镇"]
		if m["t3.new.total"] != tt.newTotal || m["t4.review.total"] != tt.reviewTot || m["t2.regulations.issued"] != tt.regulation {
			t.Errorf("%s: new %v review %v regulations %v", tt.source, m["t3.new.total"], m["t4.review.total"], m["t2.regulations.issued"])
		}
		st.Release()
	}
}
