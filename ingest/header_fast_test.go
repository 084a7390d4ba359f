package ingest

import (
	"testing"
	"unicode/utf8"

	"gongkai/domain"
)

// headerKeyCases are texts for the fast header keys.
var headerKeyCases = []string{
	"", " ", "1", "12.", "12 .", "1234.", "(12)", "(1234)", "( 1)", " 3: x", "3:", "a(b)c[d]e", "(x", "x)", "((a)b)",
	"ABC def", "a.b-c", "2025-03-05", "45678", "1.5", "\f1.x", "\v1.x", "1\v.x", "x\x01y", "(1)(2)",
	"信息标题", "公开日期（必填）", "一、信息标题", "（三）公开渠道", "关于2025年第一季度财政预算执行情况的公告（第二批）",
	"【备注】公开日期", "收费金额(万元)", "[必填]信息名称", "（未闭合信息标题",
}

// TestASCIIMatchKey checks the ASCII header key against HeaderKey.
func TestASCIIMatchKey(t *testing.T) {
	for _, s := range headerKeyCases {
		if !isASCII(s) {
			continue
		}
		if got, want := asciiMatchKey(removeBrackets(s)), HeaderKey(s); got != want {
			t.Errorf("%q: fast %q, HeaderKey %q", s, got, want)
		}
		if got, want := asciiMatchKey(s), domain.MatchKey(s); got != want {
			t.Errorf("%q: fast %q, MatchKey %q", s, got, want)
		}
	}
}

// FuzzHeaderKeys checks the fast keys and the filter against HeaderKey.
func FuzzHeaderKeys(f *testing.F) {
	for _, s := range headerKeyCases {
		f.Add(s)
	}
	idx := newHeaderIndex(domain.DefaultConfig())
	// A configuration that names a field in ASCII: ASCII text may name it.
	cfg := domain.DefaultConfig()
	cfg.Headers[domain.KindDisclosure][domain.FieldLink] = append(cfg.Headers[domain.KindDisclosure][domain.FieldLink], "URL")
	withASCII := newHeaderIndex(cfg)
	if !withASCII.keys.anyASCII || idx.keys.anyASCII {
		f.Fatalf("ASCII keys: %v with URL, %v without", withASCII.keys.anyASCII, idx.keys.anyASCII)
	}
	f.Add("URL")
	f.Add(" (1) url ")
	f.Fuzz(func(t *testing.T, s string) {
		want := HeaderKey(s)
		if got := idx.keys.key(s); got != want {
			t.Errorf("%q: key %q, HeaderKey %q", s, got, want)
		}
		if isASCII(s) && asciiMatchKey(s) != domain.MatchKey(s) {
			t.Errorf("%q: asciiMatchKey %q, MatchKey %q", s, asciiMatchKey(s), domain.MatchKey(s))
		}
		for _, ix := range []headerIndex{idx, withASCII} {
			if ix.keys.mayName(s) {
				continue
			}
			if _, ok := ix.fields[want]; ok {
				t.Errorf("%q: filtered out, but its key %q names a field", s, want)
			}
			if len([]rune(want)) <= ix.keys.maxRunes && (ix.keys.anyASCII || !isASCII(want)) {
				t.Errorf("%q: filtered out, but its key %q is short enough", s, want)
			}
		}
	})
}

// hanOutsideBracketsByRune counts, rune by rune, the CJK unified ideographs
// of s outside the bracketed parts that HeaderKey's unitInBrackets drops:
// the rule hanAtMost keeps.
func hanOutsideBracketsByRune(s string) int {
	n, cut := 0, -1 // cut: where a bracketed part being dropped ends
	for i, r := range s {
		if i < cut {
			continue
		}
		if isOpener(r) {
			if j := closerAfter(s, i+utf8.RuneLen(r)); j >= 0 {
				cut = j
				continue
			}
		}
		if r >= 0x4E00 && r <= 0x9FFF {
			n++
		}
	}
	return n
}

// FuzzHanAtMost holds hanAtMost, which steps over ideographs and stops
// early, to counting rune by rune.
func FuzzHanAtMost(f *testing.F) {
	for _, s := range []string{"", "东山镇2025年1月领导干部值班安排表(第3批)", "信息标题（原文）【附件】", "乀一丁（未闭", "[a]b(c", "\xe5\x80", "\xe4\xb8\x80\xe9\xbf\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := hanOutsideBracketsByRune(s)
		for _, most := range []int{0, 1, 3, n - 1, n, n + 1, 13} {
			if got, want := hanAtMost(s, most), n <= most; got != want {
				t.Errorf("hanAtMost(%q, %d) = %v; %d ideographs outside brackets", s, most, got, n)
			}
		}
	})
}
