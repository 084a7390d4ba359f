package output

import (
	"bytes"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/compress"
)

// TestZstdEncodersKept: the Parquet files' zstd level is encoded by
// encoders that outlive collections (arrow-go's pool made new ones, with
// their buffers, after each) into the bytes arrow-go's own encoders write
// but for the frame's checksum, and what every level writes decodes to the
// input.
func TestZstdEncodersKept(t *testing.T) {
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	kept, ok := codec.(keptZstd)
	if !ok {
		t.Fatalf("the zstd codec is %T, not the kept encoders", codec)
	}
	src := bytes.Repeat([]byte("白沙镇党政办2025年政府信息公开台账,"), 2000)
	// Hex digits in no repeated order: all literals, which only their
	// entropy coding shortens.
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 3000)
	for i := range noise {
		noise[i] = "0123456789abcdef"[rnd.IntN(16)]
	}
	for _, in := range [][]byte{src, noise} {
		if got, want := kept.EncodeLevel(nil, in, parquetZstdLevel), withoutChecksum(t, kept.ErrorCodec.EncodeLevel(nil, in, parquetZstdLevel)); !bytes.Equal(got, want) {
			t.Errorf("%d bytes encoded into %d, arrow-go's encoder writes %d without its checksum", len(in), len(got), len(want))
		}
		for _, level := range []int{parquetZstdLevel, 3} {
			enc := codec.EncodeLevel(nil, in, level)
			if got := codec.Decode(nil, enc); !bytes.Equal(got, in) {
				t.Errorf("level %d: decoded %d bytes, want the %d encoded", level, len(got), len(in))
			}
		}
	}
	dst := make([]byte, codec.CompressBound(int64(len(src))))
	allocs := testing.AllocsPerRun(5, func() {
		runtime.GC()
		runtime.GC() // a sync.Pool is empty after two
		codec.EncodeLevel(dst, src, parquetZstdLevel)
	})
	if allocs > 2 {
		t.Errorf("%.0f allocations to encode after a collection: the encoders are not kept", allocs)
	}
}

// withoutChecksum is a single zstd frame with its content checksum taken
// out: the flag cleared in the frame header's descriptor (the byte after
// the magic number) and the 4 bytes at the end dropped.
func withoutChecksum(t *testing.T, frame []byte) []byte {
	t.Helper()
	const checksumFlag = 1 << 2
	if len(frame) < 9 || frame[4]&checksumFlag == 0 {
		t.Fatalf("arrow-go's frame has no checksum: % x", frame[:min(len(frame), 8)])
	}
	out := slices.Clone(frame[:len(frame)-4])
	out[4] &^= checksumFlag
	return out
}
