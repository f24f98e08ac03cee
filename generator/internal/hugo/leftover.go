package hugo

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A process killed before it could remove its staging folder (SIGKILL, a
// crash, the machine's memory running out) leaves it in StageParent, which
// may be /dev/shm, where it holds memory until the next reboot. So a staging
// folder is named after the process that made it and locked by it for as
// long as it runs, and the next run removes those whose owner is gone.

// TempStage creates an empty staging folder in StageParent(need), named
// prefix-PID-random, and locks it until release is called or the process
// ends, however it ends. release removes the folder.
func TempStage(prefix string, need int64) (dir string, release func(), err error) {
	dir, err = os.MkdirTemp(StageParent(need), prefix+"-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", nil, err
	}
	lock, err := os.Open(dir)
	if err == nil {
		err = lockShared(lock)
		if err != nil {
			lock.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, func() {
		os.RemoveAll(dir)
		lock.Close()
	}, nil
}

// CleanStages removes the staging folders that TempStage made with prefix,
// in StageParent and in os.TempDir(), for processes that are gone. A folder
// is left alone while its process runs, or while anyone holds its lock (its
// process may run in another PID namespace sharing the folder).
func CleanStages(prefix string) {
	parents := []string{StageParent(0)}
	if t := os.TempDir(); t != parents[0] {
		parents = append(parents, t)
	}
	for _, parent := range parents {
		entries, err := os.ReadDir(parent)
		if err != nil {
			continue
		}
		for _, e := range entries {
			pid, ok := stageOwner(e.Name(), prefix)
			if !ok || !e.IsDir() || alive(pid) {
				continue
			}
			dir := filepath.Join(parent, e.Name())
			f, err := os.Open(dir)
			if err != nil {
				continue
			}
			if lockExclusive(f) {
				os.RemoveAll(dir)
			}
			f.Close()
		}
	}
}

// stageOwner returns the process ID in a name made by TempStage with prefix.
func stageOwner(name, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix+"-")
	if !ok {
		return 0, false
	}
	id, random, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(id)
	if !ok || err != nil || pid <= 0 || random == "" {
		return 0, false
	}
	return pid, true
}
