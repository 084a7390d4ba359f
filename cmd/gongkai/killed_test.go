package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// TestKilledRunLeavesLastGoodOutputs kills a real batch process at several
// moments of its run (timed from a complete run of the same county, so
// that most fall while the outputs are written) and checks that the outputs are always a complete
// set, yesterday's or today's, and that the next run succeeds.
func TestKilledRunLeavesLastGoodOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "gongkai")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if _, err := samplecounty.Generate(dir, domain.DefaultConfig(), samplecounty.Options{Seed: 5, Units: 15, Rows: 60}); err != nil {
		t.Fatal(err)
	}
	inbox, out := filepath.Join(dir, "inbox"), filepath.Join(dir, "out")
	run := func() *exec.Cmd {
		return exec.Command(bin, "run", "--inbox", inbox, "--out", out, "--settle", "0")
	}
	start := time.Now()
	if b, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	full := time.Since(start)
	// Kills spread over a run, most of them late, when the outputs are
	// being written (the last stage).
	for _, share := range []float64{0.3, 0.6, 0.8, 0.9, 0.97} {
		after := time.Duration(share * float64(full))
		os.RemoveAll(filepath.Join(out, ".cache")) // make the run long enough to be caught mid-way
		cmd := run()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Kill()
		cmd.Wait()
		checkCompleteOutputs(t, out)
	}
	var stdout, stderr bytes.Buffer
	if code := dispatch(context.Background(), []string{"run", "--inbox", inbox, "--out", out, "--settle", "0"}, &stdout, &stderr); code != 0 {
		t.Fatalf("the run after the killed ones: exit %d\n%s", code, stderr.String())
	}
	checkCompleteOutputs(t, out)
}

// checkCompleteOutputs checks that run.json is whole and every workbook it
// lists as written opens.
func checkCompleteOutputs(t *testing.T, out string) {
	t.Helper()
	year := filepath.Join(out, "2025")
	data, err := os.ReadFile(filepath.Join(year, "run.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rj struct {
		StartedAt time.Time `json:"started_at"`
		County    struct {
			Metrics domain.Metrics `json:"metrics"`
		} `json:"county"`
	}
	if err := json.Unmarshal(data, &rj); err != nil || len(rj.County.Metrics) == 0 {
		t.Fatalf("run.json is not whole: %v", err)
	}
	books, _ := filepath.Glob(filepath.Join(year, "*.xlsx"))
	if len(books) != 16 {
		t.Errorf("%d workbooks, want 16", len(books))
	}
	for _, b := range books {
		f, err := excelize.OpenFile(b)
		if err != nil {
			t.Errorf("%s does not open: %v", filepath.Base(b), err)
			continue
		}
		started, ok := runStart(f)
		if !ok && strings.Contains(b, "统计汇总") {
			t.Errorf("%s shows no run start time", filepath.Base(b))
		}
		if ok {
			// The county workbook and run.json come from the same run: the
			// outputs were replaced as a set, not file by file.
			if d := started.Sub(rj.StartedAt.Truncate(time.Second)); d < -time.Second || d > time.Second {
				t.Errorf("%s is from the run of %v, run.json from %v", filepath.Base(b), started, rj.StartedAt)
			}
		}
		f.Close()
	}
}

// runStart reads the start time on the county workbook's 运行信息 sheet.
func runStart(f *excelize.File) (time.Time, bool) {
	rows, err := f.GetRows("运行信息")
	if err != nil {
		return time.Time{}, false
	}
	for _, r := range rows {
		if len(r) > 1 && r[0] == "运行开始时间" {
			t, err := time.ParseInLocation("2006-01-02 15:04:05", r[1], time.Local)
			return t, err == nil
		}
	}
	return time.Time{}, false
}
