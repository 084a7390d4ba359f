package output

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// submissionsSheet lists who submitted what, and every inbox file.
const submissionsSheet = "报送情况"

// labelUnrecognised names a sheet that matched no kind.
const labelUnrecognised = "未识别"

// writeSubmissions fills the submissions sheet: one row per unit and
// office (roster offices first, as r.Units lists them), then one row per
// inbox file with what became of it.
func writeSubmissions(f *excelize.File, st *styles, r *Report) (deferredRows, error) {
	if _, err := f.NewSheet(submissionsSheet); err != nil {
		return deferredRows{}, err
	}
	w := newPlacedSheetWriter(f, st, submissionsSheet)
	if err := w.line(1, fmt.Sprintf("%s%d年政府信息公开报送情况", r.Config.County, r.Year), st.title); err != nil {
		return deferredRows{}, err
	}
	if err := w.line(3, "一、各单位科室报送情况", st.section); err != nil {
		return deferredRows{}, err
	}
	next, err := w.table(4, officeTable(st, r))
	if err != nil {
		return deferredRows{}, err
	}
	if err := w.line(next+1, "二、收到的文件", st.section); err != nil {
		return deferredRows{}, err
	}
	if _, err := w.table(next+2, inputTable(st, r.Inputs)); err != nil {
		return deferredRows{}, err
	}
	if err := w.sizeColumns(); err != nil {
		return deferredRows{}, err
	}
	return w.rows(), printSetup(f, submissionsSheet, printing{landscape: true, fitWidth: true})
}

// officeTable lists every office of every unit with what it sent.
func officeTable(st *styles, r *Report) table {
	modTimes := map[string]time.Time{}
	for _, in := range r.Inputs {
		modTimes[in.Path] = in.ModTime
	}
	t := table{name: "Submissions", header: []string{"单位", "科室", "是否名册内科室", "报送状态", "报送文件", "文件修改时间"}}
	for _, u := range r.Units {
		roster, _ := r.Config.Unit(u.Name)
		for _, o := range u.Offices {
			var latest time.Time
			for _, p := range o.Files {
				if mt := modTimes[p]; mt.After(latest) {
					latest = mt
				}
			}
			onRoster := labelNo
			if slices.Contains(roster.Offices, o.Name) {
				onRoster = labelYes
			}
			t.rows = append(t.rows, []any{
				u.Name, o.Name, onRoster, statusCell(st, o.Status),
				styled{strings.Join(o.Files, "\n"), st.wrap},
				timeCell(st, latest),
			})
		}
	}
	return t
}

// inputTable lists the inbox files; its first columns line up with those
// of officeTable above it, which share their widths.
func inputTable(st *styles, inputs []Input) table {
	t := table{name: "Inputs", header: []string{
		"序号", "单位", "科室", "状态", "文件", "修改时间", "原因", "年度", "格式",
		"替代或重复于", "工作表", "读取记录数", "计入统计记录数", "剔除记录数",
	}}
	for i, in := range inputs {
		var year any
		if in.Year != 0 {
			year = styled{in.Year, st.year}
		}
		t.rows = append(t.rows, []any{
			i + 1, in.Unit, in.Office, statusCell(st, in.Status), in.Path, timeCell(st, in.ModTime),
			styled{in.Reason, st.wrap}, year, in.Format,
			in.ReplacedBy, styled{sheetList(in.Sheets), st.wrap},
			in.Records.Read, in.Records.Counted, dropped(in.Records),
		})
	}
	return t
}

// statusCell shows a status in Chinese, marking those that need action.
func statusCell(st *styles, status string) any {
	switch status {
	case StatusMissing, StatusRejected:
		return styled{StatusLabel(status), st.error}
	}
	return StatusLabel(status)
}

// sheetList names an input's sheets with the kind each was read as.
func sheetList(sheets []Sheet) string {
	parts := make([]string, len(sheets))
	for i, s := range sheets {
		kind := labelUnrecognised
		if s.Kind != "" {
			kind = s.Kind.Label()
		}
		parts[i] = fmt.Sprintf("%s（%s）", s.Name, kind)
	}
	return strings.Join(parts, "\n")
}
