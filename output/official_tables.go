package output

import (
	"math"
	"runtime"
	"sync"
	"unicode/utf8"
	"weak"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// The official tables 表二/表三/表四 drawn on a sheet in the layout of the
// annual report (国办公开办函〔2021〕30号). The ingest reads this layout back
// from the offices' 年报统计表 sheets, so cell positions are a contract.

// amountMetric is the one 表二 value that is an amount (万元), not a count.
const amountMetric = "t2.fees.amount_wan"

// Table widths in columns.
const (
	t2Width = 4
	t3Width = 10
)

// DrawT2 draws 表二 with its title row on sheet from row top (1-based) with
// the values of m; an absent metric is a blank cell. It returns the next free
// row, leaving one blank row after the table.
func DrawT2(f *excelize.File, sheet string, top int, m domain.Metrics) (int, error) {
	p, err := newTablePainter(f, sheet)
	if err != nil {
		return top, err
	}
	p.box(1, top, t2Width, top, domain.T2Title, p.st.title)
	p.height(top, 22)
	r := top + 1
	for bi, b := range domain.T2Blocks {
		p.box(1, r, t2Width, r, b.Caption, p.st.header)
		r++
		p.box(1, r, 1, r, domain.T2ContentLabel, p.st.header)
		if len(b.Columns) == 1 {
			p.box(2, r, t2Width, r, b.Columns[0], p.st.header)
		} else {
			for i, c := range b.Columns {
				p.box(2+i, r, 2+i, r, c, p.st.header)
			}
		}
		p.height(r, 28)
		r++
		for _, row := range domain.T2Rows {
			if row.Block != bi {
				continue
			}
			p.box(1, r, 1, r, row.Label, p.st.label)
			if len(row.Metrics) == 1 {
				p.value(2, r, t2Width, m, row.Metrics[0])
			} else {
				for i, id := range row.Metrics {
					p.value(2+i, r, 2+i, m, id)
				}
			}
			p.height(r, 20)
			r++
		}
	}
	p.widen([]float64{18, 14, 14, 14})
	return r + 1, p.err
}

// DrawT3 draws 表三 with its title row on sheet from row top (1-based) with
// the values of m; an absent metric is a blank cell. It returns the next free
// row, leaving one blank row after the table.
func DrawT3(f *excelize.File, sheet string, top int, m domain.Metrics) (int, error) {
	p, err := newTablePainter(f, sheet)
	if err != nil {
		return top, err
	}
	cols := domain.T3Columns
	last := len(cols) - 1 // 总计
	p.box(1, top, t3Width, top, domain.T3Title, p.st.title)
	p.height(top, 22)
	h1, h2, h3 := top+1, top+2, top+3
	p.box(1, h1, 3, h3, domain.T3BalanceNote, p.st.header)
	p.box(4, h1, t3Width, h1, domain.T3Caption, p.st.header)
	p.box(4, h2, 4, h3, cols[0].Label, p.st.header)
	p.box(5, h2, 3+last, h2, domain.T3OrgCaption, p.st.header)
	p.box(4+last, h2, 4+last, h3, cols[last].Label, p.st.header)
	for i := 1; i < last; i++ {
		p.box(4+i, h3, 4+i, h3, cols[i].Label, p.st.header)
	}
	p.height(h1, 20)
	p.height(h2, 20)
	p.height(h3, 30)

	rows := domain.T3Rows
	first, end := t3ResultBlock(rows)
	body := h3 + 1
	for i, row := range rows {
		r := body + i
		switch {
		case row.Group != "":
			if i == 0 || rows[i-1].Group != row.Group {
				j := i
				for j+1 < len(rows) && rows[j+1].Group == row.Group {
					j++
				}
				p.box(2, r, 2, body+j, row.Group, p.st.group)
			}
			p.box(3, r, 3, r, row.Label, p.st.label)
			p.height(r, tableRowHeight(row.Label, 36))
		case i >= first && i <= end:
			p.box(2, r, 3, r, row.Label, p.st.label)
			p.height(r, tableRowHeight(row.Label, 50))
		default:
			p.box(1, r, 3, r, row.Label, p.st.label)
			p.height(r, tableRowHeight(row.Label, 60))
		}
		for c, col := range cols {
			if row.ID == "" {
				p.box(4+c, r, 4+c, r, nil, p.st.count)
				continue
			}
			p.value(4+c, r, 4+c, m, domain.T3Metric(row.ID, col.ID))
		}
	}
	if first >= 0 && end >= first {
		p.box(1, body+first, 1, body+end, domain.T3ResultsCaption, p.st.group)
	}
	// Value columns of 8 fit four characters a line: 社会公益/组织, not 社会公益组/织.
	p.widen([]float64{10, 14, 36, 8, 8, 8, 8, 8, 8, 8})
	return body + len(rows) + 1, p.err
}

// t3ResultBlock returns the indexes in rows of the first outcome row and of
// the （七）总计 row: the rows under 三、本年度办理结果. -1 when absent.
func t3ResultBlock(rows []domain.T3Row) (first, end int) {
	first, end = -1, -1
	for i, r := range rows {
		if r.Result && first < 0 {
			first = i
		}
		if r.ID == domain.T3RowTotal { // （七）总计 closes 三、本年度办理结果
			end = i
		}
	}
	return first, end
}

// DrawT4 draws 表四 with its title row on sheet from row top (1-based) with
// the values of m; an absent metric is a blank cell. It returns the next free
// row, leaving one blank row after the table.
func DrawT4(f *excelize.File, sheet string, top int, m domain.Metrics) (int, error) {
	p, err := newTablePainter(f, sheet)
	if err != nil {
		return top, err
	}
	n := len(domain.T4Results)
	width := n * len(domain.T4Blocks)
	p.box(1, top, width, top, domain.T4Title, p.st.title)
	p.height(top, 22)
	h1, h2, h3, h4 := top+1, top+2, top+3, top+4
	for b, block := range domain.T4Blocks {
		c0 := 1 + b*n
		if b == 0 {
			p.box(c0, h1, c0+n-1, h2, block.Label, p.st.header)
		} else {
			p.box(c0, h2, c0+n-1, h2, block.Label, p.st.header)
		}
		for k, res := range domain.T4Results {
			p.box(c0+k, h3, c0+k, h3, res.Label, p.st.header)
			p.value(c0+k, h4, c0+k, m, domain.T4Metric(block.ID, res.ID))
		}
	}
	if len(domain.T4Blocks) > 1 {
		p.box(1+n, h1, width, h1, domain.T4SuitCaption, p.st.header)
	}
	p.height(h1, 20)
	p.height(h2, 20)
	p.height(h3, 30)
	p.height(h4, 20)
	w := make([]float64, width)
	for i := range w {
		w[i] = 9
	}
	p.widen(w)
	return h4 + 2, p.err
}

// DrawOfficialTables draws 表二, 表三 and 表四 one below the other from row
// top and returns the next free row.
func DrawOfficialTables(f *excelize.File, sheet string, top int, m domain.Metrics) (int, error) {
	r, err := DrawT2(f, sheet, top, m)
	if err != nil {
		return r, err
	}
	if r, err = DrawT3(f, sheet, r, m); err != nil {
		return r, err
	}
	return DrawT4(f, sheet, r, m)
}

// tablePainter writes boxes (cells or merged ranges) on one sheet and keeps the
// first error, so drawing code reads as a list of boxes.
type tablePainter struct {
	f     *excelize.File
	sheet string
	st    *tableStyles
	err   error
}

func newTablePainter(f *excelize.File, sheet string) (*tablePainter, error) {
	st, err := tableStylesOf(f)
	if err != nil {
		return nil, err
	}
	if _, err := f.GetSheetIndex(sheet); err != nil {
		return nil, err
	}
	return &tablePainter{f: f, sheet: sheet, st: st}, nil
}

func (p *tablePainter) cell(col, row int) string {
	if p.err != nil {
		return ""
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		p.err = err
	}
	return ref
}

// box writes v (nil: nothing) into the top-left cell of the range
// (c1,r1)–(c2,r2), merges the range when it spans more than one cell and
// styles every cell of it, so borders show on merged cells too.
func (p *tablePainter) box(c1, r1, c2, r2 int, v any, style int) {
	tl, br := p.cell(c1, r1), p.cell(c2, r2)
	if p.err != nil {
		return
	}
	if v != nil {
		p.err = p.f.SetCellValue(p.sheet, tl, v)
	}
	if p.err == nil && (c1 != c2 || r1 != r2) {
		p.err = p.f.MergeCell(p.sheet, tl, br)
	}
	if p.err == nil {
		p.err = p.f.SetCellStyle(p.sheet, tl, br, style)
	}
}

// value writes metric id of m into row r, columns c1..c2 (merged when more
// than one); an absent metric leaves the cell blank.
func (p *tablePainter) value(c1, r, c2 int, m domain.Metrics, id string) {
	style := p.st.count
	if id == amountMetric {
		style = p.st.amount
	}
	var v any
	if x, ok := m[id]; ok {
		v = x
	}
	p.box(c1, r, c2, r, v, style)
}

func (p *tablePainter) height(row int, h float64) {
	if p.err == nil {
		p.err = p.f.SetRowHeight(p.sheet, row, h)
	}
}

// widen sets the widths of columns A, B, … to widths, never narrowing a
// column that another table on the same sheet made wider.
func (p *tablePainter) widen(widths []float64) {
	for i, w := range widths {
		if p.err != nil {
			return
		}
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			p.err = err
			return
		}
		cur, err := p.f.GetColWidth(p.sheet, name)
		if err != nil {
			p.err = err
			return
		}
		if cur < w {
			p.err = p.f.SetColWidth(p.sheet, name, name, w)
		}
	}
}

// tableRowHeight is a row height that shows text wrapped in a span of the given
// width (in Excel's character units, a CJK character counting two).
func tableRowHeight(text string, width float64) float64 {
	units := 0
	for _, r := range text {
		if utf8.RuneLen(r) > 1 {
			units += 2
		} else {
			units++
		}
	}
	lines := math.Max(1, math.Ceil(float64(units)/width))
	return math.Max(20, 14*lines+4)
}

// tableStyles are the cell styles of the official tables.
type tableStyles struct {
	title, header, group, label, count, amount int
}

// tableStyleCache holds one tableStyles per open file; an entry goes when its
// file is garbage collected.
var tableStyleCache = struct {
	sync.Mutex
	m map[weak.Pointer[excelize.File]]*tableStyles
}{m: map[weak.Pointer[excelize.File]]*tableStyles{}}

// tableStylesOf returns the styles of f, creating them on first use.
func tableStylesOf(f *excelize.File) (*tableStyles, error) {
	key := weak.Make(f)
	tableStyleCache.Lock()
	defer tableStyleCache.Unlock()
	if st, ok := tableStyleCache.m[key]; ok {
		return st, nil
	}
	st, err := newTableStyles(f)
	if err != nil {
		return nil, err
	}
	tableStyleCache.m[key] = st
	runtime.AddCleanup(f, func(k weak.Pointer[excelize.File]) {
		tableStyleCache.Lock()
		delete(tableStyleCache.m, k)
		tableStyleCache.Unlock()
	}, key)
	return st, nil
}

func newTableStyles(f *excelize.File) (*tableStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	defs := []*excelize.Style{
		{Font: font(true, 12), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}},
		{Border: border, Font: font(true, 10), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Border: border, Font: font(false, 10), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Border: border, Font: font(false, 10), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}},
		{Border: border, Font: font(false, 10), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, NumFmt: 1},
		{Border: border, Font: font(false, 10), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, NumFmt: 2},
	}
	ids, err := RegisterStyles(f, defs...)
	if err != nil {
		return nil, err
	}
	return &tableStyles{title: ids[0], header: ids[1], group: ids[2], label: ids[3], count: ids[4], amount: ids[5]}, nil
}
