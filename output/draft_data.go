package output

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"gongkai/domain"
)

// missingFigure stands in the draft for a figure the unit did not report,
// for the drafter to fill in.
const missingFigure = "＿＿"

// draftData is what the report-draft template sees: one unit's figures,
// taken from its metrics, and the counts of its findings.
type draftData struct {
	County, Unit string
	Year         int
	We           string // how the unit names itself: 我镇, 我乡, 我街道, 我单位

	Items      int          // distinct items disclosed
	Channels   []draftCount // channels with items, in report order
	Categories []draftCount // configured categories with items

	ServiceItems int

	NewApps, CarriedIn, Answered, CarriedOut int
	Applicants                               []draftCount // new applications by applicant, where non-zero
	Outcomes                                 []draftCount // applications answered by outcome, where non-zero

	Appeals []draftAppeal // 表四 blocks with cases
	Fees    float64       // 信息处理费, 元

	Errors, Warnings int

	metrics domain.Metrics
}

// draftCount is a labelled figure.
type draftCount struct {
	ID, Label string
	Count     int
}

// draftAppeal is a 表四 block with cases: how the text names it, its
// total and its results.
type draftAppeal struct {
	Label   string
	Total   int
	Results []draftCount
}

// Metric is the value of any metric id as the draft prints it, or a blank
// to fill in when the unit has no such figure.
func (d draftData) Metric(id string) string {
	v, ok := d.metrics[id]
	if !ok {
		return missingFigure
	}
	return formatNumber(v)
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
	}
	nonZero := func(list *[]draftCount, id, label, metric string) {
		if n := count(metric); n != 0 {
			*list = append(*list, draftCount{ID: id, Label: label, Count: n})
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
		a := draftAppeal{Label: appealPhrase(i, b), Total: count(domain.T4Metric(b.ID, domain.ColumnTotal))}
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
