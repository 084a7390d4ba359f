package output

import (
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

func TestDetailSheetsCarryLineageAndDates(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)
	county := openBook(t, w.County)

	sheet := detailSheetNames[domain.KindDisclosure]
	// Read by the title column, which no record leaves blank.
	rows := tableRows(t, county, sheet, "信息标题")
	if len(rows) != 4 {
		t.Fatalf("%s has %d data rows, want 4", sheet, len(rows))
	}
	first := rows[0]
	for header, want := range map[string]string{
		"信息标题": "白沙镇2025年财政预算公开", "公开日期": "2025-03-05",
		"公开渠道": "政府网站", "公开渠道（原文）": "门户网站", "公开类别": "财政信息", "公开类别（原文）": "预决算",
		headerUnit: "白沙镇", headerOffice: "党政办", headerFile: fileBaishaDZB, headerSheet: sheetDisclose, headerRow: "3",
	} {
		if got := first[header]; got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
	// The date is a real date cell: a serial number shown as a date.
	dateCol, hdr := findCell(t, county, sheet, "公开日期")
	if got := raw(t, county, sheet, dateCol, hdr+1); got != "45721" {
		t.Errorf("公开日期 stored as %q, want the serial 45721", got)
	}
	// Text that looks like a formula stays text.
	titleCol, _ := findCell(t, county, sheet, "信息标题")
	ref, _ := excelize.CoordinatesToCellName(titleCol, hdr+2)
	if formula, _ := county.GetCellFormula(sheet, ref); formula != "" {
		t.Errorf("title became the formula %q", formula)
	}
	if got := raw(t, county, sheet, titleCol, hdr+2); got != "=关于2025年春耕生产的通知" {
		t.Errorf("title = %q", got)
	}

	apps := tableRows(t, county, detailSheetNames[domain.KindApplication], "申请编号")
	if len(apps) != 2 {
		t.Fatalf("applications = %d rows, want 2", len(apps))
	}
	for header, want := range map[string]string{
		"申请人类型": "自然人", "申请人类型（原文）": "个人", "是否延期": "否", "收费金额（元）": "12.50",
		"办理结果": "（一）予以公开", "答复日期": "2025-02-20", headerRow: "4",
	} {
		if got := apps[0][header]; got != want {
			t.Errorf("application %s = %q, want %q", header, got, want)
		}
	}
	if got := apps[1]["办理结果"]; got != pendingLabel {
		t.Errorf("pending outcome shows %q", got)
	}
	if got := apps[1]["答复日期"]; got != "" {
		t.Errorf("missing reply date shows %q, want blank", got)
	}

	// Detail sheets are Excel tables with a frozen header row.
	for _, kind := range domain.LedgerKinds {
		sheet := detailSheetNames[kind]
		tables, err := county.GetTables(sheet)
		if err != nil || len(tables) != 1 {
			t.Errorf("%s tables = %v, %v", sheet, tables, err)
		}
		panes, err := county.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s panes = %+v, %v", sheet, panes, err)
		}
	}
}

func TestUnitDetailHoldsOnlyItsRecords(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)

	for unit, want := range map[string]int{"白沙镇": 3, "闸口镇": 1, "../曲樟乡": 0} {
		f := openBook(t, w.Units[unit])
		rows, err := f.GetRows(detailSheetNames[domain.KindDisclosure])
		if err != nil {
			t.Fatal(err)
		}
		if got := len(rows) - 1; got != want {
			t.Errorf("%s: %d disclosures, want %d", unit, got, want)
		}
		for _, row := range rows[1:] {
			if len(row) > 0 && row[len(row)-5] != unit {
				t.Errorf("%s workbook holds a record of %q", unit, row[len(row)-5])
			}
		}
	}
}

func TestDetailSheetSplits(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 3 // a header and two records per sheet

	var rows []row
	for i := range 5 {
		rows = append(rows, lineage("白沙镇", "党政办", fileBaishaDZB, sheetDisclose, 10+i).with(row{
			domain.FieldTitle: fmt.Sprintf("信息%d", i+1), domain.FieldDate: day(2025, 1, 1+i),
		}))
	}
	b := buildBatch(t, mem, domain.KindDisclosure, rows...)
	defer b.Release()
	var findings []domain.Finding
	for i := range 3 {
		findings = append(findings, domain.Finding{Rule: domain.RuleReportYear, Severity: domain.SevWarning, Unit: "白沙镇",
			Pos: domain.Pos{File: fileBaishaDZB, Sheet: sheetDisclose, Row: 10 + i}, Message: fmt.Sprintf("问题%d", i+1)})
	}
	r := &Report{Year: testYear, Config: domain.DefaultConfig(), Findings: findings,
		Records: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {b}}}
	f := openBook(t, writeTest(t, r).County)

	base := detailSheetNames[domain.KindDisclosure]
	want := map[string][]string{
		base:         {"信息1", "信息2"},
		base + "(2)": {"信息3", "信息4"},
		base + "(3)": {"信息5"},
	}
	// The findings list goes on in the same way (column H: 说明).
	for sheet, msgs := range map[string][]string{findingsSheet: {"问题1", "问题2"}, findingsSheet + "(2)": {"问题3"}} {
		got, err := f.GetRows(sheet)
		if err != nil || len(got)-1 != len(msgs) {
			t.Fatalf("%s rows = %q, %v", sheet, got, err)
		}
		for i, msg := range msgs {
			if got[i+1][7] != msg {
				t.Errorf("%s row %d = %q, want %q", sheet, i+2, got[i+1][7], msg)
			}
		}
	}
	for sheet, titles := range want {
		got, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		if got[0][1] != "信息标题" || len(got)-1 != len(titles) {
			t.Fatalf("%s rows = %q", sheet, got)
		}
		for i, title := range titles {
			if got[i+1][1] != title {
				t.Errorf("%s row %d title = %q, want %q", sheet, i+2, got[i+1][1], title)
			}
		}
	}
	if _, err := f.GetRows(base + "(4)"); err == nil {
		t.Errorf("a fourth sheet was written")
	}
}

func TestFindingsSheet(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)

	county := tableRows(t, openBook(t, w.County), findingsSheet, "规则")
	if len(county) != len(r.Findings) {
		t.Fatalf("county findings = %d rows, want %d", len(county), len(r.Findings))
	}
	want := map[string]string{
		"规则": "R1", "严重程度": "错误", "单位": "白沙镇", "科室": "社保所", "文件": fileBaishaSBS,
		"工作表": "统计表", "单元格": "D17", "说明": "表三勾稽关系不平衡", "应为": "4", "实为": "3",
		"相关指标": domain.MetricLabel(domain.T3Metric("new", "total"), r.Config.CategoryLabel),
	}
	for h, v := range want {
		if county[0][h] != v {
			t.Errorf("finding %s = %q, want %q", h, county[0][h], v)
		}
	}
	if got := county[1]["单元格"]; got != "第9行" {
		t.Errorf("a row finding's 单元格 = %q, want 第9行", got)
	}
	if got := county[1]["严重程度"]; got != "警告" {
		t.Errorf("severity = %q, want 警告", got)
	}
	if got := county[2]["应为"]; got != "" {
		t.Errorf("a finding without numbers shows 应为 %q", got)
	}

	unit := tableRows(t, openBook(t, w.Units["白沙镇"]), findingsSheet, "规则")
	if len(unit) != 2 || unit[0]["规则"] != "R1" || unit[1]["规则"] != "R8" {
		t.Errorf("白沙镇 findings = %v", unit)
	}
	if rows, _ := openBook(t, w.Units["闸口镇"]).GetRows(findingsSheet); len(rows) != 1 {
		t.Errorf("闸口镇 has no findings but its list has %d rows", len(rows))
	}
}

func TestRecordsByUnitSplitsMixedBatches(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	rec := buildBatch(t, mem, domain.KindDisclosure,
		lineage("白沙镇", "党政办", "a.xlsx", "s", 2), lineage("白沙镇", "党政办", "a.xlsx", "s", 3),
		lineage("闸口镇", "党政办", "b.xlsx", "s", 2), lineage("白沙镇", "党政办", "a.xlsx", "s", 4))
	defer rec.Release()
	byUnit := recordsByUnit(map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {rec}})
	defer releaseByUnit(byUnit)
	rowsOf := func(unit string) []string {
		var out []string
		for r, i := range recordRows(byUnit[unit][domain.KindDisclosure]) {
			out = append(out, fmt.Sprint(r.Column(columnIndex(domain.KindDisclosure, domain.LineageRow)).ValueStr(i)))
		}
		return out
	}
	if got := rowsOf("白沙镇"); fmt.Sprint(got) != "[2 3 4]" {
		t.Errorf("白沙镇 rows %v, want [2 3 4]", got)
	}
	if got := rowsOf("闸口镇"); fmt.Sprint(got) != "[2]" {
		t.Errorf("闸口镇 rows %v, want [2]", got)
	}
}
