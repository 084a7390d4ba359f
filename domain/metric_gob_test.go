package domain

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"math"
	"runtime"
	"testing"
)

// TestMetricsGob: metrics kept by gob come back as they were — every id,
// each value to the bit (negative zero, NaN, fractions, the largest
// numbers), nil and empty as gob gives a map field — and a damaged encoding is
// refused, never a panic or a wrong map.
func TestMetricsGob(t *testing.T) {
	ids := MetricIDs([]string{"规划", "财政"})
	many := Metrics{}
	for i, id := range ids {
		many[id] = float64(i * 7)
	}
	type kept struct {
		Name    string
		Metrics Metrics
		Offices []Metrics
	}
	for _, m := range []Metrics{
		many,
		{"t3.new.total": math.Copysign(0, -1), "fees.yuan": 1234.5, "active.items": math.MaxFloat64, "x": math.NaN(), "y": -3, "": 1},
		{},
		nil,
	} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(kept{"白沙镇", m, []Metrics{m, {"a": 1}}}); err != nil {
			t.Fatal(err)
		}
		var got kept
		if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
			t.Fatal(err)
		}
		for _, pair := range [][2]Metrics{{got.Metrics, m}, {got.Offices[0], m}, {got.Offices[1], Metrics{"a": 1}}} {
			g, want := pair[0], pair[1]
			if len(g) != len(want) {
				t.Errorf("%d ids back, want %d", len(g), len(want))
			}
			for id, v := range want {
				if w, ok := g[id]; !ok || math.Float64bits(w) != math.Float64bits(v) {
					t.Errorf("%q: %v (%v), want %v", id, w, ok, v)
				}
			}
		}
		if len(m) == 0 && (got.Metrics != nil || got.Offices[0] != nil) {
			t.Errorf("an empty map came back as %#v, %#v; gob gives a map it did not send as nil", got.Metrics, got.Offices[0])
		}
	}

	enc, err := Metrics{"t3.new.total": 5, "fees.yuan": 1.5}.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(enc) {
		var m Metrics
		if err := m.GobDecode(enc[:n]); err == nil {
			t.Errorf("cut to %d of %d bytes: decoded %v", n, len(enc), m)
		}
	}
	if err := new(Metrics).GobDecode(append(enc, 0)); err == nil {
		t.Error("a byte past the end was taken")
	}
	twice := binary.AppendUvarint(nil, 2)
	for range 2 {
		twice = append(binary.AppendUvarint(twice, 1), 'a', 0) // id "a", value 0
	}
	if err := new(Metrics).GobDecode(twice); err == nil {
		t.Error("an id given twice was taken")
	}
	// 2^24 entries announced in 4 bytes: refused before a map is made for them.
	huge := binary.AppendUvarint(nil, 1<<24)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err = new(Metrics).GobDecode(huge)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("2^24 entries announced in 4 bytes were taken")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("%d bytes allocated for what 4 bytes announced", n)
	}
}
