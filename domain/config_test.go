package domain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultConfig(t *testing.T) {
	c := DefaultConfig()
	if c.County != "合浦县" || len(c.Units) != 15 {
		t.Fatalf("county %q with %d units", c.County, len(c.Units))
	}
	ids := c.MetricIDs()
	// 表二 10 + 表三 25×7 + 表四 15 + items 1 + channels 8 + categories + service 1 + fees 1
	if want := 10 + 25*7 + 15 + 1 + len(Channels) + len(c.Categories) + 2; len(ids) != want {
		t.Errorf("%d metric ids, want %d", len(ids), want)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("metric id %s twice", id)
		}
		seen[id] = true
	}
	for _, want := range []string{"t3.new.total", "t3.denied.state_secret.natural", "t4.suit_after.pending", "active.channel.unspecified", "t2.fees.amount_wan"} {
		if !seen[want] {
			t.Errorf("metric id %s missing", want)
		}
	}
}

func TestLookup(t *testing.T) {
	c := DefaultConfig()
	tests := []struct{ vocab, text, want string }{
		{VocabChannel, "门户网站", "website"},
		{VocabChannel, "微信 公众号", "new_media"},
		{VocabApplicant, "律师事务所", "legal"},
		{VocabApplicant, "法人或其他组织", "other_org"},
		{VocabOutcome, "同意公开", "granted"},
		{VocabOutcome, "信息不存在", "unable.not_held"},
		{VocabOutcome, "3.危及\"三安全一稳定\"", "denied.three_safety"}, // quote-mark variant
		{VocabOutcome, "（四）无法提供1.本机关不掌握相关政府信息", "unable.not_held"},
		{VocabOutcome, "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "other.no_correction"},
		{VocabCaseType, "行政诉讼·复议后起诉", "suit_after"},
		{VocabAppealResult, "维持", "upheld"},
		{VocabCategory, "三公经费", "finance"},
	}
	for _, tt := range tests {
		if got, ok := c.Lookup(tt.vocab, tt.text); !ok || got != tt.want {
			t.Errorf("Lookup(%s, %q) = %q, %v; want %q", tt.vocab, tt.text, got, ok, tt.want)
		}
	}
	if id, ok := c.Lookup(VocabChannel, "飞鸽传书"); ok {
		t.Errorf("an unknown channel resolved to %q", id)
	}
}

func TestResolveRoster(t *testing.T) {
	c := DefaultConfig()
	for in, want := range map[string]string{"白沙": "白沙镇", "星岛湖乡": "星岛湖镇", " 白沙镇 ": "白沙镇"} {
		if got, ok := c.ResolveUnit(in); !ok || got != want {
			t.Errorf("ResolveUnit(%q) = %q, %v", in, got, ok)
		}
	}
	if got, ok := c.ResolveOffice("党政综合办公室"); !ok || got != "党政办" {
		t.Errorf("ResolveOffice = %q, %v", got, ok)
	}
	if _, ok := c.ResolveUnit("北京市"); ok {
		t.Error("a unit not on the roster resolved")
	}
}

func TestLoadConfigErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if _, err := LoadConfig(write("syntax.toml", "county = \"合浦县\"\ncounty = = 3\n")); err == nil || !strings.Contains(err.Error(), "syntax.toml:2") {
		t.Errorf("syntax error without its line: %v", err)
	}
	if _, err := LoadConfig(write("dup.toml", "[vocab.channel]\nwebsite = [\"公开栏\"]\nboard = [\"公开栏\"]\n")); err == nil {
		t.Error("a synonym listed under two channels must be an error")
	}
	if _, err := LoadConfig(write("src.toml", "[rules]\nreport_source = \"guess\"\n")); err == nil {
		t.Error("a bad report_source must be an error")
	}
	for name, body := range map[string]string{
		"path.toml":   "[output]\nunit_workbook = \"../{unit}.xlsx\"\n",
		"same.toml":   "[output]\nunit_workbook = \"报告.xlsx\"\n",
		"suffix.toml": "[output]\ncounty_workbook = \"{county}.txt\"\n",
	} {
		if _, err := LoadConfig(write(name, body)); err == nil {
			t.Errorf("%s: a file name that is a path, the same for every unit or not .xlsx must be an error", name)
		}
	}
	c, err := LoadConfig(write("ok.toml", "county = \"测试县\"\n"))
	if err != nil || c.County != "测试县" || len(c.Units) != 15 {
		t.Errorf("override: %v %+v", err, c)
	}
}

func TestMatchKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（三）不予公开", "不予公开"},
		{"1.属于国家秘密", "属于国家秘密"},
		{"一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"},
		{"信息 标题", "信息标题"},
		{"公开\n日期", "公开日期"},
		{"３.危及“三安全一稳定”", "危及三安全一稳定"},
		{"三公经费", "三公经费"}, // a numeral that is part of the word stays
	}
	for _, tt := range tests {
		if got := MatchKey(tt.in); got != tt.want {
			t.Errorf("MatchKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
