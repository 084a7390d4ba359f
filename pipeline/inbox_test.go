package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestListInbox: every regular file in path order, at the top and deep in
// folders, walked side by side; hidden folders left out, lock, temporary
// and hidden files listed as ignored, and links passed over.
func TestListInbox(t *testing.T) {
	inbox := t.TempDir()
	files := map[string]bool{ // path → listed to be read
		"说明.xlsx":                 true,
		".DS_Store":               false,
		"东山镇/党政办/台账.xlsx":         true,
		"东山镇/党政办/~$台账.xlsx":       false,
		"东山镇/财政所/台账.csv":          true,
		"东山镇/财政所/下载.xlsx.part":    false,
		"西河镇/台账.xlsx":             true,
		".cache/units/x.xlsx":     false, // hidden folder: not listed
		"西河镇/.git/objects/a.xlsx": false, // hidden folder: not listed
	}
	for p := range files {
		full := filepath.Join(inbox, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(inbox, "说明.xlsx"), filepath.Join(inbox, "西河镇", "链接.xlsx")); err != nil {
		t.Fatal(err)
	}
	got, err := listInbox(inbox, 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, f := range got {
		rels = append(rels, f.rel)
		if read := f.ignore == ""; read != files[f.rel] {
			t.Errorf("%s: to be read %v, want %v (%q)", f.rel, read, files[f.rel], f.ignore)
		}
		if f.modTime.IsZero() {
			t.Errorf("%s: no modification time", f.rel)
		}
	}
	want := []string{".DS_Store", "东山镇/党政办/~$台账.xlsx", "东山镇/党政办/台账.xlsx", "东山镇/财政所/下载.xlsx.part",
		"东山镇/财政所/台账.csv", "西河镇/台账.xlsx", "说明.xlsx"}
	if !slices.Equal(rels, want) {
		t.Errorf("listed %q,\nwant %q", rels, want)
	}
	// A file modified within settle waits for the next run.
	recent, err := listInbox(inbox, time.Hour, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range recent {
		if files[f.rel] && (!f.writing || f.ignore == "") {
			t.Errorf("%s: modified just now, not left for the next run", f.rel)
		}
	}
	if _, err := listInbox(filepath.Join(inbox, "没有"), 0, time.Now()); err == nil {
		t.Errorf("a missing inbox listed without an error")
	}
}
