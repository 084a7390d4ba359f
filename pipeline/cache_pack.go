package pipeline

import (
	"cmp"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/s2"
)

// packStore keeps the parse cache's entries: each entry's description (D)
// in an index, read whole when the store opens, and its bytes — a head and
// a body — in pack files: each run appends what it writes to one new pack.
// Creating a file costs far more than writing one (on the development
// machine's ext4, 0.6 ms of CPU against 20 µs to truncate one), so a run of
// three hundred files creates a handful (its pack, the index, the hashes'
// file) rather than three hundred; and the descriptions, which every run
// reads, are one gob stream rather than one per file. keepOnly copies
// packs whose bytes are mostly unused, or the smallest of too many, into
// the newest (toCopy).
//
// An entry's body is kept S2-compressed: a parsed file's records shrink
// about fourfold at 2.4 GB/s of one core, and writing them costs more — on
// the development machine's VM, copying a SCALE=10 cold batch's 2.1 GB into
// the page cache took 8 % of its CPU (perf), 1.4 % with the records
// compressed (1.2 GB), the S2 codec 0.9 %.
//
// The index, and each entry's head and body, carry a CRC-32C: a damaged
// index is an empty store, a damaged head or body a miss, never wrong data.
type packStore[D any] struct {
	dir string

	mu    sync.Mutex
	index map[string]packEntry[D] // by key: the entries of earlier runs and this run's
	files map[string]*os.File     // packs open for reading, by name
	cur   *os.File                // this run's pack, created on the first put
	end   atomic.Int64            // where the next entry goes in cur
	bufs  bytePool                // entries' bytes being written and compressed, or read to be decoded
}

// packEntry is an entry: its description, and where its bytes lie.
type packEntry[D any] struct {
	Desc     D
	Pack     string
	Off, Len int64
	// The entry's bytes are a head (its first Head bytes) and a body, each
	// with its CRC-32C: either is read without the other.
	Head             int64
	HeadCRC, BodyCRC uint32
}

// packIndex is the index file's gob (written by writeChecked).
type packIndex[D any] struct {
	Format  string
	Entries map[string]packEntry[D]
}

const (
	packIndexName = "index"
	packSuffix    = ".pack"
)

// openPackStore opens the store in dir, creating dir. An index of another
// format, a damaged one, or none, is an empty store.
func openPackStore[D any](dir string) (*packStore[D], error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &packStore[D]{dir: dir, index: map[string]packEntry[D]{}, files: map[string]*os.File{}}
	if idx := (packIndex[D]{}); readCheckedGob(filepath.Join(dir, packIndexName), &idx) && idx.Format == cacheFormat {
		s.index = idx.Entries
	}
	return s, nil
}

// description returns the description of key's entry.
func (s *packStore[D]) description(key string) (D, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.index[key]
	return e.Desc, ok
}

// head returns the head of key's entry.
func (s *packStore[D]) head(key string) ([]byte, error) {
	e, f, err := s.open(key)
	if err != nil {
		return nil, err
	}
	return readSum(f, e.Off, e.Head, e.HeadCRC, nil)
}

// body returns the body of key's entry.
func (s *packStore[D]) body(key string) ([]byte, error) {
	e, f, err := s.open(key)
	if err != nil {
		return nil, err
	}
	packed := s.bufs.get() // wanted only until decoded
	defer s.bufs.put(packed)
	b, err := readSum(f, e.Off+e.Head, e.Len-e.Head, e.BodyCRC, *packed)
	if err != nil {
		return nil, err
	}
	*packed = b[:0]
	return s2.Decode(nil, b)
}

// readSum reads n bytes at off into buf, grown as needed, and checks their
// CRC-32C.
func readSum(f *os.File, off, n int64, sum uint32, buf []byte) ([]byte, error) {
	b := slices.Grow(buf[:0], int(n))[:n]
	if _, err := f.ReadAt(b, off); err != nil {
		return nil, err
	}
	if crc32.Checksum(b, castagnoli) != sum {
		return nil, fmt.Errorf("cache entry damaged")
	}
	return b, nil
}

func (s *packStore[D]) open(key string) (packEntry[D], *os.File, error) {
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

// put keeps an entry under key: desc, and the bytes that write appends to
// the buffer it is given, the first head of them its head. Entries are
// written side by side, each at its own place.
func (s *packStore[D]) put(key string, desc D, write func(buf []byte) (b []byte, head int, err error)) error {
	raw, packed := s.bufs.get(), s.bufs.get()
	defer s.bufs.put(raw)
	defer s.bufs.put(packed)
	b, head, err := write((*raw)[:0])
	if err != nil {
		return err
	}
	*raw = b
	if *packed, err = compressBody(*packed, b, head); err != nil {
		return err
	}
	b = *packed
	f, name, err := s.current()
	if err != nil {
		return err
	}
	off := s.end.Add(int64(len(b))) - int64(len(b))
	if _, err := f.WriteAt(b, off); err != nil {
		return err
	}
	s.mu.Lock()
	s.index[key] = packEntry[D]{Desc: desc, Pack: name, Off: off, Len: int64(len(b)), Head: int64(head),
		HeadCRC: crc32.Checksum(b[:head], castagnoli), BodyCRC: crc32.Checksum(b[head:], castagnoli)}
	s.mu.Unlock()
	return nil
}

// compressBody returns, in dst, entry's head as it is and its body (what
// follows the head) S2-compressed.
func compressBody(dst, entry []byte, head int) ([]byte, error) {
	body := entry[head:]
	n := s2.MaxEncodedLen(len(body))
	if n < 0 {
		return dst, fmt.Errorf("cache entry of %d bytes: too large to compress", len(body))
	}
	dst = slices.Grow(dst[:0], head+n)
	dst = append(dst, entry[:head]...)
	packed := s2.Encode(dst[head:cap(dst)], body)
	return dst[:head+len(packed)], nil
}

// current returns this run's pack, created on first use.
func (s *packStore[D]) current() (*os.File, string, error) {
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
	return s.cur, s.curName(), nil
}

// curName is the file name of this run's pack; "" before it is made. The
// caller holds s.mu.
func (s *packStore[D]) curName() string {
	if s.cur == nil {
		return ""
	}
	return filepath.Base(s.cur.Name())
}

// keepOnly drops every entry but those of keep, copies those in the packs
// named by toCopy (packStore.toCopy) into this run's pack, writes the
// index, and removes the packs no entry is in — and what a killed run left.
// Files of its folder that are not its own are left alone. Entries of keep
// may be read meanwhile, but not while packs are copied (compact): that
// moves them.
func (s *packStore[D]) keepOnly(keep map[string]bool, toCopy map[string]bool) error {
	s.mu.Lock()
	for k := range s.index {
		if !keep[k] {
			delete(s.index, k)
		}
	}
	s.mu.Unlock()
	if len(toCopy) > 0 {
		if err := s.compact(toCopy); err != nil {
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
	curName := s.curName()
	s.mu.Unlock()
	list, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, de := range list {
		name := de.Name()
		if !strings.HasSuffix(name, packSuffix) || live[name] || name == curName {
			continue // a pack in use, or not a pack (what a killed run left of a list, writeChecked removes)
		}
		s.mu.Lock()
		if f := s.files[name]; f != nil {
			f.Close()
			delete(s.files, name)
		}
		s.mu.Unlock()
		os.Remove(filepath.Join(s.dir, name))
	}
	return nil
}

// toCopy lists the packs of earlier runs whose entries of keep
// keepOnly(keep, …) should copy into this run's pack (see packsToCopy):
// none, most nights.
func (s *packStore[D]) toCopy(keep map[string]bool) map[string]bool {
	s.mu.Lock()
	curName := s.curName()
	used := map[string]int64{} // used bytes by pack
	for k, e := range s.index {
		if keep[k] && e.Pack != curName {
			used[e.Pack] += e.Len
		}
	}
	s.mu.Unlock()
	sizes := map[string]int64{}
	var gone []string
	for name := range used {
		st, err := os.Stat(filepath.Join(s.dir, name))
		if err != nil {
			gone = append(gone, name)
			delete(used, name)
			continue
		}
		sizes[name] = st.Size()
	}
	out := packsToCopy(used, sizes)
	for _, name := range gone {
		out[name] = true // its entries cannot be opened: compact drops them
	}
	return out
}

// maxPacks is how many packs of earlier runs the store keeps: beyond it,
// the smallest are copied into the newest, down to maxPacks-1, so that a
// store at the bound copies two small packs every second night. (The
// packs a run reads from are open at once: a run that computes every unit
// again opens them all.)
const maxPacks = 64

// packsToCopy picks, from the packs of earlier runs with their used bytes
// and their sizes, those to copy: each one mostly unused, and when more
// than maxPacks are left, the smallest, until maxPacks-1 are (this run's
// pack makes maxPacks). A night's pack holds the few files that changed
// that night, and is left as it is until most of them changed again.
// Copying packs together to keep few of them copied each entry again and
// again: simulated over two years of nights that each change 1 % of a
// county's files (TestPacksToCopyOverTwoYears), four packs kept meant 6 MB
// copied a night on average, and on some nights the first run's whole
// pack (123 MB, a tenth of a second); now about 1 MB — mostly two small
// packs every second night, the county keeping some hundred nights' packs
// — and the first run's pack once, when half of it is unused (62 MB, and
// half of that on a later night as it empties in turn). (Sizes of the
// records uncompressed: in the packs, a quarter of them.)
func packsToCopy(used, sizes map[string]int64) map[string]bool {
	out := map[string]bool{}
	var left []string
	for name, n := range used {
		if sizes[name]-n > n {
			out[name] = true
		} else {
			left = append(left, name)
		}
	}
	if len(left) <= maxPacks {
		return out
	}
	slices.SortFunc(left, func(a, b string) int { return cmp.Or(cmp.Compare(used[a], used[b]), strings.Compare(a, b)) })
	for _, name := range left[:len(left)-maxPacks+1] {
		out[name] = true
	}
	return out
}

// compact copies the entries in the packs named into this run's.
func (s *packStore[D]) compact(packs map[string]bool) error {
	s.mu.Lock()
	var keys []string
	for k, e := range s.index {
		if packs[e.Pack] {
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
		n := e.Len
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

func (s *packStore[D]) drop(key string) {
	s.mu.Lock()
	delete(s.index, key)
	s.mu.Unlock()
}

// writeIndex puts the index in place whole.
func (s *packStore[D]) writeIndex() error {
	s.mu.Lock()
	entries := maps.Clone(s.index) // encoded unlocked: units read packs meanwhile (pruneAside)
	s.mu.Unlock()
	return writeCheckedGob(filepath.Join(s.dir, packIndexName), packIndex[D]{Format: cacheFormat, Entries: entries})
}

// close closes the packs open.
func (s *packStore[D]) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, f := range s.files {
		f.Close()
		delete(s.files, name)
	}
	s.cur = nil
	s.end.Store(0)
}
