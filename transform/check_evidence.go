package transform

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gongkai/domain"
)

// maxRowsNamed is how many rows a message lists before it says 等N行.
const maxRowsNamed = 12

// rowsText names ledger rows for a clerk, sheet by sheet:
// “依申请公开登记台账”第5、9、12行.
func rowsText(rows []domain.Pos) string {
	type sheet struct{ file, name string }
	var order []sheet
	bySheet := map[sheet][]int{}
	for _, p := range rows {
		s := sheet{p.File, p.Sheet}
		if _, ok := bySheet[s]; !ok {
			order = append(order, s)
		}
		bySheet[s] = append(bySheet[s], p.Row)
	}
	parts := make([]string, len(order))
	for i, s := range order {
		parts[i] = fmt.Sprintf("“%s”%s", s.name, rowList(bySheet[s]))
	}
	return strings.Join(parts, "；")
}

// rowList writes row numbers as 第5、9、12行, 第3–17行 when they follow on,
// and 第5、9、12…等30行 when there are many.
func rowList(rows []int) string {
	rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	if len(rows) == 0 {
		return ""
	}
	if len(rows) > 2 && rows[len(rows)-1]-rows[0] == len(rows)-1 {
		return fmt.Sprintf("第%d–%d行", rows[0], rows[len(rows)-1])
	}
	shown := rows
	if len(rows) > maxRowsNamed {
		shown = rows[:maxRowsNamed]
	}
	nums := make([]string, len(shown))
	for i, r := range shown {
		nums[i] = strconv.Itoa(r)
	}
	if len(rows) > maxRowsNamed {
		return fmt.Sprintf("第%s…等%d行", strings.Join(nums, "、"), len(rows))
	}
	return "第" + strings.Join(nums, "、") + "行"
}

// fmtFigure prints a figure: whole numbers without decimals, others with two.
func fmtFigure(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// cellNames lists the A1 references of positions: F12、G12.
func cellNames(ps []domain.Pos) string {
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		names = append(names, p.Cell())
	}
	return strings.Join(names, "、")
}

// sameNumber compares two figures, allowing for float rounding of amounts.
func sameNumber(a, b float64) bool {
	d := a - b
	return d < 0.005 && d > -0.005
}
