package output

import (
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"gongkai/domain"
)

// parquetName is the file name of a kind's records, under data/.
func parquetName(kind domain.Kind) string { return string(kind) + ".parquet" }

// writeParquet writes a kind's records to path as one zstd-compressed
// Parquet file with the schema domain.Schema(kind), the lineage columns
// included; no records give a file with the schema and no rows.
func writeParquet(path string, kind domain.Kind, batches []arrow.RecordBatch) error {
	return writeAtomic(path, func(w io.Writer) error {
		props := parquet.NewWriterProperties(parquet.WithCompression(compress.Codecs.Zstd))
		fw, err := pqarrow.NewFileWriter(domain.Schema(kind), w, props,
			pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
		if err != nil {
			return err
		}
		for _, rec := range batches {
			if err := fw.WriteBuffered(rec); err != nil {
				fw.Close()
				return err
			}
		}
		return fw.Close()
	})
}
