package domain

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"
)

// TestFindingGobKeepsZeros: a finding's expected or actual 0 survives gob
// (which drops pointers to zero values), and so do blanks and text.
func TestFindingGobKeepsZeros(t *testing.T) {
	in := []Finding{
		{Rule: RuleSelfVsLedger, Severity: SevError, Unit: "白沙镇", Office: "社保所", Pos: Pos{File: "a/b.xlsx", Sheet: "统计表", Row: 17, Col: 4},
			Message: "表三", Metric: "t3.new.total", Expected: Num(0), Actual: Num(3)},
		{Rule: RuleFileIgnored, Severity: SevInfo, Pos: Pos{File: "x"}, Actual: Num(-2.5)},
		{},
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	var out []Finding
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("gob round trip:\n got %+v\nwant %+v", out, in)
	}
}
