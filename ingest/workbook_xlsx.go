package ingest

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// xlsxBook is an opened .xlsx/.xlsm workbook. Macros are never run:
// excelize only reads the parts.
type xlsxBook struct {
	f       *excelize.File
	dateSys DateSystem
}

func openXLSX(path string, lim Limits) (*xlsxBook, error) {
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

func (b *xlsxBook) Close() error { return b.f.Close() }

// xlsxRows adapts excelize's streaming row iterator.
type xlsxRows struct{ rows *excelize.Rows }

func (r *xlsxRows) Next() bool { return r.rows.Next() }

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
