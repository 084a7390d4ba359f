package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
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
		if !tablePart.MatchString(name) || bytes.HasPrefix(part, []byte("<table ")) { // not a table, or a stub already
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
