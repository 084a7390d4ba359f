package output

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The outputs a run replaced (the year's folder the staging folder was
// exchanged with) are not removed at the end of the run, where the removal
// was the last thing it waited for — 9 ms of a 0.2 s re-run of the bench
// county, 70 ms at ten times its size — but set aside under a hidden name
// in the output folder and removed by the next run while it reads its
// inbox (RemoveReplaced).

// replacedMark is in the name of every set-aside folder.
const replacedMark = ".replaced-"

// replacedName matches the names setAsideReplaced gives, and no other: a
// folder of the output folder someone else named is never removed.
var replacedName = regexp.MustCompile(`^\.[0-9]+\.staging\.replaced-[0-9a-z]+$`)

// setAsideReplaced renames the folder stage of dir to a hidden name of
// replaced outputs, or removes it where it cannot be renamed.
func setAsideReplaced(dir, stage string) {
	to := filepath.Join(dir, filepath.Base(stage)+replacedMark+strconv.FormatInt(time.Now().UnixNano(), 36))
	if os.Rename(stage, to) != nil {
		os.RemoveAll(stage)
	}
}

// RemoveReplaced removes, on the side, the outputs that earlier runs
// replaced under dir; wait returns once they are gone. A run calls it once
// it holds the output folder, and waits before it ends.
//
// The last folder each year's run replaced is kept instead, as that year's
// reuse folder, for its files to be written over (see reuseDir).
func RemoveReplaced(dir string) (wait func()) {
	entries, _ := os.ReadDir(dir)
	var old []string
	last := map[string]string{} // year → the name of its last replaced folder
	for _, e := range entries {
		if e.IsDir() && replacedName.MatchString(e.Name()) {
			old = append(old, filepath.Join(dir, e.Name()))
			year, stamp := replacedYearStamp(e.Name())
			if _, lastStamp := replacedYearStamp(last[year]); last[year] == "" || stamp > lastStamp {
				last[year] = e.Name()
			}
		}
	}
	old = append(old, staleReuseDirs(dir, entries)...)
	for year, name := range last {
		if os.Rename(filepath.Join(dir, name), reuseDir(dir, year)) == nil {
			old = slices.DeleteFunc(old, func(p string) bool { return p == filepath.Join(dir, name) })
		}
	}
	if len(old) == 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, p := range old {
			os.RemoveAll(p)
		}
	}()
	return func() { <-done }
}

// replacedYearStamp splits a replaced folder's name into its year and the
// time it was set aside.
func replacedYearStamp(name string) (year string, stamp int64) {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return "", 0
	}
	year, rest, _ = strings.Cut(rest, ".")
	_, rest, _ = strings.Cut(rest, replacedMark)
	stamp, _ = strconv.ParseInt(rest, 36, 64)
	return year, stamp
}
