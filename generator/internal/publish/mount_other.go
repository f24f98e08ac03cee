//go:build !unix

package publish

// mountPoint reports whether dir is the top of a file system of its own;
// without a device number to compare, it is taken not to be, and a swap
// that fails says why.
func mountPoint(dir string) bool { return false }
