package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	sample := filepath.Join("..", "..", "testdata", "sample", "inbox")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a piece of the one line on stderr
	}{
		{"no command", nil, 2, "Usage"},
		{"help", []string{"--help"}, 0, "Commands"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"bad flag", []string{"run", "--nope"}, 2, "flag provided but not defined"},
		{"missing flags", []string{"run"}, 2, "--inbox and --out are required"},
		{"run help", []string{"run", "--help"}, 0, "never changing it"},
		{"gen help", []string{"gen", "--help"}, 0, "truth.json"},
		{"no inbox", []string{"run", "--inbox", filepath.Join(dir, "nope"), "--out", dir}, 1, "inbox not readable"},
		{"output not writable", []string{"run", "--inbox", sample, "--out", filepath.Join(notDir, "out")}, 1, "output folder"},
		{"bad config", []string{"run", "--inbox", sample, "--out", dir, "--config", notDir}, 1, "configuration"},
		{"version", []string{"version"}, 0, ""},
		{"sample county", []string{"run", "--inbox", sample, "--out", filepath.Join(dir, "out"), "--settle", "0"}, 0, ""},
		{"config defaults", []string{"config", "--print-defaults"}, 0, ""},
		{"config check", []string{"config", "--check", notDir}, 1, "file:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := dispatch(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
				t.Errorf("a run that could not run says one line, got %q", stderr.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2025", "run.json")); err != nil {
		t.Errorf("the sample run wrote no run.json: %v", err)
	}
}
