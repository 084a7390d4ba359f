package pipeline

import (
	"maps"
	"slices"
	"sort"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// buildReport gathers what output writes.
func buildReport(opt Options, year int, sel *selection, st *transform.Statistics) *output.Report {
	cfg := opt.Config
	r := &output.Report{Year: year, Config: cfg, Version: opt.Version, County: st.County,
		Records: st.Counted, Accounting: output.Accounting{ByKind: map[domain.Kind]domain.Tally{}},
		Monthly: st.Monthly}
	r.Inputs = sel.inputs
	for i := range r.Inputs {
		in := &r.Inputs[i]
		if t, ok := st.Tally[in.Path]; ok {
			in.Records.Add(*t)
		}
		if t, ok := sel.dropped[in.Path]; ok {
			in.Records.Add(t)
		}
		r.Accounting.Total.Add(in.Records)
	}
	accountByKind(r, st, sel)
	r.Findings = sortFindings(append(sel.findings, st.Findings...))

	byUnit := map[string][]domain.Finding{}
	for _, f := range r.Findings {
		byUnit[f.Unit] = append(byUnit[f.Unit], f)
	}
	names := make([]string, 0, len(st.Units))
	for _, u := range cfg.Units {
		names = append(names, u.Name)
	}
	for _, n := range slices.Sorted(maps.Keys(st.Units)) {
		if _, ok := cfg.Unit(n); !ok {
			names = append(names, n)
		}
	}
	for _, n := range names {
		r.Units = append(r.Units, output.UnitReport{Name: n, Metrics: st.Units[n], Offices: officeStatuses(cfg, n, r.Inputs), Findings: byUnit[n]})
	}
	return r
}

// accountByKind totals the records of each ledger kind.
func accountByKind(r *output.Report, st *transform.Statistics, sel *selection) {
	for k, t := range st.ByKind {
		kt := r.Accounting.ByKind[k]
		kt.Add(*t)
		r.Accounting.ByKind[k] = kt
	}
	for k, t := range sel.droppedByKind {
		kt := r.Accounting.ByKind[k]
		kt.Add(t)
		r.Accounting.ByKind[k] = kt
	}
}

// officeStatuses lists the roster's offices of a unit with what each sent,
// then any other office that sent files.
func officeStatuses(cfg *domain.Config, unit string, inputs []output.Input) []output.OfficeStatus {
	files := map[string][]string{}
	status := map[string]string{}
	var extra []string
	for _, in := range inputs {
		if in.Unit != unit {
			continue
		}
		if _, seen := files[in.Office]; !seen {
			extra = append(extra, in.Office)
		}
		files[in.Office] = append(files[in.Office], in.Path)
		if in.Status == output.StatusAccepted || status[in.Office] == "" {
			status[in.Office] = in.Status
		}
	}
	var out []output.OfficeStatus
	roster := map[string]bool{}
	if u, ok := cfg.Unit(unit); ok {
		for _, o := range u.Offices {
			roster[o] = true
			st := status[o]
			if st == "" {
				st = output.StatusMissing
			}
			out = append(out, output.OfficeStatus{Name: o, Status: st, Files: files[o]})
		}
	}
	for _, o := range extra {
		if !roster[o] {
			out = append(out, output.OfficeStatus{Name: o, Status: status[o], Files: files[o]})
		}
	}
	return out
}

// sortFindings orders findings by unit, file, sheet, row, column and rule,
// so that a run over the same inputs lists them the same way.
func sortFindings(fs []domain.Finding) []domain.Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Unit != b.Unit:
			return a.Unit < b.Unit
		case a.Pos.File != b.Pos.File:
			return a.Pos.File < b.Pos.File
		case a.Pos.Sheet != b.Pos.Sheet:
			return a.Pos.Sheet < b.Pos.Sheet
		case a.Pos.Row != b.Pos.Row:
			return a.Pos.Row < b.Pos.Row
		case a.Pos.Col != b.Pos.Col:
			return a.Pos.Col < b.Pos.Col
		}
		return a.Rule < b.Rule
	})
	return fs
}
