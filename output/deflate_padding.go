package output

// deflatePadding returns n bytes of DEFLATE blocks that inflate to
// nothing, to stand between two byte-aligned pieces of a stream (after a
// sync flush), or false when no blocks make n bytes: 1, 2, 3, 4 or 8. An
// empty stored block is 5 bytes; one, two or three empty blocks of the
// fixed code before it make 6, 7 or 9, which give n its remainder by five.
func deflatePadding(n int) ([]byte, bool) {
	var out []byte
	for _, fixed := range [][]int{{}, {1}, {2}, {1, 2}, {3}}[n%5] { // 0, 6, 7, 13 or 9 bytes
		out = appendEmptyBlocks(out, fixed)
	}
	if len(out) > n {
		return nil, false
	}
	for len(out) < n {
		out = appendEmptyBlocks(out, 0)
	}
	return out, true
}

// paddable reports whether deflatePadding makes n bytes.
func paddable(n int64) bool { return n == 0 || n >= 5 && n != 8 }

// appendEmptyBlocks appends empty blocks of the fixed Huffman code (BFINAL
// 0, BTYPE 01, the 7-bit end-of-block code 0000000: 10 bits each), then an
// empty stored block (BFINAL 0, BTYPE 00, to the byte boundary, LEN 0 and
// NLEN), which ends on a byte boundary.
func appendEmptyBlocks(b []byte, fixed int) []byte {
	var bits uint64 // least significant first
	n := 3          // the stored block's header, zeros
	for range fixed {
		bits |= 0b010 << (n - 3) // BFINAL 0, BTYPE 01 low bit first
		n += 10
	}
	for ; n > 0; n -= 8 {
		b = append(b, byte(bits))
		bits >>= 8
	}
	return append(b, 0x00, 0x00, 0xff, 0xff)
}
