package samplecounty

import (
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// writeCover writes the key/value cover the way offices fill it: keys in
// column A or B, the office under an alias or alone, the town by its short
// name, the year and the date as text now and then. Every value agrees with
// the folder the file sits in.
func (m *messy) writeCover(f *excelize.File, st *messyStyles, sheet string, o *office) error {
	cw := &cellWriter{f: f, sheet: sheet, st: st}
	col, top := 1+m.r.IntN(2), 1
	if chance(m.r, 0.8) {
		cw.put(col, 1, oneOf(m.r, []string{coverTitle, "基本信息表", "报送单位基本情况"}))
		cw.merge(mergeRange{col, 1, col + 1, 1})
		cw.style(mergeRange{col, 1, col + 1, 1}, st.title)
		top = 2
	}
	unitName, town := o.unit.name+o.name, o.unit.name
	switch m.r.IntN(6) {
	case 0:
		unitName = o.name
	case 1, 2:
		if a := m.cfg.OfficeAliases[o.name]; len(a) > 0 {
			unitName = o.unit.name + oneOf(m.r, a)
		}
	}
	if short := m.unitAlias(o.unit.name); short != "" && chance(m.r, 0.3) {
		town = short
	}
	year := oneOf(m.r, []any{m.c.year, fillYear("{y}年", m.c.year), fillYear("{y}年度", m.c.year)})
	values := []any{
		unitName, town, year, o.filler, o.phone,
		m.dateAs(o.filed, dateStyle(m.r.IntN(int(numDateStyles)))),
		oneOf(m.r, []any{"初次报送", "首次报送", nil}),
	}
	for i, k := range domain.CoverKeys {
		cw.put(col, top+i, k)
		cw.put(col+1, top+i, values[i])
	}
	if cw.err == nil {
		a, _ := excelize.ColumnNumberToName(col)
		b, _ := excelize.ColumnNumberToName(col + 1)
		cw.err = f.SetColWidth(sheet, a, b, 24)
	}
	return cw.err
}

// unitAlias is the first alias of a roster unit, or "".
func (m *messy) unitAlias(unit string) string {
	for _, ru := range m.cfg.Units {
		if ru.Name == unit && len(ru.Aliases) > 0 {
			return ru.Aliases[0]
		}
	}
	return ""
}
