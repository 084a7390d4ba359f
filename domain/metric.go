package domain

import "strings"

// Metrics maps a metric id (domain.md §5, e.g. "t3.new.total") to its value.
type Metrics map[string]float64

// Add adds every value of o into m.
func (m Metrics) Add(o Metrics) {
	for k, v := range o {
		m[k] += v
	}
}

// Metric id prefixes and the other metric ids of §5.4.
const (
	MetricActiveItems  = "active.items"
	MetricServiceItems = "service.items"
	MetricFeesYuan     = "fees.yuan"
	prefixChannel      = "active.channel."
	prefixCategory     = "active.category."
)

// T3Metric is the id of a 表三 cell, e.g. T3Metric("new", "total") = "t3.new.total".
func T3Metric(row, col string) string { return "t3." + row + "." + col }

// T4Metric is the id of a 表四 cell, e.g. "t4.review.upheld".
func T4Metric(block, result string) string { return "t4." + block + "." + result }

// ChannelMetric is the id of a channel's item count.
func ChannelMetric(channel string) string { return prefixChannel + channel }

// CategoryMetric is the id of a category's item count.
func CategoryMetric(category string) string { return prefixCategory + category }

// MetricIDs lists every metric id of §5 in report order, for the given
// configured category ids.
func MetricIDs(categories []string) []string {
	var ids []string
	for _, r := range T2Rows {
		ids = append(ids, r.Metrics...)
	}
	for _, r := range T3Rows {
		for _, c := range T3Columns {
			ids = append(ids, T3Metric(r.ID, c.ID))
		}
	}
	for _, b := range T4Blocks {
		for _, r := range T4Results {
			ids = append(ids, T4Metric(b.ID, r.ID))
		}
	}
	ids = append(ids, MetricActiveItems)
	for _, ch := range Channels {
		ids = append(ids, ChannelMetric(ch.ID))
	}
	for _, c := range categories {
		ids = append(ids, CategoryMetric(c))
	}
	return append(ids, MetricServiceItems, MetricFeesYuan)
}

// MetricLabel is a short Chinese label for a metric id, for column headers
// of comparison sheets; it falls back to the id.
func MetricLabel(id string, categoryLabel func(string) string) string {
	switch {
	case id == MetricActiveItems:
		return "主动公开信息数（条）"
	case id == MetricServiceItems:
		return "政务服务事项录入数（项）"
	case id == MetricFeesYuan:
		return "信息处理费（元）"
	case strings.HasPrefix(id, prefixChannel):
		return "渠道·" + ChannelLabel(strings.TrimPrefix(id, prefixChannel))
	case strings.HasPrefix(id, prefixCategory):
		return "类别·" + categoryLabel(strings.TrimPrefix(id, prefixCategory))
	case strings.HasPrefix(id, "t2."):
		for _, r := range T2Rows {
			for i, m := range r.Metrics {
				if m == id {
					return "表二·" + r.Label + "·" + T2Blocks[r.Block].Columns[i]
				}
			}
		}
	case strings.HasPrefix(id, "t3."):
		for _, r := range T3Rows {
			for _, c := range T3Columns {
				if T3Metric(r.ID, c.ID) == id {
					return "表三·" + r.ShortLabel() + "·" + c.Label
				}
			}
		}
	case strings.HasPrefix(id, "t4."):
		for _, b := range T4Blocks {
			for _, r := range T4Results {
				if T4Metric(b.ID, r.ID) == id {
					return "表四·" + b.Label + "·" + r.Label
				}
			}
		}
	}
	return id
}
