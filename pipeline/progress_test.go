package pipeline

import (
	"path/filepath"
	"testing"
)

// TestProgressTellsEachStage: the operator hears of every file read and
// every unit done, in order, each stage ending at its total.
func TestProgressTellsEachStage(t *testing.T) {
	dir, inbox := smallCounty(t)
	last := map[Stage][2]int{}
	var order []Stage
	res := mustRun(t, Options{Inbox: inbox, Out: filepath.Join(dir, "out"), Progress: func(stage Stage, done, total int) {
		if prev, ok := last[stage]; ok && done != prev[0]+1 {
			t.Errorf("%s: %d after %d", stage, done, prev[0])
		}
		if len(order) == 0 || order[len(order)-1] != stage {
			order = append(order, stage)
		}
		last[stage] = [2]int{done, total}
	}})
	if len(order) != 2 || order[0] != StageRead || order[1] != StageUnits {
		t.Errorf("stages told: %v", order)
	}
	if got := last[StageRead]; got[0] != got[1] || got[1] != res.FilesParsed+res.FilesCached {
		t.Errorf("reading ended at %d of %d, %d files read", got[0], got[1], res.FilesParsed+res.FilesCached)
	}
	if got := last[StageUnits]; got[0] != got[1] || got[1] != len(res.Report.Units) {
		t.Errorf("units ended at %d of %d, %d units", got[0], got[1], len(res.Report.Units))
	}
}
