package ingest

import "unsafe"

// stringArena makes strings out of a file's shared strings in a few large
// allocations rather than one per string: a ledger's table holds
// thousands. The strings keep their chunk alive, and a chunk is never
// written again where a string lies.
type stringArena struct{ chunk []byte }

// arenaChunk is the size of the arena's chunks; longer texts get their own.
const arenaChunk = 64 << 10

// string returns a string of b's bytes.
func (a *stringArena) string(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaChunk/4 {
		return string(b)
	}
	if cap(a.chunk)-len(a.chunk) < len(b) {
		a.chunk = make([]byte, 0, arenaChunk)
	}
	at := len(a.chunk)
	a.chunk = append(a.chunk, b...)
	return unsafe.String(&a.chunk[at], len(b))
}
