package domain

import (
	"strings"
	"unicode/utf8"
)

// matchKeyFast is MatchKey for text made only of characters whose NFKC
// form is known here and that compose with nothing: ASCII, CJK unified
// ideographs, full-width ASCII, the ideographic space and common CJK
// punctuation (ledger cells are nearly always such text). ok is false for
// any other text. Both give the same key (TestMatchKeyFast).
func matchKeyFast(s string) (string, bool) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if IdeographAt(s, i) {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !fastRune(r) {
			return "", false
		}
		i += n
	}
	rest := s[listNumberEnd(s):]
	b := make([]byte, 0, len(rest))
	for i := 0; i < len(rest); {
		if IdeographAt(rest, i) {
			b = append(b, rest[i:i+3]...)
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(rest[i:])
		i += n
		r = nfkcOf(r)
		switch {
		case r < utf8.RuneSelf:
			switch {
			case r == ' ', r >= '\t' && r <= '\r':
				continue // spaces
			case r >= '!' && r <= '/', r >= ':' && r <= '@', r >= '[' && r <= '`', r >= '{' && r <= '~':
				continue // punctuation and symbols
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			}
		case isStablePunct(r):
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b), true
}

// IdeographAt reports whether s holds at byte i one of U+5000–U+9FFF, CJK
// unified ideographs that are most of a Chinese text, well-formed: the text
// passes that normalise, escape or compare characters step over them three
// bytes at a time, without decoding them.
func IdeographAt(s string, i int) bool {
	c := s[i]
	return c >= 0xE5 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// fastRune is a non-ASCII character matchKeyFast handles.
func fastRune(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0xFF01 && r <= 0xFF5E || r == '\u3000' || isStablePunct(r)
}

// nfkcOf is the NFKC form of a character matchKeyFast handles.
func nfkcOf(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	}
	return r
}

// stablePuncts are punctuation marks NFKC leaves alone.
const stablePuncts = "“”‘’—·、。〈〉《》「」『』【】〔〕〖〗"

func isStablePunct(r rune) bool {
	return r >= 0xB7 && r <= 0x3017 && strings.ContainsRune(stablePuncts, r)
}

// listNumberEnd is where listNumber's match ends in the NFKC form of s
// (0 when it does not match), as a byte offset of s: ^\s*(?:\([一二三四五
// 六七八九十0-9]{1,3}\)|[一二三四五六七八九十0-9]{1,3}\s*[、.．:：])\s*
func listNumberEnd(s string) int {
	at := func(i int) (rune, int) {
		if i >= len(s) {
			return -1, 0
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		return nfkcOf(r), n
	}
	space := func(i int) int {
		for {
			r, n := at(i)
			if r != ' ' && r != '\t' && r != '\n' && r != '\f' && r != '\r' {
				return i
			}
			i += n
		}
	}
	numerals := func(i int) (int, int) {
		c := 0
		for {
			r, n := at(i)
			if !(r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)) {
				return i, c
			}
			i, c = i+n, c+1
		}
	}
	i := space(0)
	if r, n := at(i); r == '(' {
		if j, c := numerals(i + n); c >= 1 && c <= 3 {
			if r, n := at(j); r == ')' {
				return space(j + n)
			}
		}
	}
	j, c := numerals(i)
	if c < 1 || c > 3 {
		return 0
	}
	j = space(j)
	if r, n := at(j); r >= 0 && strings.ContainsRune("、.．:：", r) {
		return space(j + n)
	}
	return 0
}
