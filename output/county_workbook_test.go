package output

import (
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

func TestCountyWorkbookSheets(t *testing.T) {
	r := checkedTestReport(t)
	f := openBook(t, writeTest(t, r).County)

	want := []string{"运行信息", "报送情况", "全县统计表", "全县统计表（表四）", "各单位对比", "渠道与类别", "月度趋势", "问题清单",
		"明细-主动公开", "明细-依申请公开", "明细-复议诉讼", "明细-服务事项"}
	got := f.GetSheetList()
	if len(got) != len(want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sheets = %q, want %q", got, want)
		}
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want the first", f.GetActiveSheetIndex())
	}
}

// t3Total finds a 表三 row label on sheet and returns the value in the 总计
// column: the nearest 总计 header above the label.
func t3Total(t *testing.T, sheet string, path string, label string) string {
	t.Helper()
	f := openBook(t, path)
	_, labelRow := findCell(t, f, sheet, label)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r := labelRow - 1; r >= 1; r-- {
		for c, v := range rows[r-1] {
			if v == "总计" {
				return raw(t, f, sheet, c+1, labelRow)
			}
		}
	}
	t.Fatalf("no 总计 column above %q", label)
	return ""
}

func TestOfficialTablesCarryTheMetrics(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)

	newApps := domain.T3Rows[0].Label // 一、本年新收政府信息公开申请数量
	if newApps != "一、本年新收政府信息公开申请数量" {
		t.Fatalf("first 表三 row is %q", newApps)
	}
	tests := []struct {
		name, path, sheet string
		want              float64
	}{
		{"county", w.County, countyTablesSheet, r.County[domain.T3Metric("new", "total")]},
		{"白沙镇", w.Units["白沙镇"], unitTablesSheet, r.Units[0].Metrics[domain.T3Metric("new", "total")]},
		{"闸口镇", w.Units["闸口镇"], unitTablesSheet, r.Units[1].Metrics[domain.T3Metric("new", "total")]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := t3Total(t, tt.sheet, tt.path, newApps)
			if got != strconv.FormatFloat(tt.want, 'f', -1, 64) {
				t.Errorf("本年新收 总计 = %q, want %v", got, tt.want)
			}
		})
	}
	// A unit without the metric shows a blank cell, not 0.
	if got := t3Total(t, unitTablesSheet, w.Units["../曲樟乡"], newApps); got != "" {
		t.Errorf("absent metric shows %q, want a blank cell", got)
	}
}

func TestComparisonSheet(t *testing.T) {
	r := checkedTestReport(t)
	f := openBook(t, writeTest(t, r).County)

	rows, err := f.GetRows(comparisonSheet)
	if err != nil {
		t.Fatal(err)
	}
	ids := r.Config.MetricIDs()
	if got := len(rows[0]); got != 1+len(ids) {
		t.Fatalf("header has %d columns, want 1 + %d metrics", got, len(ids))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	label := domain.MetricLabel(domain.MetricActiveItems, r.Config.CategoryLabel)
	fees := domain.MetricLabel(domain.MetricFeesYuan, r.Config.CategoryLabel)
	want := []struct {
		unit        string
		items, fees string
	}{
		{"白沙镇", "258", "12.5"},
		{"闸口镇", "9", ""},
		{"../曲樟乡", "", ""},
		{labelCountyTotal, "267", "12.5"},
	}
	for i, w := range want {
		row := i + 2
		if got := raw(t, f, comparisonSheet, 1, row); got != w.unit {
			t.Errorf("row %d unit = %q, want %q", row, got, w.unit)
		}
		if got := raw(t, f, comparisonSheet, col[label]+1, row); got != w.items {
			t.Errorf("%s %s = %q, want %q", w.unit, label, got, w.items)
		}
		if got := raw(t, f, comparisonSheet, col[fees]+1, row); got != w.fees {
			t.Errorf("%s %s = %q, want %q", w.unit, fees, got, w.fees)
		}
	}
	// The units' column fits the widest name; every metric column is narrow.
	for c := 1; c <= 1+len(ids); c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(comparisonSheet, name)
		if err != nil {
			t.Fatal(err)
		}
		want := float64(metricColWidth)
		if c == 1 {
			want = colWidth(min(displayWidth(headerUnit), headerWrapWidth))
			for _, u := range r.Units {
				want = max(want, colWidth(min(displayWidth(u.Name), headerWrapWidth)))
			}
		}
		if w != want {
			t.Errorf("%s column %s is %g wide, want %g", comparisonSheet, name, w, want)
		}
	}
	tables, err := f.GetTables(comparisonSheet)
	if err != nil || len(tables) != 1 {
		t.Fatalf("tables on %s: %v, %v", comparisonSheet, tables, err)
	}
	if tables[0].Range != "A1:"+lastCell(t, 1+len(ids), 1+len(r.Units)) {
		t.Errorf("table range %s leaves the county total out? want rows 1–%d", tables[0].Range, 1+len(r.Units))
	}
}

func TestChannelsSheet(t *testing.T) {
	r := checkedTestReport(t)
	f := openBook(t, writeTest(t, r).County)

	rows := tableRows(t, f, channelsSheet, headerUnit)
	if len(rows) < len(r.Units)+1 || rows[len(r.Units)][headerUnit] != labelCountyTotal {
		t.Fatalf("channel rows = %v, want %d units then 全县合计", rows, len(r.Units))
	}
	rows = rows[:len(r.Units)+1]
	if got := rows[0][domain.ChannelLabel("website")]; got != "250" {
		t.Errorf("白沙镇 政府网站 = %q, want 250", got)
	}
	if got := rows[len(rows)-1][domain.ChannelLabel("website")]; got != "259" {
		t.Errorf("全县合计 政府网站 = %q, want 259", got)
	}
	_, catRow := findCell(t, f, channelsSheet, captionCategories)
	if got := raw(t, f, channelsSheet, 1, catRow+1); got != headerUnit {
		t.Fatalf("category table header starts with %q", got)
	}
	if got := raw(t, f, channelsSheet, 2+len(r.Config.Categories)-1, catRow+1); got != r.Config.Categories[len(r.Config.Categories)-2].Label {
		t.Errorf("category header = %q", got)
	}
}

func TestSubmissionsSheet(t *testing.T) {
	r := checkedTestReport(t)
	f := openBook(t, writeTest(t, r).County)

	offices := tableRows(t, f, submissionsSheet, "单位")
	if len(offices) != 5 {
		t.Fatalf("office rows = %d, want 5", len(offices))
	}
	if o := offices[1]; o["单位"] != "白沙镇" || o["科室"] != "财政所" || o["报送状态"] != "未报送" || o["是否名册内科室"] != "是" {
		t.Errorf("白沙镇 财政所 row = %v", o)
	}
	if o := offices[0]; o["报送状态"] != "已接收" || o["报送文件"] != fileBaishaDZB || o["文件修改时间"] == "" {
		t.Errorf("白沙镇 党政办 row = %v", o)
	}
	inputs := tableRows(t, f, submissionsSheet, "序号")
	if len(inputs) != len(r.Inputs) {
		t.Fatalf("input rows = %d, want %d", len(inputs), len(r.Inputs))
	}
	if in := inputs[3]; in["文件"] != fileRejected || in["状态"] != "已拒收" || in["原因"] != "无法确定所属单位" {
		t.Errorf("rejected input row = %v", in)
	}
	if in := inputs[2]; in["读取记录数"] != "2" || in["计入统计记录数"] != "1" || in["剔除记录数"] != "1" {
		t.Errorf("input record counts = %v", in)
	}
	if in := inputs[0]; in["工作表"] != "主动公开（主动公开台账）" {
		t.Errorf("input sheets = %q", in["工作表"])
	}
}

func TestRunInfoSheet(t *testing.T) {
	r := checkedTestReport(t)
	f := openBook(t, writeTest(t, r).County)

	value := func(label string) string {
		c, row := findCell(t, f, runInfoSheet, label)
		return raw(t, f, runInfoSheet, c+1, row)
	}
	for label, want := range map[string]string{
		"县（市、区）": testCountyName, "报告年度": "2025", "程序版本": "test-1", "运行用时（秒）": "1.5",
		"已拒收": "1", "未报送": "2", "错误": "2", "警告": "1", "duplicate": "1",
	} {
		if got := value(label); got != want {
			t.Errorf("%s = %q, want %q", label, got, want)
		}
	}
	c, row := findCell(t, f, runInfoSheet, domain.KindDisclosure.Label())
	for i, want := range []string{"5", "4", "1"} {
		if got := raw(t, f, runInfoSheet, c+1+i, row); got != want {
			t.Errorf("主动公开台账 column %d = %q, want %q", i+1, got, want)
		}
	}
}

func lastCell(t *testing.T, col, row int) string {
	t.Helper()
	ref, err := rangeRef(col, row, col, row)
	if err != nil {
		t.Fatal(err)
	}
	return ref[:len(ref)/2]
}

// TestComparisonRowsFromUnits: each unit of the report encodes its row of
// the comparison sheet into its parts, and the county workbook joins those
// rows rather than encoding the report's figures again: a figure changed
// in the report after the units were written does not show.
func TestComparisonRowsFromUnits(t *testing.T) {
	r := checkedTestReport(t)
	w, parts := writtenUnits(t, r)
	for i := range r.Units {
		if parts[i].Comparison.Rows != 1 || parts[i].Comparison.Path == "" {
			t.Fatalf("%s: no row of the comparison sheet in its parts: %+v", r.Units[i].Name, parts[i].Comparison)
		}
	}
	label := domain.MetricLabel(domain.MetricActiveItems, r.Config.CategoryLabel)
	r.Units[0].Metrics = maps.Clone(r.Units[0].Metrics)
	r.Units[0].Metrics[domain.MetricActiveItems] = 999
	written, err := w.Finish(func() (*Report, error) { return r, nil }, parts, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, written.County)
	rows, err := f.GetRows(comparisonSheet)
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], label)
	if col < 0 || len(rows) < 2 || len(rows[1]) <= col || rows[1][0] != r.Units[0].Name {
		t.Fatalf("no %s of %s in %q", label, r.Units[0].Name, rows)
	}
	if got := rows[1][col]; got != "258" {
		t.Errorf("%s %s = %q, want the unit's own 258", r.Units[0].Name, label, got)
	}
}
