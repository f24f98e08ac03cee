//go:build unix

package owned

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockShared takes a shared lock on the open folder f without waiting.
func lockShared(f *os.File) error {
	return unix.Flock(int(f.Fd()), unix.LOCK_SH|unix.LOCK_NB)
}

// lockExclusive reports whether an exclusive lock on f could be taken at
// once, that is, whether nobody holds a lock on it.
func lockExclusive(f *os.File) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}

// alive reports whether process pid exists (as far as this process can
// tell: one of another user's counts too).
func alive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}
