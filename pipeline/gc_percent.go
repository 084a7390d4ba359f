package pipeline

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// batchGCPercent is the garbage collector's target while a batch runs
// (Go's default is 100): the heap may grow to 2.5 times what is live
// instead of 2 times. A batch's live memory is bounded by design (records
// held up to Options.HeldBytes, one unit's working set per core), so this
// costs a fixed share — on the bench county, 390 → 470 MiB at the peak —
// and saves a sixth of the collections: 6 % of the batch's time.
const batchGCPercent = 150

// gcHeadroom is what the heap may grow by past what is live, at the
// least. A re-run that computes a few units lives in a few tens of MiB,
// where 2.5 times as much meant a collection every few milliseconds (eight
// in a 0.13 s re-run of the bench county); and the units' stage of a large
// county lives in 100–160 MiB that grows as units are done, mostly
// pointer-free, where 2.5 times made the collector 7 % of the SCALE=10
// batch against 2 % at SCALE=1. The peak stays where reading the files puts
// it (2.5 times the records held and the files being read). Past 170 MiB
// live, batchGCPercent gives more. maxGCPercent bounds the target in the
// first collections, with almost nothing live.
const (
	gcHeadroom   = 256 << 20
	maxGCPercent = 400
)

// TuneGC sets the collector's target for a batch, unless GOGC says
// otherwise, and returns what puts the setting back: after every
// collection, the target lets the heap grow by the larger of
// batchGCPercent of what is live and gcHeadroom. It is the program's to
// call (the setting is the whole process's), around Run.
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
// finalizer that each collection runs and that arms the next.
type gcTuner struct {
	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample
}

// gcSentinel is an object whose finalizer runs after a collection.
type gcSentinel struct{ t *gcTuner }

func (t *gcTuner) arm() {
	runtime.SetFinalizer(&gcSentinel{t}, func(s *gcSentinel) {
		if s.t.tune() {
			s.t.arm()
		}
	})
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
