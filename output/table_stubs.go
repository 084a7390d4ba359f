package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize numbers a new table, and checks that its name is new, by
// decoding every table part the workbook has (File.AddTable,
// StreamWriter.AddTable): with the county workbook's twelve tables, one of
// 220 columns, that was ~7 ms of a re-run's county stage. So each table
// part, once added, is moved aside and a stub holding what AddTable reads
// of it (its id and name) takes its place; encodeWorkbook puts the parts
// back before excelize writes the package. Only AddTable may read table
// parts meanwhile: the workbooks are made new (excelize.NewFile), and none
// calls what would read or change a table (InsertRows, RemoveRow,
// GetTables, DeleteTable) before it is saved.

// tablePartPrefix is how excelize names table parts (and finds them).
const tablePartPrefix = "xl/tables/table"

// tablePart matches the names of table parts (not tableSingleCells).
var tablePart = regexp.MustCompile(`^xl/tables/table[0-9]+\.xml$`)

// tablesAside is where the parts wait, a name excelize's scans for
// tablePartPrefix do not match.
const tablesAside = "xl/tables/aside/"

// tableStub is what a stub keeps of a table part.
type tableStub struct {
	XMLName xml.Name `xml:"table"`
	ID      int      `xml:"id,attr"`
	Name    string   `xml:"name,attr"`
}

// stubTables sets aside every table part of f not set aside yet.
func stubTables(f *excelize.File) error {
	var err error
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		part, _ := v.([]byte)
		if !unstubbed(name, part) {
			return true
		}
		var t tableStub
		if err = xml.Unmarshal(part, &t); err != nil {
			err = fmt.Errorf("table part %s: %w", name, err) // a defect: excelize wrote it
			return false
		}
		stub, e := xml.Marshal(t)
		if e != nil {
			err = e
			return false
		}
		f.Pkg.Store(tablesAside+strings.TrimPrefix(name, tablePartPrefix), part)
		f.Pkg.Store(name, stub)
		return true
	})
	return err
}

// unstubbed reports whether the package part name holds a table part as
// excelize wrote it: not a stub (which has no XML declaration).
func unstubbed(name string, part []byte) bool {
	return tablePart.MatchString(name) && !bytes.HasPrefix(part, []byte("<table "))
}

// restoreTables puts back the table parts stubTables set aside.
func restoreTables(f *excelize.File) {
	f.Pkg.Range(func(k, v any) bool {
		if name, _ := k.(string); strings.HasPrefix(name, tablesAside) {
			f.Pkg.Store(tablePartPrefix+strings.TrimPrefix(name, tablesAside), v)
			f.Pkg.Delete(name)
		}
		return true
	})
}

// nameTableColumns gives the columns of the table part just added (the
// one not set aside yet) the header's names, for a table added over a
// header row written empty (addTableSheet): excelize wrote each column as
// <tableColumn id="N" name="">, and each name goes there as the header
// cell's text (cellText: Excel reads both alike, _xHHHH_ escapes and all),
// escaped as excelize escapes an attribute.
func nameTableColumns(f *excelize.File, header []string) error {
	var err error
	named := 0
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		part, _ := v.([]byte)
		if !unstubbed(name, part) {
			return true
		}
		if part, err = withColumnNames(part, header); err != nil {
			err = fmt.Errorf("table part %s: %w", name, err) // a defect: excelize wrote it otherwise
			return false
		}
		f.Pkg.Store(name, part)
		named++
		return true
	})
	if err == nil && named != 1 {
		err = fmt.Errorf("%d table parts to name, want 1", named) // a defect
	}
	return err
}

// withColumnNames is a table part with its unnamed columns named.
func withColumnNames(part []byte, header []string) ([]byte, error) {
	out := make([]byte, 0, len(part)+16*len(header))
	var esc bytes.Buffer
	for i, h := range header {
		unnamed := []byte(`<tableColumn id="` + strconv.Itoa(i+1) + `" name="`)
		at := bytes.Index(part, append(unnamed, '"'))
		if at < 0 {
			return nil, fmt.Errorf("no unnamed column %d", i+1)
		}
		esc.Reset()
		if err := xml.EscapeText(&esc, []byte(cellText(h))); err != nil {
			return nil, err
		}
		out = append(append(out, part[:at+len(unnamed)]...), esc.Bytes()...)
		part = part[at+len(unnamed):]
	}
	return append(out, part...), nil
}
