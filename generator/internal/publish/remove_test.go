package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveTree removes a tree of many files in nested folders, and a
// link in it without what the link points to.
func TestRemoveTree(t *testing.T) {
	dir := t.TempDir()
	tree := filepath.Join(dir, "old")
	for i := range 50 {
		write(t, filepath.Join(tree, "articles", fmt.Sprintf("a-%02d.html", i)), "page")
	}
	write(t, filepath.Join(tree, "index.html"), "home")
	write(t, filepath.Join(tree, "js", "deep", "x.js"), "js")
	if err := os.MkdirAll(filepath.Join(tree, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(dir, "kept")
	write(t, filepath.Join(outside, "keep.txt"), "keep")
	if err := os.Symlink(outside, filepath.Join(tree, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "keep.txt"), filepath.Join(tree, "articles", "file-link")); err != nil {
		t.Fatal(err)
	}

	if err := removeTree(tree); err != nil {
		t.Fatalf("removeTree: %v", err)
	}
	if _, err := os.Lstat(tree); !os.IsNotExist(err) {
		t.Errorf("the tree is still there: %v", err)
	}
	if got := read(t, filepath.Join(outside, "keep.txt")); got != "keep" {
		t.Errorf("what a link pointed to: %q, want it kept", got)
	}

	// A folder that is not there, or empty, or holding one file.
	if err := removeTree(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("removeTree of a missing folder: %v", err)
	}
	one := filepath.Join(dir, "one")
	write(t, filepath.Join(one, "a.html"), "a")
	if err := removeTree(one); err != nil {
		t.Errorf("removeTree of one file's folder: %v", err)
	}
	if _, err := os.Lstat(one); !os.IsNotExist(err) {
		t.Errorf("the folder of one file is still there: %v", err)
	}
}
