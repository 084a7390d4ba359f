package domain

import (
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
)

// LineageFields are the columns every record carries to say where it came from.
var LineageFields = []arrow.Field{
	{Name: LineageUnit, Type: arrow.BinaryTypes.String},
	{Name: LineageOffice, Type: arrow.BinaryTypes.String},
	{Name: LineageFile, Type: arrow.BinaryTypes.String},
	{Name: LineageSheet, Type: arrow.BinaryTypes.String},
	{Name: LineageRow, Type: arrow.PrimitiveTypes.Int32},
}

// Schema returns the Arrow schema of a ledger kind's records: the kind's
// fields (a TypeVocab field followed by its _raw text), then the lineage.
// The schema is made once per kind and shared (an Arrow schema is not
// changed once made); nil for a kind that is not a ledger's.
func Schema(k Kind) *arrow.Schema { return schemas()[k] }

// schemas are the ledger kinds' schemas, made once.
var schemas = sync.OnceValue(func() map[Kind]*arrow.Schema {
	out := map[Kind]*arrow.Schema{}
	for k, fields := range LedgerFields {
		var fs []arrow.Field
		for _, f := range fields {
			switch f.Type {
			case TypeText:
				fs = append(fs, arrow.Field{Name: f.Name, Type: arrow.BinaryTypes.String})
			case TypeDate:
				fs = append(fs, arrow.Field{Name: f.Name, Type: arrow.FixedWidthTypes.Date32, Nullable: true})
			case TypeAmount:
				fs = append(fs, arrow.Field{Name: f.Name, Type: arrow.PrimitiveTypes.Float64, Nullable: true})
			case TypeBool:
				fs = append(fs, arrow.Field{Name: f.Name, Type: arrow.FixedWidthTypes.Boolean, Nullable: true})
			case TypeVocab:
				fs = append(fs,
					arrow.Field{Name: f.Name, Type: arrow.BinaryTypes.String},
					arrow.Field{Name: f.Name + RawSuffix, Type: arrow.BinaryTypes.String})
			}
		}
		out[k] = arrow.NewSchema(append(fs, LineageFields...), nil)
	}
	return out
})
