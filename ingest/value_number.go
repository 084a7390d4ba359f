package ingest

import (
	"errors"
	"strconv"
	"strings"

	"gongkai/domain"
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
	n, ok := domain.ChineseNumeral(s)
	if !ok {
		return 0, false, ErrNotNumber
	}
	return float64(n), wan, nil
}
