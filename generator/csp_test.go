package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
)

// TestBuildWarnsOfStaleCSP: a briefing whose netlify.toml does not allow the
// handout's inline stylesheet builds, with a warning naming the hash to add;
// once it is added, the warning goes.
func TestBuildWarnsOfStaleCSP(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	toml := filepath.Join(root, "netlify.toml")
	write := func(src string) {
		t.Helper()
		policy := `[[headers]]
  for = "/*"
  [headers.values]
    Content-Security-Policy = "default-src 'none'; style-src 'self' ` + src + `"
`
		if err := os.WriteFile(toml, []byte(policy), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("'sha256-stale='")
	code, _, stderr := runCmd(t, "build", "--root", root)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	// The file named as the user names it, under --root.
	m := regexp.MustCompile(`warning: ` + regexp.QuoteMeta(filepath.ToSlash(filepath.Join(root, "netlify.toml"))) + `: .*handout\.html.*add ('sha256-[A-Za-z0-9+/=]+') to its style-src`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no warning about the handout's stylesheet:\n%s", stderr)
	}
	write(m[1])
	code, _, stderr = runCmd(t, "build", "--root", root)
	if code != 0 || strings.Contains(stderr, "warning") {
		t.Errorf("with the hash added, build exited %d and said:\n%s", code, stderr)
	}
}

// TestServeWarnsOfStaleCSP: the preview gives build's warning about a
// netlify.toml that does not allow the inline stylesheet, once, not again
// at each save that leaves the stylesheet as it was.
func TestServeWarnsOfStaleCSP(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	policy := "[[headers]]\n  for = \"/*\"\n  [headers.values]\n    Content-Security-Policy = \"default-src 'none'; style-src 'self' 'sha256-stale='\"\n"
	if err := os.WriteFile(filepath.Join(root, "netlify.toml"), []byte(policy), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr, _ := servePreview(t, root)
	warning := "warning: " + filepath.ToSlash(filepath.Join(root, "netlify.toml")) + ": the Content-Security-Policy does not allow the inline stylesheet of handout.html"
	eventually(t, "no warning about the stylesheet:\n"+stderr.String(), 2*time.Minute, func() bool {
		return strings.Contains(stderr.String(), warning)
	})
	notes := filepath.Join(root, "annotations", "curly.yaml")
	data, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	builds := strings.Count(stdout.String(), "compiled in")
	if err := os.WriteFile(notes, []byte(strings.Replace(string(data), "The post said this on", "Edited: the post said this on", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the edit was not built:\n"+stdout.String(), 2*time.Minute, func() bool {
		return strings.Count(stdout.String(), "compiled in") > builds
	})
	if n := strings.Count(stderr.String(), warning); n != 1 {
		t.Errorf("the warning was given %d times, want once:\n%s", n, stderr.String())
	}
}
