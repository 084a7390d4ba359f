package output

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// countyTablesSheet holds the county's official tables.
const countyTablesSheet = "全县统计表"

// writeCountyWorkbook writes the county workbook to path: run
// information, submissions, the county's official tables, the units
// compared, channels and categories, the monthly trend, all findings and
// the detail records, the units' rows joined from their parts (details
// and comparison, encoded with the styles encoded). It writes over the
// file at over where it may (writeAtomicOver), leaving there the slots
// that file holds already if its layout is among those known, and returns
// the new file's layout (nil: not known) and the bytes left.
func writeCountyWorkbook(path, over string, known []CountyLayout, r *Report, encoded *styles, details []map[domain.Kind]DetailRows, comparison map[string]DeflatedPart) (*CountyLayout, int64, error) {
	title := fmt.Sprintf("%s%d年政府信息公开统计汇总", r.Config.County, r.Year)
	f, st, err := newWorkbook(runInfoSheet, title)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var placed []deferredRows // the summary sheets' rows
	for _, write := range []func(*excelize.File, *styles, *Report) (deferredRows, error){writeRunInfo, writeSubmissions} {
		rows, err := write(f, st, r)
		if err != nil {
			return nil, 0, err
		}
		placed = append(placed, rows)
	}
	if err := writeOfficialSheet(f, st, countyTablesSheet,
		fmt.Sprintf("%s%d年政府信息公开工作年度报告统计表（全县汇总）", r.Config.County, r.Year),
		fmt.Sprintf("汇总单位：%s　　统计年度：%d年", r.Config.County, r.Year),
		r.County); err != nil {
		return nil, 0, err
	}
	comparisonRows, err := writeComparison(f, st, r, comparison)
	if err != nil {
		return nil, 0, err
	}
	for _, write := range []func(*excelize.File, *styles, *Report) (deferredRows, error){writeChannels, writeMonthly} {
		rows, err := write(f, st, r)
		if err != nil {
			return nil, 0, err
		}
		placed = append(placed, rows)
	}
	findingRows, err := writeFindingsSheet(f, st, r.Config, r.Findings)
	if err != nil {
		return nil, 0, err
	}
	if err := sameRowStyles(st, encoded); err != nil {
		return nil, 0, err
	}
	rows, err := addDetailSheets(f, st, r.Config, details)
	if err != nil {
		return nil, 0, err
	}
	plan := newSlotPlan(known)
	if err := writeAtomicOver(path, over, encodeWorkbook(f, slices.Concat(placed, comparisonRows, findingRows, rows), plan)); err != nil {
		return nil, 0, err
	}
	return plan.layout(StampAt(path)), plan.left, nil
}
