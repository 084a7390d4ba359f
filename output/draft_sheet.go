package output

import (
	"math"
	"regexp"

	"github.com/xuri/excelize/v2"
)

// draftSheet holds the report draft in a unit workbook.
const draftSheet = "年度报告"

// Layout of the draft: one paragraph per row in a wide column A, first
// lines indented by two characters as official documents are.
const (
	draftColWidth  = 78
	draftIndent    = "　　"
	draftLineWidth = draftColWidth * 11 / 12 // width units per line at 12 pt
	draftLinePts   = 17
	draftTitlePts  = 40
)

// sectionHeading matches the heading of a numbered section: 一、 … 十、.
var sectionHeading = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// writeDraftSheet adds the report draft: the title, the section headings
// and the paragraphs, each in its own row, wrapped, sized to print on A4.
func writeDraftSheet(f *excelize.File, st *styles, paragraphs []string) error {
	if _, err := f.NewSheet(draftSheet); err != nil {
		return err
	}
	if err := f.SetColWidth(draftSheet, "A", "A", draftColWidth); err != nil {
		return err
	}
	for i, p := range paragraphs {
		row := i + 1
		style, height := st.draftTitle, float64(draftTitlePts)
		if i > 0 {
			style = st.draftBody
			if sectionHeading.MatchString(p) {
				style = st.draftHead
			}
			p = draftIndent + p
			lines := max(1, math.Ceil(float64(displayWidth(p))/draftLineWidth))
			height = lines*draftLinePts + 4
		}
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		if err := f.SetCellValue(draftSheet, cell, p); err != nil {
			return err
		}
		if err := f.SetCellStyle(draftSheet, cell, cell, style); err != nil {
			return err
		}
		if err := f.SetRowHeight(draftSheet, row, height); err != nil {
			return err
		}
	}
	return printSetup(f, draftSheet, printing{fitWidth: true})
}
