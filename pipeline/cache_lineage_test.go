package pipeline

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
)

// TestCacheLineageRoundTrip: records stored in the parse cache without
// their lineage text columns load back equal to what was read — a file
// named in bytes that are not UTF-8, records from two sheets, a text
// column with a null left as it is — and take less room for it.
func TestCacheLineageRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	schema := domain.Schema(domain.KindDisclosure)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	const n = 500
	file := "白沙镇/党政办/\xb0\xd7\xc9\xb3-台账.xlsx" // GBK bytes in a name
	for i := range n {
		for j, f := range schema.Fields() {
			switch fb := b.Field(j).(type) {
			case *array.StringBuilder:
				switch f.Name {
				case domain.LineageFile:
					fb.Append(file)
				case domain.LineageSheet:
					fb.Append([]string{"一月", "二月"}[i*2/n])
				case domain.LineageUnit:
					fb.Append("白沙镇")
				case domain.LineageOffice:
					fb.Append("党政办")
				default:
					if i == 7 {
						fb.AppendNull()
					} else {
						fb.Append(fmt.Sprintf("%s %d", f.Name, i))
					}
				}
			case *array.Int32Builder:
				fb.Append(int32(i + 3))
			default:
				fb.AppendNull()
			}
		}
	}
	rec := b.NewRecordBatch()
	defer rec.Release()

	c, err := newParseCache(t.TempDir(), "test", domain.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	sub := &ingest.Submission{Path: file, SHA256: "sha", Records: map[domain.Kind]arrow.RecordBatch{domain.KindDisclosure: rec}}
	if !c.store(sub) {
		t.Fatal("not stored")
	}
	loaded, err := c.loadRecords(file, "sha", mem)
	if err != nil {
		t.Fatalf("records stored not loaded: %v", err)
	}
	back := loaded[domain.KindDisclosure]
	defer back.Release()
	if !array.RecordEqual(rec, back) || !back.Schema().Equal(schema) {
		t.Errorf("records differ after the cache:\n%v\nwant\n%v", back, rec)
	}
	var full bytes.Buffer
	if err := writeIPC(&full, rec); err != nil {
		t.Fatal(err)
	}
	if body, err := c.packs.body(c.key(file, "sha")); err != nil || len(body) >= full.Len()*3/4 {
		t.Errorf("cached %d bytes (%v), the records with their lineage columns %d", len(body), err, full.Len())
	}
	if _, err := withLineage(rec, schema, mem); err == nil {
		t.Error("a record without lineage runs was taken")
	}
}

// TestCacheRecordsOfUnknownKind: records the cache holds under a kind this
// build does not know (a kind renamed since they were stored) are refused
// with an error, the records loaded before them let go, not taken for
// another kind's.
func TestCacheRecordsOfUnknownKind(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	record := func(kind domain.Kind) arrow.RecordBatch {
		b := array.NewRecordBuilder(mem, domain.Schema(kind))
		defer b.Release()
		for j, f := range domain.Schema(kind).Fields() {
			switch fb := b.Field(j).(type) {
			case *array.StringBuilder:
				fb.Append(f.Name)
			case *array.Int32Builder:
				fb.Append(1)
			default:
				fb.AppendNull()
			}
		}
		return b.NewRecordBatch()
	}
	appeals, disclosures := record(domain.KindAppeal), record(domain.KindDisclosure)
	defer appeals.Release()
	defer disclosures.Release()
	c, err := newParseCache(t.TempDir(), "test", domain.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	// Stored by kind name in order: the known kind first, then the unknown.
	sub := &ingest.Submission{Path: "a.xlsx", SHA256: "sha", Records: map[domain.Kind]arrow.RecordBatch{
		domain.KindAppeal: appeals, "zz_retired": disclosures}}
	if !c.store(sub) {
		t.Fatal("not stored")
	}
	if loaded, err := c.loadRecords("a.xlsx", "sha", mem); err == nil {
		for _, r := range loaded {
			r.Release()
		}
		t.Errorf("records of an unknown kind loaded: %v", loaded)
	}
}
