package output

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// runInfoSheet is the first sheet of the county workbook.
const runInfoSheet = "运行信息"

// inputStatuses are the statuses of an inbox file, in the order shown.
var inputStatuses = []string{StatusAccepted, StatusDuplicate, StatusSuperseded, StatusRejected, StatusIgnored, StatusWriting}

// officeStatuses are the statuses of a roster office, in the order shown.
var officeStatuses = []string{StatusAccepted, StatusMissing, StatusRejected}

// severities in the order shown.
var severities = []domain.Severity{domain.SevError, domain.SevWarning, domain.SevInfo}

const labelTotal = "合计"

// writeRunInfo fills the run information sheet: what ran, on what, and
// what it found, in counts.
func writeRunInfo(f *excelize.File, st *styles, r *Report) (deferredRows, error) {
	if _, err := f.NewSheet(runInfoSheet); err != nil {
		return deferredRows{}, err
	}
	w := newPlacedSheetWriter(f, st, runInfoSheet)
	if err := w.line(1, fmt.Sprintf("%s%d年政府信息公开统计汇总·运行信息", r.Config.County, r.Year), st.title); err != nil {
		return deferredRows{}, err
	}
	row := 3
	for _, kv := range [][2]any{
		{"县（市、区）", r.Config.County},
		{"报告年度", styled{r.Year, st.year}},
		{"运行开始时间", timeCell(st, r.StartedAt)},
		{"运行用时（秒）", math.Round(r.Duration.Seconds()*10) / 10},
		{"程序版本", r.Version},
	} {
		if err := w.row(row, styled{kv[0], st.label}, kv[1]); err != nil {
			return deferredRows{}, err
		}
		row++
	}

	blocks := []struct {
		caption string
		t       table
	}{
		{"一、收到的文件", fileCounts(st, r.Inputs)},
		{"二、科室报送情况", officeCounts(st, r.Units)},
		{"三、记录核算", recordCounts(st, r.Accounting)},
		{"四、剔除记录的原因", dropCounts(st, r.Accounting.Total)},
		{"五、发现的问题", severityCounts(st, r.Findings)},
	}
	for _, b := range blocks {
		row++
		if err := w.line(row, b.caption, st.section); err != nil {
			return deferredRows{}, err
		}
		var err error
		if row, err = w.table(row+1, b.t); err != nil {
			return deferredRows{}, err
		}
	}
	if err := w.sizeColumns(); err != nil {
		return deferredRows{}, err
	}
	return w.rows(), printSetup(f, runInfoSheet, printing{fitWidth: true})
}

// timeCell shows a time with its clock, or a blank cell for the zero time.
func timeCell(st *styles, t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return styled{t, st.dateTime}
}

// totalRow is a total row: its label, then whole-number counts.
func totalRow(st *styles, counts ...int) []any {
	row := []any{styled{labelTotal, st.totalLabel}}
	for _, n := range counts {
		row = append(row, styled{n, st.totalInt})
	}
	return row
}

// statusCounts counts statuses, in the given order, then any other status.
func statusCounts(st *styles, header []string, order, statuses []string) table {
	n := map[string]int{}
	for _, s := range statuses {
		n[s]++
	}
	for _, s := range slices.Sorted(maps.Keys(n)) {
		if !slices.Contains(order, s) {
			order = append(order, s)
		}
	}
	t := table{header: header, total: totalRow(st, len(statuses))}
	for _, s := range order {
		t.rows = append(t.rows, []any{StatusLabel(s), n[s]})
	}
	return t
}

// fileCounts counts the inbox files by status.
func fileCounts(st *styles, inputs []Input) table {
	var statuses []string
	for _, in := range inputs {
		statuses = append(statuses, in.Status)
	}
	return statusCounts(st, []string{"文件状态", "文件数"}, slices.Clone(inputStatuses), statuses)
}

// officeCounts counts the offices of every unit by status.
func officeCounts(st *styles, units []UnitReport) table {
	var statuses []string
	for _, u := range units {
		for _, o := range u.Offices {
			statuses = append(statuses, o.Status)
		}
	}
	return statusCounts(st, []string{"科室报送状态", "科室数"}, slices.Clone(officeStatuses), statuses)
}

// recordCounts is the record accounting by ledger kind.
func recordCounts(st *styles, acc Accounting) table {
	t := table{header: []string{"台账类型", "读取记录数", "计入统计记录数", "剔除记录数"}}
	for _, k := range domain.LedgerKinds {
		tl := acc.ByKind[k]
		t.rows = append(t.rows, []any{k.Label(), tl.Read, tl.Counted, dropped(tl)})
	}
	t.total = totalRow(st, acc.Total.Read, acc.Total.Counted, dropped(acc.Total))
	return t
}

// dropCounts counts the dropped records by reason id.
func dropCounts(st *styles, total domain.Tally) table {
	t := table{header: []string{"剔除原因", "记录数"}, total: totalRow(st, dropped(total))}
	for _, reason := range slices.Sorted(maps.Keys(total.Dropped)) {
		t.rows = append(t.rows, []any{domain.DropLabel(reason), total.Dropped[reason]})
	}
	return t
}

// severityCounts counts the findings by severity.
func severityCounts(st *styles, findings []domain.Finding) table {
	n := map[domain.Severity]int{}
	for _, f := range findings {
		n[f.Severity]++
	}
	t := table{header: []string{"严重程度", "问题数"}, total: totalRow(st, len(findings))}
	for _, s := range severities {
		t.rows = append(t.rows, []any{styled{s.Label(), st.severityStyle(s)}, n[s]})
	}
	return t
}

// dropped is the number of records a tally dropped, for all reasons.
func dropped(t domain.Tally) int {
	n := 0
	for _, v := range t.Dropped {
		n += v
	}
	return n
}
