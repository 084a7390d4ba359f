package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
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
// The work is done unit by unit, side by side: each unit's workbook, and
// its share of the county's files as parts — its detail rows compressed on
// their own, its records as Parquet row groups — which the county's files
// are then joined from without re-encoding. The county's detail rows go
// unit by unit, in the order of r.Units.
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

	parts := filepath.Join(stage, partsDir)
	if err := os.Mkdir(parts, dirMode); err != nil {
		return out, fmt.Errorf("output: %w", err)
	}
	st, err := detailStyles()
	if err != nil {
		return out, fmt.Errorf("output: %w", err)
	}
	byUnit := recordsByUnit(r.Records)
	defer releaseByUnit(byUnit)

	// First each unit, side by side: its workbook, its rows of the
	// county's detail sheets (compressed, to be joined as they are) and its
	// records as Parquet (row groups, to be joined as they are). Then the
	// county's files, from those parts.
	units := unitOrder(r, byUnit)
	details := make([]map[domain.Kind]detailRows, len(units))
	parquets := make([]map[domain.Kind]string, len(units))
	names := make([]string, len(r.Units))
	for i, u := range r.Units {
		names[i] = u.Name
	}
	safe := uniqueNames(names)
	var unitJobs []job
	for i, name := range units {
		rel := fmt.Sprintf("%s（%s）", countyWorkbookName(r.Config, r.Year), name) // names a failure of the county's parts
		written := func(string) {}
		if i < len(r.Units) {
			rel = unitWorkbookName(r.Config, safe[i], r.Year)
			written = func(p string) { out.Units[name] = p }
		}
		unitJobs = append(unitJobs, job{rel, func(p string) (err error) {
			recs, prefix := byUnit[name], strconv.Itoa(i)
			if details[i], err = encodeDetailRows(parts, prefix, st, r.Config, recs); err != nil {
				return err
			}
			if i < len(r.Units) {
				if err := writeUnitWorkbook(p, r, r.Units[i], details[i], draft); err != nil {
					return err
				}
			}
			parquets[i], err = writeParquetParts(parts, prefix, recs)
			return err
		}, written})
	}
	if err := runJobs(stage, unitJobs); err != nil {
		return Written{}, err
	}
	countyJobs := []job{{countyWorkbookName(r.Config, r.Year),
		func(p string) error { return writeCountyWorkbook(p, r, st, details) }, func(p string) { out.County = p }}}
	for _, kind := range domain.LedgerKinds {
		var files []string
		for _, u := range parquets {
			if f, ok := u[kind]; ok {
				files = append(files, f)
			}
		}
		countyJobs = append(countyJobs, job{filepath.Join(dataDir, parquetName(kind)),
			func(p string) error { return writeJoinedParquet(p, kind, files) }, func(p string) { out.Parquet[kind] = p }})
	}
	countyJobs = append(countyJobs, job{runJSONName, func(p string) error { return writeRunJSON(p, r) }, func(p string) { out.RunJSON = p }})
	if err := runJobs(stage, countyJobs); err != nil {
		return Written{}, err
	}
	var staged []string // paths relative to the year's folder, run.json last
	add := func(j job) {
		staged = append(staged, j.rel)
		j.done(out.add(filepath.Join(out.Dir, j.rel)))
	}
	add(countyJobs[0])
	for _, j := range unitJobs[:len(r.Units)] {
		add(j)
	}
	for _, j := range countyJobs[1:] {
		add(j)
	}
	if err := commitStaged(stage, out.Dir, staged); err != nil {
		return out, fmt.Errorf("output: %w", err)
	}
	return out, nil
}

// partsDir, under the staging folder, holds the units' parts of the
// county's files while they are written.
const partsDir = ".parts"

// job writes one file of the staging folder (rel, relative to it) and
// says where it went when all are written.
type job struct {
	rel   string
	write func(path string) error
	done  func(path string)
}

// runJobs runs the jobs side by side, one per core, and returns an error
// naming every file that failed.
func runJobs(stage string, jobs []job) error {
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
	for i, j := range jobs {
		if results[i] != nil {
			errs = append(errs, fmt.Errorf("%s: %w", j.rel, results[i]))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("output: nothing replaced: %w", errors.Join(errs...))
	}
	return nil
}

// unitOrder lists the units whose rows the county's files carry, in the
// order they carry them: the report's units, then any other unit that has
// records, by name.
func unitOrder(r *Report, byUnit map[string]map[domain.Kind][]arrow.RecordBatch) []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range r.Units {
		out = append(out, u.Name)
		seen[u.Name] = true
	}
	for _, name := range slices.Sorted(maps.Keys(byUnit)) {
		if !seen[name] {
			out = append(out, name)
		}
	}
	return out
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
