package samplecounty

import (
	"fmt"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// ledgerCell is the A1 cell of a field of the i-th record (0-based) of a
// generated ledger: records start in row 3, fields in template order.
func ledgerCell(k domain.Kind, field string, i int) string {
	col := slices.IndexFunc(domain.LedgerFields[k], func(f domain.Field) bool { return f.Name == field }) + 1
	ref, _ := excelize.CoordinatesToCellName(col, 3+i)
	return ref
}

// answeredIn reports whether an application was received and answered in
// year y.
func answeredIn(a *application, y int) bool {
	return !a.pending() && a.received.Year() == y && a.replied.Year() == y
}

// plantNegativeFee writes −10 元 as the fee of an answered application (R5,
// found as the ledger is read). The truth counts it as written.
func (p *planter) plantNegativeFee() error {
	y := p.c.year
	o, err := p.pick("R5", func(o *office) bool {
		return slices.ContainsFunc(o.apps, func(a *application) bool { return answeredIn(a, y) })
	})
	if err != nil {
		return err
	}
	i := slices.IndexFunc(o.apps, func(a *application) bool { return answeredIn(a, y) })
	o.apps[i].feeCents = -10 * one
	p.changed(o)
	p.expect(domain.RuleNonNegative, o, SheetApplication, ledgerCell(domain.KindApplication, domain.FieldFee, i))
	return nil
}

// plantWrongYear dates an item published on one channel in December of the
// year before (R8): it is not counted, and the truth leaves it out.
func (p *planter) plantWrongYear() error {
	single := func(it *item) bool { return len(it.channels) == 1 }
	o, err := p.pick("R8", func(o *office) bool { return slices.ContainsFunc(o.items, single) })
	if err != nil {
		return err
	}
	it := o.items[slices.IndexFunc(o.items, single)]
	it.date = date(p.c.year-1, time.December, 20)
	sortItems(o)
	i := slices.IndexFunc(disclosureRecords(o), func(r map[string]any) bool { return r[domain.FieldTitle] == it.title })
	p.changed(o)
	p.expect(domain.RuleReportYear, o, SheetDisclosure, ledgerCell(domain.KindDisclosure, domain.FieldDate, i))
	return nil
}

// plantLateReply answers an application five working days after the legal
// limit, by the configured holiday calendar (R9).
func (p *planter) plantLateReply() error {
	y := p.c.year
	late := func(a *application) bool {
		return answeredIn(a, y) && !a.extended && a.received.Month() <= time.September
	}
	o, err := p.pick("R9", func(o *office) bool { return slices.ContainsFunc(o.apps, late) })
	if err != nil {
		return err
	}
	i := slices.IndexFunc(o.apps, late)
	a := o.apps[i]
	reply, uncovered := p.cfg.WorkCalendar().AddWorkdays(a.received, p.cfg.Rules.AnswerDays+5)
	if uncovered != 0 {
		return fmt.Errorf("samplecounty: the holiday calendar has no year %d", uncovered)
	}
	a.replied = reply
	p.changed(o)
	p.expect(domain.RuleDeadline, o, SheetApplication, ledgerCell(domain.KindApplication, domain.FieldReplied, i))
	return nil
}

// subtotalPlant is a 合计 row added below an office's ledger.
type subtotalPlant struct {
	o     *office
	sheet string
	cells map[string]any // A1 cell → value
}

// write adds the row to the written workbook at path.
func (s subtotalPlant) write(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for ref, v := range s.cells {
		if err := f.SetCellValue(s.sheet, ref, v); err != nil {
			return err
		}
	}
	return f.Save()
}

// plantSubtotal closes one office's disclosure ledger with a 合计 row that
// counts one record too many (R7), and another office's application ledger
// with a correct one (共N件 and the sum of the fees), which must pass.
func (p *planter) plantSubtotal() error {
	o, err := p.pick("R7", anyOffice)
	if err != nil {
		return err
	}
	n := len(disclosureRecords(o))
	count := ledgerCell(domain.KindDisclosure, domain.FieldTitle, n)
	p.subtotals = append(p.subtotals, subtotalPlant{o: o, sheet: SheetDisclosure, cells: map[string]any{
		ledgerCell(domain.KindDisclosure, domain.FieldSeq, n): "合计",
		count: fmt.Sprintf("共%d条", n+1),
	}})
	p.expect(domain.RuleSubtotal, o, SheetDisclosure, count)

	good, err := p.pick("a correct 合计", func(o *office) bool { return len(o.apps) > 0 })
	if err != nil {
		return err
	}
	var cents int64
	for _, a := range good.apps {
		cents += a.feeCents
	}
	k := len(good.apps)
	p.subtotals = append(p.subtotals, subtotalPlant{o: good, sheet: SheetApplication, cells: map[string]any{
		ledgerCell(domain.KindApplication, domain.FieldAppID, k):   "合计",
		ledgerCell(domain.KindApplication, domain.FieldContent, k): fmt.Sprintf("共%d件", k),
		ledgerCell(domain.KindApplication, domain.FieldFee, k):     float64(cents) / one,
	}})
	return nil
}
