package main

import (
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// Targets of issue 8.
const (
	targetIngest1   = 5.0     // ingest on 1 goroutine, × the excelize default rate
	targetBatch     = 8.0     // the whole batch, × the excelize default rate
	targetMemory    = 1 << 30 // peak memory at SCALE=1
	targetMemScale  = 0.20    // peak memory at SCALE=10 within this of SCALE=1
	targetRerun     = 0.05    // re-run with 1 % changed, of the full run
	targetTimeScale = 1.5     // SCALE=10 takes 10 ± this × SCALE=1
)

func (m *measurements) print(w io.Writer) {
	cells := m.excelize.Cells
	fmt.Fprintf(w, "\ngongkai bench, SCALE=%d, %d CPUs: %d workbooks (%.1f MiB), %s ledger rows, %s cells\n",
		m.scale, runtime.NumCPU(), m.files, float64(m.bytes)/(1<<20), thousands(m.batch.Rows), thousands(cells))
	fmt.Fprintf(w, "machine: %s\n\n", m.machine)
	fmt.Fprintf(w, "%-44s %9s %11s %11s %9s %10s %10s\n", "", "time", "rows/s", "cells/s", "peak RSS", "× excelize", "× excelize")
	fmt.Fprintf(w, "%-44s %9s %11s %11s %9s %10s %10s\n", "", "", "", "", "", "default", "raw")
	line := func(name string, r result, rows int) {
		fmt.Fprintf(w, "%-44s %8.2fs %11s %11s %8.0fM %9.2f× %9.2f×\n", name, r.Seconds,
			thousands(int(float64(rows)/r.Seconds)), thousands(int(float64(cells)/r.Seconds)),
			float64(r.PeakRSS)/(1<<20), m.excelize.Seconds/r.Seconds, m.raw.Seconds/r.Seconds)
	}
	line("excelize Rows(), default options, 1 gor.", m.excelize, m.excelize.Rows)
	line("excelize Rows(), RawCellValue, 1 gor.", m.raw, m.raw.Rows)
	line("ingest, 1 goroutine (read+recognise+records)", m.ingest1, m.ingest1.Rows)
	line("batch, pipeline.Run (all stages)", m.batch, m.batch.Rows)
	fmt.Fprintf(w, "  cold batches %s: the median quoted, with the highest peak RSS\n", seconds(m.colds, 2))
	fmt.Fprintf(w, "  stages of the median batch: %s; peak RSS up to the end of ingest %.0fM, of the units %.0fM\n", stages(m.batch.Stages),
		float64(m.batch.IngestRSS)/(1<<20), float64(m.batch.UnitsRSS)/(1<<20))
	fmt.Fprintf(w, "re-run, nothing changed: %.3fs = %.2f %% of the full run (%d parsed, %d from cache; units %d computed, %d unchanged)\n",
		m.unchanged.Seconds, 100*m.unchanged.Seconds/m.batch.Seconds, m.unchanged.Parsed, m.unchanged.Cached, m.unchanged.UnitsComputed, m.unchanged.UnitsCached)
	fmt.Fprintf(w, "re-runs after it, %d files (1 %%) changed each night: %s; median %.3fs = %.2f %% of the full run (%d parsed, %d from cache; units %d computed, %d unchanged)\n",
		m.changed, seconds(m.reruns, 3), m.rerun.Seconds, 100*m.rerun.Seconds/m.batch.Seconds, m.rerun.Parsed, m.rerun.Cached, m.rerun.UnitsComputed, m.rerun.UnitsCached)
	fmt.Fprintf(w, "  stages of the median re-run: %s; its county workbook left %.1f of its %.1f MB where the file it was written over held them\n",
		stages(m.rerun.Stages), float64(m.rerun.CountyLeft)/1e6, float64(m.rerun.CountyBytes)/1e6)
	for i, r := range m.reruns {
		rest := r.Seconds
		for _, d := range r.Stages {
			rest -= d
		}
		fmt.Fprintf(w, "  night %d: %.3fs, %d parsed, units %d computed; %s; the rest of Run %.3fs\n", i+1, r.Seconds, r.Parsed, r.UnitsComputed, stages(r.Stages), rest)
	}
	fmt.Fprintln(w, "\ntargets (issue 8), ratios measured in this run:")
	check := func(what string, got string, ok bool) {
		verdict := "met"
		if !ok {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "  %-52s %12s  %s\n", what, got, verdict)
	}
	r1 := m.excelize.Seconds / m.ingest1.Seconds
	check("ingest on 1 goroutine ≥ 5× excelize default", fmt.Sprintf("%.2f×", r1), r1 >= targetIngest1)
	rb := m.excelize.Seconds / m.batch.Seconds
	check("full batch ≥ 8× excelize default (1 goroutine)", fmt.Sprintf("%.2f×", rb), rb >= targetBatch)
	rr := m.rerun.Seconds / m.batch.Seconds
	check("re-run with 1 % changed ≤ 5 % of the full run", fmt.Sprintf("%.1f %%", 100*rr), rr <= targetRerun)
	if m.base == nil {
		check("peak memory of the batch < 1 GiB", fmt.Sprintf("%.0f MiB", float64(m.batch.PeakRSS)/(1<<20)), m.batch.PeakRSS < targetMemory)
		return
	}
	check("peak memory of the batch at SCALE=1 < 1 GiB", fmt.Sprintf("%.0f MiB", float64(m.base.PeakRSS)/(1<<20)), m.base.PeakRSS < targetMemory)
	mr := float64(m.batch.PeakRSS)/float64(m.base.PeakRSS) - 1
	check(fmt.Sprintf("peak memory at SCALE=%d within 20 %% of SCALE=1", m.scale), fmt.Sprintf("%+.0f %%", 100*mr), mr <= targetMemScale)
	tr := m.batch.Seconds / m.base.Seconds
	want := float64(m.scale)
	check(fmt.Sprintf("SCALE=%d takes %d ± %.1f× SCALE=1", m.scale, m.scale, targetTimeScale*want/10), fmt.Sprintf("%.2f×", tr),
		tr >= want-targetTimeScale*want/10 && tr <= want+targetTimeScale*want/10)
}

// stages prints stage times in a fixed order.
func stages(s map[string]float64) string {
	var names []string
	for k := range s {
		names = append(names, k)
	}
	order := map[string]int{"ingest": 0, "units": 1, "county": 2}
	sort.Slice(names, func(i, j int) bool {
		oi, ok1 := order[names[i]]
		oj, ok2 := order[names[j]]
		if ok1 != ok2 {
			return ok1
		}
		if oi != oj {
			return oi < oj
		}
		return names[i] < names[j]
	})
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("%s %.2fs", n, s[n]))
	}
	return strings.Join(parts, ", ")
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// seconds lists the runs' times, to prec decimals.
func seconds(runs []result, prec int) string {
	out := make([]string, len(runs))
	for i, r := range runs {
		out[i] = strconv.FormatFloat(r.Seconds, 'f', prec, 64) + "s"
	}
	return strings.Join(out, ", ")
}
