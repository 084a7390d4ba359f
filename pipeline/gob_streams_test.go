package pipeline

import (
	"bytes"
	"encoding/gob"
	"maps"
	"reflect"
	"slices"
	"sync"
	"testing"
)

type gobItem struct {
	Name   string
	N      int
	Values map[string]float64
	Parts  []gobPart
}

type gobPart struct {
	Path string
	Size int64
}

func gobStream(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGobStreams: streams written one per file, each with its own encoder,
// decode through decoders that live across them to what a decoder of
// their own gives, side by side; a stream that numbers a type otherwise
// is decoded on its own; a damaged one is refused and spoils nothing.
func TestGobStreams(t *testing.T) {
	var items []gobItem
	var streams [][]byte
	for i := range 50 {
		it := gobItem{Name: string(rune('甲' + i)), N: i, Values: map[string]float64{"t3.a": float64(i), "t4.b": 0.5}}
		for j := range i % 4 {
			it.Parts = append(it.Parts, gobPart{Path: "parts", Size: int64(i*10 + j)})
		}
		items = append(items, it)
		streams = append(streams, gobStream(t, it))
	}
	var g gobStreams
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < len(streams); i += 2 {
				var got gobItem
				if err := g.decode(streams[i], &got); err != nil {
					t.Errorf("stream %d: %v", i, err)
					continue
				}
				var want gobItem
				gob.NewDecoder(bytes.NewReader(streams[i])).Decode(&want)
				if !reflect.DeepEqual(got, want) || got.N != items[i].N {
					t.Errorf("stream %d: %+v, want %+v", i, got, want)
				}
			}
		})
	}
	wg.Wait()
	if len(g.idle) != 1 {
		t.Errorf("decoders kept for %d sets of type definitions, want 1: the streams define their types alike", len(g.idle))
	}
	for _, ds := range g.idle {
		if len(*ds) == 0 || len(*ds) > 2 {
			t.Errorf("%d decoders kept, want 1 or 2 for two goroutines: every stream's types were compiled again", len(*ds))
		}
	}

	// Another program's numbering: the same id, another definition (a field renamed).
	other := bytes.Clone(streams[3])
	i := bytes.Index(other, []byte("Name"))
	copy(other[i:], "Nome")
	var got gobItem
	if err := g.decode(other, &got); err != nil {
		t.Fatal(err)
	}
	if got.Name != "" || got.N != 3 || got.Values["t3.a"] != 3 {
		t.Errorf("a stream of another numbering: %+v, want the fields it names alike", got)
	}

	// Damaged streams are refused; the decoders still decode.
	_, value6, err := splitGob(streams[6])
	if err != nil {
		t.Fatal(err)
	}
	twoValues := append(bytes.Clone(streams[5]), value6...) // the types defined alike: a shared decoder reads it
	for _, bad := range [][]byte{streams[5][:len(streams[5])-3], {0x05, 0x01}, append(bytes.Clone(streams[5]), streams[6]...), twoValues} {
		if err := g.decode(bad, &got); err == nil {
			t.Errorf("% x…: decoded", bad[:min(len(bad), 8)])
		}
	}
	for i := range streams {
		var again gobItem
		if err := g.decode(streams[i], &again); err != nil || again.N != items[i].N {
			t.Errorf("after the damaged streams, stream %d: %+v, %v", i, again, err)
		}
	}
}

// TestGobStreamsReadInPlace: a stream's definitions and value are parts of
// it, not copies, when the definitions come first (as gob writes one
// value); the decoded value keeps nothing of the stream, so the buffer it
// was read into can take the next file; a stream whose definitions follow
// a value is refused.
func TestGobStreamsReadInPlace(t *testing.T) {
	stream := gobStream(t, gobItem{Name: "白沙镇", N: 7, Values: map[string]float64{"t3.a": 1}, Parts: []gobPart{{"parts", 9}}})
	defs, values, err := splitGob(stream)
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) == 0 || len(defs)+len(values) != len(stream) || &defs[0] != &stream[0] || &values[0] != &stream[len(defs)] {
		t.Errorf("definitions and value not read in place: %d + %d of %d bytes", len(defs), len(values), len(stream))
	}
	var g gobStreams
	buf := bytes.Clone(stream)
	var first, second gobItem
	if err := g.decode(buf, &first); err != nil {
		t.Fatal(err)
	}
	want := first
	want.Values = maps.Clone(first.Values)
	want.Parts = slices.Clone(first.Parts)
	for i := range buf { // the buffer taken for the next file
		buf[i] = 0xAA
	}
	if !reflect.DeepEqual(first, want) || first.Name != "白沙镇" || first.Parts[0].Path != "parts" {
		t.Errorf("the decoded value changed with the buffer it was read from: %+v", first)
	}
	copy(buf, stream) // the next file, through the decoder kept
	if err := g.decode(buf, &second); err != nil || !reflect.DeepEqual(second, want) {
		t.Errorf("decoded again from the buffer: %+v, %v", second, err)
	}
	// A definition after a value, which gob does not write for one value:
	// refused.
	if _, _, err := splitGob(append(bytes.Clone(values), defs...)); err == nil {
		t.Error("a definition after the value: split")
	}
}
