//go:build !linux

package pipeline

// hugePagesAdvisable: only Linux's transparent huge pages are advised.
const hugePagesAdvisable = false

// adviseHugePages does nothing here.
func adviseHugePages([]byte) {}
