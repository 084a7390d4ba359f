package pipeline

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcPercent reads the collector's target without setting it.
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// collectUntil collects until the collector's target is want (the tuner
// runs after a collection, as a cleanup) or a few seconds have passed, and
// returns the target.
func collectUntil(want int) int {
	for deadline := time.Now().Add(5 * time.Second); gcPercent() != want && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return gcPercent()
}

// TestGCPercentFor: the heap may grow by gcHeadroom at the least, and by
// batchGCPercent of what is live once that is more, within maxGCPercent.
func TestGCPercentFor(t *testing.T) {
	for live, want := range map[uint64]int{
		0: maxGCPercent, 1 << 20: maxGCPercent, 64 << 20: maxGCPercent, 128 << 20: 200,
		200 << 20: batchGCPercent, 1 << 30: batchGCPercent,
	} {
		if got := gcPercentFor(live); got != want {
			t.Errorf("%d MiB live: GOGC %d, want %d", live>>20, got, want)
		}
	}
}

// TestGCLimitFor: the memory limit is 15 % and 48 MiB over a heap goal.
func TestGCLimitFor(t *testing.T) {
	for goal, want := range map[uint64]int64{0: 48 << 20, 100 << 20: 163 << 20, 400 << 20: 508 << 20} {
		if got := gcLimitFor(goal); got != want {
			t.Errorf("goal %d MiB: limit %d MiB, want %d", goal>>20, got>>20, want>>20)
		}
	}
}

// TestTuneGC: a run sets its collector target after every collection from
// what is live, and a memory limit that follows the largest goal; it puts
// the settings before back; a GOGC or GOMEMLIMIT the operator set is left
// alone.
func TestTuneGC(t *testing.T) {
	before, beforeLimit := gcPercent(), debug.SetMemoryLimit(-1)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	restore := TuneGC()
	if got := gcPercent(); got != maxGCPercent {
		t.Errorf("at the run's start GOGC is %d, want %d", got, maxGCPercent)
	}
	live := make([]byte, 300<<20) // more than 170 MiB live: batchGCPercent
	if got := collectUntil(batchGCPercent); got != batchGCPercent {
		t.Errorf("with %d MiB live GOGC is %d, want %d", len(live)>>20, got, batchGCPercent)
	}
	// 300 MiB live at 150 %: a goal of 750 MiB, a limit of 910 MiB at least.
	if got := debug.SetMemoryLimit(-1); got < gcLimitFor(750<<20) || got == math.MaxInt64 {
		t.Errorf("with %d MiB live the memory limit is %d MiB, want at least %d", len(live)>>20, got>>20, gcLimitFor(750<<20)>>20)
	}
	runtime.KeepAlive(live)
	peak := debug.SetMemoryLimit(-1)
	live = nil // little live again: the target of the first collections, at every collection
	if got := collectUntil(maxGCPercent); got != maxGCPercent {
		t.Errorf("with little live GOGC is %d, want %d", got, maxGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != peak {
		t.Errorf("with little live the memory limit went from %d to %d MiB; it follows the largest goal", peak>>20, got>>20)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("after the run GOGC is %d, want %d as before", got, before)
	}
	if got := debug.SetMemoryLimit(-1); got != beforeLimit {
		t.Errorf("after the run the memory limit is %d, want %d as before", got, beforeLimit)
	}
	for range 5 { // a cleanup armed before the end runs once more, and changes nothing
		runtime.GC()
		time.Sleep(2 * time.Millisecond)
	}
	if got := gcPercent(); got != before {
		t.Errorf("collections after the run set GOGC %d, want %d as before", got, before)
	}
	t.Setenv("GOMEMLIMIT", "2GiB") // the operator's limit: GOGC tuned, the limit left alone
	debug.SetMemoryLimit(2 << 30)
	defer debug.SetMemoryLimit(beforeLimit)
	restore = TuneGC()
	live = make([]byte, 300<<20)
	collectUntil(batchGCPercent)
	if got := debug.SetMemoryLimit(-1); got != 2<<30 {
		t.Errorf("GOMEMLIMIT=2GiB set by the operator became %d MiB", got>>20)
	}
	runtime.KeepAlive(live)
	live = nil
	restore()
	t.Setenv("GOGC", "80")
	debug.SetGCPercent(80)
	defer debug.SetGCPercent(before)
	restore = TuneGC()
	if got := gcPercent(); got != 80 {
		t.Errorf("GOGC=80 set by the operator became %d", got)
	}
	restore()
}
