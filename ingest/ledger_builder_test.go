package ingest

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// countingAllocator counts the buffers grown by copying.
type countingAllocator struct {
	memory.Allocator
	reallocs atomic.Int64
}

func (a *countingAllocator) Reallocate(size int, b []byte) []byte {
	a.reallocs.Add(1)
	return a.Allocator.Reallocate(size, b)
}

// TestLedgerColumnsSizedFromTheFirstRecords: a ledger's columns are sized
// for the whole sheet once its first records are read, so that a sheet ten
// times longer grows its buffers (each growth a copy) at most once more per
// column, not once per doubling.
func TestLedgerColumnsSizedFromTheFirstRecords(t *testing.T) {
	reallocs := map[int]int64{}
	for _, n := range []int{400, 4000} {
		rows := [][]any{{"序号", "信息标题", "公开日期", "公开渠道"}}
		for i := range n {
			rows = append(rows, []any{i + 1, fmt.Sprintf("白沙镇关于第%d项工作的通知", i), "2025-03-05", "门户网站"})
		}
		mem := &countingAllocator{Allocator: memory.NewGoAllocator()}
		sub := readBookWith(t, mem, map[string][][]any{"主动公开": rows}, []string{"主动公开"})
		if got := sub.Rows[domain.KindDisclosure]; got != n {
			t.Fatalf("%d records read, want %d", got, n)
		}
		reallocs[n] = mem.reallocs.Load()
	}
	t.Logf("buffers grown: %v", reallocs)
	if columns := int64(domain.Schema(domain.KindDisclosure).NumFields()); reallocs[4000] > reallocs[400]+columns {
		t.Errorf("buffers grown %d times for 4,000 rows, %d for 400: the columns are not sized from the first records", reallocs[4000], reallocs[400])
	}
}

// TestLineageOfRecordsFromTwoSheets: records of one kind read from two
// sheets of a file carry, each, the file, the sheet and row they came
// from, and the file's unit and office.
func TestLineageOfRecordsFromTwoSheets(t *testing.T) {
	header := []any{"序号", "信息标题", "公开日期", "公开渠道"}
	sub := readBook(t, map[string][][]any{
		"一月": {header, {1, "一月的通知", "2025-01-05", "门户网站"}, {2, "一月的公告", "2025-01-06", "公开栏"}, {3, "一月的公示", "2025-01-07", "门户网站"}},
		"二月": {{"二月台账"}, header, {1, "二月的通知", "2025-02-05", "门户网站"}, {2, "二月的公告", "2025-02-06", "公开栏"}},
	}, []string{"一月", "二月"})
	rec := sub.Records[domain.KindDisclosure]
	if rec == nil || rec.NumRows() != 5 {
		t.Fatalf("records = %v, want 5", rec)
	}
	text := func(name string, i int) string {
		return rec.Column(rec.Schema().FieldIndices(name)[0]).(*array.String).Value(i)
	}
	rows := rec.Column(rec.Schema().FieldIndices(domain.LineageRow)[0]).(*array.Int32)
	want := []struct {
		sheet string
		row   int32
		title string
	}{{"一月", 2, "一月的通知"}, {"一月", 3, "一月的公告"}, {"一月", 4, "一月的公示"}, {"二月", 3, "二月的通知"}, {"二月", 4, "二月的公告"}}
	for i, w := range want {
		got := []string{text(domain.LineageSheet, i), text(domain.FieldTitle, i), text(domain.LineageFile, i), text(domain.LineageUnit, i), text(domain.LineageOffice, i)}
		if got[0] != w.sheet || rows.Value(i) != w.row || got[1] != w.title || got[2] != bookRel || got[3] != "白沙镇" || got[4] != "党政办" {
			t.Errorf("record %d: %q row %d, want %s row %d %s %s 白沙镇 党政办", i, got, rows.Value(i), w.sheet, w.row, w.title, bookRel)
		}
	}
}

// splitChannelsByRule is the rule appendChannels keeps: the cell split at
// runs of separators, each part trimmed, "" for none.
func splitChannelsByRule(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(channelSeparators, r) })
	if len(parts) == 0 {
		return []string{""}
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// FuzzAppendChannels holds appendChannels, and its shortcut for a cell
// without a separator, to the rule.
func FuzzAppendChannels(f *testing.F) {
	for _, s := range []string{"", "门户网站", "政府网站、公开栏", " 网站 ，， 公开栏；微信/抖音|a,b;c ", "、", "，；", "\xe3\x80", "\xef\xbc\x8c", "网\xe3\x80\x82站"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := appendChannels([]string{"before"}, s)
		if want := splitChannelsByRule(s); !slices.Equal(got[1:], want) || got[0] != "before" {
			t.Errorf("appendChannels(%q) = %q, want %q after the first", s, got, want)
		}
	})
}
