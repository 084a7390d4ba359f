package transform

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// column returns the named column of a record batch.
func column(rec arrow.RecordBatch, name string) arrow.Array {
	return rec.Column(rec.Schema().FieldIndices(name)[0])
}

func stringColumn(rec arrow.RecordBatch, name string) *array.String {
	return column(rec, name).(*array.String)
}

func dates(rec arrow.RecordBatch, name string) *array.Date32 {
	return column(rec, name).(*array.Date32)
}

// dateAt returns the day at row i, or ok=false for a null.
func dateAt(a *array.Date32, i int) (time.Time, bool) {
	if a.IsNull(i) {
		return time.Time{}, false
	}
	return a.Value(i).ToTime(), true
}
