package ingest

import (
	"fmt"
	"strings"

	"gongkai/domain"
)

// rowRole says what a row below a ledger header is.
type rowRole int

const (
	roleRecord   rowRole = iota
	roleBlank            // nothing in it
	roleHeader           // the header repeated (a printed page, a pasted block)
	roleSubtotal         // 小计/合计/总计: a check figure, not a record
	roleNote             // 填表说明：… / 注：… below the table
)

var (
	subtotalWords = []string{"小计", "合计", "总计"}
	notePrefixes  = []string{"填表说明", "注:", "注：", "说明:", "说明：", "备注:", "备注："}
)

// classify decides a row's role from its cells.
func (fr *fileReader) classify(cells []string, l ledgerLayout) rowRole {
	first := ""
	for _, c := range cells {
		if c != "" {
			first = c
			break
		}
	}
	if first == "" {
		return roleBlank
	}
	key := fr.r.matchKey(first)
	for _, w := range subtotalWords {
		if key == w || (strings.HasPrefix(key, w) && len([]rune(key)) <= 6) {
			return roleSubtotal
		}
	}
	for _, p := range notePrefixes {
		if strings.HasPrefix(first, p) {
			return roleNote
		}
	}
	if again, ok := fr.r.headers.matchHeader(cells, fr.keys); ok && again.kind == l.kind {
		return roleHeader
	}
	return roleRecord
}

// readLedger reads the records below a recognised header and returns how
// many it read.
// fill gives, by row, the values of cells merged down from above.
func (fr *fileReader) readLedger(sheet string, l ledgerLayout, src rowSource, fill map[int]map[int]string) int {
	lb := fr.builder(l.kind)
	vals := make([]value, len(lb.fields))
	sc := &subtotalCollector{}
	n, sized := 0, false
	var channels []string // of the row: records are one per channel
	for row := l.headerRow + 1; src.Next(); row++ {
		cells, err := src.Cells()
		if err != nil {
			fr.finding(domain.RuleCellUnreadable, domain.SevError, sheet, row, 0, fmt.Sprintf("第 %d 行无法读取：%s", row, shortErr(err)))
			continue
		}
		cells = fillMerged(normalizeCells(cells), fill[row])
		switch fr.classify(cells, l) {
		case roleRecord:
			sc.record(row)
		case roleSubtotal:
			sc.close(fr, sheet, row, l, cells)
			continue
		default:
			continue
		}
		channels = append(channels[:0], "")
		for i, f := range lb.fields {
			text := cellAt(cells, l.cols[i])
			if f.Name == domain.FieldChannel {
				channels = appendChannels(channels[:0], text)
				continue
			}
			vals[i] = fr.parseCell(sheet, row, l.cols[i], l, f, text)
		}
		for _, ch := range channels {
			for i, f := range lb.fields {
				if f.Name == domain.FieldChannel {
					vals[i] = fr.parseCell(sheet, row, l.cols[i], l, f, ch)
				}
			}
			lb.append(vals, sheet, row)
			n++
		}
		if !sized && n >= sampleRows {
			sized = true
			lb.expect(src.RowsHint())
		}
	}
	return n
}

func cellAt(cells []string, col int) string {
	if col < 0 || col >= len(cells) {
		return ""
	}
	return cells[col]
}

// parseCell reads one cell as its field's type, with a finding for a value
// that cannot be read or a required value that is missing.
func (fr *fileReader) parseCell(sheet string, row, col int, l ledgerLayout, f domain.Field, text string) value {
	pos := func(rule string, sev domain.Severity, msg string) {
		fr.finding(rule, sev, sheet, row, col+1, msg)
	}
	missing := IsMissing(text)
	if missing && f.Required && !(l.kind == domain.KindApplication && f.Name == domain.FieldOutcome) {
		pos(domain.RuleRequiredBlank, domain.SevError, fmt.Sprintf("必填项“%s”为空。", f.Label))
	}
	switch f.Type {
	case domain.TypeText:
		return value{text: text}
	case domain.TypeDate:
		if missing {
			return value{}
		}
		t, err := ParseDate(text, fr.dateSys)
		if err != nil {
			pos(domain.RuleCellUnreadable, domain.SevError, fmt.Sprintf("“%s”无法识别为日期：%q。请填写如 2025-03-05 的日期。", f.Label, text))
			return value{}
		}
		fr.years[t.Year()]++
		return value{date: t, valid: true}
	case domain.TypeAmount:
		if missing {
			return value{}
		}
		v, err := ParseAmount(text, l.amountWan)
		if err != nil {
			pos(domain.RuleCellUnreadable, domain.SevError, fmt.Sprintf("“%s”无法识别为金额：%q。", f.Label, text))
			return value{}
		}
		if v < 0 {
			pos(domain.RuleNonNegative, domain.SevError, fmt.Sprintf("“%s”为负数：%s。金额不能为负。", f.Label, text))
		}
		return value{num: v, valid: true}
	case domain.TypeBool:
		if missing {
			return value{}
		}
		switch domain.MatchKey(text) {
		case "是", "y", "yes", "延期", "已延期", "1", "true":
			return value{flag: true, valid: true}
		case "否", "n", "no", "未延期", "不延期", "0", "false":
			return value{flag: false, valid: true}
		}
		pos(domain.RuleCellUnreadable, domain.SevWarning, fmt.Sprintf("“%s”应填“是”或“否”，实填 %q。", f.Label, text))
		return value{}
	case domain.TypeVocab:
		return fr.parseVocab(f, text, missing, pos)
	}
	return value{}
}

// blankVocab is the canonical id of a blank cell, where blank means something.
var blankVocab = map[string]string{
	domain.FieldChannel: domain.ChannelUnspecified,
	domain.FieldOutcome: domain.OutcomePending,
}

func (fr *fileReader) parseVocab(f domain.Field, text string, missing bool, pos func(string, domain.Severity, string)) value {
	if missing {
		return value{text: blankVocab[f.Name], raw: text}
	}
	id, ok := fr.r.lookup(domain.FieldVocab[f.Name], text)
	if !ok {
		pos(domain.RuleUnknownValue, domain.SevWarning, fmt.Sprintf("“%s”的值 %q 不在标准取值中，已按原文保留。请改为标准取值，或由县政务公开办在配置中增加同义词。", f.Label, text))
	}
	return value{text: id, raw: text}
}
