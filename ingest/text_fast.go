package ingest

import (
	"unicode/utf8"

	"gongkai/domain"
)

// normalizeFast is NormalizeText for text made only of characters whose
// NFKC form is known here and that combine with nothing: ASCII, CJK
// unified ideographs, full-width ASCII, the ideographic space and common
// CJK punctuation. ok is false for any other text, which then takes the
// general path. Both give the same result (TestNormalizeFast).
func normalizeFast(s string) (string, bool) {
	same := true // the result is s itself so far
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
				same = false
			}
			i++
			continue
		}
		if domain.IdeographAt(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch fastClass(r) {
		case fastSelf:
		case fastMapped:
			same = false
		default:
			return "", false
		}
		i += size
	}
	if same {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		if domain.IdeographAt(s, i) {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+3]...)
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < utf8.RuneSelf:
			switch {
			case r == ' ', r >= '\t' && r <= '\r':
				space = len(b) > 0
				continue
			case r < 0x20 || r == 0x7F:
				continue // control characters
			}
		case r == '\u3000':
			space = len(b) > 0
			continue
		case r >= 0xFF01 && r <= 0xFF5E && !keptAsWritten(r):
			r -= 0xFEE0
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b), true
}

// fastClass is how normalizeFast treats a non-ASCII character.
type fastKind uint8

const (
	fastNone   fastKind = iota // not handled: the general path
	fastSelf                   // kept as it is
	fastMapped                 // changed (full-width form, ideographic space)
)

func fastClass(r rune) fastKind {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return fastSelf
	case r >= 0xFF01 && r <= 0xFF5E:
		if keptAsWritten(r) {
			return fastSelf
		}
		return fastMapped
	case r == '\u3000':
		return fastMapped
	case int(r) < len(stablePunct)*8 && stablePunct[r/8]&(1<<(r%8)) != 0:
		return fastSelf
	}
	return fastNone
}

// stablePunct marks punctuation that NFKC leaves alone and that is neither
// a format character nor a space: “”‘’—·、。〈〉《》「」『』【】〔〕〖〗.
var stablePunct = func() (set [0x3020/8 + 1]byte) {
	for _, r := range "“”‘’—·、。〈〉《》「」『』【】〔〕〖〗" {
		set[r/8] |= 1 << (r % 8)
	}
	return set
}()
