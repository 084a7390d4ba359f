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

// setTableAside sets aside the table part just added to f (the one not set
// aside yet), its columns first named from header when header is not nil
// (a table added over a header row written empty, see addTableSheet; nil
// keeps the names excelize gave). Of the part only its root tag is read,
// for the stub's id and name.
func setTableAside(f *excelize.File, header []string) error {
	var err error
	aside := 0
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		part, _ := v.([]byte)
		if !unstubbed(name, part) {
			return true
		}
		aside++
		if header != nil {
			if part, err = withColumnNames(part, header); err != nil {
				err = fmt.Errorf("table part %s: %w", name, err) // a defect: excelize wrote it otherwise
				return false
			}
		}
		var stub []byte
		if stub, err = stubOf(part); err != nil {
			err = fmt.Errorf("table part %s: %w", name, err) // a defect: excelize wrote it
			return false
		}
		f.Pkg.Store(tablesAside+strings.TrimPrefix(name, tablePartPrefix), part)
		f.Pkg.Store(name, stub)
		return true
	})
	if err == nil && aside != 1 {
		err = fmt.Errorf("%d table parts to set aside, want 1", aside) // a defect
	}
	return err
}

// stubOf is the stub of a table part: its root tag's id and name.
func stubOf(part []byte) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(part))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil, err
		}
		root, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root.Name.Local != "table" {
			return nil, fmt.Errorf("root element %s", root.Name.Local)
		}
		var t tableStub
		for _, a := range root.Attr {
			switch a.Name.Local {
			case "id":
				if t.ID, err = strconv.Atoi(a.Value); err != nil {
					return nil, err
				}
			case "name":
				t.Name = a.Value
			}
		}
		return xml.Marshal(t)
	}
}

// unstubbed reports whether the package part name holds a table part as
// excelize wrote it: not a stub (which has no XML declaration).
func unstubbed(name string, part []byte) bool {
	return tablePart.MatchString(name) && !bytes.HasPrefix(part, []byte("<table "))
}

// restoreTables puts back the table parts setTableAside set aside.
func restoreTables(f *excelize.File) {
	f.Pkg.Range(func(k, v any) bool {
		if name, _ := k.(string); strings.HasPrefix(name, tablesAside) {
			f.Pkg.Store(tablePartPrefix+strings.TrimPrefix(name, tablesAside), v)
			f.Pkg.Delete(name)
		}
		return true
	})
}

// withColumnNames is a table part with its unnamed columns named: excelize
// wrote each column as <tableColumn id="N" name="">, and each name goes
// there as the header cell's text (cellText: Excel reads both alike,
// _xHHHH_ escapes and all), escaped as excelize escapes an attribute.
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
