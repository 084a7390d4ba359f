package pipeline

import (
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// inboxDigest hashes every file of a folder with its path and mode time.
func inboxDigest(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, _ := d.Info()
		out[p+"|"+info.ModTime().String()] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSampleCounty runs the batch on the committed sample county (what
// `make run` does) and compares run.json with its truth.json; the inbox
// must be exactly as it was.
func TestSampleCounty(t *testing.T) {
	inbox := filepath.Join("..", "testdata", "sample", "inbox")
	before := inboxDigest(t, inbox)
	out := t.TempDir()
	if _, err := Run(context.Background(), Options{Inbox: inbox, Out: out}); err != nil {
		t.Fatal(err)
	}
	var truth samplecounty.Truth
	readJSON(t, filepath.Join("..", "testdata", "sample", "truth.json"), &truth)
	var got runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &got)
	compareMetrics(t, "county", truth.County.Metrics, got.County.Metrics)
	for name, u := range truth.Units {
		compareMetrics(t, name, u.Metrics, got.Units[name].Metrics)
	}
	after := inboxDigest(t, inbox)
	if len(after) != len(before) {
		t.Fatalf("the inbox had %d files, now %d", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("the batch changed %s", k)
		}
	}
	if got.County.Metrics[domain.MetricActiveItems] == 0 {
		t.Error("the sample county disclosed nothing")
	}
}
