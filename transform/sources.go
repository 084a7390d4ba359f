package transform

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// Sources remembers, per metric id, the ledger rows counted in it, so that
// a check can name the records behind a derived number (R6).
type Sources map[string][]domain.Pos

// note adds row i of rec (its lineage file, sheet and row) to a metric.
func (s Sources) note(metric string, rec arrow.RecordBatch, i int) {
	if s == nil {
		return
	}
	s[metric] = append(s[metric], lineagePos(rec, i))
}

// lineagePos is where record i of rec was read: file, sheet and row.
func lineagePos(rec arrow.RecordBatch, i int) domain.Pos {
	return domain.Pos{
		File:  stringColumn(rec, domain.LineageFile).Value(i),
		Sheet: stringColumn(rec, domain.LineageSheet).Value(i),
		Row:   int(column(rec, domain.LineageRow).(*array.Int32).Value(i)),
	}
}
