package transform

import (
	"context"
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/compute"
	"github.com/apache/arrow-go/v18/arrow/memory"

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
	// same item from two offices, near-duplicate titles.
	Findings []domain.Finding
	// Monthly is each unit's and the county's items and applications by
	// month of the report year.
	Monthly domain.MonthlyTrend
}

// Release frees the counted records.
func (s *Statistics) Release() {
	for _, recs := range s.Counted {
		for _, r := range recs {
			r.Release()
		}
	}
	s.Counted = nil
}

// Compute derives every metric of domain.md §5 for report year y from the
// offices' inputs. Units with no input still appear, with zeros.
func Compute(cfg *domain.Config, year int, offices []OfficeInput, mem memory.Allocator) (*Statistics, error) {
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	st := &Statistics{Units: map[string]domain.Metrics{}, Counted: map[domain.Kind][]arrow.RecordBatch{}, Tally: map[string]*domain.Tally{}, ByKind: map[domain.Kind]*domain.Tally{}}
	cl := classifier{y: newReportYear(year)}
	unitItems := map[string]*itemSet{}
	for _, o := range offices {
		fig := OfficeFigures{Unit: o.Unit, Office: o.Office, Derived: domain.Metrics{}, Reported: domain.Metrics{}, Sources: Sources{}}
		cl.src = fig.Sources
		if o.Summary != nil {
			fig.Reported.Add(o.Summary.Values)
		}
		items := newItemSet()
		for _, k := range domain.LedgerKinds {
			for _, rec := range o.Ledgers[k] {
				v := make([]verdict, rec.NumRows())
				st.Findings = append(st.Findings, markDuplicateRecords(k, rec, v)...)
				switch k {
				case domain.KindDisclosure:
					cl.disclosures(rec, items, v)
				case domain.KindApplication:
					cl.applications(rec, fig.Derived, v)
				case domain.KindAppeal:
					cl.appeals(rec, fig.Derived, v)
				case domain.KindServiceItem:
					cl.serviceItems(rec, fig.Derived, v)
				}
				counted, err := st.account(k, rec, v, mem)
				if err != nil {
					return nil, err
				}
				st.Counted[k] = append(st.Counted[k], counted)
			}
		}
		items.metrics(fig.Derived, cfg.CategoryIDs())
		if o.Sent(domain.KindDisclosure) {
			if unitItems[o.Unit] == nil {
				unitItems[o.Unit] = newItemSet()
			}
			unitItems[o.Unit].merge(items)
		}
		fig.Used = usedMetrics(cfg, &o, fig)
		st.Offices = append(st.Offices, fig)
	}
	units, err := unitTotals(cfg, st.Offices)
	if err != nil {
		return nil, err
	}
	for _, u := range cfg.Units {
		if _, ok := units[u.Name]; !ok {
			units[u.Name] = domain.Metrics{}
		}
	}
	for name, m := range units {
		set := unitItems[name]
		if set == nil {
			set = newItemSet()
		}
		set.metrics(m, cfg.CategoryIDs()) // de-duplicated across the unit's offices
		fillZeros(m, cfg.MetricIDs())
	}
	county, err := countyTotals(cfg, units)
	if err != nil {
		return nil, err
	}
	st.Units, st.County = units, county
	st.Monthly = monthlyTrend(cl.y, st.Counted, units)
	st.Findings = append(st.Findings, unitItemFindings(st.Counted[domain.KindDisclosure])...)
	return st, nil
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

// account tallies a batch's verdicts by file and returns its counted rows.
func (st *Statistics) account(k domain.Kind, rec arrow.RecordBatch, v []verdict, mem memory.Allocator) (arrow.RecordBatch, error) {
	files := stringColumn(rec, domain.LineageFile)
	mask := array.NewBooleanBuilder(mem)
	defer mask.Release()
	if st.ByKind[k] == nil {
		st.ByKind[k] = &domain.Tally{}
	}
	for i, vd := range v {
		t := st.Tally[files.Value(i)]
		if t == nil {
			t = &domain.Tally{}
			st.Tally[files.Value(i)] = t
		}
		for _, t := range []*domain.Tally{t, st.ByKind[k]} {
			t.Read++
			if vd.counted {
				t.Counted++
			} else {
				t.Drop(vd.reason, 1)
			}
		}
		mask.Append(vd.counted)
	}
	m := mask.NewBooleanArray()
	defer m.Release()
	if m.NullN() == 0 && allTrue(v) {
		rec.Retain() // every record counts: share the batch rather than copy it
		return rec, nil
	}
	ctx := compute.WithAllocator(context.Background(), mem)
	out, err := compute.FilterRecordBatch(ctx, rec, m, compute.DefaultFilterOptions())
	if err != nil {
		return nil, fmt.Errorf("filtering counted records: %w", err)
	}
	return out, nil
}

// allTrue reports whether every verdict counts its record.
func allTrue(v []verdict) bool {
	for _, vd := range v {
		if !vd.counted {
			return false
		}
	}
	return true
}
