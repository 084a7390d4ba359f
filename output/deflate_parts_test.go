package output

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

func TestCRC32Combine(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"", ""}, {"a", ""}, {"", "b"}, {"hello, ", "world"},
		{strings.Repeat("白沙镇", 1000), strings.Repeat("<row>", 777)},
	} {
		want := crc32.ChecksumIEEE([]byte(c.a + c.b))
		got := crc32Combine(crc32.ChecksumIEEE([]byte(c.a)), crc32.ChecksumIEEE([]byte(c.b)), int64(len(c.b)))
		if got != want {
			t.Errorf("combine(%.10q, %.10q) = %08x, want %08x", c.a, c.b, got, want)
		}
	}
	// Every length of b up to 300 bytes, then lengths across the bits of a
	// 64 KiB part, each against the CRC of the whole.
	data := make([]byte, 1<<17)
	for i := range data {
		data[i] = byte(i*7 + i>>8)
	}
	lengths := []int{1 << 16, 1<<16 - 1, 1<<16 + 1, 12345, 99999}
	for n := 0; n <= 300; n++ {
		lengths = append(lengths, n)
	}
	for _, n := range lengths {
		a, b := data[:len(data)-n], data[len(data)-n:]
		if got, want := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(n)), crc32.ChecksumIEEE(data); got != want {
			t.Errorf("combine with %d bytes = %08x, want %08x", n, got, want)
		}
	}
}

// TestX8nModP: the factor for n bytes, taken a byte of n at a time, is
// the one computed a bit of n at a time, for lengths past what a test can
// check against a whole CRC (to 2^64−1).
func TestX8nModP(t *testing.T) {
	bitwise := func(n uint64) uint32 { // x^(8n), a bit of n at a time
		p, sq := uint32(1)<<31, uint32(1)<<30 // x^0, x^1
		for range 3 {
			sq = multModP(sq, sq) // x^8
		}
		for ; n != 0; n >>= 1 {
			if n&1 != 0 {
				p = multModP(sq, p)
			}
			sq = multModP(sq, sq)
		}
		return p
	}
	for _, n := range []uint64{0, 1, 2, 255, 256, 257, 1 << 16, 1<<24 + 3, 1<<32 - 1, 1 << 40, 0x0102030405060708, 1<<64 - 1} {
		if got, want := x8nModP(n), bitwise(n); got != want {
			t.Errorf("x^(8·%d) = %08x, want %08x", n, got, want)
		}
	}
}

// TestJoinedEntryReadsBack joins parts compressed on their own, some in
// files and some in memory, into one zip entry that any reader inflates
// to the parts' text in order, with a checksum that verifies. The parts in
// a file share it, one after another.
func TestJoinedEntryReadsBack(t *testing.T) {
	dir := t.TempDir()
	texts := []string{"<worksheet><sheetData>", "", strings.Repeat("<row><c>白沙镇</c></row>", 5000), "<row/>", "</sheetData></worksheet>"}
	var parts []DeflatedPart
	pf, err := createPartFile(filepath.Join(dir, "parts"))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		write := func(w io.Writer) error { _, err := io.WriteString(w, text); return err }
		if i%2 == 0 {
			p, err := compressPart(pf, 1, write)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, p)
			continue
		}
		p, err := deflatedBytes(write, 1)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	if err := pf.close(); err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	c := newPartCopier()
	defer c.close()
	if err := writeJoined(zw, "xl/worksheets/sheet1.xml", parts, c, nil); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc) // checks the CRC at the end
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(texts, ""); string(got) != want {
		t.Errorf("joined entry reads %d bytes, want %d", len(got), len(want))
	}
}
