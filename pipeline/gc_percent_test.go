package pipeline

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
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
	live := make([]byte, 200<<20) // more than gcHeadroom live: batchGCPercent
	runtime.GC()
	for deadline := time.Now().Add(5 * time.Second); gcPercent() != batchGCPercent && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond) // the tuner runs as a finalizer, after the collection
	}
	if got := gcPercent(); got != batchGCPercent {
		t.Errorf("with %d MiB live GOGC is %d, want %d", len(live)>>20, got, batchGCPercent)
	}
	runtime.KeepAlive(live)
	live = nil // nothing much live again: the target of the first collections, at every collection
	runtime.GC()
	for deadline := time.Now().Add(5 * time.Second); gcPercent() != maxGCPercent && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if got := gcPercent(); got != maxGCPercent {
		t.Errorf("with little live GOGC is %d, want %d", got, maxGCPercent)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("after the run GOGC is %d, want %d as before", got, before)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := gcPercent(); got != before {
		t.Errorf("a collection after the run set GOGC %d, want %d as before", got, before)
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
