package samplecounty

import (
	"cmp"
)

// ExpectedViolationsFile lists, beside truth.json, the error and warning
// findings that a county generated with Options.Violations must produce,
// and no others.
const ExpectedViolationsFile = "expected_violations.json"

// ExpectedViolation is one finding a planted violation must produce: the
// rule, the unit and office, and where. File is relative to the inbox,
// slash-separated; File, Sheet and Cell are empty for a finding on no file
// (an office that sent nothing).
type ExpectedViolation struct {
	Rule   string `json:"rule"`
	Unit   string `json:"unit"`
	Office string `json:"office"`
	File   string `json:"file"`
	Sheet  string `json:"sheet"`
	Cell   string `json:"cell"`
}

// ReadExpectedViolations reads dir/expected_violations.json.
func ReadExpectedViolations(dir string) ([]ExpectedViolation, error) {
	return readExpected[ExpectedViolation](dir, ExpectedViolationsFile)
}

// writeExpectedViolations stores the list sorted by rule, file and cell.
func writeExpectedViolations(dir string, list []ExpectedViolation) error {
	return writeExpected(dir, ExpectedViolationsFile, list, func(a, b ExpectedViolation) int {
		return cmp.Or(cmp.Compare(len(a.Rule), len(b.Rule)), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.File, b.File),
			cmp.Compare(a.Sheet, b.Sheet), cmp.Compare(len(a.Cell), len(b.Cell)), cmp.Compare(a.Cell, b.Cell))
	})
}
