package pipeline

import "sync"

// bytePool recycles byte buffers that serve one file or entry after
// another; the zero value is ready.
type bytePool struct{ pool sync.Pool }

// get returns a buffer of the pool, or a new empty one.
func (p *bytePool) get() *[]byte {
	if b, _ := p.pool.Get().(*[]byte); b != nil {
		return b
	}
	return new([]byte)
}

// put gives a buffer back, with whatever it grew to.
func (p *bytePool) put(b *[]byte) { p.pool.Put(b) }
