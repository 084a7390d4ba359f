package ingest

import (
	"fmt"
	"testing"
	"time"

	"gongkai/domain"
)

// benchTexts are cell texts as ledgers hold them, made outside the timed loops.
var benchTexts = func() []string {
	var out []string
	for i := range 1000 {
		out = append(out,
			fmt.Sprintf("关于白沙镇2025年第%d批次农村危房改造补助资金（第%d批）的公示", i%12+1, i),
			fmt.Sprintf("%d", 45600+i%365),
			"政府网站、公开栏",
			fmt.Sprintf("白政发〔2025〕%d号", i),
			fmt.Sprintf("Ａｂｃ　%d　条", i),
		)
	}
	return out
}()

// BenchmarkNormalizeText normalises cell texts.
func BenchmarkNormalizeText(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range benchTexts {
			NormalizeText(s)
		}
		n += len(benchTexts)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "cells/s")
}

// benchDates are date cells: serials, and text in the forms offices write.
var benchDates = func() []string {
	var out []string
	for i := range 1000 {
		out = append(out, fmt.Sprint(45600+i%365), fmt.Sprintf("2025-%02d-%02d", i%12+1, i%28+1),
			fmt.Sprintf("2025年%d月%d日", i%12+1, i%28+1), "20250305", "二〇二五年三月五日")
	}
	return out
}()

// BenchmarkParseDate reads date cells.
func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range benchDates {
			if _, err := ParseDate(s, Date1900); err != nil {
				b.Fatal(s, err)
			}
		}
		n += len(benchDates)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "cells/s")
}

// BenchmarkParseNumber reads count and amount cells.
func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	cells := []string{"1,234", "12条", "3.5万元", "十二", "一百零五", "壹佰零伍", "0", "88"}
	n := 0
	for b.Loop() {
		for _, s := range cells {
			if _, _, err := ParseNumber(s); err != nil {
				b.Fatal(s, err)
			}
		}
		n += len(cells)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "cells/s")
}

// BenchmarkMatchHeader tries rows as ledger headers: header rows (found)
// and record rows (every row below a header is tried, for a repeated one).
func BenchmarkMatchHeader(b *testing.B) {
	idx := newHeaderIndex(domain.DefaultConfig())
	header := []string{"序号", "信息标题", "公开日期", "公开类别", "公开渠道", "文号", "链接", "发布科室", "备注"}
	var rows [][]string
	for i := range 1000 {
		rows = append(rows, []string{fmt.Sprint(i + 1), benchTexts[5*i], benchTexts[5*i+1], "财政预决算",
			"政府网站", benchTexts[5*i+3], "", "党政办", ""})
	}
	b.ReportAllocs()
	n := 0
	memo := headerMemo{} // as a file's reader keeps it
	for b.Loop() {
		if _, ok := idx.matchHeader(header, memo); !ok {
			b.Fatal("header not matched")
		}
		for _, r := range rows {
			if _, ok := idx.matchHeader(r, memo); ok {
				b.Fatal("a record taken for a header")
			}
		}
		n += len(rows) + 1
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "rows/s")
}

// TestParseDigitsSameAsRegexps checks the digits-only path of ParseDate
// against the general one.
func TestParseDigitsSameAsRegexps(t *testing.T) {
	general := func(s string, sys DateSystem) (time.Time, error) {
		if m := compactDate.FindStringSubmatch(s); m != nil {
			if t, ok := civil(m[1], m[2], m[3]); ok {
				return t, nil
			}
		}
		if serialDate.MatchString(s) {
			return fromSerial(s, sys)
		}
		return time.Time{}, ErrNotDate
	}
	for _, s := range []string{"0", "1", "59", "60", "61", "45678", "2958465", "2958466", "9999999", "20250305",
		"20251305", "19000101", "21001231", "21010101", "00000000", "12345678", "0000001", "123456789"} {
		for _, sys := range []DateSystem{Date1900, Date1904} {
			want, werr := general(s, sys)
			got, gerr := ParseDate(s, sys)
			if !got.Equal(want) || (gerr == nil) != (werr == nil) {
				t.Errorf("%q (%v): %v %v, want %v %v", s, sys, got, gerr, want, werr)
			}
		}
	}
}
