package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/briefing/annotated/generator/internal/browser"
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
	return attrs(t, file, "id")
}

// attrs returns the value of every attribute key of the HTML file's
// elements.
func attrs(t *testing.T, file, key string) []string {
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
	var vals []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if i := slices.IndexFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key }); i >= 0 {
				vals = append(vals, n.Attr[i].Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return vals
}

// appendToMethodology adds text to the end of the methodology of the
// briefing in root.
func appendToMethodology(t *testing.T, root, text string) {
	t.Helper()
	meth := filepath.Join(root, "content", "methodology.md")
	had, err := os.ReadFile(meth)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(meth, append(had, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLinksToListParts: a link in the editors' text to the claims, the
// sources, the all-notes or the search page, or to an article, may name
// any id those pages have, and check refuses one they do not; in the
// handout, each lands on a part of it. It builds
// testdata/page-ids.txtar, then links its methodology to every id of the
// built pages.
func TestLinksToListParts(t *testing.T) {
	c := loadCase(t, "testdata/page-ids.txtar")
	root := writeCase(t, c, t.TempDir())
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	var links strings.Builder
	groups := 0
	for _, page := range []string{"claims.html", "sources.html", "notes.html", "search.html", "articles/one.html"} {
		ids := pageIDs(t, filepath.Join(root, "public", page))
		if len(ids) < 3 {
			t.Fatalf("%s has %d ids: the briefing did not build as this test expects", page, len(ids))
		}
		for _, id := range ids {
			if strings.HasPrefix(id, "group-") {
				groups++
			}
			links.WriteString("\n[" + id + "](" + page + "#" + id + ")\n")
		}
	}
	if groups == 0 {
		t.Fatal("sources.html has no group: the briefing did not build as this test expects")
	}
	appendToMethodology(t, root, links.String())
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatalf("build with links to every id of the pages exited %d:\n%s", code, stderr)
	}
	// In the handout, where the methodology's links are to its own parts,
	// each lands on one.
	handout := filepath.Join(root, "public", "handout.html")
	ids := pageIDs(t, handout)
	n := 0
	for _, href := range attrs(t, handout, "href") {
		if f, ok := strings.CutPrefix(href, "#"); ok {
			n++
			if !slices.Contains(ids, f) {
				t.Errorf("handout.html links to #%s, which it does not have", f)
			}
		}
	}
	if n < strings.Count(links.String(), "](") {
		t.Errorf("handout.html has %d links within itself, fewer than the %d the methodology gives it", n, strings.Count(links.String(), "]("))
	}
	appendToMethodology(t, root, "\n[a](claims.html#claim-list) [b](sources.html#group-studies) [c](notes.html#one--nope)\n")
	code, _, stderr := runCmd(t, "check", "--root", root)
	for _, want := range []string{`the link "claims.html#claim-list" points to no claim`, `the link "sources.html#group-studies" points to no part of the sources page`,
		`the link "notes.html#one--nope" points to no part of the all-notes page`} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("check exited %d, want 1 with %q:\n%s", code, want, stderr)
		}
	}
}

// TestFutureDateBuilds: an article dated after the day of the build (an
// editor east of UTC writing today's date, or a date set ahead) is built
// like any other: Hugo would otherwise leave its page out, and the build
// would fail with no position. (A date more than a year ahead is a year
// mistyped, which check reports: corpus bad/dates-far-ahead.txtar.)
func TestFutureDateBuilds(t *testing.T) {
	c := loadCase(t, "testdata/page-ids.txtar")
	root := writeCase(t, c, t.TempDir())
	ahead := time.Now().AddDate(0, 0, 2)
	article := filepath.Join(root, "content", "articles", "one.md")
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	dated := strings.Replace(string(text), "published: 2025-11-27", "published: "+ahead.Format("2006-01-02"), 1)
	if dated == string(text) {
		t.Fatal("the article's date was not found: the case is not the one this test expects")
	}
	if err := os.WriteFile(article, []byte(dated), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "build", "--root", root, "--no-zip"); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(root, "public", "articles", "one.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := ahead.Format("2 January 2006"); !strings.Contains(string(page), want) {
		t.Errorf("articles/one.html does not give its date, %s", want)
	}
}

// TestUndefinedVerdictsWarned: when the methodology defines some verdicts
// but not one that a note or claim gives, check and build say so (its
// badges link nowhere), at the last definition, and still succeed; with every verdict given
// defined, or none defined at all, they say nothing.
func TestUndefinedVerdictsWarned(t *testing.T) {
	c := loadCase(t, "testdata/page-ids.txtar")
	root := writeCase(t, c, t.TempDir())
	meth := filepath.Join(root, "content", "methodology.md")
	text, err := os.ReadFile(meth)
	if err != nil {
		t.Fatal(err)
	}
	// Placed at the last definition, "Needs context", where the others go,
	// in the file as the user names it (under --root).
	warning := filepath.ToSlash(meth) + ":13:5: warning: the methodology defines some verdicts but not "
	for _, c := range []struct {
		name, methodology, want string
	}{
		{"one given verdict not defined", strings.Replace(string(text), "- **Accurate:**", "- *Accurate:*", 1), warning + "Accurate, which notes or claims give"},
		{"every given verdict defined", string(text), ""},
		{"none defined", strings.NewReplacer("- **Accurate:**", "- Accurate:", "- **Needs context**:", "- Needs context:").Replace(string(text)), ""},
	} {
		warnsWith(t, root, meth, c.methodology, c.name, c.want)
	}
}

// warnsWith writes text to file in the briefing at root and runs check
// and build on it, which must both succeed and print the warning want on
// standard error, or no warning when want is "".
func warnsWith(t *testing.T, root, file, text, name, want string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--root", root}, {"build", "--root", root, "--no-zip"}} {
		code, _, stderr := runCmd(t, args...)
		if code != 0 || want == "" && strings.Contains(stderr, "warning:") || want != "" && !strings.Contains(stderr, want) {
			t.Errorf("%s, %s: exit %d, stderr %q, want %q", name, args[0], code, stderr, want)
		}
	}
}

// TestLinksToHandoutParts: a link in the editors' text may name any id
// the handout has (a claim, a source, a timeline entry, an article and
// its notes and headings, the overview's and the methodology's headings
// under their prefixes, the handout's own parts), and check refuses one
// it does not have, suggesting the handout's id for one of a page's. It
// builds testdata/page-ids.txtar, then links its methodology to every id
// of the built handout.html.
func TestLinksToHandoutParts(t *testing.T) {
	c := loadCase(t, "testdata/page-ids.txtar")
	root := writeCase(t, c, t.TempDir())
	if code, _, stderr := runCmd(t, "build", "--root", root, "--no-zip"); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	ids := pageIDs(t, filepath.Join(root, "public", "handout.html"))
	for _, want := range []string{"article-one", "one--note-threat", "one--heading-x", "index--heading-one", "methodology--verdict-accurate", "claim-threat-claim-h", "src-doe-2024", "event-1"} {
		if !slices.Contains(ids, want) {
			t.Fatalf("handout.html has no id %q: the briefing did not build as this test expects", want)
		}
	}
	var links strings.Builder
	for _, id := range ids {
		links.WriteString("\n[" + id + "](handout.html#" + id + ")\n")
	}
	appendToMethodology(t, root, links.String())
	if code, _, stderr := runCmd(t, "check", "--root", root); code != 0 {
		t.Fatalf("check of links to every id of handout.html exited %d:\n%s", code, stderr)
	}
	bad := "\n[a](handout.html#nope) [b](handout.html#note-threat) [c](handout.html#one--side-cap) [d](handout.html#methodology--main) [e](handout.html#heading-x) [f](handout.html#claim-nope)\n"
	appendToMethodology(t, root, bad)
	code, _, stderr := runCmd(t, "check", "--root", root)
	for _, want := range []string{
		`the link "handout.html#nope" points to no part of the handout: its ids are its parts' (#overview, #timeline, #claims, #sources, #methodology, #article-<article>)`,
		`the link "handout.html#note-threat" points to no part of the handout: did you mean handout.html#one--note-threat?`,
		`the link "handout.html#one--side-cap" points to no part of the handout: did you mean handout.html#one--note-cap?`,
		`the link "handout.html#methodology--main" points to nothing in the handout's part for the methodology: its ids there are #methodology--heading-a,`,
		`the link "handout.html#heading-x" points to no part of the handout: did you mean handout.html#one--heading-x?`,
		`the link "handout.html#claim-nope" points to no claim: a claim's address in the handout is handout.html#claim-<id>`,
	} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("check exited %d, want 1 with %q:\n%s", code, want, stderr)
		}
	}
}

// TestUndatedArticleWarned: an article with neither published nor
// date_note (new writes both commented out) is told, by check and build,
// that its page will say the outlet's page shows no date, which nobody
// said; both still succeed. A date note, or a date, and nothing is said.
func TestUndatedArticleWarned(t *testing.T) {
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), t.TempDir())
	art := filepath.Join(root, "content", "articles", "one.md")
	text, err := os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	warning := filepath.ToSlash(art) + ":1:1: warning: the article has neither published nor date_note"
	for _, c := range []struct {
		name, text, want string
	}{
		{"neither", strings.Replace(string(text), "published: 2025-11-27\n", "", 1), warning},
		{"a date note", strings.Replace(string(text), "published: 2025-11-27\n", "date_note: \"not shown on the outlet's page\"\n", 1), ""},
		{"a sort date", strings.Replace(string(text), "published: 2025-11-27\n", "sort_date: 2025-11-26\n", 1), ""},
		{"a date", string(text), ""},
	} {
		warnsWith(t, root, art, c.text, c.name, c.want)
	}
}

// germanBriefing writes TestArticleLanguage's briefing, the corpus's base
// with its article (one) in German, an English one (two), another German
// one from two's outlet (three) and a source whose title is German, and
// returns its folder and one's text.
func germanBriefing(t *testing.T) (root, german string) {
	t.Helper()
	root = writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), t.TempDir())
	art := filepath.Join(root, "content", "articles", "one.md")
	text, err := os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	german = strings.Replace(string(text), "published: 2025-11-27\n", "published: 2025-11-27\nlanguage: de\n", 1)
	german += "\nSie sagte: „Wir schaffen das, sagte sie damals“.\n"
	files := map[string]string{
		"content/articles/one.md": german,
		"content/articles/two.md": "---\ntitle: An English headline\noutlet: Second Outlet\nurl: https://example.com/two\npublished: 2025-11-28\n---\n" +
			"She said “Wir schaffen das, sagte sie heute” in 2015. The cable calls it an existential threat.\n",
		"annotations/two.yaml": "notes:\n  - id: threat\n    quote: existential threat\n    kind: fact-check\n    verdict: accurate\n    claim: threat-claim\n    note: It did.\n",
		"content/articles/three.md": "---\ntitle: Eine deutsche Schlagzeile\noutlet: Second Outlet\nurl: https://example.com/three\npublished: 2025-11-29\nlanguage: de\n---\n" +
			"Das Kabel nennt Migration eine existenzielle Bedrohung.\n",
		"annotations/three.yaml": "notes:\n  - id: threat\n    quote: existenzielle Bedrohung\n    kind: fact-check\n    verdict: accurate\n    claim: threat-claim\n    note: It did.\n    cites: [amt-2024]\n",
	}
	sources, err := os.ReadFile(filepath.Join(root, "annotations", "sources.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files["annotations/sources.yaml"] = string(sources) + `  - id: amt-2024
    type: report
    title: Ein Bericht über Dinge
    language: de
    author: [{literal: Example Office}]
    issued: {date-parts: [[2024]]}
    URL: https://example.org/bericht
    accessed: {date-parts: [[2026, 11, 21]]}
`
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, german
}

// TestArticleLanguage: an article in another language than the site's
// (language: de) has its title and text marked with it, on its page and in
// the print edition, for screen readers to read them in it, and the notes
// inside its text and its markers' names ("Note 1") marked with the
// site's again. Its title is marked wherever a list names it (the home
// page's card and claims matrix, the all-notes page, the print edition's
// contents), and the passages its notes quote wherever they are shown
// (under each note, on the all-notes, claims and quotes pages). One that
// is no language tag is an error at its place. Beside the German article
// (one), an English one (two) and another German one from two's outlet
// (three), so that the matrix has a column of one article, whose head
// names it, and one of two, whose cells do.
func TestArticleLanguage(t *testing.T) {
	root, german := germanBriefing(t)
	art := filepath.Join(root, "content", "articles", "one.md")
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCmd(t, "build", "--root", root, "--out", out, "--no-zip"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	want := map[string][]string{
		"articles/one.html": {`<h1 lang="de">`, `<div class="body" lang="de">`, `id="side-threat" lang="en" role="note"`, `<blockquote class="note-quote" lang="de">`,
			`data-note="threat" aria-label="Note 1" lang="en">1</a>`},
		"articles/two.html": {`data-note="threat" aria-label="Note 1">1</a>`},
		"handout.html": {`<h2 id="one--title" lang="de">`, `<div class="body" lang="de">`, `<blockquote class="note-quote" lang="de">`,
			`data-note="threat" aria-label="Note 1" lang="en">1</a>`,
			`<li><a href="#article-one">Example Outlet: <span lang="de">A headline about the cable</span></a></li>`},
		"notes.html": {`<blockquote class="note-quote" lang="de">`,
			`<li><a href="#notes-one">Example Outlet: <span lang="de">A headline about the cable</span></a> (`,
			`<a href="articles/one.html" lang="de">A headline about the cable</a></h2>`},
		"index.html": {`<h3 lang="de"><a href="./articles/one.html">A headline about the cable</a></h3>`,
			`<h3><a href="./articles/two.html">An English headline</a></h3>`,
			`<th scope="col"><a href="articles/one.html" lang="de" title="A headline about the cable"><span lang="en">Example Outlet</span></a></th>`,
			`<span class="matrix-article" lang="de">Eine deutsche Schlagzeile</span>`,
			`<span class="matrix-article">An English headline</span>`},
		"claims.html": {`<blockquote class="appearance-quote" lang="de"><p>existential threat</p>`,
			`<blockquote class="appearance-quote" lang="de"><p>existenzielle Bedrohung</p>`,
			`<blockquote class="appearance-quote"><p>existential threat</p>`},
		// two's wording, in an English article, has a word for one of
		// one's, in a German one: the word left out is German, the labels
		// English.
		"quotes.html": {`<h2 id="quote-1-h" lang="de">“Wir schaffen das, sagte sie damals”</h2>`,
			`<blockquote lang="de"><p>Wir schaffen das, sagte sie damals</p></blockquote>`,
			`<blockquote><p>Wir schaffen das, sagte sie <del lang="de"><span class="visually-hidden" lang="en">[left out: </span>damals<span class="visually-hidden">]</span></del>`},
	}
	for name, wants := range want {
		page := readFile(t, out, name)
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
	bad := strings.Replace(german, "language: de", "language: German", 1)
	if err := os.WriteFile(art, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "check", "--root", root); code != 1 || !strings.Contains(stderr, `one.md:6:11: language "German" is not a language tag: give the article's language as one, like de for German`) {
		t.Errorf("language: German: exit %d, %s", code, stderr)
	}
}

// TestArticleLanguageInSearch: the search page, from TestArticleLanguage's
// briefing, marks what it shows of the German article with its language:
// its title in a result for its text, its text, and the passage a note
// quotes (the note's own words stay the site's); and a source's German
// title in the source's result.
func TestArticleLanguageInSearch(t *testing.T) {
	b := browser.New(t)
	root, _ := germanBriefing(t)
	search := browser.FileURL(filepath.Join(buildBriefing(t, root), "search.html"))
	// Each result: its link, and its title's and its snippet's words
	// marked German.
	type result struct{ Href, Title, Snippet string }
	const read = `[...document.querySelectorAll("#search-results li")].map(li => {
		const de = e => [...e.querySelectorAll('[lang="de"]')].map(x => x.textContent).join("");
		return {Href: li.querySelector("a").getAttribute("href"), Title: de(li.querySelector("a")), Snippet: de(li.querySelector(".search-snippet"))};
	})`
	for q, want := range map[string][]result{
		"Bedrohung": {
			{Href: "articles/three.html#:~:text=Das%20Kabel%20nennt%20Migration%20eine%20existenzielle%20Bedrohung", Title: "Eine deutsche Schlagzeile", Snippet: "Das Kabel nennt Migration eine existenzielle Bedrohung."},
			{Href: "articles/three.html#note-threat", Snippet: "existenzielle Bedrohung"},
		},
		"Bericht": {{Href: "sources.html#src-amt-2024", Snippet: "Ein Bericht über Dinge"}},
		// two's text and title, in English.
		"English": nil,
	} {
		p := b.Open(t, search+"?q="+q, 1000, 800)
		p.Do(chromedp.WaitVisible(chromedp.CSS("#search-status")))
		got := browser.Eval[[]result](p, read)
		if len(got) == 0 {
			t.Errorf("search for %s: nothing found", q)
		}
		if len(want) > 0 && !slices.Equal(got, want) {
			t.Errorf("search for %s: %+v, want %+v", q, got, want)
		}
		for _, r := range got {
			if len(want) == 0 && (r.Title != "" || r.Snippet != "") {
				t.Errorf("search for %s: %+v is marked German", q, r)
			}
		}
	}
}

// TestCardsCountCorrections: an article's card on the home page counts its
// corrections apart ("1 correction"), as many as its page has, not among
// the notes "without a verdict": a correction points out a plain error of
// the article's. Every card's counts still add up to its notes.
func TestCardsCountCorrections(t *testing.T) {
	out := buildReal(t, "--no-zip")
	index := readFile(t, out, "index.html")
	cards := regexp.MustCompile(`(?s)<h3><a href="(?:\./)?articles/([a-z0-9-]+)\.html">.*?<p class="card-notes">(.*?)</p>`).FindAllStringSubmatch(index, -1)
	if len(cards) == 0 {
		t.Fatal("no cards on the home page")
	}
	tag := regexp.MustCompile(`<[^>]*>`)
	any := false
	for _, c := range cards {
		page := readFile(t, out, "articles/"+c[1]+".html")
		_, endnotes, _ := strings.Cut(page, `role="doc-endnotes"`)
		n := strings.Count(endnotes, `class="note note-correction"`)
		line := strings.Join(strings.Fields(tag.ReplaceAllString(c[2], "")), " ")
		want := ""
		switch {
		case n == 1:
			want = "1 correction"
		case n > 1:
			want = fmt.Sprintf("%d corrections", n)
		}
		if want != "" && !strings.Contains(line, want) || want == "" && strings.Contains(line, "correction") {
			t.Errorf("%s has %d corrections; its card reads %q", c[1], n, line)
		}
		any = any || n > 0
	}
	if !any {
		t.Error("no article of the briefing has a correction: the test cannot tell")
	}
}

// TestEmptyNotesFileWarned: a notes file without a byte in it, most often
// a save that failed, is told by check and build, which go on: the
// article is published without its notes. notes: [], or new's file with
// its example in comments, is an article without notes yet, and nothing
// is said.
func TestEmptyNotesFileWarned(t *testing.T) {
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), t.TempDir())
	// The claim the notes give is the briefing's only one: without them
	// it would be a claim no note gives, an error.
	claims := filepath.Join(root, "annotations", "claims.yaml")
	if err := os.WriteFile(claims, []byte("claims: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(root, "annotations", "one.yaml")
	warning := filepath.ToSlash(notes) + ":1:1: warning: the notes file is empty, not a byte in it: the article is published without notes"
	for _, c := range []struct{ name, text, want string }{
		{"no byte", "", warning},
		{"notes: []", "notes: []\n", ""},
		{"new's file", "notes:\n# - id: first-note\n#   quote: \"words\"\n", ""},
	} {
		warnsWith(t, root, notes, c.text, c.name, c.want)
	}
}
