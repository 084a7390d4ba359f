package pipeline

import (
	"sync"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/ingest"
)

// defaultHeldBytes is how many bytes of parsed records a run keeps in
// memory between reading a file and its unit's turn, less what it keeps of
// every file read, unless Options.HeldBytes says otherwise. Past it, records
// wait in the parse cache: memory stays flat however many files the inbox
// holds, until what is kept of the files alone passes it.
const defaultHeldBytes = 128 << 20

// heldBudget counts the bytes of records held, and those of what the run
// keeps of every file read (describedBytes): as the files grow in number,
// fewer records are held, so that the two together stay within the limit.
type heldBudget struct {
	limit int64
	mu    sync.Mutex
	used  int64
	held  []heldFile // in the order they were held
}

// heldFile is a file whose records are held, and their bytes.
type heldFile struct {
	s *ingest.Submission
	n int64
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
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.used+n > h.limit {
		return false
	}
	h.used += n
	h.held = append(h.held, heldFile{s, n})
	return true
}

// describe counts what the run keeps of s until its end; past the limit,
// the records held last are taken out of the budget until the rest fit,
// and returned: the caller sets them aside (they wait in the parse cache)
// once they are stored there.
func (h *heldBudget) describe(s *ingest.Submission) []*ingest.Submission {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.used += describedBytes(s)
	var out []*ingest.Submission
	for h.used > h.limit && len(h.held) > 0 {
		last := h.held[len(h.held)-1]
		h.held = h.held[:len(h.held)-1]
		h.used -= last.n
		out = append(out, last.s)
	}
	return out
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
