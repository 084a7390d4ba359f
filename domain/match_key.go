package domain

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// listNumber is a leading list number as labels carry it: "1." "(三)" "一、".
var listNumber = regexp.MustCompile(`^\s*(?:\([一二三四五六七八九十0-9]{1,3}\)|[一二三四五六七八九十0-9]{1,3}\s*[、.．:：])\s*`)

// MatchKey reduces a label or vocabulary text to the form in which two texts
// that mean the same compare equal: NFKC (full width to half width), a leading
// list number ("1." "（三）" "一、") dropped, lower case, and spaces, line
// breaks, zero-width characters, combining marks, quote marks and other
// punctuation removed.
// Header synonyms, vocabularies and official labels are all matched by it.
func MatchKey(s string) string {
	if k, ok := matchKeyFast(s); ok {
		return k
	}
	return matchKeyGeneral(s)
}

// matchKeyGeneral is MatchKey for any text.
func matchKeyGeneral(s string) string {
	s = norm.NFKC.String(s)
	s = listNumber.ReplaceAllString(s, "")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.IsPunct(r), unicode.IsSymbol(r):
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
