package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// writeBook writes sheets of rows (nil cells stay blank) to inbox/rel.
func writeBook(t *testing.T, inbox, rel string, sheets map[string][][]any, order []string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	p := filepath.Join(inbox, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
}

func TestReadFileLedgerRows(t *testing.T) {
	inbox := t.TempDir()
	const rel = "白沙镇/党政办/台账.xlsx"
	writeBook(t, inbox, rel, map[string][][]any{
		"基本信息": {
			{"单位名称", "白沙镇党政办"},
			{"报送年度", "2025年"},
			{"填报日期", "2026年1月5日"},
		},
		"Sheet-x": { // the kind comes from the header, not the sheet name
			{"白沙镇2025年政府信息主动公开台账"},
			{"填报单位：白沙镇党政办"},
			{"序号", "信息 标题", "公开日期", "公开渠道"},
			{1, "关于2025年春耕生产的通知", "2025-03-05", "门户网站"},
			{2, "白沙镇2025年第一季度财政预算执行情况", "2025年4月10日", "政府网站、公开栏"}, // two channels, one row
			{nil, nil, nil, nil},
			{"序号", "信息标题", "公开日期", "公开渠道"},      // repeated header
			{3, "低保资金发放公示", "2025/13/01", "抖音"}, // unreadable date
			{"合计", "3条"},
			{"填表说明：每条信息填一行。"},
		},
	}, []string{"基本信息", "Sheet-x"})

	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	r, err := NewReader(domain.DefaultConfig(), mem)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := r.ReadFile(context.Background(), inbox, rel)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Release()
	if sub.Rejected != "" {
		t.Fatalf("rejected: %s", sub.Rejected)
	}
	if sub.Unit != "白沙镇" || sub.Office != "党政办" || sub.Year != 2025 {
		t.Errorf("identity = %s/%s/%d", sub.Unit, sub.Office, sub.Year)
	}
	if want := day(2026, 1, 5); !sub.FillDate.Equal(want) {
		t.Errorf("fill date = %v", sub.FillDate)
	}
	rec := sub.Records[domain.KindDisclosure]
	if rec == nil || rec.NumRows() != 4 {
		t.Fatalf("disclosure records = %v, want 4 (one row with two channels gives two)", rec)
	}
	schema := rec.Schema()
	col := func(name string) *array.String {
		return rec.Column(schema.FieldIndices(name)[0]).(*array.String)
	}
	rows := rec.Column(schema.FieldIndices(domain.LineageRow)[0]).(*array.Int32)
	wantRows := []int32{4, 5, 5, 8}
	wantChannels := []string{"website", "website", "board", "new_media"}
	for i := range wantRows {
		if rows.Value(i) != wantRows[i] || col(domain.FieldChannel).Value(i) != wantChannels[i] {
			t.Errorf("record %d: row %d channel %s; want row %d channel %s", i, rows.Value(i), col(domain.FieldChannel).Value(i), wantRows[i], wantChannels[i])
		}
		if col(domain.LineageUnit).Value(i) != "白沙镇" || col(domain.LineageFile).Value(i) != rel || col(domain.LineageSheet).Value(i) != "Sheet-x" {
			t.Errorf("record %d lineage wrong", i)
		}
	}
	if got := col(domain.FieldTitle).Value(1); got != "白沙镇2025年第一季度财政预算执行情况" {
		t.Errorf("title = %q", got)
	}
	dates := rec.Column(schema.FieldIndices(domain.FieldDate)[0]).(*array.Date32)
	if dates.IsValid(3) {
		t.Error("an unreadable date must be null, never a guessed day")
	}
	var dateFinding bool
	for _, f := range sub.Findings {
		if f.Rule == domain.RuleCellUnreadable && f.Pos.Sheet == "Sheet-x" && f.Pos.Cell() == "C8" && f.Unit == "白沙镇" {
			dateFinding = true
		} else {
			t.Errorf("unexpected finding %+v", f)
		}
	}
	if !dateFinding {
		t.Error("no finding for the unreadable date at C8")
	}
}

func TestReadFileRejects(t *testing.T) {
	inbox := t.TempDir()
	write := func(rel string, data []byte) {
		if err := os.WriteFile(filepath.Join(inbox, rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("empty.xlsx", nil)
	write("notes.xlsx", []byte("PK\x03\x04 this is no zip"))
	writeBook(t, inbox, "无名.xlsx", map[string][][]any{"台账": {{"信息标题", "公开日期"}, {"某通知", "2025-01-02"}}}, []string{"台账"})
	r, _ := NewReader(domain.DefaultConfig(), nil)
	for _, rel := range []string{"empty.xlsx", "notes.xlsx", "无名.xlsx"} {
		sub, err := r.ReadFile(context.Background(), inbox, rel)
		if err != nil {
			t.Fatal(err)
		}
		if sub.Rejected == "" || len(sub.Findings) == 0 || sub.Findings[len(sub.Findings)-1].Rule != domain.RuleFileRejected {
			t.Errorf("%s: want rejected with an I1 finding, got %q %+v", rel, sub.Rejected, sub.Findings)
		}
		if len(sub.Records) != 0 {
			t.Errorf("%s: a rejected file keeps no records", rel)
		}
	}
}
