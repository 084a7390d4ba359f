package output

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"gongkai/domain"
)

// TestJoinParquetReadsAsOne joins Parquet files of one kind, one of them
// with no rows, and reads the result back as the records of all, in order.
func TestJoinParquetReadsAsOne(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	kind := domain.KindDisclosure
	var batches []arrow.RecordBatch
	for u, unit := range []string{"白沙镇", "闸口镇", "山口镇"} {
		var rows []row
		for i := range 3 * u { // 闸口镇 3 rows, 山口镇 6, 白沙镇 none
			rows = append(rows, lineage(unit, "党政办", unit+".xlsx", "s", i+2).with(row{
				domain.FieldTitle: unit + "公告", domain.FieldDate: day(2025, 1, 1+i), domain.FieldChannel: "website"}))
		}
		batches = append(batches, buildBatch(t, mem, kind, rows...))
	}
	defer func() {
		for _, b := range batches {
			b.Release()
		}
	}()
	dir := t.TempDir()
	pf, err := createPartFile(filepath.Join(dir, "parts"))
	if err != nil {
		t.Fatal(err)
	}
	var parts []FilePart
	for _, b := range batches {
		p, err := pf.add(func(w io.Writer) error { return encodeParquet(w, kind, []arrow.RecordBatch{b}) })
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p)
	}
	if err := pf.close(); err != nil {
		t.Fatal(err)
	}
	joined := filepath.Join(dir, "joined.parquet")
	f, err := os.Create(joined)
	if err != nil {
		t.Fatal(err)
	}
	if err := joinParquet(f, parts); err != nil {
		t.Fatal(err)
	}
	f.Close()

	got := readParquet(t, mem, joined)
	defer got.Release()
	want := array.NewTableFromRecords(domain.Schema(kind), batches)
	defer want.Release()
	if got.NumRows() != 9 || got.NumRows() != want.NumRows() {
		t.Fatalf("%d rows, want %d", got.NumRows(), want.NumRows())
	}
	sameColumns(t, got, want)
}

// TestJoinParquetFooterAsArrowWrites: the joined file is byte for byte the
// one arrow-go's own metadata gives when each footer is decoded, its
// offsets moved and its row groups appended and numbered — for files of
// several row groups, with dictionaries and with bloom filters (every
// offset a footer holds) — and a file with page indexes is refused.
func TestJoinParquetFooterAsArrowWrites(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	kind := domain.KindDisclosure
	var rows []row
	for i := range 7 {
		rows = append(rows, lineage("白沙镇", "党政办", "白沙镇.xlsx", "s", i+2).with(row{
			domain.FieldTitle: fmt.Sprintf("公告%d", i%3), domain.FieldDate: day(2025, 1, 1+i), domain.FieldChannel: "website"}))
	}
	batch := buildBatch(t, mem, kind, rows...)
	defer batch.Release()
	settings := [][]parquet.WriterProperty{
		parquetOptions(kind),
		append(parquetOptions(kind), parquet.WithMaxRowGroupLength(3)),
		append(parquetOptions(kind), parquet.WithDictionaryDefault(true), parquet.WithMaxRowGroupLength(2)),
		append(parquetOptions(kind), parquet.WithBloomFilterEnabled(true)),
	}
	dir := t.TempDir()
	pf, err := createPartFile(filepath.Join(dir, "parts"))
	if err != nil {
		t.Fatal(err)
	}
	encode := func(props []parquet.WriterProperty) FilePart {
		p, err := pf.add(func(w io.Writer) error {
			fw, err := pqarrow.NewFileWriter(domain.Schema(kind), w, parquet.NewWriterProperties(props...),
				pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
			if err != nil {
				return err
			}
			if err := fw.Write(batch); err != nil {
				return err
			}
			return fw.Close()
		})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	var parts []FilePart
	for _, props := range settings {
		parts = append(parts, encode(props))
	}
	indexed := encode(append(parquetOptions(kind), parquet.WithPageIndexEnabled(true)))
	if err := pf.close(); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= len(parts); n++ {
		var got, want bytes.Buffer
		if err := joinParquet(&got, parts[:n]); err != nil {
			t.Fatal(err)
		}
		if err := joinParquetByMetadata(&want, parts[:n]); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d files joined: %d bytes, arrow-go's metadata gives %d, or other bytes", n, got.Len(), want.Len())
		}
	}
	if err := joinParquet(io.Discard, []FilePart{parts[0], indexed}); err == nil || !strings.Contains(err.Error(), "page indexes") {
		t.Errorf("a file with page indexes joined: %v", err)
	}
}

// joinParquetByMetadata joins Parquet files as joinParquet does, with the
// footers decoded into arrow-go's metadata: the rule joinParquet is held to.
func joinParquetByMetadata(w io.Writer, parts []FilePart) error {
	w.Write([]byte(parquetMagic))
	pos := int64(len(parquetMagic))
	var joined *metadata.FileMetaData
	c := newPartCopier()
	defer c.close()
	for _, part := range parts {
		data, err := c.read(part)
		if err != nil {
			return err
		}
		n := len(data)
		size := int(binary.LittleEndian.Uint32(data[n-8 : n-4]))
		start := n - 8 - size
		meta, err := metadata.NewFileMetaData(data[start:n-8], nil)
		if err != nil {
			return err
		}
		shift := pos - int64(len(parquetMagic))
		move := func(off *int64) {
			if off != nil {
				*off += shift
			}
		}
		for _, rg := range meta.RowGroups {
			move(rg.FileOffset)
			for _, c := range rg.Columns {
				c.FileOffset += shift
				if m := c.MetaData; m != nil {
					m.DataPageOffset += shift
					move(m.IndexPageOffset)
					move(m.DictionaryPageOffset)
					move(m.BloomFilterOffset)
				}
			}
		}
		if joined == nil {
			joined = meta
		} else if err := joined.AppendRowGroups(meta); err != nil {
			return err
		}
		w.Write(data[4:start])
		pos += int64(start - 4)
	}
	for i, rg := range joined.RowGroups {
		ordinal := int16(i)
		rg.Ordinal = &ordinal
	}
	var footer bytes.Buffer
	if _, err := joined.WriteTo(&footer, nil); err != nil {
		return err
	}
	footer.Write(binary.LittleEndian.AppendUint32(nil, uint32(footer.Len())))
	footer.WriteString(parquetMagic)
	_, err := w.Write(footer.Bytes())
	return err
}
