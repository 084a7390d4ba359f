package output

import (
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// BenchmarkWrite writes a county of 15 units with 20,000 disclosures and
// reports records written per second (each record lands in the county
// workbook, its unit's workbook and the Parquet file).
func BenchmarkWrite(b *testing.B) {
	const n = 20_000
	mem := memory.NewGoAllocator()
	cfg := domain.DefaultConfig()
	var rows []row
	for i := range n {
		u := cfg.Units[i%len(cfg.Units)].Name
		rows = append(rows, lineage(u, "党政办", u+"/党政办/台账.xlsx", "主动公开", i+3).with(row{
			domain.FieldSeq: fmt.Sprint(i + 1), domain.FieldTitle: fmt.Sprintf("%s关于第%d项工作的通知", u, i),
			domain.FieldDate: day(2025, 1+i%12, 1+i%28), domain.FieldChannel: "website",
			domain.FieldChannel + domain.RawSuffix: "门户网站",
		}))
	}
	batch := buildBatch(b, mem, domain.KindDisclosure, rows...)
	defer batch.Release()
	r := &Report{Year: testYear, Config: cfg,
		Records: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {batch}}}
	for _, u := range cfg.Units {
		r.Units = append(r.Units, UnitReport{Name: u.Name, Metrics: domain.Metrics{}})
	}
	dir := b.TempDir()
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(dir, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}
