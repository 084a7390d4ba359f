package output

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// Report is everything one run of the batch writes, for one report year.
type Report struct {
	Year      int
	Config    *domain.Config
	StartedAt time.Time
	Duration  time.Duration
	Version   string

	County   domain.Metrics // county totals, every metric id
	Units    []UnitReport   // in roster order, then units not on the roster
	Inputs   []Input        // every file seen in the inbox, in path order
	Findings []domain.Finding

	// Records are the counted records of each ledger kind, over the whole
	// county, with their lineage columns (domain.Schema). The pipeline owns
	// and releases them.
	Records map[domain.Kind][]arrow.RecordBatch

	Accounting Accounting
	Timings    map[string]time.Duration // stage name → time spent

	// Monthly is each unit's and the county's items disclosed and
	// applications received, month by month (transform.Statistics), for
	// the county workbook's 月度趋势 sheet.
	Monthly domain.MonthlyTrend

	// DraftTemplate is the text/template of the report draft in each unit
	// workbook (domain.md §8), as the county office edited it; nil uses the
	// embedded default (DefaultDraftTemplate).
	DraftTemplate []byte
}

// UnitReport is one unit's figures.
type UnitReport struct {
	Name     string
	Metrics  domain.Metrics
	Offices  []OfficeStatus // the roster's offices, then any others that sent files
	Findings []domain.Finding
}

// OfficeStatus says what an office sent.
type OfficeStatus struct {
	Name   string
	Status string // one of the Status* constants
	Files  []string
}

// Input statuses, as run.json and the submission sheet spell them.
const (
	StatusAccepted   = "accepted"   // read and counted
	StatusDuplicate  = "duplicate"  // same bytes as another file
	StatusSuperseded = "superseded" // a newer version of the same ledger won
	StatusRejected   = "rejected"   // could not be read or attributed
	StatusIgnored    = "ignored"    // lock, temporary or hidden file
	StatusWriting    = "writing"    // modified moments ago: left for the next run
	StatusMissing    = "missing"    // an office on the roster sent nothing
)

// StatusLabel returns a status in Chinese.
func StatusLabel(s string) string {
	switch s {
	case StatusAccepted:
		return "已接收"
	case StatusDuplicate:
		return "重复文件"
	case StatusSuperseded:
		return "已被替代"
	case StatusRejected:
		return "已拒收"
	case StatusIgnored:
		return "已忽略"
	case StatusWriting:
		return "正在写入，下次读取"
	case StatusMissing:
		return "未报送"
	}
	return s
}

// Input is one file of the inbox and what became of it.
type Input struct {
	Path       string       `json:"path"` // relative to the inbox, with forward slashes
	Status     string       `json:"status"`
	Reason     string       `json:"reason,omitempty"` // why rejected/ignored, in Chinese
	Unit       string       `json:"unit,omitempty"`
	Office     string       `json:"office,omitempty"`
	Year       int          `json:"year,omitempty"`
	Format     string       `json:"format,omitempty"`
	SHA256     string       `json:"sha256,omitempty"`
	Size       int64        `json:"size"`
	ModTime    time.Time    `json:"mod_time"`
	ReplacedBy string       `json:"replaced_by,omitempty"` // for duplicate and superseded files
	Sheets     []Sheet      `json:"sheets,omitempty"`
	Records    domain.Tally `json:"records"`
}

// Sheet is one sheet of an input and the kind it was read as.
type Sheet struct {
	Name string      `json:"name"`
	Kind domain.Kind `json:"kind,omitempty"` // "" when it matched no kind
	Rows int         `json:"rows"`           // records read from it
}

// Accounting is the county's record accounting, by kind and in all.
type Accounting struct {
	ByKind map[domain.Kind]domain.Tally `json:"by_kind"`
	Total  domain.Tally                 `json:"total"`
}
