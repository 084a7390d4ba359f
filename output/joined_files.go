package output

import (
	"crypto/sha256"
	"encoding/binary"
	"path/filepath"

	"gongkai/domain"
)

// JoinedFile is one of the county's Parquet files as a run put it in
// place: its kind, the key of the units' parts it was joined from
// (joinKey) and its stamp once in place. A run whose parts of a kind
// have the same key leaves the file where it is, rather than join the
// same bytes again (a night's changed units mostly change disclosures:
// applications, appeals and service items come out byte for byte the
// same, and the nights with nothing changed, every kind).
type JoinedFile struct {
	Kind domain.Kind
	Key  [sha256.Size]byte
	File FileStamp
}

// joinFormat names how parts are joined into a kind's file: change it
// whenever joinParquet's output changes for the same parts.
const joinFormat = "parquet-join-1"

// partSum is the digest of a part's bytes, kept with the part.
func partSum(data []byte) [sha256.Size]byte { return sha256.Sum256(data) }

// joinKey is the key of a kind's file joined from parts, in their order,
// and false when a part's digest is not known.
func joinKey(kind domain.Kind, parts []FilePart) ([sha256.Size]byte, bool) {
	h := sha256.New()
	h.Write([]byte(joinFormat + "\x00" + string(kind) + "\x00"))
	var n [8]byte
	for _, p := range parts {
		if p.Sum == ([sha256.Size]byte{}) {
			return [sha256.Size]byte{}, false
		}
		h.Write(p.Sum[:])
		h.Write(binary.LittleEndian.AppendUint64(n[:0], uint64(p.Length)))
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key, true
}

// keptJoin reports whether the file in place at path is the one known
// to have been joined, for kind, from parts of this key: a file changed
// or replaced since has another stamp.
func keptJoin(known []JoinedFile, kind domain.Kind, key [sha256.Size]byte, path string) bool {
	for _, j := range known {
		if j.Kind == kind && j.Key == key {
			st := StampAt(path)
			return st != nil && *st == j.File
		}
	}
	return false
}

// joinedFiles stamps the Parquet files in place under dir, with the keys
// they were joined from (those whose key or stamp is not known are left out).
func joinedFiles(dir string, keys map[domain.Kind][sha256.Size]byte) []JoinedFile {
	var out []JoinedFile
	for _, kind := range domain.LedgerKinds {
		key, ok := keys[kind]
		if !ok {
			continue
		}
		if st := StampAt(filepath.Join(dir, dataDir, parquetName(kind))); st != nil {
			out = append(out, JoinedFile{Kind: kind, Key: key, File: *st})
		}
	}
	return out
}
