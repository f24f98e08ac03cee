//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
)

// mountPoint reports whether the folder dir is the top of a file system
// other than its parent's: there it cannot be renamed, nor a folder beside
// it swapped with it.
func mountPoint(dir string) bool {
	real := resolve(dir)
	in, err1 := os.Stat(real)
	above, err2 := os.Stat(filepath.Dir(real))
	if err1 != nil || err2 != nil {
		return false
	}
	a, ok1 := in.Sys().(*syscall.Stat_t)
	b, ok2 := above.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && a.Dev != b.Dev
}
