// Command gongkai-bench measures the nightly batch on a generated county
// of realistic size and, in the same run and on the same files, two
// baselines: excelize's row iterator with default options and with
// RawCellValue, each on one goroutine (make bench; make bench SCALE=10).
// Every measurement runs in a child process of its own, so that its peak
// memory (VmHWM) is its own.
package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"gongkai/pipeline"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == childArg {
		os.Exit(runChild(os.Args[2:]))
	}
	scale := flag.Int("scale", 1, "county size: SCALE×300 workbooks, SCALE×600k ledger rows")
	dir := flag.String("dir", "", "work folder, kept afterwards (default: a temporary folder, removed)")
	flag.Parse()
	if err := bench(*scale, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measurements are the results of one bench run.
type measurements struct {
	scale, files           int
	bytes                  int64
	excelize, raw, ingest1 result
	batch                  result   // the median of the cold batches, with the highest peak memory
	colds                  []result // the cold batches
	unchanged              result   // the night between: the batch again, nothing changed
	reruns                 []result // nights after it, each with another 1 % changed
	rerun                  result   // the median of reruns
	changed                int
	base                   *result // the batch at SCALE=1, when scale > 1
	machine                string  // what the machine charges for fresh memory and system calls
}

// rerunNights is how many re-runs with 1 % changed are timed.
const rerunNights = 5

func bench(scale int, dir string) error {
	if scale < 1 {
		return fmt.Errorf("scale %d: want 1 or more", scale)
	}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "gongkai-bench-")
		if err != nil {
			return err
		}
		defer removeAll(tmp)
		dir = tmp
	}
	m := measurements{scale: scale}
	step := func(what string) { fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), what) }
	step(fmt.Sprintf("generating the county (SCALE=%d)", scale))
	inbox, err := generate(filepath.Join(dir, "county"), scale)
	if err != nil {
		return err
	}
	files, err := workbooks(inbox)
	if err != nil {
		return err
	}
	m.files = len(files)
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			m.bytes += st.Size()
		}
	}
	units := unitsPerScale * scale
	m.machine = machineCosts()
	runs := []struct {
		what string
		dst  *result
		args []string
	}{
		{"baseline: excelize Rows(), default options, 1 goroutine", &m.excelize, []string{"-mode", "excelize"}},
		{"baseline: excelize Rows(), RawCellValue, 1 goroutine", &m.raw, []string{"-mode", "excelize-raw"}},
		{"ingest on 1 goroutine", &m.ingest1, []string{"-mode", "ingest1"}},
	}
	for _, r := range runs {
		step(r.what)
		if *r.dst, err = child(append(r.args, "-inbox", inbox, "-units", fmt.Sprint(units))); err != nil {
			return err
		}
	}
	// The cold batches and the nights take turns, so that the re-run's
	// ratio compares runs of the same minutes: the machine's speed drifts
	// from minute to minute by more than that target's margin (re-runs
	// moved from 0.115 to 0.150 s within minutes while cold batches did
	// not). The first cold batch writes the folder the nights write over.
	// Likewise at SCALE>1 each cold batch is followed by one at SCALE=1,
	// for the ratio of the two.
	var inbox1 string
	if scale > 1 {
		step("generating the county at SCALE=1, for the ratios")
		if inbox1, err = generate(filepath.Join(dir, "county1"), 1); err != nil {
			return err
		}
	}
	out := filepath.Join(dir, "out")
	var colds, colds1 []result
	cold := func(k int) error { // the k-th of coldRuns
		r, err := coldRun(step, inbox, out, units, k)
		colds = append(colds, r)
		if err != nil || inbox1 == "" {
			return err
		}
		step("the batch at SCALE=1, for the ratios")
		r, err = coldRun(step, inbox1, filepath.Join(dir, "out1"), unitsPerScale, k)
		colds1 = append(colds1, r)
		return err
	}
	if err := cold(0); err != nil {
		return err
	}
	// A night's run comes after the night before's, whose outputs it
	// writes over (the files that one replaced): the night between runs on
	// the same files.
	step("the batch again, nothing changed")
	if m.unchanged, err = child([]string{"-mode", "batch", "-inbox", inbox, "-out", out, "-units", fmt.Sprint(units)}); err != nil {
		return err
	}
	// A re-run takes about 0.12 s at SCALE=1, and the machine's noise moves
	// one by ±10 ms: the median of rerunNights nights is quoted. The other cold
	// batches come before every second night.
	for night := range rerunNights {
		if night%2 == 1 && len(colds) < coldRuns {
			if err := cold(len(colds)); err != nil {
				return err
			}
		}
		step(fmt.Sprintf("changing another 1 %% of the files (%d of %d)", night+1, rerunNights))
		if m.changed, err = changeOnePercent(inbox, night); err != nil {
			return err
		}
		// A night's files changed hours before it, not moments: the
		// batch keeps no hash of a file changed within pipeline.StampRace
		// of a run (and `gongkai run` by default reads none changed within
		// a minute), so a run right after the change would leave the
		// nights after it to hash the file again. Untimed, as the writing
		// back is.
		time.Sleep(pipeline.StampRace + 100*time.Millisecond)
		step("the batch again, 1 % changed")
		r, err := child([]string{"-mode", "batch", "-inbox", inbox, "-out", out, "-units", fmt.Sprint(units)})
		if err != nil {
			return err
		}
		m.reruns = append(m.reruns, r)
	}
	for len(colds) < coldRuns {
		if err := cold(len(colds)); err != nil {
			return err
		}
	}
	m.batch, m.colds = summarizeColds(colds), colds
	m.rerun = median(m.reruns)
	if len(colds1) > 0 {
		base := summarizeColds(colds1)
		m.base = &base
	}
	m.print(os.Stdout)
	return nil
}

// coldRuns is how many cold batches are timed: the machine's noise moves
// one by ±5–10 %, so the median is quoted, with the highest peak memory.
const coldRuns = 3

// coldRun times the batch on inbox with no outputs before: the k-th of
// coldRuns, the first into out (the nights after write over it), the
// others into folders removed after.
func coldRun(step func(string), inbox, out string, units, k int) (result, error) {
	step(fmt.Sprintf("the batch (pipeline.Run), cold (%d of %d)", k+1, coldRuns))
	dst := out
	if k > 0 {
		dst = fmt.Sprintf("%s-cold%d", out, k+1)
	}
	r, err := child([]string{"-mode", "batch", "-inbox", inbox, "-out", dst, "-units", fmt.Sprint(units)})
	if dst != out {
		removeAll(dst)
	}
	return r, err
}

// summarizeColds returns the median cold run, its peak memory the highest
// of all.
func summarizeColds(runs []result) result {
	mid := median(runs)
	for _, r := range runs {
		mid.PeakRSS = max(mid.PeakRSS, r.PeakRSS)
		mid.IngestRSS = max(mid.IngestRSS, r.IngestRSS)
		mid.UnitsRSS = max(mid.UnitsRSS, r.UnitsRSS)
	}
	return mid
}

// median is the run of the median time (of an odd number of runs).
func median(runs []result) result {
	return slices.SortedFunc(slices.Values(runs), func(a, b result) int { return cmp.Compare(a.Seconds, b.Seconds) })[len(runs)/2]
}

// child runs one measurement in a child process, the file system written
// back first (untimed): a nightly run comes hours after the files it reads
// were written and after the run before it, and the kernel's writing back
// of what the step before wrote (the county generated, a cold run's
// quarter of a gigabyte) would otherwise be charged to whatever runs next.
func child(args []string) (result, error) {
	syncFileSystems()
	exe, err := os.Executable()
	if err != nil {
		return result{}, err
	}
	cmd := exec.Command(exe, append([]string{childArg}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, fmt.Errorf("%v: %w", args, err)
	}
	var r result
	if err := json.Unmarshal(out, &r); err != nil {
		return result{}, fmt.Errorf("%v: %w", args, err)
	}
	return r, nil
}

func init() {
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: gongkai-bench [-scale N] [-dir DIR]\n\n"+
			"Generates a county of N×300 workbooks (about N×600k ledger rows), runs the\n"+
			"whole batch, and times excelize's row iterator on the same files; prints\n"+
			"rows/s, cells/s, peak memory, stage times and ratios. %d CPUs here.\n\n", runtime.NumCPU())
		flag.PrintDefaults()
	}
}
