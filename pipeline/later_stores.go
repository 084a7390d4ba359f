package pipeline

import (
	"context"
	"sync"

	"gongkai/ingest"
)

// laterStores are the parse-cache stores of the files parsed: each done
// once, by whoever asks first — at once for a file whose records the
// budget does not hold or takes out, else by a worker free once every file
// has one, so that parsing comes first (a re-run's last changed file
// waited 3–4 ms for the first two's stores before a worker was free for
// it). Every one is done before the files are chosen.
type laterStores struct {
	cache *parseCache
	mu    sync.Mutex
	files map[*ingest.Submission]*laterStore
	queue chan *ingest.Submission // in the order the files were parsed
}

// laterStore is one file's store, done once by whoever comes first.
type laterStore struct {
	once sync.Once
	ok   bool
}

// newLaterStores makes room for the stores of up to n files.
func newLaterStores(cache *parseCache, n int) *laterStores {
	return &laterStores{cache: cache, files: map[*ingest.Submission]*laterStore{}, queue: make(chan *ingest.Submission, n)}
}

// add queues s's store; call it before the budget can take s out.
func (l *laterStores) add(s *ingest.Submission) {
	l.mu.Lock()
	l.files[s] = &laterStore{}
	l.mu.Unlock()
	l.queue <- s
}

// store stores s now, unless it is stored already, and reports whether its
// records are in the parse cache (false for a file never queued).
func (l *laterStores) store(s *ingest.Submission) bool {
	l.mu.Lock()
	ls := l.files[s]
	l.mu.Unlock()
	if ls == nil {
		return false
	}
	ls.once.Do(func() { ls.ok = l.cache.store(s) })
	return ls.ok
}

// close says no more files come; the queue's stores go on.
func (l *laterStores) close() { close(l.queue) }

// drain stores the queued files, one after the other, until close; once
// ctx is done it only empties the queue.
func (l *laterStores) drain(ctx context.Context) {
	for s := range l.queue {
		if ctx.Err() == nil {
			l.store(s)
		}
	}
}
