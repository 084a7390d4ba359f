package output

import (
	"bytes"
	"io"
	"runtime"
	"testing"
	"weak"

	"github.com/klauspost/compress/flate"
)

// TestFlateWritersKept: a compressor given back is the next one taken,
// even after collections (a sync.Pool lost them at each), and it
// compresses as a new one does.
func TestFlateWritersKept(t *testing.T) {
	text := bytes.Repeat([]byte(`<row><c t="inlineStr"><is><t>白沙镇党政办</t></is></c></row>`), 500)
	for len(flateWriters) > 0 { // those other tests gave back
		<-flateWriters
	}
	var first, again bytes.Buffer
	fw := getFlate(&first)
	if _, err := fw.Write(text); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	putFlate(fw)
	runtime.GC()
	runtime.GC() // a sync.Pool is empty after two
	if got := getFlate(&again); got != fw {
		t.Fatal("a new compressor after a collection: the one given back was not kept")
	}
	if _, err := fw.Write(text); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	putFlate(fw)
	if !bytes.Equal(first.Bytes(), again.Bytes()) {
		t.Error("the kept compressor wrote other bytes than a new one")
	}
	out, err := io.ReadAll(flate.NewReader(&again))
	if err != nil || !bytes.Equal(out, text) {
		t.Errorf("decompressed %d bytes (%v), want the %d written", len(out), err, len(text))
	}
	// A compressor given back does not hold what it last wrote to (a
	// workbook's whole package, say), closed or not (a part ends with a
	// flush).
	target := new(bytes.Buffer)
	held := weak.Make(target)
	fw = getFlate(target)
	fw.Write(text)
	fw.Flush()
	putFlate(fw)
	target = nil
	runtime.GC()
	if held.Value() != nil {
		t.Error("a compressor given back still holds the writer it wrote to")
	}
}
