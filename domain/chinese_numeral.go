package domain

var numeralDigits = map[rune]int64{
	'零': 0, '〇': 0, '○': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3,
	'四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var numeralUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// ChineseNumeral reads 十二, 一百零五, 壹佰零伍, 三万二千 and digit strings
// such as 二〇二五 (read digit by digit when no unit character appears).
func ChineseNumeral(s string) (int64, bool) {
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 24 {
		return 0, false
	}
	hasUnit := false
	for _, r := range rs {
		if _, ok := numeralUnits[r]; ok || r == '万' || r == '亿' {
			hasUnit = true
		} else if _, ok := numeralDigits[r]; !ok {
			return 0, false
		}
	}
	if !hasUnit {
		var n int64
		for _, r := range rs {
			n = n*10 + numeralDigits[r]
		}
		return n, true
	}
	var total, section, digit int64
	for _, r := range rs {
		if d, ok := numeralDigits[r]; ok {
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
			u := numeralUnits[r]
			if digit == 0 {
				digit = 1 // 十二 = 一十二
			}
			section += digit * u
			digit = 0
		}
	}
	return total + section + digit, true
}
