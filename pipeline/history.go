package pipeline

import (
	"fmt"
	"strings"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// stageHistory writes the year's figures, per unit and office as the
// reports carry them, for next year's checks (R10, R11); the caller puts
// them in place once the year's outputs are. Each unit's are those its
// result carries (unitResult.history), or else made from st.
func stageHistory(out string, cfg *domain.Config, year int, st *transform.Statistics, units []unitResult) (*output.StagedHistory, error) {
	members := make(map[string][]byte, len(st.Units))
	for _, u := range units {
		if u.history != nil {
			members[u.figures.Unit] = u.history
		}
	}
	offices := map[string][]transform.OfficeFigures{}
	for _, o := range st.Offices {
		if members[o.Unit] == nil {
			offices[o.Unit] = append(offices[o.Unit], o)
		}
	}
	for name, m := range st.Units {
		if members[name] == nil {
			var err error
			if members[name], err = output.HistoryUnit(name, historyFigures(cfg, m, offices[name])); err != nil {
				return nil, fmt.Errorf("output: %w", err)
			}
		}
	}
	return output.StageHistoryOf(out, year, cfg.County, members)
}

// historyFigures are a unit's figures as the year's history keeps them: its
// metrics, and each office's as its reports carry them.
func historyFigures(cfg *domain.Config, metrics domain.Metrics, offices []transform.OfficeFigures) domain.UnitFigures {
	u := domain.UnitFigures{Metrics: metrics, Offices: map[string]domain.Metrics{}}
	ids := cfg.MetricIDs()
	for _, o := range offices {
		m := make(domain.Metrics, len(ids))
		for _, id := range ids {
			if v, ok := o.Used[id]; ok {
				m[id] = v
			} else if !strings.HasPrefix(id, "t2.") {
				m[id] = 0 // counted from the ledgers: none is 0; 表二 only as reported
			}
		}
		u.Offices[o.Office] = m
	}
	return u
}
