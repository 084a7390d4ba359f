package ingest

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"gongkai/domain"
)

// headerKeys computes HeaderKey for the header index, quickly where it can:
// ASCII text directly, other short text once (memoised); text that cannot
// reduce to any key of the index is not reduced at all (mayName).
type headerKeys struct {
	maxRunes int      // the longest key of the index, in characters
	anyASCII bool     // some key of the index is ASCII text
	memo     sync.Map // string → its HeaderKey
	memoLen  atomic.Int32
}

// Bounds of the memo: texts up to memoText bytes, at most memoSize of them.
const (
	memoText = 64
	memoSize = 1 << 16
)

// key returns HeaderKey(s).
func (h *headerKeys) key(s string) string {
	if isASCII(s) {
		return asciiMatchKey(removeBrackets(s))
	}
	if len(s) > memoText {
		return HeaderKey(s)
	}
	if k, ok := h.memo.Load(s); ok {
		return k.(string)
	}
	k := HeaderKey(s)
	if h.memoLen.Load() < memoSize {
		if _, loaded := h.memo.LoadOrStore(strings.Clone(s), k); !loaded { // s may lie in a file's arena
			h.memoLen.Add(1)
		}
	}
	return k
}

// headerMemo keeps HeaderKeys for one file's rows (see matchHeader).
type headerMemo map[string]string

// headerMemoSize bounds a file's memo.
const headerMemoSize = 4096

// key returns HeaderKey(s), from m when it has it.
func (m headerMemo) key(h *headerKeys, s string) string {
	if m == nil || len(s) > memoText {
		return h.key(s)
	}
	if k, ok := m[s]; ok {
		return k
	}
	k := h.key(s)
	if len(m) < headerMemoSize {
		m[s] = k
	}
	return k
}

// mayName reports whether s can reduce to a key of the index: ASCII text
// only when some key is ASCII (HeaderKey keeps ASCII text ASCII), and text
// of maxRunes characters or fewer. HeaderKey keeps every CJK unified
// ideograph outside the brackets it drops (NFKC leaves them alone, they are letters) but for at most
// three numerals of a leading list number; so text with more of them
// than maxRunes+3 names no field.
func (h *headerKeys) mayName(s string) bool {
	if !h.anyASCII && isASCII(s) {
		return false // ASCII text reduces to an ASCII key
	}
	if len(s) <= 3*(h.maxRunes+3) {
		return true
	}
	return hanAtMost(s, h.maxRunes+3)
}

// hanAtMost reports whether s has at most most CJK unified ideographs
// outside the bracketed parts that HeaderKey's unitInBrackets drops. It
// stops counting past most, and steps over ideographs three bytes at a
// time (domain.IdeographAt): a ledger's titles are tried row after row.
func hanAtMost(s string, most int) bool {
	if most < 0 {
		return false
	}
	n := 0
	for i := 0; i < len(s); {
		if domain.IdeographAt(s, i) {
			if n++; n > most {
				return false
			}
			i += 3
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isOpener(r) {
			if j := closerAfter(s, i+size); j >= 0 {
				i = j // the bracketed part is dropped
				continue
			}
		}
		if r >= 0x4E00 && r <= 0x9FFF {
			if n++; n > most {
				return false
			}
		}
		i += size
	}
	return true
}

func isOpener(r rune) bool { return r == '（' || r == '(' || r == '[' || r == '【' }
func isCloser(r rune) bool { return r == '）' || r == ')' || r == ']' || r == '】' }

// closerAfter returns the offset just after the first closing bracket at
// or after i, or -1.
func closerAfter(s string, i int) int {
	for j, r := range s[i:] {
		if isCloser(r) {
			return i + j + utf8.RuneLen(r)
		}
	}
	return -1
}

// removeBrackets drops bracketed parts as unitInBrackets does, for ASCII.
func removeBrackets(s string) string {
	var out []byte
	cut, start := false, 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '(' && c != '[' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != ')' && s[j] != ']' {
			j++
		}
		if j == len(s) {
			break
		}
		out = append(out, s[start:i]...)
		cut, start, i = true, j+1, j
	}
	if !cut {
		return s
	}
	return string(append(out, s[start:]...))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiMatchKey is domain.MatchKey for ASCII text (TestASCIIMatchKey).
func asciiMatchKey(s string) string {
	if j, ok := asciiListNumber(s); ok {
		s = s[j:]
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			continue // spaces
		case c >= '!' && c <= '/', c >= ':' && c <= '@', c >= '[' && c <= '`', c >= '{' && c <= '~':
			continue // punctuation and symbols
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	if len(b) == len(s) && string(b) == s {
		return s
	}
	return string(b)
}

// asciiListNumber matches domain's listNumber on ASCII text:
// ^\s*(?:\([0-9]{1,3}\)|[0-9]{1,3}\s*[.:])\s* and returns its end.
func asciiListNumber(s string) (int, bool) {
	i := re2Space(s, 0)
	if i < len(s) && s[i] == '(' {
		j := digits(s, i+1)
		if n := j - (i + 1); n >= 1 && n <= 3 && j < len(s) && s[j] == ')' {
			return re2Space(s, j+1), true
		}
	}
	j := digits(s, i)
	if n := j - i; n < 1 || n > 3 {
		return 0, false
	}
	j = re2Space(s, j)
	if j < len(s) && (s[j] == '.' || s[j] == ':') {
		return re2Space(s, j+1), true
	}
	return 0, false
}

// re2Space skips RE2's \s: [\t\n\f\r ].
func re2Space(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

func digits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
