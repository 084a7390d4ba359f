package pipeline

import (
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// hugeHeapBytes is how much of the heap is advised for transparent huge
// pages: more than the largest heap a batch reaches (~540 MiB at the
// peak of the bench's SCALE=10 county).
//
// A process's first touch of a page of memory is a page fault, and in a
// virtual machine whose guest page tables the hypervisor keeps (the
// development machine's, session 15) one fault costs ~11 µs: a re-run of
// the bench county faulted 24k times, ~0.26 of its ~0.65 CPU-seconds,
// a cold batch 116k times. A huge page takes one fault for 2 MiB. Go's
// runtime asks for none, and Linux's default THP mode (madvise) gives
// them only where asked for (in mode always the heap has them anyway).
const hugeHeapBytes = 1 << 30

// reserveHugeHeap has the runtime map hugeHeapBytes of heap at once, as
// one allocation, advises it for huge pages and gives it back (a forced
// collection, the pages returned untouched): the heap's allocations take
// the lowest free pages first, so the batch's heap lives in it. Once per
// process; nothing unless the system gives huge pages where advised
// (mode madvise), or where GODEBUG's disablethp=1 keeps the heap off them.
var reserveHugeHeap = sync.OnceFunc(func() {
	if thpMode() != "madvise" || !hugePagesWanted(os.Getenv("GODEBUG")) {
		return
	}
	func() { adviseHugePages(make([]byte, hugeHeapBytes)) }()
	debug.FreeOSMemory()
})

// hugePagesWanted reports whether GODEBUG leaves the heap to huge pages:
// unless disablethp=1.
func hugePagesWanted(godebug string) bool {
	wanted := true
	for _, kv := range strings.Split(godebug, ",") { // the last setting wins, as in the runtime
		if v, ok := strings.CutPrefix(strings.TrimSpace(kv), "disablethp="); ok {
			wanted = v != "1"
		}
	}
	return wanted
}

// bracketedMode is the mode a sysfs setting marks as chosen, as in
// "always [madvise] never".
func bracketedMode(setting string) string {
	_, rest, ok := strings.Cut(setting, "[")
	mode, _, closed := strings.Cut(rest, "]")
	if !ok || !closed {
		return ""
	}
	return mode
}
