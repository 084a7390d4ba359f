package output

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// writeTest writes r into a fresh folder and fails the test on error.
func writeTest(t *testing.T, r *Report) Written {
	t.Helper()
	w, err := Write(t.TempDir(), r)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestWriteFileNames(t *testing.T) {
	r := checkedTestReport(t)
	w := writeTest(t, r)

	if got, want := filepath.Base(w.Dir), "2025"; got != want {
		t.Errorf("year folder = %s, want %s", got, want)
	}
	want := []string{
		"合浦县_2025年政府信息公开统计汇总.xlsx",
		"白沙镇_2025年政府信息公开工作年度报告.xlsx",
		"闸口镇_2025年政府信息公开工作年度报告.xlsx",
		"_曲樟乡_2025年政府信息公开工作年度报告.xlsx", // "../曲樟乡" made safe
		"data/disclosure.parquet",
		"data/application.parquet",
		"data/appeal.parquet",
		"data/service_item.parquet",
		"run.json",
	}
	var got []string
	for _, p := range w.Paths {
		rel, err := filepath.Rel(w.Dir, p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.ToSlash(rel))
	}
	if !slices.Equal(got, want) {
		t.Errorf("written:\n got %q\nwant %q", got, want)
	}
	if w.County != w.Paths[0] || w.Units["白沙镇"] != w.Paths[1] || w.Parquet[domain.KindAppeal] != w.Paths[6] || w.RunJSON != w.Paths[8] {
		t.Errorf("named paths do not match Paths: %+v", w)
	}

	// Exactly these files are in the folder: no temporary file is left.
	var onDisk []string
	err := filepath.WalkDir(w.Dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(w.Dir, p)
		onDisk = append(onDisk, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(onDisk)
	slices.Sort(want)
	if !slices.Equal(onDisk, want) {
		t.Errorf("files on disk:\n got %q\nwant %q", onDisk, want)
	}
	for _, p := range w.Paths {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != fileMode {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), os.FileMode(fileMode))
		}
	}
}

func TestWriteBadTemplateWritesNothing(t *testing.T) {
	r := &Report{Year: testYear, Config: domain.DefaultConfig(), DraftTemplate: []byte("{{.NoSuchFigure}}")}
	dir := t.TempDir()
	if _, err := Write(dir, r); err == nil {
		t.Fatal("Write with a template naming an unknown figure: no error")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Write failed but left %d entries", len(entries))
	}
}

func TestWriteIntoAFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(dir, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Report{Year: testYear, Config: domain.DefaultConfig()}
	if _, err := Write(dir, r); err == nil {
		t.Fatal("Write into a file: no error")
	}
	if got := string(readFile(t, dir)); got != "not a folder" {
		t.Errorf("the file in the way was changed to %q", got)
	}
}

func TestWriteWithoutRecordsOrUnits(t *testing.T) {
	r := &Report{Year: testYear, Config: domain.DefaultConfig()}
	w := writeTest(t, r)
	if len(w.Paths) != 1+len(domain.LedgerKinds)+1 {
		t.Errorf("wrote %d files, want the county workbook, %d Parquet files and run.json: %q", len(w.Paths), len(domain.LedgerKinds), w.Paths)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWriteFailureReplacesNothing: when the report cannot be written —
// records of the wrong schema (refused before anything is written), a
// figure run.json cannot hold (found while writing) — every file of the
// previous run stays as it was, and no staging is left behind.
func TestWriteFailureReplacesNothing(t *testing.T) {
	for name, spoil := range map[string]func(r *Report) (undo func()){
		"records of the wrong schema": func(r *Report) func() {
			r.Records[domain.KindAppeal] = r.Records[domain.KindDisclosure] // disclosures filed as appeals
			return func() { delete(r.Records, domain.KindAppeal) }
		},
		"a figure run.json cannot hold": func(r *Report) func() {
			r.County[domain.MetricActiveItems] = math.NaN()
			return func() {}
		},
	} {
		t.Run(name, func(t *testing.T) {
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			r := testReport(t, mem)
			defer releaseRecords(r)
			first := writeTest(t, r)
			dir := filepath.Dir(first.Dir)
			before := map[string][]byte{}
			for _, p := range first.Paths {
				before[p] = readFile(t, p)
			}
			defer spoil(r)()
			r.Version = "test-2"
			if _, err := Write(dir, r); err == nil {
				t.Fatal("Write succeeded")
			}
			for p, b := range before {
				if !bytes.Equal(readFile(t, p), b) {
					t.Errorf("%s was replaced by a Write that failed", filepath.Base(p))
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != filepath.Base(first.Dir) {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

// TestWriteConfiguredNames: the configuration names the workbooks.
func TestWriteConfiguredNames(t *testing.T) {
	r := checkedTestReport(t)
	cfg := *r.Config
	cfg.Output.CountyWorkbook = "{year}-{county}-汇总.xlsx"
	cfg.Output.UnitWorkbook = "{year}-{unit}.xlsx"
	r.Config = &cfg
	w := writeTest(t, r)
	if got := filepath.Base(w.County); got != "2025-合浦县-汇总.xlsx" {
		t.Errorf("county workbook %q", got)
	}
	if got := filepath.Base(w.Units["白沙镇"]); got != "2025-白沙镇.xlsx" {
		t.Errorf("unit workbook %q", got)
	}
}

// TestWriteKeepsOtherFiles: the outputs are replaced as one set, and a
// file of the year's folder that Write did not make stays where it was.
func TestWriteKeepsOtherFiles(t *testing.T) {
	r := checkedTestReport(t)
	first := writeTest(t, r)
	dir := filepath.Dir(first.Dir)
	notes := []string{filepath.Join(first.Dir, "分析师笔记.txt"), filepath.Join(first.Dir, dataDir, "extra.csv")}
	for _, p := range notes {
		if err := os.WriteFile(p, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r.Version = "test-2"
	second, err := Write(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range notes {
		if b, err := os.ReadFile(p); err != nil || string(b) != "mine" {
			t.Errorf("%s after the second Write: %q, %v", p, b, err)
		}
	}
	if !bytes.Contains(readFile(t, second.RunJSON), []byte("test-2")) {
		t.Errorf("run.json is not the second Write's")
	}
	// The outputs replaced are set aside, hidden, for the next run to remove.
	var aside []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != filepath.Base(second.Dir) {
			aside = append(aside, e.Name())
		}
	}
	if len(aside) != 1 || !strings.HasPrefix(aside[0], ".") || !strings.Contains(aside[0], replacedMark) {
		t.Fatalf("left in the output folder besides the year's: %v", aside)
	}
	if _, err := os.Stat(filepath.Join(dir, aside[0], "run.json")); err != nil {
		t.Errorf("the outputs replaced are not those set aside: %v", err)
	}
	// The next Write removes them, and sets aside those it replaces.
	if _, err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, aside[0])); !os.IsNotExist(err) {
		t.Errorf("the outputs the second Write replaced are still there after the third: %v", err)
	}
	// The outputs the last Write replaced are kept, for the next to write
	// over, until the run after it.
	RemoveReplaced(dir)()
	if entries, _ := os.ReadDir(dir); len(entries) != 2 || entries[0].Name() != "."+filepath.Base(second.Dir)+".reuse" {
		t.Errorf("in the output folder after removing the replaced: %v", entries)
	}
	RemoveReplaced(dir)()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the output folder after removing the replaced: %v", entries)
	}
	// A hidden folder of the output folder that the batch did not name stays.
	mine := filepath.Join(dir, ".mine.replaced-1")
	if err := os.Mkdir(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	RemoveReplaced(dir)()
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a folder the batch did not set aside was removed: %v", err)
	}
}

// TestFinishSyncsWorkbooksNotOnDisk: Finish publishes a unit workbook the
// cache says is on disk without syncing it, and syncs the others.
func TestFinishSyncsWorkbooksNotOnDisk(t *testing.T) {
	r := checkedTestReport(t)
	w, parts := writtenUnits(t, r)
	if len(parts) < 2 || parts[0].Workbook == "" || parts[1].Workbook == "" {
		t.Fatalf("the report has no two unit workbooks: %+v", parts)
	}
	parts[0].WorkbookSynced = true
	var mu sync.Mutex
	var synced []string
	was := syncFile
	defer func() { syncFile = was }()
	syncFile = func(path string) error {
		mu.Lock()
		synced = append(synced, filepath.Base(path))
		mu.Unlock()
		return was(path)
	}
	var asked atomic.Int32
	if _, err := w.Finish(func() (*Report, error) { asked.Add(1); return r, nil }, parts, nil, nil); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(synced, parts[0].Workbook) || !slices.Contains(synced, parts[1].Workbook) {
		t.Errorf("synced %v: want %s and not %s", synced, parts[1].Workbook, parts[0].Workbook)
	}
	if n := asked.Load(); n != 1 {
		t.Errorf("the report asked for %d times, want once", n)
	}
}

// writtenUnits is a writer of r with r's units written (Writer.units),
// closed when the test ends.
func writtenUnits(t *testing.T, r *Report) (*Writer, []UnitParts) {
	t.Helper()
	w, err := NewWriter(t.TempDir(), r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Close)
	byUnit := recordsByUnit(r.Records)
	t.Cleanup(func() { releaseByUnit(byUnit) })
	parts, err := w.units(r, byUnit)
	if err != nil {
		t.Fatal(err)
	}
	return w, parts
}
