package samplecounty

import "gongkai/domain"

// The ledger rows of an office, as field name → cell value (nil or a zero
// time: blank).

// disclosureRecords has one row per item and channel, numbered from 1.
func disclosureRecords(o *office) []map[string]any {
	var out []map[string]any
	for _, it := range o.items {
		for _, ch := range it.channels {
			out = append(out, map[string]any{
				domain.FieldSeq:      len(out) + 1,
				domain.FieldTitle:    it.title,
				domain.FieldDate:     it.date,
				domain.FieldCategory: blankIfEmpty(it.catText),
				domain.FieldChannel:  blankIfEmpty(ch.text),
				domain.FieldDocNo:    blankIfEmpty(it.docNo),
				domain.FieldLink:     blankIfEmpty(ch.link),
				domain.FieldDept:     o.name,
			})
		}
	}
	return out
}

// applicationRecords has one row per application; pending ones have no
// reply date and no outcome.
func applicationRecords(o *office) []map[string]any {
	var out []map[string]any
	for _, a := range o.apps {
		extended := "否"
		if a.extended {
			extended = "是"
		}
		out = append(out, map[string]any{
			domain.FieldAppID:     a.id,
			domain.FieldReceived:  a.received,
			domain.FieldApplicant: a.appText,
			domain.FieldContent:   a.content,
			domain.FieldReplied:   a.replied,
			domain.FieldExtended:  extended,
			domain.FieldFee:       float64(a.feeCents) / one,
			domain.FieldOutcome:   blankIfEmpty(a.outcomeText),
			domain.FieldNote:      blankIfEmpty(a.note),
		})
	}
	return out
}

// appealRecords has one row per case; open ones have no 结案日期.
func appealRecords(o *office) []map[string]any {
	var out []map[string]any
	for _, c := range o.appeals {
		rec := map[string]any{
			domain.FieldCaseNo:   c.caseNo,
			domain.FieldCaseType: c.typeText,
			domain.FieldFiled:    c.filed,
			domain.FieldClosed:   c.closed,
			domain.FieldResult:   resultLabel(c.result),
		}
		if c.app != nil {
			rec[domain.FieldAppID] = c.app.id
		}
		out = append(out, rec)
	}
	return out
}

// serviceRecords has one row per service item.
func serviceRecords(o *office) []map[string]any {
	var out []map[string]any
	for _, s := range o.services {
		out = append(out, map[string]any{
			domain.FieldItemName: s.name,
			domain.FieldItemType: s.kind,
			domain.FieldEntered:  s.entered,
			domain.FieldPlatform: ServicePlatform,
		})
	}
	return out
}

// blankIfEmpty is nil for "", so the cell stays blank.
func blankIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// resultLabel is the label of a 表四 result id.
func resultLabel(id string) string {
	for _, r := range domain.T4Results {
		if r.ID == id {
			return r.Label
		}
	}
	return id
}
