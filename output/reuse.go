package output

import (
	"os"
	"path/filepath"
	"regexp"
)

// A run writes its county's files (a county workbook of tens of megabytes,
// the Parquet files, run.json) anew each night, and the files they replace
// are removed. Writing into a new file makes the kernel allocate its pages
// and disk blocks, and removing the old one frees them again: here a 23 MB
// workbook written over the old one took 2 ms instead of 5, its sync 5 ms
// instead of 8, and there was no old one to remove (5 ms). So the files
// the last run replaced are written over instead, when nothing else holds
// them open: RemoveReplaced keeps the last folder of outputs each year's
// run replaced as that year's reuse folder (removed by the run after, as
// replaced folders are), and Finish has each of the county's files written
// over its namesake there (writeAtomicOver). A file someone still has open
// (an analyst's Excel over a share), or that has another name (a hard
// link), is never written over: it is removed and a new file written. Of
// the county workbook, the detail rows the file holds already where they
// go are not even written again (see CountyLayout).

// reuseDir is the folder of a year's outputs set aside to be written over.
func reuseDir(dir, year string) string { return filepath.Join(dir, "."+year+".reuse") }

// reuseName matches the names reuseDir gives.
var reuseName = regexp.MustCompile(`^\.([0-9]+)\.reuse$`)

// takeReused renames the file at over, if there is one, to tmp and
// returns it opened for writing, with what it was (nil when that cannot be
// told), or nil when over is "", there is none, or it may not be written
// over (it is then removed).
func takeReused(over, tmp string) (*os.File, *FileStamp) {
	if over == "" {
		return nil, nil
	}
	was := StampAt(over) // before the rename, which changes its inode's change time
	if os.Rename(over, tmp) != nil {
		return nil, nil
	}
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err == nil && unshared(f) {
		return f, was
	}
	if err == nil {
		f.Close()
	}
	os.Remove(tmp)
	return nil, nil
}
