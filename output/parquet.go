package output

import (
	"bytes"
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"gongkai/domain"
)

// parquetName is the file name of a kind's records, under data/.
func parquetName(kind domain.Kind) string { return string(kind) + ".parquet" }

// encodeParquet writes a kind's records to w as one zstd-compressed
// Parquet file with the schema domain.Schema(kind), the lineage columns
// included, its rows in one row group written column by column (one
// column's buffers at a time, not every column's); no rows give a file with
// the schema and no row group.
func encodeParquet(w io.Writer, kind domain.Kind, batches []arrow.RecordBatch) error {
	schema := domain.Schema(kind)
	for _, rec := range batches { // NewTableFromRecords panics on a stranger
		if !rec.Schema().Equal(schema) {
			return fmt.Errorf("parquet %s: records of another schema: %s", kind, rec.Schema())
		}
	}
	props := parquet.NewWriterProperties(parquetOptions(kind)...)
	fw, err := pqarrow.NewFileWriter(schema, w, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return err
	}
	if rows := rowsOf(batches); rows > 0 {
		tbl := array.NewTableFromRecords(schema, batches)
		err := fw.WriteTable(tbl, rows)
		tbl.Release()
		if err != nil {
			fw.Close()
			return err
		}
	}
	return fw.Close()
}

// parquetOptions are the writer settings of a kind's file: zstd at its
// fastest level, no dictionaries, and no statistics for text. On the bench
// county's records zstd alone makes the files smaller than dictionaries
// and zstd (5.7 against 5.9 MB) — the lineage columns repeat row after row
// — at half the CPU (hashing every value into a dictionary was most of the
// writing); the least and greatest title or file name of a page filter
// nothing, and comparing every text for them was a quarter of the rest.
// Dates, amounts and row numbers keep their statistics.
func parquetOptions(kind domain.Kind) []parquet.WriterProperty {
	opts := []parquet.WriterProperty{parquet.WithCompression(compress.Codecs.Zstd), parquet.WithCompressionLevel(parquetZstdLevel),
		parquet.WithDictionaryDefault(false)}
	for _, f := range domain.Schema(kind).Fields() {
		if f.Type.ID() == arrow.STRING {
			opts = append(opts, parquet.WithStatsFor(f.Name, false))
		}
	}
	return opts
}

// encodedParquet is a unit's records of each kind that has some as a
// Parquet file of its own, in memory, to be joined into the county's files.
type encodedParquet struct {
	files map[domain.Kind][]byte
	err   error
}

// encodeParquetKinds encodes recs for encodedParquet.
func encodeParquetKinds(recs map[domain.Kind][]arrow.RecordBatch) encodedParquet {
	out := encodedParquet{files: map[domain.Kind][]byte{}}
	for _, kind := range domain.LedgerKinds {
		if rowsOf(recs[kind]) == 0 {
			continue // nothing to join: the county's file is made without it
		}
		var b bytes.Buffer
		if out.err = encodeParquet(&b, kind, recs[kind]); out.err != nil {
			return out
		}
		out.files[kind] = b.Bytes()
	}
	return out
}

// appendTo appends the files to pf and returns where each is.
func (e encodedParquet) appendTo(pf *partFile) (map[domain.Kind]FilePart, error) {
	out := map[domain.Kind]FilePart{}
	for _, kind := range domain.LedgerKinds {
		data, ok := e.files[kind]
		if !ok {
			continue
		}
		p, err := pf.add(func(w io.Writer) error { _, err := w.Write(data); return err })
		if err != nil {
			return nil, err
		}
		p.Sum = partSum(data)
		out[kind] = p
	}
	return out, nil
}

// writeJoinedParquet writes a kind's Parquet file to path, over the file
// at over where it may (writeAtomicOver), joined from the units' files;
// with none, a file with the schema and no rows.
func writeJoinedParquet(path, over string, kind domain.Kind, files []FilePart) error {
	if len(files) == 0 {
		return writeAtomicOver(path, over, func(w io.Writer) error { return encodeParquet(w, kind, nil) })
	}
	return writeAtomicOver(path, over, func(w io.Writer) error { return joinParquet(w, files) })
}

// rowsOf counts the rows of batches.
func rowsOf(batches []arrow.RecordBatch) int64 {
	var n int64
	for _, rec := range batches {
		n += rec.NumRows()
	}
	return n
}
