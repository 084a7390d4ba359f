package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// putEntry stores desc and recs under key.
func putEntry(t *testing.T, s *packStore, key, desc, recs string) {
	t.Helper()
	err := s.put(key, func(buf []byte) ([]byte, int, error) {
		buf = append(buf, desc...)
		return append(buf, recs...), len(desc), nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func packFiles(t *testing.T, dir string) (names []string) {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Name() != packIndexName {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestPackStoreRuns: nightly runs, each changing a few entries, read back
// every entry they keep, drop the others, and leave no more than maxPacks
// packs besides the newest however many runs there were.
func TestPackStoreRuns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parse")
	want := map[string]string{} // key → desc|recs
	for run := 0; run < 20; run++ {
		s, err := openPackStore(dir)
		if err != nil {
			t.Fatal(err)
		}
		keep := map[string]bool{}
		for i := 0; i < 30; i++ {
			key := fmt.Sprint("file", i)
			if run == 0 || i%10 == run%10 { // a tenth of the files change each night
				v := fmt.Sprintf("run %d file %d", run, i)
				putEntry(t, s, key, v, "|"+v+" records")
				want[key] = v
			}
			keep[key] = true
		}
		putEntry(t, s, "gone", "x", "y") // a file deleted before the run ends
		if err := s.keepOnly(keep); err != nil {
			t.Fatal(err)
		}
		s.close()

		s, err = openPackStore(dir)
		if err != nil {
			t.Fatal(err)
		}
		if s.has("gone") {
			t.Fatalf("run %d: an entry not kept is still indexed", run)
		}
		for key, v := range want {
			desc, err := s.description(key)
			if err != nil || string(desc) != v {
				t.Fatalf("run %d: %s description %q, %v; want %q", run, key, desc, err, v)
			}
			recs, err := s.records(key)
			if err != nil || string(recs) != "|"+v+" records" {
				t.Fatalf("run %d: %s records %q, %v", run, key, recs, err)
			}
		}
		s.close()
		if n := len(packFiles(t, dir)); n < 1 || n > maxPacks+1 {
			t.Fatalf("run %d: %d packs", run, n)
		}
	}
}

// TestPackStoreDamage: an entry whose bytes changed on disk is a miss, and
// a pack a killed run left (no index names it) is removed by the next run.
func TestPackStoreDamage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parse")
	s, err := openPackStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	putEntry(t, s, "a", "description of a", "records of a")
	putEntry(t, s, "b", "description of b", "records of b")
	if err := s.keepOnly(map[string]bool{"a": true, "b": true}); err != nil {
		t.Fatal(err)
	}
	s.close()
	packs := packFiles(t, dir)
	if len(packs) != 1 {
		t.Fatalf("packs %v, want one", packs)
	}
	path := filepath.Join(dir, packs[0])
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte("records of b"))
	data[at] ^= 1
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(dir, "run-killed"+packSuffix)
	if err := os.WriteFile(orphan, []byte("half an entry"), 0o644); err != nil {
		t.Fatal(err)
	}

	s, err = openPackStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if d, err := s.description("b"); err != nil || string(d) != "description of b" {
		t.Errorf("b's description, undamaged: %q, %v", d, err)
	}
	if r, err := s.records("b"); err == nil {
		t.Errorf("damaged records read back as %q", r)
	}
	if r, err := s.records("a"); err != nil || string(r) != "records of a" {
		t.Errorf("a's records: %q, %v", r, err)
	}
	if err := s.keepOnly(map[string]bool{"a": true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Error("the killed run's pack was left behind")
	}
}
