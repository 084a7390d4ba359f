package output

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
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
	Inputs             inputsJSON                         `json:"inputs"`
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

// writeRunJSON writes run.json to path, over the file at over where it
// may (writeAtomicOver). The same Report gives the same bytes, except
// started_at, duration_ms and timings_ms.
func writeRunJSON(path, over string, r *Report) error {
	data, err := marshalRun(r)
	if err != nil {
		return err
	}
	return writeAtomicOver(path, over, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// marshalRun renders r as run.json, indented as json.MarshalIndent does,
// with a final newline.
func marshalRun(r *Report) ([]byte, error) {
	doc := runDocument(r)
	data, err := appendStruct(make([]byte, 0, runSizeHint(r, doc.County.Metrics.ids)), reflect.ValueOf(doc), jsonLayout{indent: "  "})
	if err != nil {
		return nil, fmt.Errorf("run.json: %w", err)
	}
	return append(data, '\n'), nil
}

// runSizeHint is about the size of r's run.json, most of it the units'
// metrics (a member of ~32 bytes each) and the inputs (~1.3 KB each with
// their sheets): the document is built in one buffer, not in one that
// doubles a dozen times.
func runSizeHint(r *Report, ids *metricIDs) int {
	return 64<<10 + (len(r.Units)+1)*len(ids.order.ids)*32 + len(r.Inputs)*1400 + len(r.Findings)*320
}

// runDocument is what run.json says of r.
func runDocument(r *Report) runJSON {
	ids := newMetricIDs(r.Config.MetricIDs())
	out := runJSON{
		Year:               r.Year,
		StartedAt:          r.StartedAt,
		DurationMS:         r.Duration.Milliseconds(),
		Version:            r.Version,
		County:             countyJSON{Name: r.Config.County, Metrics: metricsJSON{ids, r.County}},
		Inputs:             r.Inputs, // [] when none, as inputsJSON writes it
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
	return out
}

// jsonAppender is a value that appends its own JSON, laid out by l (the
// units and their metrics are most of run.json: through json, their text
// was checked and indented again).
type jsonAppender interface {
	appendJSON(b []byte, l jsonLayout) ([]byte, error)
}

// appendStruct appends struct v as json would lay it out by l (fields by
// their json names, none omitted), the fields that are jsonAppenders
// appending themselves.
func appendStruct(b []byte, v reflect.Value, l jsonLayout) ([]byte, error) {
	t := v.Type()
	b = append(b, '{')
	inner := l.inner()
	for i := range t.NumField() {
		name, opts, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || opts != "" {
			return nil, fmt.Errorf("field %s: json tag %q: only a plain name is written", t.Field(i).Name, t.Field(i).Tag.Get("json")) // a defect
		}
		b = l.key(b, i, name)
		var err error
		switch f := v.Field(i).Interface().(type) {
		case jsonAppender:
			b, err = f.appendJSON(b, inner)
		default:
			var data []byte
			if l.indent == "" {
				data, err = json.Marshal(f)
			} else {
				data, err = json.MarshalIndent(f, inner.prefix, inner.indent)
			}
			b = append(b, data...)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return l.end(b, t.NumField(), '}'), nil
}

func (c countyJSON) appendJSON(b []byte, l jsonLayout) ([]byte, error) {
	return appendStruct(b, reflect.ValueOf(c), l)
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
	return mj.appendJSON(make([]byte, 0, len(mj.ids.order.quoted)+18*len(mj.ids.order.ids)+2), compactJSON)
}

// appendJSON appends the object member by member (a province's run.json
// has tens of thousands of units' metrics).
func (mj metricsJSON) appendJSON(b []byte, l jsonLayout) ([]byte, error) {
	b, all, err := mj.ids.order.appendMembers(append(b, '{'), mj.m, l, 0)
	if err != nil {
		return nil, err
	}
	var others []string
	if !all || len(mj.m) != len(mj.ids.order.ids) { // else m has the listed ids alone
		for id := range mj.m {
			if !mj.ids.listed[id] {
				others = append(others, id)
			}
		}
	}
	slices.Sort(others)
	if b, _, err = newMetricKeys(others).appendMembers(b, mj.m, l, len(mj.ids.order.ids)); err != nil {
		return nil, err
	}
	return l.end(b, len(mj.ids.order.ids)+len(others), '}'), nil
}

// unitsJSON renders the units as one object, name → {"metrics", "offices":
// [{"name", "status", "files"}]}, in their order, appended member by member:
// through json's reflection, each unit's text was checked three times over.
type unitsJSON []unitEntry

// MarshalJSON implements json.Marshaler.
func (us unitsJSON) MarshalJSON() ([]byte, error) { return us.appendJSON(nil, compactJSON) }

func (us unitsJSON) appendJSON(b []byte, l jsonLayout) ([]byte, error) {
	all := jsonMembers{b: append(b, '{'), l: l}
	for _, u := range us {
		all.key(u.name)
		unit := jsonMembers{b: append(all.b, '{'), l: l.inner()}
		unit.key("metrics")
		var err error
		if unit.b, err = u.metrics.appendJSON(unit.b, unit.l.inner()); err != nil {
			return nil, fmt.Errorf("%s: %w", u.name, err)
		}
		unit.key("offices")
		offices := unit.l.inner()
		unit.b = append(unit.b, '[')
		for j, o := range u.offices {
			office := jsonMembers{b: append(offices.next(unit.b, j), '{'), l: offices.inner()}
			office.text("name", o.Name, false)
			office.text("status", o.Status, false)
			office.key("files")
			files := office.l.inner()
			office.b = append(office.b, '[')
			for k, f := range o.Files {
				office.b = appendJSONString(files.next(office.b, k), f)
			}
			office.b = files.end(office.b, len(o.Files), ']')
			unit.b = office.end()
		}
		unit.b = offices.end(unit.b, len(u.offices), ']')
		all.b = unit.end()
	}
	return all.end(), nil
}

// nonNil makes a nil slice an empty one, so JSON shows [] and not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
