package output

import (
	"testing"

	"golang.org/x/text/width"
)

// FuzzDisplayWidth: the width of a text, with its shortcut for CJK
// ideographs, is the sum of its characters' East Asian widths.
func FuzzDisplayWidth(f *testing.F) {
	f.Add("东山镇2025年1月领导干部值班安排表（第3批）")
	f.Add("ＡＢＣ abc\xe5\x80")
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for _, r := range s {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				want += 2
			default:
				want++
			}
		}
		if got := displayWidth(s); got != want {
			t.Errorf("%q: %d, want %d", s, got, want)
		}
	})
}
