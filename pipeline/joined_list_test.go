package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/output/samplecounty"
)

// TestRerunKeepsUnchangedParquet: a re-run leaves in place the county's
// Parquet files whose units' parts came out the same (nothing changed:
// every kind; one disclosure title corrected: all but disclosures), writes
// the others, and gives in every case the bytes a full run gives; a file
// changed by someone else since is written again.
func TestRerunKeepsUnchangedParquet(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	data := filepath.Join(out, "2025", "data")
	sameAsFullRun := func(when string) {
		t.Helper()
		fresh := filepath.Join(t.TempDir(), "out")
		mustRun(t, Options{Inbox: inbox, Out: fresh})
		for _, k := range domain.LedgerKinds {
			name := string(k) + ".parquet"
			got, err1 := os.ReadFile(filepath.Join(data, name))
			want, err2 := os.ReadFile(filepath.Join(fresh, "2025", "data", name))
			if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from a full run's (%v, %v)", when, name, err1, err2)
			}
		}
	}
	mustRun(t, Options{Inbox: inbox, Out: out})
	first := parquetInodes(t, out)

	again := mustRun(t, Options{Inbox: inbox, Out: out})
	for k, st := range parquetInodes(t, out) {
		if st != first[k] {
			t.Errorf("nothing changed: %s.parquet written again", k)
		}
		if again.Written.Parquet[k] != filepath.Join(data, string(k)+".parquet") {
			t.Errorf("nothing changed: the run names %q as its %s file", again.Written.Parquet[k], k)
		}
	}

	var run runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &run)
	if err := samplecounty.CorrectTitle(filepath.Join(inbox, filepath.FromSlash(run.Inputs[0].Path))); err != nil {
		t.Fatal(err)
	}
	mustRun(t, Options{Inbox: inbox, Out: out})
	third := parquetInodes(t, out)
	for k, st := range third {
		if changed := st != first[k]; changed != (k == domain.KindDisclosure) {
			t.Errorf("one title corrected: %s.parquet written again: %v, want %v", k, changed, k == domain.KindDisclosure)
		}
	}
	sameAsFullRun("one title corrected")

	// Someone else's change to a kept file: the next run writes it again.
	appeals := filepath.Join(data, string(domain.KindAppeal)+".parquet")
	f, err := os.OpenFile(appeals, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("x"))
	f.Close()
	mustRun(t, Options{Inbox: inbox, Out: out})
	if st := parquetInodes(t, out)[domain.KindAppeal]; st == third[domain.KindAppeal] {
		t.Errorf("a kept file changed since: not written again")
	}
	sameAsFullRun("a kept file changed since")
}

// TestJoinedListOfAnotherProgram: the Parquet files another program put in
// place are joined again, though their parts come out the same — that
// program need not join them as this one does.
func TestJoinedListOfAnotherProgram(t *testing.T) {
	dir, inbox := smallCounty(t)
	out := filepath.Join(dir, "out")
	mustRun(t, Options{Inbox: inbox, Out: out, Version: "1.0"})
	before := parquetInodes(t, out)
	mustRun(t, Options{Inbox: inbox, Out: out, Version: "1.1"})
	for k, ino := range parquetInodes(t, out) {
		if ino == before[k] {
			t.Errorf("another program's %s.parquet left in place", k)
		}
	}
}

// parquetInodes are the inodes of the county's Parquet files under out: a
// file written again is another file (a new one, or the one the run before
// last replaced), a file left in place the same.
func parquetInodes(t *testing.T, out string) map[domain.Kind]uint64 {
	t.Helper()
	m := map[domain.Kind]uint64{}
	for _, k := range domain.LedgerKinds {
		st := output.StampAt(filepath.Join(out, "2025", "data", string(k)+".parquet"))
		if st == nil {
			t.Fatalf("%s.parquet: no stamp", k)
		}
		m[k] = st.Ino
	}
	return m
}
