package ingest

import (
	"fmt"
	"strings"

	"gongkai/domain"
)

// maxSummaryRows bounds how much of a summary sheet is read.
const maxSummaryRows = 400

// amountWanMetric is the one 表二 figure in 万元.
const amountWanMetric = "t2.fees.amount_wan"

// summaryMarks are label keys that only a self-reported summary sheet has.
var summaryMarks = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{domain.T2Title, domain.T3Title, domain.T4Title, domain.T3Rows[0].Label, domain.T2Blocks[0].Caption, domain.T3BalanceNote} {
		m[domain.MatchKey(s)] = true
	}
	return m
}()

// isSummary reports whether rows hold a label of the official tables.
func isSummary(rows [][]string) bool {
	for _, cells := range rows {
		for _, c := range cells {
			if summaryMarks[domain.MatchKey(c)] {
				return true
			}
		}
	}
	return false
}

// readSummary reads the whole sheet into a grid and finds the official
// tables in it.
func (fr *fileReader) readSummary(sheet string, head [][]string, src rowSource) {
	grid := head
	for len(grid) < maxSummaryRows && src.Next() {
		cells, err := src.Cells()
		if err != nil {
			break
		}
		grid = append(grid, normalizeCells(cells))
	}
	if fr.sub.Summary == nil {
		fr.sub.Summary = &domain.SelfReport{Values: domain.Metrics{}, Cells: map[string]domain.Pos{}}
	}
	sr := summaryReader{fr: fr, sheet: sheet, grid: grid, out: fr.sub.Summary}
	sr.readT2()
	sr.readT3()
	sr.readT4()
}

// summaryReader finds the official tables in a grid of normalised cells.
type summaryReader struct {
	fr    *fileReader
	sheet string
	grid  [][]string // grid[row-1][col-1]
	out   *domain.SelfReport
}

// take reads the number at (row, col), both 0-based, for a metric.
func (s *summaryReader) take(metric string, row, col int) {
	if _, done := s.out.Cells[metric]; done {
		return
	}
	pos := domain.Pos{File: s.fr.sub.Path, Sheet: s.sheet, Row: row + 1, Col: col + 1}
	s.out.Cells[metric] = pos
	text := cellAt(s.grid[row], col)
	if IsMissing(text) {
		s.out.Missing = append(s.out.Missing, metric)
		return
	}
	v, wan, err := ParseNumber(text)
	if err != nil {
		s.fr.finding(domain.RuleCellUnreadable, domain.SevError, s.sheet, row+1, col+1,
			fmt.Sprintf("统计表数值无法识别：%q。请填写数字，无数据填 0。", text))
		s.out.Missing = append(s.out.Missing, metric)
		return
	}
	switch {
	case metric == amountWanMetric && !wan && strings.HasSuffix(text, "元"):
		v /= 10000 // 本年收费金额 is in 万元; the cell says 元
	case wan && metric != amountWanMetric:
		v *= 10000
	}
	s.out.Values[metric] = v
}

// findRow returns the first row at or after from whose cells in the first
// maxCol columns include one with the given key; -1 when none.
func (s *summaryReader) findRow(from int, key string, maxCol int) (row, col int) {
	for r := from; r < len(s.grid); r++ {
		for c, text := range s.grid[r] {
			if c >= maxCol {
				break
			}
			if text != "" && domain.MatchKey(text) == key {
				return r, c
			}
		}
	}
	return -1, -1
}

// readT2 reads 表二: each row label with its values in the next columns.
func (s *summaryReader) readT2() {
	for _, r := range domain.T2Rows {
		row, col := s.findRow(0, domain.MatchKey(r.Label), 3)
		if row < 0 {
			continue
		}
		for i, m := range r.Metrics {
			s.take(m, row, col+1+i)
		}
	}
}

// readT3 reads 表三: the applicant columns from its header, then each row
// by its label, leaf rows under the group label above them.
func (s *summaryReader) readT3() {
	hdr, natCol := s.findRow(0, domain.MatchKey(domain.T3Columns[0].Label), 20)
	if hdr < 0 {
		return
	}
	cols := map[string]int{domain.T3Columns[0].ID: natCol}
	for _, c := range domain.T3Columns[1:] {
		for r := hdr; r < hdr+3 && r < len(s.grid); r++ {
			for ci := natCol + 1; ci < len(s.grid[r]); ci++ {
				if _, done := cols[c.ID]; !done && domain.MatchKey(s.grid[r][ci]) == domain.MatchKey(c.Label) {
					cols[c.ID] = ci
				}
			}
		}
	}
	ungrouped, grouped, groups := t3LabelIndex()
	group := ""
	for r := hdr + 1; r < len(s.grid); r++ {
		id, groupOnly := "", false
		for c := 0; c < natCol && c < len(s.grid[r]); c++ {
			key := domain.MatchKey(s.grid[r][c])
			if key == "" {
				continue
			}
			if groups[key] {
				group, groupOnly = key, true
				continue
			}
			var ok bool
			if id, ok = grouped[group+"|"+key]; !ok {
				if id, ok = ungrouped[key]; ok {
					group = ""
				}
			}
			if ok {
				break
			}
			id = ""
		}
		if id == "" && groupOnly && s.hasValues(r, cols) {
			id = t3GroupAlone[group] // a 2019-format （六） row with numbers of its own
		}
		if id == "" {
			continue
		}
		for _, col := range domain.T3Columns {
			if ci, found := cols[col.ID]; found {
				s.take(domain.T3Metric(id, col.ID), r, ci)
			}
		}
		if id == domain.T3RowCarriedOut {
			return
		}
	}
}

// t3GroupAlone maps the key of a group label that the 2019 trial format
// (国办公开办函〔2019〕60号) printed as one row with numbers of its own to the
// row those numbers are read into: （六）其他处理 had no sub-rows then, and
// its figure is what the 2021 format counts under 3.其他.
var t3GroupAlone = map[string]string{domain.MatchKey(domain.T3GroupOther): "other.other"}

// hasValues reports whether row r has a non-blank cell in a 表三 column.
func (s *summaryReader) hasValues(r int, cols map[string]int) bool {
	for _, ci := range cols {
		if cellAt(s.grid[r], ci) != "" {
			return true
		}
	}
	return false
}

// t3LabelIndex indexes the 表三 row labels by key: rows without a group,
// leaf rows by "group|leaf", and the group keys.
func t3LabelIndex() (ungrouped, grouped map[string]string, groups map[string]bool) {
	ungrouped, grouped, groups = map[string]string{}, map[string]string{}, map[string]bool{}
	for _, r := range domain.T3Rows {
		if r.Group == "" {
			ungrouped[domain.MatchKey(r.Label)] = r.ID
			continue
		}
		g := domain.MatchKey(r.Group)
		groups[g] = true
		grouped[g+"|"+domain.MatchKey(r.Label)] = r.ID
	}
	return
}

// readT4 reads 表四: the row that names 结果维持 once per block, and the
// values in the next non-blank row.
func (s *summaryReader) readT4() {
	first := domain.MatchKey(domain.T4Results[0].Label)
	for r := 0; r < len(s.grid); r++ {
		var starts []int
		for c, text := range s.grid[r] {
			if domain.MatchKey(text) == first {
				starts = append(starts, c)
			}
		}
		if len(starts) < len(domain.T4Blocks) {
			continue
		}
		vr := r + 1
		for vr < len(s.grid) && len(s.grid[vr]) == 0 {
			vr++
		}
		if vr >= len(s.grid) {
			return
		}
		for b, block := range domain.T4Blocks {
			for i, res := range domain.T4Results {
				c := starts[b] + i
				if domain.MatchKey(cellAt(s.grid[r], c)) != domain.MatchKey(res.Label) {
					continue
				}
				s.take(domain.T4Metric(block.ID, res.ID), vr, c)
			}
		}
		return
	}
}
