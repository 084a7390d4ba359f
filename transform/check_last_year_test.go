package transform

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestLastYear: R10 compares this year's 上年结转 (from the ledger) with
// last year's 结转下年度, column by column, at the summary cell; R11 warns
// when 现行有效件数 grew more than issued less repealed allow and only notes
// a decrease; without last year's figures both say so once.
func TestLastYear(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	apps := ledgerOf(t, mem, domain.KindApplication,
		map[string]any{"received": ymd(2024, 12, 20), "applicant": "natural", "replied": ymd(2025, 1, 8), "outcome": "granted"},
	)
	defer apps.Release()
	vals := t3Full()
	vals["t3.new.natural"], vals["t3.new.total"] = 0, 0
	vals["t3.carried_in.natural"], vals["t3.carried_in.total"] = 1, 1
	vals["t2.normative_docs.issued"], vals["t2.normative_docs.repealed"], vals["t2.normative_docs.in_force"] = 2, 1, 6
	o := checkOffice(selfReport(vals), map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {apps}})
	last := func(carried, inForce float64) *domain.YearFigures {
		return &domain.YearFigures{Year: 2024, Units: map[string]domain.UnitFigures{"白沙镇": {Offices: map[string]domain.Metrics{"党政办": {
			"t3.carried_out.natural": carried, "t3.carried_out.total": carried, "t3.carried_out.legal": 0, "t2.normative_docs.in_force": inForce,
		}}}}}
	}
	rules := []string{domain.RuleCarryOver, domain.RuleInForce}
	for _, tt := range []struct {
		name string
		last *domain.YearFigures
		want []string
	}{
		{"consistent", last(1, 5), nil},
		{"no last year", nil, []string{"R10 info ", "R11 info "}},
		{"carried out two", last(2, 5), []string{"R10 error " + cellOf("t3.carried_in.natural"), "R10 error " + cellOf("t3.carried_in.total")}},
		{"in force jumps", last(1, 2), []string{"R11 warning " + cellOf("t2.normative_docs.in_force")}},
		{"in force drops: documents lapse", last(1, 8), []string{"R11 info " + cellOf("t2.normative_docs.in_force")}},
		{"unit not in last year's figures", &domain.YearFigures{Year: 2024, Units: map[string]domain.UnitFigures{}}, []string{"R10 info "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{Offices: []OfficeInput{o}, LastYear: tt.last}
			got := wheres(runChecks(t, domain.DefaultConfig(), in, rules...))
			if !slices.Equal(got, append([]string{}, tt.want...)) {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
		})
	}
}
