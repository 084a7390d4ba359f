package ingest

import (
	"testing"

	"gongkai/domain"
)

func TestMatchHeader(t *testing.T) {
	idx := newHeaderIndex(domain.DefaultConfig())
	tests := []struct {
		name  string
		cells []string
		kind  domain.Kind // "" = no header
	}{
		{"template disclosure", []string{"序号", "信息标题", "公开日期", "公开类别", "公开渠道", "文号", "链接", "发布科室", "备注"}, domain.KindDisclosure},
		{"synonyms", []string{"编号", "信息名称", "发布时间", "公开方式"}, domain.KindDisclosure},
		{"spaces and line breaks", []string{"信息 标题", "公开\n日期"}, domain.KindDisclosure},
		{"application", []string{"申请编号", "申请日期", "申请人类别", "申请内容", "答复日期", "收费金额（元）", "答复结果"}, domain.KindApplication},
		{"application with full-width units", []string{"受理日期", "申请主体", "处理结果", "收费（万元）"}, domain.KindApplication},
		{"appeal", []string{"案号", "案件类型", "立案日期", "结案日期", "结果"}, domain.KindAppeal},
		{"service items", []string{"序号", "事项名称", "事项类型", "录入日期", "录入平台"}, domain.KindServiceItem},
		{"title row", []string{"白沙镇2025年政府信息主动公开台账"}, ""},
		{"required field missing", []string{"序号", "公开日期", "公开渠道"}, ""},
		{"blank", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := idx.matchHeader(tt.cells, nil)
			if tt.kind == "" {
				if ok {
					t.Fatalf("matched %s, want no header", l.kind)
				}
				return
			}
			if !ok || l.kind != tt.kind {
				t.Fatalf("matched %q (ok=%v), want %s", l.kind, ok, tt.kind)
			}
			if !l.hasRequired() {
				t.Fatal("a matched header lacks a required field")
			}
		})
	}
	l, _ := idx.matchHeader([]string{"受理日期", "申请主体", "处理结果", "收费（万元）"}, nil)
	if !l.amountWan {
		t.Error("a 万元 amount header must scale amounts")
	}
}
