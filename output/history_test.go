package output

import (
	"os"
	"testing"

	"gongkai/domain"
)

// TestHistoryRoundTrip: a year's figures are kept under history/<year>/
// and read back; a year never kept reads as nil without an error, and a
// file of another year is refused.
func TestHistoryRoundTrip(t *testing.T) {
	dir := t.TempDir()
	y := &domain.YearFigures{Year: 2024, County: "合浦县", Units: map[string]domain.UnitFigures{
		"白沙镇": {Metrics: domain.Metrics{"t3.carried_out.total": 2}, Offices: map[string]domain.Metrics{"党政办": {"t3.carried_out.total": 2}}},
	}}
	path, err := WriteHistory(dir, y)
	if err != nil {
		t.Fatal(err)
	}
	if path != HistoryPath(dir, 2024) {
		t.Errorf("written to %s", path)
	}
	got, err := ReadHistory(dir, 2024)
	if err != nil || got.Office("白沙镇", "党政办")["t3.carried_out.total"] != 2 {
		t.Fatalf("read back %+v, %v", got, err)
	}
	if none, err := ReadHistory(dir, 2023); none != nil || err != nil {
		t.Errorf("a year never kept: %v, %v", none, err)
	}
	y.Year = 2022 // kept under the folder of 2024 by mistake
	p2022, err := WriteHistory(dir, y)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(p2022, HistoryPath(dir, 2024)); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadHistory(dir, 2024); err == nil {
		t.Error("the figures of 2022 read as those of 2024")
	}
}
