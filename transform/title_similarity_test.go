package transform

import (
	"slices"
	"testing"

	"gongkai/domain"
)

// titlePairs are hand-written pairs of disclosure titles of the same day:
// half the same item written twice, half look-alikes that are different
// items (another number, place or quarter).
var titlePairs = []struct {
	a, b string
	same bool
}{
	{"关于做好2025年春耕生产工作的通知", "关于做好2025年春耕生产工作通知", true},
	{"白沙镇2025年第一季度财政预算执行情况", "白沙镇2025年第1季度财政预算执行情况", true},
	{"白沙镇2025年第一季度财政预算执行情况", "白沙镇二〇二五年第一季度财政预算执行情况", true},
	{"关于开展森林防火宣传的通知", "关于开展森林防火宣传活动的通知", true},
	{"白沙镇农村低保资金发放情况公示", "白沙镇农村低保资金发放情况的公示", true},
	{"2025年白沙镇政府信息公开工作要点", "2025年白沙镇政府信息公开工作要点（修订）", true},
	{"白沙镇关于防汛抗旱工作的紧急通知", "白沙镇关于防汛抗旱工作紧急通知", true},
	{"白沙镇2025年3月农村低保资金发放情况公示", "白沙镇2025年三月农村低保资金发放情况公示", true},
	{"关于印发《白沙镇乡村振兴实施方案》的通知", "关于印发白沙镇乡村振兴实施方案的通知", true},
	{"白沙镇人民政府关于调整领导班子分工的通知", "白沙镇人民政府关于调整领导班子分工通知", true},
	{"白沙镇2025年度部门预算公开", "白沙镇2025年度部门预算公开说明", true},
	{"白沙镇耕地地力保护补贴发放公示", "白沙镇耕地地力保护补贴发放情况公示", true},
	{"白沙镇2025年秋季征兵公告", "白沙镇2025年秋季征兵工作公告", true},
	{"关于开展燃气安全隐患排查整治的通知", "关于开展燃气安全隐患排查整治工作的通知", true},
	{"白沙镇城乡居民医疗保险参保缴费通知", "白沙镇城乡居民医疗保险参保缴费的通知", true},
	{"白沙镇2025年危房改造补助对象公示", "白沙镇2025年危房改造补助对象名单公示", true},
	{"白沙镇 2025 年第二季度 安全生产检查通报", "白沙镇2025年第二季度安全生产检查通报", true},
	{"白沙镇关于禁止野外用火的通告", "白沙镇关于禁止野外用火的通告。", true},
	{"白沙镇退役军人优待证申领指南", "白沙镇退役军人优待证申领办事指南", true},
	{"白沙镇2025年度三公经费预算说明", "白沙镇2025年度“三公”经费预算说明", true},

	{"白沙镇2025年第一季度财政预算执行情况", "白沙镇2025年第二季度财政预算执行情况", false},
	{"2025年第一季度财政预算执行情况", "2025年第二季度财政预算执行情况", false},
	{"白沙镇2025年3月农村低保资金发放情况公示", "白沙镇2025年4月农村低保资金发放情况公示", false},
	{"白沙镇2024年度部门决算公开", "白沙镇2025年度部门决算公开", false},
	{"白沙镇第一批高标准农田建设项目公示", "白沙镇第二批高标准农田建设项目公示", false},
	{"石头埠村2025年低保对象公示", "高沙村2025年低保对象公示", false},
	{"白沙镇榄根村道路硬化工程招标公告", "白沙镇油行村道路硬化工程招标公告", false},
	{"白沙镇2025年第3期农村危房改造公示", "白沙镇2025年第4期农村危房改造公示", false},
	{"白沙镇关于开展春季植树活动的通知", "白沙镇关于开展秋季征兵活动的通知", false},
	{"关于白沙镇高速公路征地补偿的公告", "关于白沙镇铁路征地补偿的公告", false},
	{"白沙镇防汛应急预案", "白沙镇地质灾害应急预案", false},
	{"白沙镇2025年1月至6月财政收支情况", "白沙镇2025年1月至9月财政收支情况", false},
	{"白沙镇2025年度养老保险缴费标准", "白沙镇2025年度医疗保险缴费标准", false},
	{"白沙镇党委会议纪要（第5次）", "白沙镇党委会议纪要（第6次）", false},
	{"白沙镇第十届人民代表大会第三次会议公告", "白沙镇第十届人民代表大会第四次会议公告", false},
	{"关于公布白沙镇村级权力清单的通知", "关于公布白沙镇镇级权力清单的通知", false},
	{"白沙镇小学招生工作方案", "白沙镇初中招生工作方案", false},
	{"白沙镇沙尾村委会换届选举公告", "白沙镇营盘村委会换届选举公告", false},
	{"白沙镇2025年耕地保护补贴发放名单（一）", "白沙镇2025年耕地保护补贴发放名单（二）", false},
	{"关于2025年度白沙镇农业保险理赔情况的公示", "关于2025年度白沙镇林业保险理赔情况的公示", false},
}

// TestNearDuplicatePrecisionRecall measures the near-duplicate warning on
// the hand-written pairs; a look-alike that differs in a number is never
// flagged.
func TestNearDuplicatePrecisionRecall(t *testing.T) {
	if len(titlePairs) < 40 {
		t.Fatalf("%d pairs; the measure needs at least 40", len(titlePairs))
	}
	tp, fp, fn := 0, 0, 0
	for _, p := range titlePairs {
		a, b := nearTitle(p.a), nearTitle(p.b)
		got := nearDuplicate(a, b)
		switch {
		case got && p.same:
			tp++
		case got && !p.same:
			fp++
			t.Logf("look-alike flagged: %s | %s (J=%.2f)", p.a, p.b, jaccard(sortedBigrams(a), sortedBigrams(b)))
			if numbersIn(string(a)) != numbersIn(string(b)) {
				t.Errorf("titles that differ in a number were flagged: %s | %s", p.a, p.b)
			}
		case !got && p.same:
			fn++
			t.Logf("duplicate missed: %s | %s (J=%.2f)", p.a, p.b, jaccard(sortedBigrams(a), sortedBigrams(b)))
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("near-duplicate warning on %d pairs: precision %.2f, recall %.2f", len(titlePairs), precision, recall)
	if precision < 0.9 || recall < 0.85 {
		t.Errorf("precision %.2f / recall %.2f below 0.90 / 0.85", precision, recall)
	}
}

func TestNearTitle(t *testing.T) {
	for in, want := range map[string]string{
		"第一季度":    "第1季度",
		"二〇二五年":   "2025年",
		"十二月":     "12月",
		"万元":      "万元",
		"三万二千元":   "32000元",
		"（第三次）会议": "第3次会议",
	} {
		if got := string(nearTitle(in)); got != want {
			t.Errorf("nearTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShapesCompareAsTitles compares every two titles of titlePairs (and
// their halves, for sets of other sizes, and titles that repeat a bigram)
// through their shapes, as the unit's item findings do — bigrams in an
// arena, pairs ruled out by their prints — and directly: the same
// verdicts, and the bigrams' Jaccard the same as that of plain sets.
func TestShapesCompareAsTitles(t *testing.T) {
	var titles []string
	for _, p := range titlePairs {
		for _, s := range []string{p.a, p.b} {
			rs := []rune(s)
			titles = append(titles, s, string(rs[:len(rs)/2]), string(rs[len(rs)/2:]))
		}
	}
	titles = append(titles, "", "公", "公告", "公告公告", "关于关于的通知公告")
	setOf := func(rs []rune) map[[2]rune]bool {
		set := map[[2]rune]bool{}
		if len(rs) == 1 {
			set[[2]rune{rs[0], 0}] = true
		}
		for i := 0; i+1 < len(rs); i++ {
			set[[2]rune{rs[i], rs[i+1]}] = true
		}
		return set
	}
	for _, a := range titles {
		for _, b := range titles {
			na, nb := nearTitle(a), nearTitle(b)
			sa, sb := setOf(na), setOf(nb)
			inter := 0
			for k := range sa {
				if sb[k] {
					inter++
				}
			}
			want := 1.0
			if len(sa)+len(sb) > 0 {
				want = float64(inter) / float64(len(sa)+len(sb)-inter)
			}
			if got := jaccard(sortedBigrams(na), sortedBigrams(nb)); got != want {
				t.Errorf("jaccard(%q, %q) = %v, want %v", a, b, got, want)
			}
			var arena []uint64
			shapeA, shapeB := shapeOf(domain.MatchKey(a)), shapeOf(domain.MatchKey(b))
			shapes := shapeA.nearDuplicate(&shapeB, &arena)
			if direct := nearDuplicate(na, nb); shapes != direct {
				t.Errorf("%q | %q: shapes say %v, titles %v", a, b, shapes, direct)
			}
		}
	}
}

// nearTitle is the rule shapeOf keeps: a title normalised for comparison
// by domain.MatchKey (NFKC, width, punctuation, spaces), then every Chinese
// numeral written out as digits (第一季度 → 第1季度, 二〇二五年 → 2025年).
func nearTitle(title string) []rune {
	return numeralsToDigits([]rune(domain.MatchKey(title)))
}

// nearDuplicate is the rule titleShape.nearDuplicate keeps: two titles look
// like the same item written twice when similar enough and with the same
// numbers (titles that differ in a number — a quarter, a year, a batch —
// are different items).
func nearDuplicate(a, b []rune) bool {
	if numbersIn(string(a)) != numbersIn(string(b)) {
		return false
	}
	return jaccard(sortedBigrams(a), sortedBigrams(b)) >= nearDuplicateThreshold
}

// sortedBigrams is the sorted set of rs's bigrams, as jaccard takes them.
func sortedBigrams(rs []rune) []uint64 {
	var print [2]uint64
	set := appendBigrams(nil, string(rs), &print)
	slices.Sort(set)
	return set
}
