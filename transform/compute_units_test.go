package transform

import (
	"bytes"
	"context"
	"encoding/gob"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output/samplecounty"
)

// generatedCounty reads a generated county with every kind of duplicate
// planted (samplecounty.Options.Duplicates) into the offices' inputs, each
// office with every ledger of its files, allocated from mem; at the end of
// the test the ledgers are released and mem is checked for leaks.
func generatedCounty(t *testing.T) (cfg *domain.Config, offices []OfficeInput, mem *memory.CheckedAllocator) {
	t.Helper()
	mem = memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	t.Cleanup(func() {
		for _, o := range offices {
			releaseCounted(o.Ledgers)
		}
	})
	cfg = domain.DefaultConfig()
	dir := t.TempDir()
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 11, Units: 5, Rows: 60, Duplicates: true}); err != nil {
		t.Fatal(err)
	}
	r, err := ingest.NewReader(cfg, mem)
	if err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(dir, samplecounty.InboxDir)
	index := map[[2]string]int{}
	err = filepath.WalkDir(inbox, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(inbox, p)
		s, err := r.ReadFile(context.Background(), inbox, filepath.ToSlash(rel))
		if err != nil || s.Rejected != "" {
			return err
		}
		key := [2]string{s.Unit, s.Office}
		i, ok := index[key]
		if !ok {
			i = len(offices)
			index[key] = i
			offices = append(offices, OfficeInput{Unit: s.Unit, Office: s.Office, Ledgers: map[domain.Kind][]arrow.RecordBatch{}})
		}
		for k, rec := range s.Records {
			offices[i].Ledgers[k] = append(offices[i].Ledgers[k], rec)
		}
		if s.Summary != nil {
			offices[i].Summary = s.Summary
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return cfg, offices, mem
}

// TestComputeSameWithAnyWorkers computes a generated county one unit at a
// time and several at a time: the statistics are the same, findings and
// counted records in the same order.
func TestComputeSameWithAnyWorkers(t *testing.T) {
	cfg, offices, mem := generatedCounty(t)

	one, err := computeUnits(cfg, 2025, offices, mem, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Release()
	rules := map[string]bool{}
	for _, f := range one.Findings {
		rules[f.Rule] = true
	}
	for _, r := range []string{domain.RuleDuplicate, domain.RuleSameItem, domain.RuleNearDuplicate} {
		if !rules[r] {
			t.Fatalf("the county shows no %s finding: it tests too little", r)
		}
	}
	for _, workers := range []int{2, 4} {
		many, err := computeUnits(cfg, 2025, offices, mem, workers)
		if err != nil {
			t.Fatal(err)
		}
		if diff := statisticsDiff(one, many); diff != "" {
			t.Errorf("%d workers: %s differ from 1 worker's", workers, diff)
		}
		many.Release()
	}
}

// TestComputeSameOnAnyCores computes a generated county unit by unit on
// one core and on four: a unit's offices worked out side by side and its
// same-day titles compared in runs of days side by side give the same
// statistics as one after another, findings and counted records in the
// same order.
func TestComputeSameOnAnyCores(t *testing.T) {
	cfg, offices, mem := generatedCounty(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one, err := computeUnits(cfg, 2025, offices, mem, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Release()
	runtime.GOMAXPROCS(4)
	many, err := computeUnits(cfg, 2025, offices, mem, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer many.Release()
	if diff := statisticsDiff(one, many); diff != "" {
		t.Errorf("on 4 cores: %s differ from 1 core's", diff)
	}
}

// TestDayRuns cuts days of items into runs: every day once, in order,
// whole; at most as many runs as asked; each run but the last the shortest
// that holds its share of the items.
func TestDayRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for trial := range 200 {
		order := make([]int32, r.IntN(40))
		perDay := map[int32]int{}
		items := 0
		for i := range order {
			order[i] = int32(i * 7)
			perDay[order[i]] = 1 + r.IntN(30)
			items += perDay[order[i]]
		}
		parts := 1 + trial%5
		runs := dayRuns(order, perDay, items, parts)
		if len(runs) > parts || (len(order) > 0) != (len(runs) > 0) {
			t.Fatalf("%d days in %d runs, at most %d asked", len(order), len(runs), parts)
		}
		from, day := 0, 0
		for k, run := range runs {
			inRun := 0
			for _, d := range run {
				if d.from != from || d.n != perDay[order[day]] {
					t.Fatalf("run %d: day %+v, want %d items from %d", k, d, perDay[order[day]], from)
				}
				from, day, inRun = from+d.n, day+1, inRun+d.n
			}
			if last := run[len(run)-1].n; k < len(runs)-1 && (inRun*parts < items || (inRun-last)*parts >= items) {
				t.Errorf("run %d of %d holds %d of %d items", k, len(runs), inRun, items)
			}
		}
		if day != len(order) {
			t.Fatalf("%d of %d days in the runs", day, len(order))
		}
	}
}

// statisticsDiff names the first field in which a and b differ, "" if none.
func statisticsDiff(a, b *Statistics) string {
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"offices", a.Offices, b.Offices}, {"units", a.Units, b.Units}, {"county", a.County, b.County},
		{"findings", a.Findings, b.Findings}, {"monthly", a.Monthly, b.Monthly},
		{"tallies", a.Tally, b.Tally}, {"tallies by kind", a.ByKind, b.ByKind},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			return f.name
		}
	}
	if len(a.Counted) != len(b.Counted) {
		return "counted kinds"
	}
	for k, recs := range a.Counted {
		if len(recs) != len(b.Counted[k]) {
			return "counted batches of " + string(k)
		}
		for i, rec := range recs {
			if !array.RecordEqual(rec, b.Counted[k][i]) {
				return "counted records of " + string(k)
			}
		}
	}
	return ""
}

// TestUnitFiguresGob encodes a unit's figures with encoding/gob and back.
func TestUnitFiguresGob(t *testing.T) {
	cfg, offices, mem := generatedCounty(t)
	var mine []OfficeInput
	for _, o := range offices {
		if o.Unit == offices[0].Unit {
			mine = append(mine, o)
		}
	}
	u, err := ComputeUnit(cfg, 2025, offices[0].Unit, mine, mem)
	if err != nil {
		t.Fatal(err)
	}
	defer u.Release()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(u.UnitFigures); err != nil {
		t.Fatal(err)
	}
	var back UnitFigures
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, u.UnitFigures) {
		t.Error("the figures read back differ from those written")
	}
}

// TestComputeUnitRefusesAnotherUnitsOffice gives a unit an office of
// another unit.
func TestComputeUnitRefusesAnotherUnitsOffice(t *testing.T) {
	_, err := ComputeUnit(domain.DefaultConfig(), 2025, "白沙镇", []OfficeInput{{Unit: "党江镇", Office: "党政办"}}, nil)
	if err == nil {
		t.Error("no error")
	}
}
