package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/domain"
)

// unitInBrackets is a unit or remark written after a header: （元）, (万元), [必填].
var unitInBrackets = regexp.MustCompile(`[（(\[【][^）)\]】]*[）)\]】]`)

// HeaderKey reduces a header cell to the key its synonyms are matched by:
// units in brackets dropped, then domain.MatchKey.
func HeaderKey(s string) string {
	return domain.MatchKey(unitInBrackets.ReplaceAllString(s, ""))
}

// fieldRef names a field of a ledger kind by its index in domain.LedgerFields.
type fieldRef struct {
	kind  domain.Kind
	field int
	order int // of kind in domain.LedgerKinds
}

// headerIndex maps a header key to every field it may name.
type headerIndex struct {
	fields map[string][]fieldRef
	keys   *headerKeys
}

func newHeaderIndex(cfg *domain.Config) headerIndex {
	idx := headerIndex{fields: map[string][]fieldRef{}, keys: &headerKeys{}}
	for order, k := range domain.LedgerKinds {
		for i, f := range domain.LedgerFields[k] {
			seen := map[string]bool{}
			for _, syn := range cfg.HeaderSynonyms(k, f) {
				key := HeaderKey(syn)
				if key == "" || seen[key] {
					continue
				}
				seen[key] = true
				idx.fields[key] = append(idx.fields[key], fieldRef{k, i, order})
				idx.keys.maxRunes = max(idx.keys.maxRunes, utf8.RuneCountInString(key))
				idx.keys.anyASCII = idx.keys.anyASCII || isASCII(key)
			}
		}
	}
	return idx
}

// ledgerLayout is a recognised ledger header: which column holds which field.
type ledgerLayout struct {
	kind      domain.Kind
	headerRow int   // 1-based row of the (last) header row
	cols      []int // per field of domain.LedgerFields[kind]: 0-based column, -1 if absent
	amountWan bool  // the amount header says 万元
	width     int   // number of header cells matched
}

// matchHeader tries a row as the header of each ledger kind and returns the
// best layout whose required fields are all present. ok is false when the
// row is no ledger header.
// memo, when not nil, keeps the keys of the texts tried, for the rows of
// one file: a plain map is quicker than the index's shared memo, and a
// file's records are tried row after row (for a repeated header).
func (idx headerIndex) matchHeader(cells []string, memo headerMemo) (best ledgerLayout, ok bool) {
	layouts := make([]*ledgerLayout, len(domain.LedgerKinds)) // by the kinds' order
	for c, text := range cells {
		if text == "" || !idx.keys.mayName(text) {
			continue
		}
		for _, ref := range idx.fields[memo.key(idx.keys, text)] {
			l := layouts[ref.order]
			if l == nil {
				l = &ledgerLayout{kind: ref.kind, cols: make([]int, len(domain.LedgerFields[ref.kind]))}
				for i := range l.cols {
					l.cols[i] = -1
				}
				layouts[ref.order] = l
			}
			if l.cols[ref.field] >= 0 {
				continue // the first column that names a field wins
			}
			l.cols[ref.field] = c
			l.width++
			if domain.LedgerFields[ref.kind][ref.field].Type == domain.TypeAmount && strings.Contains(text, "万元") {
				l.amountWan = true
			}
		}
	}
	for _, l := range layouts { // fixed order: ties go to the earlier kind
		if l == nil || l.width < 2 || !l.hasRequired() {
			continue
		}
		if !ok || l.width > best.width {
			best, ok = *l, true
		}
	}
	return best, ok
}

func (l *ledgerLayout) hasRequired() bool {
	for i, f := range domain.LedgerFields[l.kind] {
		if f.Required && l.cols[i] < 0 {
			return false
		}
	}
	return true
}
