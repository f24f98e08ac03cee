package hugo

import "os"

// StageParent returns the folder to create staging folders in: os.TempDir(),
// unless $TMPDIR is unset and, on Linux, /dev/shm is a memory file system
// with room to spare (need bytes, twice over). Hugo and the generator
// exchange thousands of small files through the staged project; on a memory
// file system writing them takes a few hundredths of the time it takes on a
// disk, and the folder is removed after each build.
func StageParent(need int64) string {
	if os.Getenv("TMPDIR") != "" {
		return os.TempDir()
	}
	if dir, ok := memoryFS(2 * need); ok {
		return dir
	}
	return os.TempDir()
}
