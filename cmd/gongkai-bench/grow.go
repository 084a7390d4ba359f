package main

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"gongkai/output/samplecounty"
)

// Columns of the generated disclosure ledger that grow rewrites.
const (
	seqColumn   = 0 // 序号
	titleColumn = 1 // 信息标题
)

// grow appends copies of a workbook's disclosure records, their titles
// marked （续k） so that each stays a record of its own, until the ledger
// holds about want rows: the generator writes at most about 600 per office
// (its titles run out), and a county of realistic size needs more. Number
// cells stay numbers with their style, so that dates stay date cells.
func grow(path string, want int) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sheet := samplecounty.SheetDisclosure
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	const first = 3 // below the title and the header
	if len(rows) < first {
		return nil
	}
	data := rows[first-1:]
	numeric := map[int]int{} // column → style, for number cells
	for c := range data[0] {
		ref, _ := excelize.CoordinatesToCellName(c+1, first)
		if t, _ := f.GetCellType(sheet, ref); t == excelize.CellTypeUnset || t == excelize.CellTypeNumber {
			if _, err := strconv.ParseFloat(data[0][c], 64); err == nil {
				numeric[c], _ = f.GetCellStyle(sheet, ref)
			}
		}
	}
	next := len(rows) + 1
	for k := 1; next-first < want; k++ {
		for _, r := range data {
			if next-first >= want {
				break
			}
			vals := make([]any, len(r))
			for c, v := range r {
				switch _, isNum := numeric[c]; {
				case c == seqColumn && isNum:
					vals[c] = next - first + 1
				case isNum:
					vals[c], _ = strconv.ParseFloat(v, 64)
				case c == titleColumn:
					vals[c] = fmt.Sprintf("%s（续%d）", v, k)
				default:
					vals[c] = v
				}
			}
			ref, _ := excelize.CoordinatesToCellName(1, next)
			if err := f.SetSheetRow(sheet, ref, &vals); err != nil {
				return err
			}
			next++
		}
	}
	for c, style := range numeric {
		if style == 0 {
			continue
		}
		from, _ := excelize.CoordinatesToCellName(c+1, len(rows)+1)
		to, _ := excelize.CoordinatesToCellName(c+1, next-1)
		if err := f.SetCellStyle(sheet, from, to, style); err != nil {
			return err
		}
	}
	return f.Save()
}
