package stage

import (
	"bytes"
	"os"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/render"
)

// TestPagesLabelLinksToOtherArticlesNotes: printed, a link on an
// article's page or on the all-notes page to another article's note, its
// passage, its marker or its in-text note, in a note's text or in the
// article's own, is followed by the label the handout gives it, "[Beta
// Wire, note 2]", whether that article comes before or after in the
// order (its numbers known only once it is staged), whatever the
// batches. A link to an article's own note keeps its number, and one to
// an id no note has, or to no article, gets nothing. Where two articles
// share an outlet, the label names the headline.
func TestPagesLabelLinksToOtherArticlesNotes(t *testing.T) {
	const nb = "\u00a0"
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	edit := func(name, old, new string) { editFile(t, fsys, name, old, new) }
	edit("annotations/alpha.yaml", "note: Reuters says the spokesperson gave none.",
		"note: Reuters says the spokesperson gave none; see [the instruction](beta.html#note-crimes), [the passage](beta.html#anno-crimes), [the marker](beta.html#ref-threat), [the in-text note](../articles/beta.html#side-threat), [its own](#note-threat), [no note](beta.html#note-nosuch) and [no article](gamma.html#note-threat).")
	edit("content/articles/alpha.md", "Officials offered no data on crime rates.",
		"Officials offered no data on crime rates (see [Beta's instruction](beta.html#note-crimes)).")
	edit("content/articles/beta.md", "The cable asks diplomats to report crimes by migrants.",
		"The cable asks diplomats to report crimes by migrants. See [Alpha's figure](alpha.html#note-no-data).")
	edit("annotations/beta.yaml", "note: The cable's instruction.", "note: The cable's instruction ([Alpha's passage](alpha.html#anno-favor)).")
	if f := load(t, fsys); f.order[0].Slug != "alpha" {
		t.Fatalf("the fixture's order is %s first: alpha's links lead to a later article's notes no more", f.order[0].Slug)
	}
	want := func(beta, alpha string) map[string][]string {
		return map[string][]string{
			"content/articles/alpha.html": {
				`<a href="beta.html#note-crimes" data-n="` + beta + `, note` + nb + `2">the instruction</a>`,
				`<a href="beta.html#anno-crimes" data-n="` + beta + `, note` + nb + `2">the passage</a>`,
				`<a href="beta.html#ref-threat" data-n="` + beta + `, note` + nb + `1">the marker</a>`,
				`<a href="../articles/beta.html#side-threat" data-n="` + beta + `, note` + nb + `1">the in-text note</a>`,
				`<a href="#note-threat" data-n="1">its own</a>`,
				`<a href="beta.html#note-nosuch">no note</a>`,
				`<a href="gamma.html#note-threat">no article</a>`,
				`<a href="beta.html#note-crimes" data-n="` + beta + `, note` + nb + `2">Beta's instruction</a>`,
			},
			"content/articles/beta.html": {
				`<a href="alpha.html#note-no-data" data-n="` + alpha + `, note` + nb + `3">Alpha's figure</a>`,
				`<a href="alpha.html#anno-favor" data-n="` + alpha + `, note` + nb + `2">Alpha’s passage</a>`,
			},
			"content/notes.html": {
				`<a href="articles/beta.html#note-crimes" data-n="` + beta + `, note` + nb + `2">the instruction</a>`,
				`<a href="articles/beta.html#anno-crimes" data-n="` + beta + `, note` + nb + `2">the passage</a>`,
				`<a href="articles/beta.html#ref-threat" data-n="` + beta + `, note` + nb + `1">the marker</a>`,
				`<a href="articles/beta.html#side-threat" data-n="` + beta + `, note` + nb + `1">the in-text note</a>`,
				`<a href="articles/alpha.html#note-threat" data-n="1">its own</a>`,
				`<a href="articles/beta.html#note-nosuch">no note</a>`,
				`<a href="articles/gamma.html#note-threat">no article</a>`,
				`<a href="articles/alpha.html#anno-favor" data-n="` + alpha + `, note` + nb + `2">Alpha’s passage</a>`,
			},
			"content/handout.html": {
				`<a href="#beta--note-crimes" data-n="` + beta + `, note` + nb + `2">Beta's instruction</a>`,
				`<a href="#alpha--anno-favor" data-n="` + alpha + `, note` + nb + `2">Alpha’s passage</a>`,
			},
		}
	}
	stagedLabels(t, fsys, want("Beta Wire", "Alpha Daily"))
	edit("content/articles/beta.md", "outlet: Beta Wire", "outlet: Alpha Daily")
	stagedLabels(t, fsys, want("Alpha Daily: Diplomats told to report migrant crime", "Alpha Daily: Cable tells diplomats to act"))
}

// TestStagedPagesWhateverTheBatches: the project's briefing, whose
// articles' notes link notes of articles before and after them, is
// staged in batches of every size, one article at a time keeping back
// the pages that link a later article's note, as Project stages it.
func TestStagedPagesWhateverTheBatches(t *testing.T) {
	f := load(t, os.DirFS("../../.."))
	w, err := NewWriter(f.b, f.r, Options{}, Files{})
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for _, a := range f.order {
		if err := w.Articles([]*render.Article{f.arts[a.Slug]}); err != nil {
			t.Fatal(err)
		}
		kept = max(kept, len(w.kept))
	}
	if kept == 0 {
		t.Fatal("no page of the project's briefing links a later article's note: pages kept back are not tested")
	}
	for n := 1; n <= len(f.order); n++ {
		for sink, files := range stagedInBatches(t, f, n) {
			for name, data := range f.files {
				if !bytes.Equal(files[name], data) {
					t.Errorf("%s, batches of %d: %s differs from the one staged at once", sink, n, name)
				}
			}
		}
	}
}

// TestNoteOfPageLink: the note a link on a page leads to, of any
// article, as an article's page and the all-notes page write it.
func TestNoteOfPageLink(t *testing.T) {
	type note struct {
		slug, id string
		ok       bool
	}
	for _, c := range []struct {
		v, page string
		want    note
	}{
		{"#note-x", "articles/a.html", note{"a", "x", true}},
		{"#side-x", "articles/a.html", note{"a", "x", true}},
		{"b.html#anno-x", "articles/a.html", note{"b", "x", true}},
		{"../articles/b.html#ref-x", "articles/a.html", note{"b", "x", true}},
		{"articles/b.html#note-x", "notes.html", note{"b", "x", true}},
		{"b.html#note-", "articles/a.html", note{}},
		{"b.html#x", "articles/a.html", note{}},
		{"b.html", "articles/a.html", note{}},
		{"../claims.html#note-x", "articles/a.html", note{}},
		{"#note-x", "notes.html", note{}},
		{"b.html#note-x", "notes.html", note{}},
		{"https://e.org/articles/b.html#note-x", "articles/a.html", note{}},
		{"x/b.html#note-x", "articles/a.html", note{}},
	} {
		slug, id, ok := noteOfPageLink(c.v, c.page)
		if got := (note{slug, id, ok}); got != c.want {
			t.Errorf("noteOfPageLink(%q, %q) = %v, want %v", c.v, c.page, got, c.want)
		}
	}
}
