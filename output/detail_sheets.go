package output

import (
	"fmt"
	"io"

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
// records of recs. The sheets get their header row and table
// here; their records are written when the workbook is saved, straight
// into the file (see saveWorkbook).
func writeDetailSheets(f *excelize.File, st *styles, cfg *domain.Config, recs map[domain.Kind][]arrow.RecordBatch) ([]deferredRows, error) {
	var rows []deferredRows
	for _, kind := range domain.LedgerKinds {
		d, err := writeDetail(f, st, cfg, kind, recs[kind])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", detailSheetNames[kind], err)
		}
		rows = append(rows, d...)
	}
	return rows, nil
}

// writeDetail adds one kind's detail sheets: as many as its records need,
// each an Excel table under a frozen header row.
func writeDetail(f *excelize.File, st *styles, cfg *domain.Config, kind domain.Kind, batches []arrow.RecordBatch) ([]deferredRows, error) {
	cols := detailColumns(kind, cfg)
	widths := detailWidths(cols, batches)
	perSheet := maxSheetRows - 1
	total := 0
	for _, b := range batches {
		total += int(b.NumRows())
	}
	enc := newRowEncoder(cols, st)
	var parts []deferredRows
	for part, from := 1, 0; part == 1 || from < total; part, from = part+1, from+perSheet {
		name, table := detailSheetNames[kind], detailTableNames[kind]
		if part > 1 {
			name, table = fmt.Sprintf("%s(%d)", name, part), fmt.Sprintf("%s%d", table, part)
		}
		n := min(perSheet, total-from)
		if err := addDetailSheet(f, st, name, table, cols, widths, n); err != nil {
			return nil, err
		}
		parts = append(parts, deferredRows{sheet: name, cols: len(cols), rows: n, write: func(w io.Writer, sst *sharedStrings) error {
			return enc.write(w, sst, recordRows(batches), from, n)
		}})
	}
	return parts, nil
}

// widthSampleRows is how many rows of a detail sheet its column widths are
// measured on.
const widthSampleRows = 2000

// detailWidths returns the widest text of each column over its first rows.
func detailWidths(cols []detailColumn, batches []arrow.RecordBatch) []int {
	widths := make([]int, len(cols))
	for j, c := range cols {
		widths[j] = min(displayWidth(c.header), headerWrapWidth)
		if c.dated {
			widths[j] = max(widths[j], len(fmtDate))
		}
	}
	n := 0
	for rec, i := range recordRows(batches) {
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

// addDetailSheet adds a detail sheet with its header row, and an Excel
// table with filters over the header and the rows to come.
func addDetailSheet(f *excelize.File, st *styles, name, table string, cols []detailColumn, widths []int, rows int) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := printSetup(f, name, printing{landscape: true, fitWidth: true, titleRows: "$1:$1"}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(frozen(1, 2)); err != nil {
		return err
	}
	for j, w := range widths {
		if err := sw.SetColWidth(j+1, j+1, colWidth(w)); err != nil {
			return err
		}
	}
	header := make([]any, len(cols))
	for j, c := range uniqueHeaders(headersOf(cols)) {
		header[j] = excelize.Cell{StyleID: st.header, Value: c}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	ref, err := rangeRef(1, 1, len(cols), max(rows, 1)+1)
	if err != nil {
		return err
	}
	show := true
	if err := sw.AddTable(&excelize.Table{
		Range: ref, Name: table, StyleName: tableStyle, ShowRowStripes: &show,
	}); err != nil {
		return err
	}
	return sw.Flush()
}

// headersOf lists the columns' headers.
func headersOf(cols []detailColumn) []string {
	out := make([]string, len(cols))
	for j, c := range cols {
		out[j] = c.header
	}
	return out
}
