package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// commitStaged puts the staged outputs in place as one set: the staging
// folder and the year's folder are exchanged in one step, so a reader — or
// a run killed meanwhile — finds all of the last run's files or all of
// this run's, never some of each. Files of the year's folder this run did
// not write (a unit's workbook from before it left the roster, a file
// someone put there) are then moved into the new folder: outputs are
// replaced, never deleted. Where the file system cannot exchange two
// folders, the staged files (rels) are renamed one by one, run.json last.
// The staging folder then holds what was replaced; the caller sets it
// aside (Writer.Close).
func commitStaged(stage, dir string, rels []string) error {
	if err := os.RemoveAll(filepath.Join(stage, partsDir)); err != nil {
		return err
	}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(stage, dir); err != nil {
			return err
		}
		syncDir(filepath.Dir(dir))
		return nil
	}
	if exchangeDirs(stage, dir) == nil {
		if err := keepOthers(stage, dir); err != nil {
			return err
		}
		syncDir(filepath.Dir(dir))
		return nil
	}
	if err := os.MkdirAll(filepath.Join(dir, dataDir), dirMode); err != nil {
		return err
	}
	for _, rel := range rels {
		if err := os.Rename(filepath.Join(stage, rel), filepath.Join(dir, rel)); err != nil {
			return err
		}
	}
	syncDir(dir)
	syncDir(filepath.Join(dir, dataDir))
	return nil
}

// keepOthers moves what the folder old holds and the folder cur does not
// into cur, folder by folder, each folder it moved something into synced
// (among them the Parquet files a run left in place: Finish).
func keepOthers(old, cur string) error {
	entries, err := os.ReadDir(old)
	if err != nil {
		return err
	}
	moved := false
	defer func() {
		if moved {
			syncDir(cur)
		}
	}()
	for _, e := range entries {
		from, to := filepath.Join(old, e.Name()), filepath.Join(cur, e.Name())
		st, err := os.Lstat(to)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Rename(from, to); err != nil {
				return err
			}
			moved = true
		case err != nil:
			return err
		case e.IsDir() && st.IsDir():
			if err := keepOthers(from, to); err != nil {
				return err
			}
		}
	}
	return nil
}
