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
const defaultHeldBytes = 128 << 20

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

// reserve counts s's records as held and reports true when they fit in
// the budget; when they do not, nothing is counted and it reports false.
func (h *heldBudget) reserve(s *ingest.Submission) bool {
	var n int64
	for _, rec := range s.Records {
		for _, col := range rec.Columns() {
			n += dataSize(col.Data())
		}
	}
	if h.used.Add(n) > h.limit {
		h.used.Add(-n)
		return false
	}
	return true
}

// dataSize is the bytes an array's buffers and its children's take in
// memory (their capacity: a builder's buffers grow by doubling).
func dataSize(d arrow.ArrayData) int64 {
	var n int64
	for _, b := range d.Buffers() {
		if b != nil {
			n += int64(b.Cap())
		}
	}
	for _, c := range d.Children() {
		n += dataSize(c)
	}
	return n
}
