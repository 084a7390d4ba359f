package transform

import (
	"testing"
	"time"

	"gongkai/domain"
)

func TestVersionMark(t *testing.T) {
	for name, want := range map[string]int{
		"白沙镇-党政办-2025年台账.xlsx":     0,
		"白沙镇-党政办-2025年台账v2.xlsx":   2,
		"白沙镇-党政办-2025年台账V3.xlsx":   3,
		"白沙镇-党政办-2025年台账（修订）.xlsx": 1,
		"台账更正.xlsx":                1,
		"台账第二版.xlsx":               2,
		"a/b/台账 第3版.xlsx":          3,
	} {
		if got := versionMark(name); got != want {
			t.Errorf("versionMark(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestChooseVersions(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	both := []domain.Kind{domain.KindDisclosure, domain.KindApplication}
	cands := []Candidate{
		{Path: "白沙镇/党政办/台账.xlsx", Unit: "白沙镇", Office: "党政办", Kinds: both, FillDate: day(5), ModTime: day(20)},
		{Path: "白沙镇/党政办/台账（修订）.xlsx", Unit: "白沙镇", Office: "党政办", Kinds: []domain.Kind{domain.KindDisclosure}, FillDate: day(9), ModTime: day(9)},
		{Path: "白沙镇/财政所/a.xlsx", Unit: "白沙镇", Office: "财政所", Kinds: both, ModTime: day(3)},
		{Path: "白沙镇/财政所/a-v2.xlsx", Unit: "白沙镇", Office: "财政所", Kinds: both, ModTime: day(1)}, // no fill date: the mark decides
		{Path: "白沙镇/社保所/x.xlsx", Unit: "白沙镇", Office: "社保所", Kinds: both, ModTime: day(2)},
		{Path: "白沙镇/社保所/y.xlsx", Unit: "白沙镇", Office: "社保所", Kinds: both, ModTime: day(4)}, // nothing else: modification time
	}
	keep, replaced := ChooseVersions(cands)
	want := map[string][]domain.Kind{
		"白沙镇/党政办/台账（修订）.xlsx": {domain.KindDisclosure},
		"白沙镇/党政办/台账.xlsx":     {domain.KindApplication}, // its application ledger has no newer version
		"白沙镇/财政所/a-v2.xlsx":   both,
		"白沙镇/社保所/y.xlsx":      both,
	}
	for p, kinds := range want {
		for _, k := range kinds {
			if !keep[p][k] {
				t.Errorf("%s should keep its %s", p, k)
			}
		}
		if len(keep[p]) != len(kinds) {
			t.Errorf("%s keeps %v, want %v", p, keep[p], kinds)
		}
	}
	if len(replaced) != 5 {
		t.Errorf("replaced = %+v, want 5 (1 + 2 + 2)", replaced)
	}
	for _, r := range replaced {
		if r.Path == "白沙镇/党政办/台账.xlsx" && (r.Kind != domain.KindDisclosure || r.By != "白沙镇/党政办/台账（修订）.xlsx") {
			t.Errorf("wrong replacement %+v", r)
		}
	}
}
