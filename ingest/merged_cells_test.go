package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

func TestTwoRowMergedHeaderAndCategoryMergedDown(t *testing.T) {
	inbox := t.TempDir()
	f := excelize.NewFile()
	const sh = "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(a, b string) {
		if err := f.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "白沙镇2025年政府信息主动公开台账")
	merge("A1", "E1")
	set("A2", "序号")
	merge("A2", "A3") // a label merged down over both header rows
	set("B2", "基本情况")
	merge("B2", "C2")
	set("B3", "信息名称")
	set("C3", "发布时间")
	set("D2", "公开方式")
	merge("D2", "E2")
	set("D3", "栏目")
	set("E3", "公开载体")
	rows := [][]any{
		{1, "春耕通知", "2025-03-01", "工作动态", "网站"},
		{2, "夏收通知", "2025-06-01", nil, "公示栏"},
		{3, "秋播通知", "2025-09-01", nil, "抖音"},
		{4, "预算公开", "2025-02-01", "财政预决算", "网站"},
	}
	for i, r := range rows {
		for c, v := range r {
			if v != nil {
				cell, _ := excelize.CoordinatesToCellName(c+1, i+4)
				set(cell, v)
			}
		}
	}
	merge("D4", "D6") // 工作动态 covers rows 4–6
	if err := f.SaveAs(filepath.Join(inbox, "白沙镇-党政办.xlsx")); err != nil {
		t.Fatal(err)
	}
	f.Close()

	r, _ := NewReader(domain.DefaultConfig(), nil)
	sub, err := r.ReadFile(context.Background(), inbox, "白沙镇-党政办.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Release()
	if len(sub.Sheets) != 1 || sub.Sheets[0].Kind != domain.KindDisclosure || sub.Sheets[0].HeaderRow != 3 {
		t.Fatalf("sheets %+v, want one disclosure ledger with its header ending on row 3", sub.Sheets)
	}
	rec := sub.Records[domain.KindDisclosure]
	if rec.NumRows() != 4 {
		t.Fatalf("%d records, want 4", rec.NumRows())
	}
	cat := rec.Column(rec.Schema().FieldIndices(domain.FieldCategory)[0]).(*array.String)
	ch := rec.Column(rec.Schema().FieldIndices(domain.FieldChannel)[0]).(*array.String)
	wantCat := []string{"news", "news", "news", "finance"}
	wantCh := []string{"website", "board", "new_media", "website"}
	for i := range wantCat {
		if cat.Value(i) != wantCat[i] || ch.Value(i) != wantCh[i] {
			t.Errorf("record %d: category %q channel %q; want %q %q", i, cat.Value(i), ch.Value(i), wantCat[i], wantCh[i])
		}
	}
	if len(sub.Findings) != 0 {
		t.Errorf("findings %+v", sub.Findings)
	}
}
