package output

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"gongkai/domain"
)

// TestEncodeHistoryIsJSON: the year's figures are written byte for byte as
// json.Marshal writes them, names that json escapes and floats it writes
// in exponent form included.
func TestEncodeHistoryIsJSON(t *testing.T) {
	m := domain.Metrics{"a.b": 1, "z": -0.5, "tiny": 1e-7, "huge": 2e21, "zero": 0, "neg.zero": math.Copysign(0, -1),
		"third": 1.0 / 3, "big": 123456789012, "<&>": 3}
	for _, y := range []*domain.YearFigures{
		{Year: 2025, County: "合浦县"},
		{Year: 2025, County: "合浦县", Units: map[string]domain.UnitFigures{}},
		{Year: 2025, County: "a\"b\\c\u2028", Units: map[string]domain.UnitFigures{
			"白沙镇":      {Metrics: m, Offices: map[string]domain.Metrics{"党政办": m, "财政所<1>": {}, "空": nil}},
			"廉州镇":      {Metrics: domain.Metrics{}},
			"\xff坏的名字": {Offices: map[string]domain.Metrics{}},
		}},
	} {
		want, err := json.Marshal(y)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeHistory(y)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("encodeHistory:\n got %s (%v)\nwant %s", got, err, want)
		}
	}
	if _, err := encodeHistory(&domain.YearFigures{Units: map[string]domain.UnitFigures{"x": {Metrics: domain.Metrics{"nan": math.NaN()}}}}); err == nil {
		t.Error("NaN encoded")
	}
}

// FuzzJSONAppend: strings and floats are appended as json writes them.
func FuzzJSONAppend(f *testing.F) {
	f.Add("白沙镇", 1.5)
	f.Add("a<b>&\"\\\x01\u2028", 1e-9)
	f.Add("\xe2\x80", 1e300)
	f.Fuzz(func(t *testing.T, s string, v float64) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: %s, json %s", s, got, want)
		}
		want, err := json.Marshal(v)
		got, gerr := appendJSONFloat(nil, v)
		if (err == nil) != (gerr == nil) || err == nil && !bytes.Equal(got, want) {
			t.Errorf("%v: %s (%v), json %s (%v)", v, got, gerr, want, err)
		}
	})
}

// TestMetricsJSONOrder: run.json's metrics, appended member by member, are
// what json writes of the listed ids in their order (absent ones as 0) and
// then the others by id.
func TestMetricsJSONOrder(t *testing.T) {
	ids := newMetricIDs([]string{"t3.b", "t3.a", "active.items"})
	m := domain.Metrics{"t3.a": 1, "z.extra": 2.5, "active.items": 1e-7, "a<b>": 3}
	want, err := orderedObject{{"t3.b", 0.0}, {"t3.a", 1.0}, {"active.items", 1e-7}, {"a<b>", 3.0}, {"z.extra", 2.5}}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	got, err := metricsJSON{ids, m}.MarshalJSON()
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("metrics:\n got %s (%v)\nwant %s", got, err, want)
	}
	if _, err := (metricsJSON{ids, domain.Metrics{"t3.a": math.Inf(1)}}).MarshalJSON(); err == nil {
		t.Error("an infinite figure was written")
	}
}
