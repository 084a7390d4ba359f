package output

import (
	"io/fs"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// StampOf returns the stamp in info, of the file at path, or nil when its
// file system may let a program set the inode's change time, or keep no
// such time: FAT and exFAT (where it is the modification time), network
// and FUSE file systems (where it is the server's). Only local file
// systems known to keep it are trusted.
func StampOf(info fs.FileInfo, path string) *FileStamp {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || !trustedDevice(uint64(st.Dev), path) {
		return nil
	}
	return &FileStamp{Dev: st.Dev, Ino: st.Ino, Size: st.Size,
		MTime: st.Mtim.Nano(), CTime: st.Ctim.Nano()}
}

// trustedDevs remembers trustsChangeTime by device: a property of the file
// system, asked once rather than for every file.
var trustedDevs sync.Map // uint64 → bool

// trustedDevice is trustsChangeTime for the file system of device dev,
// where path lies.
func trustedDevice(dev uint64, path string) bool {
	if t, ok := trustedDevs.Load(dev); ok {
		return t.(bool)
	}
	t := trustsChangeTime(path)
	trustedDevs.Store(dev, t)
	return t
}

// trustsChangeTime reports whether the file system of path keeps an inode
// change time no program can set.
func trustsChangeTime(path string) bool {
	var st unix.Statfs_t
	if unix.Statfs(path, &st) != nil {
		return false
	}
	switch int64(st.Type) {
	case unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC, unix.TMPFS_MAGIC,
		unix.OVERLAYFS_SUPER_MAGIC, 0x2FC12FC1: // the last: ZFS
		return true
	}
	return false
}
