package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefingtest"
)

// largeCase writes the base briefing with content/articles/one.md and
// annotations/one.yaml replaced, and returns the briefing folder.
func largeCase(t *testing.T, article, notes string) string {
	t.Helper()
	c := loadCase(t, "testdata/corpus/base.txtar")
	c.files["content/articles/one.md"] = &fstest.MapFile{Data: []byte(article)}
	c.files["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(notes)}
	root := filepath.Join(t.TempDir(), "briefing")
	briefingtest.WriteDir(t, c.files, root)
	return root
}

const largeFrontMatter = "---\ntitle: A long article\noutlet: Example Outlet\nurl: https://example.com/long\n---\n"

// TestBuildTenMegabyteArticle builds an article of 10 MB with notes at its
// start, middle and end.
func TestBuildTenMegabyteArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10 MB article")
	}
	var b strings.Builder
	b.WriteString(largeFrontMatter)
	b.WriteString("The cable calls mass migration an “existential threat” to the West.\n\n")
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "Paragraph %d repeats what officials said about the *numbers*, again and again, at some length, so that the text grows.\n\n", i)
		if i == 40000 {
			b.WriteString("Only 7,500 refugees will be admitted next year. Only 7,500 is a record low.\n\n")
		}
	}
	b.WriteString("The last paragraph ends the article.\n")
	notes := `notes:
  - id: threat
    quote: existential threat
    kind: context
    note: At the start.
  - id: cap
    quote: Only 7,500 refugees will be admitted
    kind: context
    note: In the middle.
  - id: last
    quote: ends the article
    kind: context
    note: At the end.
`
	root := largeCase(t, b.String(), notes)
	code, stdout, stderr := runCmd(t, "build", "--root", root)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "built 1 article, 3 notes,") {
		t.Errorf("summary = %q", stdout)
	}
	page, err := os.ReadFile(filepath.Join(root, "public", "articles", "one.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(page) < 10<<20 {
		t.Errorf("the page has %d bytes, less than the article", len(page))
	}
	for _, id := range []string{"threat", "cap", "last"} {
		if !strings.Contains(string(page), `id="ref-`+id+`"`) {
			t.Errorf("no marker for note %s", id)
		}
	}
}

// TestBuildTwoThousandNotes builds an article with 2,000 notes, one a
// paragraph, and checks they are numbered in reading order.
func TestBuildTwoThousandNotes(t *testing.T) {
	const n = 2000
	var art, notes strings.Builder
	art.WriteString(largeFrontMatter)
	notes.WriteString("notes:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&art, "Sentence %d of the article says something checkable.\n\n", i)
	}
	// Listed backwards, so numbering must follow the text, not the file.
	for i := n; i >= 1; i-- {
		fmt.Fprintf(&notes, "  - id: n%d\n    quote: \"Sentence %d of\"\n    kind: context\n    note: Note %d.\n", i, i, i)
	}
	root := largeCase(t, art.String(), notes.String())
	code, stdout, stderr := runCmd(t, "build", "--root", root)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, fmt.Sprintf("built 1 article, %d notes,", n)) {
		t.Errorf("summary = %q", stdout)
	}
	page, err := os.ReadFile(filepath.Join(root, "public", "articles", "one.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	if c := strings.Count(html, `role="doc-noteref"`); c != n {
		t.Errorf("%d markers, want %d", c, n)
	}
	if c := strings.Count(html, `role="doc-backlink"`); c != n {
		t.Errorf("%d back-links, want %d", c, n)
	}
	for _, i := range []int{1, 999, 2000} {
		want := fmt.Sprintf(`id="ref-n%d" role="doc-noteref" class="noteref" data-note="n%d" aria-label="Note %d">%d</a>`, i, i, i, i)
		if !strings.Contains(html, want) {
			t.Errorf("marker of note n%d is not numbered %d", i, i)
		}
	}
}
