//go:build !linux

package pipeline

// thpMode: only Linux's transparent huge pages are advised.
func thpMode() string { return "" }

// adviseHugePages does nothing here.
func adviseHugePages([]byte) {}
