package output

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/domain"
)

// maxNameRunes bounds a name inside a file name; with the suffix the
// file name stays well under the 255 bytes most file systems allow.
const maxNameRunes = 60

// countyWorkbookName is the county workbook's file name (domain.md §7, or
// as the configuration names it).
func countyWorkbookName(cfg *domain.Config, year int) string {
	return strings.NewReplacer("{county}", safeName(cfg.County), "{year}", strconv.Itoa(year)).Replace(cfg.Output.CountyWorkbook)
}

// unitWorkbookName is a unit workbook's file name (domain.md §7, or as the
// configuration names it); safe is the unit's name as uniqueNames made it.
func unitWorkbookName(cfg *domain.Config, safe string, year int) string {
	return strings.NewReplacer("{county}", safeName(cfg.County), "{unit}", safe, "{year}", strconv.Itoa(year)).Replace(cfg.Output.UnitWorkbook)
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
