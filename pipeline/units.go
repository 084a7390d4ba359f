package pipeline

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output"
	"gongkai/transform"
)

// unitRun is what the units of a run share: the chosen inputs, where
// records come from, last year's figures and the writer.
type unitRun struct {
	opt      Options
	year     int
	draft    []byte // the report-draft template (nil: the default)
	sel      *selection
	records  *recordSource
	lastYear *domain.YearFigures
	w        *output.Writer
	cache    *unitCache

	computed, cached atomic.Int32 // units computed, and taken from the cache
}

// unitResult is what one unit gives the county: its figures, its report
// (findings included) and the parts of the county's files it wrote.
type unitResult struct {
	figures transform.UnitFigures
	report  output.UnitReport
	parts   output.UnitParts
	history []byte // its member of the year's history (output.HistoryUnit)
}

// reportUnits lists the units the report carries: the roster's, then any
// other unit an office sent ledgers for, by name.
func reportUnits(cfg *domain.Config, sel *selection) []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range cfg.Units {
		out = append(out, u.Name)
		seen[u.Name] = true
	}
	others := map[string]bool{}
	for _, o := range sel.offices {
		if !seen[o.unit] {
			others[o.unit] = true
		}
	}
	return append(out, slices.Sorted(maps.Keys(others))...)
}

// runUnits computes and writes every unit, several at once, each with only
// its own records in memory.
func (ur *unitRun) runUnits(ctx context.Context, names []string) ([]unitResult, error) {
	work := map[string]*unitWork{}
	of := func(unit string) *unitWork {
		if work[unit] == nil {
			work[unit] = &unitWork{name: unit}
		}
		return work[unit]
	}
	for _, o := range ur.sel.offices {
		w := of(o.unit)
		w.offices = append(w.offices, o)
	}
	for _, f := range ur.sel.findings {
		w := of(f.Unit)
		w.chosen = append(w.chosen, f)
	}
	inputs := map[string][]output.Input{}
	for _, in := range ur.sel.inputs {
		inputs[in.Unit] = append(inputs[in.Unit], in)
	}
	for _, name := range names {
		of(name).statuses = officeStatuses(ur.opt.Config, name, inputs[name])
	}
	out := make([]unitResult, len(names))
	var mu sync.Mutex // guards done and progress
	done := 0
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers(ur.opt))
	for _, i := range unitOrder(names, work) {
		name := names[i]
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			res, err := ur.runUnit(ctx, work[name])
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			out[i] = res
			mu.Lock()
			if done++; ur.opt.Progress != nil {
				ur.opt.Progress(StageUnits, done, len(names))
			}
			mu.Unlock()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, nil
}

// unitWork is what a unit is computed from, besides its records: its
// chosen offices, the findings of choosing its files (R13, versions,
// copies) and what each office sent.
type unitWork struct {
	name     string
	offices  []chosenOffice
	chosen   []domain.Finding
	statuses []output.OfficeStatus
}

// runUnit gives one unit's results and files: those of the run before
// when nothing they are made from changed, or else newly computed.
func (ur *unitRun) runUnit(ctx context.Context, uw *unitWork) (unitResult, error) {
	key := ur.cache.key(ur.unitInputs(uw))
	if res, ok := ur.cache.load(key); ok {
		ur.cached.Add(1)
		return res, nil
	}
	work, err := ur.cache.workDir(key)
	if err != nil {
		return unitResult{}, err
	}
	res, err := ur.computeUnit(ctx, work, uw)
	if err != nil {
		os.RemoveAll(work)
		return unitResult{}, err
	}
	ur.computed.Add(1)
	return ur.cache.store(key, work, res), nil
}

// unitInputs describes what a unit's results are made from (see
// unitCache.key).
func (ur *unitRun) unitInputs(uw *unitWork) unitInputs {
	in := unitInputs{Year: ur.year, Draft: ur.draft, Unit: uw.name, Workbook: ur.w.UnitWorkbookName(uw.name),
		Chosen: uw.chosen, Statuses: uw.statuses}
	for _, co := range uw.offices {
		o := unitOffice{Office: co.office}
		if s := co.summary; s != nil {
			o.Summary = unitSource{Path: s.Path, SHA256: s.SHA256, Kinds: []domain.Kind{domain.KindSummary}}
		}
		o.Sources = sourcesOf(co)
		in.Offices = append(in.Offices, o)
	}
	if ur.lastYear != nil {
		in.Known = true
		if u, ok := ur.lastYear.Units[uw.name]; ok {
			in.LastYear = &u
		}
	}
	return in
}

// computeUnit computes one unit, checks it, and writes its workbook and
// its parts of the county's files into dir.
func (ur *unitRun) computeUnit(ctx context.Context, dir string, uw *unitWork) (unitResult, error) {
	cfg := ur.opt.Config
	inputs, release, err := ur.records.offices(ctx, uw.offices)
	if err != nil {
		return unitResult{}, err
	}
	defer release()
	us, err := transform.ComputeUnit(cfg, ur.year, uw.name, inputs, memory.DefaultAllocator)
	if err != nil {
		return unitResult{}, err
	}
	defer us.Release()

	fs := append(slices.Clone(uw.chosen), us.Duplicates...)
	fs = append(fs, us.ItemFindings...)
	fs = append(fs, unitChecks(cfg, ur.year, uw.offices, inputs, us, ur.lastYear)...)
	u := output.UnitReport{Name: uw.name, Metrics: us.Metrics, Offices: uw.statuses, Findings: sortFindings(fs)}
	draft, err := ur.w.CheckDraft(u)
	if err != nil {
		return unitResult{}, err
	}
	u.Findings = sortFindings(append(u.Findings, draft...))
	parts, err := ur.w.Unit(dir, uw.name, &u, us.Counted, ur.cache.pieceSource(ur.year, uw.name, uw.offices))
	if err != nil {
		return unitResult{}, err
	}
	// What is kept of the unit must not hold its records' memory, nor its
	// findings twice (the report has them).
	for i, f := range u.Findings {
		u.Findings[i] = f.Detached()
	}
	figures := us.UnitFigures
	figures.Duplicates, figures.ItemFindings = nil, nil
	history, err := output.HistoryUnit(uw.name, historyFigures(cfg, us.Metrics, us.Offices))
	if err != nil {
		return unitResult{}, err
	}
	return unitResult{figures: figures.Detached(), report: u, parts: parts, history: history}, nil
}

// workers is how many files or units are worked on at once.
func workers(opt Options) int {
	if opt.Workers > 0 {
		return opt.Workers
	}
	return runtime.NumCPU()
}

// recordSource gives the records and summary tables of read files: those
// still held in memory, or those set aside in the parse cache, or, when the
// cache lost them, the file read again.
type recordSource struct {
	inbox  string
	cache  *parseCache // nil when there is none: every record is held
	reader *ingest.Reader
	mem    memory.Allocator
}

// offices returns the inputs of the chosen offices with their ledgers
// and summary tables loaded, and a function that releases what was loaded.
// The files are loaded side by side (a unit computed alone would leave a
// core waiting), each once.
func (rs *recordSource) offices(ctx context.Context, chosen []chosenOffice) ([]transform.OfficeInput, func(), error) {
	var subs []*ingest.Submission
	index := map[*ingest.Submission]int{}
	for _, co := range chosen {
		for _, src := range co.sources {
			if _, ok := index[src.sub]; !ok {
				index[src.sub] = len(subs)
				subs = append(subs, src.sub)
			}
		}
	}
	loaded := make([]map[domain.Kind]arrow.RecordBatch, len(subs))
	release := func() {
		for _, m := range loaded {
			for _, r := range m {
				r.Release()
			}
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, s := range subs {
		g.Go(func() error {
			recs, err := rs.load(ctx, s)
			if err != nil {
				return fmt.Errorf("%s: %w", s.Path, err)
			}
			loaded[i] = recs
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		release()
		return nil, nil, err
	}
	out := make([]transform.OfficeInput, len(chosen))
	for n, co := range chosen {
		o := transform.OfficeInput{Unit: co.unit, Office: co.office, Ledgers: map[domain.Kind][]arrow.RecordBatch{}}
		if s := co.summary; s != nil {
			summary, err := rs.summary(ctx, s)
			if err != nil {
				release()
				return nil, nil, fmt.Errorf("%s: %w", s.Path, err)
			}
			o.Summary = summary
		}
		for _, src := range co.sources {
			recs := loaded[index[src.sub]]
			for _, k := range src.kinds {
				if rec, ok := recs[k]; ok {
					o.Ledgers[k] = append(o.Ledgers[k], rec)
				}
			}
		}
		out[n] = o
	}
	return out, release, nil
}

// summary hands over a submission's self-reported tables: held (the
// submission lets go of them), or from the parse cache, or read again.
func (rs *recordSource) summary(ctx context.Context, s *ingest.Submission) (*domain.SelfReport, error) {
	if held := s.Summary; held != nil {
		s.Summary = nil
		return held, nil
	}
	if rs.cache != nil {
		if cached, err := rs.cache.loadSummary(s.Path, s.SHA256); err == nil {
			return cached, nil
		}
	}
	again, err := rs.readAgain(ctx, s)
	if err != nil {
		return nil, err
	}
	again.Release()
	if again.Summary == nil {
		return nil, fmt.Errorf("read again, the file has no summary tables")
	}
	return again.Summary, nil
}

// load returns a submission's records, which the caller releases.
func (rs *recordSource) load(ctx context.Context, s *ingest.Submission) (map[domain.Kind]arrow.RecordBatch, error) {
	if held := s.TakeRecords(); held != nil {
		return held, nil
	}
	if rs.cache != nil {
		if recs, err := rs.cache.loadRecords(s.Path, s.SHA256, rs.mem); err == nil {
			return recs, nil
		}
	}
	again, err := rs.readAgain(ctx, s)
	if err != nil {
		return nil, err
	}
	return again.TakeRecords(), nil
}

// readAgain reads a file again, when neither memory nor the parse cache
// has what the batch set aside of it; the file must not have changed.
func (rs *recordSource) readAgain(ctx context.Context, s *ingest.Submission) (*ingest.Submission, error) {
	full := filepath.Join(rs.inbox, filepath.FromSlash(s.Path))
	if sha, err := ingest.HashFile(full); err != nil || sha != s.SHA256 {
		return nil, fmt.Errorf("the file changed or went away while the batch ran; it is read next time")
	}
	again, err := rs.reader.ReadHashedFile(ctx, rs.inbox, s.Path, s.SHA256)
	if err != nil {
		return nil, err
	}
	if again.Rejected != "" {
		return nil, fmt.Errorf("read again, the file is refused: %s", again.Rejected)
	}
	return again, nil
}
