package ingest

import "strings"

// Attributes that excelize decodes into numbers or booleans, by element.
var (
	runPropTypes = map[string]map[string]attrType{ // children of <rPr>
		"charset": {"val": attrInt}, "family": {"val": attrInt},
		"b": {"val": attrBool}, "i": {"val": attrBool}, "strike": {"val": attrBool},
		"outline": {"val": attrBool}, "shadow": {"val": attrBool},
		"condense": {"val": attrBool}, "extend": {"val": attrBool},
		"color": {"auto": attrBool, "indexed": attrInt, "theme": attrInt, "tint": attrFloat},
		"sz":    {"val": attrFloat},
	}
	phoneticRunTypes = map[string]attrType{"sb": attrUint32, "eb": attrUint32}
	phoneticPrTypes  = map[string]attrType{"fontId": attrInt}
	formulaTypes     = map[string]attrType{
		"aca": attrBool, "dt2D": attrBool, "dtr": attrBool, "del1": attrBool,
		"del2": attrBool, "ca": attrBool, "si": attrInt,
	}
)

// readRichText reads the content of an <si> or <is> element whose start
// tag was just read and returns its text as excelize's xlsxSI.String does:
// the <t> child, then the <t> of every <r> run, _xHHHH_ escapes decoded;
// phonetic runs are left out.
// str makes the text's string: plain string() for a cell, an arena's for a
// table of shared strings.
func (s *xmlScanner) readRichText(buf []byte, str func([]byte) string) (text string, _ []byte, ok bool) {
	end := hold(s.name)
	if !s.checkAttrs() {
		return "", buf, false
	}
	if t, plain := s.plainChild("t"); plain {
		return bstrUnescape(str(t)), buf, true
	}
	var runs []byte
	hasT := false
	buf = buf[:0]
	for {
		switch s.next() {
		case tokEnd:
			if !end.ends(s) {
				return "", buf, false
			}
			buf = append(buf, runs...)
			return bstrUnescape(str(buf)), buf, true
		case tokStart:
			switch string(s.local) {
			case "t":
				if hasT {
					return "", buf, false // encoding/xml would keep the last one
				}
				hasT = true
				if buf, ok = s.readChars(buf); !ok {
					return "", buf, false
				}
			case "r":
				if runs, ok = s.readRun(runs); !ok {
					return "", buf, false
				}
			default:
				if !s.checkElement() || !s.skip() {
					return "", buf, false
				}
			}
		case tokEmpty:
			if string(s.local) == "t" {
				if hasT {
					return "", buf, false
				}
				hasT = true
			}
			if !s.checkElement() {
				return "", buf, false
			}
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return "", buf, false
			}
		}
	}
}

// checkElement checks the typed attributes of a child of <si> or <is>.
func (s *xmlScanner) checkElement() bool {
	switch string(s.local) {
	case "rPh":
		return s.checkTyped(phoneticRunTypes)
	case "phoneticPr":
		return s.checkTyped(phoneticPrTypes)
	}
	return s.checkAttrs()
}

// readRun appends the text of an <r> run whose start tag was just read.
func (s *xmlScanner) readRun(dst []byte) ([]byte, bool) {
	end := hold(s.name)
	if !s.checkAttrs() {
		return dst, false
	}
	hasT := false
	for {
		var ok bool
		switch s.next() {
		case tokEnd:
			return dst, end.ends(s)
		case tokStart:
			switch string(s.local) {
			case "t":
				if hasT {
					return dst, false
				}
				hasT = true
				if dst, ok = s.readChars(dst); !ok {
					return dst, false
				}
			case "rPr":
				if !s.readRunProps() {
					return dst, false
				}
			default:
				if !s.skip() {
					return dst, false
				}
			}
		case tokEmpty:
			if string(s.local) == "t" {
				if hasT {
					return dst, false
				}
				hasT = true
			}
			if !s.checkAttrs() {
				return dst, false
			}
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return dst, false
			}
		}
	}
}

// readRunProps checks an <rPr> whose start tag was just read.
func (s *xmlScanner) readRunProps() bool {
	end := hold(s.name)
	if !s.checkAttrs() {
		return false
	}
	for {
		switch s.next() {
		case tokEnd:
			return end.ends(s)
		case tokStart, tokEmpty:
			start := s.kind == tokStart
			types := runPropTypes[string(s.local)]
			if !s.checkTyped(types) || start && !s.skip() {
				return false
			}
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return false
			}
		}
	}
}

// bstrUnescape decodes the _xHHHH_ escapes of a string as excelize's
// bstrUnmarshal does: _x005F_ is "_", a surrogate code is dropped.
func bstrUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' || !isHex4(s[i+2:i+6]) {
			i++
			continue
		}
		b.WriteString(s[cursor:i])
		if s[i:i+7] == "_x005F_" {
			b.WriteByte('_')
		} else if r := hex4(s[i+2 : i+6]); r < 0xD800 || r > 0xDFFF {
			b.WriteRune(r)
		}
		i += 7
		cursor = i
	}
	b.WriteString(s[cursor:])
	return b.String()
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		if !isDigit(s[i]) && !isHexLetter(s[i]) {
			return false
		}
	}
	return true
}

func hex4(s string) rune {
	var r rune
	for i := 0; i < 4; i++ {
		c := s[i]
		switch {
		case isDigit(c):
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		default:
			r = r<<4 | rune(c-'A'+10)
		}
	}
	return r
}
