package transform

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// verdict is what became of one record: counted, or dropped for a reason.
type verdict struct {
	counted bool
	reason  string // a domain.Drop* reason when not counted
}

var countedVerdict = verdict{counted: true}

// classifier decides each record's verdict and adds what it counts to an
// office's derived metrics (domain.md §5.2–§5.5).
type classifier struct {
	y   reportYear
	src Sources // the office's rows behind each derived metric; nil keeps none
}

// disclosures counts the disclosures dated in the report year; the item
// of each (its title's key in titles, from titleKeys, and its day) is added
// to items (unit-level de-duplication happens there).
func (c classifier) disclosures(rec arrow.RecordBatch, titles []string, items *itemSet, v []verdict) {
	date := dates(rec, domain.FieldDate)
	channel, category := stringColumn(rec, domain.FieldChannel), stringColumn(rec, domain.FieldCategory)
	for i := 0; i < int(rec.NumRows()); i++ {
		if v[i].reason != "" {
			continue // already dropped as a duplicate
		}
		d, ok := dateAt(date, i)
		switch {
		case !ok:
			v[i] = verdict{reason: domain.DropNoDate}
		case !c.y.contains(d):
			v[i] = verdict{reason: domain.DropOutsideYear}
		default:
			v[i] = countedVerdict
			items.add(itemKey{titles[i], int32(date.Value(i))}, channel.Value(i), category.Value(i))
		}
	}
}

// applications places each application in 表三 (domain.md §5.2): new or
// carried in by its receipt, then one result row or carried out.
func (c classifier) applications(rec arrow.RecordBatch, m domain.Metrics, v []verdict) {
	received, replied := dates(rec, domain.FieldReceived), dates(rec, domain.FieldReplied)
	applicant, outcome := stringColumn(rec, domain.FieldApplicant), stringColumn(rec, domain.FieldOutcome)
	fee := column(rec, domain.FieldFee).(*array.Float64)
	for i := 0; i < int(rec.NumRows()); i++ {
		if v[i].reason != "" {
			continue // already dropped as a duplicate
		}
		recv, ok := dateAt(received, i)
		if !ok {
			v[i] = verdict{reason: domain.DropNoDate}
			continue
		}
		if recv.After(c.y.end) {
			v[i] = verdict{reason: domain.DropOutsideYear}
			continue
		}
		answered := outcome.Value(i) != domain.OutcomePending
		reply, hasReply := dateAt(replied, i)
		if answered && hasReply && reply.Before(c.y.start) {
			v[i] = verdict{reason: domain.DropClosedBefore}
			continue
		}
		v[i] = countedVerdict
		col := applicant.Value(i)
		if col == "" {
			continue // an unknown applicant type is reported by ingest; no column takes it
		}
		add := func(row string) {
			for _, id := range []string{domain.T3Metric(row, col), domain.T3Metric(row, domain.ColumnTotal)} {
				m[id]++
				c.src.note(id, rec, i)
			}
		}
		if recv.Before(c.y.start) {
			add(domain.T3RowCarriedIn)
		} else {
			add(domain.T3RowNew)
		}
		switch {
		case !answered || (hasReply && reply.After(c.y.end)):
			add(domain.T3RowCarriedOut)
		case outcome.Value(i) != "":
			add(outcome.Value(i))
			add(domain.T3RowTotal)
			if fee.IsValid(i) {
				m[domain.MetricFeesYuan] += fee.Value(i)
			}
		}
	}
}

// appeals counts cases filed in the report year (or undated) in 表四.
func (c classifier) appeals(rec arrow.RecordBatch, m domain.Metrics, v []verdict) {
	filed := dates(rec, domain.FieldFiled)
	caseType, result := stringColumn(rec, domain.FieldCaseType), stringColumn(rec, domain.FieldResult)
	for i := 0; i < int(rec.NumRows()); i++ {
		if v[i].reason != "" {
			continue // already dropped as a duplicate
		}
		if d, ok := dateAt(filed, i); ok && !c.y.contains(d) {
			v[i] = verdict{reason: domain.DropOutsideYear}
			continue
		}
		v[i] = countedVerdict
		if caseType.Value(i) == "" || result.Value(i) == "" {
			continue
		}
		for _, id := range []string{domain.T4Metric(caseType.Value(i), result.Value(i)), domain.T4Metric(caseType.Value(i), domain.ColumnTotal)} {
			m[id]++
			c.src.note(id, rec, i)
		}
	}
}

// serviceItems counts items entered in the report year (or undated).
func (c classifier) serviceItems(rec arrow.RecordBatch, m domain.Metrics, v []verdict) {
	entered := dates(rec, domain.FieldEntered)
	for i := 0; i < int(rec.NumRows()); i++ {
		if v[i].reason != "" {
			continue // already dropped as a duplicate
		}
		if d, ok := dateAt(entered, i); ok && !c.y.contains(d) {
			v[i] = verdict{reason: domain.DropOutsideYear}
			continue
		}
		v[i] = countedVerdict
		m[domain.MetricServiceItems]++
	}
}
