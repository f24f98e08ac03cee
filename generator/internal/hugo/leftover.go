package hugo

import (
	"os"

	"github.com/briefing/annotated/generator/internal/owned"
)

// A process killed before it could remove its staging folder (SIGKILL, a
// crash, the machine's memory running out) leaves it in StageParent, which
// may be /dev/shm, where it holds memory until the next reboot. So a staging
// folder belongs to the process that made it (package owned), and the next
// run removes those whose owner is gone.

// TempStage creates an empty staging folder in StageParent(need), named
// prefix-PID-random, and locks it until release is called or the process
// ends, however it ends. release removes the folder.
func TempStage(prefix string, need int64) (dir string, release func(), err error) {
	dir, unlock, err := owned.Make(StageParent(need), prefix)
	if err != nil {
		return "", nil, err
	}
	return dir, func() {
		os.RemoveAll(dir)
		unlock()
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
		owned.Clean(parent, prefix)
	}
}
