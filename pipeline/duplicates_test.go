package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// dupRunJSON is the part of run.json about copies, versions and accounting
// that runJSON leaves out.
type dupRunJSON struct {
	Inputs []struct {
		Path       string       `json:"path"`
		Status     string       `json:"status"`
		ReplacedBy string       `json:"replaced_by"`
		Records    domain.Tally `json:"records"`
	} `json:"inputs"`
	Accounting struct {
		Total  domain.Tally            `json:"total"`
		ByKind map[string]domain.Tally `json:"by_kind"`
	} `json:"accounting"`
}

// TestDuplicatesCounty runs the batch on a county with every case of
// domain.md §4 planted (samplecounty Options.Duplicates): every metric
// must equal the truth, every record must be accounted for, and each case
// must be reported by rule or status at its position.
func TestDuplicatesCounty(t *testing.T) {
	dir := t.TempDir()
	cfg := domain.DefaultConfig()
	truth, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 11, Units: 4, Rows: 20, Duplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, Options{Inbox: filepath.Join(dir, "inbox"), Out: filepath.Join(dir, "out"), Config: cfg})
	runPath := filepath.Join(dir, "out", "2025", "run.json")
	var got runJSON
	var files dupRunJSON
	readJSON(t, runPath, &got)
	readJSON(t, runPath, &files)

	compareMetrics(t, "county", truth.County.Metrics, got.County.Metrics)
	for name, u := range truth.Units {
		compareMetrics(t, name, u.Metrics, got.Units[name].Metrics)
	}
	checkDupAccounting(t, files)

	planted, err := samplecounty.ReadExpectedDuplicates(dir)
	if err != nil {
		t.Fatal(err)
	}
	checkDupCases(t, planted, got.Findings, files)
}

// checkDupAccounting checks that read = counted + dropped for every file
// and for the county, and that the files add up to the county.
func checkDupAccounting(t *testing.T, files dupRunJSON) {
	t.Helper()
	var sum domain.Tally
	for _, in := range files.Inputs {
		if !in.Records.Balanced() || in.Records.Read == 0 {
			t.Errorf("%s: records %+v do not add up", in.Path, in.Records)
		}
		sum.Add(in.Records)
	}
	total := files.Accounting.Total
	if !total.Balanced() {
		t.Errorf("accounting.total %+v does not add up", total)
	}
	if sum.Read != total.Read || sum.Counted != total.Counted {
		t.Errorf("the files add up to %+v, accounting.total is %+v", sum, total)
	}
	for kind, kt := range files.Accounting.ByKind {
		if !kt.Balanced() {
			t.Errorf("accounting.by_kind[%s] %+v does not add up", kind, kt)
		}
	}
	for reason, n := range sum.Dropped {
		if total.Dropped[reason] != n {
			t.Errorf("dropped %s: files %d, accounting.total %d", reason, n, total.Dropped[reason])
		}
	}
}

// dupReport indexes run.json for the checks of the planted cases.
type dupReport struct {
	t      *testing.T
	files  dupRunJSON
	inputs map[string]int              // path → index in files.Inputs
	at     map[string][]domain.Finding // rule|file|sheet|row → findings
	count  map[string]int              // rule → findings
	// dropped are the records the planted cases must drop, by reason.
	dropped map[string]int
}

func dupKey(rule, file, sheet string, row int) string {
	return fmt.Sprintf("%s|%s|%s|%d", rule, file, sheet, row)
}

// checkDupCases checks each planted case against the findings and the
// inputs of run.json, then that nothing else was reported as a duplicate.
func checkDupCases(t *testing.T, planted []samplecounty.ExpectedDuplicate, findings []domain.Finding, files dupRunJSON) {
	t.Helper()
	r := &dupReport{t: t, files: files, inputs: map[string]int{}, at: map[string][]domain.Finding{},
		count: map[string]int{}, dropped: map[string]int{}}
	for i, in := range files.Inputs {
		r.inputs[in.Path] = i
	}
	for _, f := range findings {
		k := dupKey(f.Rule, f.Pos.File, f.Pos.Sheet, f.Pos.Row)
		r.at[k] = append(r.at[k], f)
		r.count[f.Rule]++
	}
	kinds := map[string]int{}
	allowedD3 := map[string]bool{} // planted near duplicates, and look-alikes in a place
	for _, p := range planted {
		kinds[p.Kind]++
		switch p.Kind {
		case samplecounty.DupIdenticalFile:
			r.fileCase(p, "duplicate", domain.DropDuplicateFile)
		case samplecounty.DupSuperseded:
			r.fileCase(p, "superseded", domain.DropSuperseded)
		case samplecounty.DupRecord, samplecounty.DupSameItem:
			r.recordCase(p)
		case samplecounty.DupNearDuplicate:
			r.recordCase(p)
			allowedD3[dupKey(p.Rule, p.File, p.Sheet, p.Row)] = true
		case samplecounty.DupMultiChannel:
			r.noFinding(p, domain.RuleDuplicate)
		case samplecounty.DupLookAlike:
			if p.Differs == "number" {
				r.noFinding(p, domain.RuleNearDuplicate)
			} else {
				allowedD3[dupKey(domain.RuleNearDuplicate, p.File, p.Sheet, p.Row)] = true
			}
		default:
			t.Errorf("unknown planted kind %q", p.Kind)
		}
	}
	for _, k := range []string{samplecounty.DupIdenticalFile, samplecounty.DupSuperseded, samplecounty.DupRecord,
		samplecounty.DupSameItem, samplecounty.DupNearDuplicate, samplecounty.DupLookAlike, samplecounty.DupMultiChannel} {
		if kinds[k] == 0 {
			t.Errorf("no %s case was planted", k)
		}
	}
	// The clean part of the county has no duplicates of its own.
	if r.count[domain.RuleDuplicate] != kinds[samplecounty.DupRecord] || r.count[domain.RuleSameItem] != kinds[samplecounty.DupSameItem] {
		t.Errorf("%d D1 and %d D2 findings, planted %d and %d", r.count[domain.RuleDuplicate], r.count[domain.RuleSameItem],
			kinds[samplecounty.DupRecord], kinds[samplecounty.DupSameItem])
	}
	for _, f := range findings {
		if f.Rule == domain.RuleNearDuplicate && !allowedD3[dupKey(f.Rule, f.Pos.File, f.Pos.Sheet, f.Pos.Row)] {
			t.Errorf("unplanted D3 at %s: %s", f.Pos, f.Message)
		}
	}
	for reason, n := range r.dropped {
		if got := files.Accounting.Total.Dropped[reason]; got != n {
			t.Errorf("accounting.total dropped %s = %d, planted %d", reason, got, n)
		}
	}
}

// fileCase checks a copy or an older version: its status, the file that
// replaced it (accepted), all its records dropped for reason, and a D4.
func (r *dupReport) fileCase(p samplecounty.ExpectedDuplicate, status, reason string) {
	t := r.t
	i, ok := r.inputs[p.File]
	if !ok {
		t.Errorf("%s %s: not among the inputs", p.Kind, p.File)
		return
	}
	in := r.files.Inputs[i]
	if in.Status != status || in.ReplacedBy != p.ReplacedBy {
		t.Errorf("%s: status %s replaced by %q, want %s by %q", p.File, in.Status, in.ReplacedBy, status, p.ReplacedBy)
	}
	if in.Records.Read == 0 || in.Records.Dropped[reason] != in.Records.Read {
		t.Errorf("%s: records %+v, want all dropped as %s", p.File, in.Records, reason)
	}
	r.dropped[reason] += in.Records.Read
	if j, ok := r.inputs[p.ReplacedBy]; !ok || r.files.Inputs[j].Status != "accepted" {
		t.Errorf("%s: %s is not an accepted input", p.File, p.ReplacedBy)
	}
	if len(r.at[dupKey(p.Rule, p.File, "", 0)]) == 0 {
		t.Errorf("%s: no %s finding", p.File, p.Rule)
	}
}

// recordCase checks that exactly one finding of the planted rule points at
// the row and names the row it duplicates.
func (r *dupReport) recordCase(p samplecounty.ExpectedDuplicate) {
	fs := r.at[dupKey(p.Rule, p.File, p.Sheet, p.Row)]
	if len(fs) != 1 {
		r.t.Errorf("%s %s '%s' row %d: %d %s findings, want 1", p.Kind, p.File, p.Sheet, p.Row, len(fs), p.Rule)
		return
	}
	other := fmt.Sprintf("第 %d 行", p.DuplicatesRow)
	if p.Kind != samplecounty.DupRecord {
		other = p.DuplicatesFile + other
	}
	if !strings.Contains(fs[0].Message, other) {
		r.t.Errorf("%s %s row %d: %s does not name %s: %s", p.Kind, p.File, p.Row, p.Rule, other, fs[0].Message)
	}
	if p.Kind == samplecounty.DupRecord {
		r.dropped[domain.DropDuplicate]++
	}
}

// noFinding checks that neither row of a pair has a finding of rule.
func (r *dupReport) noFinding(p samplecounty.ExpectedDuplicate, rule string) {
	other := p.DuplicatesFile
	if other == "" {
		other = p.File
	}
	for _, pos := range []struct {
		file string
		row  int
	}{{p.File, p.Row}, {other, p.DuplicatesRow}} {
		if fs := r.at[dupKey(rule, pos.file, p.Sheet, pos.row)]; len(fs) > 0 {
			r.t.Errorf("%s %s row %d: unexpected %s: %s", p.Kind, pos.file, pos.row, rule, fs[0].Message)
		}
	}
}
