package output

import (
	"archive/zip"
	"strings"
	"testing"

	"gongkai/domain"
)

func TestMonthlySheet(t *testing.T) {
	r := checkedTestReport(t)
	baisha := domain.Monthly{Items: domain.Months{3, 0, 5}, Applications: domain.Months{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}}
	zhakou := domain.Monthly{Items: domain.Months{11: 9}}
	r.Monthly = domain.MonthlyTrend{Units: map[string]domain.Monthly{"白沙镇": baisha, "闸口镇": zhakou}}
	r.Monthly.County.Add(baisha)
	r.Monthly.County.Add(zhakou)
	path := writeTest(t, r).County
	f := openBook(t, path)

	items := tableRows(t, f, monthlySheet, headerUnit)
	want := []map[string]string{
		{headerUnit: "白沙镇", "1月": "3", "3月": "5", "12月": "0", labelYear: "8"},
		{headerUnit: "闸口镇", "1月": "0", "12月": "9", labelYear: "9"},
		{headerUnit: "../曲樟乡", "1月": "0", labelYear: "0"}, // no months: zeros
		{headerUnit: labelCountyTotal, "1月": "3", "3月": "5", "12月": "9", labelYear: "17"},
	}
	if len(items) != len(want) {
		t.Fatalf("items table has %d rows, want %d: %v", len(items), len(want), items)
	}
	for i, w := range want {
		for k, v := range w {
			if items[i][k] != v {
				t.Errorf("items row %d %s = %q, want %q", i+1, k, items[i][k], v)
			}
		}
	}
	_, appsCaption := findCell(t, f, monthlySheet, captionMonthlyApps)
	rows, err := f.GetRows(monthlySheet)
	if err != nil {
		t.Fatal(err)
	}
	county := rows[appsCaption+4] // caption, header, three units, then the county
	if county[0] != labelCountyTotal || county[2] != "1" || county[12] != "2" || county[13] != "3" {
		t.Errorf("county applications row = %q", county)
	}

	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var charts []string
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts = append(charts, zf.Name)
		}
	}
	if len(charts) != 2 {
		t.Errorf("charts = %q, want the county's and the units'", charts)
	}
}
