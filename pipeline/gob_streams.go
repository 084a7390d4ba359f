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
// decoding itself. A stream's type definitions that a decoder has received
// already, byte for byte (streams written by the same program number their
// types alike, as a rule), are passed over, so its engines serve again; a
// stream that defines an id otherwise is decoded by a decoder of its own.
// It is safe for concurrent use.
type gobStreams struct {
	mu   sync.Mutex
	idle []*streamDecoder
}

// streamDecoder is a decoder that lives across streams, and the type
// definitions it has received, by id.
type streamDecoder struct {
	in    bytes.Buffer
	dec   *gob.Decoder
	types map[int64][]byte
}

// decode decodes the one value of the gob stream data into v.
func (g *gobStreams) decode(data []byte, v any) error {
	msgs, err := gobMessages(data)
	if err != nil {
		return err
	}
	d := g.take()
	feed, ok := d.unseen(msgs)
	if !ok { // a stream from a program that numbers its types otherwise
		g.give(d)
		return gob.NewDecoder(bytes.NewReader(data)).Decode(v)
	}
	d.in.Write(feed)
	if err := d.dec.Decode(v); err != nil || d.in.Len() > 0 {
		return errors.Join(err, errors.New("gob stream: not one value")) // d is dropped: its state is unknown
	}
	for _, m := range msgs {
		if m.id < 0 {
			d.types[m.id] = m.raw
		}
	}
	g.give(d)
	return nil
}

func (g *gobStreams) take() *streamDecoder {
	g.mu.Lock()
	defer g.mu.Unlock()
	if n := len(g.idle); n > 0 {
		d := g.idle[n-1]
		g.idle = g.idle[:n-1]
		return d
	}
	d := &streamDecoder{types: map[int64][]byte{}}
	d.dec = gob.NewDecoder(&d.in) // a bytes.Buffer is an io.ByteReader: the decoder reads no further than a message
	return d
}

func (g *gobStreams) give(d *streamDecoder) {
	g.mu.Lock()
	g.idle = append(g.idle, d)
	g.mu.Unlock()
}

// unseen joins the messages d has not received; ok is false when a type
// definition differs from the one d received under its id.
func (d *streamDecoder) unseen(msgs []gobMessage) (feed []byte, ok bool) {
	for _, m := range msgs {
		if m.id < 0 {
			if seen, had := d.types[m.id]; had {
				if !bytes.Equal(seen, m.raw) {
					return nil, false
				}
				continue
			}
		}
		feed = append(feed, m.raw...)
	}
	return feed, true
}

// gobMessage is one message of a gob stream: its bytes, length included,
// and the type id it starts with (negative: a type definition).
type gobMessage struct {
	raw []byte
	id  int64
}

// gobMessages splits a gob stream into its messages.
func gobMessages(data []byte) ([]gobMessage, error) {
	var out []gobMessage
	for len(data) > 0 {
		n, w, ok := gobUint(data)
		if !ok || n == 0 || n > uint64(len(data)-w) {
			return nil, errors.New("gob stream: a message cut short")
		}
		u, _, ok := gobUint(data[w : w+int(n)])
		if !ok {
			return nil, errors.New("gob stream: a message without its type")
		}
		id := int64(u >> 1) // gob's signed integers: the sign in the lowest bit
		if u&1 != 0 {
			id = ^id
		}
		out = append(out, gobMessage{raw: data[:w+int(n)], id: id})
		data = data[w+int(n):]
	}
	return out, nil
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
