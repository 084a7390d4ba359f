package ingest

import "golang.org/x/text/encoding/simplifiedchinese"

// validGB18030 reports whether b decodes as GB18030 without replacement
// characters. When b is only the head of a longer file (truncated), a
// sequence cut off at its end is allowed.
func validGB18030(b []byte, truncated bool) bool {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return false
	}
	rs := []rune(string(out))
	for i, r := range rs {
		if r == 0xFFFD && !(truncated && i == len(rs)-1) {
			return false
		}
	}
	return true
}
