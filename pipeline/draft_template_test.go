package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// configWithTemplate writes a configuration file whose draft_template is
// a file holding tmpl, and loads it.
func configWithTemplate(t *testing.T, tmpl string) *domain.Config {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "report_draft.tmpl")
	if err := os.WriteFile(path, []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "gongkai.toml")
	if err := os.WriteFile(conf, []byte("draft_template = "+tomlString(path)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := domain.LoadConfig(conf)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// tomlString quotes a path as a TOML basic string.
func tomlString(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

func TestDraftTemplateFromConfiguration(t *testing.T) {
	cfg := configWithTemplate(t, "{{.Unit}}{{.Year}}年报告\n\n一、总体情况\n主动公开{{.Items}}条。\n")
	out := t.TempDir()
	res, err := Run(context.Background(), Options{Inbox: t.TempDir(), Out: out, Year: 2025, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(res.Written.Units["白沙镇"])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("年度报告")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.TrimSpace(strings.Join(r, "")))
	}
	want := []string{"白沙镇2025年报告", "一、总体情况", "主动公开0条。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("draft = %q, want %q", got, want)
	}
}

func TestBadDraftTemplateStopsTheRunFirst(t *testing.T) {
	for name, cfg := range map[string]*domain.Config{
		"syntax":         configWithTemplate(t, "{{if .Items}}未闭合"),
		"unknown field":  configWithTemplate(t, "{{.主动公开}}"),
		"unknown metric": configWithTemplate(t, `{{.Metric "t3.new.totl"}}`),
		"no such file": func() *domain.Config {
			cfg := domain.DefaultConfig()
			cfg.DraftTemplate = filepath.Join(t.TempDir(), "missing.tmpl")
			return cfg
		}(),
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			_, err := Run(context.Background(), Options{Inbox: t.TempDir(), Out: out, Year: 2025, Config: cfg})
			if err == nil || !strings.Contains(err.Error(), "draft_template") {
				t.Fatalf("err = %v, want one naming draft_template", err)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the output folder was made before the template was checked")
			}
		})
	}
}
