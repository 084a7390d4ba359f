package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// Reader reads input files. Build it with NewReader; it is safe for
// concurrent use by several goroutines.
type Reader struct {
	cfg     *domain.Config
	mem     memory.Allocator
	lim     Limits
	headers headerIndex
	memo    *keyMemo
}

// NewReader prepares a reader for the configuration with the default
// limits. mem may be nil (the Go allocator).
func NewReader(cfg *domain.Config, mem memory.Allocator) (*Reader, error) {
	return NewLimitedReader(cfg, mem, Limits{})
}

// NewLimitedReader prepares a reader with limits on what a file may cost.
func NewLimitedReader(cfg *domain.Config, mem memory.Allocator, lim Limits) (*Reader, error) {
	if cfg == nil {
		return nil, fmt.Errorf("ingest: no configuration")
	}
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	return &Reader{cfg: cfg, mem: mem, lim: lim.orDefault(), headers: newHeaderIndex(cfg), memo: &keyMemo{}}, nil
}

// ReadFile reads the file at inbox/rel. It never fails on bad data: a file
// that cannot be read comes back with Rejected set and a finding; the error
// is only for a file that vanished or could not be opened at all.
func (r *Reader) ReadFile(ctx context.Context, inbox, rel string) (*Submission, error) {
	return r.ReadHashedFile(ctx, inbox, rel, "")
}

// ReadHashedFile is ReadFile for a file whose content hash (HashFile) the
// caller has already computed; "" computes it.
func (r *Reader) ReadHashedFile(ctx context.Context, inbox, rel, sha string) (*Submission, error) {
	full := path.Join(inbox, rel)
	st, err := os.Stat(full)
	if err != nil {
		return nil, err
	}
	sub := &Submission{Path: rel, Size: st.Size(), ModTime: st.ModTime(), SHA256: sha}
	if sub.SHA256 == "" {
		if sub.SHA256, err = HashFile(full); err != nil {
			return nil, err
		}
	}
	if sub.Format, err = Sniff(full); err != nil {
		return nil, err
	}
	var sheets []sheetSource
	var dateSys DateSystem
	var book *xlsxBook
	switch sub.Format {
	case FormatXLSX:
		if book, err = openXLSX(full, r.lim); err != nil {
			r.reject(sub, damagedReason(err))
			return sub, nil
		}
		defer book.Close()
		sheets, dateSys = book.sheets(), book.dateSys
	case FormatCSV:
		name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
		sheets = []sheetSource{csvTable(full, name)}
	default:
		r.reject(sub, rejectReason(sub.Format))
		return sub, nil
	}
	fr := newFileReader(r, sub, dateSys)
	if err := fr.readSheets(ctx, sheets); err != nil {
		return nil, err
	}
	if book != nil && book.lateOpenError() != nil {
		// excelize, given a sheet mid-way, could not open the file: it
		// would have refused it at the start, and so does the reader.
		fr.release()
		late := &Submission{Path: sub.Path, Format: sub.Format, SHA256: sub.SHA256, Size: sub.Size, ModTime: sub.ModTime}
		r.reject(late, damagedReason(book.lateOpenError()))
		return late, nil
	}
	fr.finish()
	return sub, nil
}

// damagedReason explains a workbook that does not open.
func damagedReason(err error) string {
	return fmt.Sprintf("文件已损坏，无法作为 Excel 工作簿打开（%s）。请用 Excel 或 WPS 打开确认后另存为 .xlsx 重新报送。", shortErr(err))
}

// readSheets reads every sheet. A panic inside a reader library on a
// malformed file becomes a rejection of that file, never a crash of the run.
func (fr *fileReader) readSheets(ctx context.Context, sheets []sheetSource) (err error) {
	defer func() {
		if p := recover(); p != nil {
			fr.release()
			fr.r.reject(fr.sub, fmt.Sprintf("文件结构异常，读取时出错（%v）。请用 Excel 或 WPS 打开确认后另存为 .xlsx 重新报送。", p))
		}
	}()
	for _, sh := range sheets {
		if err := ctx.Err(); err != nil {
			fr.release()
			return err
		}
		fr.readSheet(sh)
	}
	return nil
}

// reject marks the whole file as unreadable, with a finding that says why.
func (r *Reader) reject(sub *Submission, reason string) {
	sub.Rejected = reason
	sub.Findings = append(sub.Findings, domain.Finding{
		Rule: domain.RuleFileRejected, Severity: domain.SevError,
		Pos: domain.Pos{File: sub.Path}, Message: reason,
	})
}

// rejectReason explains, in Chinese, why a format is not read.
func rejectReason(f Format) string {
	switch f {
	case FormatEncrypted:
		return "文件设置了打开密码，无法读取。请取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后重新报送。"
	case FormatXLS:
		return "文件是旧版 Excel 97-2003 格式（.xls），本系统不读取此格式。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后重新报送。"
	case FormatXLSB:
		return "文件是 Excel 二进制工作簿（.xlsb），本系统不读取此格式。请另存为 Excel 工作簿（.xlsx）后重新报送。"
	case FormatODS:
		return "文件是 OpenDocument 表格（.ods），本系统不读取此格式。请另存为 Excel 工作簿（.xlsx）后重新报送。"
	case FormatEmpty:
		return "文件是空的（0 字节），请重新报送。"
	}
	return "文件不是电子表格，或已损坏，无法读取。请用 Excel 或 WPS 打开确认后另存为 .xlsx 重新报送。"
}

// shortErr keeps a library error short enough for a clerk to read.
func shortErr(err error) string {
	s := err.Error()
	if r := []rune(s); len(r) > 120 {
		s = string(r[:120]) + "…"
	}
	return s
}

// HashFile returns the hex SHA-256 of a file's bytes, which identifies
// its content wherever it sits.
func HashFile(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
