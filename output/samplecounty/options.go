package samplecounty

import "fmt"

// Options say what to generate. Zero values take the defaults.
type Options struct {
	Seed  uint64
	Units int // the first N units of the roster; 0 = all
	Rows  int // disclosure rows per office, approximately; 0 = 40
	Year  int // the report year; 0 = 2025
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
