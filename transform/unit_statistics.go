package transform

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"

	"gongkai/domain"
)

// UnitFigures are the figures of one unit: plain values that point into
// no other unit's data and that encoding/gob can encode, so that a run can
// keep them between runs.
type UnitFigures struct {
	Unit    string
	Offices []OfficeFigures // in the order of the offices given
	// Metrics are the unit's figures: the sums over its offices, items
	// de-duplicated across them (domain.md §4), every metric id present.
	Metrics domain.Metrics
	// Tally accounts for the records of each of the unit's files (lineage
	// src_file), and ByKind for each ledger kind the unit sent.
	Tally  map[string]*domain.Tally
	ByKind map[domain.Kind]*domain.Tally
	// Duplicates are the duplicate records dropped (D1), office by office;
	// ItemFindings the same item from two offices (D2) and near-duplicate
	// titles (D3), day by day. (The batch moves them into the unit's report
	// and keeps them there only.)
	Duplicates   []domain.Finding
	ItemFindings []domain.Finding
	// Monthly is the unit's items and applications by month.
	Monthly domain.Monthly
}

// Detached returns the figures to keep after the unit's records are let
// go. Text is copied out of the records' memory: a file name or a finding
// read from a record shares its buffer, and keeping it would keep the whole
// batch. Of each office only Used is kept; Derived, Reported and Sources
// are for the unit's own checks, which are done by then.
func (u UnitFigures) Detached() UnitFigures {
	out := u
	out.Unit = strings.Clone(u.Unit)
	out.Offices = make([]OfficeFigures, len(u.Offices))
	for i, o := range u.Offices {
		o.Unit, o.Office = strings.Clone(o.Unit), strings.Clone(o.Office)
		o.Derived, o.Reported, o.Sources = nil, nil, nil
		out.Offices[i] = o
	}
	out.Tally = make(map[string]*domain.Tally, len(u.Tally))
	for file, t := range u.Tally {
		out.Tally[strings.Clone(file)] = t
	}
	out.Duplicates, out.ItemFindings = detachAll(u.Duplicates), detachAll(u.ItemFindings)
	return out
}

// detachAll returns the findings detached (domain.Finding.Detached).
func detachAll(fs []domain.Finding) []domain.Finding {
	out := make([]domain.Finding, len(fs))
	for i, f := range fs {
		out[i] = f.Detached()
	}
	return out
}

// UnitStatistics are one unit's figures and its counted records.
type UnitStatistics struct {
	UnitFigures
	// Counted holds the unit's counted records of each ledger kind, in
	// office order; a batch whose records all count is the input batch
	// itself, retained. Arrow batches: not gob-encodable. Release frees
	// them.
	Counted map[domain.Kind][]arrow.RecordBatch
}

// Release frees the counted records.
func (u *UnitStatistics) Release() {
	releaseCounted(u.Counted)
	u.Counted = nil
}

// ComputeUnit derives the figures of one unit for report year y from its
// offices' inputs alone; every office must be of that unit. A unit with no
// offices has zeros. mem may be nil (the Go allocator).
func ComputeUnit(cfg *domain.Config, year int, unit string, offices []OfficeInput, mem memory.Allocator) (*UnitStatistics, error) {
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	u := &UnitStatistics{
		UnitFigures: UnitFigures{Unit: unit, Tally: map[string]*domain.Tally{}, ByKind: map[domain.Kind]*domain.Tally{}},
		Counted:     map[domain.Kind][]arrow.RecordBatch{},
	}
	if err := u.add(cfg, year, offices, mem); err != nil {
		u.Release()
		return nil, err
	}
	return u, nil
}

// add computes the unit's figures from its offices: each office worked out
// on its own (passOffice), side by side, then joined in their order — the
// unit's items de-duplicated across them, its same-day titles compared.
func (u *UnitStatistics) add(cfg *domain.Config, year int, offices []OfficeInput, mem memory.Allocator) error {
	y := newReportYear(year)
	for _, o := range offices {
		if o.Unit != u.Unit {
			return fmt.Errorf("transform: office %s of unit %s given to unit %s", o.Office, o.Unit, u.Unit)
		}
	}
	passes := make([]*officePass, len(offices))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, o := range offices {
		g.Go(func() (err error) {
			passes[i], err = passOffice(cfg, y, o, mem)
			return err
		})
	}
	err := g.Wait()
	distinct := 0 // the unit's items: at most its offices'
	for _, p := range passes {
		if p != nil {
			distinct += len(p.items.items)
		}
	}
	unitItems := newItemSet(distinct)
	var disclosureKeys [][]string // titleKeys of each counted disclosure batch
	for i, p := range passes {
		if p == nil {
			continue // failed: err says why
		}
		u.Duplicates = append(u.Duplicates, p.duplicates...)
		for _, k := range domain.LedgerKinds {
			u.Counted[k] = append(u.Counted[k], p.counted[k]...)
		}
		disclosureKeys = append(disclosureKeys, p.keys...)
		addTallies(u.Tally, p.tally)
		addTallies(u.ByKind, p.byKind)
		if offices[i].Sent(domain.KindDisclosure) {
			unitItems.merge(p.items)
		}
		u.Offices = append(u.Offices, p.fig)
	}
	if err != nil {
		return err // the passes' records are the unit's to release
	}
	u.Metrics = unitTotals(cfg, u.Offices)
	unitItems.metrics(u.Metrics, cfg.CategoryIDs()) // de-duplicated across the unit's offices
	fillZeros(u.Metrics, cfg.MetricIDs())
	u.Monthly = unitMonthly(y, unitItems, u.Counted[domain.KindApplication])
	u.ItemFindings = unitItemFindings(u.Counted[domain.KindDisclosure], disclosureKeys)
	return nil
}

// usedMetrics picks, metric group by metric group, the ledger-derived or the
// self-reported number (domain.md §5.5).
func usedMetrics(cfg *domain.Config, o *OfficeInput, fig OfficeFigures) domain.Metrics {
	used := domain.Metrics{}
	fromSummary := func(prefix string) {
		for id, v := range fig.Reported {
			if strings.HasPrefix(id, prefix) {
				used[id] = v
			}
		}
	}
	fromLedger := func(prefix string) {
		for id, v := range fig.Derived {
			if strings.HasPrefix(id, prefix) {
				used[id] = v
			}
		}
	}
	fromSummary("t2.")
	preferSummary := cfg.Rules.ReportSource == domain.SourceSummary && o.Summary != nil
	for _, g := range []struct {
		prefix string
		kind   domain.Kind
	}{{"t3.", domain.KindApplication}, {"t4.", domain.KindAppeal}} {
		if o.Sent(g.kind) && !preferSummary {
			fromLedger(g.prefix)
		} else {
			fromSummary(g.prefix)
		}
	}
	fromLedger(domain.MetricFeesYuan)
	fromLedger(domain.MetricServiceItems)
	fromLedger("active.") // per office; units re-derive these de-duplicated
	return used
}

func fillZeros(m domain.Metrics, ids []string) {
	for _, id := range ids {
		if _, ok := m[id]; !ok {
			m[id] = 0
		}
	}
}

// disclosureRows counts an office's disclosure records: at most the items
// they make.
func disclosureRows(o OfficeInput) int {
	n := 0
	for _, rec := range o.Ledgers[domain.KindDisclosure] {
		n += int(rec.NumRows())
	}
	return n
}
