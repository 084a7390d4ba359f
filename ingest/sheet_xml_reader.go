package ingest

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rowStatus is how reading a row ended.
type rowStatus uint8

const (
	rowOK  rowStatus = iota
	rowEnd           // </sheetData>, or no sheetData at all
	rowBad           // something this reader does not handle: hand over to excelize
)

// cellRef is a cell's 1-based row and column.
type cellRef struct{ row, col int }

// sheetQuirks are irregularities of a worksheet that excelize's Rows()
// reads the same way but its GetCellValue (used for merged cells) may not.
type sheetQuirks struct {
	noRef     bool // a row or cell without its r attribute
	oddRef    bool // a cell reference not in plain A1 form
	misplaced bool // a cell that did not land in its own column
}

// sheetParser reads the rows of one worksheet part, yielding each row as
// excelize's Rows().Columns() does with RawCellValue: the raw value of
// every cell (shared strings looked up, inline rich text joined), blanks
// between cells, none after the last non-empty (or formula) cell.
type sheetParser struct {
	s        *xmlScanner
	sst      []string
	data     heldName   // the sheetData tag, once inside it
	outer    []heldName // the elements sheetData is in
	state    parseState
	ahead    aheadRow // the start of the next row, read ahead
	last     int      // number of the last row started
	width    int      // cells in the last row read
	buf      []byte
	quirks   sheetQuirks
	formulas []cellRef // formula cells without a cached value
	release  func()
}

// parseState is where a sheetParser stands.
type parseState uint8

const (
	beforeData parseState = iota // sheetData not reached yet
	rowAhead                     // the next row's start tag is read (ahead)
	dataEnded                    // </sheetData> read: no more rows
)

// aheadRow is a row whose start tag was read ahead of the row before it:
// excelize's Columns() reads up to the next row's start tag, and an error
// there (a row number it cannot read or beyond the sheet, rows out of
// order) comes out with the row before, so the reader looks as far.
type aheadRow struct {
	num   int
	empty bool
	name  heldName
}

func (p *sheetParser) close() {
	if p.release != nil {
		p.release()
		p.release = nil
	}
}

// seekData reads up to the start of sheetData, checking that what comes
// before it is well formed.
func (p *sheetParser) seekData() rowStatus {
	var open []heldName
	for {
		switch p.s.next() {
		case tokEOF:
			if len(open) > 0 {
				return rowBad
			}
			return rowEnd
		case tokStart:
			switch string(p.s.local) {
			case "sheetData":
				p.data, p.outer = hold(p.s.name), open
				return rowOK
			case "row", "c":
				return rowBad
			}
			if !p.s.checkAttrs() {
				return rowBad
			}
			open = append(open, hold(p.s.name))
		case tokEmpty:
			switch string(p.s.local) {
			case "sheetData":
				return rowEnd
			case "row", "c":
				return rowBad
			}
			if !p.s.checkAttrs() {
				return rowBad
			}
		case tokEnd:
			if len(open) == 0 || !open[len(open)-1].ends(p.s) {
				return rowBad
			}
			open = open[:len(open)-1]
		default:
			if handled, ok := p.s.ignorable(); !handled || !ok {
				return rowBad
			}
		}
	}
}

// nextRow reads the next row of sheetData.
func (p *sheetParser) nextRow() (num int, cells []string, st rowStatus) {
	switch p.state {
	case dataEnded:
		return 0, nil, rowEnd
	case beforeData:
		if st := p.seekData(); st != rowOK {
			if st == rowEnd {
				p.state = dataEnded
			}
			return 0, nil, st
		}
		if st := p.readAhead(); st != rowOK {
			return 0, nil, st
		}
		if p.state == dataEnded {
			return 0, nil, rowEnd
		}
	}
	row := p.ahead
	if !row.empty {
		var ok bool
		if cells, ok = p.rowCells(row); !ok {
			return 0, nil, rowBad
		}
	}
	if st := p.readAhead(); st != rowOK {
		return 0, nil, st // excelize would report it with this row
	}
	return row.num, cells, rowOK
}

// readAhead reads up to the next row's start tag or </sheetData>.
func (p *sheetParser) readAhead() rowStatus {
	for {
		switch p.s.next() {
		case tokStart, tokEmpty:
			if string(p.s.local) != "row" {
				return rowBad
			}
			return p.rowStart()
		case tokEnd:
			if !p.data.ends(p.s) {
				return rowBad
			}
			p.state = dataEnded
			return rowOK
		default:
			if handled, ok := p.s.ignorable(); !handled || !ok {
				return rowBad
			}
		}
	}
}

// rowStart reads the attributes of a row start tag just read.
func (p *sheetParser) rowStart() rowStatus {
	s := p.s
	if !s.checkAttrs() {
		return rowBad
	}
	num := 0
	if a, n := s.attr("r"); n > 1 {
		return rowBad
	} else if n == 1 {
		v, ok := attrString(a)
		r, err := strconv.Atoi(v)
		if !ok || err != nil || r < 0 || r > excelize.TotalRows {
			return rowBad
		}
		num = r
	}
	if num == 0 {
		num = p.last + 1
		p.quirks.noRef = true
	}
	if num <= p.last || num > excelize.TotalRows {
		return rowBad // rows out of order: excelize joins them oddly
	}
	p.last = num
	p.ahead = aheadRow{num: num, empty: s.kind == tokEmpty, name: hold(s.name)}
	p.state = rowAhead
	return rowOK
}

// rowCells reads the cells of a row whose start tag was read ahead.
func (p *sheetParser) rowCells(row aheadRow) ([]string, bool) {
	s := p.s
	cells := make([]string, 0, p.width) // as wide as the last row: one allocation
	col := 0
	for {
		switch s.next() {
		case tokStart, tokEmpty:
			if string(s.local) != "c" {
				return nil, false
			}
			var ok bool
			if cells, col, ok = p.cell(row.num, col, cells); !ok {
				return nil, false
			}
		case tokEnd:
			if !row.name.ends(s) {
				return nil, false
			}
			if len(cells) == 0 {
				cells = nil
			}
			p.width = max(len(cells), 4)
			return cells, true
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return nil, false
			}
		}
	}
}

// cell reads a cell whose start tag was just read and appends its value
// as excelize does: at its column when that lies after the cells so far,
// else at the end; an empty value only for a formula cell.
func (p *sheetParser) cell(row, col int, cells []string) ([]string, int, bool) {
	s := p.s
	if !s.checkAttrs() {
		return cells, col, false
	}
	col++
	ref, nr := s.attr("r")
	styles, ns := s.attr("s")
	typ, nt := s.attr("t")
	if nr > 1 || ns > 1 || nt > 1 {
		return cells, col, false
	}
	if ns == 1 && !validStyle(styles) {
		return cells, col, false
	}
	t := cellNumber
	if nt == 1 {
		var ok bool
		if t, ok = cellTypeOf(typ); !ok {
			return cells, col, false
		}
	}
	if nr == 1 && len(ref.value) > 0 {
		c, ok := p.refColumn(ref)
		if !ok {
			return cells, col, false
		}
		col = c
	} else {
		p.quirks.noRef = true
	}
	v, hasV, formula, is, hasIS, ok := p.cellContent(t == cellShared)
	if !ok {
		return cells, col, false
	}
	val := v // a shared string's text, for a shared string
	if t == cellInline && hasIS {
		val = is
	}
	if formula && !hasV {
		p.formulas = append(p.formulas, cellRef{row, col})
	}
	if val != "" || formula {
		if col <= len(cells) {
			p.quirks.misplaced = true
		}
		for len(cells) < col-1 {
			cells = append(cells, "")
		}
		cells = append(cells, val)
	}
	return cells, col, true
}

// cellContent reads the children of a <c> whose start tag was just read.
// For a shared-string cell (shared), v is the shared string its value
// names.
func (p *sheetParser) cellContent(shared bool) (v string, hasV, formula bool, is string, hasIS, ok bool) {
	s := p.s
	if s.kind == tokEmpty {
		return "", false, false, "", false, true
	}
	if text, plain := s.plainChild("v"); plain {
		if shared {
			return p.sharedString(text), true, false, "", false, true
		}
		return string(text), true, false, "", false, true
	}
	end := hold(s.name)
	for {
		switch s.next() {
		case tokStart:
			switch string(s.local) {
			case "v":
				if p.buf, ok = s.readChars(p.buf[:0]); !ok {
					return
				}
				if hasV = true; shared {
					v = p.sharedString(p.buf)
				} else {
					v = string(p.buf)
				}
			case "f":
				formula = true
				if !s.checkTyped(formulaTypes) {
					return
				}
				if s.scratch, ok = s.readChars(s.scratch[:0]); !ok {
					return
				}
			case "is":
				if hasIS {
					return
				}
				if is, p.buf, ok = s.readRichText(p.buf, plainString); !ok {
					return
				}
				hasIS = true
			default:
				return
			}
		case tokEmpty:
			switch string(s.local) {
			case "v":
				v, hasV = "", true
			case "f":
				formula = true
				if !s.checkTyped(formulaTypes) {
					return
				}
			case "is":
				if hasIS {
					return
				}
				is, hasIS = "", true
			default:
				return
			}
			if !s.checkAttrs() {
				return
			}
		case tokEnd:
			ok = end.ends(s)
			return
		default:
			if handled, good := s.ignorable(); !handled || !good {
				return
			}
		}
	}
}

// plainString is string(b), as a function.
func plainString(b []byte) string { return string(b) }

// sharedString is the shared string a cell's value names, as excelize
// reads it: "" for no value or an index out of range, the first string for
// a value that is no number. Plain digits are read without making a string
// of them.
func (p *sheetParser) sharedString(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	i := 0
	if len(v) <= 9 && allDigits(v) {
		for _, c := range v {
			i = i*10 + int(c-'0')
		}
	} else {
		var err error
		if i, err = strconv.Atoi(strings.TrimSpace(string(v))); err != nil {
			i = 0 // excelize ignores the error
		}
	}
	if i >= 0 && i < len(p.sst) {
		return p.sst[i]
	}
	return ""
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// validStyle accepts a style index excelize can parse.
func validStyle(a xmlAttr) bool {
	if !a.amp && len(a.value) > 0 && len(a.value) <= 18 && allDigits(a.value) {
		return true
	}
	v, ok := attrString(a)
	if !ok {
		return false
	}
	_, err := strconv.ParseInt(v, 10, 64)
	return err == nil
}

// cellType is what a cell's t attribute means to its raw value.
type cellType uint8

const (
	cellNumber cellType = iota // any other type: the raw <v>
	cellShared                 // t="s": an index into the shared strings
	cellInline                 // t="inlineStr": the <is> rich text
)

func cellTypeOf(a xmlAttr) (cellType, bool) {
	v := a.value
	if a.amp {
		s, ok := attrString(a)
		if !ok {
			return cellNumber, false
		}
		v = []byte(s)
	}
	switch string(v) {
	case "s":
		return cellShared, true
	case "inlineStr":
		return cellInline, true
	}
	return cellNumber, true
}

// refColumn reads the column of a cell reference as excelize does.
func (p *sheetParser) refColumn(a xmlAttr) (int, bool) {
	if col, ok := plainRefColumn(a.value); ok {
		return col, true
	}
	p.quirks.oddRef = true
	v, ok := attrString(a)
	if !ok {
		return 0, false
	}
	col, _, err := excelize.CellNameToCoordinates(v)
	return col, err == nil
}

// plainRefColumn reads a reference in plain A1 form: capitals, then a row
// number without leading zeros, within the sheet's bounds.
func plainRefColumn(b []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(b) && 'A' <= b[i] && b[i] <= 'Z'; i++ {
		col = col*26 + int(b[i]-'A'+1)
		if col > excelize.MaxColumns {
			return 0, false
		}
	}
	if i == 0 || i == len(b) || b[i] == '0' {
		return 0, false
	}
	row := 0
	for ; i < len(b); i++ {
		if !isDigit(b[i]) {
			return 0, false
		}
		if row = row*10 + int(b[i]-'0'); row > excelize.TotalRows {
			return 0, false
		}
	}
	return col, true
}

// rowsAfterData reports whether excelize's iterator would find more rows
// after </sheetData>: once Columns() has read a row up to that end tag,
// its Next() goes on through the rest of the part and takes any element
// named row (such as xdr:row in a drawing anchor) for one, until the end
// or an XML error.
func (p *sheetParser) rowsAfterData() bool {
	open := p.outer
	for {
		switch k := p.s.next(); k {
		case tokStart, tokEmpty:
			if string(p.s.local) == "row" {
				return true
			}
			if !p.s.checkAttrs() {
				return false
			}
			if k == tokStart {
				open = append(open, hold(p.s.name))
			}
		case tokEnd:
			if len(open) == 0 || !open[len(open)-1].ends(p.s) {
				return false
			}
			open = open[:len(open)-1]
		case tokEOF:
			return false
		default:
			if handled, ok := p.s.ignorable(); !handled || !ok {
				return false
			}
		}
	}
}
