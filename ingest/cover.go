package ingest

import (
	"gongkai/domain"
)

// coverSynonyms are other texts offices use for the cover's keys.
var coverSynonyms = map[string][]string{
	domain.CoverUnit:     {"填报单位", "报送单位", "单位"},
	domain.CoverTown:     {"所属乡镇", "所属街道", "乡镇街道", "所属乡镇街道"},
	domain.CoverYear:     {"年度", "报告年度", "统计年度"},
	domain.CoverFiller:   {"填表人", "经办人"},
	domain.CoverPhone:    {"电话"},
	domain.CoverDate:     {"报送日期", "填表日期"},
	domain.CoverRevision: {"版本", "修订说明", "版本说明"},
}

// coverKeys maps a MatchKey to the canonical cover key.
var coverKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range domain.CoverKeys {
		m[domain.MatchKey(k)] = k
		for _, s := range coverSynonyms[k] {
			m[domain.MatchKey(s)] = k
		}
	}
	return m
}()

// coverValues are the cover's values with the cells they came from.
type coverValues struct {
	sheet string
	value map[string]string
	pos   map[string]domain.Pos
}

// isCover reports whether rows hold at least two cover keys, one of them 单位名称.
func isCover(rows [][]string) bool {
	found := map[string]bool{}
	for _, cells := range rows {
		for _, c := range cells {
			if k, ok := coverKeys[domain.MatchKey(c)]; ok {
				found[k] = true
			}
		}
	}
	return len(found) >= 2 && (found[domain.CoverUnit] || found[domain.CoverTown])
}

// readCover reads key/value pairs: each key cell with the first non-blank
// cell to its right.
func (fr *fileReader) readCover(sheet string, head [][]string, src rowSource) {
	fr.cover = coverValues{sheet: sheet, value: map[string]string{}, pos: map[string]domain.Pos{}}
	take := func(row int, cells []string) {
		for c := 0; c < len(cells); c++ {
			k, ok := coverKeys[domain.MatchKey(cells[c])]
			if !ok || fr.cover.value[k] != "" {
				continue
			}
			for v := c + 1; v < len(cells); v++ {
				if cells[v] != "" {
					fr.cover.value[k] = cells[v]
					fr.cover.pos[k] = domain.Pos{File: fr.sub.Path, Sheet: sheet, Row: row, Col: v + 1}
					c = v
					break
				}
			}
		}
	}
	for i, cells := range head {
		take(i+1, cells)
	}
	for row := len(head) + 1; row <= 100 && src.Next(); row++ {
		cells, err := src.Cells()
		if err != nil {
			break
		}
		take(row, normalizeCells(cells))
	}
}
