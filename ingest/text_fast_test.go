package ingest

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNormalizeFast checks the fast path against the general one.
func TestNormalizeFast(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if k := fastClass(r); k != fastNone {
			got := normalizeGeneral(string(r) + "a")
			fast, ok := normalizeFast(string(r) + "a")
			if !ok || fast != got {
				t.Errorf("%U: fast %q, general %q", r, fast, got)
			}
			if k == fastSelf && !keptAsWritten(r) && norm.NFKC.String(string(r)) != string(r) {
				t.Errorf("%U is not NFKC-stable", r)
			}
		}
	}
	for _, s := range []string{
		"", " ", "  a  ", "a\tb", "白沙镇\u3000党政办", "（2025年）关于，“公开”的通知", "东井政发〔2025〕12号",
		"Ａｂｃ　１２３", "a\x01b", " 关于 ", "关于  通知", "，", " ，", "a ， b", "\u3000\u3000x\u3000", "x\x7fy",
		"１，２", "ＡＢ：ＣＤ", "a\r\nb", "—·《》「」",
	} {
		fast, ok := normalizeFast(s)
		if got := normalizeGeneral(s); ok && fast != got {
			t.Errorf("%q: fast %q, general %q", s, fast, got)
		}
	}
}

// FuzzNormalizeFast compares the fast path with the general one.
func FuzzNormalizeFast(f *testing.F) {
	f.Add("（2025年）关于，“公开”的通知　Ａ１")
	f.Add(" a  b\tc ")
	f.Add("45658")
	f.Fuzz(func(t *testing.T, s string) {
		if fast, ok := normalizeFast(s); ok {
			if got := normalizeGeneral(s); fast != got {
				t.Errorf("%q: fast %q, general %q", s, fast, got)
			}
		}
		if got, want := NormalizeText(s), normalizeGeneral(s); got != want {
			t.Errorf("%q: NormalizeText %q, general %q", s, got, want)
		}
	})
}
