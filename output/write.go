package output

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"

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
	// CountyLayout is where the county workbook holds its slots — its
	// content types, its sheets of units' rows (nil: not known) — for
	// the next Writer.Finish; CountyLeft counts the bytes of slots it left as
	// the file it was written over held them.
	CountyLayout *CountyLayout
	CountyLeft   int64
	// Joined are the Parquet files in place, for the next Writer.Finish.
	Joined []JoinedFile
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
// The work is done unit by unit, side by side (Writer.Unit), then the
// county's files are joined from the units' parts (Writer.Finish). The
// county's detail rows go unit by unit, in the order of r.Units.
//
// Before writing anything, Write checks r: its configuration, that every
// record batch has the schema of its kind, and the report-draft template.
func Write(dir string, r *Report) (Written, error) {
	if err := checkRecords(r.Records); err != nil {
		return Written{}, fmt.Errorf("output: %w", err)
	}
	defer RemoveReplaced(dir)()
	w, err := NewWriter(dir, r)
	if err != nil {
		return Written{}, err
	}
	defer w.Close()
	byUnit := recordsByUnit(r.Records)
	defer releaseByUnit(byUnit)
	parts, err := w.units(r, byUnit)
	if err != nil {
		return Written{}, err
	}
	return w.Finish(func() (*Report, error) { return r, nil }, parts, nil, nil)
}

// units writes every unit that has records in byUnit or is one of r's
// (Unit, side by side) and returns their parts in the order the county's
// files carry them.
func (w *Writer) units(r *Report, byUnit map[string]map[domain.Kind][]arrow.RecordBatch) ([]UnitParts, error) {
	names := unitOrder(r, byUnit)
	parts := make([]UnitParts, len(names))
	jobs := make([]job, len(names))
	for i, name := range names {
		var u *UnitReport
		if i < len(r.Units) {
			u = &r.Units[i]
		}
		jobs[i] = job{w.unitFileName(name), func(string) (err error) {
			parts[i], err = w.Unit(filepath.Join(w.stage, partsDir, strconv.Itoa(i)), name, u, byUnit[name], PieceSource{})
			return err
		}, nil}
	}
	if err := runJobs(w.stage, jobs); err != nil {
		return nil, err
	}
	return parts, nil
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

// runJobs runs the jobs side by side, one per core, taken in the order
// given (the longest first: a goroutine per job would leave the first
// waiting behind the later ones, as Go runs the newest goroutine first),
// and returns an error naming every file that failed.
func runJobs(stage string, jobs []job) error {
	results := make([]error, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(jobs)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(jobs); i = int(next.Add(1)) - 1 {
				j := jobs[i]
				results[i] = j.write(filepath.Join(stage, j.rel))
			}
		})
	}
	wg.Wait()
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
