package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

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
const cacheFormat = "submission-2"

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
	return &parseCache{dir: dir, salt: cacheFormat + "|" + version + "|" + hex.EncodeToString(sum[:]), used: map[string]bool{}}, nil
}

// cachedSubmission is a Submission with its records as Arrow IPC streams.
type cachedSubmission struct {
	Meta    ingest.Submission
	Records map[domain.Kind][]byte
}

func (c *parseCache) key(rel, sha string) string {
	sum := sha256.Sum256([]byte(c.salt + "|" + rel + "|" + sha))
	return hex.EncodeToString(sum[:16])
}

// load returns the parsed file for rel with content hash sha, or nil.
func (c *parseCache) load(rel, sha string, mem memory.Allocator) *ingest.Submission {
	k := c.key(rel, sha)
	c.use(k)
	data, err := os.ReadFile(filepath.Join(c.dir, k))
	if err != nil {
		return nil
	}
	var cs cachedSubmission
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&cs); err != nil {
		return nil
	}
	sub := cs.Meta
	sub.Records = map[domain.Kind]arrow.RecordBatch{}
	for k, b := range cs.Records {
		rec, err := readIPC(b, mem)
		if err != nil {
			sub.Release()
			return nil
		}
		sub.Records[k] = rec
	}
	return &sub
}

// store saves a parsed file; a failure only costs a re-read next time.
func (c *parseCache) store(sub *ingest.Submission) {
	k := c.key(sub.Path, sub.SHA256)
	c.use(k)
	cs := cachedSubmission{Meta: *sub, Records: map[domain.Kind][]byte{}}
	cs.Meta.Records = nil
	for kind, rec := range sub.Records {
		b, err := writeIPC(rec)
		if err != nil {
			return
		}
		cs.Records[kind] = b
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cs); err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, "."+k+".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), filepath.Join(c.dir, k)); err != nil {
		os.Remove(tmp.Name())
	}
}

// prune removes the entries this run did not use (files gone or changed).
func (c *parseCache) prune() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
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
