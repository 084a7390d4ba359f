package pipeline

import (
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestTuneGC: a run sets its collector target and puts the one before
// back; a GOGC the operator set is left alone.
func TestTuneGC(t *testing.T) {
	before := gcPercent()
	t.Setenv("GOGC", "")
	restore := TuneGC()
	if got := gcPercent(); got != batchGCPercent {
		t.Errorf("during the run GOGC is %d, want %d", got, batchGCPercent)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("after the run GOGC is %d, want %d as before", got, before)
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
