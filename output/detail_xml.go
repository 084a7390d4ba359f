package output

import (
	"io"
	"iter"
	"strconv"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// Excel's limit on the characters of one cell; longer text is cut, as
// excelize cuts it.
const maxCellChars = 32767

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
	cols    []detailColumn
	date    int // style ids
	decimal int
	blanks  int // blank cells of the row not yet written
}

func newRowEncoder(cols []detailColumn, st *styles) *rowEncoder {
	return &rowEncoder{cols: cols, date: st.date, decimal: st.decimal}
}

// columnLetters is the column name of column n (1 = A).
func columnLetters(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// appendRow appends a row holding row i of rec.
func (e *rowEncoder) appendRow(b []byte, rec arrow.RecordBatch, i int) []byte {
	b = append(b, `<row>`...)
	e.blanks = 0
	for _, c := range e.cols {
		b = e.appendCell(b, c, rec.Column(c.col), i)
	}
	return append(b, `</row>`...)
}

// appendCell appends column j's cell, or nothing when it is blank.
func (e *rowEncoder) appendCell(b []byte, c detailColumn, a arrow.Array, i int) []byte {
	if a.IsNull(i) {
		e.blanks++
		return b
	}
	switch a := a.(type) {
	case *array.String:
		s := a.Value(i)
		if c.label != nil {
			s = c.label(s)
		}
		if s == "" {
			e.blanks++
			return b
		}
		return e.appendText(b, s)
	case *array.Date32:
		serial := int64(a.Value(i)) + excelEpochDays
		if serial < 61 {
			serial--
		}
		if serial < 1 { // before 1900: no serial in Excel, written as text
			return e.appendText(b, a.Value(i).FormattedString())
		}
		b = e.open(b, e.date)
		b = strconv.AppendInt(b, serial, 10)
	case *array.Float64:
		b = e.open(b, e.decimal)
		b = strconv.AppendFloat(b, a.Value(i), 'f', -1, 64)
	case *array.Int32:
		b = e.open(b, 0)
		b = strconv.AppendInt(b, int64(a.Value(i)), 10)
	case *array.Boolean:
		if a.Value(i) {
			return e.appendText(b, labelYes)
		}
		return e.appendText(b, labelNo)
	default:
		panic("output: detail column of type " + a.DataType().String()) // a defect: checkRecords admits only the ledger schemas
	}
	return append(b, `</v></c>`...)
}

// open appends the start of a number cell up to its value.
func (e *rowEncoder) open(b []byte, style int) []byte {
	b = e.start(b)
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return append(b, `><v>`...)
}

// start appends the blank cells before a filled one, then its "<c".
func (e *rowEncoder) start(b []byte) []byte {
	for ; e.blanks > 0; e.blanks-- {
		b = append(b, `<c/>`...)
	}
	return append(b, `<c`...)
}

// cellText is s cut to the characters a cell holds.
func cellText(s string) string {
	if len(s) > maxCellChars && utf8.RuneCountInString(s) > maxCellChars {
		return string([]rune(s)[:maxCellChars])
	}
	return s
}

// appendText appends an inline-string cell.
func (e *rowEncoder) appendText(b []byte, s string) []byte {
	s = cellText(s)
	b = e.start(b)
	b = append(b, ` t="inlineStr"><is><t`...)
	if edgeSpace(s[0]) || edgeSpace(s[len(s)-1]) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendEscaped(b, s)
	return append(b, `</t></is></c>`...)
}

// edgeSpace reports whether text starting or ending in c needs
// xml:space="preserve" to keep it.
func edgeSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendEscaped appends s as XML character data: markup characters and a
// carriage return escaped, characters XML cannot carry replaced by U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#xD;"
		case r == '\t' || r == '\n':
			i += size
			continue
		case !xmlChar(r) || (r == utf8.RuneError && size == 1):
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += size
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 admits r in character data.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
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
