package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

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
// data/, and run.json, last. Each file is written atomically: a file that
// fails keeps its previous version, and the others are written all the
// same; the error then names every file that failed.
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
	draft, err := parseDraftTemplate(r.DraftTemplate)
	if err != nil {
		return Written{}, fmt.Errorf("output: %w", err)
	}
	out := Written{
		Dir:     filepath.Join(dir, strconv.Itoa(r.Year)),
		Units:   map[string]string{},
		Parquet: map[domain.Kind]string{},
	}
	if err := os.MkdirAll(filepath.Join(out.Dir, dataDir), dirMode); err != nil {
		return out, fmt.Errorf("output: %w", err)
	}

	var errs []error
	// step notes the outcome of writing path: the path, or "" and the error.
	step := func(path string, err error) string {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, err))
			return ""
		}
		return out.add(path)
	}
	county := filepath.Join(out.Dir, countyWorkbookName(r.Config.County, r.Year))
	out.County = step(county, writeCountyWorkbook(county, r))
	names := make([]string, len(r.Units))
	for i, u := range r.Units {
		names[i] = u.Name
	}
	for i, safe := range uniqueNames(names) {
		path := filepath.Join(out.Dir, unitWorkbookName(safe, r.Year))
		if p := step(path, writeUnitWorkbook(path, r, r.Units[i], draft)); p != "" {
			out.Units[r.Units[i].Name] = p
		}
	}
	for _, kind := range domain.LedgerKinds {
		path := filepath.Join(out.Dir, dataDir, parquetName(kind))
		if p := step(path, writeParquet(path, kind, r.Records[kind])); p != "" {
			out.Parquet[kind] = p
		}
	}
	runJSON := filepath.Join(out.Dir, runJSONName)
	out.RunJSON = step(runJSON, writeRunJSON(runJSON, r))
	if len(errs) > 0 {
		return out, fmt.Errorf("output: %w", errors.Join(errs...))
	}
	return out, nil
}
