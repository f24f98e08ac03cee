package hugo

import (
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

// StageParent returns the folder to create staging folders in: os.TempDir(),
// unless $TMPDIR is unset and, on Linux, /dev/shm is a memory file system
// with room to spare (need bytes, twice over). Hugo and the generator
// exchange thousands of small files through the staged project; on a memory
// file system writing them takes a few hundredths of the time it takes on a
// disk, and the folder is removed after each build.
func StageParent(need int64) string {
	if os.Getenv("TMPDIR") != "" || runtime.GOOS != "linux" {
		return os.TempDir()
	}
	const shm = "/dev/shm"
	var st unix.Statfs_t
	if err := unix.Statfs(shm, &st); err != nil || st.Type != unix.TMPFS_MAGIC {
		return os.TempDir()
	}
	if int64(st.Bavail)*int64(st.Bsize) < 2*need || unix.Access(shm, unix.W_OK) != nil {
		return os.TempDir()
	}
	return shm
}
