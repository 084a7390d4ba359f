package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// officeBatch is a disclosure batch of n records of one office.
func officeBatch(t *testing.T, mem memory.Allocator, office string, n int) arrow.RecordBatch {
	rows := make([]row, n)
	for i := range rows {
		rows[i] = lineage("白沙镇", office, "白沙镇/"+office+".xlsx", "主动公开", i+3).with(row{domain.FieldTitle: office + "的信息", domain.FieldDate: day(2025, 3, 1)})
	}
	return buildBatch(t, mem, domain.KindDisclosure, rows...)
}

// TestOfficeRuns: a unit's batches of a kind split into one run per office,
// named by it, a batch without rows with the office after it.
func TestOfficeRuns(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	batches := []arrow.RecordBatch{
		officeBatch(t, mem, "党政办", 2), officeBatch(t, mem, "党政办", 1), officeBatch(t, mem, "财政所", 0),
		officeBatch(t, mem, "财政所", 3), officeBatch(t, mem, "农业服务中心", 1), officeBatch(t, mem, "民政办", 0),
	}
	defer func() {
		for _, b := range batches {
			b.Release()
		}
	}()
	runs := officeRuns(domain.KindDisclosure, batches)
	if want := []officeRun{{0, 2, "党政办"}, {2, 4, "财政所"}, {4, 6, "农业服务中心"}}; !slices.Equal(runs, want) {
		t.Errorf("runs %v, want %v", runs, want)
	}
}

// TestPiecesReused: a unit encoded again with a piece source copies the
// pieces it finds, byte for byte, tells which, and encodes the others
// (and any whose file is gone) as a unit encoded afresh would.
func TestPiecesReused(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cfg := domain.DefaultConfig()
	st, err := detailStyles()
	if err != nil {
		t.Fatal(err)
	}
	recs := map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {
		officeBatch(t, mem, "党政办", 40), officeBatch(t, mem, "财政所", 30), officeBatch(t, mem, "民政办", 20)}}
	defer releaseRecords(&Report{Records: recs})
	keys := map[string]string{"党政办": "a", "财政所": "b", "民政办": "c"}
	key := func(k domain.Kind, office string) string { return string(k) + keys[office] }
	dir := t.TempDir()
	encode := func(name string, src PieceSource) DetailRows {
		t.Helper()
		pf, err := createPartFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := encodeDetailRows(pf, st, cfg, recs, src)
		if err != nil {
			t.Fatal(err)
		}
		if err := pf.close(); err != nil {
			t.Fatal(err)
		}
		return rows[domain.KindDisclosure]
	}
	first := encode("first", PieceSource{Key: key})
	if len(first.Pieces) != 3 {
		t.Fatalf("%d pieces, want one per office", len(first.Pieces))
	}
	kept := map[string]EncodedPiece{}
	for _, p := range first.Pieces {
		kept[p.Key] = EncodedPiece{Parts: first.Parts[p.First : p.First+p.N], Widths: p.Widths}
	}
	// Office c's piece is lost with its file.
	lost := kept["disclosurec"]
	lost.Parts = slices.Clone(lost.Parts)
	lost.Parts[0].Path = filepath.Join(dir, "gone")
	kept["disclosurec"] = lost
	var copied []string
	again := encode("again", PieceSource{Key: key, Find: func(k string) (EncodedPiece, bool) { p, ok := kept[k]; return p, ok },
		Copied: func(k string) { copied = append(copied, k) }})
	if !slices.Equal(copied, []string{"disclosurea", "disclosureb"}) {
		t.Errorf("copied %v, want the pieces of 党政办 and 财政所", copied)
	}
	fresh := encode("fresh", PieceSource{})
	if !slices.Equal(again.Widths, fresh.Widths) || len(again.Parts) != len(fresh.Parts) {
		t.Fatalf("widths %v and %d parts, afresh %v and %d", again.Widths, len(again.Parts), fresh.Widths, len(fresh.Parts))
	}
	for i := range fresh.Parts {
		a, f := partBytes(t, again.Parts[i]), partBytes(t, fresh.Parts[i])
		if string(a) != string(f) || again.Parts[i].CRC != fresh.Parts[i].CRC || again.Parts[i].Rows != fresh.Parts[i].Rows {
			t.Errorf("part %d differs from the unit encoded afresh", i)
		}
	}
	// A piece found is copied, not encoded again: given 财政所's piece under
	// 党政办's key, 党政办's place holds 财政所's rows.
	swapped := encode("swapped", PieceSource{Key: key, Find: func(k string) (EncodedPiece, bool) {
		return kept["disclosureb"], k == "disclosurea"
	}})
	if got, want := partBytes(t, swapped.Parts[0]), partBytes(t, kept["disclosureb"].Parts[0]); string(got) != string(want) {
		t.Errorf("the piece found was not copied: %d bytes where it has %d", len(got), len(want))
	}
}

// partBytes reads a part's compressed bytes.
func partBytes(t *testing.T, p DeflatedPart) []byte {
	t.Helper()
	data, err := os.ReadFile(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	return data[p.Offset : p.Offset+p.Length]
}
