package output

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai/domain"
)

// Column widths are in Excel's units: about one Latin digit; a Chinese
// character takes two.
const (
	minColWidth = 6
	maxColWidth = 60
)

// displayWidth is how many width units a text takes in a cell: East Asian
// wide and full-width characters count two, others one.
func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if domain.IdeographAt(s, i) { // wide
			n += 2
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// textWidth is the display width of a text's longest line.
func textWidth(s string) int {
	n := 0
	for line := range strings.Lines(s) {
		n = max(n, displayWidth(strings.TrimRight(line, "\r\n")))
	}
	return n
}

// colWidth turns the widest text of a column into a column width.
func colWidth(textWidth int) float64 {
	return math.Min(maxColWidth, math.Max(minColWidth, float64(textWidth)+2))
}

// isWhole reports whether v is an integer value.
func isWhole(v float64) bool { return v == math.Trunc(v) && !math.IsInf(v, 0) }
