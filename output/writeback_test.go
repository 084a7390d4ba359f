package output

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestEarlyWriteback writes a file of several chunks through
// earlyWriteback and reads it back whole.
func TestEarlyWriteback(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	want := bytes.Repeat([]byte("白沙镇党政办\n"), 3*writebackChunk/18)
	if err := writeAtomic(path, func(w io.Writer) error {
		for b := want; len(b) > 0; {
			n := min(len(b), 100_000)
			if _, err := w.Write(b[:n]); err != nil {
				return err
			}
			b = b[n:]
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
		t.Errorf("read back %d bytes of %d, equal %v, %v", len(got), len(want), bytes.Equal(got, want), err)
	}
}
