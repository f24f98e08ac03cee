package hugo

import "os"

// StageParent returns the folder to create staging folders in: os.TempDir(),
// unless $TMPDIR is unset and, on Linux, /dev/shm is a memory file system
// with room to spare (need bytes, twice over). Hugo and the generator
// exchange thousands of small files through the staged project; on a memory
// file system writing them takes a few hundredths of the time it takes on a
// disk, and the folder is removed after each build. A memory file system is
// memory all the same, that nothing can page out: a project needing more
// than MaxMemoryStage goes to the disk, so that a large briefing's build
// does not hold its whole site in memory under another name.
func StageParent(need int64) string {
	if os.Getenv("TMPDIR") != "" || need > MaxMemoryStage {
		return os.TempDir()
	}
	if dir, ok := memoryFS(2 * need); ok {
		return dir
	}
	return os.TempDir()
}

// MaxMemoryStage is the most a staging folder may need to be put on a
// memory file system (StageParent).
const MaxMemoryStage = 512 << 20
