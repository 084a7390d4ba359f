package output

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// draftPhrases are the words that name each figure of the default
// template in the text of the test report's units: a figure must follow
// one of its metric's phrases.
var draftPhrases = map[string][]string{
	domain.MetricActiveItems:             {"主动公开政府信息"},
	domain.ChannelMetric("website"):      {"通过政府网站公开"},
	domain.ChannelMetric("board"):        {"通过公开栏公开"},
	domain.ChannelMetric("other"):        {"通过其他方式公开"},
	domain.CategoryMetric("finance"):     {"财政信息"},
	domain.MetricServiceItems:            {"录入各类政务服务事项"},
	"t3.new.total":                       {"新收政府信息公开申请"},
	"t3.new.natural":                     {"（自然人"},
	"t3.carried_in.total":                {"上年结转"},
	"t3.total.total":                     {"本年度办结", "合计办结"},
	"t3.carried_out.total":               {"结转下年度继续办理"},
	"t3.granted.total":                   {"办理结果：予以公开"},
	"t3.unable.not_held.total":           {"无法提供（本机关不掌握相关政府信息）"},
	"t2.normative_docs.issued":           {"制发行政规范性文件"},
	"t2.normative_docs.repealed":         {"废止"},
	"t2.normative_docs.in_force":         {"现行有效"},
	"t2.licensing.decisions":             {"作出行政许可处理决定"},
	"t2.punishment.decisions":            {"行政处罚处理决定"},
	"t2.coercion.decisions":              {"行政强制处理决定"},
	"t2.fees.amount_wan":                 {"收取行政事业性收费"},
	"t4.review.total":                    {"因政府信息公开被申请行政复议"},
	"t4.review.upheld":                   {"（结果维持"},
	domain.MetricFeesYuan:                {"收取信息处理费"},
	FigureErrors:                         {"需核实更正的问题"},
	FigureWarnings:                       {"需关注的问题"},
	domain.ChannelMetric("unspecified"):  {"未注明公开渠道的"},
	domain.ChannelMetric("new_media"):    {"通过政务新媒体公开"},
	domain.T3Metric("partial", "total"):  {"部分公开"},
	domain.T4Metric("review", "pending"): {"尚未审结"},
}

// officialCell is where a metric shows in the official tables that
// writeOfficialSheet draws: on the sheet itself, or on its 表四 sheet.
type officialCell struct {
	Suffix string // "" or t4SheetSuffix
	Ref    string
}

// officialCells maps each metric of 表二, 表三 and 表四 to its cell, by
// writing the official sheets with a distinct value for every metric.
func officialCells(t *testing.T) map[string]officialCell {
	t.Helper()
	f, st, err := newWorkbook("表", "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := domain.DefaultConfig().MetricIDs()
	m := domain.Metrics{}
	byValue := map[string]string{}
	for i, id := range ids {
		if strings.HasPrefix(id, "t2.") || strings.HasPrefix(id, "t3.") || strings.HasPrefix(id, "t4.") {
			m[id] = float64(100000 + i)
			byValue[strconv.Itoa(100000+i)] = id
		}
	}
	if err := writeOfficialSheet(f, st, "表", "标题", "副标题", m); err != nil {
		t.Fatal(err)
	}
	out := map[string]officialCell{}
	for _, suffix := range []string{"", t4SheetSuffix} {
		rows, err := f.GetRows("表"+suffix, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, cells := range rows {
			for c, v := range cells {
				if id, ok := byValue[v]; ok {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					out[id] = officialCell{suffix, ref}
				}
			}
		}
	}
	if len(out) != len(byValue) {
		t.Fatalf("found %d of the %d table metrics", len(out), len(byValue))
	}
	return out
}

// draftProseNumbers are the only numbers the default template writes in
// its own prose; any other number in a draft must be a traced figure.
var draftProseNumbers = []string{"国办公开办函〔2021〕30号", "年1月1日", "年12月31日", "计1条"}

// TestDraftFiguresEqualTheirTables is rule R12 on the default template:
// every number in each unit's written draft is either the template's own
// prose or a figure whose metric id the draft data names, that follows the
// words naming that metric, and that equals the unit's 统计表 cell (表二,
// 表三, 表四) or its metric (the others) or its findings.
func TestDraftFiguresEqualTheirTables(t *testing.T) {
	r := checkedTestReport(t)
	for _, id := range r.Config.MetricIDs() { // a unit with no figures has zeros, as transform gives it
		r.Units[2].Metrics[id] = 0
	}
	w := writeTest(t, r)
	cells := officialCells(t)
	d, err := parseDraftTemplate(nil, r.Config)
	if err != nil {
		t.Fatal(err)
	}

	for _, u := range r.Units {
		t.Run(u.Name, func(t *testing.T) {
			book := openBook(t, w.Units[u.Name])
			traced, err := d.tracedParagraphs(newDraftData(r, u))
			if err != nil {
				t.Fatal(err)
			}
			var plain []string
			for _, p := range traced {
				plain = append(plain, plainDraft(p))
			}
			if written := draftParagraphs(t, w.Units[u.Name]); !slices.Equal(written, plain) {
				t.Fatalf("the traced draft differs from the written one:\n%q\n%q", plain, written)
			}
			figs, err := DraftFigures(r, u.Name)
			if err != nil {
				t.Fatal(err)
			}
			if len(figs) == 0 {
				t.Fatal("no figures")
			}
			for _, f := range figs {
				if f.Metric == "" {
					t.Errorf("%q after %q comes from no table", f.Text, f.Phrase)
					continue
				}
				if f.Metric != FigureYear && !slices.ContainsFunc(draftPhrases[f.Metric], func(p string) bool { return strings.HasSuffix(f.Phrase, p) }) {
					t.Errorf("%s = %s follows %q, not the words %q that name it", f.Metric, f.Text, f.Phrase, draftPhrases[f.Metric])
				}
				want := f.Table
				if cell, ok := cells[f.Metric]; ok {
					want = math.NaN()
					c, row := colRow(t, cell.Ref)
					if v := raw(t, book, unitTablesSheet+cell.Suffix, c, row); v != "" {
						want, _ = strconv.ParseFloat(v, 64)
					}
				}
				switch {
				case math.IsNaN(want) && f.Text != missingFigure:
					t.Errorf("%s after %q is %q, but the table has no such figure", f.Metric, f.Phrase, f.Text)
				case !math.IsNaN(want) && math.Abs(f.Value-want) >= 0.005:
					t.Errorf("%s after %q is %q, the table says %v", f.Metric, f.Phrase, f.Text, want)
				}
			}
			// Every other number is the template's prose: 〔2021〕30号, 1月1日.
			for i, p := range traced {
				rest := withoutFigures(p)
				for _, s := range draftProseNumbers {
					rest = strings.ReplaceAll(rest, s, "")
				}
				if n := regexp.MustCompile(`\d+`).FindString(rest); n != "" {
					t.Errorf("paragraph %d: %s is neither a figure nor the template's prose: %q", i, n, rest)
				}
			}
		})
	}
}

// withoutFigures drops the marked values of a traced paragraph.
func withoutFigures(p string) string {
	return regexp.MustCompile(figOpen+`[^`+figClose+`]*`+figClose).ReplaceAllString(p, "")
}

func colRow(t *testing.T, ref string) (int, int) {
	t.Helper()
	c, r, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		t.Fatal(err)
	}
	return c, r
}

func TestDraftFiguresTraceEveryConstruct(t *testing.T) {
	r := &Report{Year: testYear, Config: domain.DefaultConfig(),
		Units: []UnitReport{{Name: "白沙镇", Metrics: domain.Metrics{
			domain.MetricActiveItems: 12, domain.ChannelMetric("website"): 7, domain.ChannelMetric("board"): 5,
			domain.MetricFeesYuan: 3.5, "t3.granted.total": 2, "t3.total.total": 2, "t4.review.total": 1,
		}}},
		DraftTemplate: []byte(`{{.Unit}}{{.Year}}年
{{range .Channels}}{{.Label}}{{.Count}}条{{end}}；{{range $c := .Channels}}{{$c.Count}}{{end}}
{{with .Outcomes}}{{(index . 0).Count}}{{end}}{{range .Appeals}}{{.Total}}件{{end}}
费用{{amount .Fees}}元，{{printf "%d" .Items}}条，{{.Metric "t3.granted.total"}}件，渠道{{len .Channels}}个
`)}
	figs, err := DraftFigures(r, "白沙镇")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range figs {
		got = append(got, f.Metric+"="+f.Text)
	}
	want := []string{
		"report.year=2025",
		"active.channel.website=7", "active.channel.board=5", "active.channel.website=7", "active.channel.board=5",
		"=2", // a value reached through index and parentheses: no table known
		"t4.review.total=1",
		"fees.yuan=3.50", "active.items=12", "t3.granted.total=2",
		"=2", // len: a count of nothing in the tables
	}
	if !slices.Equal(got, want) {
		t.Errorf("figures = %q\nwant      %q", got, want)
	}
	for _, f := range figs {
		if f.Metric != "" && !f.Agrees() {
			t.Errorf("%s = %s disagrees with its table %v", f.Metric, f.Text, f.Table)
		}
	}
	if _, err := DraftFigures(r, "无此镇"); err == nil {
		t.Error("a unit not in the report gives no error")
	}
}

func TestCheckDraftTemplate(t *testing.T) {
	cfg := domain.DefaultConfig()
	if err := CheckDraftTemplate(nil, cfg); err != nil {
		t.Fatalf("the default template: %v", err)
	}
	if err := CheckDraftTemplate(DefaultDraftTemplate(), cfg); err != nil {
		t.Fatalf("a copy of the default template: %v", err)
	}
	for name, text := range map[string]string{
		"syntax":           "{{if .Items}}no end",
		"unknown function": "{{money .Fees}}",
		"unknown field":    "{{.Itemz}}",
		"field in a range": "{{range .Channels}}{{.Cnt}}{{end}}", // runs only for a unit with figures
		"unknown metric":   `{{.Metric "t3.new.totl"}}`,
	} {
		if err := CheckDraftTemplate([]byte(text), cfg); err == nil {
			t.Errorf("%s: %q passes", name, text)
		} else if !strings.Contains(err.Error(), "report draft template") && !strings.Contains(err.Error(), "metric id") {
			t.Errorf("%s: the error %q does not say what failed", name, err)
		}
	}
}
