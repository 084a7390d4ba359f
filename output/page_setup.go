package output

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// paperA4 is the OOXML paper size code of A4.
const paperA4 = 9

// printing says how a sheet prints on A4.
type printing struct {
	landscape bool
	fitWidth  bool   // scaled to one page wide, as many pages long as it takes
	titleRows string // rows repeated at the top of every page, e.g. "$1:$1"
	titleCols string // columns repeated at the left of every page, e.g. "$A:$A"
}

// printSetup sets up how a sheet prints. For a sheet written with a
// StreamWriter it must be called before the StreamWriter is made.
func printSetup(f *excelize.File, sheet string, p printing) error {
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &p.fitWidth}); err != nil {
		return err
	}
	size, orient := paperA4, "portrait"
	if p.landscape {
		orient = "landscape"
	}
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	if p.fitWidth {
		wide, tall := 1, 0
		layout.FitToWidth, layout.FitToHeight = &wide, &tall
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	margin, edge := 0.6, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	var refs []string
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	for _, r := range []string{p.titleCols, p.titleRows} {
		if r != "" {
			refs = append(refs, quoted+r)
		}
	}
	if len(refs) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: strings.Join(refs, ","),
		Scope:    sheet,
	})
}

// frozen freezes the rows above row and the columns left of col (both
// 1-based; row 2 col 1 freezes the first row only).
func frozen(col, row int) *excelize.Panes {
	top, _ := excelize.CoordinatesToCellName(col, row)
	return &excelize.Panes{
		Freeze: true, XSplit: col - 1, YSplit: row - 1,
		TopLeftCell: top, ActivePane: activePane(col, row),
	}
}

// activePane names the pane that scrolls, for frozen.
func activePane(col, row int) string {
	switch {
	case col > 1 && row > 1:
		return "bottomRight"
	case col > 1:
		return "topRight"
	}
	return "bottomLeft"
}
