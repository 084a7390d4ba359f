package ingest

import (
	"archive/zip"
	"fmt"
	"io"
	"sync"
)

// streamWindow is the first read window of a part too large to hold in
// memory, and streamAbove, when set, the size above which a part is
// streamed instead of Limits.XMLInMemory: tests lower both.
var (
	streamWindow       = 64 << 10
	streamAbove  int64 = 0
)

// partRows yields a worksheet's rows from sheetParser, one per row number.
// When the parser meets something it does not handle, the sheet is handed
// over to excelize's own iterator, which first skips the rows already
// yielded (they are the same in both) and then yields the rest.
type partRows struct {
	book  *partsBook
	index int
	p     *sheetParser
	doc   []byte // the part, when held in memory (shared with merges)
	n     int    // rows yielded
	ahead int    // number of the row read ahead, 0 if none
	next  []string
	cells []string
	done  bool
	fb    *xlsxRows // excelize, after a hand-over
	err   error
}

// sources lists the workbook's sheets as sources for the file reader.
func (b *partsBook) sources() []sheetSource {
	out := make([]sheetSource, len(b.sheets))
	for i, sh := range b.sheets {
		out[i] = sheetSource{
			name:   sh.name,
			open:   func() (rowSource, error) { return b.openRows(i) },
			merges: func() []mergedRange { return b.merges(i) },
		}
	}
	return out
}

// openRows starts reading sheet i.
func (b *partsBook) openRows(i int) (rowSource, error) {
	sh := b.sheets[i]
	if sh.openErr != nil {
		return nil, fmt.Errorf("打开工作表失败：%w", sh.openErr)
	}
	r := &partRows{book: b, index: i}
	p, doc, err := b.openParser(sh.part)
	if err != nil {
		r.p = &sheetParser{}
		return r, r.handOver("the part does not read: " + err.Error())
	}
	r.p, r.doc = p, doc
	if b.readOpen == nil {
		b.readOpen = map[int]*partRows{}
	}
	b.readOpen[i] = r
	return r, nil
}

// openParser opens a worksheet part: held in memory when excelize would
// hold it too (up to Limits.XMLInMemory), else streamed.
func (b *partsBook) openParser(f *zip.File) (*sheetParser, []byte, error) {
	inMemory := b.lim.XMLInMemory
	if streamAbove > 0 {
		inMemory = streamAbove
	}
	if f.UncompressedSize64 <= uint64(inMemory) {
		doc, release, err := readPart(f)
		if err != nil {
			return nil, nil, err
		}
		return &sheetParser{s: newDocScanner(doc), sst: b.sst, release: release}, doc, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	s := newStreamScanner(rc, streamWindow, int(b.lim.XMLInMemory))
	return &sheetParser{s: s, sst: b.sst, release: func() { rc.Close() }}, nil, nil
}

func (r *partRows) Next() bool {
	if r.fb != nil {
		if r.fb.Next() {
			r.n++
			return true
		}
		return false
	}
	if r.done || r.err != nil {
		return false
	}
	if r.ahead == 0 {
		num, cells, st := r.p.nextRow()
		switch st {
		case rowEnd:
			if r.p.s.kind == tokEnd && r.p.rowsAfterData() {
				if r.handOver("a row after sheetData") != nil {
					return false
				}
				return r.Next()
			}
			r.done = true
			return false
		case rowBad:
			if r.handOver(fmt.Sprintf("at row %d, %s <%s>", r.n+1, r.p.s.kind, r.p.s.local)) != nil {
				return false
			}
			return r.Next()
		}
		r.ahead, r.next = num, cells
	}
	r.n++
	if r.ahead > r.n {
		r.cells = nil
		return true
	}
	r.cells, r.next, r.ahead = r.next, nil, 0
	return true
}

// handOver gives the rest of the sheet to excelize; why is noted.
func (r *partRows) handOver(why string) error {
	r.release()
	sh := r.book.sheets[r.index]
	r.book.handed = append(r.book.handed, handedSheet{sheet: sh.name, why: why})
	f, err := r.book.excelize()
	if err != nil {
		r.err = err
		return err
	}
	rows, err := f.Rows(sh.name)
	if err != nil {
		r.err = err
		return err
	}
	for i := 0; i < r.n && rows.Next(); i++ {
		rows.Columns() // as the reader's callers do: Next alone leaves excelize elsewhere
	}
	r.fb = &xlsxRows{rows: rows}
	return nil
}

// RowsHint estimates the rows still to come from the rows read so far
// and the share of the part they took, when the part is held in memory.
func (r *partRows) RowsHint() int {
	if r.doc == nil || r.fb != nil || r.n == 0 || r.p.s.pos <= 0 {
		return 0
	}
	return r.n * (len(r.doc) - r.p.s.pos) / r.p.s.pos
}

func (r *partRows) Cells() ([]string, error) {
	if r.fb != nil {
		return r.fb.Cells()
	}
	return r.cells, nil
}

func (r *partRows) Close() error {
	r.release()
	if r.fb != nil {
		if err := r.fb.Close(); err != nil {
			return err
		}
	}
	return r.err
}

// release gives back the part's memory.
func (r *partRows) release() {
	if r.book.readOpen[r.index] == r {
		delete(r.book.readOpen, r.index)
	}
	r.doc = nil
	if r.p != nil {
		r.p.close()
	}
}

// uncachedFormulas lists the formula cells that have no cached value (a
// file written by a program and never recalculated): they read as blank.
// Cells read after a hand-over to excelize are not listed.
func (r *partRows) uncachedFormulas() []cellRef {
	if r.p == nil {
		return nil
	}
	return r.p.formulas
}

// handedSheet notes a sheet handed over to excelize, for tests and notes.
type handedSheet struct{ sheet, why string }

// partBufs recycles the buffers parts are inflated into.
var partBufs sync.Pool

// readPart inflates a part into a pooled buffer; release returns it.
func readPart(f *zip.File) (doc []byte, release func(), err error) {
	n := int(f.UncompressedSize64)
	bp, _ := partBufs.Get().(*[]byte)
	if bp == nil || cap(*bp) < n {
		b := make([]byte, n, max(n, 64<<10))
		bp = &b
	}
	buf := (*bp)[:n]
	release = func() { partBufs.Put(bp) }
	rc, err := f.Open()
	if err != nil {
		release()
		return nil, nil, err
	}
	defer rc.Close()
	if _, err = io.ReadFull(rc, buf); err == nil {
		var one [1]byte
		if _, err = rc.Read(one[:]); err == io.EOF { // the zip reader checks the CRC here
			err = nil
		} else if err == nil {
			err = io.ErrUnexpectedEOF
		}
	}
	if err != nil {
		release()
		return nil, nil, err
	}
	return buf, release, nil
}
