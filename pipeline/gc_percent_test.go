package pipeline

import (
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

// TestTuneGC: a run sets its collector target after every collection from
// what is live, and puts the one before back; a GOGC the operator set is
// left alone.
func TestTuneGC(t *testing.T) {
	before := gcPercent()
	t.Setenv("GOGC", "")
	restore := TuneGC()
	if got := gcPercent(); got != maxGCPercent {
		t.Errorf("at the run's start GOGC is %d, want %d", got, maxGCPercent)
	}
	live := make([]byte, 300<<20) // more than 170 MiB live: batchGCPercent
	if got := collectUntil(batchGCPercent); got != batchGCPercent {
		t.Errorf("with %d MiB live GOGC is %d, want %d", len(live)>>20, got, batchGCPercent)
	}
	runtime.KeepAlive(live)
	live = nil // little live again: the target of the first collections, at every collection
	if got := collectUntil(maxGCPercent); got != maxGCPercent {
		t.Errorf("with little live GOGC is %d, want %d", got, maxGCPercent)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("after the run GOGC is %d, want %d as before", got, before)
	}
	for range 5 { // a cleanup armed before the end runs once more, and changes nothing
		runtime.GC()
		time.Sleep(2 * time.Millisecond)
	}
	if got := gcPercent(); got != before {
		t.Errorf("collections after the run set GOGC %d, want %d as before", got, before)
	}
	t.Setenv("GOGC", "80")
	debug.SetGCPercent(80)
	defer debug.SetGCPercent(before)
	restore = TuneGC()
	if got := gcPercent(); got != 80 {
		t.Errorf("GOGC=80 set by the operator became %d", got)
	}
	restore()
}
