package transform

import (
	"fmt"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// Test fixtures of the checks: one office's ledgers and summary, computed
// and checked.

const (
	testFile  = "白沙镇/党政办/台账.xlsx"
	testSheet = "台账"
)

// ledgerOf builds a batch of kind k read from testFile/testSheet by
// 白沙镇党政办, record i on row i+3; a row maps field names to string,
// time.Time, float64 or bool (absent: blank).
func ledgerOf(t *testing.T, mem memory.Allocator, k domain.Kind, rows ...map[string]any) arrow.RecordBatch {
	t.Helper()
	return buildBatch(t, mem, k, map[string]any{
		domain.LineageFile: testFile, domain.LineageSheet: testSheet,
		domain.LineageUnit: "白沙镇", domain.LineageOffice: "党政办",
	}, rows)
}

// buildBatch builds a batch of kind k: record i from rows[i] (field name →
// string, time.Time, float64 or bool; absent: blank or null), on row i+3,
// with the lineage values of lineage where the row gives none.
func buildBatch(t *testing.T, mem memory.Allocator, k domain.Kind, lineage map[string]any, rows []map[string]any) arrow.RecordBatch {
	t.Helper()
	b := array.NewRecordBuilder(mem, domain.Schema(k))
	defer b.Release()
	for i, row := range rows {
		for fi, f := range b.Schema().Fields() {
			v, ok := row[f.Name]
			if lv, isLineage := lineage[f.Name]; isLineage && !ok {
				v, ok = lv, true
			}
			if f.Name == domain.LineageRow {
				v, ok = int32(i+3), true
			}
			switch fb := b.Field(fi).(type) {
			case *array.StringBuilder:
				s, _ := v.(string)
				fb.Append(s)
			case *array.Int32Builder:
				fb.Append(v.(int32))
			case *array.Date32Builder:
				if ok {
					fb.Append(arrow.Date32FromTime(v.(time.Time)))
				} else {
					fb.AppendNull()
				}
			case *array.Float64Builder:
				if ok {
					fb.Append(v.(float64))
				} else {
					fb.AppendNull()
				}
			case *array.BooleanBuilder:
				if ok {
					fb.Append(v.(bool))
				} else {
					fb.AppendNull()
				}
			}
		}
	}
	return b.NewRecordBatch()
}

// selfReport builds a self-reported table: a value of "" is a blank cell;
// each metric sits in its own row of column D.
func selfReport(vals map[string]any) *domain.SelfReport {
	sr := &domain.SelfReport{Values: domain.Metrics{}, Cells: map[string]domain.Pos{}}
	for i, id := range domain.MetricIDs(nil) {
		v, ok := vals[id]
		if !ok {
			continue
		}
		sr.Cells[id] = domain.Pos{File: testFile, Sheet: "年报", Row: i + 1, Col: 4}
		switch v := v.(type) {
		case string:
			sr.Missing = append(sr.Missing, id)
		case int:
			sr.Values[id] = float64(v)
		case float64:
			sr.Values[id] = v
		}
	}
	return sr
}

// t3Full is a consistent 表三 of one natural-person application, received
// and granted in the year, every cell filled.
func t3Full() map[string]any {
	m := map[string]any{}
	for _, r := range domain.T3Rows {
		for _, c := range domain.T3Columns {
			m[domain.T3Metric(r.ID, c.ID)] = 0
		}
	}
	for _, id := range []string{"t3.new.natural", "t3.new.total", "t3.granted.natural", "t3.granted.total", "t3.total.natural", "t3.total.total"} {
		m[id] = 1
	}
	return m
}

// checkOffice is the one office of the fixtures.
func checkOffice(sr *domain.SelfReport, ledgers map[domain.Kind][]arrow.RecordBatch) OfficeInput {
	if ledgers == nil {
		ledgers = map[domain.Kind][]arrow.RecordBatch{}
	}
	return OfficeInput{Unit: "白沙镇", Office: "党政办", Ledgers: ledgers, Summary: sr}
}

// columnsOf are the fixture ledger's columns, in template order from A.
func columnsOf(k domain.Kind) map[SheetRef]map[string]int {
	cols := map[string]int{}
	for i, f := range domain.LedgerFields[k] {
		cols[f.Name] = i + 1
	}
	return map[SheetRef]map[string]int{{testFile, testSheet}: cols}
}

// runChecks computes and checks one year of the offices and returns the findings
// of the given rules.
func runChecks(t *testing.T, cfg *domain.Config, in CheckInput, rules ...string) []domain.Finding {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	st, err := Compute(cfg, 2025, in.Offices, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Release()
	in.Stats = st
	var out []domain.Finding
	for _, f := range Check(cfg, 2025, in) {
		for _, r := range rules {
			if f.Rule == r {
				out = append(out, f)
			}
		}
	}
	return out
}

// where names a finding by rule, severity and cell, for comparisons.
func where(f domain.Finding) string {
	return fmt.Sprintf("%s %s %s", f.Rule, f.Severity, f.Pos.Cell())
}

// wheres names findings.
func wheres(fs []domain.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, where(f))
	}
	return out
}

// cellOf is the fixture summary cell of a metric.
func cellOf(id string) string {
	for i, m := range domain.MetricIDs(nil) {
		if m == id {
			return domain.Pos{Row: i + 1, Col: 4}.Cell()
		}
	}
	return "?"
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
