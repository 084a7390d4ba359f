package output_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sofficeTimeout bounds the conversion of the sample county's workbooks
// (about 15 s on two cores).
const sofficeTimeout = 5 * time.Minute

// TestSampleWorkbooksOpenInLibreOffice converts every workbook of the
// sample county to PDF with LibreOffice headless, as a check that each
// opens cleanly in another program than the one that wrote it: each must
// give a PDF with pages. Skipped where soffice is not installed (.ci/run
// installs it) and with -short.
func TestSampleWorkbooksOpenInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	w := runSample(t)
	var books []string
	for _, p := range w.Units {
		books = append(books, p)
	}
	slices.Sort(books)
	books = append([]string{w.County}, books...)

	pdfs := toPDF(t, soffice, books)
	for i, book := range books {
		data, err := os.ReadFile(pdfs[i])
		if err != nil {
			t.Errorf("%s gave no PDF: %v", filepath.Base(book), err)
			continue
		}
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s: not a PDF", filepath.Base(book))
			continue
		}
		if n := pdfPages(t, pdfs[i]); n == 0 {
			t.Errorf("%s: the PDF has no pages", filepath.Base(book))
		}
	}
}

// toPDF converts workbooks to PDF in one LibreOffice run with a profile of
// its own (so that it neither waits for nor disturbs another LibreOffice)
// and returns the PDFs' paths, in the order of books.
func toPDF(t *testing.T, soffice string, books []string) []string {
	t.Helper()
	out, profile := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), sofficeTimeout)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out}, books...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	log, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, log)
	}
	if strings.Contains(string(log), "Error") {
		t.Errorf("soffice reported errors:\n%s", log)
	}
	pdfs := make([]string, len(books))
	for i, b := range books {
		pdfs[i] = filepath.Join(out, strings.TrimSuffix(filepath.Base(b), filepath.Ext(b))+".pdf")
	}
	return pdfs
}

// pdfPages counts a PDF's pages with pdfinfo, or returns 1 for a PDF of
// some size where pdfinfo is not installed.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if st, err := os.Stat(path); err == nil && st.Size() > 1024 {
			return 1
		}
		return 0
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Errorf("pdfinfo %s: %v", filepath.Base(path), err)
		return 0
	}
	for line := range strings.Lines(string(info)) {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(rest))
			return n
		}
	}
	return 0
}
