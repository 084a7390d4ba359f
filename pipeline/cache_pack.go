package pipeline

import (
	"encoding/gob"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// packStore keeps the parse cache's entries in pack files: each run
// appends the entries it writes to one new pack, and an index names where
// every entry lies. Creating a file costs far more than writing one (on
// the development machine's ext4, 0.6 ms of CPU against 20 µs to truncate
// one), so a run of three hundred files creates two: its pack and the
// index. Packs whose entries are mostly unused are copied together by
// compact.
//
// An entry is a description and its records, each with a CRC-32C in the
// index: an entry damaged on disk (a crash before the data reached it) is
// a miss, never wrong data.
type packStore struct {
	dir string

	mu    sync.Mutex
	index map[string]packEntry // by key: the entries of earlier runs and this run's
	files map[string]*os.File  // packs open for reading, by name
	cur   *os.File             // this run's pack, created on the first put
	end   atomic.Int64         // where the next entry goes in cur
	pool  sync.Pool            // *[]byte buffers for entries being written
}

// packEntry is where an entry lies.
type packEntry struct {
	Pack             string
	Off              int64
	DescLen, RecLen  int64
	DescCRC, RecsCRC uint32
}

// packIndex is the index file, written whole at the end of each run.
type packIndex struct {
	Format  string
	Entries map[string]packEntry
}

const (
	packIndexName = "index"
	packSuffix    = ".pack"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// openPackStore opens the store in dir, creating dir. An index of another
// format, or none, is an empty store.
func openPackStore(dir string) (*packStore, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &packStore{dir: dir, index: map[string]packEntry{}, files: map[string]*os.File{}}
	if f, err := os.Open(filepath.Join(dir, packIndexName)); err == nil {
		var idx packIndex
		if gob.NewDecoder(f).Decode(&idx) == nil && idx.Format == cacheFormat {
			s.index = idx.Entries
		}
		f.Close()
	}
	return s, nil
}

// has reports whether key has an entry.
func (s *packStore) has(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.index[key]
	return ok
}

// description returns the description part of key's entry.
func (s *packStore) description(key string) ([]byte, error) {
	e, f, err := s.open(key)
	if err != nil {
		return nil, err
	}
	return readChecked(f, e.Off, e.DescLen, e.DescCRC)
}

// records returns the records part of key's entry.
func (s *packStore) records(key string) ([]byte, error) {
	e, f, err := s.open(key)
	if err != nil {
		return nil, err
	}
	return readChecked(f, e.Off+e.DescLen, e.RecLen, e.RecsCRC)
}

func (s *packStore) open(key string) (packEntry, *os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.index[key]
	if !ok {
		return e, nil, os.ErrNotExist
	}
	f := s.files[e.Pack]
	if f == nil {
		var err error
		if f, err = os.Open(filepath.Join(s.dir, e.Pack)); err != nil {
			return e, nil, err
		}
		s.files[e.Pack] = f
	}
	return e, f, nil
}

func readChecked(f *os.File, off, n int64, sum uint32) ([]byte, error) {
	b := make([]byte, n)
	if _, err := f.ReadAt(b, off); err != nil {
		return nil, err
	}
	if crc32.Checksum(b, castagnoli) != sum {
		return nil, fmt.Errorf("cache entry damaged")
	}
	return b, nil
}

// put writes an entry under key: write fills the buffer it is given with
// the description, then the records, and returns the description's
// length. Entries are written side by side, each at its own place.
func (s *packStore) put(key string, write func(buf []byte) ([]byte, int, error)) error {
	bp, _ := s.pool.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer s.pool.Put(bp)
	b, descLen, err := write((*bp)[:0])
	if err != nil {
		return err
	}
	*bp = b
	f, name, err := s.current()
	if err != nil {
		return err
	}
	off := s.end.Add(int64(len(b))) - int64(len(b))
	if _, err := f.WriteAt(b, off); err != nil {
		return err
	}
	e := packEntry{Pack: name, Off: off, DescLen: int64(descLen), RecLen: int64(len(b) - descLen),
		DescCRC: crc32.Checksum(b[:descLen], castagnoli), RecsCRC: crc32.Checksum(b[descLen:], castagnoli)}
	s.mu.Lock()
	s.index[key] = e
	s.mu.Unlock()
	return nil
}

// current returns this run's pack, created on first use.
func (s *packStore) current() (*os.File, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil {
		f, err := os.CreateTemp(s.dir, "run-*"+packSuffix)
		if err != nil {
			return nil, "", err
		}
		s.cur = f
		s.files[filepath.Base(f.Name())] = f
	}
	return s.cur, filepath.Base(s.cur.Name()), nil
}

// keepOnly drops every entry but those of keep, copies the entries still
// used of sparse packs into this run's pack (when the packs hold more
// unused bytes than used ones, or are many), writes the index, and
// removes the packs no entry is in — and what a killed run left. Nothing
// else may use the store meanwhile.
func (s *packStore) keepOnly(keep map[string]bool) error {
	s.mu.Lock()
	for k := range s.index {
		if !keep[k] {
			delete(s.index, k)
		}
	}
	curName := ""
	if s.cur != nil {
		curName = filepath.Base(s.cur.Name())
	}
	used := map[string]int64{} // used bytes by pack
	for _, e := range s.index {
		used[e.Pack] += e.DescLen + e.RecLen
	}
	s.mu.Unlock()

	if s.sparse(used, curName) {
		if err := s.compact(curName); err != nil {
			return err
		}
	}
	if err := s.writeIndex(); err != nil {
		return err
	}
	s.mu.Lock()
	live := map[string]bool{}
	for _, e := range s.index {
		live[e.Pack] = true
	}
	s.mu.Unlock()
	list, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, de := range list {
		name := de.Name()
		if name == packIndexName || live[name] || name == curName {
			continue
		}
		if f := s.files[name]; f != nil {
			f.Close()
			delete(s.files, name)
		}
		os.Remove(filepath.Join(s.dir, name))
	}
	return nil
}

// maxPacks is how many packs the store keeps before it copies them into one.
const maxPacks = 4

// sparse reports whether the packs of earlier runs should be copied
// together: more unused bytes in them than used ones, or too many packs.
func (s *packStore) sparse(used map[string]int64, curName string) bool {
	var usedOld, total int64
	packs := 0
	for name, n := range used {
		if name == curName {
			continue
		}
		packs++
		usedOld += n
		st, err := os.Stat(filepath.Join(s.dir, name))
		if err != nil {
			return true
		}
		total += st.Size()
	}
	return packs > maxPacks || total-usedOld > usedOld
}

// compact copies every entry of earlier runs' packs into this run's.
func (s *packStore) compact(curName string) error {
	s.mu.Lock()
	keys := make([]string, 0, len(s.index))
	for k, e := range s.index {
		if e.Pack != curName {
			keys = append(keys, k)
		}
	}
	s.mu.Unlock()
	if len(keys) == 0 {
		return nil
	}
	f, name, err := s.current()
	if err != nil {
		return err
	}
	for _, k := range keys {
		e, src, err := s.open(k)
		if err != nil {
			s.drop(k)
			continue
		}
		n := e.DescLen + e.RecLen
		off := s.end.Add(n) - n
		if _, err := io.Copy(io.NewOffsetWriter(f, off), io.NewSectionReader(src, e.Off, n)); err != nil {
			return err
		}
		e.Pack, e.Off = name, off
		s.mu.Lock()
		s.index[k] = e
		s.mu.Unlock()
	}
	return nil
}

func (s *packStore) drop(key string) {
	s.mu.Lock()
	delete(s.index, key)
	s.mu.Unlock()
}

// writeIndex puts the index in place whole.
func (s *packStore) writeIndex() error {
	tmp, err := os.CreateTemp(s.dir, "."+packIndexName+".tmp-*")
	if err != nil {
		return err
	}
	s.mu.Lock()
	err = gob.NewEncoder(tmp).Encode(packIndex{Format: cacheFormat, Entries: s.index})
	s.mu.Unlock()
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(s.dir, packIndexName))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// close closes the packs open.
func (s *packStore) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, f := range s.files {
		f.Close()
		delete(s.files, name)
	}
	s.cur = nil
}
