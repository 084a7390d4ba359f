package transform

import (
	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// titleKeys is the domain.MatchKey of each disclosure's title, computed
// once per batch for what compares titles: duplicate records (D1), items
// (and so the monthly trend) and the unit's item findings (D2, D3).
func titleKeys(rec arrow.RecordBatch) []string {
	title := stringColumn(rec, domain.FieldTitle)
	keys := make([]string, rec.NumRows())
	for i := range keys {
		keys[i] = domain.MatchKey(title.Value(i))
	}
	return keys
}

// countedKeys keeps the keys of the records that count.
func countedKeys(keys []string, v []verdict) []string {
	out := make([]string, 0, len(keys))
	for i, k := range keys {
		if v[i].counted {
			out = append(out, k)
		}
	}
	return out
}
