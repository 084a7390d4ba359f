package transform

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// recordKey returns what identifies a record of kind k within one ledger
// (domain.md §4): a disclosure by normalised title, day and channel (the
// same item on another channel is no duplicate), an application by 申请编号,
// an appeal by 案号. ok is false when the record has no key.
func recordKey(k domain.Kind, rec arrow.RecordBatch) func(i int) (string, bool) {
	switch k {
	case domain.KindDisclosure:
		title, date, ch := stringColumn(rec, domain.FieldTitle), dates(rec, domain.FieldDate), stringColumn(rec, domain.FieldChannel)
		return func(i int) (string, bool) {
			if date.IsNull(i) || title.Value(i) == "" {
				return "", false
			}
			return fmt.Sprintf("%s|%d|%s", domain.MatchKey(title.Value(i)), date.Value(i), ch.Value(i)), true
		}
	case domain.KindApplication:
		return textKey(rec, domain.FieldAppID)
	case domain.KindAppeal:
		return textKey(rec, domain.FieldCaseNo)
	}
	return func(int) (string, bool) { return "", false }
}

func textKey(rec arrow.RecordBatch, field string) func(i int) (string, bool) {
	col := stringColumn(rec, field)
	return func(i int) (string, bool) {
		k := domain.MatchKey(col.Value(i))
		return k, k != ""
	}
}

// markDuplicateRecords drops every record that repeats an earlier one of
// the same file, naming in a finding the row it duplicates.
func markDuplicateRecords(k domain.Kind, rec arrow.RecordBatch, v []verdict) []domain.Finding {
	key := recordKey(k, rec)
	files, sheets := stringColumn(rec, domain.LineageFile), stringColumn(rec, domain.LineageSheet)
	rows := column(rec, domain.LineageRow).(interface{ Value(int) int32 })
	units, offices := stringColumn(rec, domain.LineageUnit), stringColumn(rec, domain.LineageOffice)
	first := map[string]int{}
	var out []domain.Finding
	for i := 0; i < int(rec.NumRows()); i++ {
		kk, ok := key(i)
		if !ok {
			continue
		}
		kk = files.Value(i) + "|" + kk
		j, seen := first[kk]
		if !seen {
			first[kk] = i
			continue
		}
		if rows.Value(j) == rows.Value(i) && sheets.Value(j) == sheets.Value(i) {
			continue // one row that named the same channel twice
		}
		v[i] = verdict{reason: domain.DropDuplicate}
		out = append(out, domain.Finding{
			Rule: domain.RuleDuplicate, Severity: domain.SevInfo, Unit: units.Value(i), Office: offices.Value(i),
			Pos:     domain.Pos{File: files.Value(i), Sheet: sheets.Value(i), Row: int(rows.Value(i))},
			Message: fmt.Sprintf("与“%s”第 %d 行重复（%s），只计一次。", sheets.Value(j), rows.Value(j), duplicateWhat(k)),
		})
	}
	return out
}

func duplicateWhat(k domain.Kind) string {
	switch k {
	case domain.KindApplication:
		return "申请编号相同"
	case domain.KindAppeal:
		return "案号相同"
	}
	return "标题、日期和渠道相同"
}
