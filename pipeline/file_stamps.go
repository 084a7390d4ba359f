package pipeline

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"sync"
	"time"

	"gongkai/ingest"
	"gongkai/output"
)

// fileStamp is an inbox file's stamp (output.FileStamp): unchanged, so is
// its content.
type fileStamp = output.FileStamp

// stampedHash is a file's content hash with the stamp it was taken under.
type stampedHash struct {
	Stamp  fileStamp
	SHA256 string
}

// fileHashes gives inbox files' content hashes, hashing again only files
// whose stamp changed since the run before (as git's index does): a
// nightly re-run of a county where a few files changed reads a few files,
// not all of them. It is safe for concurrent use.
type fileHashes struct {
	path    string    // where the hashes are kept between runs
	trusted time.Time // a stamp changed after this may be racing a write: not kept
	before  map[string]stampedHash

	mu     sync.Mutex
	now    map[string]stampedHash // this run's, kept for the next
	hashed int                    // files hashed by this run
}

// stampsFile is the file of kept hashes in the parse cache's folder.
const stampsFile = "stamps"

// keptHashes is the stamps file's gob (written by writeChecked).
type keptHashes struct {
	Format string
	Hashes map[string]stampedHash
}

// StampRace is how long before a run a file's stamp must have last changed
// for the run to keep its hash by it: a write in the same tick of the
// clock would leave the stamp unchanged. A file changed later is hashed
// again by the next run. (`gongkai run` reads no file changed within a
// minute before it, by default: Options.Settle.)
const StampRace = time.Second

// openFileHashes reads the hashes kept in dir. started is when the run
// started: stamps of files changed less than StampRace before are not
// kept.
func openFileHashes(dir string, started time.Time) *fileHashes {
	h := &fileHashes{path: filepath.Join(dir, stampsFile), trusted: started.Add(-StampRace),
		before: map[string]stampedHash{}, now: map[string]stampedHash{}}
	if kept := (keptHashes{}); readCheckedGob(h.path, &kept) && kept.Format == cacheFormat {
		h.before = kept.Hashes
	}
	return h
}

// known reports whether the hash of the inbox file rel, listed with stamp
// st (nil: none), is known from the run before.
func (h *fileHashes) known(rel string, st *fileStamp) bool {
	old, ok := h.before[rel]
	return st != nil && ok && old.Stamp == *st
}

// hash returns the content hash of the inbox file rel at full, listed with
// stamp st (nil: none), and whether the stamp vouched for the run before's
// hash (the file was not read).
func (h *fileHashes) hash(rel, full string, st *fileStamp) (string, bool, error) {
	if h.known(rel, st) {
		old := h.before[rel]
		h.keep(rel, old)
		return old.SHA256, true, nil
	}
	sha, err := ingest.HashFile(full)
	if err != nil {
		return "", false, err
	}
	h.mu.Lock()
	h.hashed++
	h.mu.Unlock()
	if st == nil { // no stamp to keep the hash by
		return sha, false, nil
	}
	if after := output.StampAt(full); after != nil && *after == *st && time.Unix(0, st.CTime).Before(h.trusted) {
		h.keep(rel, stampedHash{*st, sha})
	}
	return sha, false, nil
}

func (h *fileHashes) keep(rel string, s stampedHash) {
	h.mu.Lock()
	h.now[rel] = s
	h.mu.Unlock()
}

// save keeps this run's hashes for the next run; a failure only costs
// hashing again.
func (h *fileHashes) save() {
	var b bytes.Buffer
	h.mu.Lock()
	err := gob.NewEncoder(&b).Encode(keptHashes{cacheFormat, h.now})
	h.mu.Unlock()
	if err == nil {
		writeChecked(h.path, b.Bytes())
	}
}
