package ingest

import "golang.org/x/text/encoding/simplifiedchinese"

// validGB18030 reports whether b decodes as GB18030 without replacement
// characters (a cut-off sequence at the end is allowed).
func validGB18030(b []byte) bool {
	if len(b) > 4 {
		b = b[:len(b)-4]
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return false
	}
	for _, r := range string(out) {
		if r == 0xFFFD {
			return false
		}
	}
	return true
}
