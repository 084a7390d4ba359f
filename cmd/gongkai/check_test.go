package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestCheckCommand(t *testing.T) {
	clean := filepath.Join("..", "..", "testdata", "sample", "inbox", "白沙镇", "党政办", "白沙镇-党政办-2025年政府信息公开台账.xlsx")
	var out, errOut bytes.Buffer
	if code := dispatch(context.Background(), []string{"check", clean}, &out, &errOut); code != 0 {
		t.Fatalf("a clean file: exit %d\n%s%s", code, out.String(), errOut.String())
	}

	// The same file with a date nobody can read.
	dir := t.TempDir()
	bad := filepath.Join(dir, "白沙镇-党政办-2025年台账.xlsx")
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("主动公开台账", "C3", "2025年13月5日"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out.Reset()
	if code := dispatch(context.Background(), []string{"check", bad}, &out, &errOut); code != 1 {
		t.Fatalf("a file with an error: exit %d\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "I3") || !strings.Contains(out.String(), "'主动公开台账'!C3") {
		t.Errorf("the finding does not name the rule and the cell:\n%s", out.String())
	}
}
