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
var repositories = []string{".git", ".hg", ".svn", ".bzr", "_darcs", ".fslckout", "_FOSSIL_", "CVS", ".jj", ".pijul"}

// Check returns why a build may not replace out with a new site, or nil.
// A build replaces its output folder whole, so out must be missing, an
// empty folder, or the site of an earlier build: it holds marker, a file
// every build writes at the top of its site, nothing else at its top that
// a build would not write there (known says what a build may write: a
// CNAME or a folder of the user's own, dropped into the site, is theirs),
// and no version-control repository. It must not be a mount point (a USB
// stick, say), which cannot be swapped with a folder beside it. And it
// must not be, or hold, the briefing folder root.
func Check(out, root, marker string, known func(name string) bool) error {
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
	if mountPoint(out) {
		return fmt.Errorf("--out %s is a mount point (a USB stick or a disk of its own, say): a build makes the new site beside it and swaps the two, which cannot be done from another disk; give a folder inside it, like %s", out, filepath.Join(out, "briefing"))
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
	var others []string
	for _, e := range entries {
		if !known(e.Name()) {
			name := e.Name()
			if e.IsDir() {
				name += "/"
			}
			others = append(others, name)
		}
	}
	if len(others) > 0 {
		return fmt.Errorf("--out %s holds %s, which a build does not make: a build replaces its output folder whole, and would throw %s away; move %s elsewhere first (a file every site needs, like a CNAME, goes in the briefing's themes/briefing/static/, which every build copies into its site)", out, listed(others), them(others), them(others))
	}
	return nil
}

// listed is names written out for a message, the first five of them.
func listed(names []string) string {
	const most = 5
	shown := names[:min(len(names), most)]
	s := strings.Join(shown, ", ")
	if len(shown) > 1 && len(names) <= most {
		s = strings.Join(shown[:len(shown)-1], ", ") + " and " + shown[len(shown)-1]
	}
	if len(names) > most {
		s += fmt.Sprintf(" and %d more", len(names)-most)
	}
	return s
}

// them is the pronoun for names in a message.
func them(names []string) string {
	if len(names) == 1 {
		return "it"
	}
	return "them"
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
// An out named "." or ".." (a build run from inside its site) is given by
// its full path: the new site is made beside the folder, under a name made
// from the folder's own, and neither name says which folder that is.
func Target(out string) (string, error) {
	if b := filepath.Base(out); b == "." || b == ".." {
		abs, err := filepath.Abs(out)
		if err != nil {
			return "", fmt.Errorf("--out %s: %w", out, err)
		}
		out = abs
	}
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
