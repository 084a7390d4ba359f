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

// continuedSheet names part n of a sheet that goes on past Excel's row
// limit, and its table: the first "明细-主动公开", the next ones
// "明细-主动公开(2)" and so on.
func continuedSheet(sheet, table string, part int) (string, string) {
	if part > 1 {
		return fmt.Sprintf("%s(%d)", sheet, part), fmt.Sprintf("%s%d", table, part)
	}
	return sheet, table
}

// DetailRows are a unit's records of a kind as detail-sheet rows, encoded
// once for both its own workbook and the county's: compressed, in parts of
// at most one sheet's rows, office by office (Pieces), with the widths
// their text asks of the columns.
type DetailRows struct {
	Parts  []DeflatedPart
	Widths []int
	Pieces []DetailPiece
}

// encodeDetailRows writes a unit's records of every kind as detail-sheet
// rows: position-free, text inline, compressed, appended to pf. st must
// have the styles every new workbook has (see newWorkbook). An office's
// rows that src has encoded before are copied instead.
func encodeDetailRows(pf *partFile, st *styles, cfg *domain.Config, recs map[domain.Kind][]arrow.RecordBatch, src PieceSource) (map[domain.Kind]DetailRows, error) {
	out := map[domain.Kind]DetailRows{}
	perSheet := maxSheetRows - 1
	c := newPartCopier()
	defer c.close()
	for _, kind := range domain.LedgerKinds {
		batches := recs[kind]
		if rowsOf(batches) == 0 {
			continue
		}
		cols := detailColumns(kind, cfg)
		enc := newRowEncoder(cols, st)
		d := DetailRows{Widths: detailWidths(cols, nil)}
		for _, run := range officeRuns(kind, batches) {
			key := src.key(kind, run.office)
			var p EncodedPiece
			var err error
			if found, data, ok := src.reuse(key, c); ok {
				p, err = copyPiece(pf, found, data)
				if err == nil && src.Copied != nil {
					src.Copied(key)
				}
			} else {
				p, err = encodePiece(pf, enc, cols, batches[run.from:run.to], perSheet)
			}
			if err != nil {
				return nil, err
			}
			d.Pieces = append(d.Pieces, DetailPiece{Key: key, First: len(d.Parts), N: len(p.Parts), Widths: p.Widths})
			d.Parts = append(d.Parts, p.Parts...)
			for k, w := range p.Widths {
				d.Widths[k] = max(d.Widths[k], w)
			}
		}
		out[kind] = d
	}
	return out, nil
}

// addDetailSheets adds the detail sheets of every kind, to be filled with
// the units' rows in the order given (one unit for a unit's workbook, all
// for the county's): a sheet ends where the next part would pass Excel's
// row limit. The sheets get their table here; the header's cells and the
// rows go in when the workbook is saved (see saveWorkbook).
func addDetailSheets(f *excelize.File, st *styles, cfg *domain.Config, units []map[domain.Kind]DetailRows) ([]deferredRows, error) {
	var rows []deferredRows
	for _, kind := range domain.LedgerKinds {
		cols := detailColumns(kind, cfg)
		widths := detailWidths(cols, nil)
		var sheets [][]DeflatedPart
		var counts []int
		for _, u := range units {
			d := u[kind]
			for j, w := range d.Widths {
				widths[j] = max(widths[j], w)
			}
			for _, p := range d.Parts {
				if len(sheets) == 0 || counts[len(counts)-1]+p.Rows > maxSheetRows-1 {
					sheets, counts = append(sheets, nil), append(counts, 0)
				}
				sheets[len(sheets)-1] = append(sheets[len(sheets)-1], p)
				counts[len(counts)-1] += p.Rows
			}
		}
		if len(sheets) == 0 { // no records: the sheet with its header alone
			sheets, counts = [][]DeflatedPart{nil}, []int{0}
		}
		for i, parts := range sheets {
			name, table := continuedSheet(detailSheetNames[kind], detailTableNames[kind], i+1)
			d, err := addDetailSheet(f, st, name, table, cols, widths, counts[i])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			d.parts = parts
			rows = append(rows, d)
		}
	}
	return rows, nil
}

// widthSampleRows is how many rows of each office's records (a piece, see
// officeRuns) the detail sheets' column widths are measured on: a unit of
// four offices measures as many as when a unit was measured whole.
const widthSampleRows = 125

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

// addDetailSheet adds a detail sheet with an Excel table with filters over
// the header and the rows to come, and returns its deferred rows (see
// addTableSheet).
func addDetailSheet(f *excelize.File, st *styles, name, table string, cols []detailColumn, widths []int, rows int) (deferredRows, error) {
	if _, err := f.NewSheet(name); err != nil {
		return deferredRows{}, err
	}
	return addTableSheet(f, st, tableFrame{sheet: name, table: table, header: headersOf(cols),
		widths: excelWidths(widths), rows: rows, headerHeight: 30,
		print: printing{landscape: true, fitWidth: true, titleRows: "$1:$1"}})
}

// tableFrame is what excelize writes of a sheet that holds one Excel table
// whose rows are joined in when the workbook is saved.
type tableFrame struct {
	sheet, table string
	header       []string
	widths       []float64 // of the columns, in Excel's units
	rows         int       // the table's data rows
	headerHeight float64   // 0 for the default
	frozenCols   int       // columns kept in view, besides the header row
	print        printing
}

// addTableSheet writes a sheet's frame: column widths, a frozen header
// row, the table over the header and the rows to come, print setup. It
// returns the sheet's deferred rows, the header's cells in them and no
// rows yet (the caller adds its parts): the header row is written empty,
// for spliceSheet to put the cells in: StreamWriter.AddTable names the
// table's columns by decoding the stream's rows with encoding/xml, ~1 ms
// for the comparison sheet's 220 columns; they are named here instead
// (setTableAside).
func addTableSheet(f *excelize.File, st *styles, fr tableFrame) (deferredRows, error) {
	fr.header = uniqueHeaders(fr.header) // Excel repairs a table whose columns share a name
	if err := printSetup(f, fr.sheet, fr.print); err != nil {
		return deferredRows{}, err
	}
	sw, err := f.NewStreamWriter(fr.sheet)
	if err != nil {
		return deferredRows{}, err
	}
	if err := sw.SetPanes(frozen(fr.frozenCols+1, 2)); err != nil {
		return deferredRows{}, err
	}
	// Columns of one width are set at once: excelize copies every column
	// set so far on each call (220 calls were 10 ms for 各单位对比).
	for first := 0; first < len(fr.widths); {
		last := first
		for last+1 < len(fr.widths) && fr.widths[last+1] == fr.widths[first] {
			last++
		}
		if err := sw.SetColWidth(first+1, last+1, fr.widths[first]); err != nil {
			return deferredRows{}, err
		}
		first = last + 1
	}
	if err := sw.SetRow("A1", nil, excelize.RowOpts{Height: fr.headerHeight}); err != nil {
		return deferredRows{}, err
	}
	ref, err := rangeRef(1, 1, len(fr.header), max(fr.rows, 1)+1)
	if err != nil {
		return deferredRows{}, err
	}
	show := true
	if err := sw.AddTable(&excelize.Table{
		Range: ref, Name: fr.table, StyleName: tableStyle, ShowRowStripes: &show,
	}); err != nil {
		return deferredRows{}, err
	}
	if err := setTableAside(f, fr.header); err != nil {
		return deferredRows{}, err
	}
	d := deferredRows{sheet: fr.sheet, cols: len(fr.header)}
	var x cellXML
	for _, h := range fr.header {
		d.header = x.cell(d.header, h, st.header)
	}
	return d, sw.Flush()
}

// excelWidths turns widths in characters into Excel's column widths.
func excelWidths(chars []int) []float64 {
	out := make([]float64, len(chars))
	for j, w := range chars {
		out[j] = colWidth(w)
	}
	return out
}

// headersOf lists the columns' headers.
func headersOf(cols []detailColumn) []string {
	out := make([]string, len(cols))
	for j, c := range cols {
		out[j] = c.header
	}
	return out
}
