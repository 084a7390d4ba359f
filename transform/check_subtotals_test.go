package transform

import (
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestSubtotals: R7 compares a count written in a 合计 row with the record
// rows it closes (a row published on two channels is one row), and an
// amount with the sum of the amount column (in 元, whatever unit the
// sheet wrote: ingest scaled both).
func TestSubtotals(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	apps := ledgerOf(t, mem, domain.KindApplication,
		map[string]any{"received": ymd(2025, 3, 3), "applicant": "natural", "replied": ymd(2025, 3, 10), "outcome": "granted", "fee_yuan": 10.0},
		map[string]any{"received": ymd(2025, 4, 1), "applicant": "natural", "replied": ymd(2025, 4, 8), "outcome": "granted", "fee_yuan": 25.5},
		map[string]any{"received": ymd(2025, 5, 1), "applicant": "natural", "replied": ymd(2025, 5, 8), "outcome": "granted"},
	)
	defer apps.Release()
	o := checkOffice(nil, map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {apps}})
	sub := func(row int, rows []int, figs ...domain.SubtotalFigure) domain.SubtotalRow {
		return domain.SubtotalRow{Kind: domain.KindApplication, Pos: domain.Pos{File: testFile, Sheet: testSheet, Row: row}, Label: "合计", Rows: rows, Figures: figs}
	}
	count := func(v float64) domain.SubtotalFigure {
		return domain.SubtotalFigure{Field: domain.FieldContent, Col: 4, Value: v, Text: "共" + fmtFigure(v) + "件"}
	}
	fee := func(v float64) domain.SubtotalFigure {
		return domain.SubtotalFigure{Field: domain.FieldFee, Col: 7, Value: v, Text: fmtFigure(v)}
	}
	for _, tt := range []struct {
		name string
		row  domain.SubtotalRow
		want []string
	}{
		{"right", sub(6, []int{3, 4, 5}, count(3), fee(35.5)), nil},
		{"count wrong", sub(6, []int{3, 4, 5}, count(4), fee(35.5)), []string{"R7 error D6"}},
		{"fee wrong", sub(6, []int{3, 4, 5}, count(3), fee(35)), []string{"R7 error G6"}},
		{"小计 of two rows", sub(5, []int{3, 4}, count(2), fee(35.5)), nil},
		{"nothing above", sub(3, nil, count(1)), []string{"R7 error D3"}},
		{"a figure in a column no field names is a count", sub(6, []int{3, 4, 5}, domain.SubtotalFigure{Col: 12, Value: 3, Text: "3"}), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{Offices: []OfficeInput{o}, Subtotals: map[OfficeKey][]domain.SubtotalRow{{"白沙镇", "党政办"}: {tt.row}}}
			got := wheres(runChecks(t, domain.DefaultConfig(), in, domain.RuleSubtotal))
			if !slices.Equal(got, append([]string{}, tt.want...)) {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
		})
	}

	disc := ledgerOf(t, mem, domain.KindDisclosure,
		map[string]any{"title": "通知", "date": ymd(2025, 3, 5), "channel": "website"},
		map[string]any{"title": "公告", "date": ymd(2025, 3, 6), "channel": "board"},
	)
	defer disc.Release()
	o = checkOffice(nil, map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {disc}})
	st := domain.SubtotalRow{Kind: domain.KindDisclosure, Pos: domain.Pos{File: testFile, Sheet: testSheet, Row: 5}, Label: "合计", Rows: []int{3, 4},
		Figures: []domain.SubtotalFigure{{Field: domain.FieldTitle, Col: 2, Value: 3, Text: "共3条"}}}
	in := CheckInput{Offices: []OfficeInput{o}, Subtotals: map[OfficeKey][]domain.SubtotalRow{{"白沙镇", "党政办"}: {st}}}
	got := runChecks(t, domain.DefaultConfig(), in, domain.RuleSubtotal)
	if len(got) != 1 || where(got[0]) != "R7 error B5" || *got[0].Expected != 2 || *got[0].Actual != 3 {
		t.Errorf("disclosure 合计: %v", got)
	}
}
