package samplecounty

import (
	"encoding/binary"
	"unicode/utf16"
)

// Compound File Binary constants (MS-CFB), version 3 with 512-byte sectors.
const (
	cfbSector     = 512
	cfbFreeSect   = 0xFFFFFFFF
	cfbEndOfChain = 0xFFFFFFFE
	cfbFATSect    = 0xFFFFFFFD
	cfbNoStream   = 0xFFFFFFFF
	xlsStreamSize = 4096 // the mini-stream cutoff: the stream lives in normal sectors
)

// legacyXLS is a minimal Excel 97-2003 file: a compound file whose
// "Workbook" stream holds only a BIFF8 BOF and EOF record. Readers that
// look inside see a real .xls; none finds a sheet in it.
func legacyXLS() []byte {
	const streamSectors = xlsStreamSize / cfbSector
	out := make([]byte, cfbSector*(3+streamSectors))
	le := binary.LittleEndian
	h := out[:cfbSector]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(h[24:], 0x003E) // minor version
	le.PutUint16(h[26:], 3)      // major version
	le.PutUint16(h[28:], 0xFFFE) // byte order
	le.PutUint16(h[30:], 9)      // sector shift: 512
	le.PutUint16(h[32:], 6)      // mini sector shift: 64
	le.PutUint32(h[44:], 1)      // FAT sectors
	le.PutUint32(h[48:], 1)      // first directory sector
	le.PutUint32(h[56:], xlsStreamSize)
	le.PutUint32(h[60:], cfbEndOfChain) // no mini FAT
	le.PutUint32(h[68:], cfbEndOfChain) // no DIFAT sectors
	for i := range 109 {
		le.PutUint32(h[76+4*i:], cfbFreeSect)
	}
	le.PutUint32(h[76:], 0) // the FAT is sector 0

	fat := out[cfbSector : 2*cfbSector]
	for i := range cfbSector / 4 {
		le.PutUint32(fat[4*i:], cfbFreeSect)
	}
	le.PutUint32(fat[0:], cfbFATSect)
	le.PutUint32(fat[4:], cfbEndOfChain) // directory
	for s := 2; s < 2+streamSectors; s++ {
		next := uint32(s + 1)
		if s == 1+streamSectors {
			next = cfbEndOfChain
		}
		le.PutUint32(fat[4*s:], next)
	}

	dir := out[2*cfbSector : 3*cfbSector]
	cfbEntry(dir[0:128], "Root Entry", 5, 1, cfbEndOfChain, 0)
	cfbEntry(dir[128:256], "Workbook", 2, cfbNoStream, 2, xlsStreamSize)
	for i := 2; i < 4; i++ {
		e := dir[128*i : 128*(i+1)]
		le.PutUint32(e[68:], cfbNoStream)
		le.PutUint32(e[72:], cfbNoStream)
		le.PutUint32(e[76:], cfbNoStream)
	}

	stream := out[3*cfbSector:]
	// BOF: BIFF8, workbook globals; then EOF.
	copy(stream, []byte{0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xBB, 0x0D, 0xCC, 0x07, 0, 0, 0, 0, 0x06, 0x04, 0, 0})
	copy(stream[20:], []byte{0x0A, 0x00, 0x00, 0x00})
	return out
}

// cfbEntry fills a 128-byte directory entry: an object of type typ (5 root,
// 2 stream) with one child (or none), black, no siblings.
func cfbEntry(e []byte, name string, typ byte, child, start, size uint32) {
	le := binary.LittleEndian
	u := utf16.Encode([]rune(name))
	for i, c := range u {
		le.PutUint16(e[2*i:], c)
	}
	le.PutUint16(e[64:], uint16(2*(len(u)+1)))
	e[66], e[67] = typ, 1
	le.PutUint32(e[68:], cfbNoStream)
	le.PutUint32(e[72:], cfbNoStream)
	le.PutUint32(e[76:], child)
	le.PutUint32(e[116:], start)
	le.PutUint32(e[120:], size)
}
