package ingest

import "github.com/xuri/excelize/v2"

// mergedRange is a merged area, 1-based and inclusive, with the value of
// its top-left cell (the only cell that holds one). The streaming reader
// fills the value in only for areas that span rows, the only ones read.
type mergedRange struct {
	top, left, bottom, right int
	value                    string
}

// xlsxMerges lists a sheet's merged areas.
func xlsxMerges(f *excelize.File, sheet string) []mergedRange {
	mcs, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil
	}
	out := make([]mergedRange, 0, len(mcs))
	for _, mc := range mcs {
		l, t, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		r, b, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, mergedRange{top: t, left: l, bottom: b, right: r, value: mc.GetCellValue()})
	}
	return out
}

// combineHeaderRows reads a two-row header built with merged cells: a
// column's label is in the lower row, or, merged down over both rows, in
// the upper one.
func combineHeaderRows(upper, lower []string) []string {
	n := max(len(upper), len(lower))
	out := make([]string, n)
	for c := range n {
		if out[c] = cellAt(lower, c); out[c] == "" {
			out[c] = cellAt(upper, c)
		}
	}
	return out
}

// mergedDown maps each row below the header to the values of the cells
// merged down over it from above (a category merged over its items), so
// that every covered row gets the value.
func mergedDown(sh sheetSource, headerRow int) map[int]map[int]string {
	if sh.merges == nil {
		return nil
	}
	fill := map[int]map[int]string{}
	for _, m := range sh.merges() {
		if m.top <= headerRow || m.bottom == m.top || m.value == "" {
			continue
		}
		v := NormalizeText(m.value)
		for r := m.top + 1; r <= m.bottom; r++ {
			if fill[r] == nil {
				fill[r] = map[int]string{}
			}
			for c := m.left; c <= m.right; c++ {
				fill[r][c-1] = v
			}
		}
	}
	return fill
}

// fillMerged puts merged-down values into a row's blank cells.
func fillMerged(cells []string, fill map[int]string) []string {
	for c, v := range fill {
		for len(cells) <= c {
			cells = append(cells, "")
		}
		if cells[c] == "" {
			cells[c] = v
		}
	}
	return cells
}

// headerContinues looks at the row below a recognised header: when the
// header goes on there (labels under a caption merged across, the first
// row holding only the labels merged down), the combined header is taken
// and its last row returned. Otherwise the row is pushed back to be read
// as the first data row.
func (fr *fileReader) headerContinues(l *ledgerLayout, header []string, src rowSource, row int) (rowSource, int) {
	if !src.Next() {
		return src, row
	}
	next, err := src.Cells()
	if err == nil {
		next = normalizeCells(next)
		if two, ok := fr.r.headers.matchHeader(combineHeaderRows(header, next), fr.keys); ok && two.kind == l.kind && two.width > l.width {
			*l = two
			return src, row + 1
		}
	}
	return &pushedBack{rowSource: src, cells: next, err: err}, row
}

// pushedBack yields one row already taken from its source, then the rest.
type pushedBack struct {
	rowSource
	cells   []string
	err     error
	pending bool
	started bool
}

func (p *pushedBack) Next() bool {
	if !p.started {
		p.started, p.pending = true, true
		return true
	}
	p.pending = false
	return p.rowSource.Next()
}

func (p *pushedBack) Cells() ([]string, error) {
	if p.pending {
		return p.cells, p.err
	}
	return p.rowSource.Cells()
}
