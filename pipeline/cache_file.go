package pipeline

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
)

// castagnoli is the CRC-32C table the caches check their files with.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeChecked puts data in place at path whole, followed by its CRC-32C:
// written beside it, then renamed over it, and what a killed run left of
// writing it removed. The caches do not sync: a file lost or damaged in a
// crash only costs work again (readChecked tells).
func writeChecked(path string, data []byte) error {
	pattern := "." + filepath.Base(path) + ".tmp-*"
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return err
	}
	_, err = tmp.Write(binary.LittleEndian.AppendUint32(data, crc32.Checksum(data, castagnoli)))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(path), pattern)); err == nil {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	return nil
}

// readChecked reads a file writeChecked wrote and returns its data, or
// false when it is missing, cut short or damaged.
func readChecked(path string) ([]byte, bool) {
	data, _, ok := readCheckedInto(path, nil)
	return data, ok
}

// readCheckedGob decodes into v the gob of a file writeCheckedGob wrote;
// false when it is missing, cut short, damaged or not of v's shape.
func readCheckedGob(path string, v any) bool {
	data, ok := readChecked(path)
	return ok && gob.NewDecoder(bytes.NewReader(data)).Decode(v) == nil
}

// writeCheckedGob puts v's gob in place at path (writeChecked).
func writeCheckedGob(path string, v any) error {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return err
	}
	return writeChecked(path, b.Bytes())
}

// maxCheckedFile bounds the files readCheckedInto reads: a cache file
// claiming more is damaged.
const maxCheckedFile = math.MaxInt32

// readCheckedInto is readChecked reading into buf, or into a larger buffer
// it returns in its place (grown, whether or not the file reads whole):
// the data lies in grown until it is used again.
func readCheckedInto(path string, buf []byte) (data, grown []byte, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, buf, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() > maxCheckedFile {
		return nil, buf, false
	}
	grown = slices.Grow(buf[:0], int(st.Size()))
	whole := grown[:st.Size()]
	if _, err := io.ReadFull(f, whole); err != nil {
		return nil, grown, false
	}
	data, ok = checkedBody(whole)
	return data, grown, ok
}

// checkedBody returns the data of a file writeChecked wrote, read whole.
func checkedBody(data []byte) ([]byte, bool) {
	if len(data) < 4 {
		return nil, false
	}
	body := data[:len(data)-4]
	return body, crc32.Checksum(body, castagnoli) == binary.LittleEndian.Uint32(data[len(data)-4:])
}
