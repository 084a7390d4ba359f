package samplecounty

import (
	"bytes"
	"encoding/csv"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/domain"
)

// writeCSV writes the office's disclosure ledger as a CSV file in GBK
// (no BOM): the header row and the records, nothing else.
func (m *messy) writeCSV(p *officePlan) error {
	h := m.planHeader(domain.KindDisclosure, false, true)
	recs := m.records(p.o, domain.KindDisclosure, recordStyle{dates: m.dateStyleOf(true), csv: true})
	if p.broken {
		recs = slices.Insert(recs, m.r.IntN(len(recs)+1), m.brokenRow(p.o))
	}
	rows := [][]string{make([]string, len(h.cols))}
	for i, c := range h.cols {
		rows[0][i] = c.label
	}
	fields := domain.LedgerFields[h.kind]
	seq := 0
	for _, rec := range recs {
		row := make([]string, len(h.cols))
		for i, c := range h.cols {
			switch {
			case c.field == extraColumn:
				row[i] = oneOf(m.r, surnames) + oneOf(m.r, givenNames)
			case fields[c.field].Name == domain.FieldSeq:
				seq++
				row[i] = strconv.Itoa(seq)
			default:
				row[i] = csvText(rec.vals[fields[c.field].Name])
			}
		}
		rows = append(rows, row)
		if rec.broken {
			cell, _ := excelize.CoordinatesToCellName(h.fieldCol(domain.FieldDate)+1, len(rows))
			m.plant(domain.RuleCellUnreadable, p.csv, csvSheetName(p.csv), cell)
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes(buf.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(m.abs(p.csv), data, 0o644)
}

// csvSheetName is how the batch names the one table of a CSV file: the
// file name without its extension.
func csvSheetName(rel string) string {
	base := path.Base(rel)
	return strings.TrimSuffix(base, path.Ext(base))
}

// csvText is a cell value as CSV text.
func csvText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	}
	panic("samplecounty: no CSV text for a cell of this type")
}
