package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/transform"
)

// CheckFiles runs the batch's ingest and checks on single files, as an
// office would before submitting, and returns the findings. year 0 takes
// the year the files name. Nothing is written.
func CheckFiles(ctx context.Context, cfg *domain.Config, paths []string, year int) ([]domain.Finding, error) {
	if cfg == nil {
		cfg = domain.DefaultConfig()
	}
	reader, err := ingest.NewReader(cfg, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	files := make([]inboxFile, len(paths))
	subs := make([]*ingest.Submission, len(paths))
	defer func() {
		for _, s := range subs {
			if s != nil {
				s.Release()
			}
		}
	}()
	for i, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return nil, err
		}
		inbox, rel := splitCheckPath(p)
		files[i] = inboxFile{rel: rel, ignore: ignoreReason(filepath.Base(p)), modTime: time.Now()}
		if files[i].ignore != "" {
			continue
		}
		if subs[i], err = reader.ReadFile(ctx, inbox, rel); err != nil {
			return nil, err
		}
	}
	if year == 0 {
		year = commonYear(subs)
	}
	sel := selectSubmissions(cfg, year, files, subs)
	rs := &recordSource{reader: reader, mem: memory.DefaultAllocator} // every record is held: no cache
	inputs, release, err := rs.offices(ctx, sel.offices)
	if err != nil {
		return nil, err
	}
	defer release()
	st, err := transform.Compute(cfg, year, inputs, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	defer st.Release()
	var out []domain.Finding
	for _, f := range append(sel.findings, st.Findings...) {
		if f.Rule == domain.RuleSubmissions {
			continue // who else has submitted is the county's concern, not the office's
		}
		out = append(out, f)
	}
	return sortFindings(out), nil
}

// splitCheckPath keeps the folders that may name the unit and office: a
// relative path as given, an absolute or outside one with its last two
// folders (…/白沙镇/党政办/台账.xlsx).
func splitCheckPath(p string) (inbox, rel string) {
	clean := filepath.Clean(p)
	if !filepath.IsAbs(clean) && !strings.HasPrefix(clean, "..") {
		return ".", filepath.ToSlash(clean)
	}
	inbox, rel = filepath.Dir(clean), filepath.Base(clean)
	for range 2 {
		parent := filepath.Dir(inbox)
		if parent == inbox {
			break
		}
		rel = filepath.Base(inbox) + "/" + rel
		inbox = parent
	}
	return inbox, rel
}
