package transform

import (
	"fmt"
	"slices"

	"gongkai/domain"
)

// inForceRows are the 表二 rows with 本年制发, 本年废止 and 现行有效 (R11).
var inForceRows = func() (out []domain.T2Row) {
	for _, r := range domain.T2Rows {
		if len(r.Metrics) == 3 {
			out = append(out, r)
		}
	}
	return out
}()

// lastYear checks R10 (this year's 上年结转 = last year's 结转下年度, every
// column) and R11 (现行有效件数 ≈ last year's + 本年制发 − 本年废止; a
// warning when it grew more than that, a note when it grew less, since
// documents also lapse). It compares each office with its own figures of
// last year, as the reports carried them. Without last year's figures it
// says so, once per run, and once per unit or office last year lacks.
func (c *checker) lastYear() []domain.Finding {
	ly := c.in.LastYear
	if ly == nil {
		msg := "未找到%d年的汇总数据（输出目录下 history/%d/metrics.json），本次未核对%s。本程序每次运行后保存当年数据，供下一年度核对。"
		prev := c.y.year - 1
		return []domain.Finding{
			{Rule: domain.RuleCarryOver, Severity: domain.SevInfo, Message: fmt.Sprintf(msg, prev, prev, "“上年结转”与上年“结转下年度”是否一致")},
			{Rule: domain.RuleInForce, Severity: domain.SevInfo, Message: fmt.Sprintf(msg, prev, prev, "现行有效件数与上年的衔接")},
		}
	}
	var out []domain.Finding
	noted := map[string]bool{}
	for i := range c.in.Offices {
		o := &c.in.Offices[i]
		fig := c.figures[OfficeKey{o.Unit, o.Office}]
		if fig == nil {
			continue
		}
		last := ly.Office(o.Unit, o.Office)
		if last == nil {
			if _, known := ly.Units[o.Unit]; !known && !noted[o.Unit] {
				noted[o.Unit] = true
				out = append(out, domain.Finding{Rule: domain.RuleCarryOver, Severity: domain.SevInfo, Unit: o.Unit, Message: fmt.Sprintf(
					"%d年的汇总数据中没有%s，本次未核对其上年结转和现行有效件数。", ly.Year, o.Unit)})
			} else if known {
				out = append(out, domain.Finding{Rule: domain.RuleCarryOver, Severity: domain.SevInfo, Unit: o.Unit, Office: o.Office, Message: fmt.Sprintf(
					"%d年的汇总数据中没有%s%s，本次未核对其上年结转和现行有效件数。", ly.Year, o.Unit, o.Office)})
			}
			continue
		}
		out = append(out, c.carryOver(o, fig, last, ly.Year)...)
		out = append(out, c.inForce(o, fig, last, ly.Year)...)
	}
	return out
}

// carryOver compares each column of 上年结转 with last year's 结转下年度.
func (c *checker) carryOver(o *OfficeInput, fig *OfficeFigures, last domain.Metrics, lastYear int) []domain.Finding {
	var out []domain.Finding
	for _, col := range domain.T3Columns {
		was, ok := last[domain.T3Metric(domain.T3RowCarriedOut, col.ID)]
		id := domain.T3Metric(domain.T3RowCarriedIn, col.ID)
		now := fig.Used[id]
		if !ok || sameNumber(was, now) {
			continue
		}
		f := c.finding(domain.RuleCarryOver, domain.SevError, o, c.figurePos(o, id, domain.KindApplication), fmt.Sprintf(
			"表三“二、上年结转政府信息公开申请数量”（%s）本年为%s件，但%d年报告的“四、结转下年度继续办理”为%s件，两者应相等。"+
				"请核对上年未办结的申请是否都已登记在本年台账中（收到日期在上年、本年答复或仍在办理）。",
			col.Label, fmtFigure(now), lastYear, fmtFigure(was)))
		out = append(out, numbers(f, id, was, now))
	}
	return out
}

// inForce checks 现行有效件数 of each 表二 row that has one.
func (c *checker) inForce(o *OfficeInput, fig *OfficeFigures, last domain.Metrics, lastYear int) []domain.Finding {
	var out []domain.Finding
	for _, r := range inForceRows {
		issued, repealed, inForce := r.Metrics[0], r.Metrics[1], r.Metrics[2]
		was, ok := last[inForce]
		if !ok {
			continue
		}
		if o.Summary != nil && slices.ContainsFunc(r.Metrics, func(m string) bool { return slices.Contains(o.Summary.Missing, m) }) {
			out = append(out, c.finding(domain.RuleInForce, domain.SevInfo, o, c.figurePos(o, inForce, ""), fmt.Sprintf(
				"表二“%s”的本年制发、本年废止或现行有效件数未填写，无法与上年现行有效件数（%s件）核对。", r.Label, fmtFigure(was))))
			continue
		}
		now, have := fig.Used[inForce]
		if !have {
			continue
		}
		expected := was + fig.Used[issued] - fig.Used[repealed]
		if sameNumber(now, expected) {
			continue
		}
		text := fmt.Sprintf("表二“%s”现行有效件数为%s件；按%d年现行有效%s件、加本年制发%s件、减本年废止%s件，应为%s件",
			r.Label, fmtFigure(now), lastYear, fmtFigure(was), fmtFigure(fig.Used[issued]), fmtFigure(fig.Used[repealed]), fmtFigure(expected))
		sev := domain.SevWarning
		if now > expected {
			text += fmt.Sprintf("，多出%s件。现行有效件数不会多于上年加本年制发，请核对。", fmtFigure(now-expected))
		} else {
			sev = domain.SevInfo
			text += fmt.Sprintf("，少%s件。如有文件失效或被宣布失效属正常情况，请确认。", fmtFigure(expected-now))
		}
		f := c.finding(domain.RuleInForce, sev, o, c.figurePos(o, inForce, ""), text)
		out = append(out, numbers(f, inForce, expected, now))
	}
	return out
}

// figurePos is where an office's figure can be fixed: its summary cell,
// else the first sheet of the ledger kind it is derived from, else nowhere.
func (c *checker) figurePos(o *OfficeInput, id string, kind domain.Kind) domain.Pos {
	if o.Summary != nil {
		if p, ok := o.Summary.Cells[id]; ok {
			return p
		}
	}
	for _, rec := range o.Ledgers[kind] {
		if rec.NumRows() > 0 {
			p := lineagePos(rec, 0)
			return domain.Pos{File: p.File, Sheet: p.Sheet}
		}
	}
	return domain.Pos{}
}
