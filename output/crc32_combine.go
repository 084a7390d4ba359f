package output

import (
	"hash/crc32"
	"sync"
)

// crc32Combine returns the IEEE CRC-32 of a followed by b from the CRC of
// each and the length of b, as zlib's crc32_combine (1.2.12 on): the
// checksum of a zip entry whose data is joined from parts compressed on
// their own. crcA is multiplied by x^(8·lenB) modulo the polynomial.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	return multModP(x8nModP(uint64(lenB)), crcA) ^ crcB
}

// multModP multiplies a and b modulo the CRC polynomial (bit-reversed, as
// the CRC is), without a branch on their bits.
func multModP(a, b uint32) uint32 {
	var p uint32
	for range 32 { // a's bits from the top, for b times x^0, x^1, …
		p ^= b & -(a >> 31)
		a <<= 1
		b = b>>1 ^ crc32.IEEE&-(b&1)
	}
	return p
}

// x8nTables holds, for each byte k of a length and each value b of it,
// x^(8·b·256^k) modulo the polynomial: the factor that moves a CRC past
// b·256^k bytes. A county workbook's sheets combine the CRCs of about a
// thousand parts at every run; a bit at a time, that was 1 µs each.
var x8nTables = sync.OnceValue(func() *[8][256]uint32 {
	t := new([8][256]uint32)
	step := uint32(1) << 23 // x^8: one byte
	for k := range t {
		t[k][0] = 1 << 31 // x^0
		for b := 1; b < 256; b++ {
			t[k][b] = multModP(t[k][b-1], step)
		}
		step = multModP(t[k][255], step) // x^(8·256^(k+1))
	}
	return t
})

// x8nModP is x^(8·n) modulo the polynomial.
func x8nModP(n uint64) uint32 {
	t := x8nTables()
	p := uint32(1) << 31 // x^0
	for k := 0; n != 0; n, k = n>>8, k+1 {
		if b := n & 0xFF; b != 0 {
			p = multModP(t[k][b], p)
		}
	}
	return p
}
