package transform

// titleShape is what nearDuplicate compares of a title, computed once per
// title rather than once per pair of titles compared.
type titleShape struct {
	near  string // the key with its numerals written as digits
	nums  string
	grams []uint64 // built on first use
}

// shapeOf shapes a title given its domain.MatchKey.
func shapeOf(key string) *titleShape {
	if nums, ok := scanNumbers(key, true); ok { // no numeral: most titles
		return &titleShape{near: key, nums: nums}
	}
	near := string(numeralsToDigits([]rune(key)))
	return &titleShape{near: near, nums: numbersIn(near)}
}

func (t *titleShape) bigrams() []uint64 {
	if t.grams == nil {
		t.grams = bigrams([]rune(t.near))
	}
	return t.grams
}

// nearDuplicate reports whether two titles look like the same item written
// twice: the same numbers (titles that differ in a number — a quarter, a
// year, a batch — are different items) and a bigram Jaccard of at least
// nearDuplicateThreshold; pairs whose numbers of bigrams are too far apart
// are ruled out before the bigrams are compared.
func (t *titleShape) nearDuplicate(o *titleShape) bool {
	if t.nums != o.nums {
		return false
	}
	a, b := t.bigrams(), o.bigrams()
	return mayReach(len(a), len(b)) && jaccard(a, b) >= nearDuplicateThreshold
}
