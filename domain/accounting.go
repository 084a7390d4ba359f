package domain

// Reasons a record read from a ledger is not counted (domain.md §4–§5.5).
// Every record read is either counted or dropped with one of these.
const (
	DropOutsideYear   = "outside_year"     // dated in another year
	DropClosedBefore  = "closed_before"    // an application answered before the report year
	DropNoDate        = "no_date"          // the date that places it in a year is missing or unreadable
	DropDuplicateFile = "duplicate_file"   // the whole file is a copy of another
	DropSuperseded    = "superseded"       // a newer version of the ledger won
	DropDuplicate     = "duplicate_record" // the same record again in the same ledger
)

// DropLabel returns a drop reason in Chinese.
func DropLabel(reason string) string {
	switch reason {
	case DropOutsideYear:
		return "不属于报告年度"
	case DropClosedBefore:
		return "上年已办结"
	case DropNoDate:
		return "日期缺失或无法识别"
	case DropDuplicateFile:
		return "重复文件"
	case DropSuperseded:
		return "已被新版本替代"
	case DropDuplicate:
		return "重复记录"
	}
	return reason
}

// Tally accounts for records: Read = Counted + the sum of Dropped.
type Tally struct {
	Read    int            `json:"read"`
	Counted int            `json:"counted"`
	Dropped map[string]int `json:"dropped,omitempty"` // reason → records
}

// Add adds o into t.
func (t *Tally) Add(o Tally) {
	t.Read += o.Read
	t.Counted += o.Counted
	for k, v := range o.Dropped {
		t.Drop(k, v)
	}
}

// Drop accounts n records dropped for reason.
func (t *Tally) Drop(reason string, n int) {
	if t.Dropped == nil {
		t.Dropped = map[string]int{}
	}
	t.Dropped[reason] += n
}

// Balanced reports whether every record read is accounted for.
func (t Tally) Balanced() bool {
	n := t.Counted
	for _, v := range t.Dropped {
		n += v
	}
	return n == t.Read
}
