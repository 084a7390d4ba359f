package output

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"gongkai/domain"
)

// TestInputsJSON: run.json's inputs, appended member by member, are what
// json writes of the same []Input, compact and indented at any depth:
// every field set or left empty, text json escapes, sheets of no kind,
// records dropped for several reasons, times with and without a zone and
// nanoseconds, none at all.
func TestInputsJSON(t *testing.T) {
	zone := time.FixedZone("CST", 8*3600)
	every := Input{Path: "白沙镇/党政办/台账 <2025>&\"副本\".xlsx", Status: StatusSuperseded, Reason: "较新的版本\u2028已读取",
		Unit: "白沙镇", Office: "党政办", Year: 2025, Format: "xlsx", SHA256: "ab12", Size: 97090,
		ModTime: time.Date(2025, 12, 31, 23, 59, 58, 123456789, zone), ReplacedBy: "白沙镇/党政办/台账.xlsx",
		Sheets:  []Sheet{{Name: "主动公开台账", Kind: domain.KindDisclosure, Rows: 2000}, {Name: "说明", Rows: 0}},
		Records: domain.Tally{Read: 2015, Counted: 2010, Dropped: map[string]int{"重复": 3, "年份不符": 1, "a\"b": 1}}}
	// Every field set: a field added to Input and not to appendInput fails.
	for i, v := 0, reflect.ValueOf(every); i < v.NumField(); i++ {
		if v.Field(i).IsZero() {
			t.Fatalf("the input with every field leaves %s empty", v.Type().Field(i).Name)
		}
	}
	bare := Input{Path: "x.xls", Status: StatusRejected, ModTime: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	var zero Input
	for _, in := range [][]Input{{every, bare, zero}, {bare}, {}} {
		want, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := inputsJSON(in).MarshalJSON()
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("compact:\n got %s (%v)\nwant %s", got, err, want)
		}
		for _, l := range []jsonLayout{{indent: "  "}, {prefix: "    ", indent: "\t"}} {
			want, err := json.MarshalIndent(in, l.prefix, l.indent)
			if err != nil {
				t.Fatal(err)
			}
			got, err := inputsJSON(in).appendJSON(nil, l)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("indented %q:\n got %s (%v)\nwant %s", l.indent, got, err, want)
			}
		}
	}
	if _, err := (inputsJSON{{ModTime: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}).MarshalJSON(); err == nil {
		t.Error("a time json cannot write: written")
	}
}
