package main

import (
	"context"
	"fmt"
	"io"
)

func versionCommand(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "Prints the program version.", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "gongkai", version)
	return nil
}
