package samplecounty

import (
	"slices"
	"strings"

	"gongkai/domain"
)

// ledgerColumn is a column of a messy ledger: a field of its kind (an index into
// domain.LedgerFields), or extra, a column the batch does not know.
type ledgerColumn struct {
	field int // -1 for the extra column
	label string
	group string // two-row header: the caption above, "" for a label over both rows
}

// extraColumn marks ledgerColumn.field of a column no field names.
const extraColumn = -1

// headerPlan is the header of a messy ledger.
type headerPlan struct {
	kind   domain.Kind
	cols   []ledgerColumn
	twoRow bool
	wan    bool // the fee column says 万元
}

// fieldCol is the index of the column of field name, or -1.
func (h *headerPlan) fieldCol(name string) int {
	fields := domain.LedgerFields[h.kind]
	return slices.IndexFunc(h.cols, func(c ledgerColumn) bool { return c.field >= 0 && fields[c.field].Name == name })
}

// droppable are the optional fields an office may leave out; none of them
// counts in the truth.
var droppable = []string{domain.FieldLink, domain.FieldDept, domain.FieldNote, domain.FieldContent}

// extraLabels are headers of columns offices add for themselves.
var extraLabels = []string{"经办人", "审核人", "录入人"}

// headerGroups are the captions of a two-row header over the fields they
// group; a field in no group has its label over both rows.
var headerGroups = []struct {
	kind    domain.Kind
	caption string
	fields  []string
}{
	{domain.KindDisclosure, "基本情况", []string{domain.FieldSeq, domain.FieldTitle, domain.FieldDate}},
	{domain.KindDisclosure, "公开方式", []string{domain.FieldChannel, domain.FieldLink}},
	{domain.KindApplication, "申请情况", []string{domain.FieldAppID, domain.FieldReceived, domain.FieldApplicant, domain.FieldContent}},
	{domain.KindApplication, "办理情况", []string{domain.FieldReplied, domain.FieldExtended, domain.FieldFee, domain.FieldOutcome}},
	{domain.KindAppeal, "案件情况", []string{domain.FieldCaseNo, domain.FieldCaseType, domain.FieldFiled}},
	{domain.KindAppeal, "审理情况", []string{domain.FieldClosed, domain.FieldResult}},
	{domain.KindServiceItem, "事项信息", []string{domain.FieldItemName, domain.FieldItemType}},
	{domain.KindServiceItem, "录入情况", []string{domain.FieldEntered, domain.FieldPlatform}},
}

// groupOf is the caption of the group of field name in kind, or "".
func groupOf(k domain.Kind, name string) string {
	for _, g := range headerGroups {
		if g.kind == k && slices.Contains(g.fields, name) {
			return g.caption
		}
	}
	return ""
}

// planHeader chooses the columns of a ledger, their order and their labels.
// A two-row header keeps the template order with each group's columns
// together; CSV headers are one row.
func (m *messy) planHeader(k domain.Kind, twoRow, csv bool) headerPlan {
	h := headerPlan{kind: k, twoRow: twoRow && !csv, wan: chance(m.r, 0.2)}
	fields := domain.LedgerFields[k]
	for i, f := range fields {
		if !f.Required && slices.Contains(droppable, f.Name) && chance(m.r, 0.2) {
			continue
		}
		h.cols = append(h.cols, ledgerColumn{field: i, label: m.headerLabel(k, f, h.wan)})
	}
	extra := chance(m.r, 0.3)
	if !h.twoRow {
		m.reorder(h.cols)
		if extra {
			at := 1 + m.r.IntN(len(h.cols))
			h.cols = slices.Insert(h.cols, at, ledgerColumn{field: extraColumn, label: oneOf(m.r, extraLabels)})
		}
		return h
	}
	for i := range h.cols {
		h.cols[i].group = groupOf(k, fields[h.cols[i].field].Name)
	}
	rank := func(c ledgerColumn) int { // the template position of the group's first field
		for j, f := range fields {
			if c.group != "" && groupOf(k, f.Name) == c.group || c.group == "" && j == c.field {
				return j
			}
		}
		return c.field
	}
	slices.SortStableFunc(h.cols, func(a, b ledgerColumn) int { return rank(a) - rank(b) })
	if chance(m.r, 0.5) {
		h.cols[0].group = "" // 序号 over both rows, the group over the rest
	}
	if extra {
		h.cols = append(h.cols, ledgerColumn{field: extraColumn, label: oneOf(m.r, extraLabels)})
	}
	return h
}

// reorder moves columns the way offices rearrange a template: one column
// moved elsewhere, two swapped, or all shuffled after 序号.
func (m *messy) reorder(cols []ledgerColumn) {
	n := len(cols)
	if n < 3 {
		return
	}
	switch m.r.IntN(4) {
	case 0:
		i, j := 1+m.r.IntN(n-1), 1+m.r.IntN(n-1)
		cols[i], cols[j] = cols[j], cols[i]
	case 1:
		c := cols[n-1]
		copy(cols[2:], cols[1:n-1])
		cols[1] = c
	case 2:
		m.r.Shuffle(n-1, func(i, j int) { cols[1+i], cols[1+j] = cols[1+j], cols[1+i] })
	}
}

// headerLabel names field f of kind k: its label or one of the configured
// synonyms that names no other field of k, with the noise of real headers
// (a space or a line break inside, a unit or remark in brackets).
func (m *messy) headerLabel(k domain.Kind, f domain.Field, wan bool) string {
	label := f.Label
	if syns := m.synonyms(k, f); len(syns) > 0 && chance(m.r, 0.5) {
		label = oneOf(m.r, syns)
	}
	if f.Type == domain.TypeAmount {
		label, _, _ = strings.Cut(label, "（")
		unit := "元"
		if wan {
			unit = "万元"
		}
		if chance(m.r, 0.5) {
			return label + "（" + unit + "）"
		}
		return label + "(" + unit + ")"
	}
	if rs := []rune(label); len(rs) >= 2 && chance(m.r, 0.3) {
		i := 1 + m.r.IntN(len(rs)-1)
		label = string(rs[:i]) + oneOf(m.r, []string{" ", "\u3000", "\n"}) + string(rs[i:])
	}
	if f.Required && chance(m.r, 0.1) {
		label += oneOf(m.r, []string{"（必填）", "(必填)"})
	}
	return label
}

// synonyms are the configured header texts of f other than its label that
// name no other field of k.
func (m *messy) synonyms(k domain.Kind, f domain.Field) []string {
	others := map[string]bool{}
	for _, g := range domain.LedgerFields[k] {
		if g.Name == f.Name {
			continue
		}
		for _, s := range m.cfg.HeaderSynonyms(k, g) {
			others[domain.MatchKey(s)] = true
		}
	}
	var out []string
	for _, s := range m.cfg.Headers[k][f.Name] {
		if key := domain.MatchKey(s); key != domain.MatchKey(f.Label) && !others[key] && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// headerCells lays out the header: one row, or two with the captions of
// the groups merged across in the upper row and every other label merged
// down over both rows (or written in the lower row only). top is the
// 1-based row of the first header row.
func (m *messy) headerCells(h headerPlan, top int) (rows [][]any, merges []mergeRange) {
	lower := make([]any, len(h.cols))
	for i, c := range h.cols {
		lower[i] = c.label
	}
	if !h.twoRow {
		return [][]any{lower}, nil
	}
	upper := make([]any, len(h.cols))
	for i := 0; i < len(h.cols); {
		j := i + 1
		for g := h.cols[i].group; g != "" && j < len(h.cols) && h.cols[j].group == g; j++ {
		}
		switch {
		case j-i >= 2:
			upper[i] = h.cols[i].group
			merges = append(merges, mergeRange{i + 1, top, j, top})
		case chance(m.r, 0.8):
			upper[i], lower[i] = h.cols[i].label, nil
			merges = append(merges, mergeRange{i + 1, top, i + 1, top + 1})
		}
		i = j
	}
	return [][]any{upper, lower}, merges
}

// flatHeader is the header as one row of labels, as a repeated header
// inside the table shows it.
func (h headerPlan) flatHeader() []any {
	row := make([]any, len(h.cols))
	for i, c := range h.cols {
		row[i] = c.label
	}
	return row
}
