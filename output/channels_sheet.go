package output

import (
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// channelsSheet shows each unit's disclosures by channel and by category.
const channelsSheet = "渠道与类别"

// Notes of the channels sheet.
const (
	noteChannels      = "注：同一信息通过不同渠道公开的，在各渠道分别计数，在主动公开信息数中计1条。"
	noteNoCategories  = "未配置公开类别。"
	labelActiveItems  = "主动公开信息数（条）"
	captionChannels   = "一、各单位主动公开渠道（条）"
	captionCategories = "二、各单位主动公开类别（条）"
)

// writeChannels fills the channels sheet: units × channels, then units ×
// configured categories, each with the county's figures under the units.
func writeChannels(f *excelize.File, st *styles, r *Report) (deferredRows, error) {
	if _, err := f.NewSheet(channelsSheet); err != nil {
		return deferredRows{}, err
	}
	w := newPlacedSheetWriter(f, st, channelsSheet)
	if err := w.line(1, captionChannels, st.section); err != nil {
		return deferredRows{}, err
	}
	ids := []string{domain.MetricActiveItems}
	header := []string{headerUnit, labelActiveItems}
	for _, ch := range domain.Channels {
		ids = append(ids, domain.ChannelMetric(ch.ID))
		header = append(header, ch.Label)
	}
	next, err := w.table(2, unitsByMetrics(st, r, "Channels", header, ids))
	if err != nil {
		return deferredRows{}, err
	}
	if err := w.line(next, noteChannels, st.text); err != nil {
		return deferredRows{}, err
	}

	row := next + 2
	if err := w.line(row, captionCategories, st.section); err != nil {
		return deferredRows{}, err
	}
	if len(r.Config.Categories) == 0 {
		if err := w.line(row+1, noteNoCategories, st.text); err != nil {
			return deferredRows{}, err
		}
	} else {
		ids = []string{domain.MetricActiveItems}
		header = []string{headerUnit, labelActiveItems}
		for _, c := range r.Config.Categories {
			ids = append(ids, domain.CategoryMetric(c.ID))
			header = append(header, c.Label)
		}
		if _, err := w.table(row+1, unitsByMetrics(st, r, "Categories", header, ids)); err != nil {
			return deferredRows{}, err
		}
	}
	if err := w.sizeColumns(); err != nil {
		return deferredRows{}, err
	}
	return w.rows(), printSetup(f, channelsSheet, printing{landscape: true, fitWidth: true})
}

// unitsByMetrics is a table of the units' values of ids, with the county's
// figures as its total row.
func unitsByMetrics(st *styles, r *Report, name string, header, ids []string) table {
	t := table{name: name, header: header, total: metricRow(st, labelCountyTotal, ids, r.County, true)}
	for _, u := range r.Units {
		t.rows = append(t.rows, metricRow(st, u.Name, ids, u.Metrics, false))
	}
	return t
}
