package output

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// unitTablesSheet holds a unit's official tables.
const unitTablesSheet = "统计表"

// writeUnitWorkbook writes a unit's workbook to path: its official tables,
// its report draft, its findings and its detail records (records).
func writeUnitWorkbook(path string, r *Report, u UnitReport, records map[domain.Kind][]arrow.RecordBatch, draft *draftTemplate) error {
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
	if err := writeOfficialSheet(f, st, unitTablesSheet,
		title+"统计表",
		fmt.Sprintf("填报单位：%s　　统计年度：%d年", u.Name, r.Year),
		u.Metrics); err != nil {
		return err
	}
	if err := writeDraftSheet(f, st, paragraphs); err != nil {
		return err
	}
	if err := writeFindingsSheet(f, st, r.Config, u.Findings); err != nil {
		return err
	}
	rows, err := writeDetailSheets(f, st, r.Config, records)
	if err != nil {
		return err
	}
	return saveWorkbook(f, path, rows...)
}
