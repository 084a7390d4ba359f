package pipeline

import (
	"sort"

	"gongkai/domain"
	"gongkai/output"
	"gongkai/transform"
)

// buildReport gathers what output writes for the county: the units as
// they were computed and written, the county's figures combined from them,
// the inputs with their records accounted, and every finding — the units',
// those of choosing the files, and county (those about the county as a
// whole).
func buildReport(opt Options, year int, sel *selection, st *transform.Statistics, units []unitResult, county []domain.Finding) *output.Report {
	r := &output.Report{Year: year, Config: opt.Config, Version: opt.Version, County: st.County,
		Accounting: output.Accounting{ByKind: map[domain.Kind]domain.Tally{}}, Monthly: st.Monthly}
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
	inReport := map[string]bool{}
	findings := county
	for _, u := range units {
		r.Units = append(r.Units, u.report)
		inReport[u.report.Name] = true
		findings = append(findings, u.report.Findings...)
	}
	for _, f := range sel.findings {
		if !inReport[f.Unit] {
			findings = append(findings, f)
		}
	}
	r.Findings = sortFindings(findings)
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
