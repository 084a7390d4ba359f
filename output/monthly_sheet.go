package output

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// monthlySheet shows items and applications month by month, with charts.
const monthlySheet = "月度趋势"

// Labels of the monthly sheet.
const (
	captionMonthlyItems = "一、各单位每月主动公开信息（条）"
	captionMonthlyApps  = "二、各单位每月新收政府信息公开申请（件）"
	labelYear           = "全年"
	noteMonthly         = "注：按台账记录统计。主动公开信息按公开日期所在月份计，同一单位相同信息计1条，全年合计等于主动公开信息数；" +
		"新收申请按收到申请日期所在月份计。只报送年报统计表、未报送依申请公开台账的科室，其申请没有日期，不计入本表。"
	seriesItems = "主动公开信息（条）"
	seriesApps  = "新收申请（件）"
)

// Chart layout, in pixels; the charts sit under the tables, about as wide
// as them, one above the other on one landscape A4 page.
const (
	chartWidth       = 760
	countyChartPx    = 290
	unitsChartPx     = 340
	chartGap         = 16 // rows of 20 px from one chart's anchor to the next
	monthlyTableCols = 14 // 单位, 12 months, 全年
	notePts          = 30 // two lines of the note
)

// writeMonthly fills the monthly sheet: units × months of the items
// disclosed and of the applications received, each with the county's row,
// then a chart of the county's two series and one of the units' items.
func writeMonthly(f *excelize.File, st *styles, r *Report) (deferredRows, error) {
	if _, err := f.NewSheet(monthlySheet); err != nil {
		return deferredRows{}, err
	}
	w := newPlacedSheetWriter(f, st, monthlySheet)
	title := fmt.Sprintf("%s%d年政府信息公开月度趋势", r.Config.County, r.Year)
	if err := w.line(1, title, st.title); err != nil {
		return deferredRows{}, err
	}
	items := func(m domain.Monthly) domain.Months { return m.Items }
	apps := func(m domain.Monthly) domain.Months { return m.Applications }

	itemsTop := 4
	if err := w.line(itemsTop-1, captionMonthlyItems, st.section); err != nil {
		return deferredRows{}, err
	}
	next, err := w.table(itemsTop, monthsTable(st, r, "MonthlyItems", items))
	if err != nil {
		return deferredRows{}, err
	}
	// Each table prints on a page of its own, and the charts on a third.
	appsTop := next + 2
	if err := f.InsertPageBreak(monthlySheet, "A"+strconv.Itoa(appsTop-1)); err != nil {
		return deferredRows{}, err
	}
	if err := w.line(appsTop-1, captionMonthlyApps, st.section); err != nil {
		return deferredRows{}, err
	}
	if next, err = w.table(appsTop, monthsTable(st, r, "MonthlyApplications", apps)); err != nil {
		return deferredRows{}, err
	}
	if err := w.note(next, monthlyTableCols, noteMonthly, notePts); err != nil {
		return deferredRows{}, err
	}
	if err := w.sizeColumns(); err != nil {
		return deferredRows{}, err
	}
	charts := next + 2
	if err := f.InsertPageBreak(monthlySheet, "A"+strconv.Itoa(charts)); err != nil {
		return deferredRows{}, err
	}
	if err := addCountyChart(f, r, itemsTop, appsTop, charts); err != nil {
		return deferredRows{}, err
	}
	if err := addUnitsChart(f, r, itemsTop, charts+chartGap); err != nil {
		return deferredRows{}, err
	}
	return w.rows(), printSetup(f, monthlySheet, printing{landscape: true, fitWidth: true})
}

// monthsTable is units × months of the figure pick chooses, with the
// year's total in the last column and the county's row under the units.
func monthsTable(st *styles, r *Report, name string, pick func(domain.Monthly) domain.Months) table {
	header := []string{headerUnit}
	for m := 1; m <= 12; m++ {
		header = append(header, strconv.Itoa(m)+"月")
	}
	header = append(header, labelYear)
	row := func(label any, months domain.Months, style int) []any {
		out := []any{label}
		for _, n := range months {
			out = append(out, styled{n, style})
		}
		return append(out, styled{months.Sum(), style})
	}
	t := table{name: name, header: header, total: row(styled{labelCountyTotal, st.totalLabel}, pick(r.Monthly.County), st.totalInt)}
	for _, u := range r.Units {
		t.rows = append(t.rows, row(u.Name, pick(r.Monthly.Units[u.Name]), st.integer))
	}
	return t
}

// addCountyChart draws the county's items (columns, their values in the
// table above) and applications (a labelled line on the right-hand axis)
// by month, at row at, from the county rows of the two tables whose
// headers are at itemsTop and appsTop.
func addCountyChart(f *excelize.File, r *Report, itemsTop, appsTop, at int) error {
	months := monthRange(itemsTop)
	items := &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{{Name: seriesItems, Categories: months, Values: valueRange(countyRow(r, itemsTop))}},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
		Title:     chartTitle(fmt.Sprintf("%s%d年每月主动公开信息和新收申请", r.Config.County, r.Year)),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: countyChartPx},
		XAxis:     excelize.ChartAxis{Font: chartFont()},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: chartFont(), Title: axisTitle(seriesItems)},
	}
	line := excelize.ChartSeries{
		Name: seriesApps, Categories: months, Values: valueRange(countyRow(r, appsTop)),
		Marker:            excelize.ChartMarker{Symbol: "circle", Size: 6},
		DataLabelPosition: excelize.ChartDataLabelsPositionAbove,
	}
	apps := &excelize.Chart{
		Type:     excelize.Line,
		Series:   []excelize.ChartSeries{line},
		YAxis:    excelize.ChartAxis{Secondary: true, Font: chartFont(), Title: axisTitle(seriesApps)},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
	}
	return f.AddChart(monthlySheet, "A"+strconv.Itoa(at), items, apps)
}

// chartTitle is a chart's title in the workbook's font.
func chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
		Text: text, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true},
	}}}
}

// addUnitsChart draws each unit's items by month as stacked columns, at
// row at, from the items table that starts at itemsTop.
func addUnitsChart(f *excelize.File, r *Report, itemsTop, at int) error {
	months := monthRange(itemsTop)
	var series []excelize.ChartSeries
	for i := range r.Units {
		row := itemsTop + 1 + i
		series = append(series, excelize.ChartSeries{
			Name:       quotedSheet(monthlySheet) + "!$A$" + strconv.Itoa(row),
			Categories: months,
			Values:     valueRange(row),
		})
	}
	if len(series) == 0 {
		return nil
	}
	return f.AddChart(monthlySheet, "A"+strconv.Itoa(at), &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
		Title:     chartTitle(fmt.Sprintf("%s%d年各单位每月主动公开信息（条）", r.Config.County, r.Year)),
		Legend:    excelize.ChartLegend{Position: "right"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: unitsChartPx},
		XAxis:     excelize.ChartAxis{Font: chartFont()},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: chartFont()},
	})
}

// countyRow is the row of the county's figures under a months table
// whose header is at top (sheetWriter.table puts it under the last unit).
func countyRow(r *Report, top int) int { return top + max(len(r.Units), 1) + 1 }

// monthRange is the reference of the month labels in the header row.
func monthRange(header int) string {
	return fmt.Sprintf("%s!$B$%d:$M$%d", quotedSheet(monthlySheet), header, header)
}

// valueRange is the reference of the twelve monthly values of a row.
func valueRange(row int) string {
	return fmt.Sprintf("%s!$B$%d:$M$%d", quotedSheet(monthlySheet), row, row)
}

// quotedSheet is a sheet name as a formula reference spells it.
func quotedSheet(name string) string { return "'" + name + "'" }

// chartFont is the font of axis labels: dark enough to read on paper.
func chartFont() excelize.Font { return excelize.Font{Family: fontName, Size: 9, Color: "404040"} }

func axisTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Family: fontName, Size: 9}}}}
}
