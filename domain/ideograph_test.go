package domain

import (
	"testing"
	"unicode/utf8"
)

// TestIdeographAt: the shortcut takes exactly U+5000–U+9FFF, well formed,
// at any place, and nothing cut short or malformed.
func TestIdeographAt(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r)
		if got, want := IdeographAt(s, 1), r >= 0x5000 && r <= 0x9FFF; got != want {
			t.Fatalf("U+%04X: %v, want %v", r, got, want)
		}
	}
	for _, s := range []string{"\xe5", "\xe5\x80", "\xe5\x80a", "\xe5a\x80", "\xe5\xc0\x80", "\xe9\xbf"} {
		if IdeographAt(s, 0) {
			t.Errorf("%q taken for an ideograph", s)
		}
	}
}
