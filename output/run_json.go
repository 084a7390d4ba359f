package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"gongkai/domain"
)

// runJSON is the shape of run.json. Tools and tests rely on it: change it
// only by adding keys.
type runJSON struct {
	Year               int                                `json:"year"`
	StartedAt          time.Time                          `json:"started_at"`
	DurationMS         int64                              `json:"duration_ms"`
	Version            string                             `json:"version"`
	County             countyJSON                         `json:"county"`
	Units              orderedObject                      `json:"units"` // unit name → unitJSON, in r.Units order
	Inputs             []Input                            `json:"inputs"`
	Accounting         Accounting                         `json:"accounting"`
	FindingsByRule     map[string]map[domain.Severity]int `json:"findings_by_rule"`
	FindingsBySeverity map[domain.Severity]int            `json:"findings_by_severity"`
	Findings           []domain.Finding                   `json:"findings"`
	TimingsMS          map[string]int64                   `json:"timings_ms"`
}

type countyJSON struct {
	Name    string      `json:"name"`
	Metrics metricsJSON `json:"metrics"`
}

type unitJSON struct {
	Metrics metricsJSON  `json:"metrics"`
	Offices []officeJSON `json:"offices"`
}

type officeJSON struct {
	Name   string   `json:"name"`
	Status string   `json:"status"`
	Files  []string `json:"files"`
}

// writeRunJSON writes run.json to path. The same Report gives the same
// bytes, except started_at, duration_ms and timings_ms.
func writeRunJSON(path string, r *Report) error {
	data, err := marshalRun(r)
	if err != nil {
		return err
	}
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// marshalRun renders r as run.json, indented, with a final newline.
func marshalRun(r *Report) ([]byte, error) {
	ids := newMetricIDs(r.Config.MetricIDs())
	out := runJSON{
		Year:               r.Year,
		StartedAt:          r.StartedAt,
		DurationMS:         r.Duration.Milliseconds(),
		Version:            r.Version,
		County:             countyJSON{Name: r.Config.County, Metrics: metricsJSON{ids, r.County}},
		Units:              orderedObject{},
		Inputs:             nonNil(r.Inputs),
		Accounting:         r.Accounting,
		FindingsByRule:     map[string]map[domain.Severity]int{},
		FindingsBySeverity: map[domain.Severity]int{},
		Findings:           nonNil(r.Findings),
		TimingsMS:          map[string]int64{},
	}
	byKind := maps.Clone(r.Accounting.ByKind)
	if byKind == nil {
		byKind = map[domain.Kind]domain.Tally{}
	}
	for _, k := range domain.LedgerKinds {
		if _, ok := byKind[k]; !ok {
			byKind[k] = domain.Tally{} // every ledger kind, even with nothing read
		}
	}
	out.Accounting.ByKind = byKind
	for _, u := range r.Units {
		offices := make([]officeJSON, len(u.Offices))
		for i, o := range u.Offices {
			offices[i] = officeJSON{Name: o.Name, Status: o.Status, Files: nonNil(o.Files)}
		}
		out.Units = append(out.Units, member{u.Name, unitJSON{metricsJSON{ids, u.Metrics}, offices}})
	}
	for _, f := range r.Findings {
		if out.FindingsByRule[f.Rule] == nil {
			out.FindingsByRule[f.Rule] = map[domain.Severity]int{}
		}
		out.FindingsByRule[f.Rule][f.Severity]++
		out.FindingsBySeverity[f.Severity]++
	}
	for stage, d := range r.Timings {
		out.TimingsMS[stage] = d.Milliseconds()
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("run.json: %w", err)
	}
	return append(data, '\n'), nil
}

// metricIDs are the metric ids run.json lists first, in their order.
type metricIDs struct {
	order  []string
	listed map[string]bool
}

func newMetricIDs(ids []string) *metricIDs {
	mi := &metricIDs{order: ids, listed: make(map[string]bool, len(ids))}
	for _, id := range ids {
		mi.listed[id] = true
	}
	return mi
}

// metricsJSON renders metrics as an object with every listed id, in order
// (an absent one as 0), then any other metric of m by id.
type metricsJSON struct {
	ids *metricIDs
	m   domain.Metrics
}

// MarshalJSON implements json.Marshaler, appending each member itself (a
// province's run.json has tens of thousands of units' metrics).
func (mj metricsJSON) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 40*len(mj.ids.order)+2)
	b, err := appendMetricMembers(append(b, '{'), mj.ids.order, mj.m)
	if err != nil {
		return nil, err
	}
	var others []string
	for id := range mj.m {
		if !mj.ids.listed[id] {
			others = append(others, id)
		}
	}
	if len(others) > 0 {
		slices.Sort(others)
		if len(mj.ids.order) > 0 {
			b = append(b, ',')
		}
		if b, err = appendMetricMembers(b, others, mj.m); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// orderedObject is a JSON object whose keys keep their order.
type orderedObject []member

type member struct {
	key   string
	value any
}

// MarshalJSON implements json.Marshaler.
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
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// nonNil makes a nil slice an empty one, so JSON shows [] and not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
