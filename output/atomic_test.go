package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	for _, text := range []string{"first", "second"} {
		if err := writeAtomic(path, func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got := string(readFile(t, path)); got != text {
			t.Errorf("content = %q, want %q", got, text)
		}
	}
	assertOnly(t, dir, "a.txt")
}

func TestWriteAtomicFailureKeepsPrevious(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := writeAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half of a new ")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error = %v, want %v", err, boom)
	}
	if got := string(readFile(t, path)); got != "previous" {
		t.Errorf("content = %q, want the previous file", got)
	}
	assertOnly(t, dir, "a.txt")
}

func TestWriteAtomicRenameFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	// A non-empty folder where the file should go: the rename fails.
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}); err == nil {
		t.Fatal("rename over a folder: no error")
	}
	assertOnly(t, dir, "a.txt")
}

func TestWriteAtomicMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "a.txt")
	if err := writeAtomic(path, func(io.Writer) error { return nil }); err == nil {
		t.Fatal("write into a missing folder: no error")
	}
}

// assertOnly checks that dir holds exactly the named entries.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %q, want %q", dir, got, names)
	}
	for i := range got {
		if got[i] != names[i] {
			t.Fatalf("%s holds %q, want %q", dir, got, names)
		}
	}
}

// TestLinkOrCopySyncsUnlessSynced: a unit workbook is linked into place and
// synced there, or copied where it cannot be linked, its source then synced
// too; neither is synced when its data are on disk already.
func TestLinkOrCopySyncsUnlessSynced(t *testing.T) {
	var synced []string
	defer func(was func(string) error) { syncFile = was }(syncFile)
	syncFile = func(path string) error {
		synced = append(synced, filepath.Base(path))
		return nil
	}
	defer func(was func(string, string) error) { linkFile = was }(linkFile)
	for _, link := range []struct {
		name string
		link func(string, string) error
		want string // the file synced when the source is not on disk
	}{
		{"linked", os.Link, "new.xlsx"},
		// Copied (no link across file systems): the copy is synced as it
		// is written, and the source too, as the cache takes it for on disk.
		{"copied", func(string, string) error { return errors.New("cross-device link") }, "src.xlsx"},
	} {
		linkFile, synced = link.link, nil
		dir := t.TempDir()
		src := filepath.Join(dir, "src.xlsx")
		if err := os.WriteFile(src, []byte("工作簿"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			dst    string
			synced bool
		}{{"new.xlsx", false}, {"kept.xlsx", true}} {
			if err := linkOrCopy(src, filepath.Join(dir, c.dst), c.synced); err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(filepath.Join(dir, c.dst)); err != nil || string(b) != "工作簿" {
				t.Errorf("%s %s: %q, %v", link.name, c.dst, b, err)
			}
		}
		if len(synced) != 1 || synced[0] != link.want {
			t.Errorf("%s: synced %v, want only %s", link.name, synced, link.want)
		}
	}
}
