package ingest

import (
	"math"
	"strings"
)

// ParseAmount reads an amount cell in 元. A unit in the cell wins: "3.5万元"
// is 35,000 元 and "120元" is 120 元 whatever the header says; a bare number
// takes the unit of its column header (headerWan: the header says 万元).
func ParseAmount(s string, headerWan bool) (float64, error) {
	v, wan, err := ParseNumber(s)
	if err != nil {
		return 0, err
	}
	switch {
	case wan:
		v *= 10000
	case strings.HasSuffix(strings.TrimSpace(s), "元"):
	case headerWan:
		v *= 10000
	}
	return roundCents(v), nil
}

// roundCents rounds an amount in 元 to the fen, so that 0.00255 万元 is
// 25.5 元 and not 25.500000000000004.
func roundCents(v float64) float64 { return math.Round(v*100) / 100 }
