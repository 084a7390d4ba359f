package ingest

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gongkai/domain"
)

var yearText = regexp.MustCompile(`(19|20)\d{2}`)

// claim is what one source (cover, folder path, file name) says of the sender.
type claim struct {
	source       string // in Chinese, for findings
	unit, office string
	pos          domain.Pos
}

// resolveIdentity decides unit, office and year (domain.md §3): the cover
// first, then the folder path, then the file name. Sources that disagree
// are a finding; a file whose unit cannot be resolved is rejected.
func (fr *fileReader) resolveIdentity() {
	sub := fr.sub
	claims := []claim{fr.coverClaim(), fr.pathClaim(), fr.fileNameClaim()}
	unitSource := ""
	for _, c := range claims {
		if sub.Unit == "" && c.unit != "" {
			sub.Unit, unitSource = c.unit, c.source
		}
		if sub.Office == "" && c.office != "" {
			sub.Office = c.office
		}
	}
	for _, c := range claims {
		if c.unit != "" && c.unit != sub.Unit {
			fr.finding(domain.RuleIdentity, domain.SevWarning, c.pos.Sheet, c.pos.Row, c.pos.Col,
				fmt.Sprintf("%s表明的单位是“%s”，与%s的“%s”不一致；已按“%s”统计。请核对。", c.source, c.unit, unitSource, sub.Unit, sub.Unit))
		}
		if c.office != "" && sub.Office != "" && c.office != sub.Office {
			fr.finding(domain.RuleIdentity, domain.SevWarning, c.pos.Sheet, c.pos.Row, c.pos.Col,
				fmt.Sprintf("%s表明的科室是“%s”，与已确定的“%s”不一致；已按“%s”统计。请核对。", c.source, c.office, sub.Office, sub.Office))
		}
	}
	if sub.Unit == "" && sub.Rejected == "" {
		fr.r.reject(sub, "无法确定报送单位，文件未计入统计。请在“基本信息”表填写“所属乡镇/街道”（如 白沙镇），或把文件放入以乡镇名称命名的文件夹（如 白沙镇/党政办/），或在文件名中写明单位（如 白沙镇-党政办-2025年台账.xlsx）。")
	}
	fr.resolveYear()
	if v := fr.cover.value[domain.CoverDate]; v != "" {
		if t, err := ParseDate(v, fr.dateSys); err == nil {
			sub.FillDate = t
		} else {
			p := fr.cover.pos[domain.CoverDate]
			fr.finding(domain.RuleCellUnreadable, domain.SevWarning, p.Sheet, p.Row, p.Col, fmt.Sprintf("“填报日期”无法识别为日期：%q。", v))
		}
	}
	sub.Revision = fr.cover.value[domain.CoverRevision]
}

// coverClaim reads unit and office from the cover: 所属乡镇/街道 names the
// unit; 单位名称 names the unit, the office, or both (白沙镇党政办).
func (fr *fileReader) coverClaim() claim {
	c := claim{source: "“基本信息”表"}
	town, name := fr.cover.value[domain.CoverTown], fr.cover.value[domain.CoverUnit]
	c.pos = fr.cover.pos[domain.CoverUnit]
	if u, ok := fr.r.cfg.ResolveUnit(town); ok {
		c.unit = u
		c.pos = fr.cover.pos[domain.CoverTown]
	}
	if name == "" {
		return c
	}
	u, rest := fr.splitUnitPrefix(name)
	if c.unit == "" {
		c.unit = u
	}
	if rest != "" {
		c.office, _ = fr.r.cfg.ResolveOffice(rest)
	} else if u == "" {
		c.office, _ = fr.r.cfg.ResolveOffice(name)
	}
	return c
}

// pathClaim reads unit and office from the folders: inbox/<unit>/<office>/….
func (fr *fileReader) pathClaim() claim {
	c := claim{source: "文件夹路径", pos: domain.Pos{File: fr.sub.Path}}
	dirs := strings.Split(path.Dir(fr.sub.Path), "/")
	for i, d := range dirs {
		if u, ok := fr.r.cfg.ResolveUnit(d); ok && c.unit == "" {
			c.unit = u
			if i+1 < len(dirs) {
				c.office, _ = fr.r.cfg.ResolveOffice(dirs[i+1])
			}
		}
	}
	return c
}

// fileNameClaim reads unit and office from a name such as
// 白沙镇-党政办-2025年台账.xlsx.
func (fr *fileReader) fileNameClaim() claim {
	c := claim{source: "文件名", pos: domain.Pos{File: fr.sub.Path}}
	base := NormalizeText(strings.TrimSuffix(path.Base(fr.sub.Path), path.Ext(fr.sub.Path)))
	tokens := strings.FieldsFunc(base, func(r rune) bool { return strings.ContainsRune("-_ 、—", r) })
	for _, t := range tokens {
		if u, rest := fr.splitUnitPrefix(t); u != "" && c.unit == "" {
			c.unit = u
			if o, ok := fr.r.cfg.ResolveOffice(rest); ok {
				c.office = o
			}
			continue
		}
		if o, ok := fr.r.cfg.ResolveOffice(t); ok && c.office == "" {
			c.office = o
		}
	}
	return c
}

// splitUnitPrefix finds a roster unit (or alias) at the start of s and
// returns it with the rest of s.
func (fr *fileReader) splitUnitPrefix(s string) (unit, rest string) {
	type name struct{ text, unit string }
	var names []name
	for _, u := range fr.r.cfg.Units {
		names = append(names, name{u.Name, u.Name})
		for _, a := range u.Aliases {
			names = append(names, name{a, u.Name})
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i].text) > len(names[j].text) })
	for _, n := range names {
		if strings.HasPrefix(s, n.text) {
			return n.unit, strings.TrimSpace(strings.TrimPrefix(s, n.text))
		}
	}
	return "", ""
}

// resolveYear takes the cover's 报送年度, else a year in a title row, else
// the most common year of the dates read.
func (fr *fileReader) resolveYear() {
	if y := yearText.FindString(fr.cover.value[domain.CoverYear]); y != "" {
		fr.sub.Year, _ = strconv.Atoi(y)
		return
	}
	for _, t := range fr.titles {
		if strings.Contains(t, "年") {
			if y := yearText.FindString(t); y != "" {
				fr.sub.Year, _ = strconv.Atoi(y)
				return
			}
		}
	}
	best := 0
	for y, n := range fr.years {
		if n > fr.years[best] || (n == fr.years[best] && y > best) {
			best = y
		}
	}
	fr.sub.Year = best
}
