package transform

import (
	"slices"
	"testing"

	"gongkai/domain"
)

// TestSummarySums: R1–R4 on self-reported tables, with blank cells
// (missing, never a wrong sum), zeros, the 2019 format's single （六） row
// and wrong sums at the cell of the figure the rule names.
func TestSummarySums(t *testing.T) {
	cfg := domain.DefaultConfig()
	edit := func(base map[string]any, changes map[string]any, drop ...string) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range changes {
			m[k] = v
		}
		for _, k := range drop {
			delete(m, k)
		}
		return m
	}
	var blankTotals = map[string]any{}
	for _, r := range domain.T3ResultRows() {
		blankTotals[domain.T3Metric(r.ID, domain.ColumnTotal)] = ""
	}
	blankTotals["t3.granted.total"] = "" // the row with a number: still no sum claimed
	t4 := map[string]any{"t4.review.upheld": 1, "t4.review.corrected": 0, "t4.review.other": 0, "t4.review.pending": 1, "t4.review.total": 2}
	for _, tt := range []struct {
		name string
		vals map[string]any
		want []string
	}{
		{"consistent", t3Full(), nil},
		{"all zeros", edit(t3Full(), map[string]any{"t3.new.natural": 0, "t3.new.total": 0, "t3.granted.natural": 0, "t3.granted.total": 0, "t3.total.natural": 0, "t3.total.total": 0}), nil},
		{"R1 carried out one too many", edit(t3Full(), map[string]any{"t3.carried_out.natural": 1, "t3.carried_out.total": 1}),
			[]string{"R1 error " + cellOf("t3.carried_out.natural"), "R1 error " + cellOf("t3.carried_out.total")}},
		{"R2 a result not in （七）", edit(t3Full(), map[string]any{"t3.partial.legal": 1, "t3.partial.total": 1}),
			[]string{"R2 error " + cellOf("t3.total.legal"), "R2 error " + cellOf("t3.total.total")}},
		{"R3 total of a row", edit(t3Full(), map[string]any{"t3.new.total": 2, "t3.carried_in.total": -1}),
			[]string{"R3 error " + cellOf("t3.new.total"), "R3 error " + cellOf("t3.carried_in.total")}},
		{"blank 总计 of the result rows: missing, no sum claimed", edit(t3Full(), blankTotals), func() []string {
			var w []string
			for _, r := range domain.T3ResultRows() {
				w = append(w, "R3 warning "+cellOf(domain.T3Metric(r.ID, domain.ColumnTotal)))
			}
			return w
		}()},
		{"blank vs 0: a blank operand of R1 is missing", edit(t3Full(), map[string]any{"t3.carried_in.natural": "", "t3.carried_out.natural": 1}),
			[]string{"R3 warning " + cellOf("t3.carried_in.natural"), "R3 error " + cellOf("t3.carried_out.total")}},
		{"2019 format: one （六） row", edit(t3Full(), map[string]any{"t3.other.other.natural": 1, "t3.other.other.total": 1, "t3.total.natural": 2, "t3.total.total": 2, "t3.new.natural": 2, "t3.new.total": 2},
			"t3.other.no_correction.natural", "t3.other.no_correction.total", "t3.other.no_fee.natural", "t3.other.no_fee.total"), nil},
		{"R4 consistent", t4, nil},
		{"R4 total wrong", edit(t4, map[string]any{"t4.review.total": 3}), []string{"R4 error " + cellOf("t4.review.total")}},
		{"R4 blank result", edit(t4, map[string]any{"t4.review.other": ""}), []string{"R4 warning " + cellOf("t4.review.other")}},
		{"no 表三 at all", map[string]any{"t2.licensing.decisions": 3}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := CheckInput{Offices: []OfficeInput{checkOffice(selfReport(tt.vals), nil)}}
			got := wheres(runChecks(t, cfg, in, "R1", "R2", "R3", "R4"))
			want := append([]string{}, tt.want...)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings %v, want %v", got, want)
			}
		})
	}
}

// TestSummarySumNumbers: a finding carries the metric, the figure written
// and the figure the sum asks for.
func TestSummarySumNumbers(t *testing.T) {
	vals := t3Full()
	vals["t3.total.natural"] = 3
	in := CheckInput{Offices: []OfficeInput{checkOffice(selfReport(vals), nil)}}
	for _, f := range runChecks(t, domain.DefaultConfig(), in, "R2") {
		if f.Metric == "t3.total.natural" {
			if *f.Actual != 3 || *f.Expected != 1 || f.Unit != "白沙镇" || f.Office != "党政办" || f.Pos.File != testFile {
				t.Errorf("R2 finding %+v", f)
			}
			return
		}
	}
	t.Error("no R2 finding on t3.total.natural")
}
