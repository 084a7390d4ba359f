package output

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// Sheet names of the blank submission template.
const (
	templateCover   = "基本信息"
	templateSummary = "年报统计表"
	templateRows    = 2000 // rows below each header that carry drop-downs and date formats
	// templateListCol is the first of the cover's hidden columns that hold
	// the drop-down values (a sheet of its own would be read as a sheet
	// that matches no kind).
	templateListCol = 20
)

// templateSheets names the ledger sheets of the template.
var templateSheets = map[domain.Kind]string{
	domain.KindDisclosure:  "主动公开台账",
	domain.KindApplication: "依申请公开登记台账",
	domain.KindAppeal:      "行政复议诉讼台账",
	domain.KindServiceItem: "政务服务事项录入台账",
}

// TemplateSheet returns the template's sheet name of a ledger kind.
func TemplateSheet(k domain.Kind) string { return templateSheets[k] }

// templateInstructions are written on the cover, below its fields.
var templateInstructions = []string{
	"填表说明：",
	"1. 每个科室每年报送一个工作簿；请勿修改各表表头，可在表头上方增加标题行。",
	"2. 每条记录填一行；日期请填写如 2025-03-05 的日期；同一信息在多个渠道公开的，每个渠道各填一行（统计时按一条计）。",
	"3. 带下拉箭头的列请从下拉列表中选择；依申请公开尚未办结的，“答复日期”和“办理结果”留空。",
	"4. “年报统计表”请填写本科室的数字，无数据填 0，不要留空；表三、表四的总计须与各项之和一致。",
	"5. 修改后重新报送的，请在“版本/修订说明”中注明，并更新“填报日期”。",
}

// WriteTemplate writes the blank submission workbook that makes correct
// submissions the easy path: every sheet kind with its exact labels,
// drop-down lists for the vocabulary columns, date formats, instructions.
func WriteTemplate(path string, cfg *domain.Config, year int) error {
	f, st, err := newWorkbook(templateCover, fmt.Sprintf("%d年政府信息公开台账（模板）", year))
	if err != nil {
		return err
	}
	defer f.Close()
	if err := writeTemplateCover(f, st, year); err != nil {
		return err
	}
	lists, err := writeTemplateLists(f, cfg)
	if err != nil {
		return err
	}
	for _, k := range domain.LedgerKinds {
		if err := writeTemplateLedger(f, st, k, year, lists); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(templateSummary); err != nil {
		return err
	}
	if _, err := DrawOfficialTables(f, templateSummary, 1, domain.Metrics{}); err != nil {
		return err
	}
	return saveWorkbook(f, path)
}

func writeTemplateCover(f *excelize.File, st *styles, year int) error {
	w := newSheetWriter(f, st, templateCover)
	if err := w.line(1, "政府信息公开台账报送基本信息", st.title); err != nil {
		return err
	}
	for i, k := range domain.CoverKeys {
		var v any
		if k == domain.CoverYear {
			v = year
		}
		if err := w.row(i+2, k, v); err != nil {
			return err
		}
	}
	for i, line := range templateInstructions {
		if err := w.line(len(domain.CoverKeys)+3+i, line, st.wrap); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(templateCover, "A", "A", 18); err != nil {
		return err
	}
	return f.SetColWidth(templateCover, "B", "B", 60)
}

// writeTemplateLists writes the drop-down values into hidden columns of the
// cover and returns, by vocabulary, the range that lists them.
func writeTemplateLists(f *excelize.File, cfg *domain.Config) (map[string]string, error) {
	var outcomes []string
	for _, r := range domain.T3ResultRows() {
		outcomes = append(outcomes, r.ShortLabel())
	}
	var cats []string
	for _, c := range cfg.Categories {
		cats = append(cats, c.Label)
	}
	labels := func(cols []domain.Column) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = c.Label
		}
		return out
	}
	lists := []struct {
		vocab  string
		values []string
	}{
		{domain.VocabChannel, labels(domain.Channels[:len(domain.Channels)-1])}, // not 未填写
		{domain.VocabCategory, cats},
		{domain.VocabApplicant, labels(domain.T3Columns[:len(domain.T3Columns)-1])},
		{domain.VocabOutcome, outcomes},
		{domain.VocabCaseType, []string{"行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"}},
		{domain.VocabAppealResult, labels(domain.T4Results[:len(domain.T4Results)-1])},
		{"bool", []string{"是", "否"}},
	}
	out := map[string]string{}
	for c, l := range lists {
		col, _ := excelize.ColumnNumberToName(templateListCol + c)
		for r, v := range l.values {
			if err := f.SetCellStr(templateCover, fmt.Sprintf("%s%d", col, r+1), v); err != nil {
				return nil, err
			}
		}
		if err := f.SetColVisible(templateCover, col, false); err != nil {
			return nil, err
		}
		out[l.vocab] = fmt.Sprintf("%s!$%s$1:$%s$%d", templateCover, col, col, len(l.values))
	}
	return out, nil
}

func writeTemplateLedger(f *excelize.File, st *styles, k domain.Kind, year int, lists map[string]string) error {
	sheet := templateSheets[k]
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	w := newSheetWriter(f, st, sheet)
	fields := domain.LedgerFields[k]
	if err := w.line(1, fmt.Sprintf("%d年%s", year, k.Label()), st.title); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(fields))
	if err := f.MergeCell(sheet, "A1", last+"1"); err != nil {
		return err
	}
	for i, fd := range fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(sheet, col+"2", fd.Label); err != nil {
			return err
		}
		width := float64(max(12, displayWidth(fd.Label)+4))
		if fd.Name == domain.FieldTitle || fd.Name == domain.FieldContent || fd.Name == domain.FieldItemName {
			width = 40
		}
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
		area := fmt.Sprintf("%s3:%s%d", col, col, templateRows+2)
		if fd.Type == domain.TypeDate {
			if err := f.SetCellStyle(sheet, col+"3", fmt.Sprintf("%s%d", col, templateRows+2), st.date); err != nil {
				return err
			}
		}
		source := lists[domain.FieldVocab[fd.Name]]
		if fd.Type == domain.TypeBool {
			source = lists["bool"]
		}
		if source != "" {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(area)
			dv.SetSqrefDropList(source)
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	if err := f.SetCellStyle(sheet, "A2", last+"2", st.header); err != nil {
		return err
	}
	return f.SetPanes(sheet, frozen(0, 2))
}
