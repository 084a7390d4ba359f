package output

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestPlacedRowsAmongExcelizes writes a sheet as the summary sheets are
// written — a title line, a table (its header row through excelize), a
// total row, a merged note with its height — and reads the saved workbook
// back: every value, style, height, merge, table and the dimension where
// excelize would have put them.
func TestPlacedRowsAmongExcelizes(t *testing.T) {
	f, st, err := newWorkbook("表", "测试")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := newPlacedSheetWriter(f, st, "表")
	if err := w.line(1, "标题", st.title); err != nil {
		t.Fatal(err)
	}
	started := time.Date(2026, 1, 5, 8, 30, 15, 0, time.FixedZone("CST", 8*3600))
	next, err := w.table(3, table{name: "T", header: []string{"单位", "数量", "时间"},
		rows:  [][]any{{"白沙镇", 3.5, styled{started, st.dateTime}}, {"闸口镇", nil, nil}, {"", 7, nil}},
		total: []any{styled{"合计", st.totalLabel}, styled{10.5, st.totalInt}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.note(next+1, 3, "注：说明。", 30); err != nil {
		t.Fatal(err)
	}
	if err := w.sizeColumns(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := saveWorkbook(f, path, w.rows()); err != nil {
		t.Fatal(err)
	}
	g := openBook(t, path)
	serial, _ := excelSerial(started)
	for ref, want := range map[string]string{
		"A1": "标题", "A3": "单位", "B3": "数量", "C3": "时间",
		"A4": "白沙镇", "B4": "3.5", "C4": strconv.FormatFloat(serial, 'f', -1, 64),
		"A5": "闸口镇", "B5": "", "A6": "", "B6": "7", "A7": "合计", "B7": "10.5", "A9": "注：说明。",
	} {
		if got, err := g.GetCellValue("表", ref, excelize.Options{RawCellValue: true}); err != nil || got != want {
			t.Errorf("%s = %q, %v; want %q", ref, got, err, want)
		}
	}
	for ref, want := range map[string]int{"A1": st.title, "A3": st.header, "C4": st.dateTime, "B4": st.numberStyle(3.5, false),
		"B6": st.integer, "A7": st.totalLabel, "B7": st.totalInt, "A9": st.wrap, "C9": st.wrap, "B5": 0} {
		if got, err := g.GetCellStyle("表", ref); err != nil || got != want {
			t.Errorf("%s style = %d, %v; want %d", ref, got, err, want)
		}
	}
	if h, err := g.GetRowHeight("表", 9); err != nil || h != 30 {
		t.Errorf("note row height = %v, %v; want 30", h, err)
	}
	if m, err := g.GetMergeCells("表"); err != nil || len(m) != 1 || m[0].GetStartAxis() != "A9" || m[0].GetEndAxis() != "C9" {
		t.Errorf("merged = %v, %v; want A9:C9", m, err)
	}
	if tables, err := g.GetTables("表"); err != nil || len(tables) != 1 || tables[0].Range != "A3:C6" {
		t.Errorf("tables = %v, %v; want T over A3:C6", tables, err)
	}
	if dim, err := g.GetSheetDimension("表"); err != nil || dim != "A1:C9" {
		t.Errorf("dimension = %q, %v; want A1:C9", dim, err)
	}
	if wd, err := g.GetColWidth("表", "A"); err != nil || wd != colWidth(max(displayWidth("白沙镇"), displayWidth("单位"))) {
		t.Errorf("column A is %v wide, %v", wd, err)
	}
}

// TestExcelSerialAsExcelize holds excelSerial to what excelize writes for
// a time: with a clock, in a zone, around Excel's 29 February 1900, and
// before the epoch (text).
func TestExcelSerialAsExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for i, tm := range []time.Time{
		time.Date(2026, 11, 27, 10, 41, 45, 123456789, time.UTC),
		time.Date(2026, 1, 5, 8, 30, 15, 0, time.FixedZone("CST", 8*3600)),
		time.Date(1900, 2, 28, 23, 59, 59, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
	} {
		ref := "A" + strconv.Itoa(i+1)
		if err := f.SetCellValue("Sheet1", ref, tm); err != nil {
			t.Fatal(err)
		}
		want, _ := f.GetCellValue("Sheet1", ref, excelize.Options{RawCellValue: true})
		got := tm.Format(time.RFC3339Nano)
		if serial, ok := excelSerial(tm); ok {
			got = strconv.FormatFloat(serial, 'f', -1, 64)
		}
		if got != want {
			t.Errorf("%v: %s, excelize writes %s", tm, got, want)
		}
	}
}

// TestMergeRowsKeepsOrder puts placed rows before, between and after
// excelize's, and refuses a row written by both.
func TestMergeRowsKeepsOrder(t *testing.T) {
	written := []byte(`<row r="3" spans="1:2"><c r="A3" t="s"><v>0</v></c></row><row r="5"/>`)
	placed := []numberedRow{{1, []byte(`<row r="1"/>`)}, {4, []byte(`<row r="4"/>`)}, {9, []byte(`<row r="9"/>`)}}
	got, last, err := mergeRows(nil, written, placed)
	want := `<row r="1"/><row r="3" spans="1:2"><c r="A3" t="s"><v>0</v></c></row><row r="4"/><row r="5"/><row r="9"/>`
	if err != nil || string(got) != want || last != 9 {
		t.Errorf("merged = %s, last %d, %v; want %s, 9", got, last, err, want)
	}
	if _, _, err := mergeRows(nil, written, []numberedRow{{5, []byte(`<row r="5"/>`)}}); err == nil {
		t.Error("a row written twice was merged")
	}
}
