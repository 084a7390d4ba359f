package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// unitCacheDir, in the caches' folder beside the parse cache, keeps each unit's results and files
// (its workbook, its parts of the county's files) by a digest of
// everything they are made from, so that a re-run computes and writes
// again only the units whose inputs changed.
const unitCacheDir = "units"

// unitCacheFormat names the shape of a cached unit: change it whenever
// unitResult, output.UnitParts or what a unit's digest covers changes.
const unitCacheFormat = "unit-12"

// unitResultFile is the file of a unit's cached result in its folder.
const unitResultFile = "unit.gob"

// unitCache is the batch's store of computed units.
type unitCache struct {
	dir    string
	salt   string
	mu     sync.Mutex
	used   map[string]bool
	synced map[string]bool                // units whose workbooks are on disk (see markSynced)
	pieces map[string]output.EncodedPiece // the last run's detail pieces (see keepPieces)
	// piecesCopied counts the pieces units computed again took as the
	// last run encoded them.
	piecesCopied atomic.Int64
	gobs         gobStreams // decodes the kept units' results
	readBufs     bytePool   // their files read (decodeResult)
	// knownLayouts are those of the county workbooks the last runs wrote
	// (keepLayout), the newest first.
	knownLayouts []output.CountyLayout
	// knownJoined are the county's Parquet files the last run put in place.
	knownJoined []output.JoinedFile
}

// newUnitCache opens the store of the report year's units: each year has
// its own, so that a run for another year leaves this year's alone.
func newUnitCache(pc *parseCache, year int) (*unitCache, error) {
	dir := filepath.Join(pc.root, unitCacheDir, strconv.Itoa(year))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	c := &unitCache{dir: dir, salt: unitCacheFormat + "|" + pc.salt, used: map[string]bool{}, synced: map[string]bool{}}
	c.takeSyncedList()
	c.takePieces()
	c.readLayouts()
	c.readJoined()
	return c, nil
}

// syncedList, beside a year's units, names the units whose workbooks are
// on disk (markSynced).
func (c *unitCache) syncedList() string { return c.dir + ".synced" }

// takeSyncedList reads the list of units whose workbooks are on disk and
// removes it, with what a killed run left of writing it: the list holds
// for the files as they were when it was written, and this run may store
// a unit again under a listed name (an entry that failed its checks) and
// fail before its outputs are in place. Only markSynced writes it again.
func (c *unitCache) takeSyncedList() {
	if list, ok := takeList(c.syncedList()); ok {
		for _, key := range strings.Fields(string(list)) {
			c.synced[key] = true
		}
	}
}

// takeList reads a list kept beside the units (writeChecked) and removes
// it (what a killed run left of writing one, writeChecked removes).
func takeList(path string) ([]byte, bool) {
	list, ok := readChecked(path)
	os.Remove(path)
	return list, ok
}

// markSynced notes that the workbooks of every unit this run used are on
// disk: call it once the run's outputs are in place, every unit workbook
// synced as it was published (or before). The next run publishes them
// again without a sync each.
func (c *unitCache) markSynced() error {
	var list strings.Builder
	for _, key := range slices.Sorted(maps.Keys(c.used)) {
		list.WriteString(key + "\n")
	}
	return writeChecked(c.syncedList(), []byte(list.String()))
}

// unitInputs is everything a unit's results and files are made from
// besides its files' contents, which their hashes stand for.
type unitInputs struct {
	Year     int
	Draft    []byte // the report-draft template (nil: the default)
	Unit     string
	Workbook string // the unit workbook's file name
	Offices  []unitOffice
	Chosen   []domain.Finding // the findings of choosing its files
	Statuses []output.OfficeStatus
	LastYear *domain.UnitFigures // nil when last year is not on hand
	Known    bool                // last year's figures are on hand
}

// unitOffice is an office's chosen files, by content.
type unitOffice struct {
	Office  string
	Summary unitSource // the file of its summary tables; zero for none
	Sources []unitSource
}

type unitSource struct {
	Path, SHA256 string
	Kinds        []domain.Kind
}

// sourcesOf lists an office's chosen ledger files, by content.
func sourcesOf(co chosenOffice) []unitSource {
	var out []unitSource
	for _, src := range co.sources {
		out = append(out, unitSource{Path: src.sub.Path, SHA256: src.sub.SHA256, Kinds: src.kinds})
	}
	return out
}

// digest writes the source into a digest (unitCache.key, pieceKey).
func (s unitSource) digest(h io.Writer) {
	fmt.Fprintf(h, "\x00source %q %s %q", s.Path, s.SHA256, s.Kinds)
}

// key is the digest of the unit's inputs; "" when they cannot be digested.
func (c *unitCache) key(in unitInputs) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%q\x00%q\x00%d\x00", c.salt, in.Year, in.Unit, in.Workbook, len(in.Draft))
	h.Write(in.Draft)
	for _, o := range in.Offices {
		fmt.Fprintf(h, "\x00office %q summary %q %s", o.Office, o.Summary.Path, o.Summary.SHA256)
		for _, s := range o.Sources {
			s.digest(h)
		}
	}
	h.Write([]byte{0})
	enc := json.NewEncoder(h) // no maps but LastYear's, which json orders
	for _, v := range []any{in.Chosen, in.Statuses, in.LastYear, in.Known} {
		if err := enc.Encode(v); err != nil {
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// cachedUnit is what the cache keeps of a unit besides its files.
type cachedUnit struct {
	Figures transform.UnitFigures
	Report  output.UnitReport // its Metrics, the figures', not kept twice
	Parts   output.UnitParts
	History []byte // unitResult.history
	// The workbook's size and time as written: a workbook changed since
	// (someone saved over the published file, a hard link of it) is not
	// given again.
	WorkbookSize int64
	WorkbookTime time.Time
	// FilesCRC is the CRC-32C of the unit's files (workbook, parts), in
	// the order of UnitParts.Files: they are not synced when the unit is
	// kept, so a crash of the machine could leave them damaged under a
	// kept result; a damaged unit is computed again. Within the boot they
	// were written or last checked in (BootID), nothing can have damaged
	// them, and they are not read.
	FilesCRC uint32
	BootID   string
}

// filesCRC is the CRC-32C of the files of parts, one after the other.
func filesCRC(parts output.UnitParts) (uint32, error) {
	var sum uint32
	for _, f := range parts.Files() {
		data, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		sum = crc32.Update(sum, castagnoli, data)
	}
	return sum, nil
}

// load returns the unit cached under key, or false.
func (c *unitCache) load(key string) (unitResult, bool) {
	if key == "" {
		return unitResult{}, false
	}
	dir := filepath.Join(c.dir, key)
	var cu cachedUnit
	if !c.decodeResult(filepath.Join(dir, unitResultFile), &cu) {
		return unitResult{}, false
	}
	parts := cu.Parts.At(dir)
	if parts.Workbook != "" {
		st, err := os.Stat(filepath.Join(dir, parts.Workbook))
		if err != nil || st.Size() != cu.WorkbookSize || !st.ModTime().Equal(cu.WorkbookTime) {
			return unitResult{}, false
		}
	}
	if parts.Check() != nil {
		return unitResult{}, false
	}
	if boot := bootID(); boot == "" || boot != cu.BootID {
		if sum, err := filesCRC(parts); err != nil || sum != cu.FilesCRC {
			return unitResult{}, false
		}
		if boot != "" { // checked: not read again until the next restart
			cu.BootID = boot
			writeCachedUnit(dir, cu)
		}
	}
	c.use(key)
	parts.WorkbookSynced = c.synced[key]
	cu.Report.Metrics = cu.Figures.Metrics
	return unitResult{figures: cu.Figures, report: cu.Report, parts: parts, history: cu.History}, true
}

// decodeResult reads and decodes a unit's cached result, through a buffer
// that serves one file after another (the decoding copies what it keeps):
// a run reads every kept unit's.
func (c *unitCache) decodeResult(path string, cu *cachedUnit) bool {
	buf := c.readBufs.get()
	defer c.readBufs.put(buf)
	data, grown, ok := readCheckedInto(path, *buf)
	*buf = grown[:0]
	return ok && c.gobs.decode(data, cu) == nil
}

func (c *unitCache) use(key string) {
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
}

// workDir is a new folder to write a unit's files in, to be kept under
// key by store.
func (c *unitCache) workDir(key string) (string, error) {
	return os.MkdirTemp(c.dir, ".work-"+key+"-")
}

// store keeps the unit written in work under key and returns it as kept;
// when it cannot be kept, the unit is returned as it is, in work.
func (c *unitCache) store(key, work string, res unitResult) unitResult {
	cu := cachedUnit{Figures: res.figures, Report: res.report, Parts: res.parts, History: res.history}
	cu.Report.Metrics = nil
	if res.parts.Workbook != "" {
		st, err := os.Stat(filepath.Join(work, res.parts.Workbook))
		if err != nil {
			return res
		}
		cu.WorkbookSize, cu.WorkbookTime = st.Size(), st.ModTime()
	}
	var err error
	if cu.FilesCRC, err = filesCRC(res.parts); err != nil {
		return res
	}
	cu.BootID = bootID()
	if key == "" || writeCachedUnit(work, cu) != nil {
		return res
	}
	dir := filepath.Join(c.dir, key)
	os.RemoveAll(dir) // an entry that failed its checks
	if err := os.Rename(work, dir); err != nil {
		return res
	}
	c.use(key)
	res.parts = res.parts.At(dir)
	return res
}

// writeCachedUnit writes cu into its unit's folder dir (writeChecked).
func writeCachedUnit(dir string, cu cachedUnit) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cu); err != nil {
		return err
	}
	return writeChecked(filepath.Join(dir, unitResultFile), buf.Bytes())
}

// prune removes the units this run did not use, and work folders a killed
// run left. Call it only after a run that wrote its outputs.
func (c *unitCache) prune() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !c.used[e.Name()] || strings.HasPrefix(e.Name(), ".") {
			os.RemoveAll(filepath.Join(c.dir, e.Name()))
		}
	}
}
