package ingest

import (
	"fmt"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// headerSearchRows is how far down a sheet the header row is looked for.
const headerSearchRows = 30

// fileReader holds the state of reading one file.
type fileReader struct {
	r        *Reader
	sub      *Submission
	dateSys  DateSystem
	builders map[domain.Kind]*ledgerBuilder
	order    []domain.Kind
	cover    coverValues
	titles   []string    // texts above the headers, for the year and the unit
	years    map[int]int // years of the dates read, for the year when nothing else says
	keys     headerMemo  // header keys of the texts tried as headers
}

func newFileReader(r *Reader, sub *Submission, sys DateSystem) *fileReader {
	return &fileReader{r: r, sub: sub, dateSys: sys, builders: map[domain.Kind]*ledgerBuilder{}, years: map[int]int{}, keys: headerMemo{}}
}

// finding records a problem at a position of this file.
func (fr *fileReader) finding(rule string, sev domain.Severity, sheet string, row, col int, msg string) {
	fr.sub.Findings = append(fr.sub.Findings, domain.Finding{
		Rule: rule, Severity: sev, Message: msg,
		Pos: domain.Pos{File: fr.sub.Path, Sheet: sheet, Row: row, Col: col},
	})
}

// readSheet recognises a sheet's kind from its first rows and reads it.
func (fr *fileReader) readSheet(sh sheetSource) {
	src, err := sh.open()
	if err != nil {
		fr.finding(domain.RuleSheetUnknown, domain.SevError, sh.name, 0, 0, fmt.Sprintf("工作表无法读取：%s", shortErr(err)))
		fr.sub.Sheets = append(fr.sub.Sheets, SheetInfo{Name: sh.name})
		return
	}
	info := SheetInfo{Name: sh.name}
	limited := &limitedRows{rowSource: src, lim: fr.r.lim}
	src = limited
	defer limited.report(fr, sh.name)
	defer func() {
		if err := src.Close(); err != nil {
			fr.finding(domain.RuleCellUnreadable, domain.SevError, sh.name, 0, 0,
				fmt.Sprintf("工作表读到第 %d 行时出错，其后的内容未读取：%s", info.Records+info.HeaderRow, shortErr(err)))
		}
		fr.sub.Sheets = append(fr.sub.Sheets, info)
	}()
	var head [][]string
	for row := 1; row <= headerSearchRows && src.Next(); row++ {
		cells, err := src.Cells()
		if err != nil {
			fr.finding(domain.RuleCellUnreadable, domain.SevError, sh.name, row, 0, fmt.Sprintf("第 %d 行无法读取：%s", row, shortErr(err)))
			return
		}
		cells = normalizeCells(cells)
		head = append(head, cells)
		layout, ok := fr.r.headers.matchHeader(cells, fr.keys)
		if len(head) >= 2 {
			// A two-row header: labels merged down from the row above count too.
			if two, ok2 := fr.r.headers.matchHeader(combineHeaderRows(head[len(head)-2], cells), fr.keys); ok2 && (!ok || two.width > layout.width) {
				layout, ok = two, true
			}
		}
		if ok {
			src, row = fr.headerContinues(&layout, cells, src, row)
			layout.headerRow = row
			info.Kind, info.HeaderRow = layout.kind, row
			info.Cols = layout.fieldColumns()
			for _, t := range head[:len(head)-1] {
				fr.titles = append(fr.titles, t...)
			}
			info.Records = fr.readLedger(sh.name, layout, src, mergedDown(sh, layout.headerRow))
			return
		}
	}
	switch {
	case isCover(head):
		info.Kind = domain.KindCover
		fr.readCover(sh.name, head, src)
	case isSummary(head):
		info.Kind = domain.KindSummary
		fr.readSummary(sh.name, head, src)
	default:
		if !allBlank(head) {
			fr.finding(domain.RuleSheetUnknown, domain.SevInfo, sh.name, 0, 0,
				"工作表不是可识别的台账、基本信息或年报统计表（未找到表头），已跳过。如是台账，请检查表头名称是否与模板一致。")
		}
	}
}

// normalizeCells normalises every cell and drops trailing blanks.
func normalizeCells(cells []string) []string {
	for i, c := range cells {
		cells[i] = NormalizeText(c)
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

func allBlank(rows [][]string) bool {
	for _, r := range rows {
		if len(r) > 0 {
			return false
		}
	}
	return true
}

// builder returns the file's builder of kind k, creating it on first use.
func (fr *fileReader) builder(k domain.Kind) *ledgerBuilder {
	lb := fr.builders[k]
	if lb == nil {
		lb = newLedgerBuilder(fr.r.mem, k)
		fr.builders[k] = lb
		fr.order = append(fr.order, k)
	}
	return lb
}

// finish resolves the file's identity and seals its records.
func (fr *fileReader) finish() {
	if fr.sub.Rejected == "" && !fr.recognisedAny() {
		fr.dropRule(domain.RuleSheetUnknown) // the file's rejection says it once
		fr.r.reject(fr.sub, "文件中没有可识别的台账、基本信息或年报统计表（未找到表头），未计入统计。请使用县政务公开办下发的模板，或检查表头名称。")
	}
	fr.resolveIdentity()
	if fr.sub.Rejected != "" {
		fr.release()
	} else {
		fr.sub.Records = map[domain.Kind]arrow.RecordBatch{}
		fr.sub.Rows = map[domain.Kind]int{}
		for _, k := range fr.order {
			rec := fr.builders[k].finish(fr.sub.Path, fr.sub.Unit, fr.sub.Office)
			fr.sub.Records[k], fr.sub.Rows[k] = rec, int(rec.NumRows())
		}
	}
	fr.sub.HasSummary = fr.sub.Summary != nil
	for i := range fr.sub.Findings {
		f := &fr.sub.Findings[i]
		f.Unit, f.Office = fr.sub.Unit, fr.sub.Office
	}
	fr.detach()
}

// detach copies what the submission keeps of its cells' texts out of the
// memory they were read into (a shared-strings table's arena: see
// stringArena), which it would otherwise keep whole for the run.
func (fr *fileReader) detach() {
	s := fr.sub
	s.Unit, s.Office, s.Revision = strings.Clone(s.Unit), strings.Clone(s.Office), strings.Clone(s.Revision)
	for i := range s.Subtotals {
		st := &s.Subtotals[i]
		st.Label = strings.Clone(st.Label)
		for j := range st.Figures {
			st.Figures[j].Text = strings.Clone(st.Figures[j].Text)
		}
	}
	for i := range s.Findings {
		s.Findings[i] = s.Findings[i].Detached()
	}
}

// dropRule removes the findings of a rule.
func (fr *fileReader) dropRule(rule string) {
	kept := fr.sub.Findings[:0]
	for _, f := range fr.sub.Findings {
		if f.Rule != rule {
			kept = append(kept, f)
		}
	}
	fr.sub.Findings = kept
}

// recognisedAny reports whether any sheet was read as a known kind.
func (fr *fileReader) recognisedAny() bool {
	for _, sh := range fr.sub.Sheets {
		if sh.Kind != "" {
			return true
		}
	}
	return false
}

func (fr *fileReader) release() {
	for _, lb := range fr.builders {
		lb.release()
	}
	fr.builders = map[domain.Kind]*ledgerBuilder{}
	fr.order = nil
}
