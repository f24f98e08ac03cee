//go:build linux || darwin

package input

import (
	"io/fs"
	"syscall"
)

// stampOf returns what the file system says of the file behind fi that
// changes whenever its bytes do, or false when fi does not say it.
func stampOf(fi fs.FileInfo) (stamp, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || !fi.Mode().IsRegular() {
		return stamp{}, false
	}
	mtime, ctime := statTimes(st)
	return stamp{size: fi.Size(), mtime: mtime, ctime: ctime, ino: uint64(st.Ino), dev: uint64(st.Dev)}, true
}
