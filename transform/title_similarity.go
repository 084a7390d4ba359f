package transform

import (
	"strconv"
	"strings"
	"unicode"

	"gongkai/domain"
)

// nearTitle normalises a title for comparison: domain.MatchKey (NFKC,
// width, punctuation, spaces), then every Chinese numeral written out as
// digits (第一季度 → 第1季度, 二〇二五年 → 2025年).
func nearTitle(title string) []rune {
	return nearTitleOfKey(domain.MatchKey(title))
}

// numeralsToDigits writes every Chinese numeral of rs out as digits.
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
	return strings.ContainsRune("零〇○一壹二贰两三叁四肆五伍六陆七柒八捌九玖", r)
}

// isNumeralRune accepts numeral digits and units; 万 and 亿 only after the
// first character, so that 万元 stays a word.
func isNumeralRune(r rune, inRun bool) bool {
	return isNumeralDigit(r) || strings.ContainsRune("十拾百佰千仟", r) || (inRun && strings.ContainsRune("万亿", r))
}

// numbersIn lists the digit sequences of a normalised title, in order.
func numbersIn(rs []rune) string {
	var b strings.Builder
	inNum := false
	for _, r := range rs {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
			inNum = true
		} else if inNum {
			b.WriteByte('|')
			inNum = false
		}
	}
	return b.String()
}

// bigrams returns the set of character bigrams of rs (a single character
// counts as its own bigram).
func bigrams(rs []rune) map[[2]rune]bool {
	set := make(map[[2]rune]bool, len(rs))
	if len(rs) == 1 {
		set[[2]rune{rs[0], 0}] = true
	}
	for i := 0; i+1 < len(rs); i++ {
		set[[2]rune{rs[i], rs[i+1]}] = true
	}
	return set
}

// jaccard is |a∩b| / |a∪b|.
func jaccard(a, b map[[2]rune]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// nearDuplicateThreshold is the bigram Jaccard from which two titles of the
// same day are shown to a person as possible duplicates.
const nearDuplicateThreshold = 0.7

// nearDuplicate reports whether two titles look like the same item written
// twice: similar enough, and with the same numbers (titles that differ in a
// number — a quarter, a year, a batch — are different items).
func nearDuplicate(a, b []rune) bool {
	if numbersIn(a) != numbersIn(b) {
		return false
	}
	return jaccard(bigrams(a), bigrams(b)) >= nearDuplicateThreshold
}
