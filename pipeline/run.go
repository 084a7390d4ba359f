package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output"
	"gongkai/transform"
)

// Options configure one run of the batch.
type Options struct {
	Inbox   string         // read-only folder of submissions
	Out     string         // output folder; <Out>/<year>/ is written
	Year    int            // report year; 0 = the year most submissions name
	Config  *domain.Config // nil = the embedded defaults
	Version string         // the program's version, recorded in the outputs
	Logger  *slog.Logger   // nil = discard
	Workers int            // files read at once; 0 = the number of CPUs
	// Settle leaves files modified less than this long ago for the next
	// run, as an office may still be saving them; 0 reads every file.
	Settle time.Duration
	// HeldBytes bounds the parsed records kept in memory between reading
	// and their unit's turn, together with what the run keeps of every
	// file read (0: 128 MiB; negative: none); the rest wait in the parse
	// cache.
	HeldBytes int64
	// Progress, when set, is told how far a stage has come: after each
	// file is read (StageRead), after each unit is done (StageUnits). It is
	// called from one goroutine at a time.
	Progress func(stage Stage, done, total int)
}

// Stage names a stage of the run whose progress is told.
type Stage string

// The stages Options.Progress hears of.
const (
	StageRead  Stage = "reading files"
	StageUnits Stage = "computing units"
)

// Result is what a run wrote.
type Result struct {
	Report      *output.Report
	Written     output.Written
	FilesParsed int // files read and parsed in this run
	FilesCached int // unchanged files taken from the cache
	// FilesSetAside of the files parsed had their records wait in the
	// parse cache, past Options.HeldBytes.
	FilesSetAside int
	// UnitsComputed units were computed and written; UnitsCached had
	// nothing changed and were taken from the run before.
	UnitsComputed, UnitsCached int
	// FilesHashed files had their content hashed; the others' hashes
	// were known from the run before (their stamps unchanged).
	FilesHashed int
	// PiecesCopied offices' detail rows of a kind, in units computed
	// again, were copied as the run before encoded them.
	PiecesCopied int
}

// ErrInbox is returned when the inbox cannot be read at all.
var ErrInbox = errors.New("inbox not readable")

// Run runs the batch once. It fails only when it cannot run (no inbox, an
// output folder it cannot write); problems in the data are findings.
func Run(ctx context.Context, opt Options) (*Result, error) {
	started := time.Now()
	if opt.Config == nil {
		opt.Config = domain.DefaultConfig()
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if st, err := os.Stat(opt.Inbox); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: %s", ErrInbox, opt.Inbox)
	}
	draftTemplate, err := loadDraftTemplate(opt.Config)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	lock, err := lockOutput(opt.Out)
	if err != nil {
		return nil, err
	}
	defer lock.release()
	timings := map[string]time.Duration{}
	stage := func(name string, t0 time.Time) { timings[name] = time.Since(t0) }

	// On the side, in the order they are wanted: the parse cache's index
	// read while the inbox is listed, then what the run before replaced
	// removed and the writer's templates made while the inbox is read.
	t0 := time.Now()
	openCache := onTheSide(func() (*parseCache, error) { return newParseCache(opt.Out, opt.Version, opt.Config) })
	defer output.RemoveReplaced(opt.Out)()
	templates := onTheSide(func() (*output.Templates, error) { return output.NewTemplates(opt.Config, draftTemplate) })
	files, listErr := listInbox(opt.Inbox, opt.Settle, started)
	cache, err := openCache()
	if err != nil {
		return nil, err
	}
	defer cache.close()
	if listErr != nil {
		return nil, fmt.Errorf("%w: %v", ErrInbox, listErr)
	}
	reader, err := ingest.NewReader(opt.Config, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	var counts readCounts
	subs, err := readAll(ctx, opt, files, cache, reader, &counts)
	if err != nil {
		return nil, err
	}
	defer cache.pruneAside()() // before the cache is closed
	defer func() {
		for _, s := range subs {
			if s != nil {
				s.Release()
			}
		}
	}()
	stage("ingest", t0)
	opt.Logger.Info("inbox read", "files", len(files), "parsed", counts.parsed, "from_cache", counts.cached)

	// Unit by unit, side by side: each unit's records are loaded, its
	// figures computed and checked, its workbook and its parts of the
	// county's files written, and its records let go.
	t0 = time.Now()
	year := opt.Year
	if year == 0 {
		year = commonYear(subs)
	}
	sel := selectSubmissions(opt.Config, year, files, subs)
	last, county := readLastYear(opt.Out, year)
	county = append(county, countyChecks(opt.Config, year, last)...)
	names := reportUnits(opt.Config, sel)
	shell := &output.Report{Year: year, Config: opt.Config, Version: opt.Version, DraftTemplate: draftTemplate}
	for _, n := range names {
		shell.Units = append(shell.Units, output.UnitReport{Name: n})
	}
	made, err := templates()
	if err != nil {
		return nil, fmt.Errorf("writing outputs: %w", err)
	}
	w, err := output.NewWriterWith(opt.Out, shell, made)
	if err != nil {
		return nil, fmt.Errorf("writing outputs: %w", err)
	}
	defer w.Close()
	ucache, err := newUnitCache(cache, year)
	if err != nil {
		return nil, fmt.Errorf("cache folder: %w", err)
	}
	ur := &unitRun{opt: opt, year: year, draft: draftTemplate, sel: sel, lastYear: last, w: w, cache: ucache,
		records: &recordSource{inbox: opt.Inbox, cache: cache, reader: reader, mem: memory.DefaultAllocator}}
	units, err := ur.runUnits(ctx, names)
	if err != nil {
		return nil, fmt.Errorf("writing outputs: %w", err)
	}
	stage("units", t0)
	opt.Logger.Info("units done", "computed", ur.computed.Load(), "unchanged", ur.cached.Load(), "detail_pieces_copied", ucache.piecesCopied.Load())

	// The county: figures combined from the units, files joined from
	// their parts.
	t0 = time.Now()
	parts := make([]output.UnitParts, len(units))
	for i, u := range units {
		parts[i] = u.parts
	}
	// The report, made by the first of the county's files that needs it
	// while the Parquet files are joined.
	makeReport := sync.OnceValues(func() (*output.Report, error) {
		unitStats := make([]*transform.UnitStatistics, len(units))
		for i, u := range units {
			unitStats[i] = &transform.UnitStatistics{UnitFigures: u.figures}
		}
		stats, err := transform.Combine(opt.Config, unitStats)
		if err != nil {
			return nil, err
		}
		report := buildReport(opt, year, sel, stats, units, county)
		report.DraftTemplate = draftTemplate
		report.Timings = timings
		report.StartedAt = started
		// The workbooks record the time up to here; run.json's timing of
		// the county's files is the one thing they cannot know.
		report.Duration = time.Since(started)
		return report, nil
	})
	// Next year's checks take this year's figures as published: written
	// while the outputs are, kept once they are in place.
	history := onTheSide(func() (*output.StagedHistory, error) { return stageHistory(opt.Out, opt.Config.County, year, units) })
	// So is the list of detail pieces the next run may copy.
	pieces := onTheSide(func() ([]byte, error) { return listPieces(units) })
	written, err := w.Finish(makeReport, parts, ucache.knownLayouts, ucache.knownJoined)
	hist, histErr := history()
	piecesList, piecesErr := pieces()
	if err != nil {
		if hist != nil {
			hist.Discard()
		}
		return nil, fmt.Errorf("writing outputs: %w", err)
	}
	report, err := makeReport() // made by the county's files
	if err != nil {
		return nil, fmt.Errorf("writing outputs: %w", err)
	}
	// The units this run did not use are removed while the lists of those
	// it did are written: the folders' files take a millisecond or two to
	// unlink.
	pruned := make(chan struct{})
	go func() { ucache.prune(); close(pruned) }()
	defer func() { <-pruned }()
	if err := ucache.markSynced(); err != nil { // the next run syncs them again
		opt.Logger.Warn("units' synced workbooks not noted", "err", err)
	}
	if err := errors.Join(piecesErr, ucache.keepPieces(piecesList)); err != nil { // the next run encodes every office
		opt.Logger.Warn("detail pieces not listed", "err", err)
	}
	if err := ucache.keepLayout(written.CountyLayout); err != nil { // the runs after write the whole workbook
		opt.Logger.Warn("county workbook's layout not kept", "err", err)
	}
	if err := ucache.keepJoined(written.Joined); err != nil { // the next run joins every kind
		opt.Logger.Warn("Parquet files' keys not kept", "err", err)
	}
	if histErr == nil {
		histErr = hist.Commit()
	}
	if histErr != nil {
		return nil, fmt.Errorf("keeping the year's figures: %w", histErr)
	}
	stage("county", t0)
	report.Duration = time.Since(started)
	opt.Logger.Info("batch done", "year", year, "files", len(files), "findings", len(report.Findings),
		"out", filepath.Join(opt.Out, fmt.Sprint(year)), "elapsed", report.Duration.Round(time.Millisecond),
		"county_workbook_bytes_left", written.CountyLeft)
	return &Result{Report: report, Written: written, FilesParsed: counts.parsed, FilesCached: counts.cached, FilesSetAside: counts.setAside,
		FilesHashed:   cache.hashes.hashed,
		UnitsComputed: int(ur.computed.Load()), UnitsCached: int(ur.cached.Load()), PiecesCopied: int(ucache.piecesCopied.Load())}, nil
}

// readAll reads every file that is not ignored, several at once, taking
// unchanged files from the cache. subs[i] is nil for an ignored file.
func readAll(ctx context.Context, opt Options, files []inboxFile, cache *parseCache, reader *ingest.Reader, counts *readCounts) ([]*ingest.Submission, error) {
	subs := make([]*ingest.Submission, len(files))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers(opt))
	held := newHeldBudget(opt)
	var mu sync.Mutex // guards counts and progress
	total, done := 0, 0
	for _, f := range files {
		if f.ignore == "" {
			total++
		}
	}
	tick := func() {
		mu.Lock()
		done++
		if opt.Progress != nil {
			opt.Progress(StageRead, done, total)
		}
		mu.Unlock()
	}
	stores := newLaterStores(cache, len(files))
	// What the run keeps of each file read counts against the records held;
	// the files it takes out of them are set aside once stored.
	describe := func(s *ingest.Submission) {
		n := 0
		for _, out := range held.describe(s) {
			if stores.store(out) {
				setAside(out)
				n++
			}
		}
		if n > 0 {
			mu.Lock()
			counts.setAside += n
			mu.Unlock()
		}
	}
	var reading sync.WaitGroup // the files' tasks
	for _, i := range readOrder(files, cache.hashes) {
		f := files[i]
		reading.Add(1)
		g.Go(func() error {
			defer reading.Done()
			defer tick()
			full := filepath.Join(opt.Inbox, filepath.FromSlash(f.rel))
			sha, vouched, err := cache.hashes.hash(f.rel, full, f.stamp)
			if err == nil {
				if s := cache.load(f.rel, sha); s != nil {
					s.ModTime = f.modTime // a description: a unit computed again loads its records
					describe(s)
					subs[i] = s
					mu.Lock()
					counts.cached++
					mu.Unlock()
					return nil
				}
			}
			if vouched {
				sha = "" // not read: it may have changed since it was listed
			}
			s, err := reader.ReadHashedFile(ctx, opt.Inbox, f.rel, sha) // "": hashed again first (or hashing failed)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				// The file vanished or cannot be opened: a rejected input, not a failed run.
				s = &ingest.Submission{Path: f.rel, Rejected: "文件无法打开：" + err.Error()}
				s.Findings = []domain.Finding{{Rule: domain.RuleFileRejected, Severity: domain.SevError,
					Pos: domain.Pos{File: f.rel}, Message: s.Rejected}}
			} else {
				// Queued for its store before the budget can take it out;
				// records the budget does not hold are stored now and set
				// aside (their unit loads them from the cache). A file that
				// cannot be stored stays held.
				stores.add(s)
				aside := !held.reserve(s) && stores.store(s)
				if aside {
					setAside(s)
				}
				mu.Lock()
				counts.parsed++
				if aside {
					counts.setAside++
				}
				mu.Unlock()
			}
			describe(s)
			subs[i] = s
			opt.Logger.Debug("file read", "path", f.rel, "format", s.Format, "unit", s.Unit, "office", s.Office)
			return nil
		})
	}
	// Every file has a worker: the stores take the workers free.
	go func() { reading.Wait(); stores.close() }()
	for range workers(opt) {
		g.Go(func() error { stores.drain(ctx); return nil })
	}
	if err := g.Wait(); err != nil {
		for _, s := range subs {
			if s != nil {
				s.Release()
			}
		}
		return nil, err
	}
	return subs, nil
}

// readOrder lists the files to read, those whose hash is not known from
// the run before first: they are the ones likely to be parsed, and a
// re-run's few parsed files, started last, would each keep one core busy
// after the other core had finished.
func readOrder(files []inboxFile, hashes *fileHashes) []int {
	var changed, known []int
	for i, f := range files {
		switch {
		case f.ignore != "":
		case hashes.known(f.rel, f.stamp):
			known = append(known, i)
		default:
			changed = append(changed, i)
		}
	}
	return append(changed, known...)
}

// readCounts says how many files were parsed, how many of those had their
// records set aside, and how many came from the cache.
type readCounts struct{ parsed, setAside, cached int }

// setAside lets go of what a read file holds besides its description — its
// records and self-reported tables — which wait in the parse cache.
func setAside(s *ingest.Submission) {
	s.Release()
	s.Summary = nil
}

// commonYear is the year most readable submissions name, or last year.
func commonYear(subs []*ingest.Submission) int {
	count := map[int]int{}
	best := 0
	for _, s := range subs {
		if s == nil || s.Rejected != "" || s.Year == 0 {
			continue
		}
		count[s.Year]++
		if count[s.Year] > count[best] || (count[s.Year] == count[best] && s.Year > best) {
			best = s.Year
		}
	}
	if best == 0 {
		best = time.Now().Year() - 1
	}
	return best
}

// onTheSide starts f on a goroutine of its own and returns what waits for
// its results (sync.OnceValues: a call while f runs waits for it).
func onTheSide[T any](f func() (T, error)) func() (T, error) {
	results := sync.OnceValues(f)
	go results()
	return results
}
