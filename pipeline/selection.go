package pipeline

import (
	"fmt"
	"strings"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output"
	"gongkai/transform"
)

// selection is what of the inbox counts for the report year.
type selection struct {
	inputs   []output.Input
	offices  []chosenOffice
	findings []domain.Finding
	// tallies of records dropped before the statistics (copies, other
	// years, replaced versions), by file and by kind.
	dropped       map[string]domain.Tally
	droppedByKind map[domain.Kind]domain.Tally
}

// selectSubmissions decides each file's status (ignored, rejected, a copy of
// an earlier file, of another year, replaced by a newer version, accepted)
// and gathers the accepted ledgers by office.
func selectSubmissions(cfg *domain.Config, year int, files []inboxFile, subs []*ingest.Submission) *selection {
	sel := &selection{dropped: map[string]domain.Tally{}, droppedByKind: map[domain.Kind]domain.Tally{}}
	keepByHash := originals(subs)
	var cands []transform.Candidate
	accepted := map[string]*ingest.Submission{}
	for i, f := range files {
		s := subs[i]
		if s == nil {
			status := output.StatusIgnored
			if f.writing {
				status = output.StatusWriting
			}
			sel.inputs = append(sel.inputs, output.Input{Path: f.rel, Status: status, Reason: f.ignore})
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
		case keepByHash[s.SHA256] != s.Path:
			in.Status, in.ReplacedBy = output.StatusDuplicate, keepByHash[s.SHA256]
			in.Reason = fmt.Sprintf("与 %s 内容完全相同，只计一次。", in.ReplacedBy)
			sel.drop(s, domain.DropDuplicateFile, nil)
			sel.findings = append(sel.findings, domain.Finding{Rule: domain.RuleSuperseded, Severity: domain.SevInfo,
				Unit: s.Unit, Office: s.Office, Pos: domain.Pos{File: s.Path}, Message: in.Reason})
		case s.Year != 0 && s.Year != year:
			in.Status = output.StatusIgnored
			in.Reason = fmt.Sprintf("报送年度为 %d 年，不属于本次统计的 %d 年度。", s.Year, year)
			sel.drop(s, domain.DropOutsideYear, nil)
		default:
			in.Status = output.StatusAccepted
			accepted[s.Path] = s
			cands = append(cands, candidate(s))
		}
		sel.inputs = append(sel.inputs, in)
	}
	sel.gather(cands, accepted)
	sel.findings = append(sel.findings, missingOffices(cfg, sel)...)
	return sel
}

// originals picks, among readable files with the same bytes, the one that
// counts: a name that does not look like a copy (副本, 拷贝, copy), then the
// first in path order. The others are its duplicates.
func originals(subs []*ingest.Submission) map[string]string {
	keep := map[string]string{}
	for _, s := range subs {
		if s == nil || s.Rejected != "" {
			continue
		}
		cur, ok := keep[s.SHA256]
		if !ok || preferOriginal(s.Path, cur) {
			keep[s.SHA256] = s.Path
		}
	}
	return keep
}

// preferOriginal reports whether path a is a better original than b.
func preferOriginal(a, b string) bool {
	ca, cb := looksLikeCopy(a), looksLikeCopy(b)
	if ca != cb {
		return !ca
	}
	return a < b
}

func looksLikeCopy(p string) bool {
	l := strings.ToLower(p)
	return strings.Contains(l, "副本") || strings.Contains(l, "拷贝") || strings.Contains(l, "copy")
}

// chosenOffice is an office that sent a chosen ledger or summary: the
// files whose ledgers (of the kinds given) count for it, and the file its
// self-reported tables come from. What they hold is loaded when its unit's
// turn comes (recordSource.offices).
type chosenOffice struct {
	unit, office string
	sources      []officeSource
	summary      *ingest.Submission // nil when it sent none that counts
}

// officeSource is a file whose ledgers of some kinds count for its office.
type officeSource struct {
	sub   *ingest.Submission
	kinds []domain.Kind // in domain.LedgerKinds order
}

// candidate describes a submission for the choice of versions.
func candidate(s *ingest.Submission) transform.Candidate {
	c := transform.Candidate{Path: s.Path, Unit: s.Unit, Office: s.Office, FillDate: s.FillDate, ModTime: s.ModTime}
	for _, k := range domain.LedgerKinds { // in a fixed order: the choice must not depend on map order
		if _, ok := s.Rows[k]; ok {
			c.Kinds = append(c.Kinds, k)
		}
	}
	if s.HasSummary {
		c.Kinds = append(c.Kinds, domain.KindSummary)
	}
	return c
}

// gather keeps the newest version of each office's ledgers and summary and
// builds the offices' inputs; a file that lost every kind is superseded.
func (sel *selection) gather(cands []transform.Candidate, accepted map[string]*ingest.Submission) {
	keep, replaced := transform.ChooseVersions(cands)
	lost := map[string][]transform.Replaced{}
	for _, r := range replaced {
		lost[r.Path] = append(lost[r.Path], r)
	}
	officeIdx := map[[2]string]int{}
	for i := range sel.inputs {
		in := &sel.inputs[i]
		s := accepted[in.Path]
		if s == nil {
			continue
		}
		if len(keep[s.Path]) == 0 && len(lost[s.Path]) > 0 {
			in.Status, in.ReplacedBy = output.StatusSuperseded, lost[s.Path][0].By
			in.Reason = fmt.Sprintf("已被更新的版本 %s 替代。", in.ReplacedBy)
		}
		for _, r := range lost[s.Path] {
			sel.findings = append(sel.findings, domain.Finding{Rule: domain.RuleSuperseded, Severity: domain.SevInfo,
				Unit: s.Unit, Office: s.Office, Pos: domain.Pos{File: s.Path},
				Message: fmt.Sprintf("本文件的“%s”已被更新的版本 %s 替代，未计入统计。", r.Kind.Label(), r.By)})
		}
		sel.drop(s, domain.DropSuperseded, func(k domain.Kind) bool { return !keep[s.Path][k] })
		if len(keep[s.Path]) == 0 {
			continue
		}
		key := [2]string{s.Unit, s.Office}
		j, ok := officeIdx[key]
		if !ok {
			j = len(sel.offices)
			officeIdx[key] = j
			sel.offices = append(sel.offices, chosenOffice{unit: s.Unit, office: s.Office})
		}
		src := officeSource{sub: s}
		for _, k := range domain.LedgerKinds {
			if _, ok := s.Rows[k]; ok && keep[s.Path][k] {
				src.kinds = append(src.kinds, k)
			}
		}
		if len(src.kinds) > 0 {
			sel.offices[j].sources = append(sel.offices[j].sources, src)
		}
		if s.HasSummary && keep[s.Path][domain.KindSummary] {
			sel.offices[j].summary = s
		}
	}
}

// drop accounts the records of a file's kinds (all, or those which says)
// as dropped for reason.
func (sel *selection) drop(s *ingest.Submission, reason string, which func(domain.Kind) bool) {
	t := sel.dropped[s.Path]
	for k, rows := range s.Rows {
		if which != nil && !which(k) {
			continue
		}
		n := domain.Tally{Read: rows}
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

// missingOffices lists roster offices that sent nothing, and senders not on
// the roster (rule R13).
func missingOffices(cfg *domain.Config, sel *selection) []domain.Finding {
	sent := map[[2]string]bool{}
	for _, o := range sel.offices {
		sent[[2]string{o.unit, o.office}] = true
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
		if !expected[[2]string{o.unit, o.office}] {
			name := o.office
			if name == "" {
				name = "（未注明科室）"
			}
			out = append(out, domain.Finding{Rule: domain.RuleSubmissions, Severity: domain.SevInfo, Unit: o.unit, Office: o.office,
				Message: fmt.Sprintf("%s 的“%s”不在报送名单中，其数据已计入 %s。如为新设科室，请县政务公开办更新名单。", o.unit, name, o.unit)})
		}
	}
	return out
}
