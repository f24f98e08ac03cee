package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// siteFiles says which names a build writes at the top of its site, for
// these tests.
func siteFiles(name string) bool { return name == "briefing.json" || name == "index.html" }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "briefing")
	write(t, filepath.Join(root, "content", "_index.md"), "---\ntitle: T\n---\n")
	write(t, filepath.Join(dir, "site", "briefing.json"), "{}")
	write(t, filepath.Join(dir, "site", "index.html"), "<p>")
	write(t, filepath.Join(dir, "notes", "todo.txt"), "mine")
	write(t, filepath.Join(dir, "repo", "briefing.json"), "{}")
	write(t, filepath.Join(dir, "repo", ".git", "HEAD"), "ref: refs/heads/main")
	write(t, filepath.Join(dir, "nested", "briefing.json"), "{}")
	write(t, filepath.Join(dir, "nested", "sub", ".hg", "store"), "")
	// git worktree add public gh-pages: .git is a file.
	write(t, filepath.Join(dir, "worktree", "briefing.json"), "{}")
	write(t, filepath.Join(dir, "worktree", ".git"), "gitdir: /elsewhere/.git/worktrees/public")
	write(t, filepath.Join(dir, "file.html"), "<p>")
	// A folder of the user's own that holds a briefing.json (a download,
	// say), and a site the user added a CNAME and a folder to.
	write(t, filepath.Join(dir, "mine", "briefing.json"), `{"my": "own data"}`)
	write(t, filepath.Join(dir, "mine", "thesis.txt"), "mine")
	write(t, filepath.Join(dir, "mine", "photos", "a.jpg"), "mine")
	write(t, filepath.Join(dir, "added", "briefing.json"), "{}")
	write(t, filepath.Join(dir, "added", "index.html"), "<p>")
	write(t, filepath.Join(dir, "added", "CNAME"), "briefing.example.org")
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "site"), filepath.Join(dir, "link-to-site")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "repo"), filepath.Join(dir, "link-to-repo")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "link-to-parent")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out  string
		want string // in the error; "" for none
	}{
		{"public", ""},
		{"empty", ""},
		{"site", ""},
		{"link-to-site", ""},
		{"file.html", "is a file, not a folder"},
		{"notes", "holds files, but not the briefing.json of a site this tool built"},
		{"mine", "holds photos/ and thesis.txt, which a build does not make: a build replaces its output folder whole, and would throw them away"},
		{"added", "holds CNAME, which a build does not make: a build replaces its output folder whole, and would throw it away; move it elsewhere first (a file every site needs, like a CNAME, goes in the briefing's themes/briefing/static/"},
		{"briefing/content", "inside the briefing's content folder"},
		{"repo", "holds .git"},
		{"nested", "holds sub/.hg"},
		{"worktree", "holds .git"},
		{"link-to-repo", "holds .git"},
		{"briefing", "holds the briefing folder"},
		{"briefing/content/site", "inside the briefing's content folder"},
		{"briefing/annotations/x", "inside the briefing's annotations folder"},
		{"briefing/themes/briefing/static/site", "inside the briefing's themes folder"},
		{".", "holds the briefing folder"},
		{"link-to-parent", "holds the briefing folder"},
		{"/", "holds the briefing folder"},
		{"file.html/site", "file.html, on the way to it, is a file, not a folder"},
		{"file.html/a/b", "file.html, on the way to it, is a file, not a folder"},
	}
	for _, tt := range tests {
		out := tt.out
		if !filepath.IsAbs(out) {
			out = filepath.Join(dir, out)
		}
		err := Check(out, root, "briefing.json", siteFiles)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.out, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "--out "+out+" ")):
			t.Errorf("%s: got %v, want an error that starts with --out and says %q", tt.out, err, tt.want)
		}
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		if err := Check("/proc", root, "briefing.json", siteFiles); err == nil || !strings.Contains(err.Error(), "--out /proc is a mount point") {
			t.Errorf("/proc: %v, want it refused as a mount point", err)
		}
	}
	// Nothing was touched.
	if read(t, filepath.Join(dir, "notes", "todo.txt")) != "mine" || read(t, filepath.Join(dir, "mine", "thesis.txt")) != "mine" || read(t, filepath.Join(dir, "added", "CNAME")) == "" || read(t, filepath.Join(dir, "repo", ".git", "HEAD")) == "" {
		t.Error("Check changed a folder")
	}
}

// TestCheckThroughLinks: an --out not made yet inside the briefing's own
// folders is refused when a symbolic link is on the way, to the briefing
// (reached through a link) or to its themes/ (a shared theme linked in),
// as when none is.
func TestCheckThroughLinks(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "real")
	write(t, filepath.Join(root, "content", "_index.md"), "---\ntitle: T\n---\n")
	write(t, filepath.Join(dir, "shared-theme", "briefing", "layouts", "baseof.html"), "")
	if err := os.Symlink(filepath.Join(dir, "shared-theme"), filepath.Join(root, "themes")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	for _, c := range []struct{ root, out, want string }{
		{link, filepath.Join(link, "themes", "briefing", "static", "site"), "inside the briefing's themes folder"},
		{root, filepath.Join(root, "themes", "briefing", "static", "site"), "inside the briefing's themes folder"},
		{root, filepath.Join(link, "content", "new", "site"), "inside the briefing's content folder"},
		{link, filepath.Join(root, "annotations", "site"), "inside the briefing's annotations folder"},
		{link, filepath.Join(dir, "public"), ""},
	} {
		err := Check(c.out, c.root, "briefing.json", siteFiles)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("--root %s --out %s: %v, want %q", c.root, c.out, err, c.want)
		}
	}
}

// TestTarget: a build publishes into the folder a linked --out leads to,
// so that the link stays; a link that leads nowhere is an error naming
// where it points; anything else is published to as it is.
func TestTarget(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "srv", "site", "briefing.json"), "{}")
	write(t, filepath.Join(dir, "notes.txt"), "mine")
	for _, l := range [][2]string{{"srv/site", "public"}, {"public", "again"}, {"missing", "dangling"}, {"loop", "loop"}, {"notes.txt", "to-file"}} {
		if err := os.Symlink(filepath.Join(dir, l[0]), filepath.Join(dir, l[1])); err != nil {
			t.Fatal(err)
		}
	}
	real, err := filepath.EvalSymlinks(filepath.Join(dir, "srv", "site"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ out, want, err string }{
		{"public", real, ""},
		{"again", real, ""}, // a link to a link
		{"srv/site", filepath.Join(dir, "srv", "site"), ""},
		{"new", filepath.Join(dir, "new"), ""},
		{"dangling", "", "is a link to " + filepath.Join(dir, "missing") + ", which cannot be followed (no such file or directory)"},
		{"loop", "", "is a link to " + filepath.Join(dir, "loop") + ", which cannot be followed (it leads through links that never reach a folder)"},
		{"to-file", "", "notes.txt, a file, not a folder: point the link at the folder the site should go in"},
	} {
		got, err := Target(filepath.Join(dir, c.out))
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("Target(%s) = %q, %v; want %q", c.out, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("Target(%s): error %v, want one saying %q", c.out, err, c.err)
		}
	}
}

// TestTempDirNotWritable: the new site is made beside the output folder
// and swapped in, so the folder above it must take a new folder; one that
// does not is told so, naming it (it was mkdir's own words). /proc is such
// a folder even for root, whom file permissions do not stop.
func TestTempDirNotWritable(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("no /proc here")
	}
	_, _, err := TempDir("/proc/briefing-site")
	if err == nil || !strings.Contains(err.Error(), "a build makes the new site beside /proc/briefing-site and swaps the two, so /proc must be writable") {
		t.Errorf("TempDir: %v; want it refused, naming /proc", err)
	}
}
