package transform

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// itemRecord is a counted disclosure with where it came from.
type itemRecord struct {
	unit, office, file, sheet string
	row                       int
	title, key                string // key: the title's MatchKey
	day                       int32
}

// unitItemFindings looks at a unit's counted disclosures across its
// offices: the same item from two offices is one item of the unit, with a
// warning (D2); titles a few characters apart on the same day are a warning
// for a person, never a drop (D3). Comparisons are blocked by day, so the
// cost stays near-linear in the number of records. keys are the titleKeys
// of each batch of recs.
func unitItemFindings(recs []arrow.RecordBatch, keys [][]string) []domain.Finding {
	blocks := map[int32][]itemRecord{} // day → its items
	for b, rec := range recs {
		title, date := stringColumn(rec, domain.FieldTitle), dates(rec, domain.FieldDate)
		unit, office := stringColumn(rec, domain.LineageUnit), stringColumn(rec, domain.LineageOffice)
		file, sheet := stringColumn(rec, domain.LineageFile), stringColumn(rec, domain.LineageSheet)
		row := column(rec, domain.LineageRow).(interface{ Value(int) int32 })
		for i := 0; i < int(rec.NumRows()); i++ {
			if date.IsNull(i) {
				continue
			}
			r := itemRecord{unit.Value(i), office.Value(i), file.Value(i), sheet.Value(i), int(row.Value(i)), title.Value(i), keys[b][i], int32(date.Value(i))}
			blocks[r.day] = append(blocks[r.day], r)
		}
	}
	days := slices.Collect(maps.Keys(blocks))
	names := make(map[int32]string, len(blocks)) // the order: the day as text
	for _, d := range days {
		names[d] = fmt.Sprint(d)
	}
	sort.Slice(days, func(i, j int) bool { return names[days[i]] < names[days[j]] })
	var out []domain.Finding
	for _, d := range days {
		out = append(out, compareDay(blocks[d])...)
	}
	return out
}

// compareDay compares the items of one unit and day. A title is near
// another only with the same numbers, so each is compared with the earlier
// titles of its numbers alone, in their order.
func compareDay(items []itemRecord) []domain.Finding {
	var out []domain.Finding
	exact := map[string]itemRecord{} // first record of each exact title
	type seen struct {
		rec   itemRecord
		shape *titleShape
	}
	byNums := map[string][]seen{} // the titles seen, by their numbers
	for _, it := range items {
		if first, ok := exact[it.key]; ok {
			if first.office != it.office {
				out = append(out, itemFinding(domain.RuleSameItem, domain.SevWarning, it,
					fmt.Sprintf("%s也报送了同一条信息“%s”（%s第 %d 行），本单位按一条计。请确认由哪个科室报送。", first.office, it.title, first.file, first.row)))
			}
			continue
		}
		exact[it.key] = it
		shape := shapeOf(it.key)
		for _, s := range byNums[shape.nums] {
			if shape.nearDuplicate(s.shape) {
				out = append(out, itemFinding(domain.RuleNearDuplicate, domain.SevWarning, it,
					fmt.Sprintf("标题“%s”与同日的“%s”（%s第 %d 行）仅差几个字，请核对是否为同一条信息重复登记。两条均已计入。", it.title, s.rec.title, s.rec.file, s.rec.row)))
				break
			}
		}
		byNums[shape.nums] = append(byNums[shape.nums], seen{it, shape})
	}
	return out
}

func itemFinding(rule string, sev domain.Severity, it itemRecord, msg string) domain.Finding {
	return domain.Finding{Rule: rule, Severity: sev, Unit: it.unit, Office: it.office,
		Pos: domain.Pos{File: it.file, Sheet: it.sheet, Row: it.row}, Message: msg}
}
