package ingest

import (
	"context"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// bookRel is where readBook puts its workbook in the inbox.
const bookRel = "白沙镇/党政办/台账.xlsx"

// readBook writes one workbook and reads it back, checking at the end that
// the records let go of all their memory.
func readBook(t *testing.T, sheets map[string][][]any, order []string) *Submission {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) }) // after the submission's release below
	return readBookWith(t, mem, sheets, order)
}

// readBookWith is readBook with the reader's allocator mem.
func readBookWith(t *testing.T, mem memory.Allocator, sheets map[string][][]any, order []string) *Submission {
	t.Helper()
	inbox := t.TempDir()
	writeBook(t, inbox, bookRel, sheets, order)
	r, err := NewReader(domain.DefaultConfig(), mem)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := r.ReadFile(context.Background(), inbox, bookRel)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sub.Release)
	return sub
}

// TestSubtotalRows: 小计 and 合计 rows are kept with their figures (a
// count in any column, an amount in 元 in the amount column, 万元 scaled),
// the record rows each closes, and the column of each field.
func TestSubtotalRows(t *testing.T) {
	sub := readBook(t, map[string][][]any{
		"主动": {
			{"序号", "信息标题", "公开日期"},
			{1, "通知一", "2025-03-05"},
			{2, "通知二", "2025-03-06"},
			{"小计", "共2条"},
			{3, "通知三", "2025-04-01"},
			{"小计：1条"},
			{"合计", "共3条", "2025-12-31"}, // a date in a date column is no figure
		},
		"申请": {
			{"申请编号", "收到日期", "申请人类型", "收费金额（万元）", "办理结果"},
			{"A-1", "2025-03-01", "个人", 0.001, "予以公开"},
			{"A-2", "2025-03-02", "个人", "15元", "予以公开"},
			{"合计", nil, "2件", 0.0025, nil},
		},
	}, []string{"主动", "申请"})

	if len(sub.Subtotals) != 4 {
		t.Fatalf("%d subtotal rows, want 4: %+v", len(sub.Subtotals), sub.Subtotals)
	}
	want := []struct {
		kind    domain.Kind
		row     int
		rows    []int
		figures []domain.SubtotalFigure
	}{
		{domain.KindDisclosure, 4, []int{2, 3}, []domain.SubtotalFigure{{Field: domain.FieldTitle, Col: 2, Value: 2, Text: "共2条"}}},
		{domain.KindDisclosure, 6, []int{5}, []domain.SubtotalFigure{{Field: domain.FieldSeq, Col: 1, Value: 1, Text: "小计：1条"}}},
		{domain.KindDisclosure, 7, []int{2, 3, 5}, []domain.SubtotalFigure{{Field: domain.FieldTitle, Col: 2, Value: 3, Text: "共3条"}}},
		{domain.KindApplication, 4, []int{2, 3}, []domain.SubtotalFigure{
			{Field: domain.FieldApplicant, Col: 3, Value: 2, Text: "2件"},
			{Field: domain.FieldFee, Col: 4, Value: 25, Text: "0.0025"},
		}},
	}
	for i, w := range want {
		got := sub.Subtotals[i]
		if got.Kind != w.kind || got.Pos.Row != w.row || !slices.Equal(got.Rows, w.rows) {
			t.Errorf("subtotal %d: %s row %d closing %v; want %s row %d closing %v", i, got.Kind, got.Pos.Row, got.Rows, w.kind, w.row, w.rows)
		}
		if len(got.Figures) != len(w.figures) {
			t.Errorf("subtotal %d figures %+v, want %+v", i, got.Figures, w.figures)
			continue
		}
		for j, f := range w.figures {
			g := got.Figures[j]
			if g.Field != f.Field || g.Col != f.Col || g.Text != f.Text || g.Value < f.Value-1e-9 || g.Value > f.Value+1e-9 {
				t.Errorf("subtotal %d figure %d = %+v, want %+v", i, j, g, f)
			}
		}
	}
	for _, sh := range sub.Sheets {
		if sh.Kind == domain.KindApplication && sh.Cols[domain.FieldFee] != 4 {
			t.Errorf("application columns %v: 收费金额 should be column 4", sh.Cols)
		}
	}
}

// TestParseAmount: a unit in the cell wins over the header's.
func TestParseAmount(t *testing.T) {
	for _, tt := range []struct {
		text      string
		headerWan bool
		want      float64
	}{
		{"12.5", false, 12.5},
		{"12.5", true, 125000},
		{"1.2万元", false, 12000},
		{"150元", true, 150},
		{"0", true, 0},
		{"-10", false, -10},
	} {
		got, err := ParseAmount(tt.text, tt.headerWan)
		if err != nil || got != tt.want {
			t.Errorf("ParseAmount(%q, %v) = %v, %v; want %v", tt.text, tt.headerWan, got, err, tt.want)
		}
	}
}
