package domain

// Months holds a count for each month of a report year, January first.
type Months [12]int

// Sum is the year's total.
func (m Months) Sum() int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// Monthly is a unit's (or the county's) figures month by month, from the
// counted ledger records.
type Monthly struct {
	// Items are the distinct items disclosed (计1条, as active.items), by
	// the month of their 公开日期.
	Items Months
	// Applications are the applications received in the report year (as
	// t3.new.total), by the month of their 收到日期.
	Applications Months
}

// Add adds o into m.
func (m *Monthly) Add(o Monthly) {
	for i := range m.Items {
		m.Items[i] += o.Items[i]
		m.Applications[i] += o.Applications[i]
	}
}

// MonthlyTrend is the monthly figures of every unit and of the county.
type MonthlyTrend struct {
	Units  map[string]Monthly // unit name → its months
	County Monthly            // the sum over the units
}
