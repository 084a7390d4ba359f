package samplecounty

import "github.com/xuri/excelize/v2"

// CorrectTitle appends a correction mark to the first disclosure title of
// the ledger at path, as an office re-submitting a fixed file would: the
// file changes, its unit, office and records but one title do not.
func CorrectTitle(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	v, err := f.GetCellValue(SheetDisclosure, "B3")
	if err != nil {
		return err
	}
	if err := f.SetCellValue(SheetDisclosure, "B3", v+"（更正）"); err != nil {
		return err
	}
	return f.Save()
}
