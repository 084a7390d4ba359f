package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
	"gongkai/output"
)

// TestTemplateFilledInAndFedBack fills the blank template as an office
// would and checks that the batch gives exactly the numbers filled in.
func TestTemplateFilledInAndFedBack(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	path := filepath.Join(inbox, "白沙镇", "党政办", "白沙镇-党政办-2025年台账.xlsx")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := domain.DefaultConfig()
	if err := output.WriteTemplate(path, cfg, 2025); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	day := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	// fill writes rows below a ledger's header, by header label.
	fill := func(k domain.Kind, rows ...map[string]any) {
		sheet := output.TemplateSheet(k)
		header, err := f.GetRows(sheet)
		if err != nil || len(header) < 2 {
			t.Fatalf("%s: %v", sheet, err)
		}
		for i, row := range rows {
			for label, v := range row {
				col := -1
				for c, h := range header[1] {
					if h == label {
						col = c + 1
					}
				}
				if col < 0 {
					t.Fatalf("%s has no column %q", sheet, label)
				}
				cell, _ := excelize.CoordinatesToCellName(col, i+3)
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	f.SetCellValue("基本信息", "B2", "白沙镇党政办")
	fill(domain.KindDisclosure,
		map[string]any{"序号": 1, "信息标题": "关于春耕生产的通知", "公开日期": day(3, 5), "公开类别": "工作动态", "公开渠道": "政府网站"},
		map[string]any{"序号": 2, "信息标题": "关于春耕生产的通知", "公开日期": day(3, 5), "公开类别": "工作动态", "公开渠道": "公开栏"},
		map[string]any{"序号": 3, "信息标题": "2025年部门预算", "公开日期": day(4, 1), "公开类别": "财政信息", "公开渠道": "政务新媒体"},
	)
	fill(domain.KindApplication,
		map[string]any{"申请编号": "BS-1", "收到日期": day(5, 6), "申请人类型": "自然人", "答复日期": day(5, 20), "是否延期": "否", "收费金额（元）": 0, "办理结果": "（一）予以公开"},
		map[string]any{"申请编号": "BS-2", "收到日期": day(12, 28), "申请人类型": "法律服务机构"},
	)
	fill(domain.KindAppeal, map[string]any{"案号": "合复〔2025〕1号", "案件类型": "行政复议", "收到/立案日期": day(6, 1), "结果": "结果维持"})
	fill(domain.KindServiceItem,
		map[string]any{"事项名称": "低保申请", "录入日期": day(2, 1), "录入平台": "广西一体化网上政务服务平台"},
		map[string]any{"事项名称": "临时救助", "录入日期": day(2, 2), "录入平台": "广西一体化网上政务服务平台"},
	)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	res, err := Run(context.Background(), Options{Inbox: inbox, Out: filepath.Join(dir, "out"), Config: cfg, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	var unit domain.Metrics
	for _, u := range res.Report.Units {
		if u.Name == "白沙镇" {
			unit = u.Metrics
		}
	}
	want := map[string]float64{
		"active.items": 2, "active.channel.website": 1, "active.channel.board": 1, "active.channel.new_media": 1,
		"active.category.news": 1, "active.category.finance": 1,
		"t3.new.total": 2, "t3.new.natural": 1, "t3.new.legal": 1, "t3.granted.natural": 1, "t3.total.total": 1,
		"t3.carried_out.legal": 1, "t3.carried_out.total": 1, "t4.review.upheld": 1, "t4.review.total": 1,
		"service.items": 2, "fees.yuan": 0,
	}
	for id, w := range want {
		if unit[id] != w {
			t.Errorf("%s = %v, want %v", id, unit[id], w)
		}
	}
	for _, in := range res.Report.Inputs {
		if in.Status != output.StatusAccepted {
			t.Errorf("%s: %s %s", in.Path, in.Status, in.Reason)
		}
	}
	for _, fd := range res.Report.Findings {
		if fd.Pos.File != "" && fd.Severity == domain.SevError {
			t.Errorf("finding on the filled template: %+v", fd)
		}
	}
}
