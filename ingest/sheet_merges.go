package ingest

import (
	"bytes"
	"strings"
)

// Bounds of the overlap check: areas are compared pair by pair up to
// pairwiseMerges of them, and above that cell by cell up to mergedCells
// cells in all; a sheet past both is left to excelize.
const (
	pairwiseMerges = 2000
	mergedCells    = 1 << 20
)

// merges lists sheet i's merged areas from the <mergeCells> after its
// sheetData, as excelize's GetMergeCells does, with the value of the
// top-left cell of each area that spans rows (mergedDown reads only
// those). A sheet whose merged cells this reader would not read as
// excelize does (overlapping areas, references not in plain A1 form,
// cells without references …) is left to excelize.
func (b *partsBook) merges(i int) []mergedRange {
	sh := b.sheets[i]
	if sh.part == nil {
		return nil // excelize's GetMergeCells fails on it too
	}
	src := b.partSource(i)
	defer src.close()
	refs, ok := src.mergeRefs()
	if !ok {
		return b.excelizeMerges(sh.name)
	}
	if len(refs) == 0 {
		return nil
	}
	out, ok := mergeRanges(refs)
	if !ok || !src.topLeftValues(out) {
		return b.excelizeMerges(sh.name)
	}
	return out
}

// excelizeMerges reads a sheet's merged cells with excelize.
func (b *partsBook) excelizeMerges(sheet string) []mergedRange {
	f, err := b.excelize()
	if err != nil {
		return nil
	}
	return xlsxMerges(f, sheet)
}

// partSource gives the merged-cell reader a sheet's part: the bytes the
// row reader holds, or the part read again.
type partSource struct {
	b    *partsBook
	i    int
	doc  []byte
	free func()
}

func (b *partsBook) partSource(i int) *partSource {
	src := &partSource{b: b, i: i}
	if r := b.readOpen[i]; r != nil && r.doc != nil {
		src.doc = r.doc
	} else if f := b.sheets[i].part; f.UncompressedSize64 <= uint64(b.lim.XMLInMemory) && streamAbove == 0 {
		if doc, release, err := readPart(f); err == nil {
			src.doc, src.free = doc, release
		}
	}
	return src
}

func (src *partSource) close() {
	if src.free != nil {
		src.free()
	}
}

// parser starts a fresh sheetParser over the part.
func (src *partSource) parser() *sheetParser {
	if src.doc != nil {
		return &sheetParser{s: newDocScanner(src.doc), sst: src.b.sst}
	}
	p, _, err := src.b.openParser(src.b.sheets[src.i].part)
	if err != nil {
		return nil
	}
	return p
}

// mergeRefs reads the references of the <mergeCell>s. With the part in
// memory it starts at the last </sheetData>; else, or when what follows
// that tag is not plain markup, it reads the whole part.
func (src *partSource) mergeRefs() ([]string, bool) {
	if src.doc != nil {
		if at := sheetDataEnd(src.doc); at > 0 {
			if refs, ok := tailMergeRefs(newDocScanner(src.doc[at:])); ok {
				return refs, true
			}
		}
	}
	p := src.parser()
	if p == nil {
		return nil, false
	}
	defer p.close()
	for {
		_, _, st := p.nextRow()
		switch st {
		case rowBad:
			return nil, false
		case rowEnd:
			if p.s.kind == tokEOF {
				return nil, true // no sheetData: no merged cells after it
			}
			return tailMergeRefs(p.s)
		}
	}
}

// sheetDataEnd returns the offset just after the last </sheetData> (or
// <sheetData/>), or 0.
func sheetDataEnd(doc []byte) int {
	i := bytes.LastIndex(doc, []byte("sheetData"))
	if i < 2 {
		return 0
	}
	j := i - 1
	if doc[j] == ':' { // a prefix
		for j--; j > 0 && isNameByte(doc[j]); j-- {
		}
	}
	k := i + len("sheetData")
	switch {
	case doc[j] == '/' && j > 0 && doc[j-1] == '<':
		k = skipSpace(doc, k)
		if k < len(doc) && doc[k] == '>' {
			return k + 1
		}
	case doc[j] == '<':
		k = skipSpace(doc, k)
		if k+1 < len(doc) && doc[k] == '/' && doc[k+1] == '>' {
			return k + 2
		}
	}
	return 0
}

// tailMergeRefs reads what follows sheetData up to the end of the
// document. Anything but elements and blank text (a comment, a PI, text)
// makes it fail: the tag it started from may then not be the real one.
func tailMergeRefs(s *xmlScanner) (refs []string, ok bool) {
	depth := 1
	for {
		switch s.next() {
		case tokEOF:
			return refs, depth == 0
		case tokStart:
			if depth == 0 {
				return nil, false
			}
			if depth == 1 && string(s.local) == "mergeCells" {
				if refs, ok = readMergeCells(s, refs); !ok {
					return nil, false
				}
			} else if !s.skip() {
				return nil, false
			}
		case tokEmpty:
			if depth == 0 || !s.checkAttrs() {
				return nil, false
			}
		case tokEnd:
			if depth--; depth < 0 {
				return nil, false
			}
		case tokText:
			if len(bytes.TrimLeft(s.text, " \t\r\n")) > 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
}

// readMergeCells appends the refs of a <mergeCells> just opened.
func readMergeCells(s *xmlScanner, refs []string) ([]string, bool) {
	end := hold(s.name)
	if !s.checkAttrs() {
		return nil, false
	}
	for {
		switch s.next() {
		case tokStart, tokEmpty:
			start := s.kind == tokStart
			if string(s.local) == "mergeCell" {
				a, n := s.attr("ref")
				if n > 1 {
					return nil, false
				}
				v, ok := attrString(a)
				if !ok {
					return nil, false
				}
				refs = append(refs, v)
			}
			if start && !s.skip() || !start && !s.checkAttrs() {
				return nil, false
			}
		case tokEnd:
			return refs, end.ends(s)
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return nil, false
			}
		}
	}
}

// mergeRanges parses references in plain, ordered A1:B2 form that do not
// overlap; anything else is left to excelize, which joins overlapping
// areas.
func mergeRanges(refs []string) ([]mergedRange, bool) {
	out := make([]mergedRange, 0, len(refs))
	area := 0
	for _, ref := range refs {
		from, to, ok := strings.Cut(ref, ":")
		if !ok {
			return nil, false
		}
		l, t, ok1 := plainRef([]byte(from))
		r, bt, ok2 := plainRef([]byte(to))
		if !ok1 || !ok2 || l > r || t > bt {
			return nil, false
		}
		if area += (bt - t + 1) * (r - l + 1); area > mergedCells && len(refs) > pairwiseMerges {
			return nil, false
		}
		out = append(out, mergedRange{top: t, left: l, bottom: bt, right: r})
	}
	if len(out) <= pairwiseMerges {
		for i, m := range out {
			for _, o := range out[:i] {
				if m.left <= o.right && o.left <= m.right && m.top <= o.bottom && o.top <= m.bottom {
					return nil, false
				}
			}
		}
		return out, true
	}
	covered := make(map[[2]int32]bool, area)
	for _, m := range out {
		for r := m.top; r <= m.bottom; r++ {
			for c := m.left; c <= m.right; c++ {
				k := [2]int32{int32(r), int32(c)}
				if covered[k] {
					return nil, false
				}
				covered[k] = true
			}
		}
	}
	return out, true
}

// plainRef reads a reference in plain A1 form.
func plainRef(b []byte) (col, row int, ok bool) {
	col, ok = plainRefColumn(b)
	if !ok {
		return 0, 0, false
	}
	for _, c := range b {
		if isDigit(c) {
			row = row*10 + int(c-'0')
		}
	}
	return col, row, true
}

// topLeftValues fills in the value of each area that spans rows, read
// from the rows above and at its top (the row reader reads the same).
func (src *partSource) topLeftValues(ms []mergedRange) bool {
	want := map[int][]int{} // row → indexes in ms
	last := 0
	for i, m := range ms {
		if m.bottom > m.top {
			want[m.top] = append(want[m.top], i)
			last = max(last, m.top)
		}
	}
	if last == 0 {
		return true
	}
	p := src.parser()
	if p == nil {
		return false
	}
	defer p.close()
	for {
		num, cells, st := p.nextRow()
		if st == rowBad || p.quirks != (sheetQuirks{}) {
			return false
		}
		if st == rowEnd {
			return true
		}
		for _, i := range want[num] {
			ms[i].value = cellAt(cells, ms[i].left-1)
		}
		if num >= last {
			return true
		}
	}
}
