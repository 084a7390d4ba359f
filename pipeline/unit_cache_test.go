package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/output/samplecounty"
)

// TestUnitCacheNoticesEachInput changes, one at a time, each thing a
// unit's results are made from, and checks that a re-run computes again
// exactly the units it concerns and gives what a run from scratch gives.
func TestUnitCacheNoticesEachInput(t *testing.T) {
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	// Violations: findings with expected figures, some of them 0.
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 5, Units: 6, Rows: 12, Violations: true}); err != nil {
		t.Fatal(err)
	}
	inbox, out := filepath.Join(dir, "inbox"), filepath.Join(dir, "out")
	first := mustRun(t, Options{Inbox: inbox, Out: out, Config: cfg})
	all := len(first.Report.Units)
	zero := false
	for _, f := range first.Report.Findings {
		zero = zero || (f.Expected != nil && *f.Expected == 0) || (f.Actual != nil && *f.Actual == 0)
	}
	if !zero {
		t.Fatalf("the county has no finding with a figure 0 to carry through the cache")
	}
	var copied string // a file of one unit, copied beside itself
	for _, in := range first.Report.Inputs {
		if in.Unit != "" {
			copied = in.Path
			break
		}
	}
	template := filepath.Join(dir, "draft.tmpl")
	if err := os.WriteFile(template, append(output.DefaultDraftTemplate(), "{{/* 本县修改 */}}"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		change func(t *testing.T, out string, opt *Options)
		want   int // units computed
	}{
		{"nothing", func(*testing.T, string, *Options) {}, 0},
		{"a copy of one unit's file", func(t *testing.T, _ string, _ *Options) {
			b := readBytes(t, filepath.Join(inbox, copied))
			if err := os.WriteFile(filepath.Join(inbox, copied[:len(copied)-len(".xlsx")]+" - 副本.xlsx"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}, 1},
		{"the report-draft template", func(_ *testing.T, _ string, opt *Options) {
			c := *opt.Config
			c.DraftTemplate = template
			opt.Config = &c
		}, all},
		{"the configuration", func(_ *testing.T, _ string, opt *Options) {
			c := *opt.Config
			c.Rules.ReportSource = "summary"
			opt.Config = &c
		}, all},
		{"last year's figures", func(t *testing.T, out string, _ *Options) {
			y, err := output.ReadHistory(out, 2025)
			if err != nil {
				t.Fatal(err)
			}
			y.Year = 2024
			if _, err := output.WriteHistory(out, y); err != nil {
				t.Fatal(err)
			}
		}, all},
	} {
		t.Run(c.name, func(t *testing.T) {
			opt := Options{Inbox: inbox, Out: out, Config: cfg}
			c.change(t, out, &opt)
			cfg = opt.Config // the changes add up, case after case
			res := mustRun(t, opt)
			if res.UnitsComputed != c.want || res.UnitsCached != all-c.want {
				t.Errorf("%d units computed, %d cached; want %d and %d", res.UnitsComputed, res.UnitsCached, c.want, all-c.want)
			}
			fresh := filepath.Join(t.TempDir(), "out")
			if last, err := output.ReadHistory(out, 2024); err == nil && last != nil {
				if _, err := output.WriteHistory(fresh, last); err != nil {
					t.Fatal(err)
				}
			}
			opt.Out = fresh
			mustRun(t, opt)
			got, want := runParts(t, res.Written.RunJSON), runParts(t, filepath.Join(fresh, "2025", "run.json"))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the re-run's run.json differs from a run from scratch")
			}
			// The year's history, kept units' members as they were kept.
			if got, want := readBytes(t, output.HistoryPath(out, 2025)), readBytes(t, output.HistoryPath(fresh, 2025)); !bytes.Equal(got, want) {
				t.Errorf("the re-run's history differs from a run from scratch")
			}
			// The units compared, kept units' rows as they were encoded.
			const comparison = "各单位对比"
			freshCounty := filepath.Join(fresh, "2025", filepath.Base(res.Written.County))
			if got, want := sheetsText(t, res.Written.County, comparison), sheetsText(t, freshCounty, comparison); got != want || want == "" {
				t.Errorf("the re-run's %s differs from a run from scratch:\n%s\nwant\n%s", comparison, got, want)
			}
			if rows, err := openBook(t, freshCounty).GetRows(comparison); err != nil || len(rows) < 3 { // header, units, county
				t.Errorf("%s from scratch: %d rows (%v), want its units' and the county's", comparison, len(rows), err)
			}
		})
	}
}

// runParts reads what a run.json says of the units, the county and the
// findings.
func runParts(t *testing.T, path string) map[string]json.RawMessage {
	t.Helper()
	var all map[string]json.RawMessage
	readJSON(t, path, &all)
	return map[string]json.RawMessage{"units": all["units"], "county": all["county"], "findings": all["findings"], "inputs": all["inputs"]}
}

// TestUnitCacheSyncedOnceOutputsInPlace: a unit is given as synced only
// after a run whose outputs were put in place noted it (markSynced), not
// when it was only stored by a run that may have failed before.
func TestUnitCacheSyncedOnceOutputsInPlace(t *testing.T) {
	pc := &parseCache{root: t.TempDir(), salt: "test"}
	open := func() *unitCache {
		c, err := newUnitCache(pc, 2025)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := open()
	work, err := c.workDir("k1")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "白沙镇.xlsx"), []byte("工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.store("k1", work, unitResult{parts: output.UnitParts{Unit: "白沙镇", Dir: work, Workbook: "白沙镇.xlsx"}})

	c = open() // the next run: the one that stored it failed before its outputs
	res, ok := c.load("k1")
	if !ok {
		t.Fatal("the stored unit was not kept")
	}
	if res.parts.WorkbookSynced {
		t.Error("a unit no run published is given as synced")
	}
	if err := c.markSynced(); err != nil {
		t.Fatal(err)
	}
	c = open()
	if res, ok := c.load("k1"); !ok || !res.parts.WorkbookSynced {
		t.Errorf("after a run published it: kept %v, synced %v", ok, res.parts.WorkbookSynced)
	}
	// A run stores the unit again (its entry failed its checks) and fails
	// before its outputs are in place: the new files are not on disk.
	c = open()
	work, err = c.workDir("k1")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "白沙镇.xlsx"), []byte("另一个工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.store("k1", work, unitResult{parts: output.UnitParts{Unit: "白沙镇", Dir: work, Workbook: "白沙镇.xlsx"}})
	if res, ok := open().load("k1"); !ok || res.parts.WorkbookSynced {
		t.Errorf("a unit stored again by a run that failed: kept %v, synced %v", ok, res.parts.WorkbookSynced)
	}
	if err := open().markSynced(); err != nil { // a run that used nothing
		t.Fatal(err)
	}
	if res, _ := open().load("k1"); res.parts.WorkbookSynced {
		t.Error("a unit the last run did not use is still given as synced")
	}
}

// TestRunNotesSyncedUnits: a run whose outputs are in place notes every
// unit as synced, and the next run publishes them from that.
func TestRunNotesSyncedUnits(t *testing.T) {
	_, inbox := smallCounty(t)
	out := filepath.Join(t.TempDir(), "out")
	first := mustRun(t, Options{Inbox: inbox, Out: out})
	list, ok := readChecked(filepath.Join(out, cacheDir, unitCacheDir, "2025.synced"))
	if !ok || len(strings.Fields(string(list))) != len(first.Report.Units) {
		t.Fatalf("after a run, the synced list names %q (read %v), want the %d units", list, ok, len(first.Report.Units))
	}
}
