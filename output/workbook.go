package output

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// creator is the author the workbooks' properties name.
const creator = "gongkai"

// newWorkbook starts a workbook whose first sheet is named first, with the
// batch's styles registered. Sheet writers add their sheet with
// f.NewSheet, which for the first sheet finds the one already there.
func newWorkbook(first, title string) (*excelize.File, *styles, error) {
	f := excelize.NewFile()
	f.SetZipWriter(fastZip)
	if err := f.SetSheetName(f.GetSheetName(0), first); err != nil {
		f.Close()
		return nil, nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: creator, Language: "zh-CN"}); err != nil {
		f.Close()
		return nil, nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// detailStyles are the styles every new workbook has, for the rows encoded
// before their workbook exists (the county's detail sheets).
func detailStyles() (*styles, error) {
	f, st, err := newWorkbook("x", "")
	if err != nil {
		return nil, err
	}
	f.Close()
	return st, nil
}

// sameRowStyles checks that a workbook's styles are those the detail rows
// it takes were encoded with (their cells name styles by number).
func sameRowStyles(st, encoded *styles) error {
	if st.date != encoded.date || st.decimal != encoded.decimal {
		return fmt.Errorf("detail rows encoded with date/amount styles %d/%d, the workbook has %d/%d", encoded.date, encoded.decimal, st.date, st.decimal) // a defect
	}
	return nil
}
