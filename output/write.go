package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"golang.org/x/sync/errgroup"

	"gongkai/domain"
)

// Folder and file names under the output folder.
const (
	dataDir     = "data"
	runJSONName = "run.json"
	dirMode     = 0o755
)

// Written lists the files one Write put in place.
type Written struct {
	Dir     string                 // <dir>/<year>
	County  string                 // the county workbook
	Units   map[string]string      // unit name → its workbook
	Parquet map[domain.Kind]string // ledger kind → its Parquet file
	RunJSON string
	Paths   []string // every file above, in the order written
}

// add notes a written file and returns its path.
func (w *Written) add(path string) string {
	w.Paths = append(w.Paths, path)
	return path
}

// Write writes everything for r.Year into dir/<year>/: the county workbook,
// one workbook per unit of r.Units, one Parquet file per ledger kind under
// data/, and run.json, last. The files are staged and put in place only
// when all are complete; when one fails, none is replaced and the error
// names every file that failed.
//
// Before writing anything, Write checks r: its configuration, that every
// record batch has the schema of its kind, and the report-draft template.
func Write(dir string, r *Report) (Written, error) {
	if r.Config == nil {
		return Written{}, errors.New("output: report has no configuration")
	}
	if err := checkRecords(r.Records); err != nil {
		return Written{}, fmt.Errorf("output: %w", err)
	}
	draft, err := parseDraftTemplate(r.DraftTemplate, r.Config)
	if err != nil {
		return Written{}, fmt.Errorf("output: %w", err)
	}
	out := Written{
		Dir:     filepath.Join(dir, strconv.Itoa(r.Year)),
		Units:   map[string]string{},
		Parquet: map[domain.Kind]string{},
	}
	// Everything is written into a staging folder first and moved into
	// place only when every file is complete: until then, and whenever a
	// file fails, the previous run's outputs stay as they were.
	stage := filepath.Join(dir, "."+strconv.Itoa(r.Year)+".staging")
	if err := os.RemoveAll(stage); err != nil { // what a killed run left
		return out, fmt.Errorf("output: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(stage, dataDir), dirMode); err != nil {
		return out, fmt.Errorf("output: %w", err)
	}
	defer os.RemoveAll(stage)

	// The files are independent: they are written side by side, one per
	// core, and accounted for in the order of the list.
	type job struct {
		rel   string
		write func(path string) error
		done  func(path string)
	}
	var jobs []job
	jobs = append(jobs, job{countyWorkbookName(r.Config, r.Year),
		func(p string) error { return writeCountyWorkbook(p, r) }, func(p string) { out.County = p }})
	names := make([]string, len(r.Units))
	for i, u := range r.Units {
		names[i] = u.Name
	}
	byUnit := recordsByUnit(r.Records)
	defer releaseByUnit(byUnit)
	for i, safe := range uniqueNames(names) {
		unit := r.Units[i]
		jobs = append(jobs, job{unitWorkbookName(r.Config, safe, r.Year),
			func(p string) error { return writeUnitWorkbook(p, r, unit, byUnit[unit.Name], draft) }, func(p string) { out.Units[unit.Name] = p }})
	}
	for _, kind := range domain.LedgerKinds {
		jobs = append(jobs, job{filepath.Join(dataDir, parquetName(kind)),
			func(p string) error { return writeParquet(p, kind, r.Records[kind]) }, func(p string) { out.Parquet[kind] = p }})
	}
	jobs = append(jobs, job{runJSONName, func(p string) error { return writeRunJSON(p, r) }, func(p string) { out.RunJSON = p }})

	results := make([]error, len(jobs))
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i, j := range jobs {
		g.Go(func() error {
			results[i] = j.write(filepath.Join(stage, j.rel))
			return nil
		})
	}
	g.Wait()
	var errs []error
	var staged []string // paths relative to the year's folder, run.json last
	for i, j := range jobs {
		if results[i] != nil {
			errs = append(errs, fmt.Errorf("%s: %w", j.rel, results[i]))
			continue
		}
		staged = append(staged, j.rel)
		j.done(out.add(filepath.Join(out.Dir, j.rel)))
	}
	if len(errs) > 0 {
		return Written{}, fmt.Errorf("output: nothing replaced: %w", errors.Join(errs...))
	}
	if err := commitStaged(stage, out.Dir, staged); err != nil {
		return out, fmt.Errorf("output: %w", err)
	}
	return out, nil
}

// commitStaged moves the staged files into the year's folder, each by an
// atomic rename (run.json last), so a reader sees either yesterday's file
// or today's, never half of one.
func commitStaged(stage, dir string, rels []string) error {
	if err := os.MkdirAll(filepath.Join(dir, dataDir), dirMode); err != nil {
		return err
	}
	for _, rel := range rels {
		if err := os.Rename(filepath.Join(stage, rel), filepath.Join(dir, rel)); err != nil {
			return err
		}
	}
	syncDir(dir)
	syncDir(filepath.Join(dir, dataDir))
	return nil
}
