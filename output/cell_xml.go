package output

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"gongkai/domain"
)

// Excel's limit on the characters of one cell; longer text is cut, as
// excelize cuts it.
const maxCellChars = 32767

// cellXML appends the cells of worksheet rows as XML without references
// (a blank cell before a filled one as <c/>), which the format allows:
// rows that do not know where they go (see rowEncoder).
type cellXML struct {
	blanks int // blank cells of the row not yet written
}

// columnLetters is the column name of column n (1 = A).
func columnLetters(n int) string {
	s := ""
	for ; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// startRow appends the start of a row.
func (x *cellXML) startRow(b []byte) []byte {
	x.blanks = 0
	return append(b, `<row>`...)
}

// blank notes a blank cell, written only if a filled one follows.
func (x *cellXML) blank() { x.blanks++ }

// start appends the blank cells before a filled one, then its "<c" and
// its style.
func (x *cellXML) start(b []byte, style int) []byte {
	for ; x.blanks > 0; x.blanks-- {
		b = append(b, `<c/>`...)
	}
	b = append(b, `<c`...)
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return b
}

// empty appends a cell with a style and no value.
func (x *cellXML) empty(b []byte, style int) []byte {
	return append(x.start(b, style), `/>`...)
}

// cell appends a cell of v — nil, string, float64, int or time.Time, as
// sheetWriter.set takes it — with style, as excelize's SetCellValue and
// SetCellStyle write it; nil or "" without a style is a blank cell.
func (x *cellXML) cell(b []byte, v any, style int) []byte {
	switch v := v.(type) {
	case string:
		if v != "" {
			return x.text(b, v, style)
		}
	case float64:
		return x.float(b, v, style)
	case int:
		return x.integer(b, int64(v), style)
	case time.Time:
		if serial, ok := excelSerial(v); ok {
			return x.float(b, serial, style)
		}
		return x.text(b, v.Format(time.RFC3339Nano), style)
	}
	if style != 0 { // a blank cell with a style (a border, say)
		return x.empty(b, style)
	}
	x.blank()
	return b
}

// Excel's 1900 date system, as excelize converts a time (its
// timeToExcelTime): days since 1899-12-31, one more from March 1900 on
// (Excel keeps Lotus 1-2-3's 29 February 1900).
var (
	excelEpoch1900 = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelLeapBug   = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

// excelSerial is t's serial number as excelize writes it for a time in a
// workbook of the 1900 date system: its wall clock, counted from the
// epoch. ok is false before the epoch (excelize writes the time as text).
func excelSerial(t time.Time) (float64, bool) {
	_, offset := t.Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	if t.Before(excelEpoch1900) {
		return 0, false
	}
	const day = 24 * time.Hour
	const most = 290 * 364 * day
	tt, diff, serial := t, t.Sub(excelEpoch1900), 0.0
	for diff >= most {
		serial += float64(most / day)
		tt = tt.Add(-most)
		diff = tt.Sub(excelEpoch1900)
	}
	rem := diff % day
	serial += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	if t.After(excelLeapBug) {
		serial++
	}
	return serial, serial > 0
}

// integer appends a number cell holding n.
func (x *cellXML) integer(b []byte, n int64, style int) []byte {
	b = append(x.start(b, style), `><v>`...)
	b = strconv.AppendInt(b, n, 10)
	return append(b, `</v></c>`...)
}

// float appends a number cell holding v, as excelize writes a float64.
func (x *cellXML) float(b []byte, v float64, style int) []byte {
	b = append(x.start(b, style), `><v>`...)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	return append(b, `</v></c>`...)
}

// cellText is s as a cell holds it: cut to Excel's limit of characters
// (UTF-16 code units, as Excel counts them), and with any text that reads
// like Excel's escape of a character (_x0041_) escaped in turn.
func cellText(s string) string {
	if len(s) > maxCellChars { // a UTF-16 unit takes at least one byte
		n := 0
		for i, r := range s {
			if n += utf16.RuneLen(r); n > maxCellChars {
				s = s[:i]
				break
			}
		}
	}
	if strings.Contains(s, "_x") {
		s = escapeBSTR(s)
	}
	return s
}

// bstrRE and bstrNextRE find Excel's escapes of characters in text.
var (
	bstrRE     = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrNextRE = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// escapeBSTR escapes text that Excel would read as an escaped character
// (_xHHHH_) so that it reads as written, exactly as excelize does when it
// writes a cell (its bstrMarshal).
func escapeBSTR(s string) string {
	var b strings.Builder
	cursor := 0
	for _, m := range bstrRE.FindAllStringIndex(s, -1) {
		b.WriteString(s[cursor:m[0]])
		sub := s[m[0]:m[1]]
		cursor = m[1]
		if sub == "_x005F_" {
			if m[1]+6 <= len(s) && bstrNextRE.MatchString(s[m[1]:m[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[m[1]+1:m[1]+5] + `"`); err == nil {
					b.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			b.WriteString(sub + "x005F_")
			continue
		}
		b.WriteString("_x005F" + sub) // excelize drops a surrogate's escape (_xD800_); it is kept here
	}
	b.WriteString(s[cursor:])
	return b.String()
}

// text appends an inline-string cell.
func (x *cellXML) text(b []byte, s string, style int) []byte {
	return x.textAfterStart(x.start(b, style), s)
}

// textAfterStart appends the rest of an inline-string cell whose start
// ("<c" and its style) was appended.
func (x *cellXML) textAfterStart(b []byte, s string) []byte {
	s = cellText(s)
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
		if domain.IdeographAt(s, i) {
			i += 3
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
