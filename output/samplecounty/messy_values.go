package samplecounty

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateStyle is how a messy file writes a date.
type dateStyle int

const (
	dateCell       dateStyle = iota // a real date cell
	dateTimeCell                    // a real date cell with a time of day
	dateISO                         // 2025-03-05
	dateSlash                       // 2025/3/5
	dateDot                         // 2025.3.5
	dateCJK                         // 2025年3月5日
	dateHao                         // 2025年3月5号
	dateCompact                     // 20250305
	dateChinese                     // 二〇二五年三月五日
	dateSerialText                  // the Excel serial number as text: 45721
	dateWithTime                    // 2025-03-05 10:30
	numDateStyles
)

// otherDateShare is the share of a ledger's date cells not written in the
// ledger's own style.
const otherDateShare = 0.15

// dateVal is a real date cell; minutes > 0 adds a time of day.
type dateVal struct {
	t       time.Time
	minutes int
}

// serial is the cell's Excel serial number.
func (d dateVal) serial() float64 { return excelSerial(d.t) + float64(d.minutes)/(24*60) }

// dateStyleOf draws the style of a ledger's dates; CSV files have no date
// cells.
func (m *messy) dateStyleOf(csv bool) dateStyle {
	if !csv && chance(m.r, 0.4) {
		return dateCell
	}
	for {
		if s := dateStyle(m.r.IntN(int(numDateStyles))); !csv || s > dateTimeCell {
			return s
		}
	}
}

// date writes day t in the ledger's style, now and then in another one. A
// zero t is a blank cell, or a mark that means missing ("/", "—", "无").
func (m *messy) date(t time.Time, style dateStyle, csv bool) any {
	if t.IsZero() {
		if chance(m.r, 0.2) {
			return oneOf(m.r, []string{"/", "—", "无"})
		}
		return nil
	}
	if chance(m.r, otherDateShare) {
		style = m.dateStyleOf(csv)
	}
	return m.dateAs(t, style)
}

// dateAs writes t in style exactly.
func (m *messy) dateAs(t time.Time, style dateStyle) any {
	y, mo, d := t.Date()
	clock := func() int { return (8+m.r.IntN(10))*60 + m.r.IntN(60) }
	switch style {
	case dateCell:
		return dateVal{t: t}
	case dateTimeCell:
		return dateVal{t: t, minutes: clock()}
	case dateISO:
		return t.Format("2006-01-02")
	case dateSlash:
		return fmt.Sprintf("%d/%d/%d", y, mo, d)
	case dateDot:
		return fmt.Sprintf("%d.%d.%d", y, mo, d)
	case dateCJK:
		return fmt.Sprintf("%d年%d月%d日", y, mo, d)
	case dateHao:
		return fmt.Sprintf("%d年%d月%d号", y, mo, d)
	case dateCompact:
		return t.Format("20060102")
	case dateChinese:
		return chineseDigits(y) + "年" + chineseCount(int64(mo)) + "月" + chineseCount(int64(d)) + "日"
	case dateSerialText:
		return strconv.FormatFloat(excelSerial(t), 'f', -1, 64)
	}
	c := clock()
	return fmt.Sprintf("%s %02d:%02d", t.Format("2006-01-02"), c/60, c%60)
}

const chineseNumerals = "〇一二三四五六七八九"

// chineseDigits writes n digit by digit: 2025 → 二〇二五.
func chineseDigits(n int) string {
	digits := []rune(chineseNumerals)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

// chineseCount writes 0 ≤ n < 10000 in Chinese numerals: 十二, 一百零五.
func chineseCount(n int64) string {
	digits := []rune("零一二三四五六七八九")
	if n < 10 {
		return string(digits[n])
	}
	if n < 20 {
		return "十" + strings.TrimPrefix(string(digits[n%10]), "零")
	}
	units := []string{"千", "百", "十", ""}
	var b strings.Builder
	zero := false
	for i, div := range []int64{1000, 100, 10, 1} {
		d := n / div % 10
		switch {
		case d == 0 && b.Len() > 0:
			zero = true
		case d != 0:
			if zero {
				b.WriteRune(digits[0])
				zero = false
			}
			b.WriteRune(digits[d])
			b.WriteString(units[i])
		}
	}
	return b.String()
}

// fullWidth turns ASCII letters and digits into their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r - 0x21 + 0xFF01
		}
		return r
	}, s)
}

// countText writes a count as offices do: 1,234 / １２ / 12件 / 十二.
func (m *messy) countText(n int64) string {
	switch m.r.IntN(4) {
	case 0:
		if n >= 1000 {
			return fmt.Sprintf("%d,%03d", n/1000, n%1000)
		}
		return fullWidth(strconv.FormatInt(n, 10))
	case 1:
		return fullWidth(strconv.FormatInt(n, 10))
	case 2:
		return strconv.FormatInt(n, 10) + oneOf(m.r, []string{"件", "个", "条"})
	}
	if n < 10000 {
		return chineseCount(n)
	}
	return strconv.FormatInt(n, 10)
}

// title adds noise that normalisation removes (NFKC, whitespace trimmed,
// zero-width characters dropped): full-width digits and letters, stray
// spaces at the ends, a zero-width space inside. CSV files get no
// zero-width space, which GBK cannot encode.
func (m *messy) title(s string, csv bool) string {
	if !chance(m.r, 0.25) {
		return s
	}
	switch m.r.IntN(4) {
	case 0:
		return fullWidth(s)
	case 1:
		return oneOf(m.r, []string{" ", "\u3000", "  "}) + s
	case 2:
		return s + oneOf(m.r, []string{" ", "\u3000", " \u3000"})
	}
	rs := []rune(s)
	if csv || len(rs) < 2 {
		return fullWidth(s) + " "
	}
	i := 1 + m.r.IntN(len(rs)-1)
	return string(rs[:i]) + oneOf(m.r, []string{"\u200b", "\ufeff"}) + string(rs[i:])
}

// fee writes an amount of cents in 元 or, for a 万元 column, in 万元:
// 25.5, "25.5元", "25.50", 0.00255.
func (m *messy) fee(cents int64, wan, csv bool) any {
	yuan := float64(cents) / one
	if wan {
		v := yuan / 10000
		if csv || chance(m.r, 0.5) {
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		return v
	}
	switch m.r.IntN(4) {
	case 0:
		return strconv.FormatFloat(yuan, 'f', -1, 64) + "元"
	case 1:
		return strconv.FormatFloat(yuan, 'f', 2, 64)
	}
	if csv {
		return strconv.FormatFloat(yuan, 'f', -1, 64)
	}
	return yuan
}
