package pipeline

// unitOrder is the order units are computed in (indexes into names):
// first those with records held in memory since reading, then the others,
// each in names' order. Held records are let go when their unit is done;
// computed in the roster's order, they would wait, and take memory, while
// units before them load theirs from the parse cache.
func unitOrder(names []string, work map[string]*unitWork) []int {
	var held, rest []int
	for i, name := range names {
		if holdsRecords(work[name]) {
			held = append(held, i)
		} else {
			rest = append(rest, i)
		}
	}
	return append(held, rest...)
}

// holdsRecords reports whether any file a unit counts has its records in
// memory.
func holdsRecords(uw *unitWork) bool {
	if uw == nil {
		return false
	}
	for _, o := range uw.offices {
		for _, src := range o.sources {
			if len(src.sub.Records) > 0 {
				return true
			}
		}
	}
	return false
}
