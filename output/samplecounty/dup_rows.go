package samplecounty

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// repeatedRows is an office whose ledgers end with a row that repeats an
// earlier one: a disclosure (same title, date and channel), an application
// (same 申请编号) and an appeal (same 案号). The model is unchanged: each
// counts once.
type repeatedRows struct {
	o    *office
	rows []repeatedRow
}

// repeatedRow copies record i of a ledger below its last record.
type repeatedRow struct {
	kind    domain.Kind
	sheet   string
	records []map[string]any
	i       int
}

// planRepeatedRows picks an office with records of the three kinds.
func (p *dupPlanter) planRepeatedRows() (*repeatedRows, error) {
	o, err := p.pick("repeated rows", func(o *office) bool {
		return len(o.items) > 0 && len(o.apps) > 0 && len(o.appeals) > 0
	})
	if err != nil {
		return nil, err
	}
	rr := &repeatedRows{o: o}
	for _, l := range []struct {
		kind    domain.Kind
		sheet   string
		records []map[string]any
	}{
		{domain.KindDisclosure, SheetDisclosure, disclosureRecords(o)},
		{domain.KindApplication, SheetApplication, applicationRecords(o)},
		{domain.KindAppeal, SheetAppeal, appealRecords(o)},
	} {
		row := repeatedRow{kind: l.kind, sheet: l.sheet, records: l.records, i: p.r.IntN(len(l.records))}
		rr.rows = append(rr.rows, row)
		p.expected = append(p.expected, ExpectedDuplicate{Kind: DupRecord, Rule: domain.RuleDuplicate,
			File: p.relOffice(o), Sheet: l.sheet, Row: 3 + len(l.records), DuplicatesRow: 3 + row.i})
	}
	return rr, nil
}

// write appends the repeated rows to the office's written workbook; a
// repeated disclosure gets the next 序号, as a pasted row would.
func (rr *repeatedRows) write(p *dupPlanter) error {
	path := officePath(p.inbox, rr.o, p.c.year)
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	for _, r := range rr.rows {
		w := &sheetWriter{f: f, sheet: r.sheet, st: st}
		n := len(r.records)
		for c, fd := range domain.LedgerFields[r.kind] {
			v := r.records[r.i][fd.Name]
			if fd.Name == domain.FieldSeq && v != nil {
				v = n + 1
			}
			w.set(c+1, 3+n, v)
		}
		if w.err != nil {
			return fmt.Errorf("samplecounty: %s: %w", path, w.err)
		}
	}
	return f.Save()
}
