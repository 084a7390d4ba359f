package samplecounty

import (
	"encoding/json"
	"os"
	"path/filepath"

	"gongkai/domain"
)

// TruthFile is the name of the ground truth file in the output folder.
const TruthFile = "truth.json"

// Truth is the ground truth of a generated county: every metric id of the
// configuration for each unit and for the county.
type Truth struct {
	Year   int                  `json:"year"`
	County CountyTruth          `json:"county"`
	Units  map[string]UnitTruth `json:"units"`
}

// CountyTruth is the county's name and totals (the sum of its units).
type CountyTruth struct {
	Name    string         `json:"name"`
	Metrics domain.Metrics `json:"metrics"`
}

// UnitTruth is one unit's metrics.
type UnitTruth struct {
	Metrics domain.Metrics `json:"metrics"`
}

// write stores t as indented JSON (encoding/json sorts map keys).
func (t *Truth) write(dir string) error {
	data, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, TruthFile), append(data, '\n'), 0o644)
}
