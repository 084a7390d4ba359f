package pipeline

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// TestUnchangedOfficesCopied: a re-run after one office corrected a title
// computes that unit again, takes its other offices' detail rows as the
// run before encoded them — one piece per office and ledger kind — and
// writes the detail sheets a run from scratch writes. A run on another boot
// than the list's copies nothing.
func TestUnchangedOfficesCopied(t *testing.T) {
	if bootID() == "" {
		t.Skip("no boot id: detail pieces are not kept")
	}
	cfg := domain.DefaultConfig()
	dir, inbox := generatedCounty(t, samplecounty.Options{Seed: 7, Units: 4, Rows: 30})
	out := filepath.Join(dir, "out")
	first := mustRun(t, Options{Inbox: inbox, Out: out, Config: cfg})
	if first.PiecesCopied != 0 {
		t.Errorf("a first run copied %d pieces", first.PiecesCopied)
	}
	// The changed file: one of a unit with other offices. The pieces those
	// offices give: one per office and kind with rows in the unit's detail
	// sheets (an office without rows of a kind joins the next one's piece).
	perUnit := map[string]int{}
	for _, in := range first.Report.Inputs {
		perUnit[in.Unit]++
	}
	// A second such file, of another unit, is changed after: that unit's
	// pieces in the list come from its result as the cache kept it.
	var changed, changedUnit, second string
	want, wantSecond := 0, 0
	for _, in := range first.Report.Inputs {
		switch {
		case in.Unit == "" || perUnit[in.Unit] < 2:
		case changed == "":
			changed, changedUnit, want = in.Path, in.Unit, officesWithRows(t, first.Written.Units[in.Unit], in.Office)
		case second == "" && in.Unit != changedUnit:
			second, wantSecond = in.Path, officesWithRows(t, first.Written.Units[in.Unit], in.Office)
		}
	}
	if changed == "" || want == 0 || second == "" || wantSecond == 0 {
		t.Fatal("no two units with two offices sending ledgers")
	}
	if err := samplecounty.CorrectTitle(filepath.Join(inbox, filepath.FromSlash(changed))); err != nil {
		t.Fatal(err)
	}

	res := mustRun(t, Options{Inbox: inbox, Out: out, Config: cfg})
	if res.UnitsComputed != 1 || res.PiecesCopied != want {
		t.Errorf("%d units computed, %d pieces copied; want 1 and %d", res.UnitsComputed, res.PiecesCopied, want)
	}
	fresh := mustRun(t, Options{Inbox: inbox, Out: filepath.Join(t.TempDir(), "out"), Config: cfg})
	got, wantRows := sheetsText(t, res.Written.County, "明细"), sheetsText(t, fresh.Written.County, "明细")
	if got != wantRows {
		t.Errorf("the re-run's detail sheets differ from a run from scratch:\n%s\nwant\n%s", got, wantRows)
	}
	if !strings.Contains(got, "更正") { // titles are normalised: （） as ()
		t.Error("the corrected title is not in the detail sheets")
	}
	for unit, path := range res.Written.Units {
		if a, b := sheetsText(t, path, "明细"), sheetsText(t, fresh.Written.Units[unit], "明细"); a != b {
			t.Errorf("%s: the re-run's detail sheets differ from a run from scratch", unit)
		}
	}
	// Another unit's file, that unit taken from the cache in the re-run.
	if err := samplecounty.CorrectTitle(filepath.Join(inbox, filepath.FromSlash(second))); err != nil {
		t.Fatal(err)
	}
	if res := mustRun(t, Options{Inbox: inbox, Out: out, Config: cfg}); res.UnitsComputed != 1 || res.PiecesCopied != wantSecond {
		t.Errorf("another unit's file: %d units computed, %d pieces copied; want 1 and %d", res.UnitsComputed, res.PiecesCopied, wantSecond)
	}

	// The list names the boot it was written in; from another, nothing.
	list := filepath.Join(out, cacheDir, unitCacheDir, "2025.pieces")
	data, ok := readChecked(list)
	if !ok {
		t.Fatalf("no list of pieces at %s", list)
	}
	var idx pieceIndex
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&idx); err != nil {
		t.Fatal(err)
	}
	if len(idx.Pieces) == 0 {
		t.Fatal("the list names no piece")
	}
	idx.Boot = "another boot"
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(idx); err != nil {
		t.Fatal(err)
	}
	if err := writeChecked(list, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := samplecounty.CorrectTitle(filepath.Join(inbox, filepath.FromSlash(changed))); err != nil {
		t.Fatal(err)
	}
	if res := mustRun(t, Options{Inbox: inbox, Out: out, Config: cfg}); res.UnitsComputed != 1 || res.PiecesCopied != 0 {
		t.Errorf("after a restart: %d units computed, %d pieces copied; want 1 and 0", res.UnitsComputed, res.PiecesCopied)
	}

	// A piece whose file is gone is encoded again, and the run goes on.
	data, ok = readChecked(list)
	if !ok {
		t.Fatalf("no list of pieces at %s", list)
	}
	idx = pieceIndex{}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&idx); err != nil {
		t.Fatal(err)
	}
	for _, p := range idx.Pieces {
		os.Remove(p.Parts[0].Path) // every unit's parts file
	}
	if err := samplecounty.CorrectTitle(filepath.Join(inbox, filepath.FromSlash(changed))); err != nil {
		t.Fatal(err)
	}
	res = mustRun(t, Options{Inbox: inbox, Out: out, Config: cfg})
	if res.PiecesCopied != 0 {
		t.Errorf("with the pieces' files gone: %d pieces copied", res.PiecesCopied)
	}
	fresh = mustRun(t, Options{Inbox: inbox, Out: filepath.Join(t.TempDir(), "out"), Config: cfg})
	if got, want := sheetsText(t, res.Written.County, "明细"), sheetsText(t, fresh.Written.County, "明细"); got != want {
		t.Error("with the pieces' files gone, the detail sheets differ from a run from scratch")
	}

	// Another configuration: every unit computed again, nothing copied.
	other := *cfg
	other.Rules.ReportSource = domain.SourceSummary
	if res := mustRun(t, Options{Inbox: inbox, Out: out, Config: &other}); res.UnitsComputed == 0 || res.PiecesCopied != 0 {
		t.Errorf("another configuration: %d units computed, %d pieces copied; want all and none", res.UnitsComputed, res.PiecesCopied)
	}
}

// officesWithRows counts, over a workbook's detail sheets, the offices
// other than except that have rows there.
func officesWithRows(t *testing.T, path, except string) int {
	t.Helper()
	f := openBook(t, path)
	n := 0
	for _, sheet := range f.GetSheetList() {
		if !strings.HasPrefix(sheet, "明细") {
			continue
		}
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s: %v", sheet, err)
		}
		col := slices.Index(rows[0], "科室")
		if col < 0 {
			t.Fatalf("%s: no 科室 column in %q", sheet, rows[0])
		}
		offices := map[string]bool{}
		for _, r := range rows[1:] {
			if col < len(r) && r[col] != except {
				offices[r[col]] = true
			}
		}
		n += len(offices)
	}
	return n
}
