package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gongkai/domain"
)

// corpusDir holds real spreadsheets from many programs (shared/corpus).
var corpusDir = filepath.Join("..", "..", "shared", "corpus")

// perFileLimit is the time one corpus file may take before it counts as a hang.
const perFileLimit = 30 * time.Second

// TestCorpus reads every file of the shared corpus: no panic, no hang, and
// each file either yields records or is rejected with a reason.
func TestCorpus(t *testing.T) {
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skipf("no corpus here: %v", err)
	}
	if testing.Short() {
		t.Skip("the corpus takes a while; not in -short")
	}
	r, err := NewReader(domain.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tally := map[string]int{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".tsv") {
			continue
		}
		type result struct {
			sub *Submission
			err error
		}
		done := make(chan result, 1)
		go func() {
			s, err := r.ReadFile(context.Background(), corpusDir, name)
			done <- result{s, err}
		}()
		var res result
		select {
		case res = <-done:
		case <-time.After(perFileLimit):
			t.Errorf("%s: no answer within %v", name, perFileLimit)
			continue
		}
		if res.err != nil {
			t.Errorf("%s: %v", name, res.err)
			continue
		}
		s := res.sub
		records := 0
		for _, rec := range s.Records {
			records += int(rec.NumRows())
		}
		switch {
		case s.Rejected != "":
			if !hasRule(s.Findings, domain.RuleFileRejected) {
				t.Errorf("%s: rejected without an I1 finding", name)
			}
			tally["rejected: "+string(s.Format)+": "+firstWords(s.Rejected)]++
		case records > 0:
			tally["read, with records"]++
		default:
			tally["read, no records (cover or tables only)"]++
		}
		s.Release()
	}
	keys := make([]string, 0, len(tally))
	for k := range tally {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%4d  %s", tally[k], k)
	}
}

func hasRule(fs []domain.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// firstWords keeps a rejection reason's first clause, for the tally.
func firstWords(s string) string {
	if i := strings.IndexAny(s, "，。（"); i > 0 {
		return s[:i]
	}
	return s
}
