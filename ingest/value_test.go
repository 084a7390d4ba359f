package ingest

import (
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		sys  DateSystem
		want time.Time
	}{
		{"2025-03-05", Date1900, day(2025, 3, 5)},
		{"2025/3/5", Date1900, day(2025, 3, 5)},
		{"2025.3.5", Date1900, day(2025, 3, 5)},
		{"2025年3月5日", Date1900, day(2025, 3, 5)},
		{"2025年3月5号", Date1900, day(2025, 3, 5)},
		{"2025 年 3 月 5 日", Date1900, day(2025, 3, 5)},
		{"20250305", Date1900, day(2025, 3, 5)},
		{"二〇二五年三月五日", Date1900, day(2025, 3, 5)},
		{"二〇二五年十二月三十一日", Date1900, day(2025, 12, 31)},
		{"2025-03-05 14:30", Date1900, day(2025, 3, 5)},
		{"2025-03-05T14:30:00", Date1900, day(2025, 3, 5)},
		{"2025/3/5 9:05:01", Date1900, day(2025, 3, 5)},
		{"45721", Date1900, day(2025, 3, 5)},        // a date cell read raw
		{"45721.604166", Date1900, day(2025, 3, 5)}, // with a time of day
		{"44259", Date1904, day(2025, 3, 5)},        // the 1904 date system
		{"61", Date1900, day(1900, 3, 1)},           // after Excel's phantom 1900-02-29
		{"59", Date1900, day(1900, 2, 28)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.sys)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{"", "2025-02-30", "2025-13-01", "三月五日", "明天", "2025年", "abc", "0", "99999999", "1.5e10"} {
		if got, err := ParseDate(in, Date1900); err == nil {
			t.Errorf("ParseDate(%q) = %v; want an error, never a guessed day", in, got)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		wan  bool
	}{
		{"0", 0, false},
		{"1,234", 1234, false},
		{NormalizeText("１２３４"), 1234, false},
		{"12条", 12, false},
		{"12件", 12, false},
		{"十二", 12, false},
		{"十", 10, false},
		{"一百零五", 105, false},
		{"壹佰零伍", 105, false},
		{"两千零二十五", 2025, false},
		{"三万二千", 32000, false},
		{"25.5", 25.5, false},
		{"25.5元", 25.5, false},
		{"3.5万元", 3.5, true},
		{"-3", -3, false},
	}
	for _, tt := range tests {
		got, wan, err := ParseNumber(tt.in)
		if err != nil || got != tt.want || wan != tt.wan {
			t.Errorf("ParseNumber(%q) = %v, %v, %v; want %v, %v", tt.in, got, wan, err, tt.want, tt.wan)
		}
	}
	for _, in := range []string{"abc", "十二月", "1,2,3x", "条"} {
		if v, _, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %v; want an error", in, v)
		}
	}
}

func TestMissingMarks(t *testing.T) {
	for _, in := range []string{"", "/", "-", "—", "--", "无", "不适用"} {
		if !IsMissing(NormalizeText(in)) {
			t.Errorf("%q should be missing, not zero", in)
		}
	}
	if IsMissing("0") {
		t.Error(`"0" is zero, not missing`)
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  白沙镇  党政办 ", "白沙镇 党政办"},
		{"ＡＢＣ１２３", "ABC123"},
		{"（2025）第1号", "(2025)第1号"},
		{"关于\u200b印发，通知。", "关于印发，通知。"}, // zero-width dropped, CJK punctuation kept
		{"是：否；好？行！（甲）", "是：否；好？行！(甲)"}, // ，：；？！ kept as written, full-width brackets made ASCII
		{"“三安全一稳定”、公开", "“三安全一稳定”、公开"},
		{"第一行\n第二行", "第一行 第二行"},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
