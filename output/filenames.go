package output

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameRunes bounds a name inside a file name; with the suffix the
// file name stays well under the 255 bytes most file systems allow.
const maxNameRunes = 60

// countyWorkbookName is the county workbook's file name (domain.md §7).
func countyWorkbookName(county string, year int) string {
	return fmt.Sprintf("%s_%d年政府信息公开统计汇总.xlsx", safeName(county), year)
}

// unitWorkbookName is a unit workbook's file name (domain.md §7); safe is
// the unit's name as uniqueNames made it.
func unitWorkbookName(safe string, year int) string {
	return fmt.Sprintf("%s_%d年政府信息公开工作年度报告.xlsx", safe, year)
}

// safeName makes a name safe to use inside a file name: it can never name
// another folder (no separators, no ".."), holds no control or invisible
// format characters, nor the characters Windows forbids (the folder is
// often shared with Windows desktops), and is never empty.
func safeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// dropped
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if r := []rune(s); len(r) > maxNameRunes {
		s = string(r[:maxNameRunes])
	}
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	// Windows drops trailing dots and spaces; a leading dot hides the file.
	s = strings.Trim(s, ". ")
	if s == "" {
		return "_"
	}
	return s
}

// uniqueNames gives each name a safe, distinct file-name form, in order:
// names that become equal once made safe get (2), (3)… appended.
func uniqueNames(names []string) []string {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		s := safeName(n)
		base := s
		for k := 2; seen[strings.ToLower(s)]; k++ {
			s = fmt.Sprintf("%s(%d)", base, k)
		}
		seen[strings.ToLower(s)] = true
		out[i] = s
	}
	return out
}
