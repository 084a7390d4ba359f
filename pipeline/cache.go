package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
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

// cacheDir holds the batch's caches under the output folder: parsed
// submissions (parseCacheDir), keyed by the file's path and content hash,
// the configuration and the program version — a nightly re-run reads
// again only the files that changed — and computed units (unitCacheDir).
const cacheDir = ".cache"

// parseCacheDir is the parse cache's folder in cacheDir.
const parseCacheDir = "parse"

// cacheFormat names the shape of a cached submission and of the parse
// cache's files (index, packs, kept hashes): change it whenever either
// changes, so that old entries are not taken for new ones by a build that
// keeps its version string.
const cacheFormat = "submission-13"

// parseCache is the batch's own store of parsed files. It is safe for
// concurrent use, but for a prune that copies packs, which runs alone
// (pruneAside).
type parseCache struct {
	root   string // cacheDir in the output folder
	salt   string // program version + configuration digest
	packs  *packStore[*ingest.Submission]
	hashes *fileHashes
	mu     sync.Mutex
	used   map[string]bool
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
	root := filepath.Join(out, cacheDir)
	packs, err := openPackStore[*ingest.Submission](filepath.Join(root, parseCacheDir))
	if err != nil {
		return nil, fmt.Errorf("cache folder: %w", err)
	}
	return &parseCache{root: root, packs: packs, hashes: openFileHashes(packs.dir, time.Now()), salt: cacheFormat + "|" + buildIdentity(version) + "|" + hex.EncodeToString(sum[:]), used: map[string]bool{}}, nil
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

// An entry is one file's description — the submission without its
// records and self-reported tables — kept in the index, then in a pack its
// self-reported tables (gob) as the entry's head and its records as the
// body: for each kind, the kind's name and an Arrow IPC stream, each after
// its length (8 bytes, little endian). A re-run reads every description,
// but the records and tables only of the units it computes again.
func (c *parseCache) key(rel, sha string) string {
	sum := sha256.Sum256([]byte(c.salt + "|" + rel + "|" + sha))
	return hex.EncodeToString(sum[:16])
}

// load returns the parsed file for rel with content hash sha, without its
// records and self-reported tables (see loadRecords, loadSummary), or nil.
func (c *parseCache) load(rel, sha string) *ingest.Submission {
	k := c.key(rel, sha)
	c.use(k)
	desc, ok := c.packs.description(k)
	if !ok || desc == nil {
		return nil
	}
	return descriptionOf(desc) // the caller's own, to change
}

// descriptionOf is what the cache keeps of a submission: a copy without its
// records and self-reported tables, sharing nothing the submission may
// change (the index is written at the end of reading, the submissions are
// used after).
func descriptionOf(s *ingest.Submission) *ingest.Submission {
	d := *s
	d.Records, d.Summary = nil, nil
	d.Sheets = slices.Clone(s.Sheets)
	d.Rows = maps.Clone(s.Rows)
	d.Subtotals = slices.Clone(s.Subtotals)
	d.Findings = slices.Clone(s.Findings)
	return &d
}

// loadSummary returns the self-reported tables of the parsed file for rel
// with content hash sha.
func (c *parseCache) loadSummary(rel, sha string) (*domain.SelfReport, error) {
	data, err := c.packs.head(c.key(rel, sha))
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("no summary tables in the cache")
	}
	var out *domain.SelfReport
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// loadRecords returns the records of the parsed file for rel with content
// hash sha.
func (c *parseCache) loadRecords(rel, sha string, mem memory.Allocator) (map[domain.Kind]arrow.RecordBatch, error) {
	data, err := c.packs.body(c.key(rel, sha))
	if err != nil {
		return nil, err
	}
	out := map[domain.Kind]arrow.RecordBatch{}
	fail := func(err error) (map[domain.Kind]arrow.RecordBatch, error) {
		for _, r := range out {
			r.Release()
		}
		return nil, err
	}
	for len(data) > 0 {
		var kind, stream []byte
		if kind, data, err = cutLength(data); err == nil {
			stream, data, err = cutLength(data)
		}
		if err != nil {
			return fail(err)
		}
		stored, err := readIPC(stream, mem)
		if err != nil {
			return fail(err)
		}
		rec, err := withLineage(stored, domain.Schema(domain.Kind(kind)), mem)
		stored.Release()
		if err != nil {
			return fail(err)
		}
		out[domain.Kind(kind)] = rec
	}
	return out, nil
}

// cutLength splits off the part that data begins with, after its length.
func cutLength(data []byte) (part, rest []byte, err error) {
	if len(data) < 8 || binary.LittleEndian.Uint64(data) > uint64(len(data)-8) {
		return nil, nil, fmt.Errorf("cache entry cut short")
	}
	n := 8 + binary.LittleEndian.Uint64(data)
	return data[8:n], data[n:], nil
}

// store saves a parsed file, its description, self-reported tables and
// records. It reports whether it was saved; a failure only costs a re-read.
func (c *parseCache) store(sub *ingest.Submission) bool {
	k := c.key(sub.Path, sub.SHA256)
	c.use(k)
	err := c.packs.put(k, descriptionOf(sub), func(buf []byte) ([]byte, int, error) {
		w := &appendWriter{buf}
		if sub.Summary != nil {
			if err := gob.NewEncoder(w).Encode(sub.Summary); err != nil {
				return nil, 0, err
			}
		}
		head := len(w.b)
		for _, kind := range slices.Sorted(maps.Keys(sub.Records)) {
			w.lengthThen(func() error { w.b = append(w.b, kind...); return nil })
			rec, err := withoutLineage(sub.Records[kind])
			if err != nil {
				return nil, 0, err
			}
			err = w.lengthThen(func() error { return writeIPC(w, rec) })
			rec.Release()
			if err != nil {
				return nil, 0, err
			}
		}
		return w.b, head, nil
	})
	return err == nil
}

// appendWriter appends what is written to it to b.
type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// lengthThen writes what write writes after its length, 8 bytes.
func (w *appendWriter) lengthThen(write func() error) error {
	at := len(w.b)
	w.b = append(w.b, make([]byte, 8)...)
	if err := write(); err != nil {
		return err
	}
	binary.LittleEndian.PutUint64(w.b[at:], uint64(len(w.b)-at-8))
	return nil
}

// pruneAside prunes the cache and returns a function that waits until it
// is done: on the side, while the units are computed, unless packs are to
// be copied (units read them). It must be called once every file is read,
// and its wait before the cache is closed.
func (c *parseCache) pruneAside() (wait func()) {
	c.mu.Lock()
	keep := maps.Clone(c.used)
	c.mu.Unlock()
	if packs := c.packs.toCopy(keep); len(packs) > 0 {
		c.prune(keep, packs)
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.prune(keep, nil)
	}()
	return func() { <-done }
}

// prune drops the entries not in keep (files gone or changed), after first
// copying those of the packs named by toCopy into this run's pack
// (packStore.toCopy), and what older versions of the cache left in its
// folder.
func (c *parseCache) prune(keep map[string]bool, toCopy map[string]bool) {
	c.packs.keepOnly(keep, toCopy)
	c.hashes.save()
	entries, err := os.ReadDir(c.root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() {
			os.Remove(filepath.Join(c.root, e.Name())) // the one-file-per-entry cache of earlier versions
		}
	}
}

// close lets go of the cache's open files.
func (c *parseCache) close() { c.packs.close() }

func writeIPC(out io.Writer, rec arrow.RecordBatch) error {
	w := ipc.NewWriter(out, ipc.WithSchema(rec.Schema()))
	if err := w.Write(rec); err != nil {
		return err
	}
	return w.Close()
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
