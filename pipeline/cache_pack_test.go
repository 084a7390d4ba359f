package pipeline

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// putEntry stores desc and recs under key.
func putEntry(t *testing.T, s *packStore[string], key, desc, recs string) {
	t.Helper()
	err := s.put(key, desc, func(buf []byte) ([]byte, int, error) {
		buf = append(buf, "head of "+key...)
		return append(buf, recs...), len("head of " + key), nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// incompressible returns n random bytes: records whose size in a pack is
// their own, as parsed ledgers' nearly are beside the heads here.
func incompressible(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return string(b)
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
// every entry they keep, after their packs are copied too, and drop the
// others (how many packs are kept: TestPackStoreNights).
func TestPackStoreRuns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parse")
	want := map[string]string{} // key → desc|recs
	for run := 0; run < 20; run++ {
		s := openStore(t, dir)
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
		if err := keepOnly(s, keep); err != nil {
			t.Fatal(err)
		}
		s.close()

		s = openStore(t, dir)
		if _, ok := s.description("gone"); ok {
			t.Fatalf("run %d: an entry not kept is still indexed", run)
		}
		for key, v := range want {
			desc, ok := s.description(key)
			if !ok || desc != v {
				t.Fatalf("run %d: %s description %q, %v; want %q", run, key, desc, ok, v)
			}
			recs, err := s.body(key)
			if err != nil || string(recs) != "|"+v+" records" {
				t.Fatalf("run %d: %s records %q, %v", run, key, recs, err)
			}
			if head, err := s.head(key); err != nil || string(head) != "head of "+key {
				t.Fatalf("run %d: %s head %q, %v", run, key, head, err)
			}
		}
		s.close()
		if len(packFiles(t, dir)) < 1 {
			t.Fatalf("run %d: no pack", run)
		}
	}
}

// TestPackStoreCompressesBodies: a body is kept compressed — records as
// repetitive as a ledger's take a fraction of their size in the pack — and
// read back as it was written; the head is kept as it is.
func TestPackStoreCompressesBodies(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parse")
	var rows strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&rows, "%d,关于公布2025年第%d批行政许可事项的通知,白沙镇人民政府,政府网站;", i, i%40)
	}
	records := rows.String()
	s := openStore(t, dir)
	putEntry(t, s, "ledger", "description", records)
	if err := keepOnly(s, map[string]bool{"ledger": true}); err != nil {
		t.Fatal(err)
	}
	s.close()
	packs := packFiles(t, dir)
	if size := len(readBytes(t, filepath.Join(dir, packs[0]))); size > len(records)/3 {
		t.Errorf("pack of %d bytes for %d bytes of records", size, len(records))
	}
	s = openStore(t, dir)
	defer s.close()
	if r, err := s.body("ledger"); err != nil || string(r) != records {
		t.Errorf("records read back: %d bytes, %v; want the %d written", len(r), err, len(records))
	}
	if h, err := s.head("ledger"); err != nil || string(h) != "head of ledger" {
		t.Errorf("head: %q, %v", h, err)
	}
}

// TestPackStoreNights: nights that each change one file of two hundred
// leave each night's pack as it is — the first run's too, until half of it
// is unused, when its entries are copied once — and keep no more than
// maxPacks packs of earlier runs, the smallest copied beyond them.
func TestPackStoreNights(t *testing.T) {
	const files, entry = 200, 1000
	dir := filepath.Join(t.TempDir(), "parse")
	keep := map[string]bool{}
	var first string
	copied := 0 // entries written again
	const nights = 2*maxPacks + files/2
	for night := range nights {
		s := openStore(t, dir)
		for i := range files {
			key := fmt.Sprint("file", i)
			keep[key] = true
			if night == 0 || i == night%files {
				putEntry(t, s, key, fmt.Sprint(night), incompressible(entry))
			}
		}
		if err := keepOnly(s, keep); err != nil {
			t.Fatal(err)
		}
		mine := s.curName()
		n := 0
		for _, e := range s.index {
			if e.Pack == mine {
				n++
			}
		}
		s.close()
		packs := packFiles(t, dir)
		switch {
		case night == 0:
			first = packs[0]
		case night <= files/2: // the first run's pack half used at least
			if !slices.Contains(packs, first) {
				t.Fatalf("night %d: the first run's pack was copied", night)
			}
		case night == files/2+1: // more than half unused
			if slices.Contains(packs, first) {
				t.Fatalf("night %d: the first run's pack, mostly unused, was not copied", night)
			}
		}
		if night > 0 {
			copied += n - 1
		}
		if len(packs) > maxPacks+1 {
			t.Fatalf("night %d: %d packs", night, len(packs))
		}
	}
	// The first run's half copied, then half of that as it empties in
	// turn, and so on; past maxPacks, two small packs every second night
	// (some of them holding what was copied before).
	if most := files + 3*(nights-maxPacks)/2; copied > most {
		t.Errorf("%d entries copied, want at most %d", copied, most)
	}
}

// TestPacksToCopy: a pack of earlier runs is copied when most of its bytes
// are unused; when more than maxPacks are left, the smallest are copied
// until maxPacks-1 are left.
func TestPacksToCopy(t *testing.T) {
	many := func(n int) (used, sizes map[string]int64) {
		used, sizes = map[string]int64{"first": 1000}, map[string]int64{"first": 1000}
		for i := range n - 1 {
			name := fmt.Sprintf("night%03d", i)
			used[name], sizes[name] = int64(10+i%7), int64(10+i%7)
		}
		return used, sizes
	}
	atMost, atMostSizes := many(maxPacks)
	over, overSizes := many(maxPacks + 3)
	sparse, sparseSizes := many(maxPacks + 1)
	sparseSizes["first"] = 3000
	for _, c := range []struct {
		name        string
		used, sizes map[string]int64
		want        []string
	}{
		{"few dense packs", map[string]int64{"a": 100, "b": 10}, map[string]int64{"a": 110, "b": 12}, nil},
		{"a sparse pack", map[string]int64{"a": 100, "b": 10}, map[string]int64{"a": 110, "b": 21}, []string{"b"}},
		{"half used", map[string]int64{"a": 100}, map[string]int64{"a": 200}, nil},
		{"maxPacks dense packs", atMost, atMostSizes, nil},
		{"three too many", over, overSizes, []string{"night000", "night007", "night014", "night021"}}, // 10 bytes each
		{"one too many, the largest sparse", sparse, sparseSizes, []string{"first"}},
	} {
		got := slices.Sorted(maps.Keys(packsToCopy(c.used, c.sizes)))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: copied %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPackStoreDamage: records whose bytes changed on disk are a miss, a
// damaged index is an empty store, and a pack a killed run left (no index
// names it) is removed by the next run.
func TestPackStoreDamage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parse")
	s := openStore(t, dir)
	putEntry(t, s, "a", "description of a", "records of a")
	putEntry(t, s, "b", "description of b", "records of b")
	if err := keepOnly(s, map[string]bool{"a": true, "b": true}); err != nil {
		t.Fatal(err)
	}
	s.close()
	packs := packFiles(t, dir)
	if len(packs) != 1 {
		t.Fatalf("packs %v, want one", packs)
	}
	path := filepath.Join(dir, packs[0])
	data := readBytes(t, path)
	at := bytes.Index(data, []byte("records of b"))
	data[at] ^= 1
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(dir, "run-killed"+packSuffix)
	if err := os.WriteFile(orphan, []byte("half an entry"), 0o644); err != nil {
		t.Fatal(err)
	}

	s = openStore(t, dir)
	if d, ok := s.description("b"); !ok || d != "description of b" {
		t.Errorf("b's description: %q, %v", d, ok)
	}
	if r, err := s.body("b"); err == nil {
		t.Errorf("damaged records read back as %q", r)
	}
	if h, err := s.head("b"); err != nil || string(h) != "head of b" {
		t.Errorf("b's head, undamaged: %q, %v", h, err)
	}
	if r, err := s.body("a"); err != nil || string(r) != "records of a" {
		t.Errorf("a's records: %q, %v", r, err)
	}
	if err := keepOnly(s, map[string]bool{"a": true}); err != nil {
		t.Fatal(err)
	}
	s.close()
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Error("the killed run's pack was left behind")
	}

	index := filepath.Join(dir, packIndexName)
	data = readBytes(t, index)
	at = bytes.Index(data, []byte("description of a"))
	data[at] ^= 1
	if err := os.WriteFile(index, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir)
	defer s.close()
	if d, ok := s.description("a"); ok {
		t.Errorf("a damaged index gave a's description as %q", d)
	}
}

// TestPackStoreVanishedPack: a pack gone from the disk takes its entries
// out of the index at the next prune, and the run goes on with the others.
func TestPackStoreVanishedPack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parse")
	s := openStore(t, dir)
	putEntry(t, s, "a", "description of a", "records of a")
	if err := keepOnly(s, map[string]bool{"a": true}); err != nil {
		t.Fatal(err)
	}
	s.close()
	gone := packFiles(t, dir)
	s = openStore(t, dir)
	putEntry(t, s, "c", "description of c", "records of c")
	for _, p := range gone {
		if err := os.Remove(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := keepOnly(s, map[string]bool{"a": true, "c": true}); err != nil {
		t.Fatal(err)
	}
	s.close()
	s = openStore(t, dir)
	defer s.close()
	if d, ok := s.description("a"); ok {
		t.Errorf("an entry of a vanished pack still indexed: %q", d)
	}
	if r, err := s.body("c"); err != nil || string(r) != "records of c" {
		t.Errorf("c's records beside the vanished pack: %q, %v", r, err)
	}
}

// openStore opens the pack store in dir, as a run does.
func openStore(t *testing.T, dir string) *packStore[string] {
	t.Helper()
	s, err := openPackStore[string](dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// keepOnly prunes s as a run does: compacting when the packs need it.
func keepOnly[D any](s *packStore[D], keep map[string]bool) error {
	return s.keepOnly(keep, s.toCopy(keep))
}

// TestPacksToCopyOverTwoYears runs packsToCopy over two years of nights
// that each change 1 % of a county's 300 files (the bench's three, a
// hundred apart, a hundred nights between a file's changes), packs of
// entries of 0.43 MB (a bench file's records uncompressed; a quarter of
// that in the packs): a night copies about 1 MB on average, the first
// run's pack is copied once (when half unused), and no night copies more
// than half of it.
func TestPacksToCopyOverTwoYears(t *testing.T) {
	const files, entry = 300, 430 << 10
	packOf := map[int]string{} // file → its pack
	sizes := map[string]int64{"p0": files * entry}
	for f := range files {
		packOf[f] = "p0"
	}
	var total, most int64
	firstCopied := 0
	for night := 1; night <= 730; night++ {
		mine := fmt.Sprint("p", night)
		for k := range 3 {
			packOf[(night-1+100*k)%files] = mine
		}
		used := map[string]int64{}
		for _, p := range packOf {
			if p != mine {
				used[p] += entry
			}
		}
		var copied int64
		for p := range packsToCopy(used, sizes) {
			copied += used[p]
			if p == "p0" {
				firstCopied++
			}
			for f, q := range packOf {
				if q == p {
					packOf[f] = mine
				}
			}
		}
		sizes[mine] = 3*entry + copied
		total += copied
		most = max(most, copied)
	}
	mean := float64(total) / 730 / (1 << 20)
	t.Logf("copied %.2f MB a night on average, at most %.1f MB", mean, float64(most)/(1<<20))
	if mean > 1.5 || firstCopied != 1 || most > files*entry/2 {
		t.Errorf("%.2f MB a night on average, the first pack copied %d times, %d MB at most on a night", mean, firstCopied, most>>20)
	}
}
