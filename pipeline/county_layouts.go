package pipeline

import "gongkai/output"

// layoutsList, beside a year's units, keeps the layouts of the county
// workbooks the last runs wrote (output.CountyLayout): the one a run
// writes over was written two runs before.
func (c *unitCache) layoutsList() string { return c.dir + ".layouts" }

// keptLayouts is how many layouts are kept, the newest first: a run writes
// over the file written two runs before.
const keptLayouts = 2

// readLayouts reads the kept layouts into knownLayouts (none when there
// are none or they cannot be read).
func (c *unitCache) readLayouts() {
	var ls []output.CountyLayout
	if readCheckedGob(c.layoutsList(), &ls) {
		c.knownLayouts = ls
	}
}

// keepLayout keeps the layout of the county workbook a run wrote before
// those known when the cache opened; a failure only costs the next runs a
// whole workbook.
func (c *unitCache) keepLayout(l *output.CountyLayout) error {
	if l == nil {
		return nil
	}
	ls := append([]output.CountyLayout{*l}, c.knownLayouts...)
	return writeCheckedGob(c.layoutsList(), ls[:min(len(ls), keptLayouts)])
}
