package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// repositories are folders a build never makes and must not throw away
// with the site it replaces: a static host's deployment repository kept in
// the output folder, say.
var repositories = []string{".git", ".hg", ".svn"}

// Check returns why a build may not replace out with a new site, or nil.
// A build replaces its output folder whole, so out must be missing, an
// empty folder, or the site of an earlier build: it holds marker, a file
// every build writes at the top of its site, and no version-control
// repository. And it must not be, or hold, the briefing folder root.
func Check(out, root, marker string) error {
	// Inside the briefing's own text, or its theme, a site would be read
	// as part of it at the next build (a theme's static/ is copied into
	// every site, its layouts/ are templates), and mixed with the writer's
	// files.
	for _, dir := range []string{"content", "annotations", "themes"} {
		if within(out, filepath.Join(root, dir)) {
			return fmt.Errorf("--out %s is inside the briefing's %s folder, whose files the briefing is made of: give a folder outside it, like %s", out, dir, filepath.Join(root, "public"))
		}
	}
	info, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if errors.Is(err, syscall.ENOTDIR) {
		if p := FileOnTheWay(out); p != "" {
			return fmt.Errorf("--out %s cannot be made: %s, on the way to it, is a file, not a folder; give a folder the site should go in", out, p)
		}
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("--out %s is a file, not a folder: a build makes a folder there; give the folder the site should go in", out)
	}
	if within(root, out) {
		return fmt.Errorf("--out %s holds the briefing folder %s: a build replaces its output folder whole, and would throw the briefing away; give a folder of its own, like %s", out, resolve(root), filepath.Join(root, "public"))
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if len(entries) == 0 {
		return nil
	}
	names := make(map[string]bool, len(entries))
	for _, e := range entries {
		names[e.Name()] = true
	}
	if !names[marker] {
		return fmt.Errorf("--out %s holds files, but not the %s of a site this tool built: a build replaces its output folder whole, and would throw them away; give a new or empty folder, or move those files elsewhere first", out, marker)
	}
	// A repository at any depth (a sub-site kept in a folder of its own,
	// public/sub/.git) is as much lost as one at the top.
	// A .git may be a file (a worktree's or a submodule's), and out a link
	// to the folder, which the walk is given resolved.
	repo, real := "", resolve(out)
	_ = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err == nil && slices.Contains(repositories, d.Name()) {
			repo, _ = filepath.Rel(real, p)
			return fs.SkipAll
		}
		return nil
	})
	if repo != "" {
		return fmt.Errorf("--out %s holds %s: a build replaces its output folder whole, and would throw the repository away; build into another folder and copy the site into the repository", out, filepath.ToSlash(repo))
	}
	return nil
}

// FileOnTheWay returns the file, named in path, that stands where a folder
// on the way to path should be (path being "notes.txt/site", say), or "".
func FileOnTheWay(path string) string {
	for p := filepath.Dir(path); p != filepath.Dir(p); p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	return ""
}

// Target returns the folder a build into out publishes to: out, or, when
// out is a symbolic link (public linked to a web server's folder, say),
// the folder it leads to, which the build replaces while the link stays.
func Target(out string) (string, error) {
	info, err := os.Lstat(out)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return out, nil
	}
	real, err := filepath.EvalSymlinks(out)
	if err != nil {
		to, _ := os.Readlink(out)
		why := bare(err).Error()
		if strings.Contains(why, "too many links") { // EvalSymlinks' own error
			why = "it leads through links that never reach a folder"
		}
		return "", fmt.Errorf("--out %s is a link to %s, which cannot be followed (%s): point the link at a folder, or remove it", out, to, why)
	}
	if info, err := os.Stat(real); err == nil && !info.IsDir() {
		return "", fmt.Errorf("--out %s is a link to %s, a file, not a folder: point the link at the folder the site should go in", out, real)
	}
	return real, nil
}

// within reports whether path is dir or inside it, once both are absolute
// and their symbolic links resolved. A path that cannot be resolved is
// taken as it is written.
func within(path, dir string) bool {
	path, dir = resolve(path), resolve(dir)
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve returns p absolute, with the symbolic links of the deepest part
// of it that exists resolved and the rest joined back on: an --out not
// made yet, below a linked folder (themes/ linked to a shared theme, the
// briefing itself reached through a link), compares with the folders it
// is inside as they are resolved.
func resolve(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	for q, rest := p, ""; ; q, rest = filepath.Dir(q), filepath.Join(filepath.Base(q), rest) {
		if real, err := filepath.EvalSymlinks(q); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(q) == q {
			return p
		}
	}
}
