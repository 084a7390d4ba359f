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
// sheetData), the cells typed and styled exactly as excelize's
// StreamWriter would write them: text as inline strings (or shared ones),
// dates as serials with the date style, amounts with the amount style,
// row numbers plain.
//
// A positional encoder writes rows and cells without their references (a
// blank cell before a filled one as <c/>), which the format allows: rows
// that do not know where they go, so that the county's detail sheets can
// be joined from every unit's rows however many rows come before.
type rowEncoder struct {
	cols       []detailColumn
	refs       [][]byte // column letters of each column
	date       int      // style ids
	decimal    int
	positional bool
	sst        *sharedStrings // shared strings while writing; nil: all inline
	blanks     int            // blank cells not yet written (positional)
}

func newRowEncoder(cols []detailColumn, st *styles, positional bool) *rowEncoder {
	e := &rowEncoder{cols: cols, date: st.date, decimal: st.decimal, positional: positional}
	for j := range cols {
		e.refs = append(e.refs, []byte(columnLetters(j+1)))
	}
	return e
}

// columnLetters is the column name of column n (1 = A).
func columnLetters(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// appendRow appends sheet row r (1-based) holding row i of rec.
func (e *rowEncoder) appendRow(b []byte, r int, rec arrow.RecordBatch, i int) []byte {
	if e.positional {
		b = append(b, `<row>`...)
		e.blanks = 0
	} else {
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, `">`...)
	}
	for j, c := range e.cols {
		b = e.appendCell(b, j, r, c, rec.Column(c.col), i)
	}
	return append(b, `</row>`...)
}

// appendCell appends column j's cell, or nothing when it is blank.
func (e *rowEncoder) appendCell(b []byte, j, r int, c detailColumn, a arrow.Array, i int) []byte {
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
		return e.appendString(b, j, r, c, s)
	case *array.Date32:
		serial := int64(a.Value(i)) + excelEpochDays
		if serial < 61 {
			serial--
		}
		if serial < 1 { // before 1900: no serial in Excel, written as text
			return e.appendText(b, j, r, a.Value(i).FormattedString())
		}
		b = e.open(b, j, r, e.date)
		b = strconv.AppendInt(b, serial, 10)
	case *array.Float64:
		b = e.open(b, j, r, e.decimal)
		b = strconv.AppendFloat(b, a.Value(i), 'f', -1, 64)
	case *array.Int32:
		b = e.open(b, j, r, 0)
		b = strconv.AppendInt(b, int64(a.Value(i)), 10)
	case *array.Boolean:
		if a.Value(i) {
			return e.appendString(b, j, r, c, labelYes)
		}
		return e.appendString(b, j, r, c, labelNo)
	default:
		panic("output: detail column of type " + a.DataType().String()) // a defect: checkRecords admits only the ledger schemas
	}
	return append(b, `</v></c>`...)
}

// open appends the start of a number cell up to its value.
func (e *rowEncoder) open(b []byte, j, r, style int) []byte {
	b = e.start(b, j, r)
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return append(b, `><v>`...)
}

// start appends the start of a filled cell up to its attributes: the
// blank cells before it when positional, then <c and its reference.
func (e *rowEncoder) start(b []byte, j, r int) []byte {
	if e.positional {
		for ; e.blanks > 0; e.blanks-- {
			b = append(b, `<c/>`...)
		}
		return append(b, `<c`...)
	}
	b = append(b, `<c r="`...)
	b = append(b, e.refs[j]...)
	b = strconv.AppendInt(b, int64(r), 10)
	return append(b, '"')
}

// appendString appends a text cell: a shared string in a shared column
// when the workbook has a table of them, otherwise inline.
func (e *rowEncoder) appendString(b []byte, j, r int, c detailColumn, s string) []byte {
	if !c.shared || e.sst == nil {
		return e.appendText(b, j, r, s)
	}
	b = e.start(b, j, r)
	b = append(b, ` t="s"><v>`...)
	b = strconv.AppendInt(b, int64(e.sst.id(cellText(s))), 10)
	return append(b, `</v></c>`...)
}

// cellText is s cut to the characters a cell holds.
func cellText(s string) string {
	if len(s) > maxCellChars && utf8.RuneCountInString(s) > maxCellChars {
		return string([]rune(s)[:maxCellChars])
	}
	return s
}

// appendText appends an inline-string cell.
func (e *rowEncoder) appendText(b []byte, j, r int, s string) []byte {
	s = cellText(s)
	b = e.start(b, j, r)
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

// write writes n rows of rows, from the one at index from on, as sheet
// rows 2 to n+1, adding repeated text to sst unless it is nil.
func (e *rowEncoder) write(w io.Writer, sst *sharedStrings, rows iter.Seq2[arrow.RecordBatch, int], from, n int) error {
	e.sst = sst
	defer func() { e.sst = nil }()
	b := make([]byte, 0, rowsFlushBytes+4096)
	k := 0
	for rec, i := range rows {
		if k >= from+n {
			break
		}
		if k++; k <= from {
			continue
		}
		b = e.appendRow(b, k-from+1, rec, i)
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
