package pipeline

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output/samplecounty"
)

// readSample reads the files of a small sample county, each as its own
// submission with its records.
func readSample(t *testing.T, units int) []*ingest.Submission {
	t.Helper()
	subs, _ := readSampleWith(t, units)
	return subs
}

// readSampleWith is readSample, and the reader that read the files.
func readSampleWith(t *testing.T, units int) ([]*ingest.Submission, *ingest.Reader) {
	t.Helper()
	cfg := domain.DefaultConfig()
	inbox, files := sampleInbox(t, cfg, units)
	reader, err := ingest.NewReader(cfg, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	return readInbox(t, reader, inbox, files), reader
}

// sampleInbox generates a small sample county and lists its inbox.
func sampleInbox(t *testing.T, cfg *domain.Config, units int) (string, []inboxFile) {
	t.Helper()
	dir := t.TempDir()
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 5, Units: units, Rows: 20}); err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(dir, "inbox")
	files, err := listInbox(inbox, 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return inbox, files
}

// readInbox reads the listed files, each as its own submission: those
// with records, of which there must be three or more.
func readInbox(t *testing.T, reader *ingest.Reader, inbox string, files []inboxFile) []*ingest.Submission {
	t.Helper()
	var subs []*ingest.Submission
	for _, f := range files {
		if f.ignore != "" {
			continue
		}
		s, err := reader.ReadFile(context.Background(), inbox, f.rel)
		if err != nil || s.Rejected != "" || len(s.Records) == 0 {
			continue
		}
		subs = append(subs, s)
	}
	if len(subs) < 3 {
		t.Fatalf("%d files with records read", len(subs))
	}
	return subs
}

// TestDescribedFilesTakeTheRecordsPlace: what the run keeps of the files
// read counts against the records held; past the limit, the records held
// last are taken out of the budget (the caller sets them aside once
// stored), and those held first stay.
func TestDescribedFilesTakeTheRecordsPlace(t *testing.T) {
	subs := readSample(t, 1)
	first, second, third := subs[0], subs[1], subs[2]
	probe := &heldBudget{limit: 1 << 40}
	probe.reserve(first)
	probe.reserve(second)
	records := probe.used
	h := &heldBudget{limit: records + describedBytes(first) + describedBytes(second) + describedBytes(third)/2}
	for _, s := range []*ingest.Submission{first, second} {
		if !h.reserve(s) {
			t.Fatalf("%s: records not held within the limit", s.Path)
		}
		if out := h.describe(s); len(out) != 0 {
			t.Fatalf("%s: %d files taken out within the limit", s.Path, len(out))
		}
	}
	if out := h.describe(third); len(out) != 1 || out[0] != second {
		t.Fatalf("the third file's description took out %d files, want the one held last", len(out))
	}
	if len(second.Records) == 0 {
		t.Errorf("the records taken out were let go before the caller stored them")
	}
	if len(first.Records) == 0 {
		t.Errorf("the records held first were let go")
	}
	if h.used > h.limit {
		t.Errorf("%d bytes counted, over the limit of %d", h.used, h.limit)
	}
	for _, s := range subs {
		s.Release()
	}
}

// TestDescribedBytesEstimate: the estimate of what stays of a file is near
// the memory its description takes once its records are let go.
func TestDescribedBytesEstimate(t *testing.T) {
	subs := readSample(t, 3)
	var est int64
	for _, s := range subs {
		setAside(s)
		est += describedBytes(s)
	}
	n := len(subs)
	with := heapAlloc()
	runtime.KeepAlive(subs)
	taken := with - heapAlloc() // subs are let go
	if taken <= 0 || est < taken/2 || est > 2*taken {
		t.Errorf("%d files: %d bytes estimated, %d taken", n, est, taken)
	}
	t.Logf("%d files: %d bytes estimated, %d taken", n, est, taken)
}

// heapAlloc is the heap's live bytes. The second collection frees what
// sync.Pools let go at the first.
func heapAlloc() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// TestReaderKeepsNoFile: what a reader keeps across files (its memos of
// keys) holds none of a file's memory — the shared strings of a file are
// read into an arena that one kept string would keep whole.
func TestReaderKeepsNoFile(t *testing.T) {
	subs, reader := readSampleWith(t, 3)
	for _, s := range subs {
		s.Release()
	}
	subs = nil
	with := heapAlloc()
	runtime.KeepAlive(reader)
	kept := with - heapAlloc() // the reader is let go
	fresh, err := ingest.NewReader(domain.DefaultConfig(), memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	with = heapAlloc()
	runtime.KeepAlive(fresh)
	own := with - heapAlloc() // what a reader holds before reading anything
	// Its memos of keys grow by ~70 KB over these files; one file's arena
	// kept by each would be ~900 KB.
	if kept-own > 256<<10 {
		t.Errorf("a reader keeps %d bytes after reading the files, %d before", kept, own)
	}
	t.Logf("a reader keeps %d bytes after reading the files, %d before", kept, own)
}
