package samplecounty

import "cmp"

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
	return writeExpected(dir, ExpectedFindingsFile, found, func(a, b ExpectedFinding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Sheet, b.Sheet),
			cmp.Compare(len(a.Cell), len(b.Cell)), cmp.Compare(a.Cell, b.Cell), cmp.Compare(a.Rule, b.Rule))
	})
}
