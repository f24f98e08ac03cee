package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

var headingIDRE = regexp.MustCompile(`<h[2-6] id="([^"]*)"`)

// TestHeadingIDs: every heading of a page's text or an article has an id
// made of its words, as GitHub and Hugo make one, or given after it; none
// takes another's, or one the page has already.
func TestHeadingIDs(t *testing.T) {
	r := New(&briefing.Briefing{})
	for _, c := range []struct{ in, want string }{
		{"## What the verdicts mean\n", "what-the-verdicts-mean"},
		{"## Who wrote the notes, and how?\n", "who-wrote-the-notes-and-how"},
		{"## Trump’s *broader* agenda: [the cable](https://example.org/c)\n", "trumps-broader-agenda-the-cable"},
		{"## `go run` -- the 2025 list\n", "go-run--the-2025-list"},
		{"## Élan et Größe\n", "élan-et-größe"},
		{"## Tom &amp; Jerry &#35;1 \\*\n", "tom--jerry-1-"},
		{"## Use `&amp;` here\n", "use-amp-here"},
		// Braces meant to be shown: escaped, a reference, in code, alone.
		{"## Write \\{#id}\n", "write-id"},
		{"## Giving an id: `{#id}`\n", "giving-an-id-id"},
		{"## Sets &#123;#a b}\n", "sets-a-b"},
		{"## C# tips }\n", "c-tips-"},
		{"## Same\n\n## Same\n\n### Same\n", "same same-1 same-2"},
		{"Underlined\n---\n", "underlined"},
		{"## !!!\n\n## …\n", "section section-1"},
		// The page's own ids, and the numbered ones, are not a heading's.
		{"## Main\n\n## Notes H\n\n## Note 3\n\n## Event 1\n\n## Ref\n\n## Title\n", "section-main section-notes-h section-note-3 section-event-1 ref section-title"},
		// Given ids, which made ones give way to, wherever they are.
		{"## Sources\n\n## The sources {#sources}\n", "sources-1 sources"},
		{"Underlined {#u}\n===\n\n## Budget {2025}\n", ""},
		{"Underlined {#u}\n---\n\n## Budget {2025}\n", "u budget-2025"},
	} {
		var errs diag.List
		out := r.Page(md(c.in), "the overview", "index.html", &errs)
		var got []string
		for _, m := range headingIDRE.FindAllStringSubmatch(out, -1) {
			got = append(got, m[1])
		}
		if strings.HasPrefix(c.in, "Underlined {#u}\n===") {
			if errs.Len() != 1 {
				t.Errorf("a level-one heading with an id: %v, want its one problem", errs.Err())
			}
			continue
		}
		if err := errs.Err(); err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("Page(%q): ids %q, %v; want %q", c.in, got, err, c.want)
		}
		if meant := strings.ContainsAny(c.in, "\\`&"); !meant && strings.Contains(out, "{#") {
			t.Errorf("Page(%q) shows the braces: %s", c.in, out)
		}
	}
	// Given ids that cannot be.
	for _, c := range []struct{ in, want string }{
		{"## A {#main}\n", `n.yaml:5:12: the id "main" given to a heading in the overview is one the briefing's pages give their own parts (main, notes-h, title…), or starts as the ids of notes and timeline entries do (note-, anno-, ref-, side-, event-): choose another`},
		{"## A {#note-x}\n", `n.yaml:5:12: the id "note-x" given to a heading`},
		{"## A {#x}\n\n## B {#x}\n", `n.yaml:7:12: the id "x" is given to two headings in the overview: each heading's id must be its own`},
		{"## A {.wide}\n", `n.yaml:5:12: a heading in the overview takes only an id after it, like {#sources}: a class (.name) is not kept (to show braces as text, write \{)`},
		{"## Einstein {E=mc2}\n", `n.yaml:5:19: a heading in the overview takes only an id after it, like {#sources}: "E" is not kept`},
		{"## A {id=\"q r\"}\n", `n.yaml:5:12: the id given to a heading in the overview is not a name: write it like {#sources}, with letters, digits, hyphens and underscores`},
		{"## A {id=null}\n", `n.yaml:5:12: the id given to a heading in the overview is not a name`},
		{"## A {#a\"b}\n", `n.yaml:5:12: the braces after a heading in the overview are not read as an id, and would be shown`},
		{"## A {#a&b}\n", `n.yaml:5:12: the braces after a heading in the overview are not read as an id`},
		{"## T {#a} {#b}\n", `n.yaml:5:12: the braces after a heading in the overview are not read as an id`},
		{"## A {#a style=\"color:red\"}\n", `n.yaml:5:12: a heading in the overview takes only an id after it, like {#sources}: "style" is not kept`},
	} {
		var errs diag.List
		out := r.Page(md(c.in), "the overview", "index.html", &errs)
		if es := errs.Errors(); len(es) != 1 || !strings.HasPrefix(es[0].Error(), c.want) {
			t.Errorf("Page(%q): %v\nwant one problem %s", c.in, errs.Err(), c.want)
		}
		if strings.Contains(out, "style=") || strings.Contains(out, "class=") {
			t.Errorf("Page(%q) kept an attribute: %s", c.in, out)
		}
	}
	// An article's headings, which an article's Headings gives.
	a := &briefing.Article{Slug: "a", Title: "A", Body: md("Text.\n\n## Aligning with the agenda\n\nMore.\n\n## Notes\n\n## Main\n")}
	var errs diag.List
	ra := r.Article(a, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(ra.Headings, " "), "aligning-with-the-agenda notes section-main"; got != want {
		t.Errorf("Article: Headings %q, want %q", got, want)
	}
	if !strings.Contains(ra.Body, `<h2 id="aligning-with-the-agenda">Aligning with the agenda</h2>`) {
		t.Errorf("Article: %s", ra.Body)
	}
	// An article's text is reproduced as written: braces after a heading
	// are its words.
	art := &briefing.Article{Slug: "e", Title: "E", Body: md("Text.\n\n## Einstein {E=mc2}\n\n## Draft {#x}\n")}
	if re := r.Article(art, &errs); errs.Err() != nil || strings.Join(re.Headings, " ") != "einstein-emc2 draft-x" ||
		!strings.Contains(re.Body, `<h2 id="draft-x">Draft {#x}</h2>`) {
		t.Errorf("braces in an article's headings: %q, %v\n%s", re.Headings, errs.Err(), re.Body)
	}
	// A note on words of a heading cuts its text into pieces: the id is
	// the same.
	a.Notes = []*briefing.Note{{ID: "n", Quote: "with the", Kind: briefing.KindContext, Body: md("N.")}}
	if ra = r.Article(a, &errs); errs.Err() != nil || ra.Headings[0] != "aligning-with-the-agenda" {
		t.Errorf("with a note on the heading: Headings %q, %v", ra.Headings, errs.Err())
	}
}

// TestHeadingLinks: a link to an id on the home page, the methodology or
// an article names one of its headings or of its own ids, whichever of
// the articles is rendered first.
func TestHeadingLinks(t *testing.T) {
	link := func(dest string) briefing.Markdown {
		return md("See [there](" + dest + ").\n")
	}
	b := &briefing.Briefing{
		Index:       briefing.Index{Body: md("## What this covers\n\nText.\n")},
		Methodology: &briefing.Page{Body: md("## What the verdicts mean\n\n## Sources {#bib}\n")},
	}
	a := &briefing.Article{Slug: "a", Title: "A", Body: md("One [link](b.html#second-part) to b, [one](b.html#Second-Part) wrong, [one](b.html#nope) to none.\n\n## First part\n")}
	bb := &briefing.Article{Slug: "b", Title: "B", Body: md("Text [up](#first-part) and [there](a.html#first-part).\n\n## Second part\n\n## Third part\n")}
	b.Articles = []*briefing.Article{a, bb}
	r := New(b)
	var ea, eb diag.List
	for _, x := range []struct {
		a    *briefing.Article
		errs *diag.List
	}{{a, &ea}, {bb, &eb}} {
		ra := r.Article(x.a, x.errs)
		r.CheckLinks(ra.Links, x.errs)
	}
	if ea.Len() != 0 {
		t.Errorf("before b is rendered, its headings were judged: %v", ea.Err())
	}
	r.CheckWaiting()
	want := []string{
		`the link "b.html#Second-Part" points to nothing on b.html: did you mean its heading b.html#second-part?`,
		`the link "b.html#nope" points to no heading of b.html: its headings' ids are #second-part, #third-part (a heading's id`,
	}
	if es := ea.Errors(); len(es) != 2 || !strings.HasPrefix(es[0].Msg, want[0]) || !strings.HasPrefix(es[1].Msg, want[1]) {
		t.Errorf("a's links: %v\nwant %q", ea.Err(), want)
	}
	if es := eb.Errors(); len(es) != 1 || !strings.HasPrefix(es[0].Msg, `the link "#first-part" points to no heading of b.html`) {
		t.Errorf("b's links: %v, want its in-page link to a's heading", eb.Err())
	}
	for dest, want := range map[string]string{
		"methodology.html#what-the-verdicts-mean": "",
		"methodology.html#bib":                    "",
		"methodology.html#sources":                "points to no heading of methodology.html: its headings' ids are #what-the-verdicts-mean, #bib",
		"methodology.html#scale-h":                "",
		"methodology.html#main":                   "",
		"index.html#what-this-covers":             "",
		"index.html#matrix-h":                     "points to no heading of index.html", // no claims, no matrix
		"index.html#timeline-h":                   "points to no heading of index.html", // no timeline
		"index.html#overview":                     "points to no heading of index.html: its headings' ids are #what-this-covers",
		"articles/a.html#first-part":              "",
		"articles/b.html#notes-h":                 "points to no heading of articles/b.html", // no notes
		"articles/b.html#title":                   "points to no heading of articles/b.html",
		"articles/b.html#Note-x":                  "points to no heading or note of articles/b.html: a note's address is articles/b.html#note-<id>, in lower case",
		"claims.html#anything":                    "points to no part of the claims page: a claim's address is claims.html#claim-<id>",
		"claims.html#claims-toc-h":                "points to no part of the claims page", // no claims, no contents
	} {
		var errs diag.List
		r.MarkdownOn(link(dest), "a claim", "claims.html", &errs)
		if es := errs.Errors(); want == "" && len(es) != 0 || want != "" && (len(es) != 1 || !strings.HasPrefix(es[0].Msg, `the link "`+dest+`" `+want)) {
			t.Errorf("a link to %s: %v, want %q", dest, errs.Err(), want)
		}
	}
	// The parts a page has with claims, a timeline and notes.
	b.Claims = []*briefing.Claim{{ID: "c"}}
	b.Index.Timeline = make([]briefing.TimelineEntry, 1)
	bb.Notes = []*briefing.Note{{ID: "n", Quote: "Text", Kind: briefing.KindContext, Body: md("N.")}}
	r3 := New(b)
	var e3 diag.List
	for _, dest := range []string{"index.html#matrix-h", "index.html#timeline-h", "index.html#home-toc-h", "articles/b.html#notes-h"} {
		r3.MarkdownOn(link(dest), "a claim", "claims.html", &e3)
	}
	r3.CheckWaiting() // b is not rendered: its link waited
	if err := e3.Err(); err != nil {
		t.Errorf("with claims, a timeline and notes: %v", err)
	}
	e3 = diag.List{}
	r3.MarkdownOn(link("index.html#Matrix-h"), "a claim", "claims.html", &e3)
	if es := e3.Errors(); len(es) != 1 || !strings.Contains(es[0].Msg, "did you mean index.html#matrix-h? (Ids are in lower case.)") {
		t.Errorf("a page's part in capitals: %v", e3.Err())
	}
	// An overview of reference definitions alone shows nothing, and the
	// home page has no contents.
	index := b.Index.Body
	b.Index.Body = md("[x]: https://example.org/x\n")
	e3 = diag.List{}
	New(b).MarkdownOn(link("index.html#home-toc-h"), "a claim", "claims.html", &e3)
	if e3.Len() != 1 {
		t.Errorf("the contents of an overview that shows nothing: %v", e3.Err())
	}
	b.Index.Body = index
	// The sections of the overview and the methodology: their ## headings,
	// with their words as shown; the methodology's contents only with two.
	if got := fmt.Sprint(r.Sections("methodology.html")); got != "[{what-the-verdicts-mean What the verdicts mean} {bib Sources}]" {
		t.Errorf("Sections(methodology.html) = %s", got)
	}
	if got := fmt.Sprint(r.Sections("index.html")); got != "[{what-this-covers What this covers}]" {
		t.Errorf("Sections(index.html) = %s", got)
	}
	var em diag.List
	r.MarkdownOn(link("methodology.html#methodology-toc-h"), "a claim", "claims.html", &em)
	b.Methodology.Body = md("## Only one\n")
	New(b).MarkdownOn(link("methodology.html#methodology-toc-h"), "a claim", "claims.html", &em)
	if es := em.Errors(); len(es) != 1 || !strings.Contains(es[0].Msg, "points to no heading of methodology.html: its headings' ids are #only-one") {
		t.Errorf("the methodology's contents, with two sections and one: %v", em.Err())
	}
	// An article whose headings come from another Renderer's rendering.
	r2 := New(b)
	r2.AddHeadings("b", []string{"kept"})
	var errs diag.List
	r2.MarkdownOn(link("articles/b.html#kept"), "a claim", "claims.html", &errs)
	if err := errs.Err(); err != nil {
		t.Errorf("a heading given by AddHeadings: %v", err)
	}
}
