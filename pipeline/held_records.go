package pipeline

import (
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/ingest"
)

// defaultHeldBytes is how many bytes of parsed records a run keeps in
// memory between reading a file and its unit's turn, unless
// Options.HeldBytes says otherwise. Past it, records wait in the parse
// cache: memory stays flat however many files the inbox holds.
const defaultHeldBytes = 256 << 20

// heldBudget counts the bytes of records held.
type heldBudget struct {
	limit int64
	used  atomic.Int64
}

func newHeldBudget(opt Options) *heldBudget {
	limit := opt.HeldBytes
	if limit == 0 {
		limit = defaultHeldBytes
	}
	return &heldBudget{limit: limit}
}

// full reports whether s's records would pass the budget; when they fit,
// they are counted as held.
func (h *heldBudget) full(s *ingest.Submission) bool {
	var n int64
	for _, rec := range s.Records {
		for _, col := range rec.Columns() {
			n += dataSize(col.Data())
		}
	}
	if h.used.Add(n) > h.limit {
		h.used.Add(-n)
		return true
	}
	return false
}

// dataSize is the bytes of an array's buffers and its children's.
func dataSize(d arrow.ArrayData) int64 {
	var n int64
	for _, b := range d.Buffers() {
		if b != nil {
			n += int64(b.Len())
		}
	}
	for _, c := range d.Children() {
		n += dataSize(c)
	}
	return n
}
