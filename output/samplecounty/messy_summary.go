package samplecounty

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// writeSummary draws the office's 年报统计表, below a title now and then,
// and rewrites some of its counts as offices type them (1,234 / １２ /
// 12件 / 十二).
func (m *messy) writeSummary(f *excelize.File, sheet string, o *office) error {
	top := 1
	if chance(m.r, 0.4) {
		title := fmt.Sprintf("%s%s%d年政府信息公开工作年度报告统计表", o.unit.name, o.name, m.c.year)
		if err := f.SetCellStr(sheet, "A1", title); err != nil {
			return err
		}
		top = 3
	}
	if _, err := output.DrawOfficialTables(f, sheet, top, officeTally(o, m.c.year).metrics(m.ids)); err != nil {
		return err
	}
	return m.countsAsText(f, sheet)
}

// countsAsText rewrites a share of the whole-number cells of a drawn
// summary as text; the 万元 amount stays a number.
func (m *messy) countsAsText(f *excelize.File, sheet string) error {
	share := oneOf(m.r, []float64{0, 0.3, 0.7})
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	for r, row := range rows {
		if len(row) > 0 && row[0] == amountLabel() {
			continue
		}
		for c, text := range row {
			n, err := strconv.ParseInt(text, 10, 64)
			if err != nil || n < 0 || !chance(m.r, share) {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheet, ref, m.countText(n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// amountLabel is the label of the 表二 row whose value is in 万元.
func amountLabel() string {
	for _, r := range domain.T2Rows {
		if slices.Contains(r.Metrics, amountWan) {
			return r.Label
		}
	}
	return ""
}
