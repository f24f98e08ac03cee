package stage

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/synth"
)

// TestPartsMatchWholePages holds the pages and files put together from the
// articles' parts (the article pages, the handout, the all-notes page, the
// search index) to the way they were written before, from every article
// at once (oracle_old_test.go: encoding/json for the search index, one
// strings.ReplaceAll over each whole body), byte for byte. The exports are
// held to theirs in package export.
func TestPartsMatchWholePages(t *testing.T) {
	briefings := map[string]fs.FS{
		"the project's briefing": os.DirFS("../../.."),
		"pages":                  briefingtest.Load(t, "testdata/pages.txtar"),
		"hostile":                briefingtest.Load(t, "../../testdata/hostile/hostile.txtar"),
		"typography":             briefingtest.Load(t, "../site/testdata/typography.txtar"),
	}
	for seed := uint64(1); seed <= 2; seed++ {
		briefings[fmt.Sprint("synthetic ", seed)] = briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 25, Notes: 10, Sources: 30, Claims: 10, Seed: seed}))
	}
	// Text of the briefing that Hugo would read as a shortcode, across
	// the pieces of a page too.
	briefings["pages"].(fstest.MapFS)["annotations/alpha.yaml"].Data = bytes.ReplaceAll(
		briefings["pages"].(fstest.MapFS)["annotations/alpha.yaml"].Data, []byte("note: Quoted"), []byte("note: Quoted {{{< x >}}} {{ .Site }}{ {{"))
	// And in the JSON-LD of an article page and of the claims page (the
	// article as a claim's appearance).
	briefings["pages"].(fstest.MapFS)["content/articles/alpha.md"].Data = bytes.Replace(
		briefings["pages"].(fstest.MapFS)["content/articles/alpha.md"].Data, []byte("title: \"Cable tells"), []byte("title: \"{{% x %}} {{{{{ Cable tells"), 1)
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range briefings {
		f := load(t, fsys)
		eb := &export.Briefing{Briefing: f.b, Order: f.order, Rendered: f.arts}
		var errs diag.List
		var parts []string
		labels := oldNoteLabels(f.order, f.arts, text)
		for i, a := range f.order {
			ra := f.arts[a.Slug]
			notes := articleNotes(f.r, a, ra)
			old := oldLabelPageLinks(string(oldArticlePage(a, f.r, ra, i+1, text)), export.ArticlePage(a.Slug), a.Slug, labels)
			want := append([]byte(old), oldLD(export.ArticleReviews(eb, a))...)
			briefingtest.Same(t, name+": the page of "+a.Slug, f.files["content/articles/"+a.Slug+".html"], want)
			parts = append(parts, oldHandoutArticle(a, ra, notes, text))
		}
		oldNumberOtherNotes(parts, f.order, labels)
		old := Files{}
		var method string
		if m := f.b.Methodology; m != nil {
			method = methodologyHTML(m, f.r, &errs)
		}
		apps := claimAppearances(f.r, f.order, f.arts)
		claims := page(frontMatter{Title: "Claims", Layout: "claims"}, claimsPage(claimsData(f.b, f.r, apps, &errs), f.r, text))
		briefingtest.Same(t, name+": the claims page", f.files["content/claims.html"], append(claims, oldLD(export.ClaimReviews(eb))...))
		oldHandout(old, f.b, f.r, f.order, parts, overviewData(f.b, f.r, &errs), claimsData(f.b, f.r, apps, &errs),
			sourcesData(f.b, f.r, f.order, f.arts), method, text)
		briefingtest.Same(t, name+": the handout", f.files["content/handout.html"], old["content/handout.html"])
		briefingtest.Same(t, name+": the all-notes page", f.files["content/notes.html"],
			oldPage(frontMatter{Title: "All notes", Layout: "notes"}, oldNotesPage(oldNotesData(f.r, f.order, f.arts, labels), f.r, text)))
		index, _ := oldSearchFiles(f.b, f.r, f.order, f.arts)
		for p, data := range index {
			briefingtest.Same(t, name+": "+p, f.files[p], data)
		}
	}
}

// oldLD is the block a page's JSON-LD ld is put in at the end of its body,
// nothing for nil, with "{{" (inside JSON strings only) escaped in one
// strings.ReplaceAll.
func oldLD(ld []byte) []byte {
	if ld == nil {
		return nil
	}
	return []byte(`<script type="application/ld+json">` + strings.ReplaceAll(string(ld), "{{", `{\u007b`) + "</script>\n")
}

// FuzzPlainText holds plainText and rebase, which scan the HTML once, to
// the regular expressions they replaced.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		"", "plain", "<p>a <em>b</em></p>\n<p>c&amp;d &lt;e&gt; &nbsp;f\u00a0g\u2028h</p>", "a < b > c <", "<<a>>", "x\xff y\t\v z ",
		`<a href="../claims.html#c">x</a> <a href="#n">y</a> <a href="b.html">z</a> <a href="https://e.org">w</a> <a href="/r">v</a>`,
		`href="a" href="%zz" xhref="b" href="unclosed`, "&#123; &amp;amp; &unknown; &#x1F600;",
		"U.S.<em>-backed</em> <A HREF=x>y</A>z <ſpan>k</ſpan>l <code\n>m</code/>n <br>o<br/>p <p>q</p>r <spanx>s</spanx>t <//a>u",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := plainText(h), oldPlainText(h); got != want {
			t.Errorf("plainText(%q) = %q, want %q", h, got, want)
		}
		if got, want := render.RootLinks(h, "s"), oldRebase(h, "s"); got != want {
			t.Errorf("RootLinks(%q) = %q, want %q", h, got, want)
		}
	})
}

// TestReweighedPartsAreThoseMadeAtTheWeight holds Reweighed, which the
// live preview uses for the articles an added or re-dated article moves,
// to articleParts at the new weight: every field of every article's Parts,
// for a weight before, after and far from its own.
func TestReweighedPartsAreThoseMadeAtTheWeight(t *testing.T) {
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	quoted := 0
	for name, fsys := range map[string]fs.FS{
		"the project's briefing": os.DirFS("../../.."),
		"synthetic":              briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 12, Notes: 8, Sources: 20, Claims: 6, Seed: 3})),
	} {
		f := load(t, fsys)
		eb := &export.Briefing{Briefing: f.b, Order: f.order, Rendered: f.arts}
		for i, a := range f.order {
			ra := f.arts[a.Slug]
			p := articleParts(a, f.r, ra, i+1, eb, text)
			if len(p.summary.quotes) > 0 {
				quoted++
			}
			for _, w := range []int{1, i + 2, 10_000} {
				want := articleParts(a, f.r, ra, w, eb, text)
				got := p.Reweighed(a, w)
				if &got.page[0] != &p.page[0] {
					t.Errorf("%s: %s moved: its page was copied", name, a.Slug)
				}
				if page := got.pagePieces().Join(); !bytes.Equal(page, want.page) {
					t.Errorf("%s: %s moved from weight %d to %d: its page is not the one made at %d", name, a.Slug, i+1, w, w)
				}
				if got.page, got.matter = want.page, nil; !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %s moved from weight %d to %d: its reweighed parts are not those made at %d", name, a.Slug, i+1, w, w)
				}
			}
		}
	}
	if quoted == 0 {
		t.Fatal("no article has quote candidates: their place in the order is not tested")
	}
}

// TestPlainTextKeepsWords: the tags of inline text do not split the word
// they sit in (a link's name, the search index); tags that break a line or
// a block still part words.
func TestPlainTextKeepsWords(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.<em>-backed</em> <a href=\"x\">ally</a>’s":  "U.S.-backed ally’s",
		"<p>one</p><p>two</p>line<br>break<li>item</li>": "one two line break item",
		"<STRONG>un</STRONG>finished <code>x</code>y":    "unfinished xy",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

// oldOtherNoteLink is a link, in the handout, to a note of an article, its
// passage or its marker.
var oldOtherNoteLink = regexp.MustCompile(`<a href="#([a-z0-9-]+)--(note|anno|ref)-([a-z0-9-]+)">((?:[^<]|<[^/]|</[^a])*)</a>`)

// oldNoteLabels are the labels of links to other articles' notes, by
// slug and note id: the article's outlet, with its headline where
// another article has the same outlet, and the note's number, as the
// claims table names a note ("Beta Wire, note 2").
func oldNoteLabels(order []*briefing.Article, arts map[string]*render.Article, text *Text) map[string]map[string]string {
	outlets := map[string]int{}
	for _, a := range order {
		outlets[a.Outlet]++
	}
	labels := map[string]map[string]string{}
	for _, a := range order {
		labels[a.Slug] = map[string]string{}
		for _, n := range arts[a.Slug].Notes {
			label := a.Outlet + ", " + text.N("note_number", n.Number)
			if outlets[a.Outlet] > 1 {
				label = a.Outlet + ": " + a.Title + ", " + text.N("note_number", n.Number)
			}
			labels[a.Slug][n.ID] = label
		}
	}
	return labels
}

// oldNumberOtherNotes gives each link of parts (the articles' handout
// parts, in order: their text and endnotes) to a note of another article the
// label that the print stylesheet writes after it (labels, oldNoteLabels).
func oldNumberOtherNotes(parts []string, order []*briefing.Article, labels map[string]map[string]string) {
	for i, a := range order {
		parts[i] = oldOtherNoteLink.ReplaceAllStringFunc(parts[i], func(m string) string {
			g := oldOtherNoteLink.FindStringSubmatch(m)
			label, ok := labels[g[1]][g[3]]
			if g[1] == a.Slug || !ok {
				return m
			}
			return `<a href="#` + g[1] + `--` + g[2] + `-` + g[3] + `" data-n="` + esc(label) + `">` + g[4] + `</a>`
		})
	}
}

// oldPageNoteLink is a link, on an article's page or the all-notes page,
// to an id of another page that may be a note's, its passage's, its
// marker's or its in-text note's, and the data-n attribute after it if
// it has one.
var oldPageNoteLink = regexp.MustCompile(`<a href="([^"#]+)#(?:note|anno|ref|side)-([a-z0-9-]+)"( data-n=)?`)

// oldLabelPageLinks gives each link of html, shown on page (a path in the
// site), to a note of an article other than own, its passage, marker or
// in-text note, the label of the note (labels, oldNoteLabels).
func oldLabelPageLinks(html, page, own string, labels map[string]map[string]string) string {
	return oldPageNoteLink.ReplaceAllStringFunc(html, func(m string) string {
		g := oldPageNoteLink.FindStringSubmatch(m)
		target := path.Join(path.Dir(page), g[1])
		slug := strings.TrimSuffix(strings.TrimPrefix(target, "articles/"), ".html")
		label, ok := labels[slug][g[2]]
		if g[3] != "" || !ok || slug == own || target != "articles/"+slug+".html" {
			return m
		}
		return m + ` data-n="` + esc(label) + `"`
	})
}
