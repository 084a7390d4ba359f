package samplecounty

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"gongkai/domain"
)

// textDates are the text forms of dates the messy county must show.
var textDates = map[string]*regexp.Regexp{
	"iso":      regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
	"slash":    regexp.MustCompile(`^\d{4}/\d{1,2}/\d{1,2}$`),
	"dot":      regexp.MustCompile(`^\d{4}\.\d{1,2}\.\d{1,2}$`),
	"cjk":      regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日$`),
	"hao":      regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}号$`),
	"compact":  regexp.MustCompile(`^20\d{6}$`),
	"chinese":  regexp.MustCompile(`^[〇一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$`),
	"serial":   regexp.MustCompile(`^4\d{4}$`),
	"withtime": regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`),
}

// variations collects the variations found in the messy county.
type variations map[string]bool

func TestMessyVariations(t *testing.T) {
	dir := messySample(t)
	cfg := domain.DefaultConfig()
	s := variations{}
	for _, rel := range workbooks(t, dir) {
		full := filepath.Join(dir, rel)
		switch {
		case plantedKind(strings.TrimPrefix(filepath.ToSlash(rel), InboxDir+"/")) != "":
		case strings.HasSuffix(rel, ".csv"):
			s["gbk csv"] = true
		case strings.HasSuffix(rel, ".xlsx"):
			scanWorkbook(t, cfg, full, s)
		}
	}
	for k := range textDates {
		if !s["date "+k] {
			t.Errorf("no text date of form %s", k)
		}
	}
	for _, k := range []string{
		"title row", "fill line", "two-row header", "vertical header", "synonym header", "wan header",
		"total row", "note row", "merged category", "date cell", "datetime cell", "no cover",
		"free sheet name", "count text", "zero-width title", "full-width title", "gbk csv",
	} {
		if !s[k] {
			t.Errorf("no %s in the messy county", k)
		}
	}
}

// scanWorkbook notes the variations of one workbook.
func scanWorkbook(t *testing.T, cfg *domain.Config, path string, s variations) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	cover := false
	for _, sheet := range f.GetSheetList() {
		if !slices.ContainsFunc(sheetNames, func(n struct {
			kind  domain.Kind
			names []string
		}) bool {
			return n.names[0] == sheet
		}) {
			s["free sheet name"] = true
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		merges, _ := f.GetMergeCells(sheet)
		for r, row := range rows {
			for c, text := range row {
				cover = cover || text == domain.CoverUnit
				scanCell(f, sheet, r+1, c+1, text, s)
			}
		}
		scanMerges(t, cfg, f, sheet, rows, merges, s)
		checkTotals(t, cfg, path, sheet, rows, s)
	}
	if !cover {
		s["no cover"] = true
	}
}

// scanCell notes what a single cell shows.
func scanCell(f *excelize.File, sheet string, row, col int, text string, s variations) {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	typ, _ := f.GetCellType(sheet, ref)
	isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
	switch {
	case strings.HasPrefix(text, "填报单位："):
		s["fill line"] = true
	case strings.HasPrefix(text, "填表说明：") || strings.HasPrefix(text, "注："):
		s["note row"] = true
	case strings.Contains(text, "万元）") || strings.Contains(text, "万元)"):
		s["wan header"] = true
	case strings.HasSuffix(text, "年政府信息主动公开台账") && row == 1:
		s["title row"] = true
	case strings.ContainsAny(text, "\u200b\ufeff"):
		s["zero-width title"] = true
	case strings.ContainsAny(text, "０１２３４５６７８９") && utf8.RuneCountInString(text) > 8:
		s["full-width title"] = true
	case isText && (strings.ContainsAny(text, "０１２３４５６７８９") || regexp.MustCompile(`^\d+[件个条]$|^[零一二三四五六七八九十百]+$`).MatchString(text)):
		s["count text"] = true
	}
	if isText {
		for k, re := range textDates {
			if re.MatchString(text) {
				s["date "+k] = true
			}
		}
		return
	}
	if v, err := strconv.ParseFloat(text, 64); err == nil && v > 40000 && v < 50000 {
		style, _ := f.GetCellStyle(sheet, ref)
		if st, err := f.GetStyle(style); err == nil && st.CustomNumFmt != nil {
			if strings.Contains(*st.CustomNumFmt, "hh:mm") {
				s["datetime cell"] = true
			} else {
				s["date cell"] = true
			}
		}
	}
}

// headerKeys maps the match key of every configured header text of kind
// to whether it is the field's canonical label.
func headerKeys(cfg *domain.Config, k domain.Kind) map[string]bool {
	keys := map[string]bool{}
	for _, fd := range domain.LedgerFields[k] {
		for i, syn := range cfg.HeaderSynonyms(k, fd) {
			key := domain.MatchKey(strings.Split(strings.Split(syn, "（")[0], "(")[0])
			keys[key] = keys[key] || i == 0
		}
	}
	return keys
}

// scanMerges notes two-row headers (a caption merged across, labels below;
// a label merged down over both rows) and categories merged down.
func scanMerges(t *testing.T, cfg *domain.Config, f *excelize.File, sheet string, rows [][]string, merges []excelize.MergeCell, s variations) {
	t.Helper()
	var captions, categories []string
	for _, g := range headerGroups {
		captions = append(captions, g.caption)
	}
	for _, c := range cfg.Categories {
		categories = append(categories, c.Label)
	}
	labels := map[string]bool{}
	for _, kind := range domain.LedgerKinds {
		keys := headerKeys(cfg, kind)
		for k := range keys {
			labels[k] = true
		}
		for _, row := range rows {
			for _, text := range row {
				key := domain.MatchKey(strings.Split(strings.Split(text, "（")[0], "(")[0])
				if canonical, ok := keys[key]; ok && !canonical && key != "" {
					s["synonym header"] = true
				}
			}
		}
	}
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		v := m.GetCellValue()
		switch {
		case r1 == r2 && c2 > c1 && slices.Contains(captions, v):
			if r1 < len(rows) && len(rows[r1]) >= c2 && rows[r1][c1-1] != "" && rows[r1][c2-1] != "" {
				s["two-row header"] = true
			} else {
				t.Errorf("%s: caption %q over %s:%s has no labels below", sheet, v, m.GetStartAxis(), m.GetEndAxis())
			}
		case c1 == c2 && r2 == r1+1 && labels[domain.MatchKey(v)]:
			s["vertical header"] = true
		case c1 == c2 && r2 > r1 && slices.Contains(categories, v):
			s["merged category"] = true
		}
	}
}

// checkTotals checks that each 合计 row of a disclosure sheet counts the
// records above it: the rows below the header with a title.
func checkTotals(t *testing.T, cfg *domain.Config, path, sheet string, rows [][]string, s variations) {
	t.Helper()
	titleKeys := map[string]bool{}
	for _, syn := range cfg.HeaderSynonyms(domain.KindDisclosure, domain.LedgerFields[domain.KindDisclosure][1]) {
		titleKeys[domain.MatchKey(syn)] = true
	}
	header, col := -1, -1
	for r, row := range rows {
		for c, text := range row {
			if header < 0 && titleKeys[domain.MatchKey(text)] {
				header, col = r, c
			}
		}
	}
	if header < 0 {
		return
	}
	records := 0
	for _, row := range rows[header+1:] {
		if len(row) == 0 {
			continue
		}
		if k := domain.MatchKey(row[0]); k == "合计" || k == "总计" {
			want := "共" + strconv.Itoa(records) + "条"
			if !slices.Contains(row, want) {
				t.Errorf("%s '%s': 合计 row %v, want %s", filepath.Base(path), sheet, row, want)
			}
			s["total row"] = true
			return
		}
		if col < len(row) && row[col] != "" && !titleKeys[domain.MatchKey(row[col])] {
			records++
		}
	}
}

// readGBKCSV decodes and parses a CSV file written in GBK.
func readGBKCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := simplifiedchinese.GBK.NewDecoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(text))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// normTitle is a title as the batch compares titles: NFKC, zero-width
// characters dropped, whitespace collapsed.
func normTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

func TestMessyCSVTitles(t *testing.T) {
	dir := messySample(t)
	cfg := domain.DefaultConfig()
	opt, _ := Options{Seed: 7}.withDefaults()
	c := build(cfg, opt)
	titleKeys := map[string]bool{}
	for _, syn := range cfg.HeaderSynonyms(domain.KindDisclosure, domain.LedgerFields[domain.KindDisclosure][1]) {
		titleKeys[domain.MatchKey(syn)] = true
	}
	n := 0
	for _, u := range c.units {
		for _, o := range u.offices {
			full := filepath.Join(dir, InboxDir, u.name, o.name, u.name+"-"+o.name+"-主动公开台账.csv")
			data, err := os.ReadFile(full)
			if err != nil {
				continue
			}
			n++
			if utf8.Valid(data) || hasBOM(data) {
				t.Errorf("%s: not GBK without BOM", full)
			}
			rows := readGBKCSV(t, full)
			col := slices.IndexFunc(rows[0], func(h string) bool { return titleKeys[domain.MatchKey(h)] })
			if col < 0 {
				t.Fatalf("%s: no title column in %v", full, rows[0])
			}
			var got, want []string
			for _, r := range rows[1:] {
				if !strings.HasSuffix(r[col], "（补录）") {
					got = append(got, normTitle(r[col]))
				}
			}
			for _, rec := range disclosureRecords(o) {
				want = append(want, normTitle(rec[domain.FieldTitle].(string)))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: titles differ from the model's\n got %q\nwant %q", full, got, want)
			}
			if hasDisclosureSheet(t, filepath.Join(dir, InboxDir, u.name, o.name)) {
				t.Errorf("%s%s: the workbook still has a disclosure sheet", u.name, o.name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no office wrote its disclosure ledger as CSV")
	}
}

// hasBOM reports a UTF-8 byte order mark.
func hasBOM(b []byte) bool { return len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF }

// hasDisclosureSheet reports whether an office workbook in dir has a sheet
// titled as a disclosure ledger.
func hasDisclosureSheet(t *testing.T, dir string) bool {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".xlsx") || plantedKind(e.Name()) != "" {
			continue
		}
		f, err := excelize.OpenFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for _, row := range rows {
				if slices.ContainsFunc(row, func(c string) bool { return strings.HasSuffix(c, "年政府信息主动公开台账") }) {
					f.Close()
					return true
				}
			}
		}
		f.Close()
	}
	return false
}
