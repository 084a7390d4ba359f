package transform

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// deadlines checks R9: an application is answered within the legal time
// limit (Config.Rules.AnswerDays working days after the day of receipt,
// ExtensionDays more when 是否延期 is 是), counted with the State Council's
// holiday calendar. An application still open at the end of the report
// year is late when its limit passed before then; a 备注 that names a
// suspension (Config.Rules.PauseWords) makes that a note, not a warning.
// Applications whose span the calendar does not cover are not guessed at:
// one note per uncovered year says how many were left unchecked.
func (c *checker) deadlines() []domain.Finding {
	var out []domain.Finding
	uncovered := map[int]int{} // year → applications not checked
	for i := range c.in.Offices {
		o := &c.in.Offices[i]
		for _, rec := range o.Ledgers[domain.KindApplication] {
			out = append(out, c.deadlinesOf(o, rec, uncovered)...)
		}
	}
	years := make([]int, 0, len(uncovered))
	for y := range uncovered {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		out = append(out, domain.Finding{Rule: domain.RuleDeadline, Severity: domain.SevInfo, Message: fmt.Sprintf(
			"节假日安排表中没有%d年的数据，有%d件申请的答复期限涉及该年，未作核对。请县政务公开办在配置文件中补充[calendar.%d]（国务院办公厅关于%d年部分节假日安排的通知）。",
			y, uncovered[y], y, y)})
	}
	return out
}

// deadlinesOf checks the applications of one batch.
func (c *checker) deadlinesOf(o *OfficeInput, rec arrow.RecordBatch, uncovered map[int]int) []domain.Finding {
	cal := c.cfg.WorkCalendar()
	rules := c.cfg.Rules
	received, replied := dates(rec, domain.FieldReceived), dates(rec, domain.FieldReplied)
	extended := column(rec, domain.FieldExtended).(*array.Boolean)
	outcome, note := stringColumn(rec, domain.FieldOutcome), stringColumn(rec, domain.FieldNote)
	var out []domain.Finding
	for i := 0; i < int(rec.NumRows()); i++ {
		recv, ok := dateAt(received, i)
		if !ok || recv.After(c.y.end) {
			continue // no date (ingest) or outside the year (R8)
		}
		ext := extended.IsValid(i) && extended.Value(i)
		limit := rules.AnswerDays
		if ext {
			limit += rules.ExtensionDays
		}
		at := c.cell(lineagePos(rec, i), domain.FieldReplied)
		reply, answered := dateAt(replied, i)
		switch {
		case answered && reply.Before(c.y.start):
			continue // last year's business
		case answered && reply.Before(recv):
			out = append(out, c.finding(domain.RuleDeadline, domain.SevWarning, o, at, fmt.Sprintf(
				"答复日期%s早于收到日期%s。请核对两个日期。", reply.Format(time.DateOnly), recv.Format(time.DateOnly))))
		case answered:
			n, y := cal.WorkdaysAfter(recv, reply)
			if y != 0 {
				uncovered[y]++
				continue
			}
			if n > limit {
				f := c.finding(domain.RuleDeadline, domain.SevWarning, o, at, c.lateText(recv, reply, n, limit, ext))
				out = append(out, numbers(f, "", float64(limit), float64(n)))
			}
		case outcome.Value(i) == domain.OutcomePending:
			due, y := cal.AddWorkdays(recv, limit)
			if y != 0 {
				uncovered[y]++
				continue
			}
			if !due.Before(c.y.end) {
				continue
			}
			sev, why := domain.SevWarning, "请尽快答复，或在备注中说明期限中止的原因（如补正、征求第三方意见）。"
			if c.paused(note.Value(i)) {
				sev, why = domain.SevInfo, "备注说明期限中止（"+note.Value(i)+"），中止期间不计入答复期限，请注意跟进。"
			}
			out = append(out, c.finding(domain.RuleDeadline, sev, o, at, fmt.Sprintf(
				"收到日期%s，至%d年12月31日仍未答复，已超过法定答复期限（%d个工作日，应于%s前答复）。%s",
				recv.Format(time.DateOnly), c.y.year, limit, due.Format(time.DateOnly), why)))
		}
	}
	return out
}

// lateText explains a late answer.
func (c *checker) lateText(recv, reply time.Time, n, limit int, ext bool) string {
	s := fmt.Sprintf("收到日期%s，答复日期%s，相隔%d个工作日（自收到次日起算，按国务院节假日安排扣除节假日、计入调休上班日），超过法定期限%d个工作日。",
		recv.Format(time.DateOnly), reply.Format(time.DateOnly), n, limit)
	if !ext && n <= c.cfg.Rules.AnswerDays+c.cfg.Rules.ExtensionDays {
		s += "如已依法延期答复，请在“是否延期”栏填“是”；否则请核对日期。"
	} else {
		s += "请核对日期，或说明超期原因。"
	}
	return s
}

// paused reports whether a 备注 names a suspension of the time limit.
func (c *checker) paused(note string) bool {
	for _, w := range c.cfg.Rules.PauseWords {
		if w != "" && strings.Contains(note, w) {
			return true
		}
	}
	return false
}
