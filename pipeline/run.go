package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
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
}

// Result is what a run wrote.
type Result struct {
	Report  *output.Report
	Written output.Written
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
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	timings := map[string]time.Duration{}
	stage := func(name string, t0 time.Time) { timings[name] = time.Since(t0) }

	t0 := time.Now()
	files, err := listInbox(opt.Inbox)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInbox, err)
	}
	subs, err := readAll(ctx, opt, files)
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, s := range subs {
			if s != nil {
				s.Release()
			}
		}
	}()
	stage("ingest", t0)
	opt.Logger.Info("inbox read", "files", len(files))

	t0 = time.Now()
	year := opt.Year
	if year == 0 {
		year = commonYear(subs)
	}
	sel := selectSubmissions(opt.Config, year, files, subs)
	stats, err := transform.Compute(opt.Config, year, sel.offices, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	defer stats.Release()
	stage("transform", t0)

	report := buildReport(opt, year, sel, stats)
	report.Timings = timings
	report.StartedAt = started
	// The workbooks record the time up to here; run.json's timing of the
	// output stage is the one thing they cannot know.
	report.Duration = time.Since(started)
	t0 = time.Now()
	written, err := output.Write(opt.Out, report)
	if err != nil {
		return nil, fmt.Errorf("writing outputs: %w", err)
	}
	stage("output", t0)
	report.Duration = time.Since(started)
	opt.Logger.Info("batch done", "year", year, "files", len(files), "findings", len(report.Findings),
		"out", filepath.Join(opt.Out, fmt.Sprint(year)), "elapsed", report.Duration.Round(time.Millisecond))
	return &Result{Report: report, Written: written}, nil
}

// readAll reads every file that is not ignored, several at once. subs[i]
// is nil for an ignored file.
func readAll(ctx context.Context, opt Options, files []inboxFile) ([]*ingest.Submission, error) {
	reader, err := ingest.NewReader(opt.Config, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	subs := make([]*ingest.Submission, len(files))
	g, ctx := errgroup.WithContext(ctx)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	g.SetLimit(workers)
	for i, f := range files {
		if f.ignore != "" {
			continue
		}
		g.Go(func() error {
			s, err := reader.ReadFile(ctx, opt.Inbox, f.rel)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				// The file vanished or cannot be opened: a rejected input, not a failed run.
				s = &ingest.Submission{Path: f.rel, Rejected: "文件无法打开：" + err.Error()}
				s.Findings = []domain.Finding{{Rule: domain.RuleFileRejected, Severity: domain.SevError,
					Pos: domain.Pos{File: f.rel}, Message: s.Rejected}}
			}
			subs[i] = s
			opt.Logger.Debug("file read", "path", f.rel, "format", s.Format, "unit", s.Unit, "office", s.Office)
			return nil
		})
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
