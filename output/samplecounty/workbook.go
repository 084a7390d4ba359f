package samplecounty

import (
	"fmt"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// Sheet names of a generated workbook, in order.
const (
	SheetCover       = "基本信息"
	SheetDisclosure  = "主动公开台账"
	SheetApplication = "依申请公开登记台账"
	SheetAppeal      = "行政复议诉讼台账"
	SheetService     = "政务服务事项录入台账"
	SheetSummary     = "年报统计表"
)

// coverTitle is the title of the cover sheet.
const coverTitle = "政府信息公开台账报送基本信息"

// officePath is where an office's workbook goes under inbox.
func officePath(inbox string, o *office, year int) string {
	name := fmt.Sprintf("%s-%s-%d年政府信息公开台账.xlsx", o.unit.name, o.name, year)
	return filepath.Join(inbox, o.unit.name, o.name, name)
}

// writeOffice writes the office's workbook; m are its own derived metrics,
// drawn in its 年报统计表.
func writeOffice(path string, o *office, year int, m domain.Metrics) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetCover); err != nil {
		return err
	}
	for _, s := range []string{SheetDisclosure, SheetApplication, SheetAppeal, SheetService, SheetSummary} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	w := func(sheet string) *sheetWriter { return &sheetWriter{f: f, sheet: sheet, st: st} }
	if err := writeCover(w(SheetCover), o, year); err != nil {
		return err
	}
	prefix := fmt.Sprintf("%s%s%d年", o.unit.name, o.name, year)
	ledgers := []struct {
		sheet, title string
		kind         domain.Kind
		records      []map[string]any
	}{
		{SheetDisclosure, prefix + "政府信息主动公开台账", domain.KindDisclosure, disclosureRecords(o)},
		{SheetApplication, prefix + "政府信息依申请公开登记台账", domain.KindApplication, applicationRecords(o)},
		{SheetAppeal, prefix + "政府信息公开行政复议诉讼台账", domain.KindAppeal, appealRecords(o)},
		{SheetService, prefix + "政务服务事项录入台账", domain.KindServiceItem, serviceRecords(o)},
	}
	for _, l := range ledgers {
		if err := w(l.sheet).ledger(l.title, l.kind, l.records); err != nil {
			return fmt.Errorf("%s: %w", l.sheet, err)
		}
	}
	if _, err := output.DrawOfficialTables(f, SheetSummary, 1, m); err != nil {
		return fmt.Errorf("%s: %w", SheetSummary, err)
	}
	f.SetActiveSheet(0)
	return f.SaveAs(path)
}

// writeCover writes the key/value cover sheet.
func writeCover(w *sheetWriter, o *office, year int) error {
	w.title(coverTitle, 2)
	values := map[string]any{
		domain.CoverUnit:     o.unit.name + o.name,
		domain.CoverTown:     o.unit.name,
		domain.CoverYear:     year,
		domain.CoverFiller:   o.filler,
		domain.CoverPhone:    o.phone,
		domain.CoverDate:     o.filed,
		domain.CoverRevision: "初次报送",
	}
	for i, k := range domain.CoverKeys {
		w.set(1, 2+i, k)
		w.set(2, 2+i, values[k])
	}
	if w.err == nil {
		w.err = w.f.SetColWidth(w.sheet, "A", "B", 24)
	}
	return w.err
}
