package output

import (
	"io"
	"iter"
	"strconv"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// findingsSheet is the name of the findings list in every workbook.
const findingsSheet = "问题清单"

// findingsHeader are the columns of a findings list.
var findingsHeader = []string{"规则", "严重程度", "单位", "科室", "文件", "工作表", "单元格", "说明", "应为", "实为", "相关指标"}

// writeFindingsSheet adds the findings list: one row per finding, in the
// order given, as a filterable table under a frozen header row, continued
// on "问题清单(2)" and so on past Excel's row limit. The rows are returned
// to be joined in when the workbook is saved: a county can have a hundred
// thousand findings, too many for excelize's cell by cell.
func writeFindingsSheet(f *excelize.File, st *styles, cfg *domain.Config, findings []domain.Finding) ([]deferredRows, error) {
	perSheet := maxSheetRows - 1
	var out []deferredRows
	for part, from := 1, 0; part == 1 || from < len(findings); part, from = part+1, from+perSheet {
		sheet, table := continuedSheet(findingsSheet, "Findings", part)
		chunk := findings[from:min(from+perSheet, len(findings))]
		if _, err := f.NewSheet(sheet); err != nil {
			return nil, err
		}
		rows, widths, err := encodeFindings(st, cfg, findingsHeader, chunk)
		if err != nil {
			return nil, err
		}
		d, err := addTableSheet(f, st, tableFrame{sheet: sheet, table: table, header: findingsHeader, widths: excelWidths(widths),
			rows: len(chunk), print: printing{landscape: true, fitWidth: true, titleRows: "$1:$1"}})
		if err != nil {
			return nil, err
		}
		if len(chunk) > 0 {
			d.parts = []DeflatedPart{rows}
		}
		out = append(out, d)
	}
	return out, nil
}

// encodeFindings encodes findings as rows of the findings list, compressed
// in memory, and measures the columns' widths.
func encodeFindings(st *styles, cfg *domain.Config, header []string, findings []domain.Finding) (DeflatedPart, []int, error) {
	widths := make([]int, len(header))
	for j, h := range header {
		widths[j] = min(displayWidth(h), headerWrapWidth)
	}
	rows := func(yield func([]any) bool) {
		for _, fd := range findings {
			metric := ""
			if fd.Metric != "" {
				metric = domain.MetricLabel(fd.Metric, cfg.CategoryLabel)
			}
			if !yield([]any{
				fd.Rule, styled{fd.Severity.Label(), st.severityStyle(fd.Severity)},
				fd.Unit, fd.Office, fd.Pos.File, fd.Pos.Sheet, fd.Pos.Cell(),
				styled{fd.Message, st.wrap}, optional(fd.Expected), optional(fd.Actual), metric,
			}) {
				return
			}
		}
	}
	part, err := encodeValueRows(st, rows, len(findings), widths)
	return part, widths, err
}

// encodeValueRows encodes rows of values as sheetWriter.set takes them,
// compressed in memory as a part of n rows, and widens widths[j] to the
// widest text of column j.
func encodeValueRows(st *styles, rows iter.Seq[[]any], n int, widths []int) (DeflatedPart, error) {
	return deflatedBytes(func(w io.Writer) error { return writeValueRows(w, st, rows, widths) }, n)
}

// writeValueRows writes rows of values as sheetWriter.set takes them to
// w, and widens widths[j] to the widest text of column j.
func writeValueRows(w io.Writer, st *styles, rows iter.Seq[[]any], widths []int) error {
	var x cellXML
	var b []byte
	for row := range rows {
		b = x.startRow(b[:0])
		for j, v := range row {
			var text string
			if b, text = appendValue(&x, b, v, st); j < len(widths) {
				widths[j] = max(widths[j], textWidth(text))
			}
		}
		if _, err := w.Write(append(b, `</row>`...)); err != nil {
			return err
		}
	}
	return nil
}

// appendValue appends a cell of a value as sheetWriter.set takes it (nil,
// string, float64, or a styled one of those) and returns the text it shows.
func appendValue(x *cellXML, b []byte, v any, st *styles) ([]byte, string) {
	style := 0
	if s, ok := v.(styled); ok {
		v, style = s.v, s.style
	}
	text := ""
	switch v := v.(type) {
	case string:
		text = v
	case float64:
		if style == 0 {
			style = st.numberStyle(v, false)
		}
		text = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return x.cell(b, v, style), text
}

// optional is a cell value for a number that may be absent.
func optional(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
