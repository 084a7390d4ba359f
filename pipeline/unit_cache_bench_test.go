package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// BenchmarkKeptUnitsRead: a re-run reads back every unit it does not
// compute again — its results decoded, its files checked — which was
// ~9 ms of a night's CPU for the bench county's 75 units.
func BenchmarkKeptUnitsRead(b *testing.B) {
	dir, inbox := generatedCounty(b, samplecounty.Options{Seed: 3, Units: 15, Rows: 200})
	out := filepath.Join(dir, "out")
	mustRun(b, Options{Inbox: inbox, Out: out})
	pc, err := newParseCache(out, "", domain.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	defer pc.close()
	c, err := newUnitCache(pc, 2025)
	if err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		b.Fatal(err)
	}
	var keys []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			keys = append(keys, e.Name())
		}
	}
	if len(keys) < 15 {
		b.Fatalf("%d units kept, want 15", len(keys))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, key := range keys {
			if _, ok := c.load(key); !ok {
				b.Fatalf("unit %s not read back", key)
			}
		}
	}
	b.ReportMetric(float64(len(keys)*b.N)/b.Elapsed().Seconds(), "units/s")
}
