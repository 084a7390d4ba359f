package output

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gongkai/domain"
)

// missingFigure stands in the draft for a figure the unit did not report,
// for the drafter to fill in.
const missingFigure = "＿＿"

// draftData is what the report-draft template sees: one unit's figures,
// taken from its metrics, and the counts of its findings. The tag metric
// of a figure field names the metric id (or Figure* id) it comes from, so
// that a figure in the text can be traced back to its table (R12).
type draftData struct {
	County, Unit string
	Year         int    `metric:"report.year"`
	We           string // how the unit names itself: 我镇, 我乡, 我街道, 我单位

	Items      int          `metric:"active.items"` // distinct items disclosed
	Channels   []draftCount // channels with items, in report order
	Categories []draftCount // configured categories with items

	ServiceItems int `metric:"service.items"`

	NewApps    int          `metric:"t3.new.total"`
	CarriedIn  int          `metric:"t3.carried_in.total"`
	Answered   int          `metric:"t3.total.total"`
	CarriedOut int          `metric:"t3.carried_out.total"`
	Applicants []draftCount // new applications by applicant, where non-zero
	Outcomes   []draftCount // applications answered by outcome, where non-zero

	Appeals []draftAppeal // 表四 blocks with cases
	Fees    float64       `metric:"fees.yuan"` // 信息处理费, 元

	Errors   int `metric:"findings.error"`
	Warnings int `metric:"findings.warning"`

	metrics domain.Metrics
	known   map[string]bool // metric ids the configuration has
}

// draftCount is a labelled figure and the metric id it comes from.
type draftCount struct {
	ID, Label string
	Count     int
	Metric    string
}

// draftAppeal is a 表四 block with cases: how the text names it, its
// total, the metric id of the total, and its results.
type draftAppeal struct {
	Label   string
	Total   int
	Metric  string
	Results []draftCount
}

// Metric is the value of any metric id as the draft prints it, or a blank
// to fill in when the unit has no such figure. An id that no table has is
// an error, so that a misspelt id in an edited template fails the run.
func (d draftData) Metric(id string) (string, error) {
	if !d.known[id] {
		return "", fmt.Errorf("unknown metric id %q", id)
	}
	v, ok := d.metrics[id]
	if !ok {
		return missingFigure, nil
	}
	return formatNumber(v), nil
}

// figureMetric names the metric id a figure field (or the Metric method
// called with args) comes from; "" for a field that is not a figure.
func (d draftData) figureMetric(name string, args []any) string {
	if name == "Metric" && len(args) == 1 {
		id, _ := args[0].(string)
		return id
	}
	f, _ := reflect.TypeFor[draftData]().FieldByName(name)
	return f.Tag.Get("metric")
}

func (c draftCount) figureMetric(name string, _ []any) string {
	if name == "Count" {
		return c.Metric
	}
	return ""
}

func (a draftAppeal) figureMetric(name string, _ []any) string {
	if name == "Total" {
		return a.Metric
	}
	return ""
}

// newDraftData collects the draft's figures for a unit.
func newDraftData(r *Report, u UnitReport) draftData {
	m := u.Metrics
	count := func(id string) int { return int(math.Round(m[id])) }
	d := draftData{
		County: r.Config.County, Unit: u.Name, Year: r.Year, We: selfName(u.Name),
		Items:        count(domain.MetricActiveItems),
		ServiceItems: count(domain.MetricServiceItems),
		NewApps:      count(domain.T3Metric(domain.T3RowNew, domain.ColumnTotal)),
		CarriedIn:    count(domain.T3Metric(domain.T3RowCarriedIn, domain.ColumnTotal)),
		Answered:     count(domain.T3Metric(domain.T3RowTotal, domain.ColumnTotal)),
		CarriedOut:   count(domain.T3Metric(domain.T3RowCarriedOut, domain.ColumnTotal)),
		Fees:         m[domain.MetricFeesYuan],
		metrics:      m,
		known:        knownMetrics(r.Config),
	}
	nonZero := func(list *[]draftCount, id, label, metric string) {
		if n := count(metric); n != 0 {
			*list = append(*list, draftCount{ID: id, Label: label, Count: n, Metric: metric})
		}
	}
	for _, ch := range domain.Channels {
		nonZero(&d.Channels, ch.ID, ch.Label, domain.ChannelMetric(ch.ID))
	}
	for _, c := range r.Config.Categories {
		nonZero(&d.Categories, c.ID, c.Label, domain.CategoryMetric(c.ID))
	}
	for _, c := range domain.T3Columns[:len(domain.T3Columns)-1] {
		nonZero(&d.Applicants, c.ID, applicantPhrase(c), domain.T3Metric(domain.T3RowNew, c.ID))
	}
	for _, row := range domain.T3ResultRows() {
		nonZero(&d.Outcomes, row.ID, outcomePhrase(row), domain.T3Metric(row.ID, domain.ColumnTotal))
	}
	for i, b := range domain.T4Blocks {
		total := domain.T4Metric(b.ID, domain.ColumnTotal)
		a := draftAppeal{Label: appealPhrase(i, b), Total: count(total), Metric: total}
		if a.Total == 0 {
			continue
		}
		for _, res := range domain.T4Results[:len(domain.T4Results)-1] {
			nonZero(&a.Results, res.ID, res.Label, domain.T4Metric(b.ID, res.ID))
		}
		d.Appeals = append(d.Appeals, a)
	}
	for _, f := range u.Findings {
		switch f.Severity {
		case domain.SevError:
			d.Errors++
		case domain.SevWarning:
			d.Warnings++
		}
	}
	return d
}

// knownMetrics is the set of metric ids of a configuration.
func knownMetrics(cfg *domain.Config) map[string]bool {
	known := map[string]bool{}
	for _, id := range cfg.MetricIDs() {
		known[id] = true
	}
	return known
}

// selfName is how a unit names itself in its report.
func selfName(unit string) string {
	for _, suffix := range []string{"街道", "镇", "乡"} {
		if strings.HasSuffix(unit, suffix) {
			return "我" + suffix
		}
	}
	return "我单位"
}

var (
	groupPrefix = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
	itemPrefix  = regexp.MustCompile(`^\d+\.`)
)

// outcomePhrase names a 表三 outcome row in running text: 予以公开,
// 部分公开, 不予公开（属于国家秘密）.
func outcomePhrase(row domain.T3Row) string {
	label := itemPrefix.ReplaceAllString(row.Label, "")
	if row.Group == "" {
		label = groupPrefix.ReplaceAllString(label, "")
		label, _, _ = strings.Cut(label, "（")
		return label
	}
	return groupPrefix.ReplaceAllString(row.Group, "") + "（" + label + "）"
}

// applicantPhrase names an applicant column in running text.
func applicantPhrase(c domain.Column) string {
	if c.ID == "other_org" {
		return "其他" + domain.T3OrgCaption
	}
	return c.Label
}

// appealPhrase names a 表四 block after 因政府信息公开被…: the first block
// is 行政复议, the others are 行政诉讼 cases.
func appealPhrase(i int, b domain.Column) string {
	if i == 0 {
		return "申请" + b.Label
	}
	return "提起" + domain.T4SuitCaption + "（" + b.Label + "）"
}

// formatNumber prints a figure: whole numbers without decimals, others
// with two.
func formatNumber(v float64) string {
	if isWhole(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
