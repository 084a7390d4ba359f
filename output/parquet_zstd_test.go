package output

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/compress"
)

// TestZstdEncodersKept: the Parquet files' zstd level is encoded by
// encoders that outlive collections (arrow-go's pool made new ones, with
// their buffers, after each), and what they write decodes to the input, as
// does every other level's.
func TestZstdEncodersKept(t *testing.T) {
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	src := bytes.Repeat([]byte("白沙镇党政办2025年政府信息公开台账,"), 2000)
	for _, level := range []int{parquetZstdLevel, 3} {
		enc := codec.EncodeLevel(nil, src, level)
		if got := codec.Decode(nil, enc); !bytes.Equal(got, src) {
			t.Errorf("level %d: decoded %d bytes, want the %d encoded", level, len(got), len(src))
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
