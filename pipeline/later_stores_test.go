package pipeline

import (
	"context"
	"log/slog"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
)

// TestHeldFilesStoredBeforeSetAside: the files whose records are held are
// stored in the parse cache once every file is being read, and a file the
// budget takes out meanwhile is stored before its records are let go:
// after reading, every parsed file's records come back from the cache
// whole, held or set aside.
func TestHeldFilesStoredBeforeSetAside(t *testing.T) {
	cfg := domain.DefaultConfig()
	inbox, files := sampleInbox(t, cfg, 3)
	reader, err := ingest.NewReader(cfg, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	// A budget that every file's records fit in, but not with what the run
	// keeps of every file: the files held last are taken out as the later
	// ones are described.
	probe := &heldBudget{limit: 1 << 40}
	var described int64
	for _, s := range readInbox(t, reader, inbox, files) {
		probe.reserve(s)
		described += describedBytes(s)
		s.Release()
	}
	cache, err := newParseCache(t.TempDir(), "test", cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer cache.close()
	opt := Options{Inbox: inbox, Workers: 2, HeldBytes: probe.used + described/2, Logger: slog.New(slog.DiscardHandler)}
	var counts readCounts
	subs, err := readAll(context.Background(), opt, files, cache, reader, &counts)
	if err != nil {
		t.Fatal(err)
	}
	if counts.setAside == 0 || counts.setAside >= counts.parsed {
		t.Fatalf("%d of %d files set aside: the budget should take some out", counts.setAside, counts.parsed)
	}
	held := 0
	for _, s := range subs {
		if s == nil || s.Rejected != "" || len(s.Rows) == 0 {
			continue
		}
		if len(s.Records) > 0 {
			held++
		}
		recs, err := cache.loadRecords(s.Path, s.SHA256, memory.DefaultAllocator)
		if err != nil {
			t.Errorf("%s (held %v): not in the parse cache: %v", s.Path, len(s.Records) > 0, err)
			continue
		}
		for k, n := range s.Rows {
			if rec := recs[k]; rec == nil || int(rec.NumRows()) != n {
				t.Errorf("%s: %s rows from the cache differ from the %d read", s.Path, k, n)
			}
		}
		for _, rec := range recs {
			rec.Release()
		}
		s.Release()
	}
	if held == 0 {
		t.Errorf("no file held: the stores after reading are not exercised")
	}
}
