package output

import (
	"slices"
	"strings"
	"testing"

	"gongkai/domain"
)

// draftSections are the headings of the six sections of the 2021 format.
var draftSections = []string{
	"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
}

// draftParagraphs reads the draft sheet of a unit workbook, one paragraph
// per row, without the first-line indent.
func draftParagraphs(t *testing.T, path string) []string {
	t.Helper()
	rows, err := openBook(t, path).GetRows(draftSheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if len(r) > 0 {
			out = append(out, strings.TrimPrefix(r[0], draftIndent))
		}
	}
	return out
}

func TestUnitWorkbookSheets(t *testing.T) {
	r := checkedTestReport(t)
	f := openBook(t, writeTest(t, r).Units["白沙镇"])

	want := []string{"统计表", "统计表（表四）", "年度报告", "问题清单", "明细-主动公开", "明细-依申请公开", "明细-复议诉讼", "明细-服务事项"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	layout, err := f.GetPageLayout(unitTablesSheet)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Size != paperA4 || *layout.Orientation != "portrait" || *layout.FitToWidth != 1 {
		t.Errorf("统计表 prints on size %d %s, %d page(s) wide; want A4 portrait, 1 wide",
			*layout.Size, *layout.Orientation, *layout.FitToWidth)
	}
}

func TestReportDraft(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)

	ps := draftParagraphs(t, w.Units["白沙镇"])
	if ps[0] != "白沙镇2025年政府信息公开工作年度报告" {
		t.Errorf("title = %q", ps[0])
	}
	var headings []string
	for _, p := range ps {
		if sectionHeading.MatchString(p) {
			headings = append(headings, p)
		}
	}
	if !slices.Equal(headings, draftSections) {
		t.Errorf("sections = %q, want %q", headings, draftSections)
	}
	text := strings.Join(ps, "\n")
	for _, want := range []string{
		"我镇主动公开政府信息258条，其中通过政府网站公开250条，通过公开栏公开10条，通过其他方式公开3条（",
		"按公开类别分，财政信息7条",
		"录入各类政务服务事项146项",
		"新收政府信息公开申请3件（自然人3件），上年结转1件；本年度办结3件，结转下年度继续办理1件",
		"本年度办理结果：予以公开2件，无法提供（本机关不掌握相关政府信息）1件，合计办结3件",
		"制发行政规范性文件2件",
		"行政许可处理决定＿＿件", // absent from the unit's metrics: a blank to fill in
		"因政府信息公开被申请行政复议1件（结果维持1件）",
		"需核实更正的问题1个、需关注的问题1个",
		"收取信息处理费12.50元",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q", want)
		}
	}

	quiet := strings.Join(draftParagraphs(t, w.Units["../曲樟乡"]), "\n")
	for _, want := range []string{
		"我乡主动公开政府信息0条。",
		"没有收到政府信息公开申请，也没有上年结转的申请",
		"没有因政府信息公开被申请行政复议、提起行政诉讼的案件",
		"未收取信息处理费",
	} {
		if !strings.Contains(quiet, want) {
			t.Errorf("draft of a unit without figures lacks %q", want)
		}
	}
	if strings.Contains(quiet, "问题清单") {
		t.Errorf("draft of a unit without findings mentions them")
	}
}

func TestReportDraftCustomTemplate(t *testing.T) {
	r := &Report{Year: testYear, Config: domain.DefaultConfig(),
		DraftTemplate: []byte("{{.Unit}}报告\n\n一、总体情况\n新收{{.Metric \"t3.new.total\"}}件，费用{{amount .Fees}}元。\n"),
		Units:         []UnitReport{{Name: "白沙镇", Metrics: domain.Metrics{domain.T3Metric("new", "total"): 4, domain.MetricFeesYuan: 3}}},
	}
	got := draftParagraphs(t, writeTest(t, r).Units["白沙镇"])
	want := []string{"白沙镇报告", "一、总体情况", "新收4件，费用3.00元。"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

func TestDefaultDraftTemplateIsACopy(t *testing.T) {
	b := DefaultDraftTemplate()
	b[0] = 'x'
	if DefaultDraftTemplate()[0] == 'x' {
		t.Error("DefaultDraftTemplate hands out the embedded bytes")
	}
}

func TestOutcomePhrases(t *testing.T) {
	want := map[string]string{
		"granted":             "予以公开",
		"partial":             "部分公开",
		"denied.state_secret": "不予公开（属于国家秘密）",
		"rejected.repeat":     "不予处理（重复申请）",
		"other.other":         "其他处理（其他）",
	}
	for _, row := range domain.T3ResultRows() {
		if w, ok := want[row.ID]; ok {
			if got := outcomePhrase(row); got != w {
				t.Errorf("outcomePhrase(%s) = %q, want %q", row.ID, got, w)
			}
		}
	}
}
