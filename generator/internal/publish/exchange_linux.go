package publish

import "golang.org/x/sys/unix"

// exchangeFiles swaps two paths atomically.
func exchangeFiles(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
