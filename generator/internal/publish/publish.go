// Package publish replaces a site's output folder with a freshly built one
// in a single step, so that a reader or a static host never sees a
// half-written site, and a failed or killed build leaves the previous output
// exactly as it was.
//
// A build writes into a temporary sibling of the output folder
// (".<name>.new-<random>"). Publish swaps the two atomically where the
// system can (renameat2 with RENAME_EXCHANGE on Linux), or else renames the
// old folder aside and the new one into place, then removes the old one.
// Leftovers of an interrupted build are removed by Clean at the start of the
// next one; an output folder that an interrupted swap left aside is put back.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TempDir creates the folder a build writes into, beside out.
func TempDir(out string) (string, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return "", err
	}
	// A published site is world-readable, as a static host expects.
	return dir, os.Chmod(dir, 0o755)
}

// Clean removes what an interrupted build left beside out, and restores out
// if an interrupted swap left it aside.
func Clean(out string) error {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."+base+".old-"):
			if _, err := os.Stat(out); os.IsNotExist(err) {
				if err := os.Rename(filepath.Join(parent, name), out); err != nil {
					return err
				}
				continue
			}
			if err := removeTree(filepath.Join(parent, name)); err != nil {
				return err
			}
		case strings.HasPrefix(name, "."+base+".new-"):
			if err := removeTree(filepath.Join(parent, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Publish makes built the new out. built must be a sibling made by TempDir.
func Publish(built, out string) error {
	if _, err := os.Stat(out); os.IsNotExist(err) {
		return os.Rename(built, out)
	}
	if err := exchange(built, out); err == nil {
		return removeTree(built) // built now holds the old output
	}
	old := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old-"+filepath.Base(built))
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("cannot move the old output aside: %w", err)
	}
	if err := os.Rename(built, out); err != nil {
		_ = os.Rename(old, out)
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	return removeTree(old)
}
