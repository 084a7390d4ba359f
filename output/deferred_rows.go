package output

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// deferredRows are the data rows of a sheet that go straight into the
// saved file's worksheet part rather than through excelize: the detail
// sheets, where excelize's work per cell was most of the batch's time.
// excelize writes the sheet's columns, panes, table and print setup, and
// row 1 empty; the header's cells are put in it and the rows, already
// compressed, joined in after it when the workbook is saved.
type deferredRows struct {
	sheet  string
	cols   int    // columns, for the sheet's dimension
	header []byte // the cells of row 1, which excelize wrote empty (nil: none; see addTableSheet)
	parts  []DeflatedPart
	placed *placedRows // rows by number, among excelize's (nil: none)
}

// rows counts the rows the parts hold, sheet rows 2 on.
func (d deferredRows) rows() int {
	n := 0
	for _, p := range d.parts {
		n += p.Rows
	}
	return n
}

// spliceRows copies the workbook package pkg (as excelize saved it) to w,
// writing each deferred sheet's rows into its worksheet part. Other parts
// are copied as they are, without recompressing. With a plan, when w is a
// staged file's, the sheets of rows from files come first, slotted (see
// CountyLayout).
func spliceRows(w io.Writer, pkg []byte, deferred []deferredRows, plan *slotPlan) error {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return err
	}
	parts, err := sheetParts(zr)
	if err != nil {
		return err
	}
	byPart := map[string]deferredRows{}
	for _, d := range deferred {
		p, ok := parts[d.sheet]
		if !ok {
			return fmt.Errorf("sheet %s: not in the saved workbook", d.sheet)
		}
		byPart[p] = d
	}
	zw := newFastZip(w)
	c := newPartCopier()
	defer c.close()
	done := map[string]bool{} // parts written
	if sw, ok := w.(*stageWriter); ok && plan != nil {
		plan.over(sw.over)
		slots := &slotWriter{zw: zw, sw: sw, plan: plan}
		if done, err = slots.writeFirst(zr, parts, deferred, c); err != nil {
			return err
		}
	}
	for _, zf := range zr.File {
		d, ok := byPart[zf.Name]
		switch {
		case done[zf.Name]:
		case !ok:
			if err := zw.Copy(zf); err != nil {
				return err
			}
		default:
			if err := spliceSheet(zw, zf, d, c, nil); err != nil {
				return fmt.Errorf("sheet %s: %w", d.sheet, err)
			}
		}
	}
	return zw.Close()
}

// readPart reads a part of a package whole.
func readPart(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// dimensionRE finds a worksheet's dimension element.
var dimensionRE = regexp.MustCompile(`<dimension ref="[^"]*"\s*(/>|></dimension>)`)

// spliceSheet writes worksheet part zf to zw with d's rows at the end of
// its sheetData (copied by c; slotted by slots, when not nil), and its
// dimension made to cover them.
func spliceSheet(zw *zip.Writer, zf *zip.File, d deferredRows, c *partCopier, slots *slotWriter) error {
	body, err := readPart(zf)
	if err != nil {
		return err
	}
	head, tail, ok := bytes.Cut(body, []byte("</sheetData>"))
	if ok {
		tail = append([]byte("</sheetData>"), tail...)
	} else if head, tail, ok = bytes.Cut(body, []byte("<sheetData/>")); ok {
		head = append(head, "<sheetData>"...)
		tail = append([]byte("</sheetData>"), tail...)
	} else {
		return fmt.Errorf("%s: no sheetData", zf.Name)
	}
	if d.header != nil {
		if head, err = fillFirstRow(head, d.header); err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
	}
	cols, rows := d.cols, d.rows()+1
	if d.placed != nil {
		var err error
		if head, cols, rows, err = placeRows(head, d.placed); err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
	}
	dim := fmt.Sprintf(`<dimension ref="A1:%s%d"/>`, columnLetters(cols), rows)
	head = setDimension(head, dim)
	return joinSheet(zw, zf.Name, head, tail, d.parts, c, slots)
}

// setDimension puts dim in place of the dimension element of head, a
// worksheet part up to the end of its rows: looked for before its rows,
// where the schema puts it (a sheet's rows are most of its bytes).
func setDimension(head []byte, dim string) []byte {
	rows := bytes.Index(head, []byte("<sheetData")) // spliceSheet leaves it in
	before := dimensionRE.ReplaceAllLiteral(head[:rows:rows], []byte(dim))
	return append(before, head[rows:]...)
}

// fillFirstRow puts cells into the first row of head (a worksheet part up
// to the end of its rows), which must be row 1, written empty.
func fillFirstRow(head, cells []byte) ([]byte, error) {
	_, rows, ok := bytes.Cut(head, []byte("<sheetData>"))
	start := len(head) - len(rows)
	if !ok || !bytes.HasPrefix(rows, []byte(`<row r="1"`)) {
		return nil, fmt.Errorf("no row 1 to put the header in")
	}
	end := bytes.IndexByte(rows, '>') + 1 // the row's start tag: its attributes hold no '>'
	if !bytes.HasPrefix(rows[end:], []byte("</row>")) {
		return nil, fmt.Errorf("row 1 is not empty")
	}
	at := start + end
	out := make([]byte, 0, len(head)+len(cells))
	return append(append(append(out, head[:at]...), cells...), head[at:]...), nil
}

// placeRows puts the placed rows among those of head (a worksheet part up
// to the end of its rows) and returns it with the sheet's last column and
// row.
func placeRows(head []byte, placed *placedRows) ([]byte, int, int, error) {
	before, written, ok := bytes.Cut(head, []byte("<sheetData>"))
	if !ok {
		return nil, 0, 0, fmt.Errorf("no sheetData")
	}
	rows, cols := placed.encode()
	size := len(before) + len("<sheetData>") + len(written) // the part made once, at its size
	for _, r := range rows {
		size += len(r.xml)
	}
	out, last, err := mergeRows(append(append(make([]byte, 0, size), before...), "<sheetData>"...), written, rows)
	if err != nil {
		return nil, 0, 0, err
	}
	return out, max(cols, dimensionCols(before)), max(last, 1), nil
}

// joinSheet writes worksheet part name to zw as head, the compressed rows
// of parts (copied by c; slotted by slots, when not nil), and tail, without
// recompressing the rows.
func joinSheet(zw *zip.Writer, name string, head, tail []byte, parts []DeflatedPart, c *partCopier, slots *slotWriter) error {
	h, err := deflatedText(head)
	if err != nil {
		return err
	}
	t, err := deflatedText(tail)
	if err != nil {
		return err
	}
	all := append(append([]DeflatedPart{h}, parts...), t)
	return writeJoined(zw, name, all, c, slots)
}

// sheetParts maps each sheet's name to its worksheet part, from the
// workbook part and its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasPrefix(r.Target, "/") {
			targets[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			targets[r.ID] = path.Join("xl", r.Target)
		}
	}
	parts := map[string]string{}
	for _, s := range wb.Sheets {
		parts[s.Name] = targets[s.RID]
	}
	return parts, nil
}

// decodePart decodes the XML part name of zr into v.
func decodePart(zr *zip.Reader, name string, v any) error {
	rc, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// saveWorkbook writes f atomically to path, with the deferred rows of its
// sheets.
func saveWorkbook(f *excelize.File, path string, deferred ...deferredRows) error {
	return writeAtomic(path, encodeWorkbook(f, deferred, nil))
}

// encodeWorkbook writes f with the deferred rows of its sheets and its
// tables' parts put back (restoreTables), the rows from files slotted as
// plan places them (nil: not slotted). The first sheet is active, as in
// every new file (SetActiveSheet would parse every streamed sheet back).
func encodeWorkbook(f *excelize.File, deferred []deferredRows, plan *slotPlan) func(w io.Writer) error {
	restoreTables(f)
	if len(deferred) == 0 {
		return func(w io.Writer) error {
			_, err := f.WriteTo(w)
			return err
		}
	}
	return func(w io.Writer) error {
		var pkg bytes.Buffer
		if _, err := f.WriteTo(&pkg); err != nil {
			return err
		}
		return spliceRows(w, pkg.Bytes(), deferred, plan)
	}
}
