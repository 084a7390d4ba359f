package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"gongkai/output"
)

// inboxFile is a file found in the inbox, relative and slash-separated.
type inboxFile struct {
	rel     string
	ignore  string // why the file is left alone, in Chinese; "" to read it
	writing bool   // modified too recently: an office may still be saving it
	modTime time.Time
	stamp   *fileStamp // as listed; nil where the file system gives none
}

// listInbox walks the inbox (read-only) and lists every regular file in
// path order, marking Office lock files, temporary and hidden files, and
// files modified less than settle before now. Its top folders (a county's
// towns) are walked side by side: a file listed is a system call or two,
// and a county's few hundred took a re-run ~3 ms of one core.
func listInbox(inbox string, settle time.Duration, now time.Time) ([]inboxFile, error) {
	top, err := os.ReadDir(inbox)
	if err != nil {
		return nil, err
	}
	lists := make([][]inboxFile, len(top))
	errs := make([]error, len(top))
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i, d := range top {
		g.Go(func() error {
			lists[i], errs[i] = listUnder(inbox, filepath.Join(inbox, d.Name()), d, settle, now)
			return nil
		})
	}
	g.Wait()
	out := slices.Concat(lists...)
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out, errors.Join(errs...)
}

// listUnder lists the files at p, an entry of the inbox: the folder's
// walked, or the file itself.
func listUnder(inbox, p string, d fs.DirEntry, settle time.Duration, now time.Time) ([]inboxFile, error) {
	var out []inboxFile
	add := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(inbox, p)
		if err != nil {
			return err
		}
		f := inboxFile{rel: filepath.ToSlash(rel), ignore: ignoreReason(d.Name())}
		info, err := d.Info()
		if err == nil {
			f.modTime, f.stamp = info.ModTime(), output.StampOf(info, p)
		}
		if err == nil && f.ignore == "" && settle > 0 && now.Sub(f.modTime) < settle {
			f.writing = true
			f.ignore = fmt.Sprintf("文件在 %s 内有修改，可能仍在写入，留待下次运行读取。", settle)
		}
		out = append(out, f)
		return nil
	}
	if !d.IsDir() {
		return out, add(p, d, nil)
	}
	err := filepath.WalkDir(p, add)
	return out, err
}

// ignoreReason says why a file name is not a submission, or "".
func ignoreReason(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock"):
		return "Office/WPS 打开文件时生成的锁定文件，已忽略。"
	case strings.HasPrefix(name, "."):
		return "隐藏文件，已忽略。"
	case strings.HasSuffix(lower, ".tmp"), strings.HasPrefix(name, "~"), strings.HasSuffix(lower, ".crdownload"), strings.HasSuffix(lower, ".part"):
		return "临时文件，已忽略。"
	}
	return ""
}
