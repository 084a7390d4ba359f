package ingest

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// Submission is what one input file holds, as read.
type Submission struct {
	Path    string // relative to the inbox, slash-separated
	Format  Format
	SHA256  string
	Size    int64
	ModTime time.Time

	// Identity, resolved against the roster (domain.md §3).
	Unit, Office string
	Year         int
	FillDate     time.Time // cover 填报日期; zero when absent
	Revision     string    // cover 版本/修订说明

	Sheets  []SheetInfo
	Records map[domain.Kind]arrow.RecordBatch // one batch per ledger kind present
	// Rows counts the records of each ledger kind present; it stays when
	// Records are released (a batch may set them aside and load them again).
	Rows    map[domain.Kind]int
	Summary *domain.SelfReport // the self-reported tables, nil when absent or set aside
	// HasSummary says the file holds the self-reported tables, whether or
	// not Summary still holds them (a batch may set them aside with the
	// records and load them again).
	HasSummary bool
	// Subtotals are the 小计/合计 rows of its ledgers, check figures (R7).
	Subtotals []domain.SubtotalRow

	// Rejected is why the file could not be read or attributed, in Chinese;
	// "" for a file that was read.
	Rejected string
	Findings []domain.Finding
}

// SheetInfo is one sheet of the file and what it was read as.
type SheetInfo struct {
	Name      string
	Kind      domain.Kind // "" when the sheet matched no kind
	HeaderRow int
	Records   int
	Cols      map[string]int // a ledger's field name → its 1-based column
}

// HasKind reports whether the file held a sheet of kind k.
func (s *Submission) HasKind(k domain.Kind) bool {
	for _, sh := range s.Sheets {
		if sh.Kind == k {
			return true
		}
	}
	return false
}

// TakeRecords hands the records over to the caller, who releases them;
// nil when none are held (none read, or already taken or released).
func (s *Submission) TakeRecords() map[domain.Kind]arrow.RecordBatch {
	if len(s.Records) == 0 {
		return nil
	}
	recs := s.Records
	s.Records = nil
	return recs
}

// Release frees the Arrow records.
func (s *Submission) Release() {
	for k, r := range s.Records {
		r.Release()
		delete(s.Records, k)
	}
}
