package pipeline

import (
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output"
	"gongkai/transform"
)

// selection is what of the inbox counts for the report year.
type selection struct {
	inputs   []output.Input
	offices  []transform.OfficeInput
	findings []domain.Finding
	// extra tallies for files whose records are all dropped (copies,
	// other years), by path.
	dropped       map[string]domain.Tally
	droppedByKind map[domain.Kind]domain.Tally
}

// selectSubmissions decides each file's status: ignored, rejected, a copy of
// an earlier file, of another year, or accepted into its office's input.
func selectSubmissions(cfg *domain.Config, year int, files []inboxFile, subs []*ingest.Submission) *selection {
	sel := &selection{dropped: map[string]domain.Tally{}, droppedByKind: map[domain.Kind]domain.Tally{}}
	firstByHash := map[string]string{}
	officeIdx := map[[2]string]int{}
	for i, f := range files {
		s := subs[i]
		if s == nil {
			sel.inputs = append(sel.inputs, output.Input{Path: f.rel, Status: output.StatusIgnored, Reason: f.ignore})
			sel.findings = append(sel.findings, domain.Finding{Rule: domain.RuleFileIgnored, Severity: domain.SevInfo,
				Pos: domain.Pos{File: f.rel}, Message: f.ignore})
			continue
		}
		in := output.Input{Path: s.Path, Unit: s.Unit, Office: s.Office, Year: s.Year, Format: string(s.Format),
			SHA256: s.SHA256, Size: s.Size, ModTime: s.ModTime}
		for _, sh := range s.Sheets {
			in.Sheets = append(in.Sheets, output.Sheet{Name: sh.Name, Kind: sh.Kind, Rows: sh.Records})
		}
		sel.findings = append(sel.findings, s.Findings...)
		switch {
		case s.Rejected != "":
			in.Status, in.Reason = output.StatusRejected, s.Rejected
		case firstByHash[s.SHA256] != "":
			in.Status, in.ReplacedBy = output.StatusDuplicate, firstByHash[s.SHA256]
			in.Reason = fmt.Sprintf("与 %s 内容完全相同，只计一次。", in.ReplacedBy)
			sel.dropAll(s, domain.DropDuplicateFile)
		case s.Year != 0 && s.Year != year:
			in.Status = output.StatusIgnored
			in.Reason = fmt.Sprintf("报送年度为 %d 年，不属于本次统计的 %d 年度。", s.Year, year)
			sel.dropAll(s, domain.DropOutsideYear)
		default:
			in.Status = output.StatusAccepted
			firstByHash[s.SHA256] = s.Path
			key := [2]string{s.Unit, s.Office}
			j, ok := officeIdx[key]
			if !ok {
				j = len(sel.offices)
				officeIdx[key] = j
				sel.offices = append(sel.offices, transform.OfficeInput{Unit: s.Unit, Office: s.Office, Ledgers: map[domain.Kind][]arrow.RecordBatch{}})
			}
			o := &sel.offices[j]
			for k, rec := range s.Records {
				o.Ledgers[k] = append(o.Ledgers[k], rec)
			}
			if s.Summary != nil && o.Summary == nil {
				o.Summary = s.Summary
			}
		}
		if in.Status != output.StatusAccepted && s.Rejected == "" {
			firstByHash[s.SHA256] = firstNonEmpty(firstByHash[s.SHA256], s.Path)
		}
		sel.inputs = append(sel.inputs, in)
	}
	sel.findings = append(sel.findings, missingOffices(cfg, sel)...)
	return sel
}

// dropAll accounts every record of a file as dropped for reason.
func (sel *selection) dropAll(s *ingest.Submission, reason string) {
	t := domain.Tally{}
	for k, rec := range s.Records {
		n := domain.Tally{Read: int(rec.NumRows())}
		if n.Read > 0 {
			n.Drop(reason, n.Read)
		}
		t.Add(n)
		kt := sel.droppedByKind[k]
		kt.Add(n)
		sel.droppedByKind[k] = kt
	}
	sel.dropped[s.Path] = t
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// missingOffices lists roster offices that sent nothing, and senders not on
// the roster (rule R13).
func missingOffices(cfg *domain.Config, sel *selection) []domain.Finding {
	sent := map[[2]string]bool{}
	for _, o := range sel.offices {
		sent[[2]string{o.Unit, o.Office}] = true
	}
	var out []domain.Finding
	expected := map[[2]string]bool{}
	for _, u := range cfg.Units {
		for _, o := range u.Offices {
			expected[[2]string{u.Name, o}] = true
			if !sent[[2]string{u.Name, o}] {
				out = append(out, domain.Finding{Rule: domain.RuleSubmissions, Severity: domain.SevWarning, Unit: u.Name, Office: o,
					Message: fmt.Sprintf("%s%s 未报送本年度台账。", u.Name, o)})
			}
		}
	}
	for _, o := range sel.offices {
		if !expected[[2]string{o.Unit, o.Office}] {
			name := o.Office
			if name == "" {
				name = "（未注明科室）"
			}
			out = append(out, domain.Finding{Rule: domain.RuleSubmissions, Severity: domain.SevInfo, Unit: o.Unit, Office: o.Office,
				Message: fmt.Sprintf("%s 的“%s”不在报送名单中，其数据已计入 %s。如为新设科室，请县政务公开办更新名单。", o.Unit, name, o.Unit)})
		}
	}
	return out
}
