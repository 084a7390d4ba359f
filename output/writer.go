package output

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// Writer writes one run's outputs into dir/<year>/: first each unit's
// workbook and its parts of the county's files (Unit, side by side, in any
// order), then the county's files joined from those parts (Finish). All is
// staged and put in place by Finish when complete; until then, and when
// anything fails, the previous run's outputs stay as they were.
type Writer struct {
	dir, stage string
	cfg        *domain.Config
	year       int
	draft      *draftTemplate
	styles     *styles           // of every new workbook: the detail rows are encoded with them
	files      map[string]string // unit of the report → its workbook's file name
	committed  bool              // Finish put the outputs in place: the staging folder holds those replaced
}

// Templates are what a Writer makes of the configuration and the draft
// template alone (the draft parsed, the workbooks' styles): a batch makes
// them while it reads its inbox.
type Templates struct {
	cfg    *domain.Config
	draft  *draftTemplate
	styles *styles
}

// NewTemplates makes the templates of cfg and a draft template (nil for
// the default).
func NewTemplates(cfg *domain.Config, draftTemplate []byte) (*Templates, error) {
	draft, err := parseDraftTemplate(draftTemplate, cfg)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	st, err := detailStyles()
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return &Templates{cfg: cfg, draft: draft, styles: st}, nil
}

// NewWriter starts the outputs of r: its configuration, year and draft
// template, and its units (their names make the file names).
func NewWriter(dir string, r *Report) (*Writer, error) {
	if r.Config == nil {
		return nil, errors.New("output: report has no configuration")
	}
	t, err := NewTemplates(r.Config, r.DraftTemplate)
	if err != nil {
		return nil, err
	}
	return NewWriterWith(dir, r, t)
}

// NewWriterWith is NewWriter with templates made before, of r's
// configuration and draft template.
func NewWriterWith(dir string, r *Report, t *Templates) (*Writer, error) {
	if r.Config != t.cfg {
		return nil, errors.New("output: templates of another configuration") // a defect
	}
	w := &Writer{dir: dir, cfg: r.Config, year: r.Year, draft: t.draft, styles: t.styles, files: map[string]string{}}
	names := make([]string, len(r.Units))
	for i, u := range r.Units {
		names[i] = u.Name
	}
	for i, safe := range uniqueNames(names) {
		w.files[names[i]] = unitWorkbookName(r.Config, safe, r.Year)
	}
	w.stage = filepath.Join(dir, "."+strconv.Itoa(r.Year)+".staging")
	if err := os.RemoveAll(w.stage); err != nil { // what a killed run left
		return nil, fmt.Errorf("output: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(w.stage, dataDir), dirMode); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return w, nil
}

// Close removes what is staged; after Finish, the outputs it replaced are
// set aside for the next run to remove (RemoveReplaced).
func (w *Writer) Close() {
	if w.committed {
		setAside(w.stage, w.dir, strconv.Itoa(w.year))
		return
	}
	os.RemoveAll(w.stage)
}

// UnitWorkbookName is the file name of a unit's workbook, or "" when the
// unit is not one of the report's.
func (w *Writer) UnitWorkbookName(unit string) string { return w.files[unit] }

// unitFileName names what a unit's work writes, for an error message.
func (w *Writer) unitFileName(unit string) string {
	if f := w.files[unit]; f != "" {
		return f
	}
	return fmt.Sprintf("%s（%s）", countyWorkbookName(w.cfg, w.year), unit)
}

// UnitParts are the files one unit contributes, kept in Dir: its workbook
// and its shares of the county's files — its detail rows, compressed, and
// its records as Parquet — which Finish joins without re-encoding. They
// depend on nothing but the unit's own report and records, so a unit whose
// inputs did not change can give the same parts again (see At).
type UnitParts struct {
	Unit     string
	Dir      string
	Workbook string                     // file name of the unit's workbook; "" for none
	Rows     map[domain.Kind]DetailRows // for the county's detail sheets
	Parquet  map[domain.Kind]FilePart   // its records of a kind
	// Comparison is its row of the county's comparison sheet (Rows 0:
	// none, for a unit that is not one of the report's).
	Comparison DeflatedPart
	// WorkbookSynced says the workbook is on disk already (synced when
	// outputs carrying it were last put in place; the unit cache sets it,
	// it is not kept): it is put in place again without a sync, which
	// costs a flush of the disk's cache even with nothing to write
	// (~0.15 ms a unit here).
	WorkbookSynced bool
}

// At returns the parts as found in dir, where their files were moved.
func (p UnitParts) At(dir string) UnitParts {
	out := p
	out.Dir = dir
	move := func(fp FilePart) FilePart {
		fp.Path = filepath.Join(dir, filepath.Base(fp.Path))
		return fp
	}
	out.Rows = map[domain.Kind]DetailRows{}
	for k, rows := range p.Rows {
		moved := DetailRows{Widths: rows.Widths, Pieces: rows.Pieces}
		for _, part := range rows.Parts {
			part.FilePart = move(part.FilePart)
			moved.Parts = append(moved.Parts, part)
		}
		out.Rows[k] = moved
	}
	out.Parquet = map[domain.Kind]FilePart{}
	for k, fp := range p.Parquet {
		out.Parquet[k] = move(fp)
	}
	if p.Comparison.Rows > 0 {
		out.Comparison.FilePart = move(p.Comparison.FilePart)
	}
	return out
}

// Files lists every file the parts are in.
func (p UnitParts) Files() []string {
	seen := map[string]bool{}
	var out []string
	add := func(path string) {
		if !seen[path] {
			seen[path] = true
			out = append(out, path)
		}
	}
	if p.Workbook != "" {
		add(filepath.Join(p.Dir, p.Workbook))
	}
	for _, fp := range p.fileParts() {
		add(fp.Path)
	}
	return out
}

// fileParts lists the stretches of files the parts are in: the detail rows
// and Parquet of each kind, then the comparison row.
func (p UnitParts) fileParts() []FilePart {
	var out []FilePart
	for _, k := range domain.LedgerKinds {
		for _, part := range p.Rows[k].Parts {
			out = append(out, part.FilePart)
		}
		if fp, ok := p.Parquet[k]; ok {
			out = append(out, fp)
		}
	}
	if p.Comparison.Rows > 0 {
		out = append(out, p.Comparison.FilePart)
	}
	return out
}

// Check reports whether the parts' files are all there and whole: a parts
// file cut short (a crash after its folder was kept, say) must make the unit
// be computed again, not fail the county's files night after night.
func (p UnitParts) Check() error {
	need := map[string]int64{} // file → the end of its last stretch
	for _, fp := range p.fileParts() {
		need[fp.Path] = max(need[fp.Path], fp.Offset+fp.Length)
	}
	for _, f := range p.Files() {
		st, err := os.Stat(f)
		if err != nil {
			return err
		}
		if end, ok := need[f]; ok && st.Size() != end {
			return fmt.Errorf("%s: %d bytes, its parts end at %d", f, st.Size(), end)
		}
	}
	return nil
}

// Unit writes, into dir, unit's workbook (from u, when the unit is one of
// the report's) and its parts of the county's files from its counted
// records. dir is a working folder: its files are not synced (Finish
// syncs the workbook when it first publishes it; the parts are copied into
// the county's files, which are synced). The detail rows of the offices
// src has encoded before are copied, not encoded again. It may run for
// several units at once.
func (w *Writer) Unit(dir, unit string, u *UnitReport, recs map[domain.Kind][]arrow.RecordBatch, src PieceSource) (UnitParts, error) {
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return UnitParts{}, err
	}
	p := UnitParts{Unit: unit, Dir: dir}
	pf, err := createPartFile(filepath.Join(dir, unitPartsFile))
	if err != nil {
		return UnitParts{}, err
	}
	// The workbook's other sheets, then the records as Parquet, on the
	// side while the detail rows are encoded: a unit's work on both cores
	// when it runs alone (the last of a batch, a re-run's few). The
	// workbook first, as saving it waits for it; nothing waits for the
	// Parquet until the end.
	parquet := make(chan encodedParquet, 1)
	var book chan startedBook
	if u != nil && w.files[unit] != "" {
		p.Workbook = w.files[unit]
		book = make(chan startedBook, 1)
	}
	go func() {
		if book != nil {
			b, err := startUnitWorkbook(w.cfg, w.year, *u, w.styles, w.draft)
			book <- startedBook{b, err}
		}
		parquet <- encodeParquetKinds(recs)
	}()
	p.Rows, err = encodeDetailRows(pf, w.styles, w.cfg, recs, src)
	if err == nil && u != nil {
		p.Comparison, err = encodeComparisonRow(pf, w.cfg, w.styles, u)
	}
	if err == nil {
		err = pf.flush() // the workbook copies the rows from the file
	}
	if book != nil {
		// Saved while the Parquet is encoded: it takes only the rows.
		b := <-book
		if err == nil {
			err = b.err
		}
		if err == nil {
			err = b.save(filepath.Join(dir, p.Workbook), w.cfg, p.Rows)
		} else if b.unitBook != nil {
			b.f.Close()
		}
	}
	pq := <-parquet
	if err == nil {
		err = pq.err
	}
	if err == nil {
		p.Parquet, err = pq.appendTo(pf)
	}
	if err == nil {
		err = pf.close()
	} else {
		pf.close()
	}
	if err != nil {
		return UnitParts{}, err
	}
	return p, nil
}

// startedBook is a unit workbook started on the side, or why it was not.
type startedBook struct {
	*unitBook
	err error
}

// unitPartsFile is the file of a unit's parts in its folder.
const unitPartsFile = "parts"

// Finish writes the county's files from the report and the units' parts
// (the county's rows go in the order of units), puts them and the units'
// workbooks in place, run.json last, and says what it wrote. report is
// asked for by each file that needs it, the first while the disclosures'
// Parquet file, which needs only the parts, is written; it is called once.
// known are the layouts of county
// workbooks it wrote before (Written.CountyLayout; nil: none), so that it
// leaves the rows one it writes over holds where they go: those of the
// same parts of the same files (as the batch's unit cache keeps them, by a
// digest of all a unit is made from), their rows of the same size and
// checksum. joined are the Parquet files the last run put in place
// (Written.Joined; nil: none): a kind whose parts have the same digests
// keeps its file, which is not written again.
func (w *Writer) Finish(report func() (*Report, error), units []UnitParts, known []CountyLayout, joined []JoinedFile) (Written, error) {
	report = sync.OnceValues(report) // the county workbook and run.json ask for it side by side
	out := Written{
		Dir:     filepath.Join(w.dir, strconv.Itoa(w.year)),
		Units:   map[string]string{},
		Parquet: map[domain.Kind]string{},
	}
	rows := make([]map[domain.Kind]DetailRows, len(units))
	comparison := map[string]DeflatedPart{}
	for i, u := range units {
		rows[i] = u.Rows
		if u.Comparison.Rows > 0 {
			comparison[u.Unit] = u.Comparison
		}
	}
	// The county's files are written over those the run before last
	// replaced, where they may be (see reuseDir).
	over := func(rel string) string { return filepath.Join(reuseDir(w.dir, strconv.Itoa(w.year)), rel) }
	countyName := countyWorkbookName(w.cfg, w.year)
	countyJob := job{countyName,
		func(p string) error {
			r, err := report()
			if err == nil {
				out.CountyLayout, out.CountyLeft, err = writeCountyWorkbook(p, over(countyName), known, r, w.styles, rows, comparison)
			}
			return err
		}, func(p string) { out.County = p }}
	var unitJobs []job
	for _, u := range units {
		if u.Workbook == "" {
			continue
		}
		unitJobs = append(unitJobs, job{u.Workbook,
			func(p string) error { return linkOrCopy(filepath.Join(u.Dir, u.Workbook), p, u.WorkbookSynced) }, func(p string) { out.Units[u.Unit] = p }})
	}
	kinds := []domain.Kind{domain.KindDisclosure} // the largest first
	for _, k := range domain.LedgerKinds {
		if k != domain.KindDisclosure {
			kinds = append(kinds, k)
		}
	}
	var dataJobs []job
	keys := map[domain.Kind][sha256.Size]byte{}
	var kept []domain.Kind // their Parquet files left in place
	for _, kind := range kinds {
		var files []FilePart
		for _, u := range units {
			if fp, ok := u.Parquet[kind]; ok {
				files = append(files, fp)
			}
		}
		rel := filepath.Join(dataDir, parquetName(kind))
		key, ok := joinKey(kind, files)
		if ok {
			keys[kind] = key
			if keptJoin(joined, kind, key, filepath.Join(out.Dir, rel)) {
				kept = append(kept, kind)
				continue
			}
		}
		dataJobs = append(dataJobs, job{rel,
			func(p string) error { return writeJoinedParquet(p, over(rel), kind, files) }, func(p string) { out.Parquet[kind] = p }})
	}
	runJSONJob := job{runJSONName, func(p string) error {
		r, err := report()
		if err == nil {
			err = writeRunJSON(p, over(runJSONName), r)
		}
		return err
	}, func(p string) { out.RunJSON = p }}
	// Written the longest first (the county's workbook, run.json, the
	// Parquet files by kind, disclosures the largest), the disclosures'
	// Parquet beside the county's workbook while the report is made; put in
	// place with run.json last.
	first, rest := []job{countyJob, runJSONJob}, dataJobs
	if len(rest) > 0 && rest[0].rel == filepath.Join(dataDir, parquetName(domain.KindDisclosure)) {
		first, rest = []job{countyJob, rest[0], runJSONJob}, rest[1:]
	}
	if err := runJobs(w.stage, slices.Concat(first, rest, unitJobs)); err != nil {
		return Written{}, err
	}
	syncDir(w.stage) // the links' names
	syncDir(filepath.Join(w.stage, dataDir))
	var staged []string // paths relative to the year's folder, run.json last
	for _, j := range slices.Concat([]job{countyJob}, unitJobs, dataJobs, []job{runJSONJob}) {
		staged = append(staged, j.rel)
		j.done(out.add(filepath.Join(out.Dir, j.rel)))
	}
	for _, kind := range kept { // in place already: the folder put in place keeps them (commitStaged)
		out.Parquet[kind] = out.add(filepath.Join(out.Dir, dataDir, parquetName(kind)))
	}
	if err := commitStaged(w.stage, out.Dir, staged); err != nil {
		return out, fmt.Errorf("output: %w", err)
	}
	w.committed = true
	out.Joined = joinedFiles(out.Dir, keys)
	return out, nil
}

// linkOrCopy puts the file at src also at dst, durably: a hard link where
// the file system allows one, synced unless its data already are (the link
// itself is made durable with its folder), else a copy, synced, and src
// synced too, as its data are then said to be on disk.
func linkOrCopy(src, dst string, synced bool) error {
	if err := linkFile(src, dst); err == nil {
		if synced {
			return nil
		}
		return syncFile(dst) // written in a working folder, not synced there
	}
	if err := writeAtomic(dst, func(w io.Writer) error {
		_, err := copyFile(w, src)
		return err
	}); err != nil || synced {
		return err
	}
	return syncFile(src)
}

// linkFile is os.Link (a test makes it fail, as across file systems).
var linkFile = os.Link
