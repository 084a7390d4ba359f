package output_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/output"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ (review the diff)")

// layoutGolden holds the sheets and labels of the sample county's outputs.
const layoutGolden = "testdata/sample_layout.golden"

// draftHeading matches the title-level lines of a draft: its sections.
var draftHeading = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// TestSampleLayout compares what a reader sees of the sample county's
// workbooks, read back cell by cell, with the golden file: the sheets of
// the county workbook and of every unit workbook, the labels and merged
// ranges of the official tables (county and 白沙镇), the labels of the
// monthly sheet and the section headings of 白沙镇's draft. Numbers are
// left out: TestSampleNumbers checks them against truth.json.
func TestSampleLayout(t *testing.T) {
	w := runSample(t)
	var b strings.Builder
	b.WriteString("# The sample county's workbooks as read back: sheets, labels, merged ranges.\n")
	b.WriteString("# Regenerate with: go test ./output -run TestSampleLayout -update (and review the diff).\n")

	county := output.OpenBook(t, w.County)
	fmt.Fprintf(&b, "\n== %s\nsheets: %s\n", filepath.Base(w.County), strings.Join(county.GetSheetList(), " | "))
	writeLabels(t, &b, county, output.CountyTables, true)
	writeLabels(t, &b, county, output.CountyTables+output.T4Suffix, true)
	writeLabels(t, &b, county, output.MonthlySheet, false)

	var names []string
	for name := range w.Units {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		f := output.OpenBook(t, w.Units[name])
		fmt.Fprintf(&b, "\n== %s\nsheets: %s\n", filepath.Base(w.Units[name]), strings.Join(f.GetSheetList(), " | "))
		if name != "白沙镇" {
			continue
		}
		writeLabels(t, &b, f, output.UnitTables, true)
		writeLabels(t, &b, f, output.UnitTables+output.T4Suffix, true)
		fmt.Fprintf(&b, "-- %s: title and sections\n", output.DraftSheet)
		for i, row := range rawRows(t, f, output.DraftSheet) {
			if len(row) > 0 && (i == 0 || draftHeading.MatchString(strings.TrimSpace(row[0]))) {
				fmt.Fprintf(&b, "%s\n", strings.TrimSpace(row[0]))
			}
		}
	}

	got := b.String()
	if *update {
		if err := os.MkdirAll(filepath.Dir(layoutGolden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(layoutGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(layoutGolden)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("the workbooks differ from %s (run with -update and review the diff):\n%s", layoutGolden, firstDiff(string(want), got))
	}
}

// writeLabels writes the text cells of a sheet, and its merged ranges when
// merged is set.
func writeLabels(t *testing.T, b *strings.Builder, f *excelize.File, sheet string, merged bool) {
	t.Helper()
	if merged {
		cells, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, c := range cells {
			refs = append(refs, c.GetStartAxis()+":"+c.GetEndAxis())
		}
		slices.SortFunc(refs, byPosition)
		fmt.Fprintf(b, "-- %s: merged\n%s\n", sheet, strings.Join(refs, " "))
	}
	fmt.Fprintf(b, "-- %s: labels\n", sheet)
	for r, row := range rawRows(t, f, sheet) {
		for c, v := range row {
			if v == "" {
				continue
			}
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				continue // a number
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			fmt.Fprintf(b, "%s %s\n", ref, strings.ReplaceAll(v, "\n", `\n`))
		}
	}
}

// byPosition orders ranges A1:B2 by row, then column, of their first cell.
func byPosition(a, b string) int {
	ac, ar, _ := excelize.CellNameToCoordinates(strings.Split(a, ":")[0])
	bc, br, _ := excelize.CellNameToCoordinates(strings.Split(b, ":")[0])
	if ar != br {
		return ar - br
	}
	return ac - bc
}

// firstDiff shows the first line where got departs from want, with the
// lines around it.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for j := max(0, i-3); j < i; j++ {
		fmt.Fprintf(&b, "  %s\n", w[j])
	}
	for j := i; j < min(len(w), i+4); j++ {
		fmt.Fprintf(&b, "- %s\n", w[j])
	}
	for j := i; j < min(len(g), i+4); j++ {
		fmt.Fprintf(&b, "+ %s\n", g[j])
	}
	return b.String()
}
