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
	mem    memory.Allocator
	col    []int // per field: its column in the schema
	rows   int
	// lineage columns; those of text (file, sheet, unit, office) are the
	// same row after row and are made at the end (RepeatedText), when the
	// file's identity is known: sheets holds the sheet of each run of
	// records.
	fileCol, sheetCol, rowCol, unitCol, officeCol int
	sheets                                        []TextRun
}

func newLedgerBuilder(mem memory.Allocator, k domain.Kind) *ledgerBuilder {
	schema := domain.Schema(k)
	lb := &ledgerBuilder{kind: k, fields: domain.LedgerFields[k], b: array.NewRecordBuilder(mem, schema), mem: mem}
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
	for i, fb := range lb.b.Fields() {
		if lb.madeAtEnd(i) {
			continue
		}
		fb.Reserve(rows)
		if sb, ok := fb.(*array.StringBuilder); ok {
			sb.ReserveData(sb.DataLen() / lb.rows * rows * 9 / 8)
		}
	}
}

// madeAtEnd reports whether column i is one of the lineage text columns,
// which finish makes from runs: their builders stay empty.
func (lb *ledgerBuilder) madeAtEnd(i int) bool {
	return i == lb.fileCol || i == lb.sheetCol || i == lb.unitCol || i == lb.officeCol
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

// append adds one record, read from sheet's row.
func (lb *ledgerBuilder) append(vals []value, sheet string, row int) {
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
	lb.b.Field(lb.rowCol).(*array.Int32Builder).Append(int32(row))
	if n := len(lb.sheets); n > 0 && lb.sheets[n-1].Text == sheet {
		lb.sheets[n-1].N++
	} else {
		lb.sheets = append(lb.sheets, TextRun{sheet, 1})
	}
	lb.rows++
}

// finish returns the batch, with file, unit and office on every record.
func (lb *ledgerBuilder) finish(file, unit, office string) arrow.RecordBatch {
	defer lb.b.Release()
	schema := lb.b.Schema()
	mem := lb.mem
	cols := make([]arrow.Array, schema.NumFields())
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	for i, fb := range lb.b.Fields() {
		switch i {
		case lb.fileCol:
			cols[i] = RepeatedText(mem, []TextRun{{file, lb.rows}})
		case lb.sheetCol:
			cols[i] = RepeatedText(mem, lb.sheets)
		case lb.unitCol:
			cols[i] = RepeatedText(mem, []TextRun{{unit, lb.rows}})
		case lb.officeCol:
			cols[i] = RepeatedText(mem, []TextRun{{office, lb.rows}})
		default:
			cols[i] = fb.NewArray()
		}
	}
	return array.NewRecordBatch(schema, cols, int64(lb.rows))
}

func (lb *ledgerBuilder) release() { lb.b.Release() }

// channelSeparators separate the channels of a cell that names several.
const channelSeparators = "、，,;；/|"

// appendChannels appends to dst the channels a channel cell names: its
// text split at runs of channelSeparators, each part trimmed; "" for a
// cell that names none. A cell without a separator — nearly every one — is
// one channel, found without splitting.
func appendChannels(dst []string, s string) []string {
	if !hasChannelSeparator(s) {
		if s == "" {
			return append(dst, "")
		}
		return append(dst, strings.TrimSpace(s))
	}
	n := len(dst)
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(channelSeparators, r) }) {
		dst = append(dst, strings.TrimSpace(part))
	}
	if len(dst) == n {
		dst = append(dst, "")
	}
	return dst
}

// hasChannelSeparator reports whether s holds one of channelSeparators:
// ASCII ones by byte, the three CJK ones (、，；) by their UTF-8 bytes.
func hasChannelSeparator(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ',', ';', '/', '|':
			return true
		case 0xE3: // 、 E3 80 81
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x81 {
				return true
			}
		case 0xEF: // ， EF BC 8C, ； EF BC 9B
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x8C || s[i+2] == 0x9B) {
				return true
			}
		}
	}
	return false
}
