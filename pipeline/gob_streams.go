package pipeline

import (
	"bytes"
	"encoding/gob"
	"errors"
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
// It is safe for concurrent use.
type gobStreams struct {
	mu   sync.Mutex
	idle map[string][]decoderFeed // by the type definitions they received
}

// decoderFeed is what a shared decoder reads from: one stream's messages
// at a time (a bytes.Buffer is an io.ByteReader, so the decoder reads no
// further than a message).
type decoderFeed struct {
	in  *bytes.Buffer
	dec *gob.Decoder
}

// decode decodes the one value of the gob stream data into v.
func (g *gobStreams) decode(data []byte, v any) error {
	defs, values, err := splitGob(data)
	if err != nil {
		return err
	}
	key := string(defs)
	d, fresh := g.take(key)
	if fresh {
		d.in.Write(defs)
	}
	d.in.Write(values)
	err = d.dec.Decode(v)
	if err == nil && d.in.Len() > 0 {
		err = errors.New("gob stream: more than one value")
	}
	if err != nil {
		return err // the decoder is dropped: its state is unknown
	}
	g.give(key, d)
	return nil
}

func (g *gobStreams) take(key string) (d decoderFeed, fresh bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if ds := g.idle[key]; len(ds) > 0 {
		d = ds[len(ds)-1]
		g.idle[key] = ds[:len(ds)-1]
		return d, false
	}
	in := new(bytes.Buffer)
	return decoderFeed{in, gob.NewDecoder(in)}, true
}

func (g *gobStreams) give(key string, d decoderFeed) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.idle == nil {
		g.idle = map[string][]decoderFeed{}
	}
	g.idle[key] = append(g.idle[key], d)
}

// splitGob splits a gob stream's messages into its type definitions and
// the rest, each joined in order.
func splitGob(data []byte) (defs, values []byte, err error) {
	for len(data) > 0 {
		n, w, ok := gobUint(data)
		if !ok || n == 0 || n > uint64(len(data)-w) {
			return nil, nil, errors.New("gob stream: a message cut short")
		}
		msg := data[:w+int(n)]
		u, _, ok := gobUint(msg[w:])
		if !ok {
			return nil, nil, errors.New("gob stream: a message without its type")
		}
		if u&1 != 0 { // gob's signed integers carry the sign in the lowest bit: a negative id defines a type
			defs = append(defs, msg...)
		} else {
			values = append(values, msg...)
		}
		data = data[len(msg):]
	}
	return defs, values, nil
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
