package output

import "gongkai/domain"

// pendingLabel shows the outcome of an application still open.
const pendingLabel = "办理中"

// vocabLabeler returns how the detail sheets show the canonical id of a
// vocabulary field: its Chinese label. An id no list knows (an unknown
// value kept as written) is shown as it is.
func vocabLabeler(field string, cfg *domain.Config) func(id string) string {
	switch field {
	case domain.FieldChannel:
		return domain.ChannelLabel
	case domain.FieldCategory:
		return cfg.CategoryLabel
	case domain.FieldApplicant:
		return domain.ApplicantLabel
	case domain.FieldOutcome:
		return outcomeLabel
	case domain.FieldCaseType:
		return caseTypeLabel
	case domain.FieldResult:
		return columnLabel(domain.T4Results)
	}
	return func(id string) string { return id }
}

// outcomeLabel is the 表三 row label of an outcome id, with its group.
func outcomeLabel(id string) string {
	if id == domain.OutcomePending {
		return pendingLabel
	}
	for _, r := range domain.T3ResultRows() {
		if r.ID == id {
			return r.ShortLabel()
		}
	}
	return id
}

// caseTypeLabel names a case type as 表四 does, 行政诉讼 cases with the
// caption they sit under.
func caseTypeLabel(id string) string {
	for i, b := range domain.T4Blocks {
		if b.ID == id {
			if i == 0 {
				return b.Label
			}
			return domain.T4SuitCaption + "（" + b.Label + "）"
		}
	}
	return id
}

// columnLabel looks an id up among cols.
func columnLabel(cols []domain.Column) func(string) string {
	return func(id string) string {
		for _, c := range cols {
			if c.ID == id {
				return c.Label
			}
		}
		return id
	}
}
