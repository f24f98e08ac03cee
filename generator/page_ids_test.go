package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/briefing/annotated/generator/internal/render"
)

// TestPageIDsReserved holds render's list of the ids a page has of its own
// (render.ReservedID) to the pages the theme and the generator write: a
// heading is never given one of them, so if a page gained an id the list
// lacks, a heading of that name would take it too, and the page would
// have it twice. It builds testdata/page-ids.txtar, a briefing showing
// every part a page can have, whose headings' words all start with
// "Heading": every other id on the home page, the methodology, an article
// and their parts of the handout must be one render reserves.
func TestPageIDsReserved(t *testing.T) {
	c := loadCase(t, "testdata/page-ids.txtar")
	root := writeCase(t, c, t.TempDir())
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	out := filepath.Join(root, "public")
	// A page's own ids and, for the handout, the prefix its part's ids take.
	pages := map[string]string{"index.html": "index--", "methodology.html": "methodology--", "articles/one.html": "one--"}
	headings := 0
	for page := range pages {
		for _, id := range pageIDs(t, filepath.Join(out, page)) {
			if strings.HasPrefix(id, "heading-") {
				headings++
				continue
			}
			if !render.ReservedID(id) {
				t.Errorf("%s has the id %q, which render.ReservedID does not reserve: a heading could take it", page, id)
			}
		}
	}
	if headings != 5 {
		t.Errorf("found %d headings' ids in the pages, want 5: the briefing did not build as this test expects", headings)
	}
	parts := 0
	for _, id := range pageIDs(t, filepath.Join(out, "handout.html")) {
		for _, prefix := range pages {
			rest, ok := strings.CutPrefix(id, prefix)
			if !ok {
				continue
			}
			parts++
			if !strings.HasPrefix(rest, "heading-") && !render.ReservedID(rest) {
				t.Errorf("handout.html has the id %q in %s's part, which render.ReservedID does not reserve: a heading could take it", id, strings.TrimSuffix(prefix, "--"))
			}
		}
	}
	if parts == 0 {
		t.Error("no id in handout.html has a page's prefix")
	}
}

// pageIDs returns the id of every element of the HTML file.
func pageIDs(t *testing.T, file string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var ids []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if i := slices.IndexFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "id" }); i >= 0 {
				ids = append(ids, n.Attr[i].Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return ids
}
