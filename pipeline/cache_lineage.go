package pipeline

import (
	"bytes"
	"encoding/base64"
	"encoding/gob"
	"fmt"
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
)

// The parse cache keeps a file's records without their lineage text
// columns — file, unit and office the same on every record, the sheet for
// runs of them — which were a third of its bytes, written at every cold
// run and read at every unit's turn when records wait in the cache. It
// keeps them as runs in the stream schema's metadata and makes the columns
// again when the records are loaded.

// lineageText are the lineage columns kept as runs.
var lineageText = []string{domain.LineageFile, domain.LineageSheet, domain.LineageUnit, domain.LineageOffice}

// lineageKey is the schema metadata key of the runs: base64 of a gob of
// column → runs (file names need not be UTF-8).
const lineageKey = "gongkai.lineage-runs"

// withoutLineage returns rec without its lineage text columns, their runs
// in its schema's metadata. A column with nulls stays as it is.
func withoutLineage(rec arrow.RecordBatch) (arrow.RecordBatch, error) {
	runs := map[string][]ingest.TextRun{}
	var fields []arrow.Field
	var cols []arrow.Array
	for i, f := range rec.Schema().Fields() {
		if s, ok := rec.Column(i).(*array.String); ok && s.NullN() == 0 && slices.Contains(lineageText, f.Name) {
			runs[f.Name] = textRuns(s)
			continue
		}
		fields, cols = append(fields, f), append(cols, rec.Column(i))
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(runs); err != nil {
		return nil, err
	}
	md := arrow.NewMetadata([]string{lineageKey}, []string{base64.StdEncoding.EncodeToString(b.Bytes())})
	return array.NewRecordBatch(arrow.NewSchema(fields, &md), cols, rec.NumRows()), nil
}

// textRuns are the runs of equal texts of s, in order.
func textRuns(s *array.String) []ingest.TextRun {
	var runs []ingest.TextRun
	for i := 0; i < s.Len(); i++ {
		if v := s.Value(i); len(runs) > 0 && runs[len(runs)-1].Text == v {
			runs[len(runs)-1].N++
		} else {
			runs = append(runs, ingest.TextRun{Text: v, N: 1})
		}
	}
	return runs
}

// withLineage returns rec, as withoutLineage left it, with the columns of
// want, in its order: the lineage columns made from their runs.
func withLineage(rec arrow.RecordBatch, want *arrow.Schema, mem memory.Allocator) (arrow.RecordBatch, error) {
	if want == nil {
		return nil, fmt.Errorf("records of no ledger kind")
	}
	md := rec.Schema().Metadata()
	at := md.FindKey(lineageKey)
	if at < 0 {
		return nil, fmt.Errorf("no lineage runs")
	}
	raw, err := base64.StdEncoding.DecodeString(md.Values()[at])
	if err != nil {
		return nil, err
	}
	var runs map[string][]ingest.TextRun
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&runs); err != nil {
		return nil, err
	}
	cols := make([]arrow.Array, 0, want.NumFields())
	defer func() {
		for _, c := range cols {
			c.Release()
		}
	}()
	for _, f := range want.Fields() {
		if r, ok := runs[f.Name]; ok {
			n := 0
			for _, run := range r {
				n += run.N
			}
			if int64(n) != rec.NumRows() {
				return nil, fmt.Errorf("%s: runs of %d rows for %d", f.Name, n, rec.NumRows())
			}
			cols = append(cols, ingest.RepeatedText(mem, r))
			continue
		}
		i := rec.Schema().FieldIndices(f.Name)
		if len(i) != 1 || !arrow.TypeEqual(rec.Schema().Field(i[0]).Type, f.Type) {
			return nil, fmt.Errorf("no column %s", f.Name)
		}
		c := rec.Column(i[0])
		c.Retain()
		cols = append(cols, c)
	}
	return array.NewRecordBatch(want, cols, rec.NumRows()), nil
}
