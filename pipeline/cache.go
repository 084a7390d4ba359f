package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
)

// cacheDir holds parsed submissions under the output folder, keyed by the
// file's path and content hash, the configuration and the program version:
// a nightly re-run reads again only the files that changed.
const cacheDir = ".cache"

// cacheFormat names the shape of a cached submission: change it whenever
// ingest.Submission gains or loses a field, so that old entries are not
// taken for new ones by a build that keeps its version string.
const cacheFormat = "submission-6"

// parseCache is the batch's own store of parsed files.
// It is safe for concurrent use: only the record of entries used is shared.
type parseCache struct {
	dir  string
	salt string // program version + configuration digest
	mu   sync.Mutex
	used map[string]bool
}

// use notes that this run needs entry k, so that prune keeps it.
func (c *parseCache) use(k string) {
	c.mu.Lock()
	c.used[k] = true
	c.mu.Unlock()
}

func newParseCache(out, version string, cfg *domain.Config) (*parseCache, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(cfg); err != nil {
		return nil, fmt.Errorf("configuration digest: %w", err)
	}
	sum := sha256.Sum256(b.Bytes())
	dir := filepath.Join(out, cacheDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache folder: %w", err)
	}
	return &parseCache{dir: dir, salt: cacheFormat + "|" + buildIdentity(version) + "|" + hex.EncodeToString(sum[:]), used: map[string]bool{}}, nil
}

// buildIdentity names the program for the caches: its version when a
// release build was stamped with one, else the digest of the executable
// itself, so that a rebuilt program never takes another build's results
// ("dev", or a tree with changes, names many builds).
func buildIdentity(version string) string {
	if version != "" && version != "dev" && !strings.HasSuffix(version, "-dirty") {
		return version
	}
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err = io.Copy(h, f); err == nil {
				return version + "+" + hex.EncodeToString(h.Sum(nil)[:12])
			}
		}
	}
	return version + "+unknown-" + time.Now().Format(time.RFC3339Nano) // never matches: nothing is reused
}

// An entry is one file: the length of the description (8 bytes, little
// endian), the description (gob), then the records (gob of IPC streams),
// so that a re-run reads every description but only the records of the
// units it has to compute again.
const entryHeader = 8

func (c *parseCache) key(rel, sha string) string {
	sum := sha256.Sum256([]byte(c.salt + "|" + rel + "|" + sha))
	return hex.EncodeToString(sum[:16])
}

// load returns the parsed file for rel with content hash sha, without its
// records (see loadRecords), or nil.
func (c *parseCache) load(rel, sha string) *ingest.Submission {
	k := c.key(rel, sha)
	c.use(k)
	f, err := os.Open(filepath.Join(c.dir, k))
	if err != nil {
		return nil
	}
	defer f.Close()
	var head [entryHeader]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return nil
	}
	n := binary.LittleEndian.Uint64(head[:])
	if st, err := f.Stat(); err != nil || n > uint64(st.Size()-entryHeader) {
		return nil // cut short, or not an entry
	}
	data := make([]byte, n)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil
	}
	var sub ingest.Submission
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&sub); err != nil {
		return nil
	}
	return &sub
}

// loadRecords returns the records of the parsed file for rel with content
// hash sha.
func (c *parseCache) loadRecords(rel, sha string, mem memory.Allocator) (map[domain.Kind]arrow.RecordBatch, error) {
	data, err := os.ReadFile(filepath.Join(c.dir, c.key(rel, sha)))
	if err != nil {
		return nil, err
	}
	if len(data) < entryHeader || binary.LittleEndian.Uint64(data) > uint64(len(data)-entryHeader) {
		return nil, fmt.Errorf("cache entry cut short")
	}
	var streams map[domain.Kind][]byte
	if err := gob.NewDecoder(bytes.NewReader(data[entryHeader+binary.LittleEndian.Uint64(data):])).Decode(&streams); err != nil {
		return nil, err
	}
	out := map[domain.Kind]arrow.RecordBatch{}
	for k, b := range streams {
		rec, err := readIPC(b, mem)
		if err != nil {
			for _, r := range out {
				r.Release()
			}
			return nil, err
		}
		out[k] = rec
	}
	return out, nil
}

// store saves a parsed file, its description and records in one file put
// in place whole. It reports whether it was saved; a failure only costs a
// re-read.
func (c *parseCache) store(sub *ingest.Submission) bool {
	k := c.key(sub.Path, sub.SHA256)
	c.use(k)
	streams := map[domain.Kind][]byte{}
	for kind, rec := range sub.Records {
		b, err := writeIPC(rec)
		if err != nil {
			return false
		}
		streams[kind] = b
	}
	meta := *sub
	meta.Records = nil
	var buf bytes.Buffer
	buf.Write(make([]byte, entryHeader))
	if gob.NewEncoder(&buf).Encode(&meta) != nil {
		return false
	}
	binary.LittleEndian.PutUint64(buf.Bytes(), uint64(buf.Len()-entryHeader))
	if gob.NewEncoder(&buf).Encode(streams) != nil {
		return false
	}
	return c.write(k, buf.Bytes())
}

// write saves data as the cache file name, atomically.
func (c *parseCache) write(name string, data []byte) bool {
	tmp, err := os.CreateTemp(c.dir, "."+name+".tmp-*")
	if err != nil {
		return false
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return false
	}
	if err := os.Rename(tmp.Name(), filepath.Join(c.dir, name)); err != nil {
		os.Remove(tmp.Name())
		return false
	}
	return true
}

// prune removes the entries this run did not use (files gone or changed).
func (c *parseCache) prune() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() {
			continue // the units' cache prunes itself
		}
		if !c.used[e.Name()] || strings.HasPrefix(e.Name(), ".") {
			os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}

func writeIPC(rec arrow.RecordBatch) ([]byte, error) {
	var buf bytes.Buffer
	w := ipc.NewWriter(&buf, ipc.WithSchema(rec.Schema()))
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func readIPC(b []byte, mem memory.Allocator) (arrow.RecordBatch, error) {
	r, err := ipc.NewReader(bytes.NewReader(b), ipc.WithAllocator(mem))
	if err != nil {
		return nil, err
	}
	defer r.Release()
	if !r.Next() {
		if err := r.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("empty record stream")
	}
	rec := r.RecordBatch()
	rec.Retain()
	return rec, nil
}
