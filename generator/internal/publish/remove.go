package publish

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/briefing/annotated/generator/internal/parallel"
)

// removers is how many files removeTree unlinks at a time. The wait is the
// disk's, not the processor's: on a file system that discards the blocks
// of each file as it is deleted (ext4 mounted with discard, as on this
// project's VM), an unlink waits for the discard, and several waits
// overlap.
const removers = 8

// removeTree removes dir and everything in it, as os.RemoveAll does, but
// unlinks its files on several goroutines first. A link is removed, never
// what it points to. Whatever the goroutines could not remove is left to
// os.RemoveAll, whose error is the one returned.
//
// It is a variable so that a test can make it fail, as it does on a folder
// another user wrote.
//
// Publishing over a site of 10,000 articles (2.6 GB in some 10,000 files)
// spent 2.6–5.6 s removing the old one with os.RemoveAll alone, most of it
// waiting; see docs/performance.md ("Removing the old site").
var removeTree = func(dir string) error {
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil // what cannot be read is os.RemoveAll's to report
	})
	parallel.ForN(removers, len(files), func(i int) { _ = os.Remove(files[i]) })
	return os.RemoveAll(dir)
}
