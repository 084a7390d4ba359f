package output

import (
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// row is a test record: field name → value (string, time.Time, float64,
// bool or int); a field left out is null, or "" for a text column.
type row map[string]any

// buildBatch builds a record batch of kind from rows, with mem.
func buildBatch(t testing.TB, mem memory.Allocator, kind domain.Kind, rows ...row) arrow.RecordBatch {
	t.Helper()
	schema := domain.Schema(kind)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for _, r := range rows {
		for i, f := range schema.Fields() {
			v, ok := r[f.Name]
			switch fb := b.Field(i).(type) {
			case *array.StringBuilder:
				s, _ := v.(string)
				fb.Append(s)
			case *array.Date32Builder:
				if !ok {
					fb.AppendNull()
					continue
				}
				fb.Append(arrow.Date32FromTime(v.(time.Time)))
			case *array.Float64Builder:
				if !ok {
					fb.AppendNull()
					continue
				}
				fb.Append(v.(float64))
			case *array.BooleanBuilder:
				if !ok {
					fb.AppendNull()
					continue
				}
				fb.Append(v.(bool))
			case *array.Int32Builder:
				fb.Append(int32(v.(int)))
			default:
				t.Fatalf("no test builder for %s", f.Type)
			}
		}
	}
	return b.NewRecordBatch()
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// lineage is the lineage columns of a test record.
func lineage(unit, office, file, sheet string, srcRow int) row {
	return row{
		domain.LineageUnit: unit, domain.LineageOffice: office,
		domain.LineageFile: file, domain.LineageSheet: sheet, domain.LineageRow: srcRow,
	}
}

func (r row) with(o row) row {
	out := row{}
	for k, v := range r {
		out[k] = v
	}
	for k, v := range o {
		out[k] = v
	}
	return out
}

// Files of the test report.
const (
	fileBaishaDZB  = "白沙镇/党政办/2025年主动公开台账.xlsx"
	fileBaishaSBS  = "白沙镇/社保所/依申请公开登记台账.xlsx"
	fileZhakouDZB  = "闸口镇/党政办/台账.xlsx"
	fileRejected   = "未知/台账.xlsx"
	sheetDisclose  = "主动公开"
	sheetApply     = "依申请"
	testYear       = 2025
	testCountyName = "合浦县"
)

// checkedTestReport is testReport on an allocator that must hold nothing
// when the test ends, the report's records released first.
func checkedTestReport(t *testing.T) *Report {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	r := testReport(t, mem)
	t.Cleanup(func() { releaseRecords(r) })
	return r
}

// testReport is a small county: two units (one with a name that needs
// making safe), metrics for a few ids, records of disclosures and
// applications, and findings. Release the records with releaseRecords.
func testReport(t *testing.T, mem memory.Allocator) *Report {
	t.Helper()
	cfg := domain.DefaultConfig()
	baisha := domain.Metrics{
		domain.MetricActiveItems:                    258,
		domain.ChannelMetric("website"):             250,
		domain.ChannelMetric("board"):               10,
		domain.ChannelMetric("other"):               3,
		domain.CategoryMetric("finance"):            7,
		domain.MetricServiceItems:                   146,
		domain.T3Metric("new", "natural"):           3,
		domain.T3Metric("new", "total"):             3,
		domain.T3Metric("carried_in", "total"):      1,
		domain.T3Metric("granted", "total"):         2,
		domain.T3Metric("unable.not_held", "total"): 1,
		domain.T3Metric("total", "total"):           3,
		domain.T3Metric("carried_out", "total"):     1,
		domain.T4Metric("review", "upheld"):         1,
		domain.T4Metric("review", "total"):          1,
		domain.MetricFeesYuan:                       12.5,
		"t2.normative_docs.issued":                  2,
	}
	zhakou := domain.Metrics{
		domain.MetricActiveItems:          9,
		domain.ChannelMetric("website"):   9,
		domain.T3Metric("new", "total"):   0,
		domain.T3Metric("total", "total"): 0,
	}
	county := domain.Metrics{}
	county.Add(baisha)
	county.Add(zhakou)

	findings := []domain.Finding{
		{Rule: domain.RuleSumT3Balance, Severity: domain.SevError, Unit: "白沙镇", Office: "社保所",
			Pos: domain.Pos{File: fileBaishaSBS, Sheet: "统计表", Row: 17, Col: 4}, Message: "表三勾稽关系不平衡",
			Metric: domain.T3Metric("new", "total"), Expected: domain.Num(4), Actual: domain.Num(3)},
		{Rule: domain.RuleReportYear, Severity: domain.SevWarning, Unit: "白沙镇", Office: "党政办",
			Pos: domain.Pos{File: fileBaishaDZB, Sheet: sheetDisclose, Row: 9}, Message: "公开日期不在报告年度内"},
		{Rule: domain.RuleFileRejected, Severity: domain.SevError,
			Pos: domain.Pos{File: fileRejected}, Message: "无法确定所属单位"},
	}
	mod := time.Date(2026, 1, 5, 9, 30, 0, 0, time.UTC)
	return &Report{
		Year: testYear, Config: cfg, Version: "test-1",
		StartedAt: time.Date(2026, 1, 10, 2, 0, 0, 0, time.UTC), Duration: 1500 * time.Millisecond,
		County: county,
		Units: []UnitReport{
			{Name: "白沙镇", Metrics: baisha, Findings: findings[:2], Offices: []OfficeStatus{
				{Name: "党政办", Status: StatusAccepted, Files: []string{fileBaishaDZB}},
				{Name: "财政所", Status: StatusMissing},
				{Name: "社保所", Status: StatusAccepted, Files: []string{fileBaishaSBS}},
				{Name: "农业服务中心", Status: StatusMissing},
			}},
			{Name: "闸口镇", Metrics: zhakou, Offices: []OfficeStatus{
				{Name: "党政办", Status: StatusAccepted, Files: []string{fileZhakouDZB}},
			}},
			{Name: "../曲樟乡", Metrics: domain.Metrics{}},
		},
		Inputs: []Input{
			{Path: fileBaishaDZB, Status: StatusAccepted, Unit: "白沙镇", Office: "党政办", Year: testYear, Format: "xlsx",
				ModTime: mod, Sheets: []Sheet{{Name: sheetDisclose, Kind: domain.KindDisclosure, Rows: 3}},
				Records: domain.Tally{Read: 3, Counted: 3}},
			{Path: fileBaishaSBS, Status: StatusAccepted, Unit: "白沙镇", Office: "社保所", Year: testYear, Format: "xlsx",
				ModTime: mod, Records: domain.Tally{Read: 2, Counted: 2}},
			{Path: fileZhakouDZB, Status: StatusAccepted, Unit: "闸口镇", Office: "党政办", Year: testYear, Format: "xlsx",
				ModTime: mod, Records: domain.Tally{Read: 2, Counted: 1, Dropped: map[string]int{"duplicate": 1}}},
			{Path: fileRejected, Status: StatusRejected, Reason: "无法确定所属单位", ModTime: mod},
		},
		Findings: findings,
		Accounting: Accounting{
			ByKind: map[domain.Kind]domain.Tally{
				domain.KindDisclosure:  {Read: 5, Counted: 4, Dropped: map[string]int{"duplicate": 1}},
				domain.KindApplication: {Read: 2, Counted: 2},
			},
			Total: domain.Tally{Read: 7, Counted: 6, Dropped: map[string]int{"duplicate": 1}},
		},
		Timings: map[string]time.Duration{"ingest": 1200 * time.Millisecond, "output": 300 * time.Millisecond},
		Records: map[domain.Kind][]arrow.RecordBatch{
			domain.KindDisclosure: {
				buildBatch(t, mem, domain.KindDisclosure,
					lineage("白沙镇", "党政办", fileBaishaDZB, sheetDisclose, 3).with(row{
						domain.FieldSeq: "1", domain.FieldTitle: "白沙镇2025年财政预算公开", domain.FieldDate: day(2025, 3, 5),
						domain.FieldChannel: "website", domain.FieldChannel + domain.RawSuffix: "门户网站",
						domain.FieldCategory: "finance", domain.FieldCategory + domain.RawSuffix: "预决算",
					}),
					lineage("白沙镇", "党政办", fileBaishaDZB, sheetDisclose, 4).with(row{
						domain.FieldTitle: "=关于2025年春耕生产的通知", domain.FieldDate: day(2025, 4, 1),
						domain.FieldChannel: "board", domain.FieldChannel + domain.RawSuffix: "公示栏",
					}),
				),
				buildBatch(t, mem, domain.KindDisclosure,
					lineage("白沙镇", "党政办", fileBaishaDZB, sheetDisclose, 5).with(row{
						domain.FieldTitle: "白沙镇防汛工作安排", domain.FieldDate: day(2025, 6, 30),
					}),
					lineage("闸口镇", "党政办", fileZhakouDZB, "Sheet1", 2).with(row{
						domain.FieldTitle: "闸口镇人事任免", domain.FieldDate: day(2025, 8, 8),
						domain.FieldChannel: "website", domain.FieldChannel + domain.RawSuffix: "政府网站",
					}),
				),
			},
			domain.KindApplication: {
				buildBatch(t, mem, domain.KindApplication,
					lineage("白沙镇", "社保所", fileBaishaSBS, sheetApply, 4).with(row{
						domain.FieldAppID: "BS-2025-001", domain.FieldReceived: day(2025, 2, 1),
						domain.FieldApplicant: "natural", domain.FieldApplicant + domain.RawSuffix: "个人",
						domain.FieldReplied: day(2025, 2, 20), domain.FieldExtended: false, domain.FieldFee: 12.5,
						domain.FieldOutcome: "granted", domain.FieldOutcome + domain.RawSuffix: "同意公开",
					}),
					lineage("白沙镇", "社保所", fileBaishaSBS, sheetApply, 5).with(row{
						domain.FieldAppID: "BS-2025-002", domain.FieldReceived: day(2025, 12, 20),
						domain.FieldApplicant: "natural", domain.FieldOutcome: domain.OutcomePending,
					}),
				),
			},
		},
	}
}

// releaseRecords releases the test report's record batches.
func releaseRecords(r *Report) {
	for _, batches := range r.Records {
		for _, b := range batches {
			b.Release()
		}
	}
}

// openBook opens a written workbook, closed when the test ends.
func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findCell returns the coordinates of the first cell of sheet whose value
// is text.
func findCell(t *testing.T, f *excelize.File, sheet, text string) (col, rowNum int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, cells := range rows {
		for c, v := range cells {
			if v == text {
				return c + 1, r + 1
			}
		}
	}
	t.Fatalf("sheet %s has no cell %q", sheet, text)
	return 0, 0
}

// raw is a cell's stored value, unformatted.
func raw(t *testing.T, f *excelize.File, sheet string, col, rowNum int) string {
	t.Helper()
	ref, err := excelize.CoordinatesToCellName(col, rowNum)
	if err != nil {
		t.Fatal(err)
	}
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// tableRows reads the rows of sheet under the header row whose first cell
// is firstHeader, as maps header → formatted value, until a row whose
// first cell is blank.
func tableRows(t *testing.T, f *excelize.File, sheet, firstHeader string) []map[string]string {
	t.Helper()
	col, top := findCell(t, f, sheet, firstHeader)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[top-1][col-1:]
	var out []map[string]string
	for _, cells := range rows[top:] {
		if len(cells) < col || cells[col-1] == "" {
			break
		}
		m := map[string]string{}
		for i, h := range header {
			if col-1+i < len(cells) {
				m[h] = cells[col-1+i]
			}
		}
		out = append(out, m)
	}
	return out
}
