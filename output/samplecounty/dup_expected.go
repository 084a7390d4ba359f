package samplecounty

import (
	"cmp"
)

// ExpectedDuplicatesFile lists, beside truth.json, the cases planted by
// Options.Duplicates and what the batch must report for each.
const ExpectedDuplicatesFile = "expected_duplicates.json"

// Kinds of planted duplicate cases.
const (
	DupIdenticalFile = "identical_file"   // a byte-identical copy: status duplicate, D4
	DupSuperseded    = "superseded"       // an older version: status superseded, D4
	DupRecord        = "duplicate_record" // a repeated ledger row: dropped, D1
	DupSameItem      = "same_item"        // one item from two offices of a unit: D2
	DupNearDuplicate = "near_duplicate"   // titles a few characters apart: D3, both counted
	DupLookAlike     = "look_alike"       // similar titles of different items: both counted
	DupMultiChannel  = "multi_channel"    // one item on two channels: both rows counted, no D1
)

// ExpectedDuplicate is one planted case. File is relative to the inbox,
// slash-separated. For files, ReplacedBy is the file that counts instead.
// For records, Sheet and Row (as Excel shows it) name the record the
// finding must point at, and DuplicatesFile/DuplicatesRow the other record
// of the pair: of two records the batch flags the later in path and row
// order, naming the earlier. Rule is the finding's rule, "" when none is
// due (Differs "number": a D3 there is wrong; "place": either way).
type ExpectedDuplicate struct {
	Kind           string `json:"kind"`
	Rule           string `json:"rule,omitempty"`
	File           string `json:"file"`
	Sheet          string `json:"sheet,omitempty"`
	Row            int    `json:"row,omitempty"`
	ReplacedBy     string `json:"replaced_by,omitempty"`
	DuplicatesFile string `json:"duplicates_file,omitempty"`
	DuplicatesRow  int    `json:"duplicates_row,omitempty"`
	DecidedBy      string `json:"decided_by,omitempty"` // superseded: fill_date, version_mark or mod_time
	Differs        string `json:"differs,omitempty"`    // look_alike: number or place
	Title          string `json:"title,omitempty"`
}

// ReadExpectedDuplicates reads dir/expected_duplicates.json.
func ReadExpectedDuplicates(dir string) ([]ExpectedDuplicate, error) {
	return readExpected[ExpectedDuplicate](dir, ExpectedDuplicatesFile)
}

// writeExpectedDuplicates stores the list sorted by kind, file and row.
func writeExpectedDuplicates(dir string, list []ExpectedDuplicate) error {
	return writeExpected(dir, ExpectedDuplicatesFile, list, func(a, b ExpectedDuplicate) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.File, b.File), cmp.Compare(a.Sheet, b.Sheet), cmp.Compare(a.Row, b.Row))
	})
}
