package samplecounty

import "gongkai/domain"

// messySpellings are the texts a messy file may write for each vocabulary
// value: those of the clean mode, plus the case types and appeal results,
// which the clean mode writes only by their labels. Every text maps back
// to its id, so the truth does not change.
type messySpellings struct {
	*spellings
	caseType, result map[string][]string
}

func newMessySpellings(cfg *domain.Config) *messySpellings {
	s := &messySpellings{spellings: newSpellings(cfg), caseType: map[string][]string{}, result: map[string][]string{}}
	for _, b := range domain.T4Blocks {
		s.caseType[b.ID] = roundTrip(cfg, domain.VocabCaseType, b.ID, caseTypeText(b.ID), cfg.Vocab[domain.VocabCaseType][b.ID])
	}
	for _, r := range domain.T4Results[:len(domain.T4Results)-1] {
		s.result[r.ID] = roundTrip(cfg, domain.VocabAppealResult, r.ID, r.Label, cfg.Vocab[domain.VocabAppealResult][r.ID])
	}
	return s
}
