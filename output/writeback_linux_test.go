package output

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWritebackStartsEachChunk: a staged output has the kernel asked to
// write each chunk as soon as it is whole, each byte once, in order; the
// rest waits for the sync.
func TestWritebackStartsEachChunk(t *testing.T) {
	ranges := recordWriteback(t)
	block := make([]byte, 3<<20) // chunks end inside blocks
	if err := writeAtomic(filepath.Join(t.TempDir(), "f"), func(w io.Writer) error {
		for range 6 {
			if _, err := w.Write(block); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := [][2]int64{{0, 9 << 20}, {9 << 20, 9 << 20}} // started once 8 MiB are waiting: at 9 and 18 MiB
	if !slices.Equal(*ranges, want) {
		t.Errorf("writeback started for %v, want %v", *ranges, want)
	}
}

// TestWritebackCountsStretchesPassed: a stretch the stage writer passes
// over (left as the file held it) moves where the ranges asked for lie, as
// written bytes do.
func TestWritebackCountsStretchesPassed(t *testing.T) {
	ranges := recordWriteback(t)
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sw := newStageWriter(f, nil)
	block := make([]byte, 3<<20)
	if _, err := sw.Write(block); err != nil {
		t.Fatal(err)
	}
	sw.leaveNext(6 << 20) // 6 MiB left as they were
	if _, err := sw.Write(make([]byte, 6<<20)); err != nil {
		t.Fatal(err)
	}
	if _, err := sw.Write(block); err != nil {
		t.Fatal(err)
	}
	if err := sw.flush(); err != nil {
		t.Fatal(err)
	}
	if want := [][2]int64{{0, 12 << 20}}; !slices.Equal(*ranges, want) {
		t.Errorf("writeback started for %v, want %v", *ranges, want)
	}
	if end, err := f.Seek(0, io.SeekCurrent); err != nil || end != 12<<20 {
		t.Errorf("the file written up to %d (%v), want 12 MiB", end, err)
	}
}

// recordWriteback records the ranges the kernel is asked to write instead
// of asking it, until the test ends.
func recordWriteback(t *testing.T) *[][2]int64 {
	var ranges [][2]int64
	was := startWriteback
	t.Cleanup(func() { startWriteback = was })
	startWriteback = func(_ int, off, n int64) error {
		ranges = append(ranges, [2]int64{off, n})
		return nil
	}
	return &ranges
}
