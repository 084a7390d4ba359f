package output

import (
	"fmt"

	"gongkai/domain"
)

// unitTablesSheet holds a unit's official tables.
const unitTablesSheet = "统计表"

// writeUnitWorkbook writes a unit's workbook to path, in a working folder
// (writeWorking): its official tables, its report draft, its findings and
// its detail records (rows, encoded with the styles encoded).
func writeUnitWorkbook(path string, cfg *domain.Config, year int, u UnitReport, rows map[domain.Kind]DetailRows, encoded *styles, draft *draftTemplate) error {
	r := &Report{Config: cfg, Year: year}
	paragraphs, err := draft.paragraphs(newDraftData(r, u))
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s%d年政府信息公开工作年度报告", u.Name, r.Year)
	f, st, err := newWorkbook(unitTablesSheet, title)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := sameRowStyles(st, encoded); err != nil {
		return err
	}
	if err := writeOfficialSheet(f, st, unitTablesSheet,
		title+"统计表",
		fmt.Sprintf("填报单位：%s　　统计年度：%d年", u.Name, r.Year),
		u.Metrics); err != nil {
		return err
	}
	if err := writeDraftSheet(f, st, paragraphs); err != nil {
		return err
	}
	findingRows, err := writeFindingsSheet(f, st, r.Config, u.Findings)
	if err != nil {
		return err
	}
	deferred, err := addDetailSheets(f, st, r.Config, []map[domain.Kind]DetailRows{rows})
	if err != nil {
		return err
	}
	return writeWorking(path, encodeWorkbook(f, append(findingRows, deferred...)))
}
