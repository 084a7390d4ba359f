package output

import (
	"bytes"
	"compress/flate"
	"io"
	"slices"
	"testing"
)

// TestDeflatePadding: padding of every length from 0 to 300 but 1, 2, 3, 4
// and 8 is that many bytes, and a stream of rows with padding between them
// inflates to the rows alone.
func TestDeflatePadding(t *testing.T) {
	rows, err := deflatedBytes(func(w io.Writer) error { _, err := io.WriteString(w, "<row><c><v>1</v></c></row>"); return err }, 1)
	if err != nil {
		t.Fatal(err)
	}
	for n := range 301 {
		pad, ok := deflatePadding(n)
		if want := n != 1 && n != 2 && n != 3 && n != 4 && n != 8; ok != want || paddable(int64(n)) != want {
			t.Fatalf("padding of %d bytes: %v (paddable %v), want %v", n, ok, paddable(int64(n)), want)
		}
		if !ok {
			continue
		}
		if len(pad) != n {
			t.Fatalf("padding of %d bytes is %d", n, len(pad))
		}
		stream := slices.Concat(rows.data, pad, rows.data, finalBlock)
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(stream)))
		if err != nil || string(got) != "<row><c><v>1</v></c></row><row><c><v>1</v></c></row>" {
			t.Fatalf("rows around padding of %d bytes inflate to %q, %v", n, got, err)
		}
	}
}
