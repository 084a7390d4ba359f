package output

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// inode is the inode number of the file at path.
func inode(t *testing.T, path string) uint64 {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

// TestReplacedOutputsWrittenOver: a Write writes the county's files over
// those the Write before last replaced — the same files, cut to the new
// length, with the bytes a new file gets — but never over a file someone
// holds open or that has another name.
func TestReplacedOutputsWrittenOver(t *testing.T) {
	r := checkedTestReport(t)
	dir := t.TempDir()
	outputs := func(w Written) []string {
		return []string{w.County, w.RunJSON, w.Parquet["disclosure"]}
	}
	// The first outputs are longer than the later ones: each is cut.
	r.Version = strings.Repeat("很长的版本号", 20000)
	first, err := Write(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	firstInodes := map[string]uint64{}
	for _, p := range outputs(first) {
		firstInodes[filepath.Base(p)] = inode(t, p)
	}
	r.Version = "test"
	second, err := Write(dir, r) // replaces the first
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	secondInodes := map[string]uint64{}
	for _, p := range outputs(second) {
		want[filepath.Base(p)] = readFile(t, p)
		secondInodes[filepath.Base(p)] = inode(t, p)
	}
	third, err := Write(dir, r) // over the first's files
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range outputs(third) {
		name := filepath.Base(p)
		if got := inode(t, p); got != firstInodes[name] {
			t.Errorf("%s: a new file (inode %d), not the first Write's (%d) written over", name, got, firstInodes[name])
		}
		if !sameOutput(t, readFile(t, p), want[name]) {
			t.Errorf("%s written over differs from the same output written anew", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(third.Dir, ".*"))
	data, _ := filepath.Glob(filepath.Join(third.Dir, dataDir, ".*"))
	if left := append(leftovers, data...); len(left) > 0 {
		t.Errorf("hidden files left among the outputs: %v", left)
	}

	// The second Write's files are next: one held open, one with a second name.
	var replaced string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), replacedMark) {
			replaced = filepath.Join(dir, e.Name())
		}
	}
	if replaced == "" {
		t.Fatalf("no replaced outputs in %v", entries)
	}
	held, err := os.Open(filepath.Join(replaced, runJSONName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	heldInode := inode(t, held.Name())
	linked := filepath.Join(t.TempDir(), "county.xlsx")
	if err := os.Link(filepath.Join(replaced, filepath.Base(second.County)), linked); err != nil {
		t.Fatal(err)
	}
	linkedInode := inode(t, linked)
	r.Version = "test-4" // different bytes, were they written over the held ones
	fourth, err := Write(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if inode(t, fourth.RunJSON) == heldInode {
		t.Errorf("run.json written over a file held open")
	}
	if inode(t, fourth.County) == linkedInode {
		t.Errorf("the county workbook written over a file with another name")
	}
	if !bytes.Equal(readFile(t, linked), want[filepath.Base(second.County)]) {
		t.Errorf("the county workbook's other name changed")
	}
	var heldBytes bytes.Buffer
	if _, err := heldBytes.ReadFrom(held); err != nil || !bytes.Equal(heldBytes.Bytes(), want[runJSONName]) {
		t.Errorf("the run.json held open changed: %v", err)
	}
	if got := inode(t, fourth.Parquet["disclosure"]); got != secondInodes["disclosure.parquet"] {
		t.Errorf("disclosure.parquet: a new file (inode %d), not the second Write's (%d) written over", got, secondInodes["disclosure.parquet"])
	}
}

// sameOutput reports whether two writes of an output are the same: the
// same bytes, or for a workbook the same parts, whole up to its end record
// ([Content_Types].xml aside: excelize lists its defaults in map order).
func sameOutput(t *testing.T, got, want []byte) bool {
	t.Helper()
	if !bytes.HasPrefix(want, []byte("PK")) {
		return bytes.Equal(got, want)
	}
	if len(got) < 22 || !bytes.HasPrefix(got[len(got)-22:], []byte("PK\x05\x06")) {
		return false // not cut where the package ends
	}
	parts := func(b []byte) map[string][]byte {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, zf := range zr.File {
			if out[zf.Name], err = readPart(zf); err != nil {
				t.Fatal(err)
			}
		}
		delete(out, "[Content_Types].xml")
		return out
	}
	g, w := parts(got), parts(want)
	if len(g) != len(w) {
		return false
	}
	for name, b := range w {
		if !bytes.Equal(g[name], b) {
			return false
		}
	}
	return true
}
