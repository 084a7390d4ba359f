package output

// The county workbook's detail sheets are tens of megabytes, and from one
// night to the next most units' rows are what they were. When the county
// workbook is written over a file the batch wrote before (see reuseDir),
// the rows that file holds already, at the place they go, are left there
// rather than copied again: the detail sheets come first in the package,
// each unit's rows of a kind in a slot of their own with room to grow
// (DEFLATE blocks that inflate to nothing fill the rest, deflatePadding),
// and a slot keeps its length while its rows fit, so that the slots after
// it stay in place. What a file holds where is its CountyLayout, which the
// batch keeps for the files it wrote last.

// CountyLayout is where a county workbook holds its slots, with the file
// as it was when written: a file changed since is not the same file.
type CountyLayout struct {
	File    FileStamp
	Entries []layoutEntry // its slotted entries, in their order
}

// layoutEntry is a package entry's slots.
type layoutEntry struct {
	Name  string
	Slots []layoutSlot
}

// layoutSlot is one slot of a layout.
type layoutSlot struct {
	Key      string // what it holds (slotKey)
	Off, Len int64  // where it begins in the file; its length with padding
}

// slotPlan places the slots of a county workbook as it is written: with
// the lengths the file written over gave them where their bytes fit, and
// telling which of them that file holds, the same bytes at the same place.
type slotPlan struct {
	known   []CountyLayout
	old     map[string][]layoutSlot // the file written over's slots by entry (none: a new file, or not known)
	entries []layoutEntry           // as placed
	left    int64                   // bytes left as the file held them
}

// newSlotPlan plans a county workbook that may be written over a file of
// a known layout.
func newSlotPlan(known []CountyLayout) *slotPlan {
	return &slotPlan{known: known, old: map[string][]layoutSlot{}}
}

// over tells the plan the file written over (nil: a new file).
func (p *slotPlan) over(id *FileStamp) {
	if id == nil {
		return
	}
	for _, l := range p.known {
		if l.File == *id {
			for _, e := range l.Entries {
				p.old[e.Name] = e.Slots
			}
			return
		}
	}
}

// oldSlot is the index-th slot of entry in the file written over.
func (p *slotPlan) oldSlot(entry string, index int) (layoutSlot, bool) {
	if slots := p.old[entry]; index < len(slots) {
		return slots[index], true
	}
	return layoutSlot{}, false
}

// length is the length of the index-th slot of entry for n bytes: the
// old slot's where they fit, else n with room to grow.
func (p *slotPlan) length(entry string, index int, n int64) int64 {
	if old, ok := p.oldSlot(entry, index); ok && n <= old.Len && paddable(old.Len-n) {
		return old.Len
	}
	return n + n/32 + 64 // padding of 9 bytes or more always exists
}

// place records the next slot of entry (the first of an entry when the
// last placed was another's), holding key, at off, and reports whether the
// file written over holds it there already.
func (p *slotPlan) place(entry string, key string, off, length int64) bool {
	if n := len(p.entries); n == 0 || p.entries[n-1].Name != entry {
		p.entries = append(p.entries, layoutEntry{Name: entry})
	}
	e := &p.entries[len(p.entries)-1]
	old, ok := p.oldSlot(entry, len(e.Slots))
	there := ok && old.Off == off && old.Len == length && old.Key == key
	e.Slots = append(e.Slots, layoutSlot{Key: key, Off: off, Len: length})
	if there {
		p.left += length
	}
	return there
}

// layout is the plan's layout, of the file now identified by id.
func (p *slotPlan) layout(id *FileStamp) *CountyLayout {
	if id == nil {
		return nil
	}
	return &CountyLayout{File: *id, Entries: p.entries}
}
