package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// keptAsWritten reports the CJK punctuation marks that NFKC would turn
// into ASCII but that Chinese text keeps (domain.md §3): ，：；？！. A
// switch: text passes ask it of every full-width character, and titles
// are full of full-width brackets.
func keptAsWritten(r rune) bool {
	switch r {
	case '，', '：', '；', '？', '！':
		return true
	}
	return false
}

// NormalizeText applies the text rules of domain.md §3: NFKC (full-width
// letters, digits and brackets to half-width) except for CJK punctuation,
// zero-width characters dropped, inner whitespace collapsed, trimmed.
func NormalizeText(s string) string {
	if isPlainASCII(s) {
		if spacedOnce(s) {
			return s
		}
		return strings.Join(strings.Fields(s), " ")
	}
	if out, ok := normalizeFast(s); ok {
		return out
	}
	return normalizeGeneral(s)
}

// normalizeGeneral is NormalizeText for any text.
func normalizeGeneral(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	start := 0
	flush := func(seg string) {
		for _, r := range norm.NFKC.String(seg) {
			switch {
			case unicode.Is(unicode.Cf, r), unicode.IsControl(r) && !unicode.IsSpace(r):
				continue // zero-width and control characters
			case unicode.IsSpace(r):
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	for i, r := range s {
		if keptAsWritten(r) {
			flush(s[start:i])
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
			start = i + len(string(r))
		}
	}
	flush(s[start:])
	return b.String()
}

// isPlainASCII reports whether s is printable ASCII, tabs and line breaks
// (DEL is a control character: it takes the path that drops it).
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			return false
		}
	}
	return true
}

// spacedOnce reports whether ASCII text s has no space but single spaces
// between words: strings.Fields would give it back as it is.
func spacedOnce(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case '\t', '\n', '\v', '\f', '\r':
			return false
		}
	}
	return true
}

// missingMarks are the cell texts that mean "no value" (domain.md §3).
var missingMarks = map[string]bool{"": true, "/": true, "-": true, "—": true, "--": true, "——": true, "无": true, "不适用": true, "－": true}

// IsMissing reports whether a normalised cell text means "no value".
func IsMissing(s string) bool {
	return len(s) <= longestMissingMark && missingMarks[s] // most cells are longer than any mark
}

// longestMissingMark is the byte length of the longest of missingMarks.
var longestMissingMark = func() int {
	n := 0
	for m := range missingMarks {
		n = max(n, len(m))
	}
	return n
}()
