package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReadCheckedInto: a file writeChecked wrote reads back whole through a
// buffer shorter or longer than it, holding other bytes; one cut short or
// changed by a byte is refused, as readChecked refuses it.
func TestReadCheckedInto(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "unit.gob")
	data := bytes.Repeat([]byte("台账"), 1000)
	if err := writeChecked(path, data); err != nil {
		t.Fatal(err)
	}
	for _, buf := range [][]byte{nil, bytes.Repeat([]byte{1}, 10), bytes.Repeat([]byte{2}, 100_000)} {
		got, grown, ok := readCheckedInto(path, buf)
		if !ok || !bytes.Equal(got, data) || cap(grown) < max(cap(buf), len(data)+4) {
			t.Errorf("through a buffer of %d bytes: %d bytes, %v; the buffer given back holds %d", len(buf), len(got), ok, cap(grown))
		}
	}
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"cut short":      whole[:len(whole)-1],
		"a byte changed": func() []byte { b := bytes.Clone(whole); b[len(b)/2] ^= 1; return b }(),
		"empty":          {},
	} {
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 0, len(whole))
		if _, grown, ok := readCheckedInto(path, buf); ok || cap(grown) < cap(buf) {
			t.Errorf("%s: read as sound (%v), or the buffer not given back (%d bytes)", name, ok, cap(grown))
		}
		if _, ok := readChecked(path); ok {
			t.Errorf("%s: readChecked reads it as sound", name)
		}
	}
	if _, grown, ok := readCheckedInto(filepath.Join(dir, "none"), make([]byte, 7)); ok || len(grown) != 7 {
		t.Errorf("a missing file: read (%v), or the buffer not given back (%d bytes)", ok, len(grown))
	}
}
