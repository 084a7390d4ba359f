package ingest

import (
	"archive/zip"
	"io"
	"sync"
	"sync/atomic"
)

// heavyParts are the parts excelize decodes with most work when it opens
// a package. Both are usually the same in every file of a county (one
// template), and excelize's verdict on each depends on its bytes alone.
var heavyParts = map[string]bool{"xl/styles.xml": true, "xl/theme/theme1.xml": true}

// goodParts remembers heavy parts excelize has opened a package with, by
// name, CRC-32 and sizes: the package copy excelize opens then leaves
// them out (it reads a package without them as well).
var (
	goodParts  sync.Map // partKey → struct{}
	goodCount  atomic.Int32
	maxGoodKey = int32(1024)
)

// partKey identifies a part's bytes.
type partKey struct {
	name        string
	crc         uint32
	size, csize uint64
	method      uint16
}

func keyOf(name string, f *zip.File) partKey {
	return partKey{name, f.CRC32, f.UncompressedSize64, f.CompressedSize64, f.Method}
}

// knownGood reports whether a heavy part is one excelize has decoded
// before, and its bytes here are intact (they inflate and match the CRC).
func knownGood(name string, f *zip.File) bool {
	if !heavyParts[name] {
		return false
	}
	if _, ok := goodParts.Load(keyOf(name, f)); !ok {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	_, err = io.Copy(io.Discard, rc)
	return err == nil && rc.Close() == nil
}

// rememberGood notes a heavy part excelize opened a package with.
func rememberGood(name string, f *zip.File) {
	if !heavyParts[name] || goodCount.Load() >= maxGoodKey {
		return
	}
	if _, loaded := goodParts.LoadOrStore(keyOf(name, f), struct{}{}); !loaded {
		goodCount.Add(1)
	}
}
