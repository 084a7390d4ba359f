package output

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// maxSheetRows is the most rows an Excel sheet holds; a detail sheet
// that would pass it continues on "明细-主动公开(2)" and so on. A variable
// so tests can split small sheets.
var maxSheetRows = 1_048_576

// detailSheetNames name the detail sheet of each ledger kind.
var detailSheetNames = map[domain.Kind]string{
	domain.KindDisclosure:  "明细-主动公开",
	domain.KindApplication: "明细-依申请公开",
	domain.KindAppeal:      "明细-复议诉讼",
	domain.KindServiceItem: "明细-服务事项",
}

// detailTableNames name the Excel table of each detail sheet.
var detailTableNames = map[domain.Kind]string{
	domain.KindDisclosure:  "DetailDisclosure",
	domain.KindApplication: "DetailApplication",
	domain.KindAppeal:      "DetailAppeal",
	domain.KindServiceItem: "DetailServiceItem",
}

// writeDetailSheets adds the detail sheets of every ledger kind, with the
// records the filter keeps.
func writeDetailSheets(f *excelize.File, st *styles, cfg *domain.Config, recs map[domain.Kind][]arrow.RecordBatch, keep unitFilter) error {
	for _, kind := range domain.LedgerKinds {
		if err := writeDetail(f, st, cfg, kind, recs[kind], keep); err != nil {
			return fmt.Errorf("%s: %w", detailSheetNames[kind], err)
		}
	}
	return nil
}

// writeDetail writes one kind's records as one or more detail sheets, each
// an Excel table under a frozen header row, streamed row by row.
func writeDetail(f *excelize.File, st *styles, cfg *domain.Config, kind domain.Kind, batches []arrow.RecordBatch, keep unitFilter) error {
	cols := detailColumns(kind, cfg)
	widths := detailWidths(cols, kind, batches, keep)
	perSheet := maxSheetRows - 1

	var sheet *detailPart
	part := 0
	next := func() error {
		if sheet != nil {
			if err := sheet.finish(); err != nil {
				return err
			}
		}
		part++
		name, table := detailSheetNames[kind], detailTableNames[kind]
		if part > 1 {
			name, table = fmt.Sprintf("%s(%d)", name, part), fmt.Sprintf("%s%d", table, part)
		}
		var err error
		sheet, err = newDetailPart(f, st, name, table, cols, widths)
		return err
	}
	if err := next(); err != nil {
		return err
	}
	for rec, i := range recordRows(kind, batches, keep) {
		if sheet.rows == perSheet {
			if err := next(); err != nil {
				return err
			}
		}
		if err := sheet.add(rec, i); err != nil {
			return err
		}
	}
	return sheet.finish()
}

// widthSampleRows is how many rows of a detail sheet its column widths are
// measured on.
const widthSampleRows = 2000

// detailWidths returns the widest text of each column over its first rows.
func detailWidths(cols []detailColumn, kind domain.Kind, batches []arrow.RecordBatch, keep unitFilter) []int {
	widths := make([]int, len(cols))
	for j, c := range cols {
		widths[j] = min(displayWidth(c.header), headerWrapWidth)
		if c.dated {
			widths[j] = max(widths[j], len(fmtDate))
		}
	}
	n := 0
	for rec, i := range recordRows(kind, batches, keep) {
		if n++; n > widthSampleRows {
			break // widths are for the eye: the first rows tell them well enough
		}
		for j, c := range cols {
			if s, ok := c.value(rec.Column(c.col), i).(string); ok {
				widths[j] = max(widths[j], textWidth(s))
			}
		}
	}
	return widths
}

// detailPart is one detail sheet being streamed.
type detailPart struct {
	sw    *excelize.StreamWriter
	st    *styles
	table string
	cols  []detailColumn
	rows  int // data rows written
	cells []any
}

// newDetailPart adds a detail sheet and writes its header row.
func newDetailPart(f *excelize.File, st *styles, name, table string, cols []detailColumn, widths []int) (*detailPart, error) {
	if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	if err := printSetup(f, name, printing{landscape: true, fitWidth: true, titleRows: "$1:$1"}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(frozen(1, 2)); err != nil {
		return nil, err
	}
	for j, w := range widths {
		if err := sw.SetColWidth(j+1, j+1, colWidth(w)); err != nil {
			return nil, err
		}
	}
	header := make([]any, len(cols))
	for j, c := range uniqueHeaders(headersOf(cols)) {
		header[j] = excelize.Cell{StyleID: st.header, Value: c}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 30}); err != nil {
		return nil, err
	}
	return &detailPart{sw: sw, st: st, table: table, cols: cols, cells: make([]any, len(cols))}, nil
}

// add writes row i of rec under the rows already written.
func (p *detailPart) add(rec arrow.RecordBatch, i int) error {
	for j, c := range p.cols {
		v := c.value(rec.Column(c.col), i)
		switch {
		case v == nil:
			p.cells[j] = nil
		case c.dated:
			p.cells[j] = excelize.Cell{StyleID: p.st.date, Value: v}
		case c.amount:
			p.cells[j] = excelize.Cell{StyleID: p.st.decimal, Value: v}
		default:
			p.cells[j] = v
		}
	}
	p.rows++
	ref, err := excelize.CoordinatesToCellName(1, p.rows+1)
	if err != nil {
		return err
	}
	return p.sw.SetRow(ref, p.cells)
}

// finish makes the rows an Excel table with filters and ends the stream.
func (p *detailPart) finish() error {
	ref, err := rangeRef(1, 1, len(p.cols), max(p.rows, 1)+1)
	if err != nil {
		return err
	}
	show := true
	if err := p.sw.AddTable(&excelize.Table{
		Range: ref, Name: p.table, StyleName: tableStyle, ShowRowStripes: &show,
	}); err != nil {
		return err
	}
	return p.sw.Flush()
}

// headersOf lists the columns' headers.
func headersOf(cols []detailColumn) []string {
	out := make([]string, len(cols))
	for j, c := range cols {
		out[j] = c.header
	}
	return out
}
