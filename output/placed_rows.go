package output

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// placedRows are the cells of a sheet kept to be encoded straight into its
// saved worksheet part, by row number, among the rows excelize wrote (the
// header rows of its tables): cell by cell, excelize's normal mode took
// most of the county workbook's summary sheets' time, and its memory grows
// with them.
type placedRows struct {
	cells   map[int][]placedCell // row → its cells from column 1
	heights map[int]float64      // row → its height in points, where set
}

// placedCell is a value as sheetWriter.set takes it (nil, string, float64,
// int, time.Time) with its style; a column left empty is the zero cell.
type placedCell struct {
	v     any
	style int
}

// set keeps v, styled, at (col, row).
func (p *placedRows) set(col, row int, v any, style int) {
	if p.cells == nil {
		p.cells = map[int][]placedCell{}
	}
	cells := p.cells[row]
	for len(cells) < col {
		cells = append(cells, placedCell{})
	}
	cells[col-1] = placedCell{v: v, style: style}
	p.cells[row] = cells
}

// height sets row's height in points.
func (p *placedRows) height(row int, pts float64) {
	if p.heights == nil {
		p.heights = map[int]float64{}
	}
	p.heights[row] = pts
}

// numberedRow is a row of worksheet XML and its number.
type numberedRow struct {
	num int
	xml []byte
}

// encode returns the rows as worksheet XML, in order, and the widest row's
// columns. Cells go without references, as the detail rows do (cellXML).
func (p *placedRows) encode() (rows []numberedRow, cols int) {
	nums := make([]int, 0, len(p.cells)+len(p.heights))
	for n := range p.cells {
		nums = append(nums, n)
	}
	for n := range p.heights {
		if _, ok := p.cells[n]; !ok {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	var x cellXML
	for _, n := range nums {
		b := append([]byte(`<row r="`), strconv.Itoa(n)...)
		b = append(b, '"')
		if h, ok := p.heights[n]; ok {
			b = append(b, ` ht="`...)
			b = strconv.AppendFloat(b, h, 'f', -1, 64)
			b = append(b, `" customHeight="1"`...)
		}
		b = append(b, '>')
		x.blanks = 0
		for _, c := range p.cells[n] {
			b = x.cell(b, c.v, c.style)
		}
		rows = append(rows, numberedRow{n, append(b, `</row>`...)})
		cols = max(cols, len(p.cells[n]))
	}
	return rows, cols
}

// rowStartRE finds where each row of excelize's sheetData starts, and its
// number.
var rowStartRE = regexp.MustCompile(`<row r="(\d+)"`)

// mergeRows appends to dst excelize's rows (the content of sheetData, rows
// with numbers, in order) with the placed rows among them, in order of
// number, and returns it and the last row's number.
func mergeRows(dst, written []byte, placed []numberedRow) ([]byte, int, error) {
	starts := rowStartRE.FindAllSubmatchIndex(written, -1)
	if len(starts) > 0 && starts[0][0] != 0 {
		return nil, 0, fmt.Errorf("sheetData starts with %.20q, not a row", written)
	}
	out := dst
	last := 0
	i := 0
	for k, st := range starts {
		num, err := strconv.Atoi(string(written[st[2]:st[3]]))
		if err != nil {
			return nil, 0, err
		}
		end := len(written)
		if k+1 < len(starts) {
			end = starts[k+1][0]
		}
		for ; i < len(placed) && placed[i].num < num; i++ {
			out = append(out, placed[i].xml...)
		}
		if i < len(placed) && placed[i].num == num {
			return nil, 0, fmt.Errorf("row %d written twice", num)
		}
		out = append(out, written[st[0]:end]...)
		last = num
	}
	for ; i < len(placed); i++ {
		out = append(out, placed[i].xml...)
		last = max(last, placed[i].num)
	}
	return out, last, nil
}

// dimensionCols is the last column of a dimension element's reference
// (<dimension ref="A1:N4"/>), 1 when there is none.
func dimensionCols(head []byte) int {
	m := dimensionRE.Find(head)
	if m == nil {
		return 1
	}
	ref := m[bytes.IndexByte(m, '"')+1:]
	ref = ref[:bytes.IndexByte(ref, '"')]
	if i := bytes.IndexByte(ref, ':'); i >= 0 {
		ref = ref[i+1:]
	}
	col, _, err := excelize.CellNameToCoordinates(string(ref))
	if err != nil {
		return 1
	}
	return col
}
