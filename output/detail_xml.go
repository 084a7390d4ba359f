package output

import (
	"io"
	"iter"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// excelEpochDays is the Excel serial of 1970-01-01 (Arrow's day 0) in the
// 1900 date system; serials below 61 (before 1900-03-01) are one less, as
// Excel counts the 29 February 1900 that never was.
const excelEpochDays = 25569

// rowEncoder appends detail rows as worksheet XML (<row> elements of
// sheetData), the cells typed and styled as excelize's StreamWriter would
// write them: text as inline strings, dates as serials with the date
// style, amounts with the amount style, numbers plain.
//
// Rows and cells go without their references (a blank cell before a filled
// one as <c/>), which the format allows: rows that do not know where they
// go, so that a unit's rows, encoded once, fill both its own workbook and
// the county's, however many rows come before them there.
type rowEncoder struct {
	cells   cellXML
	cols    []detailColumn
	date    int // style ids
	decimal int
	last    []lastText // by column
}

// lastText is a column's last text cell: most columns repeat row after row
// (the lineage, the vocabularies), and a repeated cell is copied, not
// encoded again.
type lastText struct {
	text string
	xml  []byte
}

func newRowEncoder(cols []detailColumn, st *styles) *rowEncoder {
	return &rowEncoder{cols: cols, date: st.date, decimal: st.decimal, last: make([]lastText, len(cols))}
}

// appendRow appends a row holding row i of rec.
func (e *rowEncoder) appendRow(b []byte, rec arrow.RecordBatch, i int) []byte {
	b = e.cells.startRow(b)
	for j, c := range e.cols {
		b = e.appendCell(b, j, c, rec.Column(c.col), i)
	}
	return append(b, `</row>`...)
}

// appendText appends column j's text cell s.
func (e *rowEncoder) appendText(b []byte, j int, s string) []byte {
	b = e.cells.start(b, 0) // the blanks before it; no style
	last := &e.last[j]
	if s == last.text && last.xml != nil {
		return append(b, last.xml...)
	}
	at := len(b)
	b = e.cells.textAfterStart(b, s)
	last.text, last.xml = s, append(last.xml[:0], b[at:]...)
	return b
}

// appendCell appends column j's cell, or nothing when it is blank.
func (e *rowEncoder) appendCell(b []byte, j int, c detailColumn, a arrow.Array, i int) []byte {
	x := &e.cells
	if a.IsNull(i) {
		x.blank()
		return b
	}
	switch a := a.(type) {
	case *array.String:
		s := a.Value(i)
		if c.label != nil {
			s = c.label(s)
		}
		if s == "" {
			x.blank()
			return b
		}
		return e.appendText(b, j, s)
	case *array.Date32:
		serial := int64(a.Value(i)) + excelEpochDays
		if serial < 61 {
			serial--
		}
		if serial < 1 { // before 1900: no serial in Excel, written as text
			return x.text(b, a.Value(i).FormattedString(), 0)
		}
		return x.integer(b, serial, e.date)
	case *array.Float64:
		return x.float(b, a.Value(i), e.decimal)
	case *array.Int32:
		return x.integer(b, int64(a.Value(i)), 0)
	case *array.Boolean:
		if a.Value(i) {
			return x.text(b, labelYes, 0)
		}
		return x.text(b, labelNo, 0)
	}
	panic("output: detail column of type " + a.DataType().String()) // a defect: checkRecords admits only the ledger schemas
}

// rowsFlushBytes is how much row XML is gathered before it is written.
const rowsFlushBytes = 64 << 10

// write writes n rows of rows, from the one at index from on.
func (e *rowEncoder) write(w io.Writer, rows iter.Seq2[arrow.RecordBatch, int], from, n int) error {
	b := make([]byte, 0, rowsFlushBytes+4096)
	k := 0
	for rec, i := range rows {
		if k >= from+n {
			break
		}
		if k++; k <= from {
			continue
		}
		b = e.appendRow(b, rec, i)
		if len(b) >= rowsFlushBytes {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	_, err := w.Write(b)
	return err
}
