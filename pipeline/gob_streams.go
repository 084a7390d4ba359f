package pipeline

import (
	"encoding/gob"
	"errors"
	"io"
	"sync"
)

// gobStreams decodes many small gob streams of the same types — the kept
// units' results, one stream per file — with decoders that live across
// streams. A new gob.Decoder compiles its decoding engine for every type a
// stream defines, which for a kept unit took half as long again as the
// decoding itself. Each stream defines its types before its value; streams
// whose definitions are the same, byte for byte, share decoders: a decoder
// that has received them is given the value alone, and its engines serve
// again. (Gob numbers types in the order a process first encodes them, so
// runs may number them otherwise; their streams get decoders of their own.)
// A decoder reads a stream where it lies, and keeps nothing of it (gob
// copies what it decodes). It is safe for concurrent use.
type gobStreams struct {
	mu   sync.Mutex
	idle map[string]*[]decoderFeed // by the type definitions they received (a pointer: a decoder given back stores no key)
}

// decoderFeed is a shared decoder and what it reads from.
type decoderFeed struct {
	in  *gobFeed
	dec *gob.Decoder
}

// gobFeed is what a shared decoder reads: a stream's type definitions
// (for a decoder that has not received them) and its values, in place.
// It is an io.ByteReader, so the decoder reads no further than a message.
type gobFeed struct{ defs, values []byte }

func (f *gobFeed) Read(p []byte) (int, error) {
	n := copy(p, f.defs)
	f.defs = f.defs[n:]
	m := copy(p[n:], f.values)
	f.values = f.values[m:]
	if n+m == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return n + m, nil
}

func (f *gobFeed) ReadByte() (byte, error) {
	var b [1]byte
	if _, err := f.Read(b[:]); err != nil {
		return 0, err
	}
	return b[0], nil
}

// decode decodes the one value of the gob stream data into v.
func (g *gobStreams) decode(data []byte, v any) error {
	defs, values, err := splitGob(data)
	if err != nil {
		return err
	}
	d, fresh := g.take(defs)
	d.in.values = values
	if fresh {
		d.in.defs = defs
	}
	err = d.dec.Decode(v)
	if err == nil && len(d.in.defs)+len(d.in.values) > 0 {
		err = errors.New("gob stream: more than one value")
	}
	d.in.defs, d.in.values = nil, nil
	if err != nil {
		return err // the decoder is dropped: its state is unknown
	}
	g.give(defs, d)
	return nil
}

func (g *gobStreams) take(defs []byte) (d decoderFeed, fresh bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if ds := g.idle[string(defs)]; ds != nil && len(*ds) > 0 {
		d = (*ds)[len(*ds)-1]
		*ds = (*ds)[:len(*ds)-1]
		return d, false
	}
	in := new(gobFeed)
	return decoderFeed{in, gob.NewDecoder(in)}, true
}

func (g *gobStreams) give(defs []byte, d decoderFeed) {
	g.mu.Lock()
	defer g.mu.Unlock()
	ds := g.idle[string(defs)]
	if ds == nil {
		if g.idle == nil {
			g.idle = map[string]*[]decoderFeed{}
		}
		ds = new([]decoderFeed)
		g.idle[string(defs)] = ds
	}
	*ds = append(*ds, d)
}

// splitGob splits a gob stream of one value into its type definitions and
// the value, parts of data: gob writes every definition a value needs
// before it. A stream that defines a type after a value is refused (the
// unit is computed again).
func splitGob(data []byte) (defs, values []byte, err error) {
	first := 0 // the length of the leading definitions
	for rest, valued := data, false; len(rest) > 0; {
		msg, def, err := nextGobMessage(rest)
		if err != nil {
			return nil, nil, err
		}
		if def && valued {
			return nil, nil, errors.New("gob stream: a type defined after a value")
		}
		if def {
			first += len(msg)
		}
		valued = valued || !def
		rest = rest[len(msg):]
	}
	return data[:first], data[first:], nil
}

// nextGobMessage returns the message data starts with, and whether it
// defines a type.
func nextGobMessage(data []byte) (msg []byte, def bool, err error) {
	n, w, ok := gobUint(data)
	if !ok || n == 0 || n > uint64(len(data)-w) {
		return nil, false, errors.New("gob stream: a message cut short")
	}
	msg = data[:w+int(n)]
	u, _, ok := gobUint(msg[w:])
	if !ok {
		return nil, false, errors.New("gob stream: a message without its type")
	}
	return msg, u&1 != 0, nil // gob's signed integers carry the sign in the lowest bit: a negative id defines a type
}

// gobUint reads an unsigned integer as gob writes it: below 128 in one
// byte, else a byte holding minus its length and then its bytes, big end
// first. w is how many bytes it took.
func gobUint(b []byte) (u uint64, w int, ok bool) {
	if len(b) == 0 {
		return 0, 0, false
	}
	if b[0] < 0x80 {
		return uint64(b[0]), 1, true
	}
	n := -int(int8(b[0]))
	if n > 8 || len(b) < 1+n {
		return 0, 0, false
	}
	for _, c := range b[1 : 1+n] {
		u = u<<8 | uint64(c)
	}
	return u, 1 + n, true
}
