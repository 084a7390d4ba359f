package output

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// unitTablesSheet holds a unit's official tables.
const unitTablesSheet = "统计表"

// unitBook is a unit's workbook as far as it goes without its detail
// records: its official tables, its report draft and its findings. It is
// made while the records are encoded (their columns' widths are needed for
// the rest), and finished by save.
type unitBook struct {
	f           *excelize.File
	st          *styles
	findingRows []deferredRows
}

// startUnitWorkbook makes u's workbook up to its detail records, with the
// styles encoded (those of the detail rows).
func startUnitWorkbook(cfg *domain.Config, year int, u UnitReport, encoded *styles, draft *draftTemplate) (*unitBook, error) {
	r := &Report{Config: cfg, Year: year}
	paragraphs, err := draft.paragraphs(newDraftData(r, u))
	if err != nil {
		return nil, err
	}
	title := fmt.Sprintf("%s%d年政府信息公开工作年度报告", u.Name, r.Year)
	f, st, err := newWorkbook(unitTablesSheet, title)
	if err != nil {
		return nil, err
	}
	b := &unitBook{f: f, st: st}
	fill := func() error {
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
		b.findingRows, err = writeFindingsSheet(f, st, cfg, u.Findings)
		return err
	}
	if err := fill(); err != nil {
		f.Close()
		return nil, err
	}
	return b, nil
}

// save adds the detail sheets of rows and writes the workbook to path, in
// a working folder (writeWorking).
func (b *unitBook) save(path string, cfg *domain.Config, rows map[domain.Kind]DetailRows) error {
	defer b.f.Close()
	deferred, err := addDetailSheets(b.f, b.st, cfg, []map[domain.Kind]DetailRows{rows})
	if err != nil {
		return err
	}
	return writeWorking(path, encodeWorkbook(b.f, append(b.findingRows, deferred...), nil))
}
