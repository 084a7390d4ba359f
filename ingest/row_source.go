package ingest

// rowSource yields a sheet's rows in order, one per row number: a row the
// file does not store comes back with no cells.
type rowSource interface {
	Next() bool
	Cells() ([]string, error)
	Close() error
	// RowsHint is about how many rows are still to come, 0 when the
	// source cannot tell: for sizing buffers only.
	RowsHint() int
}

// sheetSource is one sheet of a workbook or the single table of a CSV file.
type sheetSource struct {
	name   string
	open   func() (rowSource, error)
	merges func() []mergedRange // nil when the format has no merged cells
}
