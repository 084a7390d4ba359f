package domain

import (
	"fmt"
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

// Num returns a pointer to v, for Finding.Expected and Finding.Actual.
func Num(v float64) *float64 { return &v }
