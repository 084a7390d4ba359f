package pipeline

import (
	"fmt"
	"strings"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// stageHistory writes the year's figures, per unit and office as the
// reports carry them, for next year's checks (R10, R11): each unit's
// member as its result carries it (unitResult.history, made by
// historyFigures when the unit was computed). The caller puts them in
// place once the year's outputs are.
func stageHistory(out, county string, year int, units []unitResult) (*output.StagedHistory, error) {
	members := make(map[string][]byte, len(units))
	for _, u := range units {
		if u.history == nil {
			return nil, fmt.Errorf("pipeline: unit %s has no member of the year's figures", u.figures.Unit) // a defect
		}
		members[u.figures.Unit] = u.history
	}
	return output.StageHistoryOf(out, year, county, members)
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
