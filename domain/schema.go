package domain

import "github.com/apache/arrow-go/v18/arrow"

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
func Schema(k Kind) *arrow.Schema {
	var fs []arrow.Field
	for _, f := range LedgerFields[k] {
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
	return arrow.NewSchema(append(fs, LineageFields...), nil)
}
