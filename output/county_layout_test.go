package output

import "testing"

// TestSlotKeyAndPlace: a slot is taken as the file written over holds it
// only when that file's layout names the same key at the same place and
// length; the key of rows in a file changes with their place, size or
// checksum (a unit folder written again under its name with other rows),
// and the key of rows in memory with their bytes.
func TestSlotKeyAndPlace(t *testing.T) {
	part := func(off, size int64, crc uint32) DeflatedPart {
		return DeflatedPart{FilePart: FilePart{Path: "units/ab12/parts", Offset: off, Length: 400}, Rows: 10, Size: size, CRC: crc}
	}
	a := []DeflatedPart{part(0, 4000, 0xAAAA), part(400, 5000, 0xBBBB)}
	same := slotKey([]DeflatedPart{part(0, 4000, 0xAAAA), part(400, 5000, 0xBBBB)})
	if slotKey(a) != same {
		t.Fatal("the same parts gave two keys")
	}
	for name, b := range map[string][]DeflatedPart{
		"another checksum": {part(0, 4000, 0xAAAA), part(400, 5000, 0xBBBC)},
		"another size":     {part(0, 4001, 0xAAAA), part(400, 5000, 0xBBBB)},
		"another place":    {part(0, 4000, 0xAAAA), part(800, 5000, 0xBBBB)},
		"one part":         {part(0, 4000, 0xAAAA)},
		"another file":     {part(0, 4000, 0xAAAA), {FilePart: FilePart{Path: "units/cd34/parts", Offset: 400, Length: 400}, Rows: 10, Size: 5000, CRC: 0xBBBB}},
		"another length":   {part(0, 4000, 0xAAAA), {FilePart: FilePart{Path: "units/ab12/parts", Offset: 400, Length: 401}, Rows: 10, Size: 5000, CRC: 0xBBBB}},
		"in memory":        {{data: []byte("rows"), Size: 4000, CRC: 0xAAAA}},
	} {
		if slotKey(b) == same {
			t.Errorf("%s: the same key", name)
		}
	}
	if slotKey([]DeflatedPart{{data: []byte("rows")}}) == slotKey([]DeflatedPart{{data: []byte("rowz")}}) {
		t.Error("rows in memory: bytes that differ gave the same key")
	}

	file := FileStamp{Dev: 1, Ino: 2, Size: 9000, MTime: 3, CTime: 4}
	known := []CountyLayout{{File: file, Entries: []layoutEntry{{Name: "xl/worksheets/sheet2.xml", Slots: []layoutSlot{
		{Key: same, Off: 100, Len: 1000}, {Key: "k2", Off: 1100, Len: 500}}}}}}
	for _, c := range []struct {
		name  string
		over  *FileStamp
		key   string
		off   int64
		there bool
	}{
		{"the same file, key and place", &file, same, 100, true},
		{"another checksum", &file, slotKey([]DeflatedPart{part(0, 4000, 0xAAAA), part(400, 5000, 0xBBBC)}), 100, false},
		{"another place", &file, same, 200, false},
		{"another file", &FileStamp{Dev: 1, Ino: 2, Size: 9000, MTime: 3, CTime: 5}, same, 100, false},
		{"a new file", nil, same, 100, false},
	} {
		p := newSlotPlan(known)
		p.over(c.over)
		n := p.length("xl/worksheets/sheet2.xml", 0, 900)
		if there := p.place("xl/worksheets/sheet2.xml", c.key, c.off, n); there != c.there {
			t.Errorf("%s: left as the file held it: %v, want %v", c.name, there, c.there)
		}
		if c.there && p.left != 1000 {
			t.Errorf("%s: %d bytes left, want 1000", c.name, p.left)
		}
	}
}
