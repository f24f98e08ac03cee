package sitecheck

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// The sites under test, built once by TestMain.
var (
	modRoot  string // the repository: go.mod, content/, tools/
	edgeRoot string // testdata/edge
	realSite string // the real briefing, built
	edgeSite string // testdata/edge, built
	buildErr error

	inputsOnce sync.Once
	inputsErr  error
)

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "sitecheck-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buildErr = buildSites(tmp)
	code := m.Run()
	browser.Shutdown()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// buildSites builds the generator and runs its build command, as a user
// does, on the real briefing and on the edge cases.
func buildSites(tmp string) error {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %v", err)
	}
	modRoot = filepath.Dir(strings.TrimSpace(string(out)))
	if edgeRoot, err = filepath.Abs("testdata/edge"); err != nil {
		return err
	}
	gen := filepath.Join(tmp, "generator")
	cmd := exec.Command("go", "build", "-o", gen, "./generator")
	cmd.Dir = modRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./generator: %v\n%s", err, out)
	}
	realSite, edgeSite = filepath.Join(tmp, "real"), filepath.Join(tmp, "edge")
	for root, dst := range map[string]string{modRoot: realSite, edgeRoot: edgeSite} {
		cmd := exec.Command(gen, "build", "--root", root, "--out", dst)
		cmd.Dir = modRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", root, err, out)
		}
	}
	return nil
}

// openInputs opens every file and folder the sites are made from: the
// generator's sources, the module's files, the theme, the briefing and the
// edge cases. The generator reads them in a process of its own, which go
// test's cache does not see: it knows only the files this process opens
// while the tests run (after TestMain has called m.Run: sites calls it),
// and would otherwise give a cached "ok" after an edit of any of them.
func openInputs(modRoot, edgeRoot string) error {
	paths := []string{edgeRoot}
	for _, p := range []string{"go.mod", "go.sum", "generator", "themes", "content", "annotations"} {
		paths = append(paths, filepath.Join(modRoot, p))
	}
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err // a folder is opened to be listed
			}
			f, err := os.Open(p)
			if err == nil {
				err = f.Close()
			}
			return err
		})
		if err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// sites returns the built sites, or fails t when they could not be built.
func sites(t *testing.T) []string {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	inputsOnce.Do(func() { inputsErr = openInputs(modRoot, edgeRoot) })
	if inputsErr != nil {
		t.Fatal(inputsErr)
	}
	return []string{realSite, edgeSite}
}

// htmlPages returns every .html file of a built site, sorted.
func htmlPages(t *testing.T, site string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Fatalf("%s has no pages", site)
	}
	return out
}

// articlePages returns the article pages of a built site.
func articlePages(t *testing.T, site string) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(site, "articles", "*.html"))
	if len(paths) == 0 {
		t.Fatalf("%s has no articles", site)
	}
	return paths
}

// name is a page's name for subtests: its site and path.
func name(page string) string {
	for _, s := range []string{realSite, edgeSite} {
		if rel, err := filepath.Rel(s, page); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Base(s) + "/" + filepath.ToSlash(rel)
		}
	}
	return page
}

// tool returns the path of a file that npm ci installs under tools/, or
// skips t (fails it under CI=true) when it is missing.
func tool(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(modRoot, "tools", "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		why := fmt.Sprintf("%s is not installed (run npm ci in tools/)", rel)
		if os.Getenv("CI") == "true" {
			t.Fatal(why + "; under CI=true it must be")
		}
		t.Skip(why)
	}
	return p
}
