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
//
// The heap leaves memory scattered as it cycles, more so the longer a run
// reads: the process's peak came to ~110 MiB over the heap's largest goal
// at SCALE=10, and to 480–620 MiB from run to run at SCALE=1. So a soft
// memory limit follows the targets: gcLimitFor the largest goal the run
// has set, which the runtime keeps to by returning what it holds beyond it
// (a collection comes early only if the heap outgrows its goal before the
// next one is set). Peaks at SCALE=1 came to 479–496 MiB, at SCALE=10 to
// 520–541 MiB (from 550–564), the batch no slower.
const (
	batchGCPercent = 150
	gcHeadroom     = 256 << 20
	maxGCPercent   = 400
)

// gcLimitFor is the soft memory limit for a heap goal: 15 % over it, and
// 48 MiB for the runtime's own memory and the goroutines' stacks.
func gcLimitFor(goal uint64) int64 { return int64(goal+goal*15/100) + 48<<20 }

// TuneGC has the collector's target and memory limit set for a batch,
// unless GOGC says otherwise (GOMEMLIMIT, the limit), and returns what puts
// the settings back; the first call in a process also has the heap laid
// out in huge pages (reserveHugeHeap), which stays. It is the program's to
// call (the settings are the whole process's), around Run.
func TuneGC() (restore func()) {
	reserveHugeHeap()
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old, oldLimit := debug.SetGCPercent(maxGCPercent), debug.SetMemoryLimit(-1)
	t := &gcTuner{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}, limits: os.Getenv("GOMEMLIMIT") == ""}
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(old)
		if t.limits {
			debug.SetMemoryLimit(oldLimit)
		}
	}
}

// gcTuner sets the collector's target after each collection, from a
// cleanup that each collection runs and that arms the next.
type gcTuner struct {
	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample
	limits  bool  // the memory limit is the tuner's to set
	limit   int64 // the limit set, the largest so far (0: none yet)
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

// tune sets the target from what the last collection found live, and the
// memory limit from the goal that makes, and reports whether the batch
// still runs.
func (t *gcTuner) tune() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return true
	}
	live := t.sample[0].Value.Uint64()
	pct := gcPercentFor(live)
	debug.SetGCPercent(pct)
	if limit := gcLimitFor(live + live*uint64(pct)/100); t.limits && limit > t.limit {
		t.limit = limit
		debug.SetMemoryLimit(limit)
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
