package output

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// Rows of the tables when drawn from row 1 (see the layout in official_tables.go).
const (
	testT3Top   = 17 // 表二 takes rows 1–15, then one blank row
	testT3Body  = testT3Top + 4
	testT4Top   = 47
	testNextRow = 53
)

// absentMetrics are left out of the test metrics: their cells must be blank.
var absentMetrics = []string{
	"t2.regulations.repealed", "t2.coercion.decisions",
	"t3.new.total", "t3.denied.process.legal", "t3.carried_out.natural",
	"t4.review.total", "t4.suit_after.pending",
}

// testMetrics gives every metric id a distinct value, except absentMetrics.
func testMetrics() domain.Metrics {
	m := domain.Metrics{}
	for i, id := range domain.MetricIDs(nil) {
		m[id] = float64(i + 1)
	}
	m[amountMetric] = 1.5
	for _, id := range absentMetrics {
		delete(m, id)
	}
	return m
}

// drawnFile draws the three tables, saves and reopens the workbook.
func drawnFile(t *testing.T, m domain.Metrics) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	next, err := DrawOfficialTables(f, "Sheet1", 1, m)
	if err != nil {
		t.Fatal(err)
	}
	if next != testNextRow {
		t.Errorf("next free row = %d, want %d", next, testNextRow)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

// cellChecker reads cells of one sheet and reports mismatches.
type cellChecker struct {
	t *testing.T
	f *excelize.File
	m domain.Metrics
}

func (c cellChecker) raw(col, row int) string {
	c.t.Helper()
	ref, _ := excelize.CoordinatesToCellName(col, row)
	v, err := c.f.GetCellValue("Sheet1", ref, excelize.Options{RawCellValue: true})
	if err != nil {
		c.t.Fatal(err)
	}
	return v
}

func (c cellChecker) text(col, row int, want string) {
	c.t.Helper()
	if got := c.raw(col, row); got != want {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		c.t.Errorf("%s = %q, want %q", ref, got, want)
	}
}

// metric checks that the cell holds metric id, or is blank when absent.
func (c cellChecker) metric(col, row int, id string) {
	c.t.Helper()
	want := ""
	if v, ok := c.m[id]; ok {
		want = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if got := c.raw(col, row); got != want {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		c.t.Errorf("%s (%s) = %q, want %q", ref, id, got, want)
	}
}

func TestOfficialTablesLabelsAndValues(t *testing.T) {
	m := testMetrics()
	f := drawnFile(t, m)
	c := cellChecker{t, f, m}

	// 表二
	c.text(1, 1, domain.T2Title)
	r := 2
	for bi, b := range domain.T2Blocks {
		c.text(1, r, b.Caption)
		c.text(1, r+1, domain.T2ContentLabel)
		for i, lab := range b.Columns {
			c.text(2+i, r+1, lab)
		}
		r += 2
		for _, row := range domain.T2Rows {
			if row.Block != bi {
				continue
			}
			c.text(1, r, row.Label)
			for i, id := range row.Metrics {
				c.metric(2+i, r, id)
			}
			r++
		}
	}
	if r+1 != testT3Top {
		t.Errorf("表二 ends at row %d, want %d", r-1, testT3Top-2)
	}

	// 表三
	c.text(1, testT3Top, domain.T3Title)
	c.text(1, testT3Top+1, domain.T3BalanceNote)
	c.text(4, testT3Top+1, domain.T3Caption)
	c.text(4, testT3Top+2, "自然人")
	c.text(5, testT3Top+2, domain.T3OrgCaption)
	c.text(10, testT3Top+2, "总计")
	for i, lab := range []string{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"} {
		c.text(5+i, testT3Top+3, lab)
	}
	c.text(1, testT3Body+2, domain.T3ResultsCaption)
	for i, row := range domain.T3Rows {
		r := testT3Body + i
		switch {
		case row.Group != "":
			c.text(3, r, row.Label)
		case row.ID == "new", row.ID == "carried_in", row.ID == "carried_out":
			c.text(1, r, row.Label)
		default:
			c.text(2, r, row.Label)
		}
		for j, col := range domain.T3Columns {
			c.metric(4+j, r, domain.T3Metric(row.ID, col.ID))
		}
	}
	c.text(2, testT3Body+4, "（三）不予公开")
	c.text(3, testT3Body+4, "1.属于国家秘密")
	c.text(2, testT3Body+3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
	c.text(2, testT3Body+23, "（七）总计")
	c.text(1, testT3Body+24, "四、结转下年度继续办理")

	// 表四
	c.text(1, testT4Top, domain.T4Title)
	c.text(1, testT4Top+1, "行政复议")
	c.text(6, testT4Top+1, "行政诉讼")
	c.text(6, testT4Top+2, "未经复议直接起诉")
	c.text(11, testT4Top+2, "复议后起诉")
	for b, block := range domain.T4Blocks {
		for k, res := range domain.T4Results {
			c.text(1+b*5+k, testT4Top+3, res.Label)
			c.metric(1+b*5+k, testT4Top+4, domain.T4Metric(block.ID, res.ID))
		}
	}

	// Absent metrics are blank, never 0.
	for _, cell := range []string{"C4", "B12", "J21", "E51", "N51"} {
		if v, _ := f.GetCellValue("Sheet1", cell); v != "" {
			t.Errorf("%s = %q, want blank (absent metric)", cell, v)
		}
	}
	// The amount shows two decimals.
	if v, _ := f.GetCellValue("Sheet1", "B15"); v != "1.50" {
		t.Errorf("B15 (t2.fees.amount_wan) shows %q, want 1.50", v)
	}
}

func TestOfficialTablesMerges(t *testing.T) {
	f := drawnFile(t, testMetrics())
	mc, err := f.GetMergeCells("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range mc {
		got[c.GetStartAxis()+":"+c.GetEndAxis()] = c.GetCellValue()
	}
	want := map[string]string{
		// 表二
		"A1:D1": domain.T2Title, "A2:D2": "第二十条第（一）项",
		"B7:D7": "本年处理决定数量", "B8:D8": "", "B15:D15": "1.50",
		// 表三 header
		"A17:J17": domain.T3Title,
		"A18:C20": domain.T3BalanceNote,
		"D18:J18": "申请人情况",
		"D19:D20": "自然人",
		"E19:I19": "法人或其他组织",
		"J19:J20": "总计",
		// 表三 body
		"A21:C21": "一、本年新收政府信息公开申请数量",
		"A22:C22": "二、上年结转政府信息公开申请数量",
		"A23:A44": "三、本年度办理结果",
		"B23:C23": "（一）予以公开",
		"B25:B32": "（三）不予公开",
		"B33:B35": "（四）无法提供",
		"B36:B40": "（五）不予处理",
		"B41:B43": "（六）其他处理",
		"B44:C44": "（七）总计",
		"A45:C45": "四、结转下年度继续办理",
		// 表四
		"A47:O47": domain.T4Title,
		"A48:E49": "行政复议",
		"F48:O48": "行政诉讼",
		"F49:J49": "未经复议直接起诉",
		"K49:O49": "复议后起诉",
	}
	for ref, v := range want {
		g, ok := got[ref]
		switch {
		case !ok:
			t.Errorf("no merged range %s (want %q)", ref, v)
		case ref != "B8:D8" && g != v:
			t.Errorf("merged %s holds %q, want %q", ref, g, v)
		}
	}
	// Leaf rows of a group are single cells in column C.
	for ref := range got {
		if ref[0] == 'C' {
			t.Errorf("unexpected merged range %s", ref)
		}
	}
}

func TestOfficialTablesStyles(t *testing.T) {
	f := drawnFile(t, testMetrics())
	check := func(cell string, numFmt int) {
		t.Helper()
		id, err := f.GetCellStyle("Sheet1", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.NumFmt != numFmt || len(st.Border) != 4 {
			t.Errorf("%s: numFmt %d, %d borders; want %d and 4", cell, st.NumFmt, len(st.Border), numFmt)
		}
	}
	check("B4", 1)  // a count
	check("B15", 2) // 万元
	check("C12", 1) // a merged cell of an absent value keeps its border
	check("J21", 1) // absent
	check("A18", 0) // header
	check("C25", 0) // leaf label
	check("E51", 1)
}

func TestTableStylesCachedPerFile(t *testing.T) {
	f, g := excelize.NewFile(), excelize.NewFile()
	a, err := tableStylesOf(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := tableStylesOf(f)
	c, _ := tableStylesOf(g)
	if a != b || a == c {
		t.Errorf("styles: same file %p/%p, other file %p", a, b, c)
	}
	if _, err := DrawT3(f, "nope", 1, nil); err == nil {
		t.Error("DrawT3 on a missing sheet: no error")
	}
}

func TestDrawTablesAtOffset(t *testing.T) {
	f := excelize.NewFile()
	next, err := DrawT4(f, "Sheet1", 10, domain.Metrics{"t4.review.upheld": 3})
	if err != nil || next != 16 {
		t.Fatalf("DrawT4 from row 10: next %d, err %v; want 16", next, err)
	}
	if v, _ := f.GetCellValue("Sheet1", "A14"); v != "3" {
		t.Errorf("A14 = %q, want 3", v)
	}
	mc, _ := f.GetMergeCells("Sheet1", true)
	var refs []string
	for _, c := range mc {
		refs = append(refs, c.GetStartAxis()+":"+c.GetEndAxis())
	}
	if !slices.Contains(refs, "A11:E12") {
		t.Errorf("merges %v lack A11:E12", refs)
	}
}
