package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output/samplecounty"
)

// smallCounty writes a three-unit county and returns its inbox.
func smallCounty(t *testing.T) (dir, inbox string) {
	return generatedCounty(t, samplecounty.Options{Seed: 11, Units: 3, Rows: 8})
}

// generatedCounty writes a county of the default configuration and
// returns its folder and inbox.
func generatedCounty(t testing.TB, opt samplecounty.Options) (dir, inbox string) {
	t.Helper()
	dir = t.TempDir()
	if _, err := samplecounty.Generate(dir, domain.DefaultConfig(), opt); err != nil {
		t.Fatal(err)
	}
	return dir, filepath.Join(dir, "inbox")
}

func mustRun(t testing.TB, opt Options) *Result {
	t.Helper()
	res, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRerunReadsOnlyWhatChanged(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	first := mustRun(t, Options{Inbox: inbox, Out: out})
	if first.FilesParsed == 0 || first.FilesCached != 0 {
		t.Fatalf("first run parsed %d, cached %d", first.FilesParsed, first.FilesCached)
	}
	var full runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &full)

	again := mustRun(t, Options{Inbox: inbox, Out: out})
	if again.FilesParsed != 0 || again.FilesCached != first.FilesParsed {
		t.Errorf("re-run with nothing changed parsed %d files, cached %d", again.FilesParsed, again.FilesCached)
	}
	if units := len(first.Report.Units); first.UnitsComputed != units || again.UnitsComputed != 0 || again.UnitsCached != units {
		t.Errorf("units computed/cached: first run %d/%d, re-run %d/%d, want %d/0 and 0/%d",
			first.UnitsComputed, first.UnitsCached, again.UnitsComputed, again.UnitsCached, units, units)
	}
	var rerun runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &rerun)
	compareMetrics(t, "re-run county", full.County.Metrics, rerun.County.Metrics)
	if len(rerun.Findings) != len(full.Findings) || len(rerun.Inputs) != len(full.Inputs) {
		t.Errorf("re-run differs: %d/%d findings, %d/%d inputs", len(rerun.Findings), len(full.Findings), len(rerun.Inputs), len(full.Inputs))
	}

	// Change one file: one more disclosure in 白沙镇… whichever unit comes first.
	changed := filepath.Join(inbox, filepath.FromSlash(full.Inputs[0].Path))
	f, err := excelize.OpenFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	sheet := samplecounty.SheetDisclosure
	rows, _ := f.GetRows(sheet)
	n := len(rows) + 1
	for c, v := range []any{n, "新增一条测试信息", time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), "工作动态", "政府网站"} {
		cell, _ := excelize.CoordinatesToCellName(c+1, n)
		f.SetCellValue(sheet, cell, v)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	third := mustRun(t, Options{Inbox: inbox, Out: out})
	if third.FilesParsed != 1 || third.UnitsComputed != 1 {
		t.Errorf("after one file changed, %d files were parsed and %d units computed, want 1 and 1", third.FilesParsed, third.UnitsComputed)
	}
	// The cache keeps what this run used and no more: one entry per file and per unit.
	entries := func(dir string) (n int) {
		list, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			if e.Name() != unitCacheDir {
				n++
			}
		}
		return n
	}
	packs, err := openPackStore[*ingest.Submission](filepath.Join(out, cacheDir, parseCacheDir))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(packs.index), third.FilesParsed+third.FilesCached; got != want {
		t.Errorf("parse cache holds %d entries, want %d", got, want)
	}
	if got := entries(filepath.Join(out, cacheDir, parseCacheDir)); got < 2 || got > 1+maxPacks {
		t.Errorf("parse cache holds %d files, want its index and 1 to %d packs", got, maxPacks)
	}
	if got, want := entries(filepath.Join(out, cacheDir, unitCacheDir, "2025")), len(third.Report.Units); got != want {
		t.Errorf("unit cache holds %d entries, want %d", got, want)
	}
	var after runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &after)
	if got, want := after.County.Metrics[domain.MetricActiveItems], full.County.Metrics[domain.MetricActiveItems]+1; got != want {
		t.Errorf("items after the change = %v, want %v", got, want)
	}
	// A full run over a fresh output folder gives the same figures.
	fresh := filepath.Join(dir, "fresh")
	mustRun(t, Options{Inbox: inbox, Out: fresh})
	var full2 runJSON
	readJSON(t, filepath.Join(fresh, "2025", "run.json"), &full2)
	compareMetrics(t, "incremental vs full", full2.County.Metrics, after.County.Metrics)
	for name, u := range full2.Units {
		compareMetrics(t, "incremental vs full, "+name, u.Metrics, after.Units[name].Metrics)
	}
	if !reflect.DeepEqual(full2.Findings, after.Findings) {
		t.Errorf("incremental run's findings differ from a full run's")
	}
	for name, path := range third.Written.Units {
		if got, want := workbookText(t, path), workbookText(t, filepath.Join(fresh, "2025", filepath.Base(path))); got != want {
			t.Errorf("%s: incremental run's workbook differs from a full run's", name)
		}
	}
}

// workbookText is every cell of every sheet of a workbook, as text.
func workbookText(t *testing.T, path string) string { return sheetsText(t, path, "") }

// sheetsText is every cell of the sheets of a workbook whose names begin
// with prefix, and their columns' widths, as text.
func sheetsText(t *testing.T, path, prefix string) string {
	t.Helper()
	return sheetsTextOf(t, path, func(sheet string) bool { return strings.HasPrefix(sheet, prefix) })
}

// sheetsTextOf is sheetsText of the sheets keep keeps, their names first.
func sheetsTextOf(t *testing.T, path string, keep func(sheet string) bool) string {
	t.Helper()
	f := openBook(t, path)
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		if !keep(sheet) {
			continue
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\n%q\n", sheet, rows)
		if len(rows) > 0 { // the columns' widths, which a run takes from the rows
			for c := range rows[0] {
				name, _ := excelize.ColumnNumberToName(c + 1)
				w, err := f.GetColWidth(sheet, name)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&b, "%s:%g ", name, w)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// openBook opens a written workbook, closed when the test ends.
func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPublishedWorkbookEditedInPlace: a unit workbook saved over in the
// output folder is not given again by the next run, which writes it anew.
func TestPublishedWorkbookEditedInPlace(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	first := mustRun(t, Options{Inbox: inbox, Out: out})
	var name, path string
	for name, path = range first.Written.Units {
		break
	}
	want := workbookText(t, path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("edited")
	f.Close()
	again := mustRun(t, Options{Inbox: inbox, Out: out})
	if again.UnitsComputed != 1 {
		t.Errorf("after %s's workbook was edited, %d units computed, want 1", name, again.UnitsComputed)
	}
	if got := readBytes(t, again.Written.Units[name]); bytes.HasSuffix(got, []byte("edited")) || workbookText(t, again.Written.Units[name]) != want {
		t.Errorf("%s's workbook was not written anew", name)
	}
}

func TestFileStillBeingWritten(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	old := time.Now().Add(-time.Hour)
	filepath.Walk(inbox, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	// A file appears while the batch runs: modified just now.
	fresh := filepath.Join(inbox, "廉州镇", "党政办", "刚放入的文件.xlsx")
	data := readBytes(t, filepath.Join(inbox, "廉州镇", "党政办", "廉州镇-党政办-2025年政府信息公开台账.xlsx"))
	if err := os.WriteFile(fresh, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := mustRun(t, Options{Inbox: inbox, Out: out, Settle: time.Minute})
	var got runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &got)
	status := map[string]string{}
	for _, in := range got.Inputs {
		status[in.Path] = in.Status
	}
	if s := status["廉州镇/党政办/刚放入的文件.xlsx"]; s != "writing" {
		t.Errorf("a file modified moments ago has status %q, want writing", s)
	}
	if res.FilesParsed != len(got.Inputs)-1 {
		t.Errorf("parsed %d of %d files", res.FilesParsed, len(got.Inputs))
	}
	// The next night it is read: a copy of another file, one of the two
	// counts and the other is listed as its duplicate.
	os.Chtimes(fresh, old, old)
	mustRun(t, Options{Inbox: inbox, Out: out, Settle: time.Minute})
	readJSON(t, filepath.Join(out, "2025", "run.json"), &got)
	dups := 0
	for _, in := range got.Inputs {
		if in.Status == "duplicate" {
			dups++
			if in.Records.Counted != 0 || !in.Records.Balanced() {
				t.Errorf("a duplicate file's records: %+v", in.Records)
			}
		}
	}
	if dups != 1 {
		t.Errorf("%d duplicate files, want 1", dups)
	}
}

func TestTwoBatchesAtOnce(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	held, err := lockOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), Options{Inbox: inbox, Out: out})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second batch: %v, want ErrLocked", err)
	} else if pid := fmt.Sprintf("(pid %d)", os.Getpid()); !strings.Contains(err.Error(), pid) {
		t.Errorf("second batch: %v, want the holder named %s", err, pid)
	}
	held.release()
	mustRun(t, Options{Inbox: inbox, Out: out})
}

func TestKilledRunThenGoodRun(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	mustRun(t, Options{Inbox: inbox, Out: out})
	// What a run killed mid-write leaves: a lock file naming a dead
	// process, half-written temporary files, a half-written cache entry.
	os.WriteFile(filepath.Join(out, lockName), []byte("999999\n"), 0o644)
	os.WriteFile(filepath.Join(out, "2025", ".run.json.tmp-123"), []byte("{"), 0o644)
	var before runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &before)
	parse := filepath.Join(out, cacheDir, parseCacheDir)
	left := []string{
		filepath.Join(out, cacheDir, ".abc.tmp-1"),                        // the one-file-per-entry cache of earlier versions
		filepath.Join(parse, "run-killed"+packSuffix),                     // a pack no index names
		filepath.Join(parse, "."+packIndexName+".tmp-1"),                  // an index half-written
		filepath.Join(parse, "."+stampsFile+".tmp-1"),                     // hashes half-written
		filepath.Join(out, "history", "2025", ".metrics.json.tmp-1"),      // the year's figures staged
		filepath.Join(out, cacheDir, unitCacheDir, "2025", ".work-x-1/a"), // a unit half-written
		filepath.Join(out, cacheDir, unitCacheDir, ".2025.synced.tmp-1"),  // a list beside the units half-written
		filepath.Join(out, ".2025.staging.replaced-x", "run.json"),        // outputs a run replaced
	}
	if runtime.GOOS == "linux" && bootID() != "" { // the lists kept only there
		left = append(left, filepath.Join(out, cacheDir, unitCacheDir, ".2025.pieces.tmp-1"),
			filepath.Join(out, cacheDir, unitCacheDir, ".2025.layouts.tmp-1"))
	}
	for _, f := range left {
		os.MkdirAll(filepath.Dir(f), 0o755)
		os.WriteFile(f, []byte("x"), 0o644)
	}
	mustRun(t, Options{Inbox: inbox, Out: out})
	var got runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &got)
	if got.Year != 2025 || len(got.Units) == 0 {
		t.Errorf("the good run after a killed one wrote %+v", got.Year)
	}
	compareMetrics(t, "county after a killed run", before.County.Metrics, got.County.Metrics)
	for _, f := range left {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s was left behind", f)
		}
	}
}

func TestWorkbookHeldOpenDuringRun(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	res := mustRun(t, Options{Inbox: inbox, Out: out})
	f, err := os.Open(res.Written.County) // an analyst has yesterday's workbook open
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before, _ := io.ReadAll(f)
	mustRun(t, Options{Inbox: inbox, Out: out})
	if _, err := excelize.OpenFile(res.Written.County); err != nil {
		t.Errorf("today's workbook does not open: %v", err)
	}
	f.Seek(0, io.SeekStart)
	held, _ := io.ReadAll(f)
	if len(held) != len(before) {
		t.Error("the open handle no longer reads the workbook it opened")
	}
}

// TestCachedUnitCutShort: a unit whose kept parts file was cut short or
// zeroed (a crash of the machine after it was kept, so a new boot) is
// computed again, and the run succeeds; the others, checked, are not
// read again in that boot — a file zeroed within the boot its units were
// checked in is not read, so not noticed.
func TestCachedUnitCutShort(t *testing.T) {
	defer func(was func() string) { bootID = was }(bootID)
	zero := func(from, to func(size int64) int64) func(p string, size int64) error {
		return func(p string, size int64) error { // as a crash of the machine may leave it: same size
			f, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.WriteAt(make([]byte, to(size)-from(size)), from(size))
			return err
		}
	}
	for _, damage := range []struct {
		what     string
		restart  bool
		computed int
		do       func(path string, size int64) error
	}{
		{"cut short", false, 1, func(p string, size int64) error { return os.Truncate(p, size/2) }},
		{"zeroed", true, 1, zero(func(n int64) int64 { return n / 4 }, func(n int64) int64 { return n * 3 / 4 })},
		// its first detail rows, which the county's files copy unread
		{"zeroed, same boot", false, 0, zero(func(int64) int64 { return 8 }, func(int64) int64 { return 24 })},
	} {
		t.Run(damage.what, func(t *testing.T) {
			bootID = func() string { return "boot-1" }
			dir, inbox := smallCounty(t)
			out := filepath.Join(dir, "out")
			mustRun(t, Options{Inbox: inbox, Out: out})
			parts, err := filepath.Glob(filepath.Join(out, ".cache", "units", "2025", "*", "parts"))
			if err != nil || len(parts) == 0 {
				t.Fatalf("no kept parts files: %v", err)
			}
			damaged := false
			for _, p := range parts { // the first of a unit that has records
				if st, err := os.Stat(p); err == nil && st.Size() > 1 {
					if err := damage.do(p, st.Size()); err != nil {
						t.Fatal(err)
					}
					damaged = true
					break
				}
			}
			if !damaged {
				t.Fatal("no unit has parts")
			}
			if damage.restart {
				bootID = func() string { return "boot-2" }
			}
			again := mustRun(t, Options{Inbox: inbox, Out: out})
			if again.UnitsComputed != damage.computed {
				t.Errorf("%d units computed after one unit's parts were %s, want %d", again.UnitsComputed, damage.what, damage.computed)
			}
			kept, err := filepath.Glob(filepath.Join(out, ".cache", "units", "2025", "*", unitResultFile))
			if err != nil || len(kept) < 2 {
				t.Fatalf("kept units: %v, %v", kept, err)
			}
			for _, p := range kept {
				data, ok := readChecked(p)
				var cu cachedUnit
				if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&cu); !ok || err != nil {
					t.Fatalf("%s: %v, checked %v", p, err, ok)
				}
				if want := bootID(); cu.BootID != want {
					t.Errorf("%s: checked in boot %q, want %q (its files would be read every run)", p, cu.BootID, want)
				}
			}
		})
	}
}
