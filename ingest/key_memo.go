package ingest

import (
	"strings"
	"sync"
	"sync/atomic"

	"gongkai/domain"
)

// keyMemo memoises domain.MatchKey and vocabulary lookups for short texts:
// the cells of a ledger repeat (channels, applicant types, results, row
// numbers) and the key costs an NFKC pass and two regexps. ASCII text is
// reduced directly. It is safe for concurrent use.
type keyMemo struct {
	keys   sync.Map // text → MatchKey
	vocab  sync.Map // vocabKey → vocabHit
	filled atomic.Int32
}

type vocabKey struct{ vocab, text string }

type vocabHit struct {
	id string
	ok bool
}

// room reports whether the memo may take one more entry.
func (m *keyMemo) room() bool { return m.filled.Load() < memoSize }

// matchKey returns domain.MatchKey(s).
func (m *keyMemo) matchKey(s string) string {
	if isASCII(s) {
		return asciiMatchKey(s)
	}
	if len(s) > memoText {
		return domain.MatchKey(s)
	}
	if k, ok := m.keys.Load(s); ok {
		return k.(string)
	}
	k := domain.MatchKey(s)
	if m.room() {
		if _, loaded := m.keys.LoadOrStore(strings.Clone(s), k); !loaded { // s may lie in a file's arena
			m.filled.Add(1)
		}
	}
	return k
}

// lookup returns cfg.Lookup(vocab, text).
func (m *keyMemo) lookup(cfg *domain.Config, vocab, text string) (string, bool) {
	if len(text) > memoText {
		return cfg.Lookup(vocab, text)
	}
	k := vocabKey{vocab, text}
	if h, ok := m.vocab.Load(k); ok {
		h := h.(vocabHit)
		return h.id, h.ok
	}
	id, ok := cfg.Lookup(vocab, text)
	if m.room() {
		if _, loaded := m.vocab.LoadOrStore(vocabKey{vocab, strings.Clone(text)}, vocabHit{id, ok}); !loaded { // text may lie in a file's arena
			m.filled.Add(1)
		}
	}
	return id, ok
}

// matchKey is domain.MatchKey, memoised for the reader.
func (r *Reader) matchKey(s string) string { return r.memo.matchKey(s) }

// lookup is the configuration's vocabulary lookup, memoised for the reader.
func (r *Reader) lookup(vocab, text string) (string, bool) { return r.memo.lookup(r.cfg, vocab, text) }
