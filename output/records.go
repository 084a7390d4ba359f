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

// recordRows yields every row of batches, in order.
func recordRows(batches []arrow.RecordBatch) iter.Seq2[arrow.RecordBatch, int] {
	return func(yield func(arrow.RecordBatch, int) bool) {
		for _, rec := range batches {
			for i := range int(rec.NumRows()) {
				if !yield(rec, i) {
					return
				}
			}
		}
	}
}

// recordsByUnit splits the records by their unit lineage column, once for
// all the unit workbooks: each run of rows of one unit becomes a slice of
// its batch. Release the slices with releaseByUnit.
func recordsByUnit(recs map[domain.Kind][]arrow.RecordBatch) map[string]map[domain.Kind][]arrow.RecordBatch {
	out := map[string]map[domain.Kind][]arrow.RecordBatch{}
	for _, kind := range domain.LedgerKinds {
		unitCol := columnIndex(kind, domain.LineageUnit)
		for _, rec := range recs[kind] {
			units := rec.Column(unitCol).(*array.String)
			n := int(rec.NumRows())
			for start := 0; start < n; {
				end := start + 1
				for end < n && units.Value(end) == units.Value(start) {
					end++
				}
				u := units.Value(start)
				if out[u] == nil {
					out[u] = map[domain.Kind][]arrow.RecordBatch{}
				}
				out[u][kind] = append(out[u][kind], rec.NewSlice(int64(start), int64(end)))
				start = end
			}
		}
	}
	return out
}

// releaseByUnit releases the slices recordsByUnit made.
func releaseByUnit(byUnit map[string]map[domain.Kind][]arrow.RecordBatch) {
	for _, recs := range byUnit {
		for _, batches := range recs {
			for _, b := range batches {
				b.Release()
			}
		}
	}
}
