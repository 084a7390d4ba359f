package transform

import (
	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// OfficeInput is what one office submitted, after versions were chosen:
// its ledgers (a kind present with no records still counts as sent) and
// its self-reported tables.
type OfficeInput struct {
	Unit, Office string
	Ledgers      map[domain.Kind][]arrow.RecordBatch
	Summary      *domain.SelfReport // nil when none was sent
}

// Sent reports whether the office sent a ledger of kind k.
func (o *OfficeInput) Sent(k domain.Kind) bool {
	_, ok := o.Ledgers[k]
	return ok
}
