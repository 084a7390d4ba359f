package samplecounty

import "fmt"

// Options say what to generate. Zero values take the defaults.
type Options struct {
	Seed  uint64
	Units int // the first N units of the roster; 0 = all
	Rows  int // disclosure rows per office, approximately; 0 = 40
	Year  int // the report year; 0 = 2025
	// Messy writes the same county the way offices really fill their files
	// (title rows, synonyms, text dates, CSV, noise files …); the truth is
	// the same as without it.
	Messy bool
	// Violations plants one known violation of each rule (plant_*.go).
	Violations bool
	Duplicates bool // plants every case of issue 4, versions and duplicates (dup_*.go); not with Messy or Violations
}

// Defaults of Options.
const (
	DefaultRows = 40
	DefaultYear = 2025
)

// withDefaults checks opt and fills in its defaults.
func (opt Options) withDefaults() (Options, error) {
	if opt.Units < 0 || opt.Rows < 0 || opt.Year < 0 {
		return opt, fmt.Errorf("samplecounty: negative option in %+v", opt)
	}
	if opt.Duplicates && (opt.Messy || opt.Violations) {
		return opt, fmt.Errorf("samplecounty: Duplicates does not combine with Messy or Violations")
	}
	if opt.Rows == 0 {
		opt.Rows = DefaultRows
	}
	if opt.Year == 0 {
		opt.Year = DefaultYear
	}
	if opt.Year < 2000 || opt.Year > 2100 {
		return opt, fmt.Errorf("samplecounty: year %d out of range", opt.Year)
	}
	return opt, nil
}
