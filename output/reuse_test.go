package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRemoveReplacedKeepsLastOfEachYear: of the folders of outputs earlier
// runs replaced, the last of each year becomes that year's reuse folder,
// whatever was left in an older reuse folder is removed, and so is every
// other replaced folder.
func TestRemoveReplacedKeepsLastOfEachYear(t *testing.T) {
	dir := t.TempDir()
	folders := map[string]string{ // folder → the one file in it
		".2024.staging.replaced-a":   "2024a",
		".2025.staging.replaced-b":   "2025b",
		".2025.staging.replaced-c":   "2025c", // set aside after b
		".2025.staging.replaced-1zz": "2025d", // after c (base 36)
		".2025.reuse":                "stale",
		".mine.reuse":                "mine",
	}
	for name, file := range folders {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, file), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	RemoveReplaced(dir)()
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, rel)
		}
		return nil
	})
	slices.Sort(got)
	want := []string{".2024.reuse/2024a", ".2025.reuse/2025d", ".mine.reuse/mine"}
	if !slices.Equal(got, want) {
		t.Errorf("after RemoveReplaced: %v, want %v", got, want)
	}
}
