package transform

import (
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// TestSelfVsLedger: R6 compares each self-reported 表三/表四 figure with the
// office's ledger, names the summary cell and the ledger rows, and says
// which figure the reports carry; a blank cell is missing (a warning only
// when the ledger has something); a table whose ledger was not sent is not
// compared.
func TestSelfVsLedger(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	apps := ledgerOf(t, mem, domain.KindApplication,
		map[string]any{"received": ymd(2025, 3, 3), "applicant": "natural", "replied": ymd(2025, 3, 10), "outcome": "granted"},
		map[string]any{"received": ymd(2025, 4, 1), "applicant": "natural", "replied": ymd(2025, 4, 8), "outcome": "granted"},
	)
	defer apps.Release()
	ledgers := map[domain.Kind][]arrow.RecordBatch{domain.KindApplication: {apps}}

	vals := t3Full() // one application; the ledger has two
	vals["t3.granted.commercial"] = ""
	vals["t3.partial.legal"] = ""
	in := CheckInput{Offices: []OfficeInput{checkOffice(selfReport(vals), ledgers)}}
	got := runChecks(t, domain.DefaultConfig(), in, domain.RuleSelfVsLedger)
	want := []string{}
	for _, id := range []string{"t3.new.natural", "t3.new.total", "t3.granted.natural", "t3.granted.total", "t3.total.natural", "t3.total.total"} {
		want = append(want, "R6 error "+cellOf(id))
	}
	names := wheres(got)
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Fatalf("findings %v, want %v", names, want)
	}
	for _, f := range got {
		if !strings.Contains(f.Message, "第3、4行") || !strings.Contains(f.Message, "台账统计数2") || *f.Expected != 2 || *f.Actual != 1 {
			t.Errorf("%s: %s (expected %v actual %v)", f.Metric, f.Message, *f.Expected, *f.Actual)
		}
	}

	// The reports may carry the summary instead; the message says so.
	cfg := domain.DefaultConfig()
	cfg.Rules.ReportSource = domain.SourceSummary
	for _, f := range runChecks(t, cfg, in, domain.RuleSelfVsLedger) {
		if !strings.Contains(f.Message, "自报数1") {
			t.Errorf("with report_source = summary: %s", f.Message)
		}
	}

	// A blank cell where the ledger has an application is missing.
	vals = t3Full()
	vals["t3.new.natural"], vals["t3.new.total"] = 2, 2
	vals["t3.granted.natural"], vals["t3.granted.total"], vals["t3.total.natural"], vals["t3.total.total"] = "", "", 2, 2
	in = CheckInput{Offices: []OfficeInput{checkOffice(selfReport(vals), ledgers)}}
	names = wheres(runChecks(t, domain.DefaultConfig(), in, domain.RuleSelfVsLedger))
	if !slices.Equal(names, []string{"R6 warning " + cellOf("t3.granted.natural"), "R6 warning " + cellOf("t3.granted.total")}) {
		t.Errorf("blank cells: %v", names)
	}

	// No appeal ledger: 表四 is not compared.
	vals = t3Full()
	vals["t4.review.upheld"], vals["t4.review.total"] = 1, 1
	vals["t3.new.natural"], vals["t3.new.total"], vals["t3.granted.natural"], vals["t3.granted.total"], vals["t3.total.natural"], vals["t3.total.total"] = 2, 2, 2, 2, 2, 2
	in = CheckInput{Offices: []OfficeInput{checkOffice(selfReport(vals), ledgers)}}
	if got := runChecks(t, domain.DefaultConfig(), in, domain.RuleSelfVsLedger); len(got) != 0 {
		t.Errorf("without an appeal ledger: %v", wheres(got))
	}
}
