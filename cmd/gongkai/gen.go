package main

import (
	"context"
	"fmt"
	"io"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

func genCommand(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("gen", "Writes a made-up county inbox (OUT/inbox/) in the submission format, with\n"+
		"OUT/truth.json holding every figure the batch must compute from it. The same\n"+
		"seed always gives the same files. Use it to try the batch or to test it.", stderr)
	out := fs.String("out", "", "folder to write into (required)")
	seed := fs.Uint64("seed", 1, "random seed")
	units := fs.Int("units", 0, "number of units (towns) from the roster; 0 = all")
	rows := fs.Int("rows", 0, "disclosure rows per office, about; 0 = the default")
	year := fs.Int("year", 0, "report year; 0 = 2025")
	config := fs.String("config", "", "TOML configuration file; default: the built-in defaults")
	messy := fs.Bool("messy", false, "vary the files the way offices really fill them, with noise files; same truth.json")
	violations := fs.Bool("violations", false, "plant one violation of each cross-check rule (expected_violations.json); needs --units 4 or more")
	duplicates := fs.Bool("duplicates", false, "plant copies, older versions, repeated rows and near-duplicate titles (expected_duplicates.json)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "gongkai gen: --out is required")
		return errUsage
	}
	cfg, err := domain.LoadConfig(*config)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	truth, err := samplecounty.Generate(*out, cfg, samplecounty.Options{Seed: *seed, Units: *units, Rows: *rows, Year: *year,
		Messy: *messy, Violations: *violations, Duplicates: *duplicates})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote a %d sample county of %d units into %s\n", truth.Year, len(truth.Units), *out)
	return nil
}
