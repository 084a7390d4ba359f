package output

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// sharedStrings are the strings detail rows add to a workbook's table of
// shared strings, after the ones excelize wrote: text that repeats from
// row to row is stored once and each cell holds its index.
type sharedStrings struct {
	base  int            // strings already in the table
	index map[string]int // string → its index
	added []string       // in index order, from base on
	refs  int            // cells that refer to an added string
}

func newSharedStrings(base int) *sharedStrings {
	return &sharedStrings{base: base, index: map[string]int{}}
}

// id returns the index of s, adding it when new.
func (t *sharedStrings) id(s string) int {
	t.refs++
	if i, ok := t.index[s]; ok {
		return i
	}
	i := t.base + len(t.added)
	t.index[s] = i
	t.added = append(t.added, s)
	return i
}

// sstCountsRE finds the counts on the opening tag of a shared-string part.
var sstCountsRE = regexp.MustCompile(`<sst\b[^>]*>`)

// sstCount reads an attribute of the opening tag.
var sstCountAttrRE = regexp.MustCompile(`\b(count|uniqueCount)="(\d+)"`)

// countSharedStrings is the number of strings in a shared-string part.
func countSharedStrings(part []byte) int {
	return bytes.Count(part, []byte("<si>")) + bytes.Count(part, []byte("<si "))
}

// extend returns the shared-string part with t's strings appended and its
// counts updated.
func (t *sharedStrings) extend(part []byte) ([]byte, error) {
	head, tail, ok := bytes.Cut(part, []byte("</sst>"))
	if !ok {
		return nil, fmt.Errorf("shared strings: no </sst>")
	}
	open := sstCountsRE.Find(head)
	if open == nil {
		return nil, fmt.Errorf("shared strings: no <sst>")
	}
	fixed := sstCountAttrRE.ReplaceAllFunc(open, func(attr []byte) []byte {
		m := sstCountAttrRE.FindSubmatch(attr)
		n, _ := strconv.Atoi(string(m[2]))
		if string(m[1]) == "count" {
			n += t.refs
		} else {
			n = t.base + len(t.added)
		}
		return fmt.Appendf(nil, `%s="%d"`, m[1], n)
	})
	var b bytes.Buffer
	b.Grow(len(part) + 64*len(t.added))
	b.Write(head[:bytes.Index(head, open)])
	b.Write(fixed)
	b.Write(head[bytes.Index(head, open)+len(open):])
	var si []byte
	for _, s := range t.added {
		si = si[:0]
		si = append(si, "<si><t"...)
		if edgeSpace(s[0]) || edgeSpace(s[len(s)-1]) {
			si = append(si, ` xml:space="preserve"`...)
		}
		si = append(si, '>')
		si = appendEscaped(si, s)
		si = append(si, "</t></si>"...)
		b.Write(si)
	}
	b.WriteString("</sst>")
	b.Write(tail)
	return b.Bytes(), nil
}
