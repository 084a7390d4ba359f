package ingest

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// xlsxBook is an opened .xlsx/.xlsm workbook. Macros are never run:
// only the parts are read. Its worksheets are streamed by this package's
// own reader (partsBook); a file that reader does not handle is opened by
// excelize as a whole, as before.
type xlsxBook struct {
	parts   *partsBook     // the streaming reader, or nil
	f       *excelize.File // excelize, when the streaming reader declined the file
	dateSys DateSystem
}

// streamXLSX turns the streaming reader on; tests turn it off to compare.
var streamXLSX = true

func openXLSX(path string, lim Limits) (*xlsxBook, error) {
	if streamXLSX {
		if pb, _ := openParts(path, lim); pb != nil {
			return &xlsxBook{parts: pb, dateSys: pb.dateSys}, nil
		}
	}
	return openExcelize(path, lim)
}

// openExcelize opens the whole workbook with excelize.
func openExcelize(path string, lim Limits) (*xlsxBook, error) {
	f, err := excelize.OpenFile(path, excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    lim.UnzipSize,
		UnzipXMLSizeLimit: lim.XMLInMemory,
	})
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{f: f}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil && *props.Date1904 {
		b.dateSys = Date1904
	}
	return b, nil
}

func (b *xlsxBook) sheets() []sheetSource {
	if b.parts != nil {
		return b.parts.sources()
	}
	var out []sheetSource
	for _, name := range b.f.GetSheetList() {
		out = append(out, sheetSource{name: name, open: func() (rowSource, error) {
			rows, err := b.f.Rows(name)
			if err != nil {
				return nil, fmt.Errorf("打开工作表失败：%w", err)
			}
			return &xlsxRows{rows: rows}, nil
		}, merges: func() []mergedRange { return xlsxMerges(b.f, name) }})
	}
	return out
}

// lateOpenError is set when the streaming reader handed a sheet over to
// excelize and excelize could not open the file: excelize alone would
// have refused it at the start.
func (b *xlsxBook) lateOpenError() error {
	if b.parts != nil {
		return b.parts.lateErr
	}
	return nil
}

func (b *xlsxBook) Close() error {
	if b.parts != nil {
		return b.parts.Close()
	}
	return b.f.Close()
}

// xlsxRows adapts excelize's streaming row iterator.
type xlsxRows struct{ rows *excelize.Rows }

func (r *xlsxRows) Next() bool { return r.rows.Next() }

func (r *xlsxRows) RowsHint() int { return 0 }

func (r *xlsxRows) Cells() ([]string, error) {
	return r.rows.Columns(excelize.Options{RawCellValue: true})
}

func (r *xlsxRows) Close() error {
	if err := r.rows.Error(); err != nil {
		r.rows.Close()
		return err
	}
	return r.rows.Close()
}
