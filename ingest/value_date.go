package ingest

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gongkai/domain"
)

// ErrNotDate is returned for a cell text that is not a date.
var ErrNotDate = errors.New("not a date")

var (
	// 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 2025年3月5号, with an optional time after.
	numericDate = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$`)
	// 二〇二五年三月五日
	chineseDate = regexp.MustCompile(`^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]$`)
	compactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	serialDate  = regexp.MustCompile(`^\d{1,7}(?:\.\d+)?$`)
)

// DateSystem is the epoch of a workbook's serial dates.
type DateSystem int

// The two Excel date systems.
const (
	Date1900 DateSystem = iota
	Date1904
)

// ParseDate reads a date cell as offices fill it (domain.md §3): an Excel
// serial number (in sys), or text such as 2025-03-05, 2025/3/5, 2025.3.5,
// 2025年3月5日, 20250305, 2025年3月5号, 二〇二五年三月五日, with or without
// a time. The text must be normalised (NormalizeText). The result is the
// calendar day at 00:00 UTC.
func ParseDate(s string, sys DateSystem) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err, ok := parseDigits(s, sys); ok {
		return t, err
	}
	if m := compactDate.FindStringSubmatch(s); m != nil {
		if t, ok := civil(m[1], m[2], m[3]); ok {
			return t, nil
		}
	}
	if serialDate.MatchString(s) {
		return fromSerial(s, sys)
	}
	if m := numericDate.FindStringSubmatch(s); m != nil {
		if t, ok := civil(m[1], m[2], m[3]); ok {
			return t, nil
		}
		return time.Time{}, ErrNotDate
	}
	if m := chineseDate.FindStringSubmatch(s); m != nil {
		y, ok1 := domain.ChineseNumeral(m[1])
		mo, ok2 := domain.ChineseNumeral(m[2])
		d, ok3 := domain.ChineseNumeral(m[3])
		if ok1 && ok2 && ok3 {
			if t, ok := civil(strconv.FormatInt(y, 10), strconv.FormatInt(mo, 10), strconv.FormatInt(d, 10)); ok {
				return t, nil
			}
		}
	}
	return time.Time{}, ErrNotDate
}

// civil builds a valid day between 1900 and 2100, or reports false.
func civil(ys, ms, ds string) (time.Time, bool) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2025-02-30
		return time.Time{}, false
	}
	return t, true
}

// fromSerial converts an Excel serial day number; the time part is dropped.
func fromSerial(s string, sys DateSystem) (time.Time, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return time.Time{}, ErrNotDate
	}
	days := int(f)
	var t time.Time
	switch {
	case sys == Date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	case days > 60: // serial 60 is Excel's 1900-02-29, a day that never was
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	default:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	}
	if t.Year() < 1900 || t.Year() > 2100 {
		return time.Time{}, ErrNotDate
	}
	return t, nil
}

// parseDigits reads a date cell made of ASCII digits only, as date cells
// of a workbook arrive (serial numbers), without the regexps: the same
// result as the general path. ok is false for any other text.
func parseDigits(s string, sys DateSystem) (t time.Time, err error, ok bool) {
	if s == "" || len(s) > 8 {
		return t, nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return t, nil, false
		}
	}
	if len(s) == 8 { // 20250305; no serial has 8 digits
		if t, ok := civil(s[:4], s[4:6], s[6:]); ok {
			return t, nil, true
		}
		return time.Time{}, ErrNotDate, true
	}
	t, err = fromSerial(s, sys)
	return t, err, true
}
