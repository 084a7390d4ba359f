package transform

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestReportYear: R8 lists each record the statistics leave out for its
// date, at the date cell: disclosures, appeals and service items dated in
// another year, applications received after the year end (one received
// the year before and still open is carried in, not outside).
func TestReportYear(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, tt := range []struct {
		kind domain.Kind
		rows []map[string]any
		want []string
	}{
		{domain.KindDisclosure, []map[string]any{
			{"title": "a", "date": ymd(2025, 1, 1)}, {"title": "b", "date": ymd(2024, 12, 31)}, {"title": "c", "date": ymd(2026, 1, 1)}, {"title": "d"},
		}, []string{"R8 warning C4", "R8 warning C5"}},
		{domain.KindApplication, []map[string]any{
			{"received": ymd(2024, 12, 20), "applicant": "natural", "outcome": "pending"},
			{"received": ymd(2025, 12, 31), "applicant": "natural", "outcome": "pending"},
			{"received": ymd(2026, 1, 2), "applicant": "natural", "outcome": "pending"},
		}, []string{"R8 warning B5"}},
		{domain.KindAppeal, []map[string]any{
			{"case_type": "review", "result": "upheld", "filed": ymd(2024, 6, 1)}, {"case_type": "review", "result": "upheld"},
		}, []string{"R8 warning C3"}},
		{domain.KindServiceItem, []map[string]any{
			{"item_name": "x", "entered": ymd(2026, 2, 1)}, {"item_name": "y", "entered": ymd(2025, 2, 1)},
		}, []string{"R8 warning C3"}},
	} {
		t.Run(string(tt.kind), func(t *testing.T) {
			rec := ledgerOf(t, mem, tt.kind, tt.rows...)
			defer rec.Release()
			in := CheckInput{Offices: []OfficeInput{checkOffice(nil, map[domain.Kind][]arrow.RecordBatch{tt.kind: {rec}})}, Columns: columnsOf(tt.kind)}
			got := runChecks(t, domain.DefaultConfig(), in, domain.RuleReportYear)
			if names := wheres(got); !slices.Equal(names, tt.want) {
				t.Errorf("findings %v, want %v", names, tt.want)
			}
		})
	}
}
