package transform

import "slices"

// titleShape is what nearDuplicate compares of a title, computed once per
// title rather than once per pair of titles compared.
type titleShape struct {
	near   string // the key with its numerals written as digits
	nums   string
	grams  []uint64  // its bigrams (appendBigrams), built on first use
	print  [2]uint64 // with grams: their bits
	sorted bool      // grams sorted, for jaccard
}

// shapeOf shapes a title given its domain.MatchKey.
func shapeOf(key string) titleShape {
	if nums, ok := scanNumbers(key, true); ok { // no numeral: most titles
		return titleShape{near: key, nums: nums}
	}
	near := string(numeralsToDigits([]rune(key)))
	return titleShape{near: near, nums: numbersIn(near)}
}

// bigrams returns the title's bigrams, built into arena the first time:
// the titles compared on a day share one arena.
func (t *titleShape) bigrams(arena *[]uint64) []uint64 {
	if t.grams == nil {
		start := len(*arena)
		*arena = appendBigrams(*arena, t.near, &t.print)
		t.grams = (*arena)[start:len(*arena):len(*arena)]
	}
	return t.grams
}

// sortedBigrams returns the title's bigrams sorted (in place), once they
// are built.
func (t *titleShape) sortedBigrams() []uint64 {
	if !t.sorted {
		slices.Sort(t.grams)
		t.sorted = true
	}
	return t.grams
}

// nearDuplicate reports whether two titles look like the same item written
// twice: the same numbers (titles that differ in a number — a quarter, a
// year, a batch — are different items) and a bigram Jaccard of at least
// nearDuplicateThreshold. Pairs that cannot reach it are ruled out before
// the bigrams are compared: by their numbers of bigrams (mayReach), then by
// how many of one title's bigrams have their bit in the other's print (at
// least all those they share).
func (t *titleShape) nearDuplicate(o *titleShape, arena *[]uint64) bool {
	if t.nums != o.nums {
		return false
	}
	a, b := t.bigrams(arena), o.bigrams(arena)
	return mayReach(len(a), len(b)) && mayShare(a, b, o.print) && jaccard(t.sortedBigrams(), o.sortedBigrams()) >= nearDuplicateThreshold
}

// mayShare reports whether sets a and b, b with print bPrint, may have a
// Jaccard of at least nearDuplicateThreshold: |a∩b| is at most the count of
// a's bigrams whose bit bPrint holds, and the Jaccard grows with |a∩b|, so
// the Jaccard of that count, computed as jaccard computes its own, is at
// least theirs.
func mayShare(a, b []uint64, bPrint [2]uint64) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	hits := 0
	for _, g := range a {
		bit := gramBit(g)
		hits += int(bPrint[bit>>6] >> (bit & 63) & 1)
	}
	return float64(hits)/float64(len(a)+len(b)-hits) >= nearDuplicateThreshold
}
