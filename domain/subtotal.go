package domain

// SubtotalRow is a 小计/合计/总计 row of a ledger. It is not a record, but its
// numbers are check figures for the records it closes (rule R7).
type SubtotalRow struct {
	Kind    Kind
	Pos     Pos    // the row; Col is 0
	Label   string // the row's first non-blank cell, as written
	Figures []SubtotalFigure
	// Rows are the record rows it closes, in order: for a 小计 the records
	// since the previous subtotal row or the header; for a 合计 or 总计 the
	// records since the previous 合计/总计 or the header.
	Rows []int
}

// SubtotalFigure is a number written in a subtotal row.
type SubtotalFigure struct {
	Field string  // the field of its column; "" for a column no field names
	Col   int     // 1-based
	Value float64 // amounts in 元
	Text  string  // the cell as written
}
