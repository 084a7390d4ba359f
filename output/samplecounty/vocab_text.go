package samplecounty

import (
	"math/rand/v2"
	"slices"

	"gongkai/domain"
)

// spellings are the texts an office may write for the values of the
// vocabularies: for each id its label first, then the configured synonyms
// that the configuration maps back to that id (so the truth never depends
// on an ambiguous text).
type spellings struct {
	channel, applicant, outcome, category map[string][]string
}

func newSpellings(cfg *domain.Config) *spellings {
	s := &spellings{
		channel:   map[string][]string{},
		applicant: map[string][]string{},
		outcome:   map[string][]string{},
		category:  map[string][]string{},
	}
	for _, c := range domain.Channels {
		s.channel[c.ID] = roundTrip(cfg, domain.VocabChannel, c.ID, c.Label, cfg.Vocab[domain.VocabChannel][c.ID])
	}
	for _, c := range domain.T3Columns[:len(domain.T3Columns)-1] {
		s.applicant[c.ID] = roundTrip(cfg, domain.VocabApplicant, c.ID, c.Label, cfg.Vocab[domain.VocabApplicant][c.ID])
	}
	for _, r := range domain.T3ResultRows() {
		syns := append([]string{r.ShortLabel()}, cfg.Vocab[domain.VocabOutcome][r.ID]...)
		s.outcome[r.ID] = roundTrip(cfg, domain.VocabOutcome, r.ID, r.Label, syns)
	}
	for _, c := range cfg.Categories {
		s.category[c.ID] = roundTrip(cfg, domain.VocabCategory, c.ID, c.Label, c.Synonyms)
	}
	return s
}

// roundTrip lists label and the synonyms that vocab maps to id; label comes
// first even if the configuration does not know it, so the list is never
// empty.
func roundTrip(cfg *domain.Config, vocab, id, label string, syns []string) []string {
	out := []string{label}
	for _, t := range syns {
		if got, ok := cfg.Lookup(vocab, t); ok && got == id && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// spell picks how a value is written: its label most of the time, else one
// of its synonyms.
func spell(r *rand.Rand, texts []string) string {
	if len(texts) == 1 || chance(r, 0.6) {
		return texts[0]
	}
	return texts[1+r.IntN(len(texts)-1)]
}
