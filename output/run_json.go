package output

import (
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
	Units              unitsJSON                          `json:"units"` // unit name → {metrics, offices}, in r.Units order
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

// unitEntry is a unit's member of run.json's units (unitsJSON).
type unitEntry struct {
	name    string
	metrics metricsJSON
	offices []OfficeStatus
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
	out.Units = make(unitsJSON, len(r.Units))
	for i, u := range r.Units {
		out.Units[i] = unitEntry{u.Name, metricsJSON{ids, u.Metrics}, u.Offices}
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
	order  metricKeys
	listed map[string]bool
}

func newMetricIDs(ids []string) *metricIDs {
	mi := &metricIDs{order: newMetricKeys(ids), listed: make(map[string]bool, len(ids))}
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

// MarshalJSON implements json.Marshaler.
func (mj metricsJSON) MarshalJSON() ([]byte, error) {
	return mj.appendTo(make([]byte, 0, len(mj.ids.order.opening)+16*len(mj.ids.order.ids)+2))
}

// appendTo appends the object member by member (a province's run.json has
// tens of thousands of units' metrics).
func (mj metricsJSON) appendTo(b []byte) ([]byte, error) {
	b, _, err := mj.ids.order.appendMembers(append(b, '{'), mj.m)
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
		if len(mj.ids.order.ids) > 0 {
			b = append(b, ',')
		}
		if b, _, err = newMetricKeys(others).appendMembers(b, mj.m); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// unitsJSON renders the units as one object, name → {"metrics", "offices":
// [{"name", "status", "files"}]}, in their order, appended member by member:
// through json's reflection, each unit's text was checked three times over.
type unitsJSON []unitEntry

// MarshalJSON implements json.Marshaler.
func (us unitsJSON) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	var err error
	for i, u := range us {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, u.name), `:{"metrics":`...)
		if b, err = u.metrics.appendTo(b); err != nil {
			return nil, fmt.Errorf("%s: %w", u.name, err)
		}
		b = append(b, `,"offices":[`...)
		for j, o := range u.offices {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(append(b, `{"name":`...), o.Name)
			b = appendJSONString(append(b, `,"status":`...), o.Status)
			b = append(b, `,"files":[`...)
			for k, f := range o.Files {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, f)
			}
			b = append(b, "]}"...)
		}
		b = append(b, "]}"...)
	}
	return append(b, '}'), nil
}

// nonNil makes a nil slice an empty one, so JSON shows [] and not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
