package main

import (
	"context"
	"fmt"
	"io"

	"gongkai/domain"
)

func configCommand(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("config", "Prints the built-in configuration (county, roster of units and offices,\n"+
		"vocabularies and synonyms, rule settings) as a TOML file to edit and pass\n"+
		"to 'gongkai run --config FILE'. With --check FILE, checks a file and says\n"+
		"what is wrong with it, with its line.", stderr)
	print := fs.Bool("print-defaults", false, "print the built-in configuration")
	check := fs.String("check", "", "check a configuration file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *check != "":
		if _, err := domain.LoadConfig(*check); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: ok\n", *check)
	case *print:
		_, err := stdout.Write(domain.DefaultsTOML())
		return err
	default:
		fs.Usage()
		return errUsage
	}
	return nil
}
