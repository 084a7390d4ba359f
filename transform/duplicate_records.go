package transform

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// recordID identifies a record within its file (domain.md §4).
type recordID struct {
	file    string
	text    string // the MatchKey of the title, 申请编号 or 案号
	day     int32  // disclosures: the day
	channel string // disclosures: the channel
}

// recordKey returns what identifies a record of kind k within one ledger
// (domain.md §4): a disclosure by normalised title (titles: titleKeys),
// day and channel (the same item on another channel is no duplicate), an
// application by 申请编号, an appeal by 案号. ok is false when the record
// has no key. The file is left to the caller.
func recordKey(k domain.Kind, rec arrow.RecordBatch, titles []string) func(i int) (recordID, bool) {
	switch k {
	case domain.KindDisclosure:
		title, date, ch := stringColumn(rec, domain.FieldTitle), dates(rec, domain.FieldDate), stringColumn(rec, domain.FieldChannel)
		return func(i int) (recordID, bool) {
			if date.IsNull(i) || title.ValueLen(i) == 0 {
				return recordID{}, false
			}
			return recordID{text: titles[i], day: int32(date.Value(i)), channel: ch.Value(i)}, true
		}
	case domain.KindApplication:
		return textKey(rec, domain.FieldAppID)
	case domain.KindAppeal:
		return textKey(rec, domain.FieldCaseNo)
	}
	return func(int) (recordID, bool) { return recordID{}, false }
}

func textKey(rec arrow.RecordBatch, field string) func(i int) (recordID, bool) {
	col := stringColumn(rec, field)
	return func(i int) (recordID, bool) {
		k := domain.MatchKey(col.Value(i))
		return recordID{text: k}, k != ""
	}
}

// markDuplicateRecords drops every record that repeats an earlier one of
// the same file, naming in a finding the row it duplicates; titles are the
// disclosures' titleKeys (nil for other kinds).
func markDuplicateRecords(k domain.Kind, rec arrow.RecordBatch, titles []string, v []verdict) []domain.Finding {
	key := recordKey(k, rec, titles)
	files, sheets := stringColumn(rec, domain.LineageFile), stringColumn(rec, domain.LineageSheet)
	rows := column(rec, domain.LineageRow).(interface{ Value(int) int32 })
	units, offices := stringColumn(rec, domain.LineageUnit), stringColumn(rec, domain.LineageOffice)
	first := make(map[recordID]int, rec.NumRows())
	var out []domain.Finding
	for i := 0; i < int(rec.NumRows()); i++ {
		kk, ok := key(i)
		if !ok {
			continue
		}
		kk.file = files.Value(i)
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
