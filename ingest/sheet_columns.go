package ingest

import "gongkai/domain"

// fieldColumns maps each field the header names to its 1-based column, so
// that checks on records can point at a cell and not only at a row.
func (l ledgerLayout) fieldColumns() map[string]int {
	out := map[string]int{}
	for i, f := range domain.LedgerFields[l.kind] {
		if l.cols[i] >= 0 {
			out[f.Name] = l.cols[i] + 1
		}
	}
	return out
}
