package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"gongkai/domain"
	"gongkai/output"
)

func templateCommand(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("template", "Writes the blank submission workbook for offices: the cover, the four\n"+
		"ledgers and the self-reported tables, with the exact headers, drop-down lists\n"+
		"for the columns that take fixed values, date formats and instructions.", stderr)
	out := fs.String("out", "", "file to write, e.g. 台账模板.xlsx (required)")
	year := fs.Int("year", time.Now().Year(), "report year printed in the template")
	config := fs.String("config", "", "TOML configuration file; default: the built-in defaults")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "gongkai template: --out is required")
		return errUsage
	}
	cfg, err := domain.LoadConfig(*config)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	if err := output.WriteTemplate(*out, cfg, *year); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}
