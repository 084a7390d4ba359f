package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// TestKilledRunLeavesLastGoodOutputs kills a real batch process at several
// moments of its run and checks that the outputs are always a complete
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
	if b, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	for _, after := range []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond} {
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
		County struct {
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
		f.Close()
	}
}
