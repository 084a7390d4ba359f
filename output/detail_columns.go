package output

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// Headers of the columns that are not ledger fields.
const (
	rawHeaderSuffix = "（原文）"
	headerUnit      = "单位"
	headerOffice    = "科室"
	headerFile      = "来源文件"
	headerSheet     = "来源工作表"
	headerRow       = "来源行"
)

// Cell values of a 是/否 field.
const (
	labelYes = "是"
	labelNo  = "否"
)

// detailColumn is a column of a detail sheet: its header and how to read
// a record's cell from the Arrow column at index col.
type detailColumn struct {
	header string
	col    int
	value  func(a arrow.Array, i int) any // nil for a blank cell
	label  func(id string) string         // a vocabulary column's labels; nil otherwise
	dated  bool                           // shown as a date
	amount bool                           // shown as an amount
}

// detailColumns lists a kind's detail columns: the ledger fields in
// template order (a vocabulary field as its label, then its raw text),
// then the lineage.
func detailColumns(kind domain.Kind, cfg *domain.Config) []detailColumn {
	var cols []detailColumn
	add := func(header, name string, value func(arrow.Array, int) any) *detailColumn {
		cols = append(cols, detailColumn{header: header, col: columnIndex(kind, name), value: value})
		return &cols[len(cols)-1]
	}
	for _, f := range domain.LedgerFields[kind] {
		switch f.Type {
		case domain.TypeText:
			add(f.Label, f.Name, textValue)
		case domain.TypeDate:
			add(f.Label, f.Name, dateValue).dated = true
		case domain.TypeAmount:
			add(f.Label, f.Name, floatValue).amount = true
		case domain.TypeBool:
			add(f.Label, f.Name, boolValue)
		case domain.TypeVocab:
			label := vocabLabeler(f.Name, cfg)
			c := add(f.Label, f.Name, func(a arrow.Array, i int) any {
				if s, ok := textValue(a, i).(string); ok {
					return label(s)
				}
				return nil
			})
			c.label = label
			add(f.Label+rawHeaderSuffix, f.Name+domain.RawSuffix, textValue)
		}
	}
	add(headerUnit, domain.LineageUnit, textValue)
	add(headerOffice, domain.LineageOffice, textValue)
	add(headerFile, domain.LineageFile, textValue)
	add(headerSheet, domain.LineageSheet, textValue)
	add(headerRow, domain.LineageRow, intValue)
	return cols
}

// textValue and the readers below read a detail cell: a value, or nil for
// a null (or, for text, an empty) cell.
func textValue(a arrow.Array, i int) any {
	s := a.(*array.String)
	if s.IsNull(i) || s.Value(i) == "" {
		return nil
	}
	return s.Value(i)
}

func dateValue(a arrow.Array, i int) any {
	d := a.(*array.Date32)
	if d.IsNull(i) {
		return nil
	}
	return d.Value(i).ToTime()
}

func floatValue(a arrow.Array, i int) any {
	f := a.(*array.Float64)
	if f.IsNull(i) {
		return nil
	}
	return f.Value(i)
}

func boolValue(a arrow.Array, i int) any {
	b := a.(*array.Boolean)
	switch {
	case b.IsNull(i):
		return nil
	case b.Value(i):
		return labelYes
	}
	return labelNo
}

func intValue(a arrow.Array, i int) any {
	n := a.(*array.Int32)
	if n.IsNull(i) {
		return nil
	}
	return int(n.Value(i))
}
