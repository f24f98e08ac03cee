// Package publish replaces a site's output folder with a freshly built one
// in a single step, so that a reader or a static host never sees a
// half-written site, and a failed or killed build leaves the previous output
// exactly as it was.
//
// A build writes into a temporary sibling of the output folder
// (".<name>.new-<PID>-<random>"), which it locks while it works (package
// owned). Publish swaps the two atomically where the
// system can (renameat2 with RENAME_EXCHANGE on Linux), or else renames the
// old folder aside and the new one into place, then removes the old one.
// Leftovers of an interrupted build are removed by Clean at the start of the
// next one, which leaves alone the folder of a build still at work (two
// builds into the same folder at once each publish a whole site, the later
// one last); an output folder that an interrupted swap left aside is put
// back.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefing/annotated/generator/internal/owned"
)

// LeftoverError is what Publish and Clean return when all went as it
// should but a copy they meant to remove stays: the new output is in
// place, or the old one is. It is a warning for the user to act on (a
// folder written by another user, say), not a failed build.
type LeftoverError struct {
	Path string // the folder left behind
	Err  error
}

func (e *LeftoverError) Error() string {
	return fmt.Sprintf("%s could not be removed (%v): remove it by hand", e.Path, e.Err)
}

func (e *LeftoverError) Unwrap() error { return e.Err }

// leftover is removeTree's error on dir as a *LeftoverError, or nil.
func leftover(dir string) error {
	if err := removeTree(dir); err != nil {
		return &LeftoverError{Path: dir, Err: err}
	}
	return nil
}

// TempDir creates the folder a build writes into, beside out, locked by
// this process until unlock is called (or the process ends): Clean, in
// another build into the same out, leaves it alone. The caller removes
// the folder (Publish moves it into place).
func TempDir(out string) (dir string, unlock func(), err error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, err
	}
	dir, unlock, err = owned.Make(parent, newPrefix(out))
	if err != nil {
		// A user who owns out but not the folder above it (a linked
		// output folder's, say) cannot publish there.
		return "", nil, fmt.Errorf("a build makes the new site beside %s and swaps the two, so %s must be writable, and it is not (%v): give an output folder in a folder you can write to", out, parent, bare(err))
	}
	// A published site is world-readable, as a static host expects.
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		unlock()
		return "", nil, err
	}
	return dir, unlock, nil
}

// newPrefix is the start of the names TempDir gives the folders it makes
// beside out.
func newPrefix(out string) string {
	return "." + filepath.Base(out) + ".new"
}

// Clean removes what an interrupted build left beside out, and restores out
// if an interrupted swap left it aside. The folder of a build still at work
// (its owner alive, or its lock held) is no leftover: another build into
// the same out, started a moment before, is writing it; so is one named as
// a build before owned folders named it (".<name>.new-<random>") while
// anyone holds its lock. A leftover it cannot remove does not stop a build,
// whose own folder has another name: it is returned as a *LeftoverError,
// after the rest is cleaned.
func Clean(out string) error {
	var left error
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
		aside := strings.HasPrefix(name, "."+base+".old-")
		if !aside && !strings.HasPrefix(name, newPrefix(out)+"-") {
			continue
		}
		if !aside && !abandoned(filepath.Join(parent, name), newPrefix(out)) {
			continue
		}
		if _, err := os.Stat(out); aside && os.IsNotExist(err) {
			if err := os.Rename(filepath.Join(parent, name), out); err != nil {
				return err
			}
			continue
		}
		if err := leftover(filepath.Join(parent, name)); err != nil && left == nil {
			left = err
		}
	}
	return left
}

// abandoned reports whether dir, a folder TempDir made with prefix (or one
// named as TempDir named them before they had owners), is no longer
// wanted by the build that made it.
func abandoned(dir, prefix string) bool {
	if _, ok := owned.Owner(filepath.Base(dir), prefix); ok {
		return owned.Abandoned(dir, prefix)
	}
	return owned.Unlocked(dir)
}

// exchange swaps two paths atomically, or fails (a variable, for tests of
// the way round it).
var exchange = exchangeFiles

// Publish makes built the new out. built must be a sibling made by TempDir.
// Once the new output is in place, failing to remove the old one is a
// *LeftoverError: the site is published.
func Publish(built, out string) error {
	if _, err := os.Stat(out); os.IsNotExist(err) {
		return os.Rename(built, out)
	}
	if err := exchange(built, out); err == nil {
		return leftover(built) // built now holds the old output
	}
	old := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".old-"+filepath.Base(built))
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("cannot move the old output aside: %w", err)
	}
	if err := os.Rename(built, out); err != nil {
		_ = os.Rename(old, out)
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	// The old output is removed under the name built had, which Clean
	// removes and never puts back: what of it could not be removed is
	// not a site to restore should out go missing.
	if err := os.Rename(old, built); err == nil {
		old = built
	}
	return leftover(old)
}

// bare is err without the operation and path a *fs.PathError adds, which
// the messages that use it give in their own words.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsLeftover says whether err is a *LeftoverError itself, not one wrapped
// with another error, which would be a failure.
func IsLeftover(err error) bool {
	_, ok := err.(*LeftoverError)
	return ok
}
