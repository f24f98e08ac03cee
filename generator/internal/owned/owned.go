// Package owned keeps what a process makes for its own use from outliving
// it: the temporary folders it makes belong to it, so that a later run can
// tell a folder a killed process left behind (SIGKILL, a crash, the
// machine's memory running out) from one a process still at work is
// writing, and remove only the first; and the programs it runs
// (DieWithParent) stop when it is killed.
//
// A folder is named prefix-PID-random after the process that made it, and
// that process holds a shared lock on it (flock) for as long as it wants it
// kept: the kernel lets go of the lock however the process ends. A folder
// is abandoned when its process is gone and nobody holds its lock (its
// process may run in another PID namespace sharing the folder, where its
// number means nothing here).
package owned

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Make creates an empty folder in parent named prefix-PID-random and locks
// it. unlock lets go of the lock and leaves the folder where it is: the
// caller removes it, or has moved it (a site swapped into place, say).
func Make(parent, prefix string) (dir string, unlock func(), err error) {
	dir, err = os.MkdirTemp(parent, prefix+"-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", nil, err
	}
	lock, err := os.Open(dir)
	if err == nil {
		if err = lockShared(lock); err != nil {
			lock.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, func() { lock.Close() }, nil
}

// Owner returns the process ID in name, a folder's name made by Make with
// prefix.
func Owner(name, prefix string) (int, bool) {
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

// Abandoned reports whether dir, made by Make with prefix, is locked by
// nobody and belongs to a process that has ended, or has not changed for
// longer than a process takes to lock the folder it made: a process of
// that number may be another (in a container, every build is process 1),
// and only in the moment between making a folder and locking it does its
// name alone speak for it. A folder whose name is not one Make gives is
// never abandoned.
func Abandoned(dir, prefix string) bool {
	pid, ok := Owner(filepath.Base(dir), prefix)
	if !ok || !Unlocked(dir) {
		return false
	}
	if !alive(pid) {
		return true
	}
	info, err := os.Stat(dir)
	return err == nil && time.Since(info.ModTime()) > lockGrace
}

// lockGrace is how long a folder Make made may go unlocked while its
// process is alive: far longer than Make takes from making it to locking it.
const lockGrace = 10 * time.Second

// Unlocked reports whether nobody holds a lock on dir (as Make's callers
// do while they want it kept). A folder that cannot be opened counts as
// locked: it is not this process's to remove.
func Unlocked(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	return lockExclusive(f)
}

// Clean removes the folders in parent that Make made with prefix and that
// are abandoned.
func Clean(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		dir := filepath.Join(parent, e.Name())
		if e.IsDir() && Abandoned(dir, prefix) {
			os.RemoveAll(dir)
		}
	}
}
