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
	h, err := StageHistory(dir, y)
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

// StageHistory writes a year's figures for WriteHistory, without putting
// them in place: a batch writes them while it writes its outputs, and
// keeps them only once the outputs are in place.
func StageHistory(dir string, y *domain.YearFigures) (*StagedHistory, error) {
	path := HistoryPath(dir, y.Year)
	if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	// What a run killed between staging and putting in place left.
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+historyFile+".tmp-*")); err == nil {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	data, err := encodeHistory(y)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	f, err := stageFile(path, func(w io.Writer) error {
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
	n := 0 // figures, for the size of the text: ~40 bytes each
	for _, u := range y.Units {
		n += len(u.Metrics)
		for _, m := range u.Offices {
			n += len(m)
		}
	}
	b := append(make([]byte, 0, 256+40*n), `{"year":`...)
	b = strconv.AppendInt(b, int64(y.Year), 10)
	b = appendJSONString(append(b, `,"county":`...), y.County)
	b = append(b, `,"units":`...)
	if y.Units == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '{')
	var err error
	var mj sortedMetricsJSON
	for i, name := range slices.Sorted(maps.Keys(y.Units)) {
		u := y.Units[name]
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, name)
		if b, err = mj.append(append(b, `:{"metrics":`...), u.Metrics); err != nil {
			return nil, err
		}
		b = append(b, `,"offices":`...)
		if u.Offices == nil {
			b = append(b, "null}"...)
			continue
		}
		b = append(b, '{')
		for j, office := range slices.Sorted(maps.Keys(u.Offices)) {
			if j > 0 {
				b = append(b, ',')
			}
			if b, err = mj.append(append(appendJSONString(b, office), ':'), u.Offices[office]); err != nil {
				return nil, err
			}
		}
		b = append(b, "}}"...)
	}
	return append(b, "}}"...), nil
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
