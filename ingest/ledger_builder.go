package ingest

import (
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// ledgerBuilder accumulates one kind's records of a file.
type ledgerBuilder struct {
	kind   domain.Kind
	fields []domain.Field
	b      *array.RecordBuilder
	col    []int // per field: its column in the schema
	rows   int
	// lineage columns; unit and office are filled in at the end, when the
	// file's identity is known.
	fileCol, sheetCol, rowCol, unitCol, officeCol int
}

func newLedgerBuilder(mem memory.Allocator, k domain.Kind) *ledgerBuilder {
	schema := domain.Schema(k)
	lb := &ledgerBuilder{kind: k, fields: domain.LedgerFields[k], b: array.NewRecordBuilder(mem, schema)}
	for _, f := range lb.fields {
		lb.col = append(lb.col, schema.FieldIndices(f.Name)[0])
	}
	lb.fileCol = schema.FieldIndices(domain.LineageFile)[0]
	lb.sheetCol = schema.FieldIndices(domain.LineageSheet)[0]
	lb.rowCol = schema.FieldIndices(domain.LineageRow)[0]
	lb.unitCol = schema.FieldIndices(domain.LineageUnit)[0]
	lb.officeCol = schema.FieldIndices(domain.LineageOffice)[0]
	return lb
}

// sampleRows is how many records of a sheet its columns are sized from.
const sampleRows = 64

// expect says about rows more records are coming: the columns are sized
// for them at once, the text columns for as much text per record as so
// far (an eighth more), so that they are not copied each time they fill up.
func (lb *ledgerBuilder) expect(rows int) {
	if rows <= 0 || lb.rows == 0 {
		return
	}
	lb.b.Reserve(rows)
	for _, fb := range lb.b.Fields() {
		if sb, ok := fb.(*array.StringBuilder); ok {
			sb.ReserveData(sb.DataLen() / lb.rows * rows * 9 / 8)
		}
	}
}

// value is one parsed cell of a record.
type value struct {
	text  string    // TypeText; the canonical id of TypeVocab
	raw   string    // TypeVocab: the text as written
	date  time.Time // TypeDate
	num   float64   // TypeAmount
	flag  bool      // TypeBool
	valid bool      // false for a missing (null) date, amount or bool
}

// append adds one record.
func (lb *ledgerBuilder) append(vals []value, file, sheet string, row int) {
	for i, f := range lb.fields {
		v := vals[i]
		fb := lb.b.Field(lb.col[i])
		switch f.Type {
		case domain.TypeText:
			fb.(*array.StringBuilder).Append(v.text)
		case domain.TypeVocab:
			fb.(*array.StringBuilder).Append(v.text)
			lb.b.Field(lb.col[i] + 1).(*array.StringBuilder).Append(v.raw)
		case domain.TypeDate:
			if v.valid {
				fb.(*array.Date32Builder).Append(arrow.Date32FromTime(v.date))
			} else {
				fb.AppendNull()
			}
		case domain.TypeAmount:
			if v.valid {
				fb.(*array.Float64Builder).Append(v.num)
			} else {
				fb.AppendNull()
			}
		case domain.TypeBool:
			if v.valid {
				fb.(*array.BooleanBuilder).Append(v.flag)
			} else {
				fb.AppendNull()
			}
		}
	}
	lb.b.Field(lb.fileCol).(*array.StringBuilder).Append(file)
	lb.b.Field(lb.sheetCol).(*array.StringBuilder).Append(sheet)
	lb.b.Field(lb.rowCol).(*array.Int32Builder).Append(int32(row))
	lb.rows++
}

// finish fills the unit and office of every record and returns the batch.
func (lb *ledgerBuilder) finish(unit, office string) arrow.RecordBatch {
	ub := lb.b.Field(lb.unitCol).(*array.StringBuilder)
	ob := lb.b.Field(lb.officeCol).(*array.StringBuilder)
	ub.Reserve(lb.rows)
	ub.ReserveData(lb.rows * len(unit))
	ob.Reserve(lb.rows)
	ob.ReserveData(lb.rows * len(office))
	for i := 0; i < lb.rows; i++ {
		ub.Append(unit)
		ob.Append(office)
	}
	rec := lb.b.NewRecordBatch()
	lb.b.Release()
	return rec
}

func (lb *ledgerBuilder) release() { lb.b.Release() }

// splitChannels splits a channel cell that names several channels.
func splitChannels(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,;；/|", r)
	})
	if len(parts) == 0 {
		return []string{""}
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
