package ingest

import (
	"fmt"
	"unicode/utf8"

	"gongkai/domain"
)

// Limits bound what one file may cost, so that a malicious or broken file
// costs at most its limits and a finding. A zero field takes its default.
type Limits struct {
	UnzipSize   int64 // all parts of a workbook, uncompressed (bytes)
	XMLInMemory int64 // one part held in memory before it spills to a temporary file (bytes)
	CellChars   int   // the longest cell text kept (characters)
	Columns     int   // the most columns read from a row
	Rows        int   // the most rows read from a sheet
}

// DefaultLimits are generous for any real ledger: Excel's own cell limit,
// 256 MiB of XML, 1,000 columns and a million rows.
func DefaultLimits() Limits {
	return Limits{UnzipSize: 256 << 20, XMLInMemory: 16 << 20, CellChars: 32767, Columns: 1000, Rows: 1 << 20}
}

// orDefault fills zero fields from DefaultLimits.
func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	if l.UnzipSize <= 0 {
		l.UnzipSize = d.UnzipSize
	}
	if l.XMLInMemory <= 0 {
		l.XMLInMemory = d.XMLInMemory
	}
	if l.XMLInMemory > l.UnzipSize {
		l.XMLInMemory = l.UnzipSize
	}
	if l.CellChars <= 0 {
		l.CellChars = d.CellChars
	}
	if l.Columns <= 0 {
		l.Columns = d.Columns
	}
	if l.Rows <= 0 {
		l.Rows = d.Rows
	}
	return l
}

// limitedRows enforces the cell, column and row limits on a sheet's rows
// and notes where it cut, for findings.
type limitedRows struct {
	rowSource
	lim  Limits
	row  int
	cuts []cut
}

// cut is one place where a limit was applied.
type cut struct {
	row, col int
	what     string // in Chinese
}

func (l *limitedRows) Next() bool {
	if l.row >= l.lim.Rows {
		if l.rowSource.Next() {
			l.cuts = append(l.cuts, cut{row: l.row + 1, what: fmt.Sprintf("工作表超过 %d 行，其后的行未读取", l.lim.Rows)})
		}
		return false
	}
	if !l.rowSource.Next() {
		return false
	}
	l.row++
	return true
}

func (l *limitedRows) Cells() ([]string, error) {
	cells, err := l.rowSource.Cells()
	if len(cells) > l.lim.Columns {
		tail := cells[l.lim.Columns:]
		cells = cells[:l.lim.Columns]
		for _, c := range tail {
			if c != "" {
				l.cuts = append(l.cuts, cut{row: l.row, col: l.lim.Columns + 1, what: fmt.Sprintf("第 %d 列以后的内容未读取", l.lim.Columns)})
				break
			}
		}
	}
	for i, c := range cells {
		if len(c) > l.lim.CellChars && utf8.RuneCountInString(c) > l.lim.CellChars {
			cells[i] = string([]rune(c)[:l.lim.CellChars])
			l.cuts = append(l.cuts, cut{row: l.row, col: i + 1, what: fmt.Sprintf("单元格内容超过 %d 个字符，已截断", l.lim.CellChars)})
		}
	}
	return cells, err
}

// report turns the cuts into findings of the sheet, and formula cells
// without a cached value (the streaming reader sees them) into one more.
func (l *limitedRows) report(fr *fileReader, sheet string) {
	for _, c := range l.cuts {
		fr.finding(domain.RuleCellUnreadable, domain.SevWarning, sheet, c.row, c.col, c.what+"。")
	}
	if src, ok := l.rowSource.(interface{ uncachedFormulas() []cellRef }); ok {
		if cells := src.uncachedFormulas(); len(cells) > 0 {
			fr.finding(domain.RuleCellUnreadable, domain.SevWarning, sheet, cells[0].row, cells[0].col, fmt.Sprintf(
				"本表有 %d 个含公式的单元格没有保存计算结果（文件可能由其他程序生成，未在 Excel 或 WPS 中计算保存），按空白读取，第一个在此。"+
					"请在 Excel 或 WPS 中打开并保存后重新报送。", len(cells)))
		}
	}
}
