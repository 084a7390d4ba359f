package output

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"白沙镇", "白沙镇"},
		{"星岛湖镇 ", "星岛湖镇"},
		{"../白沙镇", "_白沙镇"},
		{"..", "_"},
		{".", "_"},
		{"", "_"},
		{"a/b\\c", "a_b_c"},
		{"白沙\x00镇\n", "白沙镇"},
		{"白沙\u202e镇\u200b", "白沙镇"}, // bidi override and zero-width space
		{"a..b", "a.b"},
		{"C:白沙", "C_白沙"},
		{strings.Repeat("长", 100), strings.Repeat("长", maxNameRunes)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := safeName(tt.in)
			if got != tt.want {
				t.Errorf("safeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertSafe(t, got)
		})
	}
}

func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"白沙镇", "../..", "a/b", "\x00", " . "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := safeName(s)
		assertSafe(t, got)
		if safeName(got) != got {
			t.Errorf("safeName is not idempotent on %q: %q then %q", s, got, safeName(got))
		}
	})
}

// assertSafe checks that name stays in its folder when joined to it.
func assertSafe(t *testing.T, name string) {
	t.Helper()
	if name == "" || strings.Contains(name, "..") || strings.ContainsAny(name, `/\`) {
		t.Fatalf("unsafe name %q", name)
	}
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			t.Fatalf("name %q holds %U", name, r)
		}
	}
	if filepath.Dir(filepath.Join("out", name)) != "out" {
		t.Fatalf("name %q leaves its folder", name)
	}
}

func TestUniqueNames(t *testing.T) {
	got := uniqueNames([]string{"a/b", "a_b", "A_B", "c"})
	want := []string{"a_b", "a_b(2)", "A_B(3)", "c"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("uniqueNames = %q, want %q", got, want)
		}
	}
}
