package ingest

import (
	"testing"
	"unsafe"

	"gongkai/domain"
)

// TestDetachLeavesTheArena: every text a submission keeps past its file is
// copied out of the shared strings' arena (one kept string would keep the
// arena's whole chunk for the run).
func TestDetachLeavesTheArena(t *testing.T) {
	var arena stringArena
	a := func(s string) string { return arena.string([]byte(s)) }
	sub := &Submission{Unit: a("白沙镇"), Office: a("党政办"), Revision: a("第二版"),
		Subtotals: []domain.SubtotalRow{{Label: a("合计"), Figures: []domain.SubtotalFigure{{Text: a("12")}}}},
		Findings:  []domain.Finding{{Rule: a("R1"), Unit: a("白沙镇"), Office: a("党政办"), Message: a("……"), Metric: a("m"), Pos: domain.Pos{File: a("f"), Sheet: a("s")}}},
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(arena.chunk)))
	inArena := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= base && p < base+uintptr(cap(arena.chunk))
	}
	if !inArena(sub.Unit) {
		t.Fatal("the arena's strings are not in its chunk")
	}
	(&fileReader{sub: sub}).detach()
	f := sub.Findings[0]
	for name, s := range map[string]string{"unit": sub.Unit, "office": sub.Office, "revision": sub.Revision,
		"subtotal label": sub.Subtotals[0].Label, "subtotal text": sub.Subtotals[0].Figures[0].Text,
		"finding rule": f.Rule, "finding unit": f.Unit, "finding office": f.Office, "finding message": f.Message,
		"finding metric": f.Metric, "finding file": f.Pos.File, "finding sheet": f.Pos.Sheet} {
		if inArena(s) {
			t.Errorf("the %s %q still lies in the arena", name, s)
		}
	}
}
