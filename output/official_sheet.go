package output

import (
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// officialTop is the row where the official tables start, under the
// sheet's title and subtitle lines.
const officialTop = 4

// writeOfficialSheet adds a sheet with a title, a subtitle and the
// official tables 表二/表三/表四 filled with m, set up to print on A4
// portrait, one page wide.
func writeOfficialSheet(f *excelize.File, st *styles, sheet, title, subtitle string, m domain.Metrics) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	w := newSheetWriter(f, st, sheet)
	if err := w.line(1, title, st.title); err != nil {
		return err
	}
	if err := w.line(2, subtitle, st.text); err != nil {
		return err
	}
	if _, err := DrawOfficialTables(f, sheet, officialTop, m); err != nil {
		return err
	}
	return printSetup(f, sheet, printing{fitWidth: true})
}
