package samplecounty

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
)

// ExpectedFindingsFile lists, beside truth.json, the findings a messy
// county's planted defects must produce.
const ExpectedFindingsFile = "expected_findings.json"

// ExpectedFinding is one planted defect: the rule the batch must report and
// where. File is relative to the inbox, slash-separated; Sheet and Cell are
// empty for a finding on the whole file.
type ExpectedFinding struct {
	Rule  string `json:"rule"`
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Cell  string `json:"cell"`
}

// writeExpectedFindings stores the findings sorted by file, sheet, cell.
func writeExpectedFindings(dir string, found []ExpectedFinding) error {
	found = slices.Clone(found)
	slices.SortStableFunc(found, func(a, b ExpectedFinding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Sheet, b.Sheet),
			cmp.Compare(len(a.Cell), len(b.Cell)), cmp.Compare(a.Cell, b.Cell), cmp.Compare(a.Rule, b.Rule))
	})
	if found == nil {
		found = []ExpectedFinding{}
	}
	data, err := json.MarshalIndent(found, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ExpectedFindingsFile), append(data, '\n'), 0o644)
}
