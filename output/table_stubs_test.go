package output

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTablesSetAside adds tables through both of excelize's ways while the
// earlier parts are stubs: each is numbered after the last, a name taken is
// still refused, and the saved workbook has every table whole (header
// names, range, style) — the parts excelize wrote, put back.
func TestTablesSetAside(t *testing.T) {
	f, st, err := newWorkbook("表一", "测试")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []deferredRows
	for i, sheet := range []string{"表一", "表二"} {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		w := newSheetWriter(f, st, sheet)
		if _, err := w.table(1, table{name: fmt.Sprintf("Plain%d", i+1), header: []string{"单位", "数量"},
			rows: [][]any{{"白沙镇", 3}}}); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, w.rows())
		// Stubbed at once, before the next table is added.
		part := fmt.Sprintf("xl/tables/table%d.xml", i+1)
		if stub, ok := f.Pkg.Load(part); !ok || bytes.Contains(stub.([]byte), []byte("tableColumn")) {
			t.Errorf("%s after its table was added: not a stub", part)
		}
	}
	if _, err := f.NewSheet("明细"); err != nil {
		t.Fatal(err)
	}
	detailHeader := []string{"标题 & <说明>", "日期\"", "科室"}
	detail, err := addTableSheet(f, st, tableFrame{sheet: "明细", table: "Detail", header: detailHeader,
		widths: []float64{20, 12, 12}, rows: 2, headerHeight: 30})
	if err != nil {
		t.Fatal(err)
	}
	rows = append(rows, detail)
	// Its columns named as excelize names them from a header row it wrote.
	aside, _ := f.Pkg.Load(tablesAside + "3.xml")
	if got, want := tableColumnsOf(t, aside.([]byte)), tableColumnsOf(t, excelizeTable(t, "明细", "A1:C3", detailHeader)); got != want {
		t.Errorf("table columns\n%s\nwant, as excelize names them,\n%s", got, want)
	}
	var parts []string
	f.Pkg.Range(func(k, v any) bool {
		parts = append(parts, k.(string))
		return true
	})
	slices.Sort(parts)
	for i, want := range []string{"xl/tables/table1.xml", "xl/tables/table2.xml", "xl/tables/table3.xml"} {
		if !slices.Contains(parts, want) {
			t.Errorf("no %s among %v", want, parts)
			continue
		}
		// While the workbook is built: a stub of id and name, the part aside.
		stub, _ := f.Pkg.Load(want)
		if got := string(stub.([]byte)); !strings.HasPrefix(got, fmt.Sprintf(`<table id="%d" name=`, i+1)) || strings.Contains(got, "tableColumn") {
			t.Errorf("%s while building: %.80s, want a stub", want, got)
		}
		if aside, ok := f.Pkg.Load(tablesAside + fmt.Sprintf("%d.xml", i+1)); !ok || !bytes.Contains(aside.([]byte), []byte("<tableColumn ")) {
			t.Errorf("%s not set aside whole", want)
		}
	}
	w := newSheetWriter(f, st, "表二")
	if _, err := w.table(5, table{name: "Plain1", header: []string{"甲"}, rows: [][]any{{1}}}); !errors.Is(err, excelize.ErrExistsTableName) {
		t.Errorf("a second table Plain1: %v, want %v", err, excelize.ErrExistsTableName)
	}

	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := saveWorkbook(f, path, rows...); err != nil {
		t.Fatal(err)
	}
	g := openBook(t, path)
	type got struct{ sheet, name, ref, style string }
	var tables []got
	for _, sheet := range g.GetSheetList() {
		ts, err := g.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range ts {
			tables = append(tables, got{sheet, tb.Name, tb.Range, tb.StyleName})
		}
	}
	want := []got{{"表一", "Plain1", "A1:B2", tableStyle}, {"表二", "Plain2", "A1:B2", tableStyle}, {"明细", "Detail", "A1:C3", tableStyle}}
	if !slices.Equal(tables, want) {
		t.Errorf("tables %v, want %v", tables, want)
	}
	for ref, want := range map[string]string{"A1": "单位", "B1": "数量"} {
		if v, _ := g.GetCellValue("表二", ref); v != want {
			t.Errorf("表二!%s = %q, want %q", ref, v, want)
		}
	}
	if got, _ := g.GetRows("明细"); len(got) != 1 || !slices.Equal(got[0], detailHeader) {
		t.Errorf("明细: rows %q, want the header %q alone", got, detailHeader)
	}
	if ht, _ := g.GetRowHeight("明细", 1); ht != 30 {
		t.Errorf("明细: header row %v high, want 30", ht)
	}
	if style, _ := g.GetCellStyle("明细", "B1"); style != st.header {
		t.Errorf("明细!B1: style %d, want the header's %d", style, st.header)
	}
	for _, name := range []string{"xl/tables/table1.xml", "xl/tables/table3.xml"} {
		if data, ok := g.Pkg.Load(name); !ok || !bytes.Contains(data.([]byte), []byte("<tableColumn ")) {
			t.Errorf("%s saved without its columns", name)
		}
	}
	g.Pkg.Range(func(k, _ any) bool {
		if name := k.(string); strings.HasPrefix(name, tablesAside) {
			t.Errorf("%s saved", name)
		}
		return true
	})
}

// excelizeTable is the table part excelize's stream writer adds over a
// header row it writes itself.
func excelizeTable(t *testing.T, sheet, ref string, header []string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	show := true
	if err := sw.SetRow("A1", cells); err != nil {
		t.Fatal(err)
	}
	if err := sw.AddTable(&excelize.Table{Range: ref, Name: "T", StyleName: tableStyle, ShowRowStripes: &show}); err != nil {
		t.Fatal(err)
	}
	part, ok := f.Pkg.Load("xl/tables/table1.xml")
	if !ok {
		t.Fatal("excelize wrote no table part")
	}
	return part.([]byte)
}

// tableColumnsOf is a table part's <tableColumns> element.
func tableColumnsOf(t *testing.T, part []byte) string {
	t.Helper()
	from, to := bytes.Index(part, []byte("<tableColumns")), bytes.Index(part, []byte("</tableColumns>"))
	if from < 0 || to < from {
		t.Fatalf("no tableColumns in %s", part)
	}
	return string(part[from : to+len("</tableColumns>")])
}

// TestFillFirstRow: the header's cells go into row 1 as excelize wrote it,
// empty, and a part whose first row is not that is refused.
func TestFillFirstRow(t *testing.T) {
	head := `<worksheet><sheetData><row r="1" ht="30" customHeight="1"></row>`
	got, err := fillFirstRow([]byte(head), []byte(`<c t="inlineStr"><is><t>单位</t></is></c>`))
	if want := `<worksheet><sheetData><row r="1" ht="30" customHeight="1"><c t="inlineStr"><is><t>单位</t></is></c></row>`; err != nil || string(got) != want {
		t.Errorf("got %s (%v), want %s", got, err, want)
	}
	for _, bad := range []string{
		`<worksheet><sheetData></sheetData>`,
		`<worksheet><sheetData><row r="2"></row>`,
		`<worksheet><sheetData><row r="1"><c r="A1"/></row>`,
		`<worksheet><sheetData><row r="1"/>`,
		`<worksheet><row r="1"></row>`,
	} {
		if got, err := fillFirstRow([]byte(bad), []byte(`<c/>`)); err == nil {
			t.Errorf("%s: filled as %s", bad, got)
		}
	}
}

// TestColumnNamesAsCellText: a column is named with its header cell's
// text, an Excel escape in it (_x0041_) escaped as the cell's is, so that
// Excel reads the two alike; markup is escaped as excelize escapes an
// attribute.
func TestColumnNamesAsCellText(t *testing.T) {
	part := []byte(`<table><tableColumns count="2"><tableColumn id="1" name=""></tableColumn><tableColumn id="2" name=""></tableColumn></tableColumns></table>`)
	got, err := withColumnNames(part, []string{"代码_x0041_", "a&b<\"c\">\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<table><tableColumns count="2"><tableColumn id="1" name="代码_x005F_x0041_"></tableColumn><tableColumn id="2" name="a&amp;b&lt;&#34;c&#34;&gt;&#xA;"></tableColumn></tableColumns></table>`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := withColumnNames(part, []string{"a", "b", "c"}); err == nil {
		t.Error("a third column named in a table of two")
	}
}

// TestUniqueHeaders: a repeated label is numbered, repeats told apart
// regardless of case as Excel tells table columns apart.
func TestUniqueHeaders(t *testing.T) {
	got := uniqueHeaders([]string{"APP", "单位", "App", "单位", "app", "App2"})
	want := []string{"APP", "单位", "App2", "单位2", "app3", "App22"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTableSheetHeadersUnique: a table sheet's header is made unique
// whatever its caller gave, in the columns' names and in the cells alike.
func TestTableSheetHeadersUnique(t *testing.T) {
	f, st, err := newWorkbook("表", "测试")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := addTableSheet(f, st, tableFrame{sheet: "表", table: "T", header: []string{"APP", "App"}, widths: []float64{8, 8}})
	if err != nil {
		t.Fatal(err)
	}
	part, _ := f.Pkg.Load(tablesAside + "1.xml")
	if cols := tableColumnsOf(t, part.([]byte)); !strings.Contains(cols, `name="APP"`) || !strings.Contains(cols, `name="App2"`) {
		t.Errorf("columns %s, want APP and App2", cols)
	}
	if !bytes.Contains(d.header, []byte(">App2<")) || d.sheet != "表" || d.cols != 2 {
		t.Errorf("header cells %s of %s, %d columns; want App2 among them, of 表, 2", d.header, d.sheet, d.cols)
	}
}
