package domain

import "encoding/binary"

// The gob encodings of Metrics and Finding write text as its length, an
// unsigned varint, and its bytes.

// appendText appends s as its length and its bytes.
func appendText(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// cutText reads a text appendText wrote at the start of b and returns it
// and the rest of b; false when b is cut short or damaged.
func cutText(b []byte) (s string, rest []byte, ok bool) {
	t, rest, ok := cutTextBytes(b)
	return string(t), rest, ok
}

// cutTextBytes is cutText giving the text's bytes, in b.
func cutTextBytes(b []byte) (t, rest []byte, ok bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, false
	}
	return b[k : k+int(n)], b[k+int(n):], true
}
