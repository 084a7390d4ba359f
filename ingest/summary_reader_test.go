package ingest

import (
	"slices"
	"testing"
)

// t3Header is a one-row 表三 header with the applicant columns from D.
var t3Header = []any{nil, nil, nil, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// t3Row is a 表三 row: labels in A–C, then seven values.
func t3Row(a, b, c any, v ...any) []any { return append([]any{a, b, c}, v...) }

// TestSummary2019OtherRow: the 2019 format printed （六）其他处理 as one row
// with numbers; they are read into t3.other.other, and its two 2021
// sub-rows stay absent (not missing). Quote marks vary in labels.
func TestSummary2019OtherRow(t *testing.T) {
	sub := readBook(t, map[string][][]any{
		"年报": {
			{"三、收到和处理政府信息公开申请情况"},
			t3Header,
			t3Row("一、本年新收政府信息公开申请数量", nil, nil, 3, 0, 0, 0, 0, 0, 3),
			t3Row("二、上年结转政府信息公开申请数量", nil, nil, 0, 0, 0, 0, 0, 0, 0),
			t3Row("三、本年度办理结果", "（一）予以公开", nil, 1, 0, 0, 0, 0, 0, 1),
			t3Row(nil, "（三）不予公开", `3.危及"三安全一稳定"`, 1, 0, 0, 0, 0, 0, 1),
			t3Row(nil, "（六）其他处理", nil, 1, 0, 0, 0, 0, 0, 1),
			t3Row(nil, "（七）总计", nil, 3, 0, 0, 0, 0, 0, 3),
			t3Row("四、结转下年度继续办理", nil, nil, 0, 0, 0, 0, 0, 0, 0),
		},
	}, []string{"年报"})
	sr := sub.Summary
	if sr == nil {
		t.Fatal("no summary read")
	}
	for id, want := range map[string]float64{
		"t3.other.other.natural": 1, "t3.other.other.total": 1,
		"t3.denied.three_safety.natural": 1, "t3.total.total": 3, "t3.granted.total": 1,
	} {
		if got, ok := sr.Values[id]; !ok || got != want {
			t.Errorf("%s = %v (%v), want %v", id, got, ok, want)
		}
	}
	if p := sr.Cells["t3.other.other.natural"]; p.Cell() != "D7" {
		t.Errorf("（六） read from %s, want D7", p.Cell())
	}
	for _, id := range []string{"t3.other.no_correction.natural", "t3.other.no_fee.total"} {
		if _, ok := sr.Cells[id]; ok || slices.Contains(sr.Missing, id) {
			t.Errorf("%s should be absent from a 2019-format table", id)
		}
	}
}

// TestSummaryBlankIsMissing: a blank cell or "/" is missing, a 0 is 0; a
// 本年收费金额 written in 元 is converted to 万元.
func TestSummaryBlankIsMissing(t *testing.T) {
	sub := readBook(t, map[string][][]any{
		"年报": {
			{"二、主动公开政府信息情况"},
			{"第二十条第（八）项"},
			{"信息内容", "本年收费金额（单位：万元）"},
			{"行政事业性收费", "35000元"},
			{"三、收到和处理政府信息公开申请情况"},
			t3Header,
			t3Row("一、本年新收政府信息公开申请数量", nil, nil, 2, 0, nil, "/", 0, 0, nil),
		},
	}, []string{"年报"})
	sr := sub.Summary
	if sr == nil {
		t.Fatal("no summary read")
	}
	if v := sr.Values["t2.fees.amount_wan"]; v != 3.5 {
		t.Errorf("本年收费金额 35000元 read as %v 万元, want 3.5", v)
	}
	for _, id := range []string{"t3.new.research", "t3.new.welfare", "t3.new.total"} {
		if !slices.Contains(sr.Missing, id) {
			t.Errorf("%s should be missing; missing = %v", id, sr.Missing)
		}
	}
	if v, ok := sr.Values["t3.new.commercial"]; !ok || v != 0 {
		t.Errorf("a 0 cell reads as %v, %v", v, ok)
	}
}
