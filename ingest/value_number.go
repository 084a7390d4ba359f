package ingest

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNotNumber is returned for a cell text that is not a count or amount.
var ErrNotNumber = errors.New("not a number")

// numberSuffixes are units written after a count or amount.
var numberSuffixes = []string{"万元", "元", "条", "件", "个", "项", "次", "人"}

// ParseNumber reads a count or amount as offices write it: 1,234 / １２３４ /
// 12条 / 12件 / 十二 / 一百零五 / 壹佰零伍 / 3.5万元. The text must already be
// normalised (NormalizeText) and not missing (IsMissing). wan reports a
// "万元" unit in the cell; the value is returned unscaled.
func ParseNumber(s string) (v float64, wan bool, err error) {
	s = strings.TrimSpace(s)
	for _, suf := range numberSuffixes {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			wan = suf == "万元"
			s = strings.TrimSpace(strings.TrimSuffix(s, suf))
			break
		}
	}
	if s == "" {
		return 0, false, ErrNotNumber
	}
	if c := s[0]; (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			return 0, false, ErrNotNumber
		}
		return v, wan, nil
	}
	n, ok := parseChineseNumeral(s)
	if !ok {
		return 0, false, ErrNotNumber
	}
	return float64(n), wan, nil
}

var chineseDigits = map[rune]int64{
	'零': 0, '〇': 0, '○': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3,
	'四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var chineseUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// parseChineseNumeral reads 十二, 一百零五, 壹佰零伍, 三万二千 and digit strings
// such as 二〇二五 (read digit by digit when no unit character appears).
func parseChineseNumeral(s string) (int64, bool) {
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 24 {
		return 0, false
	}
	hasUnit := false
	for _, r := range rs {
		if _, ok := chineseUnits[r]; ok || r == '万' || r == '亿' {
			hasUnit = true
		} else if _, ok := chineseDigits[r]; !ok {
			return 0, false
		}
	}
	if !hasUnit {
		var n int64
		for _, r := range rs {
			n = n*10 + chineseDigits[r]
		}
		return n, true
	}
	var total, section, digit int64
	for _, r := range rs {
		if d, ok := chineseDigits[r]; ok {
			digit = d
			continue
		}
		switch r {
		case '万', '亿':
			mult := int64(10000)
			if r == '亿' {
				mult = 100000000
			}
			total = (total + section + digit) * mult
			section, digit = 0, 0
		default:
			u := chineseUnits[r]
			if digit == 0 {
				digit = 1 // 十二 = 一十二
			}
			section += digit * u
			digit = 0
		}
	}
	return total + section + digit, true
}
