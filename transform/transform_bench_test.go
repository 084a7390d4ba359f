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

// benchRow is one disclosure row of a benchmark ledger.
type benchRow struct {
	title   string
	day     time.Time
	channel string
}

// benchLedger builds one office's disclosure ledger of rows, outside the
// timed loops; record i sits on row i+3.
func benchLedger(tb testing.TB, mem memory.Allocator, unit, office string, rows []benchRow) arrow.RecordBatch {
	tb.Helper()
	schema := domain.Schema(domain.KindDisclosure)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	file := fmt.Sprintf("%s/%s/%s-%s-2025年台账.xlsx", unit, office, unit, office)
	for i, r := range rows {
		vals := map[string]any{
			domain.FieldTitle: r.title, domain.FieldDate: r.day,
			domain.FieldChannel: r.channel, domain.FieldChannel + domain.RawSuffix: "门户网站",
			domain.LineageFile: file, domain.LineageSheet: "主动公开台账", domain.LineageUnit: unit, domain.LineageOffice: office,
		}
		for fi, f := range schema.Fields() {
			switch fb := b.Field(fi).(type) {
			case *array.StringBuilder:
				s, _ := vals[f.Name].(string)
				fb.Append(s)
			case *array.Date32Builder:
				if d, ok := vals[f.Name].(time.Time); ok {
					fb.Append(arrow.Date32FromTime(d))
				} else {
					fb.AppendNull()
				}
			case *array.Int32Builder:
				fb.Append(int32(i + 3))
			default:
				fb.AppendNull()
			}
		}
	}
	return b.NewRecordBatch()
}

// benchDisclosures builds one office's disclosure ledger of n rows, one in
// twenty a duplicate of the row before.
func benchDisclosures(tb testing.TB, mem memory.Allocator, unit, office string, n int) arrow.RecordBatch {
	tb.Helper()
	channels := []string{"website", "new_media", "bulletin_board"}
	rows := make([]benchRow, n)
	for i := range rows {
		k := i
		if i%20 == 19 {
			k = i - 1 // a duplicate record
		}
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k%365)
		rows[i] = benchRow{fmt.Sprintf("%s%s关于2025年第%d号事项的公告", unit, office, k), day, channels[k%3]}
	}
	return benchLedger(tb, mem, unit, office, rows)
}

// BenchmarkDedup marks the duplicate records of a 100,000-row ledger.
func BenchmarkDedup(b *testing.B) {
	const n = 100_000
	rec := benchDisclosures(b, memory.DefaultAllocator, "白沙镇", "党政办", n)
	defer rec.Release()
	v := make([]verdict, n)
	b.ReportAllocs()
	for b.Loop() {
		clear(v)
		if fs := markDuplicateRecords(domain.KindDisclosure, rec, titleKeys(rec), v); len(fs) != n/20 {
			b.Fatalf("%d duplicates, want %d", len(fs), n/20)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCompute computes the statistics of 15 units of 4 offices with
// 2,000 disclosures each (120,000 rows): classification, unit items, the
// same-day title comparisons and the monthly trend.
func BenchmarkCompute(b *testing.B) {
	cfg := domain.DefaultConfig()
	var offices []OfficeInput
	for _, u := range cfg.Units {
		for _, o := range []string{"党政办", "财政所", "社保所", "农业服务中心"} {
			rec := benchDisclosures(b, memory.DefaultAllocator, u.Name, o, 2000)
			offices = append(offices, OfficeInput{Unit: u.Name, Office: o,
				Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {rec}}})
		}
	}
	benchCompute(b, cfg, offices)
}

// BenchmarkComputeCounty computes the statistics of a county of the bench
// county's size (benchCounty: 75 units, 300 offices, 600,000 disclosures).
func BenchmarkComputeCounty(b *testing.B) {
	cfg, offices := benchCounty(b, memory.DefaultAllocator)
	benchCompute(b, cfg, offices)
}

// benchCompute times Compute on the offices' disclosures and releases them.
func benchCompute(b *testing.B, cfg *domain.Config, offices []OfficeInput) {
	rows := 0
	for _, o := range offices {
		for _, rec := range o.Ledgers[domain.KindDisclosure] {
			defer rec.Release()
			rows += int(rec.NumRows())
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		st, err := Compute(cfg, 2025, offices, memory.DefaultAllocator)
		if err != nil {
			b.Fatal(err)
		}
		st.Release()
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
