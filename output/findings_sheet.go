package output

import (
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// findingsSheet is the name of the findings list in every workbook.
const findingsSheet = "问题清单"

// findingsHeader are the columns of a findings list.
var findingsHeader = []string{"规则", "严重程度", "单位", "科室", "文件", "工作表", "单元格", "说明", "应为", "实为", "相关指标"}

// writeFindingsSheet adds the findings list: one row per finding, in the
// order given, as a filterable table under a frozen header row.
func writeFindingsSheet(f *excelize.File, st *styles, cfg *domain.Config, findings []domain.Finding) error {
	if _, err := f.NewSheet(findingsSheet); err != nil {
		return err
	}
	w := newSheetWriter(f, st, findingsSheet)
	rows := make([][]any, len(findings))
	for i, fd := range findings {
		metric := ""
		if fd.Metric != "" {
			metric = domain.MetricLabel(fd.Metric, cfg.CategoryLabel)
		}
		rows[i] = []any{
			fd.Rule,
			styled{fd.Severity.Label(), st.severityStyle(fd.Severity)},
			fd.Unit, fd.Office, fd.Pos.File, fd.Pos.Sheet, fd.Pos.Cell(),
			styled{fd.Message, st.wrap},
			optional(fd.Expected), optional(fd.Actual),
			metric,
		}
	}
	if _, err := w.table(1, table{name: "Findings", header: findingsHeader, rows: rows}); err != nil {
		return err
	}
	if err := w.sizeColumns(); err != nil {
		return err
	}
	if err := f.SetPanes(findingsSheet, frozen(1, 2)); err != nil {
		return err
	}
	return printSetup(f, findingsSheet, printing{landscape: true, fitWidth: true, titleRows: "$1:$1"})
}

// optional is a cell value for a number that may be absent.
func optional(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
