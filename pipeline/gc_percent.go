package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The garbage collector's target while a batch runs is set after every
// collection from what it found live (Go's default lets the heap grow to 2
// times that): the heap may grow by batchGCPercent of what is live or by
// gcHeadroom, whichever is more, up to maxGCPercent.
//
// A batch's live memory is bounded by design (records held up to
// Options.HeldBytes, one unit's working set per core), so 150 rather than
// 100 costs a fixed share of memory — on the bench county, 390 → 470 MiB
// at the peak — for a sixth fewer collections: 6 % of the batch's time.
// Where little is live, a proportion is too little: a re-run that computes
// a few units lives in a few tens of MiB, where 2.5 times as much meant a
// collection every few milliseconds (eight in a 0.13 s re-run of the bench
// county); and the units' stage of a large county lives in 100–160 MiB,
// mostly pointer-free, which grows as units are done, where 2.5 times made
// the collector 7 % of the SCALE=10 batch against 2 % at SCALE=1. The peak
// stays where reading the files puts it (2.5 times the records held and
// the files being read). gcHeadroom gives more than batchGCPercent below
// 170 MiB live; maxGCPercent, below 64 MiB (the first collections, a
// re-run's).
const (
	batchGCPercent = 150
	gcHeadroom     = 256 << 20
	maxGCPercent   = 400
)

// TuneGC has the collector's target set for a batch, unless GOGC says
// otherwise, and returns what puts the setting back. It is the program's
// to call (the setting is the whole process's), around Run.
func TuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(maxGCPercent)
	t := &gcTuner{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(old)
	}
}

// gcTuner sets the collector's target after each collection, from a
// cleanup that each collection runs and that arms the next.
type gcTuner struct {
	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample
}

// gcSentinel is an object left unreachable for a collection to find; it
// holds a pointer, so that it has an allocation of its own and its cleanup
// runs (tiny pointer-free objects may share one).
type gcSentinel struct{ _ *byte }

// arm has the next collection run tune.
func (t *gcTuner) arm() {
	runtime.AddCleanup(&gcSentinel{}, func(t *gcTuner) {
		if t.tune() {
			t.arm()
		}
	}, t)
}

// tune sets the target from what the last collection found live, and
// reports whether the batch still runs.
func (t *gcTuner) tune() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		debug.SetGCPercent(gcPercentFor(t.sample[0].Value.Uint64()))
	}
	return true
}

// gcPercentFor is the target for live bytes: batchGCPercent, or more to
// give gcHeadroom, up to maxGCPercent.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	return int(min(max(gcHeadroom*100/live, batchGCPercent), maxGCPercent))
}
