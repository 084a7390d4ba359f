package output

import "os"

// FileStamp is what the file system says of a file's state: where it is
// (device, inode), its size, and when its content and its inode last
// changed. On the file systems StampOf trusts, any write changes the
// inode's change time, which no program can set back, so an unchanged
// stamp means unchanged content. Renaming a file changes it too (renaming
// the folders it is in does not): the county workbook's stamp is taken
// after it is put in place and before it is renamed to be written over.
type FileStamp struct {
	Dev, Ino     uint64
	Size         int64
	MTime, CTime int64 // nanoseconds since 1970
}

// StampAt returns the stamp of the file at path (StampOf), or nil.
func StampAt(path string) *FileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return StampOf(info, path)
}
