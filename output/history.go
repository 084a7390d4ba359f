package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"gongkai/domain"
)

// The batch keeps, under the output folder, the figures of each year it ran
// (history/<year>/metrics.json), so that the next year's run can check its
// 上年结转 and 现行有效件数 against them (R10, R11).
const (
	historyDir  = "history"
	historyFile = "metrics.json"
)

// HistoryPath is where the figures of a year are kept under dir.
func HistoryPath(dir string, year int) string {
	return filepath.Join(dir, historyDir, strconv.Itoa(year), historyFile)
}

// WriteHistory keeps a year's figures under dir, atomically, replacing what
// an earlier run of the same year kept. It returns the path written.
func WriteHistory(dir string, y *domain.YearFigures) (string, error) {
	data, err := encodeHistory(y)
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	h, err := stageHistory(dir, y.Year, data)
	if err != nil {
		return "", err
	}
	if err := h.Commit(); err != nil {
		return "", err
	}
	return h.Path(), nil
}

// StagedHistory is a year's figures written beside their place, to be put
// there when the year's outputs are (Commit), or dropped (Discard).
type StagedHistory struct{ file *stagedFile }

// StageHistoryOf writes a year's figures, whose units' members are given
// (HistoryUnit), without putting them in place: a batch writes them while
// it writes its outputs, and keeps them only once the outputs are in place.
// It keeps each unit's member with its result, and makes only those of the
// units it computes again.
func StageHistoryOf(dir string, year int, county string, units map[string][]byte) (*StagedHistory, error) {
	return stageHistory(dir, year, appendHistory(nil, year, county, units))
}

// stageHistory stages the year's figures as encoded.
func stageHistory(dir string, year int, data []byte) (*StagedHistory, error) {
	path := HistoryPath(dir, year)
	if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	// What a run killed between staging and putting in place left.
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+historyFile+".tmp-*")); err == nil {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	f, err := stageFile(path, "", func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("output: %s: %w", path, err)
	}
	return &StagedHistory{f}, nil
}

// Path is where the figures go.
func (h *StagedHistory) Path() string { return h.file.path }

// Commit puts the figures in place.
func (h *StagedHistory) Commit() error {
	if err := h.file.commit(); err != nil {
		return fmt.Errorf("output: %s: %w", h.file.path, err)
	}
	return nil
}

// Discard drops the figures.
func (h *StagedHistory) Discard() { h.file.discard() }

// encodeHistory is json.Marshal(y), without reflection: a province's
// figures are tens of thousands of maps.
func encodeHistory(y *domain.YearFigures) ([]byte, error) {
	if y.Units == nil {
		return appendHistory(nil, y.Year, y.County, nil), nil
	}
	units := make(map[string][]byte, len(y.Units))
	var mj sortedMetricsJSON
	for name, u := range y.Units {
		var err error
		if units[name], err = mj.appendUnit(nil, name, u); err != nil {
			return nil, err
		}
	}
	return appendHistory(nil, y.Year, y.County, units), nil
}

// HistoryUnit is a unit's member of the year's figures as encodeHistory
// writes it, for StageHistoryOf.
func HistoryUnit(name string, u domain.UnitFigures) ([]byte, error) {
	var mj sortedMetricsJSON
	return mj.appendUnit(nil, name, u)
}

// appendUnit appends the member "name":{"metrics":…,"offices":{…}}.
func (mj *sortedMetricsJSON) appendUnit(b []byte, name string, u domain.UnitFigures) ([]byte, error) {
	b, err := mj.append(append(appendJSONString(b, name), `:{"metrics":`...), u.Metrics)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	b = append(b, `,"offices":`...)
	if u.Offices == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '{')
	for j, office := range slices.Sorted(maps.Keys(u.Offices)) {
		if j > 0 {
			b = append(b, ',')
		}
		if b, err = mj.append(append(appendJSONString(b, office), ':'), u.Offices[office]); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return append(b, "}}"...), nil
}

// appendHistory appends the year's figures with the units' members, by
// name as json writes a map; nil units as null.
func appendHistory(b []byte, year int, county string, units map[string][]byte) []byte {
	n := 64
	for _, m := range units {
		n += len(m) + 1
	}
	b = append(slices.Grow(b, n), `{"year":`...)
	b = strconv.AppendInt(b, int64(year), 10)
	b = appendJSONString(append(b, `,"county":`...), county)
	if units == nil {
		return append(b, `,"units":null}`...)
	}
	b = append(b, `,"units":{`...)
	for i, name := range slices.Sorted(maps.Keys(units)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, units[name]...)
	}
	return append(b, "}}"...)
}

// ReadHistory reads the figures kept for a year under dir; nil and no
// error when none were kept.
func ReadHistory(dir string, year int) (*domain.YearFigures, error) {
	path := HistoryPath(dir, year)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var y domain.YearFigures
	if err := json.Unmarshal(data, &y); err != nil {
		return nil, fmt.Errorf("output: %s: %w", path, err)
	}
	if y.Year != year {
		return nil, fmt.Errorf("output: %s holds the figures of %d, not %d", path, y.Year, year)
	}
	return &y, nil
}
