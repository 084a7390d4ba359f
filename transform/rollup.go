package transform

import (
	"fmt"
	"maps"
	"slices"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"gongkai/domain"
)

// unitColumn names the grouping column of the roll-up frames.
const unitColumn = "unit"

// unitTotals sums the offices' used metrics by unit, as a data frame of
// offices × metrics grouped by unit.
func unitTotals(cfg *domain.Config, offices []OfficeFigures) (map[string]domain.Metrics, error) {
	out := map[string]domain.Metrics{}
	if len(offices) == 0 {
		return out, nil
	}
	ids := cfg.MetricIDs()
	cols := []series.Series{series.New(officeUnits(offices), series.String, unitColumn)}
	for _, id := range ids {
		vals := make([]float64, len(offices))
		for i, o := range offices {
			vals[i] = o.Used[id]
		}
		cols = append(cols, series.New(vals, series.Float, id))
	}
	df := dataframe.New(cols...)
	aggs := make([]dataframe.AggregationType, len(ids))
	for i := range aggs {
		aggs[i] = dataframe.Aggregation_SUM
	}
	sums := df.GroupBy(unitColumn).Aggregation(aggs, ids)
	if sums.Err != nil {
		return nil, fmt.Errorf("summing offices by unit: %w", sums.Err)
	}
	units := sums.Col(unitColumn).Records()
	for _, id := range ids {
		vals := sums.Col(fmt.Sprintf("%s_%s", id, dataframe.Aggregation_SUM)).Float()
		for i, u := range units {
			if out[u] == nil {
				out[u] = domain.Metrics{}
			}
			out[u][id] = vals[i]
		}
	}
	return out, nil
}

func officeUnits(offices []OfficeFigures) []string {
	u := make([]string, len(offices))
	for i, o := range offices {
		u[i] = o.Unit
	}
	return u
}

// countyTotals sums the units' metrics, as column sums of a units × metrics
// frame.
func countyTotals(cfg *domain.Config, units map[string]domain.Metrics) (domain.Metrics, error) {
	ids := cfg.MetricIDs()
	county := domain.Metrics{}
	if len(units) == 0 {
		fillZeros(county, ids)
		return county, nil
	}
	names := slices.Sorted(maps.Keys(units))
	var cols []series.Series
	for _, id := range ids {
		vals := make([]float64, len(names))
		for i, n := range names {
			vals[i] = units[n][id]
		}
		cols = append(cols, series.New(vals, series.Float, id))
	}
	df := dataframe.New(cols...)
	if df.Err != nil {
		return nil, fmt.Errorf("county totals: %w", df.Err)
	}
	for _, id := range ids {
		county[id] = df.Col(id).Sum()
	}
	return county, nil
}
