package pipeline

import "golang.org/x/sys/unix"

// onExt4 reports whether path lies on ext4.
func onExt4(path string) bool {
	var fs unix.Statfs_t
	return unix.Statfs(path, &fs) == nil && fs.Type == unix.EXT4_SUPER_MAGIC
}
