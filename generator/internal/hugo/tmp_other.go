//go:build !linux

package hugo

// memoryFS reports no memory file system: only Linux's /dev/shm is known.
func memoryFS(room int64) (string, bool) { return "", false }
