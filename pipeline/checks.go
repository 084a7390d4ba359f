package pipeline

import (
	"fmt"
	"slices"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// readLastYear reads the figures kept of the year before, and says so in a
// finding when they cannot be read.
func readLastYear(out string, year int) (*domain.YearFigures, []domain.Finding) {
	last, err := output.ReadHistory(out, year-1)
	if err != nil {
		return nil, []domain.Finding{{Rule: domain.RuleCarryOver, Severity: domain.SevWarning,
			Message: fmt.Sprintf("%d年的汇总数据无法读取，本次未与上年核对：%v", year-1, err)}}
	}
	return last, nil
}

// countyChecks are the cross-checks' findings about the county as a whole:
// that last year's figures are not on hand, when they are not.
func countyChecks(cfg *domain.Config, year int, last *domain.YearFigures) []domain.Finding {
	return transform.Check(cfg, year, transform.CheckInput{LastYear: last})
}

// unitChecks runs the cross-checks R1–R11 (transform.Check) on one unit's
// chosen offices (loaded as inputs) and the figures
// computed from them, with last year's figures when the output folder
// keeps them. What concerns the county as a whole is countyChecks'.
func unitChecks(cfg *domain.Config, year int, chosen []chosenOffice, inputs []transform.OfficeInput, us *transform.UnitStatistics, last *domain.YearFigures) []domain.Finding {
	in := transform.CheckInput{
		Offices:   inputs,
		Stats:     &transform.Statistics{Offices: us.Offices},
		Subtotals: map[transform.OfficeKey][]domain.SubtotalRow{},
		Columns:   map[transform.SheetRef]map[string]int{},
		LastYear:  last,
	}
	for _, co := range chosen {
		for _, src := range co.sources {
			s := src.sub
			for _, sh := range s.Sheets {
				if sh.Cols != nil {
					in.Columns[transform.SheetRef{File: s.Path, Sheet: sh.Name}] = sh.Cols
				}
			}
			for _, t := range s.Subtotals {
				if slices.Contains(src.kinds, t.Kind) {
					k := transform.OfficeKey{Unit: s.Unit, Office: s.Office}
					in.Subtotals[k] = append(in.Subtotals[k], t)
				}
			}
		}
	}
	var out []domain.Finding
	for _, f := range transform.Check(cfg, year, in) {
		if f.Unit != "" { // without last year's figures Check says so for the county; countyChecks does
			out = append(out, f)
		}
	}
	return out
}
