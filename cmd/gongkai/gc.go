package main

import (
	"os"
	"runtime/debug"
)

// batchGCPercent is the collector's target for the batch, which keeps every
// record from reading to writing: 70 instead of Go's 100 keeps the peak
// memory of a county of 600k ledger rows under 1 GiB (883–888 MiB against
// 1,035 MiB in bench runs) for a few percent of time. GOGC in the
// environment still wins.
const batchGCPercent = 70

// tuneGC sets the batch's collector target unless the operator set GOGC.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
}
