package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"gongkai/domain"
	"gongkai/pipeline"
)

// errFindings makes the exit code non-zero when a checked file has errors.
var errFindings = errors.New("errors found")

func checkCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "Checks ledger files before they are submitted, with the same reading and\n"+
		"checks as the nightly batch, and prints every problem in Chinese with its\n"+
		"sheet and cell. Exit code 1 when there are errors, 0 otherwise.\n\n"+
		"Usage: gongkai check [flags] FILE...", stderr)
	year := fs.Int("year", 0, "report year; default: the year the files name")
	config := fs.String("config", "", "TOML configuration file; default: the built-in defaults")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, errHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "gongkai check: name at least one file")
		return errUsage
	}
	cfg, err := domain.LoadConfig(*config)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	findings, err := pipeline.CheckFiles(ctx, cfg, fs.Args(), *year)
	if err != nil {
		return err
	}
	errs := 0
	for _, f := range findings {
		if f.Severity == domain.SevError {
			errs++
		}
		fmt.Fprintf(stdout, "[%s] %s %s：%s\n", f.Severity.Label(), f.Rule, f.Pos, f.Message)
	}
	fmt.Fprintf(stdout, "共 %d 个文件，发现 %d 个问题（其中错误 %d 个）。\n", fs.NArg(), len(findings), errs)
	if errs > 0 {
		return errFindings
	}
	return nil
}
