package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/stage"
)

// TestBuildSplicesBodies: a build hands Hugo pages without their bodies and
// puts each body in its place afterwards; no mark is left and the pages hold
// their bodies.
func TestBuildSplicesBodies(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	out := buildBriefing(t, root)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if strings.Contains(string(data), stage.BodyMark) {
			t.Errorf("%s keeps the body mark", p)
		}
		pages++
		return err
	})
	if err != nil || pages == 0 {
		t.Fatalf("%d pages (%v)", pages, err)
	}
	page := readFile(t, out, "articles/curly.html")
	for _, want := range []string{`<div class="body">`, `role="doc-endnotes"`, `class="sidenote`, "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	for _, name := range []string{"briefing.json", "annotations.jsonld"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("the detached file %s is not in the site: %v", name, err)
		}
	}
}

// TestBuildThemeTransformingContent: a theme whose article template does
// not print .Content as it is (here: it adds a class to the body's
// container) gets the page Hugo makes of the whole body, as without
// detaching. (The transformation keeps ids and links, so that the built site
// passes the integrity check every test build gets.)
func TestBuildThemeTransformingContent(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := filepath.Join(root, "themes", "briefing")
	if err := os.CopyFS(theme, annotated.Theme()); err != nil {
		t.Fatal(err)
	}
	layout := filepath.Join(theme, "layouts", "page.html")
	data, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, []byte(strings.Replace(string(data), "{{ .Content }}", `{{ replace .Content "class=\"body\"" "class=\"body transformed\"" | safeHTML }}`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	page := readFile(t, buildBriefing(t, root), "articles/curly.html")
	if !strings.Contains(page, `<div class="body transformed">`) || !strings.Contains(page, `role="doc-endnotes"`) {
		t.Errorf("the article page does not hold its transformed body:\n%.2000s", page)
	}
	if strings.Contains(page, stage.BodyMark) {
		t.Error("the page keeps the body mark")
	}
}
