package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/domain"
)

// rewriteZip copies the zip at path, passing every part through edit, and
// adds the raw parts in extra (already deflated, with their declared size).
func rewriteZip(t *testing.T, path string, edit func(name string, data []byte) []byte, extra ...rawPart) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(edit(f.Name, data))
	}
	for _, p := range extra {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CompressedSize64: uint64(len(p.deflated)), UncompressedSize64: p.declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.deflated)
	}
	zw.Close()
	zr.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rawPart is a zip part written as is.
type rawPart struct {
	name     string
	deflated []byte
	declared uint64
}

// deflatedZeros returns n zero bytes, deflated.
func deflatedZeros(t *testing.T, n int) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	chunk := make([]byte, 1<<16)
	for n > 0 {
		k := min(n, len(chunk))
		w.Write(chunk[:k])
		n -= k
	}
	w.Close()
	return b.Bytes()
}

// ledgerBook writes a small disclosure ledger and returns its path.
func ledgerBook(t *testing.T, inbox, name string) string {
	writeBook(t, inbox, name, map[string][][]any{"台账": {
		{"信息标题", "公开日期"},
		{"TITLE", "2025-03-05"},
	}}, []string{"台账"})
	return filepath.Join(inbox, name)
}

// TestHostileFiles feeds crafted files: each ends as a finding within its
// limits, and the reader goes on.
func TestHostileFiles(t *testing.T) {
	inbox := t.TempDir()
	// A zip bomb of a few KB: a part that inflates to 20 MiB, over a limit of 8 MiB.
	bomb := ledgerBook(t, inbox, "白沙镇-党政办-bomb.xlsx")
	rewriteZip(t, bomb, func(_ string, d []byte) []byte { return d },
		rawPart{"xl/media/image1.bin", deflatedZeros(t, 20<<20), 20 << 20})
	// A zip that declares a part of 10 GiB (a few KB on disk), at the default limits.
	liar := ledgerBook(t, inbox, "白沙镇-党政办-liar.xlsx")
	rewriteZip(t, liar, func(_ string, d []byte) []byte { return d },
		rawPart{"xl/media/image2.bin", deflatedZeros(t, 1<<20), 10 << 30})
	// A sheet that declares the largest range Excel allows and a cell in its last column.
	wide := ledgerBook(t, inbox, "白沙镇-党政办-wide.xlsx")
	rewriteZip(t, wide, func(name string, d []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return d
		}
		s := strings.Replace(string(d), `<dimension ref="A1:B2"/>`, `<dimension ref="A1:XFD1048576"/>`, 1)
		return []byte(strings.Replace(s, `</row></sheetData>`, `<c r="XFD2" t="inlineStr"><is><t>远</t></is></c></row></sheetData>`, 1))
	})
	// A cell of 10 MB.
	long := ledgerBook(t, inbox, "白沙镇-党政办-long.xlsx")
	rewriteZip(t, long, func(name string, d []byte) []byte {
		if name != "xl/sharedStrings.xml" {
			return d
		}
		return bytes.Replace(d, []byte("TITLE"), bytes.Repeat([]byte("长"), 10<<20/3), 1)
	})

	for _, tt := range []struct {
		file     string
		lim      Limits
		rejected bool
		rule     string
	}{
		{"白沙镇-党政办-bomb.xlsx", Limits{UnzipSize: 8 << 20}, true, domain.RuleFileRejected},
		{"白沙镇-党政办-liar.xlsx", Limits{}, true, domain.RuleFileRejected},
		{"白沙镇-党政办-wide.xlsx", Limits{}, false, domain.RuleCellUnreadable},
		{"白沙镇-党政办-long.xlsx", Limits{}, false, domain.RuleCellUnreadable},
	} {
		t.Run(tt.file, func(t *testing.T) {
			r, err := NewLimitedReader(domain.DefaultConfig(), nil, tt.lim)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			sub, err := r.ReadFile(context.Background(), inbox, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			defer sub.Release()
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			if (sub.Rejected != "") != tt.rejected {
				t.Errorf("rejected = %q, want rejected=%v", sub.Rejected, tt.rejected)
			}
			if !hasRule(sub.Findings, tt.rule) {
				t.Errorf("findings %+v lack %s", sub.Findings, tt.rule)
			}
			if !tt.rejected {
				rec := sub.Records[domain.KindDisclosure]
				if rec == nil || rec.NumRows() != 1 {
					t.Fatalf("the record of a hostile but readable file is lost: %v", rec)
				}
			}
		})
	}
}
