package transform

import (
	"slices"
	"testing"

	"gongkai/domain"
)

// TestValues: R5 on self-reported figures: counts are whole and not
// negative, the one amount (万元) may have decimals but is not negative; a
// blank cell is missing, not a bad value.
func TestValues(t *testing.T) {
	for _, tt := range []struct {
		name string
		vals map[string]any
		want []string
	}{
		{"good", map[string]any{"t3.new.natural": 2, "t2.fees.amount_wan": 0.35, "t2.licensing.decisions": 0}, nil},
		{"negative count", map[string]any{"t2.licensing.decisions": -1}, []string{"R5 error " + cellOf("t2.licensing.decisions")}},
		{"fractional count", map[string]any{"t4.review.upheld": 1.5}, []string{"R5 error " + cellOf("t4.review.upheld")}},
		{"万元 with decimals", map[string]any{"t2.fees.amount_wan": 12.75}, nil},
		{"negative amount", map[string]any{"t2.fees.amount_wan": -0.5}, []string{"R5 error " + cellOf("t2.fees.amount_wan")}},
		{"blank", map[string]any{"t2.licensing.decisions": ""}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{Offices: []OfficeInput{checkOffice(selfReport(tt.vals), nil)}}
			got := wheres(runChecks(t, domain.DefaultConfig(), in, domain.RuleNonNegative))
			if !slices.Equal(got, append([]string{}, tt.want...)) {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
		})
	}
}
