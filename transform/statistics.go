package transform

import (
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"

	"gongkai/domain"
)

// OfficeFigures are one office's numbers: derived from its ledgers, as it
// reported them, and the ones the reports use (domain.md §5.5).
type OfficeFigures struct {
	Unit, Office string
	Derived      domain.Metrics // from the ledgers it sent
	Reported     domain.Metrics // from its summary sheet (non-blank cells)
	Used         domain.Metrics
	Sources      Sources // 表三/表四 metric → the ledger rows counted in it
}

// Statistics are the figures of one report year.
type Statistics struct {
	Offices []OfficeFigures
	Units   map[string]domain.Metrics
	County  domain.Metrics
	// Counted holds the counted records of each ledger kind; the caller
	// releases them (Release).
	Counted map[domain.Kind][]arrow.RecordBatch
	// Tally accounts for the records of each file (lineage src_file), and
	// ByKind for each ledger kind.
	Tally  map[string]*domain.Tally
	ByKind map[domain.Kind]*domain.Tally
	// Findings are what the statistics noticed: duplicate records, the
	// same item from two offices, near-duplicate titles — those the units
	// combined still carry (the batch keeps them in the units' reports
	// instead, and combines units without them).
	Findings []domain.Finding
	// Monthly is each unit's and the county's items and applications by
	// month of the report year.
	Monthly domain.MonthlyTrend
}

// Release frees the counted records.
func (s *Statistics) Release() {
	releaseCounted(s.Counted)
	s.Counted = nil
}

func releaseCounted(counted map[domain.Kind][]arrow.RecordBatch) {
	for _, recs := range counted {
		for _, r := range recs {
			r.Release()
		}
	}
}

// Compute derives every metric of domain.md §5 for report year y from the
// offices' inputs, one unit at a time (ComputeUnit), units in parallel,
// and joins them (Combine) in the order units first appear in offices.
// Units with no input still appear, with zeros.
func Compute(cfg *domain.Config, year int, offices []OfficeInput, mem memory.Allocator) (*Statistics, error) {
	return computeUnits(cfg, year, offices, mem, runtime.NumCPU())
}

// computeUnits is Compute with at most workers units computed at a time.
func computeUnits(cfg *domain.Config, year int, offices []OfficeInput, mem memory.Allocator, workers int) (*Statistics, error) {
	var names []string
	byUnit := map[string][]OfficeInput{}
	for _, o := range offices {
		if _, ok := byUnit[o.Unit]; !ok {
			names = append(names, o.Unit)
		}
		byUnit[o.Unit] = append(byUnit[o.Unit], o)
	}
	units := make([]*UnitStatistics, len(names))
	var g errgroup.Group
	g.SetLimit(workers)
	for i, name := range names {
		g.Go(func() error {
			u, err := ComputeUnit(cfg, year, name, byUnit[name], mem)
			units[i] = u
			return err
		})
	}
	if err := g.Wait(); err != nil {
		for _, u := range units {
			if u != nil {
				u.Release()
			}
		}
		return nil, err
	}
	return Combine(cfg, units)
}

// Combine joins the statistics of distinct units into those of the
// county: offices, counted records and duplicate records (D1) in the order
// of units, then the units' item findings (D2, D3) by unit name; the county
// totals are the sums over the units, and roster units missing from units
// appear with zeros. The Statistics take over the units' counted records.
func Combine(cfg *domain.Config, units []*UnitStatistics) (*Statistics, error) {
	st := &Statistics{Units: map[string]domain.Metrics{}, Counted: map[domain.Kind][]arrow.RecordBatch{}, Tally: map[string]*domain.Tally{},
		ByKind: map[domain.Kind]*domain.Tally{}, Monthly: domain.MonthlyTrend{Units: map[string]domain.Monthly{}}}
	for _, u := range units {
		if _, ok := st.Units[u.Unit]; ok {
			return nil, fmt.Errorf("transform: unit %s combined twice", u.Unit)
		}
		st.Units[u.Unit] = u.Metrics
		st.Monthly.Units[u.Unit] = u.Monthly
		st.Offices = append(st.Offices, u.Offices...)
		st.Findings = append(st.Findings, u.Duplicates...)
		for k, recs := range u.Counted {
			st.Counted[k] = append(st.Counted[k], recs...)
		}
		addTallies(st.Tally, u.Tally)
		addTallies(st.ByKind, u.ByKind)
	}
	for _, u := range slices.SortedFunc(slices.Values(units), func(a, b *UnitStatistics) int { return strings.Compare(a.Unit, b.Unit) }) {
		st.Findings = append(st.Findings, u.ItemFindings...)
	}
	for _, ru := range cfg.Units {
		if _, ok := st.Units[ru.Name]; !ok {
			empty, err := ComputeUnit(cfg, 0, ru.Name, nil, nil)
			if err != nil {
				return nil, err
			}
			st.Units[ru.Name], st.Monthly.Units[ru.Name] = empty.Metrics, empty.Monthly
		}
	}
	for _, m := range st.Monthly.Units {
		st.Monthly.County.Add(m)
	}
	county, err := countyTotals(cfg, st.Units)
	if err != nil {
		return nil, err
	}
	st.County = county
	return st, nil
}

// addTallies adds each tally of from into the one of the same key in to.
func addTallies[K comparable](to, from map[K]*domain.Tally) {
	for k, t := range from {
		if to[k] == nil {
			to[k] = &domain.Tally{}
		}
		to[k].Add(*t)
	}
}
