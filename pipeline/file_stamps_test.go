package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gongkai/output"
)

// TestStampsSpareHashing: a re-run hashes only the files whose stamp
// changed — and a file rewritten to the same size with its modification
// time set back is still hashed, read and counted anew.
func TestStampsSpareHashing(t *testing.T) {
	dir, inbox := smallCounty(t)
	needStamps(t, inbox)
	out := filepath.Join(dir, "out")
	time.Sleep(1100 * time.Millisecond) // stamps of files changed within a second of a run are not kept
	first := mustRun(t, Options{Inbox: inbox, Out: out})
	files := first.FilesParsed
	if first.FilesHashed != files {
		t.Fatalf("first run hashed %d of %d files", first.FilesHashed, files)
	}
	again := mustRun(t, Options{Inbox: inbox, Out: out})
	if again.FilesHashed != 0 || again.FilesCached != files {
		t.Errorf("re-run with nothing changed hashed %d files, took %d of %d from the cache", again.FilesHashed, again.FilesCached, files)
	}

	// Another office's file copied over the first, cut to its size, its
	// modification time set back: only the inode's change time tells.
	var rj runJSON
	readJSON(t, filepath.Join(out, "2025", "run.json"), &rj)
	target := filepath.Join(inbox, filepath.FromSlash(rj.Inputs[0].Path))
	other := filepath.Join(inbox, filepath.FromSlash(rj.Inputs[len(rj.Inputs)-1].Path))
	st, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	data := readBytes(t, other)
	if int64(len(data)) >= st.Size() {
		data = data[:st.Size()]
	} else {
		data = append(data, make([]byte, int(st.Size())-len(data))...)
	}
	if err := os.WriteFile(target, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(target, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	third := mustRun(t, Options{Inbox: inbox, Out: out})
	if third.FilesHashed != 1 || third.FilesParsed != 1 {
		t.Errorf("after a same-size, same-time rewrite: %d files hashed, %d parsed; want 1 and 1", third.FilesHashed, third.FilesParsed)
	}
}

// TestStampsOfFreshFiles: a file changed within a second of a run is
// hashed again by the next run (a write in the same tick of the clock
// could leave its stamp as it was); one older than that is not.
func TestStampsOfFreshFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.xlsx")
	if err := os.WriteFile(path, []byte("ledger"), 0o644); err != nil {
		t.Fatal(err)
	}
	needStamps(t, path)
	now := time.Now()
	for i, run := range []struct {
		started    time.Time
		wantHashed int
	}{
		{now, 1},                      // the first run hashes
		{now, 1},                      // the file was fresh: its stamp was not kept
		{now.Add(2 * time.Second), 1}, // still not kept: this run keeps it
		{now.Add(3 * time.Second), 0}, // kept: not hashed
	} {
		h := openFileHashes(dir, run.started)
		sha, vouched, err := h.hash("a.xlsx", path, output.StampAt(path))
		if err != nil || sha == "" {
			t.Fatalf("run %d: %q, %v", i, sha, err)
		}
		if h.hashed != run.wantHashed {
			t.Errorf("run %d hashed %d files, want %d", i, h.hashed, run.wantHashed)
		}
		if vouched != (run.wantHashed == 0) { // a hash not read now is one the file must be read again for
			t.Errorf("run %d: vouched %v, hashed %d", i, vouched, h.hashed)
		}
		h.save()
	}
}

// needStamps skips the test where the file system of path gives no
// stamps, and fails it where it must: on ext4, which keeps an inode change
// time no program can set.
func needStamps(t *testing.T, path string) {
	t.Helper()
	if output.StampAt(path) == nil {
		if onExt4(path) {
			t.Fatal("no stamps read on ext4")
		}
		t.Skip("stamps are read on Linux only, on file systems whose inode change time no program can set")
	}
}

// TestReadOrderChangedFirst: the files whose hash the run before does not
// vouch for are read first, each file once, ignored files not at all.
func TestReadOrderChangedFirst(t *testing.T) {
	dir := t.TempDir()
	var files []inboxFile
	for _, name := range []string{"a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "~$e.xlsx"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, inboxFile{rel: name, ignore: ignoreReason(name), stamp: output.StampAt(path)})
	}
	needStamps(t, dir)
	h := openFileHashes(dir, time.Now().Add(2*time.Second))
	for _, i := range []int{0, 2} { // a and c hashed by the run before
		if _, _, err := h.hash(files[i].rel, filepath.Join(dir, files[i].rel), files[i].stamp); err != nil {
			t.Fatal(err)
		}
	}
	h.save()
	h = openFileHashes(dir, time.Now())
	files[3].stamp = nil // d: its file system gives no stamp
	got := readOrder(files, h)
	if want := []int{1, 3, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("read order %v, want %v (b and d, not known, before a and c; ~$e never)", got, want)
	}
}
