package output

import (
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// officialTop is the row where the official tables start, under the
// sheet's title and subtitle lines.
const officialTop = 4

// t4SheetSuffix names the sheet of 表四 after the sheet of 表二 and 表三.
const t4SheetSuffix = "（表四）"

// writeOfficialSheet adds the official tables filled with m: 表二 and 表三
// on sheet, printed on A4 portrait one page wide, and 表四 on a sheet of
// its own (sheet + t4SheetSuffix), on A4 landscape. 表四's fifteen narrow
// columns would otherwise take the widths of 表三's label columns, and
// the whole sheet would print at half size. Each sheet starts with the
// title and subtitle lines.
func writeOfficialSheet(f *excelize.File, st *styles, sheet, title, subtitle string, m domain.Metrics) error {
	if err := titledSheet(f, st, sheet, title, subtitle); err != nil {
		return err
	}
	next, err := DrawT2(f, sheet, officialTop, m)
	if err != nil {
		return err
	}
	if _, err := DrawT3(f, sheet, next, m); err != nil {
		return err
	}
	if err := printSetup(f, sheet, printing{fitWidth: true}); err != nil {
		return err
	}
	t4 := sheet + t4SheetSuffix
	if err := titledSheet(f, st, t4, title, subtitle); err != nil {
		return err
	}
	if _, err := DrawT4(f, t4, officialTop, m); err != nil {
		return err
	}
	return printSetup(f, t4, printing{landscape: true, fitWidth: true})
}

// titledSheet adds a sheet with a title and a subtitle line.
func titledSheet(f *excelize.File, st *styles, sheet, title, subtitle string) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	w := newSheetWriter(f, st, sheet)
	if err := w.line(1, title, st.title); err != nil {
		return err
	}
	return w.line(2, subtitle, st.text)
}
