package ingest

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// textMode says where character data stands, for its decoding rules.
type textMode uint8

const (
	inText  textMode = iota // between tags: entities decoded, "]]>" rejected
	inCDATA                 // a CDATA section: taken as is
	inAttr                  // an attribute value: entities decoded, "<" rejected
)

// appendText appends character data to dst as encoding/xml delivers it:
// the five named entities and character references decoded, CR and CRLF
// turned into LF. ok is false where encoding/xml reports a syntax error: an
// unknown or unterminated entity, "]]>" in text, "<" in an attribute,
// invalid UTF-8 or a character outside XML's range.
func appendText(dst, raw []byte, mode textMode) ([]byte, bool) {
	plain, ok := checkChars(raw, mode)
	if !ok {
		return dst, false
	}
	if plain {
		return append(dst, raw...), true
	}
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == '&' && mode != inCDATA:
			s, n, ok := entity(raw[i:])
			if !ok {
				return dst, false
			}
			dst = append(dst, s...)
			i += n
		case c == '\r':
			dst = append(dst, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		default:
			dst = append(dst, c)
			i++
		}
	}
	return dst, true
}

// checkChars checks raw character data; plain means it needs no decoding.
func checkChars(b []byte, mode textMode) (plain, ok bool) {
	plain = true
	multi := false
	for i, c := range b {
		switch {
		case c >= 0x80:
			multi = true
			if c == 0xEF && i+2 < len(b) && b[i+1] == 0xBF && b[i+2] >= 0xBE {
				return false, false // U+FFFE, U+FFFF
			}
		case c >= 0x20 && c != '&' && c != '<' && c != '>':
		case c == '&' || c == '\r':
			plain = false
		case c == '<':
			if mode == inAttr {
				return false, false
			}
		case c == '>':
			if mode == inText && i >= 2 && b[i-1] == ']' && b[i-2] == ']' {
				return false, false
			}
		case c != '\t' && c != '\n':
			return false, false
		}
	}
	if multi && !utf8.Valid(b) {
		return false, false
	}
	return plain, true
}

// inXMLRange is XML's Char production, as encoding/xml checks it.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// entity decodes the entity at the start of b (which starts with '&') and
// returns its text and length.
func entity(b []byte) (string, int, bool) {
	if len(b) > 1 && b[1] == '#' {
		i, base := 2, 10
		if i < len(b) && b[i] == 'x' {
			i, base = 3, 16
		}
		j := i
		for j < len(b) && (isDigit(b[j]) || base == 16 && isHexLetter(b[j])) {
			j++
		}
		if j >= len(b) || b[j] != ';' {
			return "", 0, false
		}
		n, err := strconv.ParseUint(string(b[i:j]), base, 64)
		if err != nil || n > unicode.MaxRune {
			return "", 0, false
		}
		r := rune(n)
		if !inXMLRange(r) && utf8.ValidRune(r) {
			return "", 0, false
		}
		return string(r), j + 1, true // a surrogate becomes U+FFFD, as in encoding/xml
	}
	for _, e := range namedEntities {
		if len(b) > len(e.name)+1 && string(b[1:1+len(e.name)]) == e.name && b[1+len(e.name)] == ';' {
			return e.text, len(e.name) + 2, true
		}
	}
	return "", 0, false
}

// namedEntities are the entities XML predefines.
var namedEntities = []struct{ name, text string }{
	{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", `"`}, {"apos", "'"},
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isHexLetter(c byte) bool { return 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// attrString decodes an attribute value.
func attrString(a xmlAttr) (string, bool) {
	if !a.amp {
		return string(a.value), true
	}
	b, ok := appendText(nil, a.value, inAttr)
	return string(b), ok
}
