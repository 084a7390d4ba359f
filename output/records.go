package output

import (
	"fmt"
	"iter"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// checkRecords verifies that every batch of r.Records is of a ledger kind
// and has exactly the schema domain.Schema gives that kind, so that the
// writers can address columns by position and Parquet takes the batches.
func checkRecords(recs map[domain.Kind][]arrow.RecordBatch) error {
	for kind, batches := range recs {
		if _, ok := domain.LedgerFields[kind]; !ok {
			return fmt.Errorf("records of kind %q: not a ledger kind", kind)
		}
		want := domain.Schema(kind)
		for i, rec := range batches {
			if got := rec.Schema(); !got.Equal(want) {
				return fmt.Errorf("records of kind %s, batch %d: %s", kind, i, schemaDiff(got, want))
			}
		}
	}
	return nil
}

// schemaDiff says where got first differs from want.
func schemaDiff(got, want *arrow.Schema) string {
	if got.NumFields() != want.NumFields() {
		return fmt.Sprintf("%d columns, want %d", got.NumFields(), want.NumFields())
	}
	for j, f := range want.Fields() {
		if g := got.Field(j); !g.Equal(f) {
			return fmt.Sprintf("column %d is %v, want %v", j, g, f)
		}
	}
	return "byte order differs"
}

// columnIndex is the position of a column in domain.Schema(kind).
func columnIndex(kind domain.Kind, name string) int {
	idx := domain.Schema(kind).FieldIndices(name)
	if len(idx) == 0 {
		panic("output: no column " + name + " in the schema of " + string(kind)) // a defect, not bad data
	}
	return idx[0]
}

// unitFilter selects records by their unit lineage column: all of them,
// or those of one unit.
type unitFilter struct {
	all  bool
	unit string
}

var allUnits = unitFilter{all: true}

// oneUnit keeps the records of the named unit.
func oneUnit(name string) unitFilter { return unitFilter{unit: name} }

// recordRows yields the rows of batches that the filter keeps.
func recordRows(kind domain.Kind, batches []arrow.RecordBatch, keep unitFilter) iter.Seq2[arrow.RecordBatch, int] {
	unitCol := columnIndex(kind, domain.LineageUnit)
	return func(yield func(arrow.RecordBatch, int) bool) {
		for _, rec := range batches {
			units := rec.Column(unitCol).(*array.String)
			for i := range int(rec.NumRows()) {
				if !keep.all && units.Value(i) != keep.unit {
					continue
				}
				if !yield(rec, i) {
					return
				}
			}
		}
	}
}
