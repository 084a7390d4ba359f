package domain

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var matchKeyCases = []string{
	"", " ", "一、信息标题", "（三）公开渠道", "(1)信息 标题", "1.5", "12. 公开日期", "1234.x", "十一、x", "一二三四、x",
	"３．申请人类型", "（十）x", "　１、　办理结果", "信息标题（必填）", "关于2025年第一季度“财政”预算的公告《通知》",
	"ＡＢＣ", "a\vb", "1\v.x", "\f1:x", "东井政发〔2025〕12号", "·—", "（1)", "(1）x", "1 、x",
}

// TestMatchKeyFast checks the fast path against the general one.
func TestMatchKeyFast(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if !fastRune(r) {
			continue
		}
		if n := string(nfkcOf(r)); norm.NFKC.String(string(r)) != n {
			t.Errorf("%U: NFKC %q, fast %q", r, norm.NFKC.String(string(r)), n)
		}
		if isStablePunct(r) && !unicode.IsPunct(r) {
			t.Errorf("%U is not punctuation", r)
		}
	}
	for _, s := range matchKeyCases {
		if fast, ok := matchKeyFast(s); ok && fast != matchKeyGeneral(s) {
			t.Errorf("%q: fast %q, general %q", s, fast, matchKeyGeneral(s))
		}
	}
}

// FuzzMatchKeyFast compares the fast path with the general one.
func FuzzMatchKeyFast(f *testing.F) {
	for _, s := range matchKeyCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if fast, ok := matchKeyFast(s); ok && fast != matchKeyGeneral(s) {
			t.Errorf("%q: fast %q, general %q", s, fast, matchKeyGeneral(s))
		}
	})
}
