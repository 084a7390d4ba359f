package transform

import (
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"gongkai/domain"
)

// numeralsToDigits writes every Chinese numeral of rs out as digits (第一季度
// → 第1季度, 二〇二五年 → 2025年); shapeOf calls it for titles that have one.
func numeralsToDigits(rs []rune) []rune {
	var out []rune
	for i := 0; i < len(rs); {
		j := i
		hasDigit := false
		for j < len(rs) && isNumeralRune(rs[j], j > i) {
			hasDigit = hasDigit || isNumeralDigit(rs[j])
			j++
		}
		if j > i && (hasDigit || rs[i] == '十') {
			if n, ok := domain.ChineseNumeral(string(rs[i:j])); ok {
				out = append(out, []rune(strconv.FormatInt(n, 10))...)
				i = j
				continue
			}
		}
		out = append(out, rs[i])
		i++
	}
	return out
}

func isNumeralDigit(r rune) bool {
	switch r {
	case '零', '〇', '○', '一', '壹', '二', '贰', '两', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '七', '柒', '八', '捌', '九', '玖':
		return true
	}
	return false
}

// isNumeralRune accepts numeral digits and units; 万 and 亿 only after the
// first character, so that 万元 stays a word.
func isNumeralRune(r rune, inRun bool) bool {
	switch r {
	case '十', '拾', '百', '佰', '千', '仟':
		return true
	case '万', '亿':
		return inRun
	}
	return isNumeralDigit(r)
}

// numbersIn lists the digit sequences of a normalised title, in order.
func numbersIn(s string) string {
	nums, _ := scanNumbers(s, false)
	return nums
}

// scanNumbers is numbersIn; with noNumerals, it stops at a Chinese numeral
// and reports false (the numeral's digits would be numbers too).
func scanNumbers(s string, noNumerals bool) (string, bool) {
	var b []byte
	inNum := false
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= utf8.RuneSelf && !isHan(r) && unicode.IsDigit(r) {
			b = utf8.AppendRune(b, r)
			inNum = true
			continue
		}
		if noNumerals && isNumeralRune(r, false) {
			return "", false
		}
		if inNum {
			b = append(b, '|')
			inNum = false
		}
	}
	return string(b), true
}

// isHan reports whether r is a CJK unified ideograph (none is a digit):
// most of a title, kept out of unicode.IsDigit's table search.
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// appendBigrams appends to dst the set of character bigrams of s (a
// single character counts as its own bigram), each as the bigram's two
// runes in one number, in the order they come, and sets their bits
// (gramBit) in print: a bigram whose bit was not set yet is new without
// looking among the others.
func appendBigrams(dst []uint64, s string, print *[2]uint64) []uint64 {
	id := func(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }
	start := len(dst)
	add := func(g uint64) {
		bit := gramBit(g)
		word, mask := bit>>6, uint64(1)<<(bit&63)
		if print[word]&mask != 0 && slices.Contains(dst[start:], g) {
			return
		}
		print[word] |= mask
		dst = append(dst, g)
	}
	prev, n := rune(0), 0
	for _, r := range s {
		if n > 0 {
			add(id(prev, r))
		}
		prev = r
		n++
	}
	if n == 1 {
		add(id(prev, 0))
	}
	return dst
}

// gramBit is a bigram's bit in a print of bigrams (appendBigrams).
func gramBit(g uint64) uint { return uint((g * 0x9E3779B97F4A7C15) >> 57) }

// jaccard is |a∩b| / |a∪b| of two sorted sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// mayReach reports whether sets of sizes m and n may have a Jaccard of at
// least nearDuplicateThreshold: |A∩B| ≤ min and |A∪B| ≥ max, so the
// Jaccard is at most min/max; and the division, correctly rounded, keeps
// that order, so no pair it rules out would have reached the threshold.
func mayReach(m, n int) bool {
	if m == 0 && n == 0 {
		return true
	}
	return float64(min(m, n))/float64(max(m, n)) >= nearDuplicateThreshold
}

// nearDuplicateThreshold is the bigram Jaccard from which two titles of the
// same day are shown to a person as possible duplicates.
const nearDuplicateThreshold = 0.7
