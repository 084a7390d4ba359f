package output_test

import (
	"encoding/xml"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/output"
)

// TestSampleTablesNameTheirHeaders: every Excel table of the sample
// county's workbooks names its columns as its header row reads — Excel
// repairs a workbook whose table columns and header cells differ — and
// has as many columns as its range.
func TestSampleTablesNameTheirHeaders(t *testing.T) {
	w := runSample(t)
	books := append([]string{w.County}, slices.Sorted(maps.Values(w.Units))...)
	tables := 0
	for _, book := range books {
		f := output.OpenBook(t, book)
		parts := map[string][]string{} // table name → its columns' names
		f.Pkg.Range(func(k, v any) bool {
			if matched, _ := filepath.Match("xl/tables/table*.xml", k.(string)); matched {
				var tb struct {
					Name    string `xml:"name,attr"`
					Columns []struct {
						Name string `xml:"name,attr"`
					} `xml:"tableColumns>tableColumn"`
				}
				if err := xml.Unmarshal(v.([]byte), &tb); err != nil {
					t.Errorf("%s %s: %v", filepath.Base(book), k, err)
				}
				for _, c := range tb.Columns {
					parts[tb.Name] = append(parts[tb.Name], c.Name)
				}
			}
			return true
		})
		for _, sheet := range f.GetSheetList() {
			ts, err := f.GetTables(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range ts {
				tables++
				from, to, _ := strings.Cut(tb.Range, ":")
				var first, last, row int
				if first, row, err = excelize.CellNameToCoordinates(from); err != nil {
					t.Fatal(err)
				}
				if last, _, err = excelize.CellNameToCoordinates(to); err != nil {
					t.Fatal(err)
				}
				var header []string
				for col := first; col <= last; col++ {
					ref, _ := excelize.CoordinatesToCellName(col, row)
					v, err := f.GetCellValue(sheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					header = append(header, v)
				}
				if got := parts[tb.Name]; !slices.Equal(got, header) {
					t.Errorf("%s %s, table %s: columns %q, header row %q", filepath.Base(book), sheet, tb.Name, got, header)
				}
			}
		}
	}
	if tables == 0 {
		t.Fatal("no tables in the sample county's workbooks")
	}
}
