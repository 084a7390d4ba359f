package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"gongkai/domain"
)

// runFile is the documented shape of run.json, as a tool would read it.
type runFile struct {
	Year   int `json:"year"`
	County struct {
		Name    string             `json:"name"`
		Metrics map[string]float64 `json:"metrics"`
	} `json:"county"`
	Units map[string]struct {
		Metrics map[string]float64 `json:"metrics"`
		Offices []struct {
			Name   string   `json:"name"`
			Status string   `json:"status"`
			Files  []string `json:"files"`
		} `json:"offices"`
	} `json:"units"`
	Inputs             []Input                            `json:"inputs"`
	Accounting         Accounting                         `json:"accounting"`
	Findings           []domain.Finding                   `json:"findings"`
	FindingsByRule     map[string]map[domain.Severity]int `json:"findings_by_rule"`
	FindingsBySeverity map[domain.Severity]int            `json:"findings_by_severity"`
	TimingsMS          map[string]int64                   `json:"timings_ms"`
	StartedAt          time.Time                          `json:"started_at"`
	DurationMS         int64                              `json:"duration_ms"`
	Version            string                             `json:"version"`
}

func TestRunJSONShape(t *testing.T) {
	r := checkedTestReport(t)
	data := readFile(t, writeTest(t, r).RunJSON)

	var got runFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Year != testYear || got.County.Name != testCountyName || got.Version != "test-1" ||
		!got.StartedAt.Equal(r.StartedAt) || got.DurationMS != 1500 {
		t.Errorf("header = %d %s %s %v %d", got.Year, got.County.Name, got.Version, got.StartedAt, got.DurationMS)
	}
	ids := r.Config.MetricIDs()
	check := func(who string, m map[string]float64, want domain.Metrics) {
		t.Helper()
		if len(m) != len(ids) {
			t.Errorf("%s: %d metrics, want %d", who, len(m), len(ids))
		}
		for _, id := range ids {
			v, ok := m[id]
			if !ok {
				t.Errorf("%s lacks %s", who, id)
			} else if v != want[id] { // absent from want reads 0
				t.Errorf("%s %s = %v, want %v", who, id, v, want[id])
			}
		}
	}
	check("county", got.County.Metrics, r.County)
	if len(got.Units) != len(r.Units) {
		t.Fatalf("units = %d, want %d", len(got.Units), len(r.Units))
	}
	for _, u := range r.Units {
		check(u.Name, got.Units[u.Name].Metrics, u.Metrics)
	}
	if o := got.Units["白沙镇"].Offices; len(o) != 4 || o[1].Name != "财政所" || o[1].Status != StatusMissing || o[1].Files == nil {
		t.Errorf("白沙镇 offices = %+v", o)
	}
	if len(got.Inputs) != len(r.Inputs) || got.Inputs[3].Status != StatusRejected || got.Inputs[3].Reason == "" {
		t.Errorf("inputs = %+v", got.Inputs)
	}
	if len(got.Findings) != 3 || got.Findings[0].Pos.Cell() != "D17" || *got.Findings[0].Expected != 4 {
		t.Errorf("findings = %+v", got.Findings)
	}
	wantByRule := map[string]map[domain.Severity]int{"R1": {"error": 1}, "R8": {"warning": 1}, "I1": {"error": 1}}
	if len(got.FindingsByRule) != len(wantByRule) {
		t.Errorf("findings_by_rule = %v, want %v", got.FindingsByRule, wantByRule)
	}
	for rule, bySev := range wantByRule {
		for sev, n := range bySev {
			if got.FindingsByRule[rule][sev] != n {
				t.Errorf("findings_by_rule[%s][%s] = %d, want %d", rule, sev, got.FindingsByRule[rule][sev], n)
			}
		}
	}
	if got.FindingsBySeverity[domain.SevError] != 2 {
		t.Errorf("findings_by_severity = %v", got.FindingsBySeverity)
	}
	for _, k := range domain.LedgerKinds {
		if _, ok := got.Accounting.ByKind[k]; !ok {
			t.Errorf("accounting.by_kind lacks %s", k)
		}
	}
	if got.Accounting.Total.Dropped["duplicate"] != 1 {
		t.Errorf("accounting.total = %+v", got.Accounting.Total)
	}
	if got.TimingsMS["ingest"] != 1200 {
		t.Errorf("timings_ms = %v", got.TimingsMS)
	}

	// Numbers: integers without a decimal point, amounts with theirs.
	for _, want := range []string{`"t3.new.total": 3,`, `"fees.yuan": 12.5`, `"t2.fees.amount_wan": 0,`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("run.json lacks %s", want)
		}
	}
}

func TestRunJSONMetricOrder(t *testing.T) {
	r := &Report{Year: testYear, Config: domain.DefaultConfig(), County: domain.Metrics{"zz.extra": 1}}
	data, err := marshalRun(r)
	if err != nil {
		t.Fatal(err)
	}
	ids := append(r.Config.MetricIDs(), "zz.extra")
	last := -1
	for _, id := range ids {
		at := bytes.Index(data, []byte(`"`+id+`":`))
		if at <= last {
			t.Fatalf("metric %s is not in report order", id)
		}
		last = at
	}
}

func TestRunJSONDeterministic(t *testing.T) {
	r := checkedTestReport(t)
	a, err := marshalRun(r)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, err := marshalRun(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("two renderings of one report differ")
		}
	}
	// Only the times change with the run.
	r.StartedAt, r.Duration = r.StartedAt.Add(time.Hour), 2*time.Second
	r.Timings = map[string]time.Duration{"ingest": time.Second}
	b, err := marshalRun(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(withoutTimes(t, a), withoutTimes(t, b)) {
		t.Error("run.json differs in more than its times")
	}
}

// withoutTimes re-renders run.json without started_at, duration_ms and timings_ms.
func withoutTimes(t *testing.T, data []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "started_at")
	delete(m, "duration_ms")
	delete(m, "timings_ms")
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRunJSONRejectsNaN(t *testing.T) {
	r := &Report{Year: testYear, Config: domain.DefaultConfig(), County: domain.Metrics{domain.MetricFeesYuan: nan()}}
	if _, err := marshalRun(r); err == nil || !strings.Contains(err.Error(), domain.MetricFeesYuan) {
		t.Errorf("NaN metric: error %v, want one naming %s", err, domain.MetricFeesYuan)
	}
}

func nan() float64 { var z float64; return z / z }

// TestRunJSONAsJSONIndents: run.json is byte for byte what
// json.MarshalIndent writes of the same document — the units and metrics,
// which append themselves, included: names json escapes, a unit without
// offices, an office without files, metrics beyond the listed ids, no
// units at all.
func TestRunJSONAsJSONIndents(t *testing.T) {
	tricky := checkedTestReport(t)
	tricky.Units = append(tricky.Units,
		UnitReport{Name: "a<b>&\"c\u2028", Metrics: domain.Metrics{"zz.extra": 1.5, "t3.new.total": 1e-7}},
		UnitReport{Name: "空", Offices: []OfficeStatus{{Name: "<党政办>", Status: StatusMissing}}})
	for _, r := range []*Report{
		checkedTestReport(t),
		tricky,
		{Year: testYear, Config: domain.DefaultConfig()},
	} {
		want, err := json.MarshalIndent(runDocument(r), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalRun(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, append(want, '\n')) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("run.json differs from json's at byte %d:\n got …%s\nwant …%s", i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
		}
	}
}
