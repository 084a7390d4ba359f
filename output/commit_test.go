package output

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestCommitExchangesTheFolders: the staged folder takes the year's folder's
// place in one step (on Linux), the replaced set is left in the staging
// folder, and a file the run did not write is kept in the new folder.
func TestCommitExchangesTheFolders(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the folders are exchanged in one step on Linux only")
	}
	root := t.TempDir()
	stage, dir := filepath.Join(root, ".2025.staging"), filepath.Join(root, "2025")
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			return "missing"
		}
		return string(b)
	}
	write(filepath.Join(dir, runJSONName), "old")
	write(filepath.Join(dir, dataDir, "extra.csv"), "mine")
	write(filepath.Join(stage, runJSONName), "new")
	write(filepath.Join(stage, dataDir, "disclosure.parquet"), "new")
	if err := commitStaged(stage, dir, []string{runJSONName, filepath.Join(dataDir, "disclosure.parquet")}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, runJSONName):                   "new",
		filepath.Join(dir, dataDir, "disclosure.parquet"): "new",
		filepath.Join(dir, dataDir, "extra.csv"):          "mine",
		filepath.Join(stage, runJSONName):                 "old", // exchanged, not renamed file by file
	} {
		if got := read(path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}
