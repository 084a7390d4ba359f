package output

import (
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// parquetZstdLevel is the zstd level the Parquet files are written at.
const parquetZstdLevel = 1

// keptZstd is arrow-go's zstd codec with the encoders of parquetZstdLevel
// kept for the life of the process. arrow-go keeps its encoders in a
// sync.Pool, which every collection empties, so a batch made new ones over
// and over (a re-run allocated and cleared 16 MB of their history buffers
// for ~20 ms of Parquet). Decoding and other levels are arrow-go's own.
type keptZstd struct {
	compress.ErrorCodec               // arrow-go's codec
	enc                 *zstd.Encoder // safe for concurrent EncodeAll: one encoder per core
}

// EncodeLevel implements compress.Codec.
func (c keptZstd) EncodeLevel(dst, src []byte, level int) []byte {
	if level != parquetZstdLevel {
		return c.ErrorCodec.EncodeLevel(dst, src, level)
	}
	return c.enc.EncodeAll(src, dst[:0])
}

func init() {
	codec, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		return
	}
	withErrors, ok := codec.(compress.ErrorCodec)
	if !ok {
		return
	}
	// The options arrow-go's pooled encoders have, but for the frames'
	// checksum: Arrow C++ and libzstd write none by default, and every zstd
	// reader takes frames without one; its xxhash was ~1.5 ms of a re-run's
	// CPU. (Parquet's own page CRC is optional and, as by arrow-go and
	// Arrow C++ by default, not written: the files' integrity rests on the
	// file system, and the parts' on the unit cache's CRC-32C.) As many
	// encoders as GOMAXPROCS, the default.
	enc, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithAllLitEntropyCompression(true), zstd.WithEncoderCRC(false),
		zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(parquetZstdLevel)))
	if err != nil {
		return
	}
	compress.RegisterCodec(compress.Codecs.Zstd, keptZstd{withErrors, enc})
}
