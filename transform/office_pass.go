package transform

import (
	"context"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/compute"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// officePass is what one office of a unit gives the unit, worked out from
// that office's inputs alone, so that a unit's offices can be worked out
// side by side and joined in their order.
type officePass struct {
	fig        OfficeFigures
	items      *itemSet // the office's distinct items
	duplicates []domain.Finding
	counted    map[domain.Kind][]arrow.RecordBatch // by kind, batch by batch
	keys       [][]string                          // titleKeys of each counted disclosure batch
	tally      map[string]*domain.Tally            // by file
	byKind     map[domain.Kind]*domain.Tally
}

// passOffice classifies, de-duplicates and accounts one office's records.
func passOffice(cfg *domain.Config, y reportYear, o OfficeInput, mem memory.Allocator) (*officePass, error) {
	p := &officePass{
		fig:     OfficeFigures{Unit: o.Unit, Office: o.Office, Derived: domain.Metrics{}, Reported: domain.Metrics{}, Sources: Sources{}},
		items:   newItemSet(disclosureRows(o)),
		counted: map[domain.Kind][]arrow.RecordBatch{},
		tally:   map[string]*domain.Tally{},
		byKind:  map[domain.Kind]*domain.Tally{},
	}
	cl := classifier{y: y, src: p.fig.Sources}
	if o.Summary != nil {
		p.fig.Reported.Add(o.Summary.Values)
	}
	for _, k := range domain.LedgerKinds {
		for _, rec := range o.Ledgers[k] {
			v := make([]verdict, rec.NumRows())
			var titles []string
			if k == domain.KindDisclosure {
				titles = titleKeys(rec)
			}
			p.duplicates = append(p.duplicates, markDuplicateRecords(k, rec, titles, v)...)
			switch k {
			case domain.KindDisclosure:
				cl.disclosures(rec, titles, p.items, v)
			case domain.KindApplication:
				cl.applications(rec, p.fig.Derived, v)
			case domain.KindAppeal:
				cl.appeals(rec, p.fig.Derived, v)
			case domain.KindServiceItem:
				cl.serviceItems(rec, p.fig.Derived, v)
			}
			counted, err := p.account(k, rec, v, mem)
			if err != nil {
				p.release()
				return nil, err
			}
			p.counted[k] = append(p.counted[k], counted)
			if k == domain.KindDisclosure {
				p.keys = append(p.keys, countedKeys(titles, v))
			}
		}
	}
	p.items.metrics(p.fig.Derived, cfg.CategoryIDs())
	p.fig.Used = usedMetrics(cfg, &o, p.fig)
	return p, nil
}

// release frees the counted records the pass holds.
func (p *officePass) release() { releaseCounted(p.counted) }

// account tallies a batch's verdicts by file and returns its counted rows.
func (p *officePass) account(k domain.Kind, rec arrow.RecordBatch, v []verdict, mem memory.Allocator) (arrow.RecordBatch, error) {
	files := stringColumn(rec, domain.LineageFile)
	if p.byKind[k] == nil {
		p.byKind[k] = &domain.Tally{}
	}
	every := true // every record counts
	for i, vd := range v {
		t := p.tally[files.Value(i)]
		if t == nil {
			t = &domain.Tally{}
			p.tally[files.Value(i)] = t
		}
		for _, t := range []*domain.Tally{t, p.byKind[k]} {
			t.Read++
			if vd.counted {
				t.Counted++
			} else {
				t.Drop(vd.reason, 1)
			}
		}
		every = every && vd.counted
	}
	if every {
		rec.Retain() // share the batch rather than copy it
		return rec, nil
	}
	mask := array.NewBooleanBuilder(mem) // made only when a record is dropped
	defer mask.Release()
	for _, vd := range v {
		mask.Append(vd.counted)
	}
	m := mask.NewBooleanArray()
	defer m.Release()
	ctx := compute.WithAllocator(context.Background(), mem)
	out, err := compute.FilterRecordBatch(ctx, rec, m, compute.DefaultFilterOptions())
	if err != nil {
		return nil, fmt.Errorf("filtering counted records: %w", err)
	}
	return out, nil
}
