package samplecounty

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
)

// writeExpected stores a list of planted cases beside the inbox, sorted by
// order so that the same seed gives the same bytes; an empty list is [].
func writeExpected[T any](dir, name string, list []T, order func(a, b T) int) error {
	list = slices.Clone(list)
	slices.SortStableFunc(list, order)
	if list == nil {
		list = []T{}
	}
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name), append(data, '\n'), 0o644)
}

// readExpected reads a list of planted cases written by writeExpected.
func readExpected[T any](dir, name string) ([]T, error) {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	var out []T
	return out, json.Unmarshal(data, &out)
}
