package output

import (
	"testing"

	"gongkai/domain"
)

// TestJoinKey: the key of a kind's file changes with any part's bytes
// (their digest, at the same length), their order and the kind, and there
// is none while a part's digest is not known.
func TestJoinKey(t *testing.T) {
	a := FilePart{Path: "u1/parts", Length: 10, Sum: partSum([]byte("aaaaaaaaaa"))}
	b := FilePart{Path: "u2/parts", Length: 10, Sum: partSum([]byte("bbbbbbbbbb"))}
	b2 := FilePart{Path: "elsewhere/parts", Offset: 99, Length: 10, Sum: b.Sum} // the same bytes elsewhere
	c := FilePart{Path: "u2/parts", Length: 10, Sum: partSum([]byte("bbbbbbbbbc"))}
	key := func(kind domain.Kind, parts ...FilePart) [32]byte {
		k, ok := joinKey(kind, parts)
		if !ok {
			t.Fatalf("%v: no key", parts)
		}
		return k
	}
	base := key(domain.KindAppeal, a, b)
	if key(domain.KindAppeal, a, b2) != base {
		t.Error("the same bytes from another file: another key")
	}
	for what, other := range map[string][32]byte{
		"a part's bytes changed": key(domain.KindAppeal, a, c),
		"parts in another order": key(domain.KindAppeal, b, a),
		"another kind":           key(domain.KindApplication, a, b),
		"a part fewer":           key(domain.KindAppeal, a),
	} {
		if other == base {
			t.Errorf("%s: the same key", what)
		}
	}
	if _, ok := joinKey(domain.KindAppeal, []FilePart{a, {Path: "u3/parts", Length: 10}}); ok {
		t.Error("a part whose digest is not known: a key")
	}
}
