package ingest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

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
		inbox := t.TempDir()
		const rel = "白沙镇/党政办/台账.xlsx"
		rows := [][]any{{"序号", "信息标题", "公开日期", "公开渠道"}}
		for i := range n {
			rows = append(rows, []any{i + 1, fmt.Sprintf("白沙镇关于第%d项工作的通知", i), "2025-03-05", "门户网站"})
		}
		writeBook(t, inbox, rel, map[string][][]any{"主动公开": rows}, []string{"主动公开"})
		mem := &countingAllocator{Allocator: memory.NewGoAllocator()}
		r, err := NewReader(domain.DefaultConfig(), mem)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := r.ReadFile(context.Background(), inbox, rel)
		if err != nil {
			t.Fatal(err)
		}
		if got := sub.Rows[domain.KindDisclosure]; got != n {
			t.Fatalf("%d records read, want %d", got, n)
		}
		sub.Release()
		reallocs[n] = mem.reallocs.Load()
	}
	t.Logf("buffers grown: %v", reallocs)
	if columns := int64(domain.Schema(domain.KindDisclosure).NumFields()); reallocs[4000] > reallocs[400]+columns {
		t.Errorf("buffers grown %d times for 4,000 rows, %d for 400: the columns are not sized from the first records", reallocs[4000], reallocs[400])
	}
}
