package samplecounty

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// UnattributablePath is the workbook a messy county holds from a sender the
// roster does not know, relative to the inbox.
const UnattributablePath = "未知单位/某某办/台账.xlsx"

// writeNoise adds the files a shared folder collects beside the real
// submissions, in the folders of offices chosen at random: an Office lock
// file, a .DS_Store, an empty and a text file named .xlsx, a truncated copy
// of a workbook, a legacy .xls, and a workbook from an unknown sender.
// None of them changes the truth; each is an expected finding.
func (m *messy) writeNoise(plans []*officePlan) error {
	pick := func() *officePlan { return plans[m.r.IntN(len(plans))] }
	type noise struct {
		rel, rule string
		data      func() ([]byte, error)
	}
	lock, store, empty, note, cut, xls := pick(), pick(), pick(), pick(), pick(), pick()
	files := []noise{
		{path.Dir(lock.workbook) + "/~$" + path.Base(lock.workbook), domain.RuleFileIgnored, fixedBytes(lockFile("Administrator"))},
		{store.o.unit.name + "/.DS_Store", domain.RuleFileIgnored, fixedBytes(dsStore())},
		{path.Dir(empty.workbook) + "/空白.xlsx", domain.RuleFileRejected, fixedBytes(nil)},
		{note.o.unit.name + "/说明.xlsx", domain.RuleFileRejected, fixedBytes([]byte(fmt.Sprintf(
			"本文件夹存放%s各科室%d年政府信息公开台账。\r\n请勿删除或移动文件，如有疑问请联系党政办。\r\n", note.o.unit.name, m.c.year)))},
		{strings.TrimSuffix(cut.workbook, ".xlsx") + "-损坏.xlsx", domain.RuleFileRejected, func() ([]byte, error) {
			data, err := os.ReadFile(m.abs(cut.workbook))
			return data[:len(data)*4/10], err
		}},
		{fmt.Sprintf("%s/%s-%s-%d年台账.xls", path.Dir(xls.workbook), xls.o.unit.name, xls.o.name, m.c.year), domain.RuleFileRejected, fixedBytes(legacyXLS())},
		{UnattributablePath, domain.RuleFileRejected, m.unattributable},
	}
	for _, n := range files {
		data, err := n.data()
		if err != nil {
			return err
		}
		full := m.abs(n.rel)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
		m.plant(n.rule, n.rel, "", "")
	}
	return nil
}

func fixedBytes(b []byte) func() ([]byte, error) { return func() ([]byte, error) { return b, nil } }

// lockFile is what Excel leaves beside an open workbook: the user's name,
// padded, in ASCII and in UTF-16.
func lockFile(user string) []byte {
	b := make([]byte, 165)
	b[0] = byte(len(user))
	copy(b[1:], user)
	for i := 1 + len(user); i < 55; i++ {
		b[i] = ' '
	}
	b[55] = byte(len(user))
	for i, c := range user {
		b[57+2*i] = byte(c)
	}
	return b
}

// dsStore is an empty Finder .DS_Store file.
func dsStore() []byte {
	b := make([]byte, 6148)
	copy(b, []byte{0, 0, 0, 1, 'B', 'u', 'd', '1'})
	return b
}

// unattributable is a clean workbook from "某某办", an office of no roster
// unit, in a folder and under a file name that name none either.
func (m *messy) unattributable() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetCover); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(SheetDisclosure); err != nil {
		return nil, err
	}
	y := m.c.year
	cover := &sheetWriter{f: f, sheet: SheetCover, st: st}
	cover.title(coverTitle, 2)
	for i, kv := range [][2]any{{domain.CoverUnit, "某某办"}, {domain.CoverYear, y}, {domain.CoverFiller, "王小明"}} {
		cover.set(1, 2+i, kv[0])
		cover.set(2, 2+i, kv[1])
	}
	if cover.err != nil {
		return nil, cover.err
	}
	var recs []map[string]any
	for i, t := range []string{"第一季度工作安排", "春季防火工作部署", "上半年工作总结"} {
		recs = append(recs, map[string]any{
			domain.FieldSeq:     i + 1,
			domain.FieldTitle:   fmt.Sprintf("某某办%d年%s", y, t),
			domain.FieldDate:    date(y, time.Month(2+4*i), 10),
			domain.FieldChannel: "公开栏",
		})
	}
	w := &sheetWriter{f: f, sheet: SheetDisclosure, st: st}
	if err := w.ledger(fmt.Sprintf("某某办%d年政府信息主动公开台账", y), domain.KindDisclosure, recs); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
