package transform

import (
	"path"
	"regexp"
	"sort"
	"strconv"
	"time"

	"gongkai/domain"
)

// Candidate is a readable submission of the report year, as the choice of
// versions sees it.
type Candidate struct {
	Path         string
	Unit, Office string
	Kinds        []domain.Kind // the ledger kinds and the summary it holds
	FillDate     time.Time     // cover 填报日期; zero when absent
	ModTime      time.Time
}

// Replaced says that a file's ledger of one kind lost to a newer version.
type Replaced struct {
	Path string
	Kind domain.Kind
	By   string
}

// ChooseVersions keeps, for each (unit, office, kind), the newest file
// (domain.md §4): the later cover 填报日期, then the higher version mark in
// the file name (v2, 修订, 更正, 第二版), then the later modification time.
// It returns the kinds each file keeps and what was replaced.
func ChooseVersions(cands []Candidate) (keep map[string]map[domain.Kind]bool, replaced []Replaced) {
	type slot struct {
		unit, office string
		kind         domain.Kind
	}
	groups := map[slot][]int{}
	var order []slot
	for i, c := range cands {
		for _, k := range c.Kinds {
			s := slot{c.Unit, c.Office, k}
			if _, ok := groups[s]; !ok {
				order = append(order, s)
			}
			groups[s] = append(groups[s], i)
		}
	}
	keep = map[string]map[domain.Kind]bool{}
	for _, s := range order {
		idx := groups[s]
		sort.SliceStable(idx, func(a, b int) bool { return newer(cands[idx[a]], cands[idx[b]]) })
		win := cands[idx[0]].Path
		if keep[win] == nil {
			keep[win] = map[domain.Kind]bool{}
		}
		keep[win][s.kind] = true
		for _, j := range idx[1:] {
			replaced = append(replaced, Replaced{Path: cands[j].Path, Kind: s.kind, By: win})
		}
	}
	return keep, replaced
}

// newer reports whether a is a newer version than b.
func newer(a, b Candidate) bool {
	if !a.FillDate.Equal(b.FillDate) {
		return a.FillDate.After(b.FillDate)
	}
	if va, vb := versionMark(a.Path), versionMark(b.Path); va != vb {
		return va > vb
	}
	if !a.ModTime.Equal(b.ModTime) {
		return a.ModTime.After(b.ModTime)
	}
	return a.Path > b.Path
}

var (
	versionNumber = regexp.MustCompile(`(?i)(?:v|版本|ver\.?)\s*(\d{1,3})|第\s*([0-9一二三四五六七八九十]{1,3})\s*版`)
	revisionWord  = regexp.MustCompile(`修订|更正|修改|最终|终版|新版|更新`)
)

// versionMark reads a version from a file name: v2 or 第二版 → 2, a word
// such as 修订 or 更正 → 1, nothing → 0.
func versionMark(p string) int {
	name := path.Base(p)
	if m := versionNumber.FindStringSubmatch(name); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return n
		}
		if n, ok := domain.ChineseNumeral(m[2]); ok {
			return int(n)
		}
		if n, err := strconv.Atoi(m[2]); err == nil {
			return n
		}
	}
	if revisionWord.MatchString(name) {
		return 1
	}
	return 0
}
