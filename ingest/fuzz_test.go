package ingest

import (
	"reflect"
	"testing"

	"gongkai/domain"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-05", "2025年3月5日", "二〇二五年三月五日", "45721", "20250305", "2025/13/40", "", "９９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeText(s)
		a, errA := ParseDate(n, Date1900)
		b, errB := ParseDate(NormalizeText(n), Date1900)
		if (errA == nil) != (errB == nil) || !a.Equal(b) {
			t.Fatalf("normalising twice changed the date of %q", s)
		}
		if errA == nil && (a.Year() < 1900 || a.Year() > 2100) {
			t.Fatalf("ParseDate(%q) = %v, outside the years a ledger can hold", s, a)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,234", "１２３４", "12条", "十二", "一百零五", "壹佰零伍", "3.5万元", "-", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeText(s)
		v1, w1, e1 := ParseNumber(n)
		v2, w2, e2 := ParseNumber(NormalizeText(n))
		if (e1 == nil) != (e2 == nil) || w1 != w2 || (e1 == nil && v1 != v2 && v1 == v1) {
			t.Fatalf("normalising twice changed the number of %q", s)
		}
	})
}

func FuzzHeaderKey(f *testing.F) {
	for _, s := range []string{"信息标题", "公开 日期", "收费金额（元）", "收到/立案日期", "（三）不予公开", "１.属于国家秘密"} {
		f.Add(s)
	}
	idx := newHeaderIndex(domain.DefaultConfig())
	f.Fuzz(func(t *testing.T, s string) {
		if HeaderKey(NormalizeText(s)) != HeaderKey(NormalizeText(NormalizeText(s))) {
			t.Fatalf("normalising twice changed the header key of %q", s)
		}
		if k := HeaderKey(s); HeaderKey(k) != k {
			t.Fatalf("HeaderKey is not idempotent on %q: %q then %q", s, k, HeaderKey(k))
		}
		cells := []string{s, NormalizeText(s), HeaderKey(s)}
		memo := headerMemo{}
		for range 2 { // the second time from the memo
			got, ok := idx.matchHeader(cells, memo)
			if want, wantOK := idx.matchHeader(cells, nil); ok != wantOK || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: with a file's memo %v %+v, without %v %+v", s, ok, got, wantOK, want)
			}
		}
	})
}
