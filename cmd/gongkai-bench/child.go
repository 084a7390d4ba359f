package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/ingest"
	"gongkai/pipeline"
)

// childArg makes the program a measured child process: each measurement
// runs alone in its own process, so that its peak memory is its own.
const childArg = "-child"

// result is what a child measured.
type result struct {
	Seconds float64 `json:"seconds"`
	Rows    int     `json:"rows"`  // ledger rows (records) or sheet rows read
	Cells   int     `json:"cells"` // cells read (excelize baselines)
	PeakRSS int64   `json:"peak_rss"`
	// IngestRSS is the peak resident memory up to the end of the ingest
	// stage (sampled every 20 ms).
	IngestRSS int64 `json:"ingest_rss,omitempty"`
	// UnitsRSS is the peak up to the end of the units stage.
	UnitsRSS int64              `json:"units_rss,omitempty"`
	Stages   map[string]float64 `json:"stages,omitempty"`
	Parsed   int                `json:"parsed,omitempty"`
	Cached   int                `json:"cached,omitempty"`
	// UnitsComputed and UnitsCached count the units of a batch.
	UnitsComputed int `json:"units_computed,omitempty"`
	UnitsCached   int `json:"units_cached,omitempty"`
	// CountyLeft counts the bytes the county workbook left as the file it
	// was written over held them, of CountyBytes.
	CountyLeft  int64 `json:"county_left,omitempty"`
	CountyBytes int64 `json:"county_bytes,omitempty"`
}

// runChild runs one measurement and prints its result as JSON.
func runChild(args []string) int {
	fs := flag.NewFlagSet("child", flag.ExitOnError)
	mode := fs.String("mode", "", "batch | ingest1 | excelize | excelize-raw")
	inbox := fs.String("inbox", "", "")
	out := fs.String("out", "", "")
	units := fs.Int("units", 0, "")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the measurement to this file")
	heap := fs.String("heapprofile", "", "batch: write heap profiles to this file name + .reading, .computing and .end, when the files are read, when the last unit is done and when the batch is")
	fs.Parse(args)
	// The runtime's memory profiler off, as it is in gongkai, which links
	// no profiler (the linker then turns it off): this binary links
	// runtime/pprof, which would have each measurement record the stack of
	// an allocation every 512 KiB — 2–6 % of a re-run's time, in page
	// faults on the profiler's tables. A heap profile asked for keeps it.
	if *heap == "" {
		runtime.MemProfileRate = 0
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			return 1
		}
		pprof.StartCPUProfile(f)
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	var res result
	var err error
	switch *mode {
	case "batch":
		res, err = childBatch(*inbox, *out, *units, *heap)
	case "ingest1":
		res, err = childIngest(*inbox, *units)
	case "excelize", "excelize-raw":
		res, err = childExcelize(*inbox, *mode == "excelize-raw")
	default:
		err = fmt.Errorf("unknown mode %q", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench child:", err)
		return 1
	}
	res.PeakRSS = peakRSS()
	json.NewEncoder(os.Stdout).Encode(res)
	return 0 // deferred: the profile is closed
}

// childBatch runs the whole batch once.
func childBatch(inbox, out string, units int, heapProfile string) (result, error) {
	rss := startRSSSampler()
	defer rss.stop()
	var ingestPeak, unitsPeak int64
	t0 := time.Now()
	restore := pipeline.TuneGC()
	defer restore()
	tuned := time.Since(t0)
	r, err := pipeline.Run(context.Background(), pipeline.Options{
		Inbox: inbox, Out: out, Config: benchConfig(units), Version: "bench", Settle: 0,
		Progress: func(stage pipeline.Stage, done, total int) {
			if done == total && heapProfile != "" {
				writeHeapProfile(heapProfile + "." + strings.Fields(string(stage))[0])
			}
			if stage == pipeline.StageUnits && done == total {
				unitsPeak = rss.peak()
			}
			if stage == pipeline.StageRead && done == total {
				ingestPeak = rss.peak()
			}
		},
	})
	if err != nil {
		return result{}, err
	}
	elapsed := time.Since(t0)
	if heapProfile != "" {
		writeHeapProfile(heapProfile + ".end")
	}
	res := result{Seconds: elapsed.Seconds(), Rows: r.Report.Accounting.Total.Read,
		Stages: map[string]float64{}, Parsed: r.FilesParsed, Cached: r.FilesCached, IngestRSS: ingestPeak, UnitsRSS: unitsPeak,
		UnitsComputed: r.UnitsComputed, UnitsCached: r.UnitsCached, CountyLeft: r.Written.CountyLeft}
	if st, err := os.Stat(r.Written.County); err == nil {
		res.CountyBytes = st.Size()
	}
	for k, d := range r.Report.Timings {
		res.Stages[k] = d.Seconds()
	}
	res.Stages["tune"] = tuned.Seconds() // the collector's settings and the heap's huge pages (TuneGC)
	return res, nil
}

// childIngest reads every file with ingest on one goroutine: read,
// recognise and normalise into records.
func childIngest(inbox string, units int) (result, error) {
	r, err := ingest.NewReader(benchConfig(units), nil)
	if err != nil {
		return result{}, err
	}
	files, err := workbooks(inbox)
	if err != nil {
		return result{}, err
	}
	var res result
	t0 := time.Now()
	for _, f := range files {
		rel, _ := filepath.Rel(inbox, f)
		sub, err := r.ReadFile(context.Background(), inbox, filepath.ToSlash(rel))
		if err != nil {
			return res, err
		}
		for _, rec := range sub.Records {
			res.Rows += int(rec.NumRows())
		}
		sub.Release()
	}
	res.Seconds = time.Since(t0).Seconds()
	return res, nil
}

// childExcelize reads every cell of every sheet with excelize's row
// iterator on one goroutine, with default options or RawCellValue.
func childExcelize(inbox string, raw bool) (result, error) {
	files, err := workbooks(inbox)
	if err != nil {
		return result{}, err
	}
	opts := excelize.Options{RawCellValue: raw}
	var res result
	t0 := time.Now()
	for _, p := range files {
		f, err := excelize.OpenFile(p, opts)
		if err != nil {
			return res, err
		}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.Rows(sheet)
			if err != nil {
				return res, err
			}
			for rows.Next() {
				cells, err := rows.Columns(opts)
				if err != nil {
					return res, err
				}
				res.Rows++
				res.Cells += len(cells)
			}
			rows.Close()
		}
		f.Close()
	}
	res.Seconds = time.Since(t0).Seconds()
	return res, nil
}

// peakRSS is the process's peak resident memory (VmHWM), in bytes.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.Sys)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// rssSampler samples the resident memory of the process.
type rssSampler struct {
	max  atomic.Int64
	done chan struct{}
}

func startRSSSampler() *rssSampler {
	s := &rssSampler{done: make(chan struct{})}
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				if v := currentRSS(); v > s.max.Load() {
					s.max.Store(v)
				}
			}
		}
	}()
	return s
}

func (s *rssSampler) peak() int64 { return max(s.max.Load(), currentRSS()) }
func (s *rssSampler) stop()       { close(s.done) }

// currentRSS is the resident memory now (/proc/self/statm), in bytes.
func currentRSS() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// writeHeapProfile writes the live heap to path, for finding what a batch
// holds; a failure is only reported.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err == nil {
		runtime.GC()
		err = pprof.WriteHeapProfile(f)
		f.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench child: heap profile:", err)
	}
}
