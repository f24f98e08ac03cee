package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
	m := regexp.MustCompile(`warning: netlify\.toml: .*handout\.html.*add ('sha256-[A-Za-z0-9+/=]+') to its style-src`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no warning about the handout's stylesheet:\n%s", stderr)
	}
	write(m[1])
	code, _, stderr = runCmd(t, "build", "--root", root)
	if code != 0 || strings.Contains(stderr, "warning") {
		t.Errorf("with the hash added, build exited %d and said:\n%s", code, stderr)
	}
}
