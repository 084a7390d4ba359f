// Command gongkai consolidates the 政府信息公开 ledgers that town offices
// drop into a shared folder into the county's statistics workbooks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand of gongkai.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"run", "Read the inbox and write this year's county and town workbooks.", runCommand},
	{"gen", "Write a made-up county inbox, with the numbers it must give, for trying and testing.", genCommand},
	{"check", "Check ledger files before submitting them, and list their problems.", checkCommand},
	{"template", "Write the blank submission workbook for offices to fill in.", templateCommand},
	{"config", "Print the built-in configuration, as a starting point for your own file.", configCommand},
	{"version", "Print the program version.", versionCommand},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := dispatch(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// dispatch runs a subcommand and turns its error into an exit code:
// 0 done, 1 could not run, 2 bad usage.
func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.Is(err, errFindings):
			return 1
		}
		fmt.Fprintf(stderr, "gongkai %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(stderr, "gongkai: unknown command %q; see 'gongkai --help'\n", args[0])
	return 2
}

// errUsage marks a bad flag, already reported by the flag package.
var errUsage = errors.New("usage")

// errHelp is what a flag set returns for -h/--help.
var errHelp = flag.ErrHelp

func usage(w io.Writer) {
	fmt.Fprintln(w, "gongkai consolidates the government-information-disclosure ledgers (政府信息公开台账)")
	fmt.Fprintln(w, "that town offices submit into county statistics and annual-report workbooks.")
	fmt.Fprintln(w, "\nUsage: gongkai <command> [flags]   ('gongkai <command> --help' for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
}

// newFlagSet returns a flag set that prints its help to w and reports bad
// flags as errUsage.
func newFlagSet(name, about string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("gongkai "+name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: gongkai %s [flags]\n\n%s\n\nFlags:\n", name, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping a bad flag to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	return nil
}
