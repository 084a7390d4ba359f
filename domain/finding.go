package domain

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Severity says how much a finding matters.
type Severity string

// Severities, from the most to the least serious.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// Label is the severity in Chinese, as outputs show it.
func (s Severity) Label() string {
	switch s {
	case SevError:
		return "错误"
	case SevWarning:
		return "警告"
	}
	return "提示"
}

// Rule ids of domain.md §6 (R1–R13) and of the ingest (I-rules: a file or a
// cell that could not be read as the contract says).
const (
	RuleSumT3Balance   = "R1"
	RuleSumT3Results   = "R2"
	RuleSumT3Columns   = "R3"
	RuleSumT4          = "R4"
	RuleNonNegative    = "R5"
	RuleSelfVsLedger   = "R6"
	RuleSubtotal       = "R7"
	RuleReportYear     = "R8"
	RuleDeadline       = "R9"
	RuleCarryOver      = "R10"
	RuleInForce        = "R11"
	RuleReportText     = "R12"
	RuleSubmissions    = "R13"
	RuleFileRejected   = "I1" // the file as a whole could not be read
	RuleSheetUnknown   = "I2" // a sheet matched no kind
	RuleCellUnreadable = "I3" // a cell value could not be parsed
	RuleRequiredBlank  = "I4" // a required cell is blank
	RuleUnknownValue   = "I5" // a vocabulary value not in the synonym lists
	RuleIdentity       = "I6" // unit, office or year sources disagree
	RuleFileIgnored    = "I7" // lock, temporary or hidden files left alone
	RuleDuplicate      = "D1" // a record repeated in the same ledger, kept once
	RuleSameItem       = "D2" // the same item from two offices of a unit, counted once
	RuleNearDuplicate  = "D3" // titles a few characters apart on the same day: for a person to look at
	RuleSuperseded     = "D4" // a file replaced by a newer version, or a copy of another
)

// Pos is where a value sits: 1-based row and column as Excel shows them.
// Zero Row or Col means the whole sheet, or the whole row.
type Pos struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   int    `json:"col,omitempty"`
}

// Cell is the A1 reference of the position, or "" when it names no cell.
func (p Pos) Cell() string {
	if p.Row <= 0 {
		return ""
	}
	if p.Col <= 0 {
		return fmt.Sprintf("第%d行", p.Row)
	}
	ref, err := excelize.CoordinatesToCellName(p.Col, p.Row)
	if err != nil {
		return ""
	}
	return ref
}

// String prints the position as 白沙镇/党政办.xlsx: '主动公开'!D17.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		fmt.Fprintf(&b, ": '%s'", p.Sheet)
		if c := p.Cell(); c != "" {
			b.WriteString("!" + c)
		}
	}
	return b.String()
}

// Finding is one problem the batch found, pointing at the place to fix.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Unit     string   `json:"unit,omitempty"`
	Office   string   `json:"office,omitempty"`
	Pos      Pos      `json:"pos"`
	Message  string   `json:"message"`
	Metric   string   `json:"metric,omitempty"`
	Expected *float64 `json:"expected,omitempty"`
	Actual   *float64 `json:"actual,omitempty"`
}

// Detached returns the finding with its text copied: a finding made from
// records may share their memory, and one kept after the records are let
// go must not hold them.
func (f Finding) Detached() Finding {
	f.Rule, f.Unit, f.Office, f.Message, f.Metric = strings.Clone(f.Rule), strings.Clone(f.Unit), strings.Clone(f.Office), strings.Clone(f.Message), strings.Clone(f.Metric)
	f.Pos.File, f.Pos.Sheet = strings.Clone(f.Pos.File), strings.Clone(f.Pos.Sheet)
	return f
}

// GobEncode implements gob.GobEncoder: gob would drop a pointer to a zero
// value, and an expected 0 is a figure, not a blank.
func (f Finding) GobEncode() ([]byte, error) {
	var b []byte
	for _, s := range []string{f.Rule, string(f.Severity), f.Unit, f.Office, f.Pos.File, f.Pos.Sheet, f.Message, f.Metric} {
		b = appendText(b, s)
	}
	b = binary.AppendVarint(b, int64(f.Pos.Row))
	b = binary.AppendVarint(b, int64(f.Pos.Col))
	for _, v := range []*float64{f.Expected, f.Actual} {
		if v == nil {
			b = append(b, 0)
			continue
		}
		b = binary.LittleEndian.AppendUint64(append(b, 1), math.Float64bits(*v))
	}
	return b, nil
}

// GobDecode implements gob.GobDecoder.
func (f *Finding) GobDecode(b []byte) error {
	bad := errors.New("finding: bad encoding")
	var strs [8]string
	for i := range strs {
		var ok bool
		if strs[i], b, ok = cutText(b); !ok {
			return bad
		}
	}
	row, k1 := binary.Varint(b)
	if k1 <= 0 {
		return bad
	}
	col, k2 := binary.Varint(b[k1:])
	if k2 <= 0 {
		return bad
	}
	b = b[k1+k2:]
	*f = Finding{Rule: strs[0], Severity: Severity(strs[1]), Unit: strs[2], Office: strs[3],
		Pos: Pos{File: strs[4], Sheet: strs[5], Row: int(row), Col: int(col)}, Message: strs[6], Metric: strs[7]}
	for _, v := range []**float64{&f.Expected, &f.Actual} {
		if len(b) == 0 {
			return bad
		}
		if b[0] == 0 {
			b = b[1:]
			continue
		}
		if len(b) < 9 {
			return bad
		}
		*v, b = Num(math.Float64frombits(binary.LittleEndian.Uint64(b[1:9]))), b[9:]
	}
	return nil
}

// Num returns a pointer to v, for Finding.Expected and Finding.Actual.
func Num(v float64) *float64 { return &v }
