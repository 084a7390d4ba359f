package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"gongkai/domain"
	"gongkai/pipeline"
)

func runCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "Reads every submission in the inbox folder (never changing it), checks and\n"+
		"consolidates them, and writes the county workbook, one workbook per town, the\n"+
		"analyst data and run.json into OUT/<year>/. Problems in the files are listed as\n"+
		"findings; the exit code is 0 whenever the batch completed.", stderr)
	inbox := fs.String("inbox", "", "folder the offices drop their files into (required)")
	out := fs.String("out", "", "folder to write the outputs into (required)")
	year := fs.Int("year", 0, "report year; default: the year most submissions name")
	config := fs.String("config", "", "TOML configuration file; default: the built-in defaults")
	settle := fs.Duration("settle", time.Minute, "leave files modified less than this long ago for the next run (an office may still be saving them)")
	verbose := fs.Bool("v", false, "log every file read")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *inbox == "" || *out == "" {
		fmt.Fprintln(stderr, "gongkai run: --inbox and --out are required")
		return errUsage
	}
	cfg, err := domain.LoadConfig(*config)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	defer pipeline.TuneGC()()
	res, err := pipeline.Run(ctx, pipeline.Options{Inbox: *inbox, Out: *out, Year: *year, Config: cfg, Version: version, Logger: logger, Settle: *settle,
		Progress: progressReporter(stderr, logger)})
	if err != nil {
		return err
	}
	r := res.Report
	errs, warns := 0, 0
	for _, f := range r.Findings {
		switch f.Severity {
		case domain.SevError:
			errs++
		case domain.SevWarning:
			warns++
		}
	}
	fmt.Fprintf(stdout, "year %d: %d files (%d parsed, %d unchanged), %d units (%d computed, %d unchanged), %d records read, %d counted; findings: %d errors, %d warnings, %d in all; %s; outputs in %s\n",
		r.Year, len(r.Inputs), res.FilesParsed, res.FilesCached, len(r.Units), res.UnitsComputed, res.UnitsCached,
		r.Accounting.Total.Read, r.Accounting.Total.Counted, errs, warns, len(r.Findings),
		r.Duration.Round(time.Millisecond), *out)
	return nil
}
