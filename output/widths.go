package output

import (
	"math"
	"strings"

	"golang.org/x/text/width"
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
	for _, r := range s {
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
