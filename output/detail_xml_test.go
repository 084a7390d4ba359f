package output

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// TestDetailRowsAgreeWithExcelize writes awkward records through the
// detail sheets' own row writer and through excelize's StreamWriter, and
// reads both back: every cell must hold the same value and style.
func TestDetailRowsAgreeWithExcelize(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	base := lineage("白沙镇", "党政办", "白沙镇/a&b<c>.xlsx", "主动公开", 3)
	titles := []string{
		"a & b < c > d", " leading space", "trailing tab\t", "line\nbreak", "carriage\r\nreturn",
		"control\x01char", "emoji 😀 四字节", "quote \" and ' apostrophe", "]]> cdata end",
		"=SUM(A1)", strings.Repeat("长", maxCellChars+5), strings.Repeat("😀", maxCellChars/2+5),
		"_x0041_ 与 _x005F_x0041_ 与 _x005F_ 与 _x00zz_",
	}
	var rows []row
	for i, title := range titles {
		rows = append(rows, base.with(row{
			domain.FieldTitle: title, domain.FieldDate: day(2025, 3, 1+i),
			domain.FieldChannel: "website", domain.FieldChannel + domain.RawSuffix: "门户网站",
		}))
	}
	// Dates around Excel's phantom 29 February 1900, and a row of blanks.
	rows = append(rows,
		base.with(row{domain.FieldTitle: "1900-02-28", domain.FieldDate: day(1900, 2, 28)}),
		base.with(row{domain.FieldTitle: "1900-03-01", domain.FieldDate: day(1900, 3, 1)}),
		base.with(row{domain.FieldTitle: "1900-01-01", domain.FieldDate: day(1900, 1, 1)}),
		lineage("", "", "", "", 9))
	rec := buildBatch(t, mem, domain.KindDisclosure, rows...)
	defer rec.Release()
	apps := buildBatch(t, mem, domain.KindApplication,
		lineage("白沙镇", "社保所", "f.xlsx", "依申请", 4).with(row{domain.FieldFee: 12.5, domain.FieldExtended: true}),
		lineage("白沙镇", "社保所", "f.xlsx", "依申请", 5).with(row{domain.FieldFee: 1e-7, domain.FieldExtended: false}))
	defer apps.Release()
	recs := map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {rec}, domain.KindApplication: {apps}}
	cfg := domain.DefaultConfig()

	dir := t.TempDir()
	theirs, ours := filepath.Join(dir, "excelize.xlsx"), filepath.Join(dir, "ours.xlsx")
	writeDetailWithStreamWriter(t, theirs, cfg, recs)
	f, st, err := newWorkbook("x", "t")
	if err != nil {
		t.Fatal(err)
	}
	pf, err := createPartFile(filepath.Join(dir, "parts"))
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := encodeDetailRows(pf, st, cfg, recs, PieceSource{})
	if err != nil {
		t.Fatal(err)
	}
	if err := pf.close(); err != nil {
		t.Fatal(err)
	}
	deferred, err := addDetailSheets(f, st, cfg, []map[domain.Kind]DetailRows{encoded})
	if err != nil {
		t.Fatal(err)
	}
	if err := saveWorkbook(f, ours, deferred...); err != nil {
		t.Fatal(err)
	}
	f.Close()
	compareDetailSheets(t, openBook(t, ours), openBook(t, theirs))
}

// compareDetailSheets compares the detail sheets of a with those of b,
// value for value and style for style.
func compareDetailSheets(t *testing.T, a, b *excelize.File) {
	t.Helper()
	for _, kind := range []domain.Kind{domain.KindDisclosure, domain.KindApplication} {
		sheet := detailSheetNames[kind]
		want, err := b.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(got) < 3 {
			t.Fatalf("%s: %d rows, excelize %d", sheet, len(got), len(want))
		}
		for r := range want {
			if !slices.Equal(got[r], want[r]) {
				t.Errorf("%s row %d:\n got %q\nwant %q", sheet, r+1, got[r], want[r])
			}
			for c := range want[r] {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				gs, _ := a.GetCellStyle(sheet, ref)
				ws, _ := b.GetCellStyle(sheet, ref)
				if gs != ws {
					t.Errorf("%s!%s style %d, excelize %d", sheet, ref, gs, ws)
				}
			}
		}
		dim, err := a.GetSheetDimension(sheet)
		if err != nil {
			t.Fatal(err)
		}
		last, _ := excelize.CoordinatesToCellName(len(want[0]), len(want))
		if dim != "A1:"+last {
			t.Errorf("%s dimension %s, want A1:%s", sheet, dim, last)
		}
	}
}

// writeDetailWithStreamWriter writes the detail sheets of recs the way
// excelize's StreamWriter writes cells, for comparison.
func writeDetailWithStreamWriter(t *testing.T, path string, cfg *domain.Config, recs map[domain.Kind][]arrow.RecordBatch) {
	t.Helper()
	f, st, err := newWorkbook("x", "t")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, kind := range domain.LedgerKinds {
		cols := detailColumns(kind, cfg)
		name := detailSheetNames[kind]
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			t.Fatal(err)
		}
		header := make([]any, len(cols))
		for j, c := range uniqueHeaders(headersOf(cols)) {
			header[j] = excelize.Cell{StyleID: st.header, Value: c}
		}
		if err := sw.SetRow("A1", header); err != nil {
			t.Fatal(err)
		}
		n := 1
		for rec, i := range recordRows(recs[kind]) {
			cells := make([]any, len(cols))
			for j, c := range cols {
				v := c.value(rec.Column(c.col), i)
				switch {
				case v == nil:
				case c.dated:
					cells[j] = excelize.Cell{StyleID: st.date, Value: v}
				case c.amount:
					cells[j] = excelize.Cell{StyleID: st.decimal, Value: v}
				default:
					cells[j] = v
				}
			}
			n++
			ref, _ := excelize.CoordinatesToCellName(1, n)
			if err := sw.SetRow(ref, cells); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestColumnLetters(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := columnLetters(n); got != want {
			t.Errorf("columnLetters(%d) = %s, want %s", n, got, want)
		}
	}
}

// FuzzAppendEscaped: the escaping of cell text, with its shortcut for CJK
// ideographs, is the rune-by-rune rule.
func FuzzAppendEscaped(f *testing.F) {
	f.Add("白沙镇<政务公开>&\r\n\x01\uFFFE😀")
	f.Add("\xe5\x80")
	f.Add("\xe9\xbf\xbf\xe5")
	f.Fuzz(func(t *testing.T, s string) {
		var want []byte
		for i, r := range s {
			size := len(string(r))
			if r == utf8.RuneError {
				_, size = utf8.DecodeRuneInString(s[i:])
			}
			switch {
			case r == '&':
				want = append(want, "&amp;"...)
			case r == '<':
				want = append(want, "&lt;"...)
			case r == '>':
				want = append(want, "&gt;"...)
			case r == '\r':
				want = append(want, "&#xD;"...)
			case r == '\t' || r == '\n':
				want = append(want, s[i:i+size]...)
			case !xmlChar(r) || r == utf8.RuneError && size == 1:
				want = append(want, "\uFFFD"...)
			default:
				want = append(want, s[i:i+size]...)
			}
		}
		if got := appendEscaped(nil, s); string(got) != string(want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	})
}
