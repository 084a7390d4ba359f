package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"gongkai/domain"
)

// TestEncodeHistoryIsJSON: the year's figures are written byte for byte as
// json.Marshal writes them, names that json escapes and floats it writes
// in exponent form included.
func TestEncodeHistoryIsJSON(t *testing.T) {
	m := domain.Metrics{"a.b": 1, "z": -0.5, "tiny": 1e-7, "huge": 2e21, "zero": 0, "neg.zero": math.Copysign(0, -1),
		"third": 1.0 / 3, "big": 123456789012, "<&>": 3, "2^53+2": 1<<53 + 2, "2^60": 1 << 60, "-1e15": -1e15, "1e15-1": 1e15 - 1}
	for _, y := range []*domain.YearFigures{
		{Year: 2025, County: "合浦县"},
		{Year: 2025, County: "合浦县", Units: map[string]domain.UnitFigures{}},
		{Year: 2025, County: "a\"b\\c\u2028", Units: map[string]domain.UnitFigures{
			"白沙镇":      {Metrics: m, Offices: map[string]domain.Metrics{"党政办": m, "财政所<1>": {}, "空": nil}},
			"廉州镇":      {Metrics: domain.Metrics{}},
			"石康镇":      {Metrics: domain.Metrics{"a": 1, "b": 2}, Offices: map[string]domain.Metrics{"甲": {"a": 3, "c": 4}, "乙": {"a": 5, "c": 6}}},
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
	f.Add("", float64(1<<60))
	f.Add("", -1e15)
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

// BenchmarkEncodeHistory: a county's year of figures (75 units of four
// offices, every metric of the configuration) as history/<year>/metrics.json,
// encoded as a batch does: each unit's member as the unit is computed
// (HistoryUnit), then the year's file from the members.
func BenchmarkEncodeHistory(b *testing.B) {
	y := benchYearFigures()
	b.ReportAllocs()
	for b.Loop() {
		members := make(map[string][]byte, len(y.Units))
		for name, u := range y.Units {
			var err error
			if members[name], err = HistoryUnit(name, u); err != nil {
				b.Fatal(err)
			}
		}
		appendHistory(nil, y.Year, y.County, members)
	}
}

// benchYearFigures is a county of 75 units of four offices with a figure
// for every metric id.
func benchYearFigures() *domain.YearFigures {
	ids := domain.DefaultConfig().MetricIDs()
	metrics := func(seed int) domain.Metrics {
		m := domain.Metrics{}
		for i, id := range ids {
			m[id] = float64((seed*31 + i*7) % 2000)
		}
		return m
	}
	y := &domain.YearFigures{Year: 2025, County: "合浦县", Units: map[string]domain.UnitFigures{}}
	for u := range 75 {
		offices := map[string]domain.Metrics{}
		for o := range 4 {
			offices[fmt.Sprintf("办公室%d", o)] = metrics(u*4 + o)
		}
		y.Units[fmt.Sprintf("单位%02d镇", u)] = domain.UnitFigures{Metrics: metrics(u), Offices: offices}
	}
	return y
}

// TestUnitsJSON: run.json's units, appended member by member, are what json
// writes of them: names to escape, offices without files, units without
// offices or metrics, units with every listed id, with and without others.
func TestUnitsJSON(t *testing.T) {
	ids := newMetricIDs([]string{"t3.b", "active.items"})
	units := unitsJSON{
		{"白沙镇", metricsJSON{ids, domain.Metrics{"t3.b": 2, "z.extra": 0.5}}, []OfficeStatus{
			{Name: "党政办", Status: "已提交", Files: []string{"白沙镇/党政办/台账.xlsx", "a\"<b>.xlsx"}},
			{Name: "财政所", Status: "未提交"},
		}},
		{"\xff坏的名字", metricsJSON{ids, nil}, nil},
		{"每个指标", metricsJSON{ids, domain.Metrics{"active.items": 3, "t3.b": 1}}, nil},
		{"每个指标和另一个", metricsJSON{ids, domain.Metrics{"active.items": 3, "t3.b": 1, "a.more": 4}}, nil},
	}
	type office struct {
		Name   string   `json:"name"`
		Status string   `json:"status"`
		Files  []string `json:"files"`
	}
	type unit struct {
		Metrics orderedObject `json:"metrics"`
		Offices []office      `json:"offices"`
	}
	metrics := []orderedObject{ // listed ids in order, absent ones 0, then the others
		{{"t3.b", 2.0}, {"active.items", 0.0}, {"z.extra", 0.5}},
		{{"t3.b", 0.0}, {"active.items", 0.0}},
		{{"t3.b", 1.0}, {"active.items", 3.0}},
		{{"t3.b", 1.0}, {"active.items", 3.0}, {"a.more", 4.0}},
	}
	var want orderedObject
	for i, u := range units {
		offices := []office{}
		for _, o := range u.offices {
			offices = append(offices, office{o.Name, o.Status, nonNil(o.Files)})
		}
		want = append(want, member{u.name, unit{metrics[i], offices}})
	}
	w, err := want.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	got, err := units.MarshalJSON()
	if err != nil || !bytes.Equal(got, w) {
		t.Errorf("units:\n got %s (%v)\nwant %s", got, err, w)
	}
}

// orderedObject is a JSON object whose keys keep their order, each value
// written by json: the rule the appenders are held to.
type orderedObject []member

type member struct {
	key   string
	value any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
