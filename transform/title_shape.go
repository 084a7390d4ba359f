package transform

// titleShape is what nearDuplicate compares of a title, computed once per
// title rather than once per pair of titles compared.
type titleShape struct {
	near  []rune
	nums  string
	grams map[[2]rune]bool // built on first use
}

// shapeOf shapes a title given its domain.MatchKey.
func shapeOf(key string) *titleShape {
	near := nearTitleOfKey(key)
	return &titleShape{near: near, nums: numbersIn(near)}
}

func (t *titleShape) bigrams() map[[2]rune]bool {
	if t.grams == nil {
		t.grams = bigrams(t.near)
	}
	return t.grams
}

// nearDuplicate is nearDuplicate(t.near, o.near).
func (t *titleShape) nearDuplicate(o *titleShape) bool {
	if t.nums != o.nums {
		return false
	}
	return jaccard(t.bigrams(), o.bigrams()) >= nearDuplicateThreshold
}

// nearTitleOfKey is nearTitle for a title already reduced by MatchKey.
func nearTitleOfKey(key string) []rune { return numeralsToDigits([]rune(key)) }
