package pipeline

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

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
// files modified less than settle before now.
func listInbox(inbox string, settle time.Duration, now time.Time) ([]inboxFile, error) {
	var out []inboxFile
	err := filepath.WalkDir(inbox, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != inbox && strings.HasPrefix(d.Name(), ".") {
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
	})
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
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
