package stage

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// execute runs an html/template on s, as the theme's templates wrote it.
func execute(t *testing.T, tmpl, s string) string {
	t.Helper()
	var b strings.Builder
	if err := htmltemplate.Must(htmltemplate.New("").Parse(tmpl)).Execute(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEscapingMatchesTemplates checks that the generator escapes text,
// attribute values and links exactly as Go's html/template (and so Hugo's
// templates) does, so that the pages it writes for the theme are the pages
// the theme's templates wrote.
func TestEscapingMatchesTemplates(t *testing.T) {
	cases := []string{"", "plain", `Alpha & "Beta" <i>'s</i> 1+1`, "nul\x00byte", "curly ‘quotes’ — and accents é",
		"articles/a.html#anno-b", "../sources.html#src-x-1", "a b/c d?e=f&g=h#i j", "100%", "%zz%4", "(paren)'s", "ü/ä"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ09 \"&'+<>%#?/=()[]!*;:,@~._-\x00é—‘")
	for range 300 {
		r := make([]rune, rng.IntN(12))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(r))
	}
	for _, s := range cases {
		if got, want := esc(s), execute(t, `{{.}}`, s); got != want {
			t.Errorf("esc(%q) = %q, html/template writes %q", s, got, want)
		}
		if got, want := `<a title="`+esc(s)+`">`, execute(t, `<a title="{{.}}">`, s); got != want {
			t.Errorf("attribute %q: %q, html/template writes %q", s, got, want)
		}
		if strings.Contains(s, ":") {
			continue // the generator's links are relative; a scheme is filtered
		}
		if got, want := `<a href="`+escURL(s)+`">`, execute(t, `<a href="{{.}}">`, s); got != want {
			t.Errorf("link %q: %q, html/template writes %q", s, got, want)
		}
	}
}

func TestText(t *testing.T) {
	text, err := LoadText(fstest.MapFS{textFile: {Data: []byte(`
plain = "A & B"
twice = "{{ . }} of {{- . -}}"
[count]
one = "{{ . }} thing"
other = "{{.}} things"
[only]
other = "number {{ . }}"
`)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ got, want string }{
		{text.T("plain"), "A & B"},
		{text.T("missing"), ""},
		{text.N("count", 1), "1 thing"},
		{text.N("count", 0), "0 things"},
		{text.N("count", 2), "2 things"},
		{text.N("only", 1), "number 1"},
		{text.N("plain", 3), "A & B"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// markup.trN writes, part by part, what N gives, escaped: for these
	// strings and for every one of the bundled theme, whatever the count.
	bundled, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range []*Text{text, bundled} {
		for id := range tx.other {
			for _, n := range []int{0, 1, 2, 17, 1234} {
				h := newHTML(tx, 0)
				h.trN(id, n)
				if got, want := h.String(), esc(tx.N(id, n)); got != want {
					t.Errorf("trN(%q, %d) = %q, want %q", id, n, got, want)
				}
			}
		}
	}
	h := newHTML(text, 0)
	h.trN("missing", 2)
	if h.String() != "" {
		t.Errorf("trN of a missing string wrote %q", h.String())
	}
	_, err = LoadText(fstest.MapFS{textFile: {Data: []byte("a = \"A\"\nx = [")}})
	if want := "themes/briefing/i18n/en.toml:2:5: the theme's strings are not valid TOML ("; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a broken i18n file: %v, want %q…", err, want)
	}
	// The column in characters: the x after "üü" is the line's 15th.
	_, err = LoadText(fstest.MapFS{textFile: {Data: []byte("a = \"A\"\nfooter = \"üü\" x\n")}})
	if want := "themes/briefing/i18n/en.toml:2:15: the theme's strings are not valid TOML ("; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a broken i18n file with ü: %v, want %q…", err, want)
	}
	if _, err := LoadText(fstest.MapFS{}); err == nil {
		t.Error("a theme without strings loads")
	}
}

// The handout used to prefix ids with this expression in its template.
var handoutIDs = regexp.MustCompile(`(\s(?:id|for|aria-describedby|aria-labelledby|aria-controls|aria-details)="|\shref="#)`)

// TestHandoutLinks: a relative link in the briefing's text, written for
// the page that shows it first, points to the same thing in the handout:
// a part of it when the handout holds it, else the page from the site's
// root, where handout.html is.
func TestHandoutLinks(t *testing.T) {
	for _, c := range []struct{ v, page, want string }{
		{"../claims.html#claim-cap", "articles/a.html", "#claim-cap"},
		{"../claims.html", "articles/a.html", "#claims"},
		{"../claims.html#claim-cap-h", "articles/a.html", "#claim-cap-h"},
		{"../claims.html#cited-h", "articles/a.html", "#sources"},
		{"b.html#cited-h", "articles/a.html", "#sources"},
		{"claims.html#claims-toc-h", "index.html", "#claims"},
		{"sources.html#group-news", "index.html", "#sources"},
		{"sources.html#sources-toc-h", "index.html", "#sources"},
		{"#main", "sources.html", "#main"},
		{"../sources.html#src-doe", "articles/a.html", "#src-doe"},
		{"b.html", "articles/a.html", "#article-b"},
		{"b.html#note-x", "articles/a.html", "#b--note-x"},
		{"b.html#side-x", "articles/a.html", "#b--note-x"},
		{"#anno-y", "articles/a.html", "#a--anno-y"},
		{"../index.html#timeline-h", "articles/a.html", "#timeline-h"},
		{"../index.html#event-2", "articles/a.html", "#event-2"},
		{"index.html#what-this-covers", "claims.html", "#index--what-this-covers"},
		{"#what-this-covers", "index.html", "#index--what-this-covers"},
		{"index.html#matrix-h", "claims.html", "#overview"},
		{"../index.html#main", "articles/a.html", "#main"},
		{"#main", "methodology.html", "#main"},
		{"../methodology.html#methodology-toc-h", "articles/a.html", "#methodology"},
		{"#main", "articles/a.html", "#main"},
		{"#some-heading", "articles/a.html", "#a--some-heading"},
		{"../methodology.html#what-the-verdicts-mean", "articles/a.html", "#methodology--what-the-verdicts-mean"},
		{"#kinds", "methodology.html", "#methodology--kinds"},
		{"../quotes.html", "articles/a.html", "quotes.html"},
		{"articles/b.html#ref-z", "claims.html", "#b--ref-z"},
		{"methodology.html", "index.html", "#methodology"},
		{"search.html", "index.html", "search.html"},
		{"search.html?q=cable", "index.html", "search.html?q=cable"},
		{"../notes.html#b--x", "articles/a.html", "#b--note-x"},
		{"notes.html#notes-b", "index.html", "#b--notes-h"},
		{"notes.html#notes-toc-h", "index.html", "notes.html#notes-toc-h"},
		{"notes.html", "index.html", "notes.html"},
		{"index.html", "claims.html", "#overview"},
	} {
		if got := handoutHref(c.v, c.page); got != c.want {
			t.Errorf("handoutHref(%q, %q) = %q, want %q", c.v, c.page, got, c.want)
		}
	}
	// A fragment decoded from the link is escaped again: a quote in it
	// would end the attribute the link is written in.
	for _, c := range []struct{ v, page string }{
		{"../claims.html#x%22%20onmouseover%3D%22alert(1)", "articles/a.html"},
		{"#a%22%20onmouseover%3D%22alert(1)", "methodology.html"},
		{"#a%22%20onmouseover%3D%22alert(1)", "index.html"},
		{"b.html#a%22%3E%3Cscript%3E", "articles/a.html"},
	} {
		if got := handoutHref(c.v, c.page); strings.ContainsAny(got, "\"<> ") {
			t.Errorf("handoutHref(%q, %q) = %q: a fragment not escaped", c.v, c.page, got)
		}
	}
	var pb strings.Builder
	prefixIDs(&pb, `<p><a href="#a%22%20onmouseover%3D%22alert(1)">x</a></p>`, methodologyPrefix, "methodology.html")
	if got := pb.String(); strings.Contains(got, `" onmouseover`) {
		t.Errorf("prefixIDs wrote %s", got)
	}
	h := `<p><a href="https://example.org/x">a</a> <a href="mailto:a@example.org">b</a> <a href="../claims.html#claim-c">c</a></p>`
	if got, want := handoutLinks(h, "articles/a.html"), strings.Replace(h, "../claims.html#claim-c", "#claim-c", 1); got != want {
		t.Errorf("handoutLinks = %q, want %q", got, want)
	}
	if h := `<a href="https://example.org/x">a</a>`; handoutLinks(h, "index.html") != h {
		t.Error("handoutLinks changed an absolute link")
	}
	var b strings.Builder
	prefixIDs(&b, `<p id="p"><a href="b.html#note-x">1</a> <a href="#anno-y">2</a></p>`, "a--", "articles/a.html")
	if got, want := b.String(), `<p id="a--p"><a href="#b--note-x">1</a> <a href="#a--anno-y">2</a></p>`; got != want {
		t.Errorf("prefixIDs = %q, want %q", got, want)
	}
}

func TestPrefixIDs(t *testing.T) {
	f := pages(t)
	inputs := []string{
		`<p id="a" data-id="b" xid="c"><a href="#x">1</a> <a href="https://example.org/y.html#z">2</a><label for="f">` +
			`<i aria-labelledby="l" aria-details="d"></i>id="not an attribute"` + "\n" + `aria-controls="c"` + "\t" + `href="#t"=""`,
		"", `="`, ` id="`, `x id=`,
		`<h2>A</h2><h3 id="b">B</h3><h6>F</h6><h1>T</h1><hr><header><p>h2>`, `<h5`, `</h4`,
	}
	for _, a := range f.arts {
		inputs = append(inputs, a.Body)
	}
	for _, in := range inputs {
		var b strings.Builder
		prefixIDs(&b, in, "slug--", "articles/slug.html")
		if want := oldShiftHeadings(handoutIDs.ReplaceAllString(in, "${1}slug--")); b.String() != want {
			t.Errorf("prefixIDs(%q)\n = %q\nwant %q", in, b.String(), want)
		}
	}
}

// ids returns the values of the id attributes of a page.
func ids(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\sid="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

func body(t *testing.T, f Files, name string) string {
	t.Helper()
	data, ok := f[name]
	if !ok {
		t.Fatalf("no %s staged", name)
	}
	_, b, _ := strings.Cut(string(data), "\n")
	return b
}

// TestArticlePage checks that each note's slot holds its sidenote, after
// its block, and that the endnotes follow the text in marker order.
func TestArticlePage(t *testing.T) {
	f := pages(t)
	page := body(t, f.files, "content/articles/alpha.html")
	if strings.Contains(page, "<!--note") {
		t.Error("a note slot is left on the page")
	}
	text, notes, ok := strings.Cut(page, `<section class="endnotes"`)
	if !ok {
		t.Fatal("no endnotes")
	}
	last := 0
	for _, n := range f.arts["alpha"].Notes {
		side := strings.Index(text, `<div class="sidenote note-`+string(n.Kind)+`" id="side-`+n.ID+`"`)
		ref := strings.Index(text, `id="ref-`+n.ID+`"`)
		if side < 0 || ref < 0 || side < ref || strings.Count(text, `id="side-`+n.ID+`"`) != 1 {
			t.Errorf("note %s: sidenote at %d, marker at %d", n.ID, side, ref)
		}
		end := strings.Index(notes, `<li id="note-`+n.ID+`"`)
		if end < last {
			t.Errorf("endnote %s out of order", n.ID)
		}
		last = end
	}
	for _, want := range []string{
		`<p class="side-more"><a href="#note-favor">Read note 2 in full</a></p>`,
		`<p class="claim-link">Claim: <a href="../claims.html#claim-threat-post">The department called migration an existential threat.</a></p>`,
		`<p class="cites">Sources: <a href="../sources.html#src-times-2025">`,
		`<a href="#ref-no-data" role="doc-backlink">Back to marker 3 in the text</a> · <a class="note-permalink" href="#note-no-data">Link to note 3</a></p>`,
		`<span class="verdict verdict-needs-context"><span class="verdict-icon" aria-hidden="true"></span>Needs context</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	seen := map[string]bool{}
	for _, id := range ids(page) {
		if seen[id] {
			t.Errorf("id %s twice on the page", id)
		}
		seen[id] = true
	}
	// After the notes, every source they cite, once, in full (with its
	// address, for a printed page), in the order of their citations.
	_, cited, ok := strings.Cut(notes, `<section class="cited-sources" aria-labelledby="cited-h">`)
	if !ok {
		t.Fatal("the article page lists no sources after its notes")
	}
	var want []string
	for _, s := range f.b.Sources {
		for _, n := range f.arts["alpha"].Notes {
			if slices.ContainsFunc(n.Cites, func(c render.Cite) bool { return c.ID == s.ID }) && !slices.Contains(want, s.ID) {
				want = append(want, s.ID)
			}
		}
	}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(refOrderKey(f.r.Label(a)), refOrderKey(f.r.Label(b))) })
	last = -1
	for _, id := range want {
		entry := `<li><p class="ref">` + f.r.ReferenceOf(id) + "</p></li>"
		at := strings.Index(cited, entry)
		if at < 0 || strings.Count(cited, entry) != 1 || at < last {
			t.Errorf("source %s: listed at %d (after %d), %d times", id, at, last, strings.Count(cited, entry))
		}
		last = at
	}
	if n := strings.Count(cited, "<li>"); n != len(want) || len(want) < 2 {
		t.Errorf("%d sources listed, want %v", n, want)
	}
	// The handout has its bibliography: its articles list none.
	if strings.Contains(body(t, f.files, "content/handout.html"), "cited-sources") {
		t.Error("the handout's article lists its sources")
	}
}

// TestHandout checks the print edition's body: every article with its
// ids prefixed, so that all ids are unique and every in-page link finds its
// target.
func TestHandout(t *testing.T) {
	f := pages(t)
	page := body(t, f.files, "content/handout.html")
	seen := map[string]bool{}
	for _, id := range ids(page) {
		if seen[id] {
			t.Errorf("id %s twice in the handout", id)
		}
		seen[id] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !seen[m[1]] {
			t.Errorf("the handout links to #%s, which it does not have", m[1])
		}
	}
	if !strings.Contains(page, `<a class="note-permalink" href="#alpha--note-favor">Link to note 2</a>`) {
		t.Error("the handout's note has no link to itself within the handout")
	}
	for _, id := range []string{"alpha--anno-threat", "beta--anno-threat", "alpha--note-favor", "beta--ref-crimes",
		"claim-threat-post", "src-smith-2024", "overview", "timeline", "claims", "sources"} {
		if !seen[id] {
			t.Errorf("the handout has no id %s", id)
		}
	}
	if strings.Contains(page, `class="sidenote`) || strings.Contains(page, "../") {
		t.Error("the handout has sidenotes or links out of itself")
	}
	// Its bibliography is one list, alphabetical by citation, for a reader
	// of the printed copy to look a citation up in one place.
	_, bib, _ := strings.Cut(page, `<section class="handout-part" id="sources"`)
	bib, _, _ = strings.Cut(bib, "</section>")
	var got, want []string
	for _, m := range regexp.MustCompile(`<li id="src-([^"]*)">`).FindAllStringSubmatch(bib, -1) {
		got = append(got, m[1])
	}
	for _, s := range f.b.Sources {
		want = append(want, s.ID)
	}
	slices.SortFunc(want, func(a, b string) int { return strings.Compare(refOrderKey(f.r.Label(a)), refOrderKey(f.r.Label(b))) })
	if strings.Count(bib, "<ul") != 1 || strings.Contains(bib, "<h3") || !slices.Equal(got, want) {
		t.Errorf("the handout's bibliography: %d lists, sources %v, want one list of %v", strings.Count(bib, "<ul"), got, want)
	}
	// The claims table names each appearance by its note's number, which
	// a printed copy finds among the article's endnotes, with the note's
	// own verdict where it differs from the claim's.
	_, table, _ := strings.Cut(page, `<table class="claims-table">`)
	for _, want := range []string{
		`<li><a href="#alpha--anno-threat">Alpha Daily, note 1</a></li>`, // a no-break space: "note 1" is never split
		`<li><a href="#beta--anno-threat">Beta Wire, note 1</a> · verdict on this wording: <span class="verdict verdict-misleading">`,
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the handout's claims table lacks %s", want)
		}
	}
}

// TestMatrixPage checks the matrix as written: a cell for every claim and
// outlet (one article each here), an empty one saying so.
func TestMatrixPage(t *testing.T) {
	page := body(t, compile(t), "content/_index.html")
	_, table, ok := strings.Cut(page, `<table class="matrix">`)
	if !ok {
		t.Fatal("no matrix")
	}
	if got := strings.Count(table, "<td>"); got != 3*2 {
		t.Errorf("%d cells, want 6", got)
	}
	if got := strings.Count(table, `<span class="visually-hidden">not made in this outlet’s articles</span>`); got != 3 {
		t.Errorf("%d empty cells, want 3", got)
	}
	for _, want := range []string{
		`<a href="articles/beta.html#anno-threat" class="matrix-link"><span class="visually-hidden">Beta Wire, </span><span class="verdict verdict-misleading">`,
		`<span class="matrix-note">note 1</span>`,
		`<th scope="col"><a href="articles/alpha.html" title="Cable tells diplomats to act">Alpha Daily</a></th>`,
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the matrix lacks %s", want)
		}
	}
	if !strings.Contains(page, `<p class="card-notes">3 notes:`) || !strings.Contains(page, `<p class="card-notes">2 notes:`) {
		t.Error("the cards do not count the notes")
	}
}

// TestThemeWords checks that pages written by the generator take their
// words from the theme's strings.
func TestThemeWords(t *testing.T) {
	text, err := LoadText(fstest.MapFS{textFile: {Data: []byte("notes = \"Annotations\"\n[whole_note]\nother = \"All of note {{ . }}\"\n")}})
	if err != nil {
		t.Fatal(err)
	}
	f := pages(t)
	var errs diag.List
	files, _ := Project(f.b, f.r, f.arts, Options{Text: text}, &errs)
	page := body(t, files, "content/articles/alpha.html")
	for _, want := range []string{`<h2 id="notes-h">Annotations</h2>`, `>All of note 2</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	// These strings have no note_link: no link without words.
	if strings.Contains(page, "note-permalink") {
		t.Error("a note's link to itself is written without the theme's words for it")
	}
}

func TestDetach(t *testing.T) {
	whole := compile(t)
	// Each file in pieces, cut at several places: the front matter's
	// line may end in any piece, or at a piece's end.
	for _, cuts := range [][]int{nil, {1}, {7, 8, 200}, {0, 30, 31, 32, 5000}} {
		f := map[string]Pieces{}
		for name, data := range whole {
			f[name] = cut(data, cuts)
		}
		pieces := maps.Clone(f)
		skeleton, d := Detach(f)
		if !maps.EqualFunc(f, pieces, Pieces.Equal) {
			t.Errorf("cut at %v: Detach changed the project it was given", cuts)
		}
		for name, data := range whole {
			switch {
			case strings.HasPrefix(name, "static/"):
				if _, ok := skeleton[name]; ok || string(d.Files[strings.TrimPrefix(name, "static/")].Join()) != string(data) {
					t.Errorf("cut at %v: %s is not detached as it is", cuts, name)
				}
			case strings.HasPrefix(name, "content/"):
				head, b, _ := strings.Cut(string(data), "\n")
				got := string(skeleton[name])
				if b == "" {
					if got != string(data) {
						t.Errorf("cut at %v: %s, without a body, changed", cuts, name)
					}
					continue
				}
				if got != head+"\n"+BodyMark || string(d.Bodies[OutputPath(name)].Join()) != b {
					t.Errorf("cut at %v: %s: staged %.80q, body under %s not its own", cuts, name, got, OutputPath(name))
				}
			default:
				if string(skeleton[name]) != string(data) {
					t.Errorf("cut at %v: %s changed", cuts, name)
				}
			}
		}
		if len(skeleton)+len(d.Files) != len(whole) {
			t.Errorf("cut at %v: %d files in the skeleton and %d detached, of %d", cuts, len(skeleton), len(d.Files), len(whole))
		}
	}
	for in, out := range map[string]string{"content/_index.html": "index.html", "content/claims.html": "claims.html",
		"content/articles/a-b.html": "articles/a-b.html"} {
		if got := OutputPath(in); got != out {
			t.Errorf("OutputPath(%s) = %s, want %s", in, got, out)
		}
	}
}

// cut returns data as the pieces between the offsets at (those within it).
func cut(data []byte, at []int) Pieces {
	var p Pieces
	last := 0
	for _, i := range at {
		if i > last && i < len(data) {
			p = append(p, data[last:i])
			last = i
		}
	}
	return append(p, data[last:])
}

// TestMethodologyContents: the methodology page lists its sections, then
// the verdict scale, when it has two or more; with fewer, nothing.
func TestMethodologyContents(t *testing.T) {
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	one := []render.Heading{{ID: "who", Text: "Who & how"}}
	if got := methodologyContents(nil, text) + methodologyContents(one, text); got != "" {
		t.Errorf("with fewer than two sections: %q", got)
	}
	got := methodologyContents(append(one, render.Heading{ID: "limits", Text: "Limits"}), text)
	for _, want := range []string{
		`<nav class="toc" aria-labelledby="methodology-toc-h">`,
		`<li><a href="#who">Who &amp; how</a></li><li><a href="#limits">Limits</a></li><li><a href="#scale-h">The verdict scale</a></li></ul>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("contents lack %s:\n%s", want, got)
		}
	}
}

// TestCardsIntro: when the cards count notes by verdict, a line above them
// says that the counts are verdicts on claims, not a rating of the outlet;
// with no verdict to count, there is no such line. It sends the reader to
// the methodology only when the briefing has one.
func TestCardsIntro(t *testing.T) {
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := &briefing.Article{Slug: "one", Title: "One", Outlet: "Outlet"}
	note := func(v briefing.Verdict) render.Note {
		return render.Note{Note: &briefing.Note{ID: "n", Kind: briefing.KindFactCheck, Verdict: v}}
	}
	plain := cardHTML(a, &render.Article{Notes: []render.Note{{Note: &briefing.Note{ID: "n", Kind: briefing.KindContext}}}}, text)
	judged := cardHTML(a, &render.Article{Notes: []render.Note{note(briefing.VerdictUnsupported)}}, text)
	for _, c := range []struct {
		cards []string
		want  bool
	}{{[]string{plain}, false}, {[]string{plain, judged}, true}} {
		page := string(indexOf(&briefing.Briefing{}, nil, c.cards, overview{}, nil, text))
		intro := `<h2 id="articles-h">The articles</h2>` + "\n" + `<p class="cards-intro">Each card counts its article’s notes by verdict. A verdict is on a claim the article makes or reports, not a rating of the outlet`
		if got := strings.Contains(page, intro); got != c.want {
			t.Errorf("with %d cards, %d with verdicts: intro shown %v, want %v", len(c.cards), len(c.cards)-1, got, c.want)
		}
	}
	const sendsOn = "The methodology explains each verdict."
	for _, b := range []*briefing.Briefing{{}, {Methodology: &briefing.Page{Title: "Methodology"}}} {
		page := string(indexOf(b, nil, []string{judged}, overview{}, nil, text))
		if got, want := strings.Contains(page, sendsOn), b.Methodology != nil; got != want {
			t.Errorf("methodology %v: the intro sends the reader to it: %v, want %v", b.Methodology != nil, got, want)
		}
	}
}

// refOrderKey is where a citation stands in a reference list, as APA
// orders one: by its text in lower case, an article before it left out
// ("The New York Times" at N, "A page nobody cites" at P).
func refOrderKey(label string) string {
	label = strings.ToLower(label)
	for _, a := range []string{"the ", "a ", "an "} {
		if rest, ok := strings.CutPrefix(label, a); ok {
			return rest
		}
	}
	return label
}

// TestClaimantShown: a fact check that names its claimant says so to
// readers where the note is read whole, after its verdict (what the
// page's ClaimReview gives as the claim's author): in the endnotes, not
// in the sidenote, whose few lines are the note's text; a note without
// one says nothing of the kind.
func TestClaimantShown(t *testing.T) {
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	notes := []noteData{
		{ID: "a", Number: 1, Kind: "fact-check", KindLabel: "Fact check", Verdict: "unsupported", VerdictLabel: "Unsupported", Claimant: "U.S. Department of State", HTML: "<p>x</p>"},
		{ID: "b", Number: 2, Kind: "fact-check", KindLabel: "Fact check", Verdict: "accurate", VerdictLabel: "Accurate", HTML: "<p>y</p>"},
	}
	h := newHTML(text, 1024)
	h.endnotes(notes, "", "")
	end := h.String()
	if strings.Count(end, `<span aria-hidden="true">·</span> <span class="claimant">claim by U.S. Department of State</span>`) != 1 || strings.Count(end, `class="claimant"`) != 1 {
		t.Errorf("the endnotes do not name the one claimant once:\n%s", end)
	}
	if !regexp.MustCompile(`Unsupported</span>\n<span aria-hidden="true">·</span> <span class="claimant">`).MatchString(end) {
		t.Errorf("the claimant does not follow the verdict:\n%s", end)
	}
	h = newHTML(text, 1024)
	h.sidenote(&notes[0])
	if side := h.String(); strings.Contains(side, "claimant") {
		t.Errorf("the sidenote names the claimant:\n%s", side)
	}
}

// TestClaimantNotTheOutlet: a note's claimant is shown only when it is not
// the article's outlet: "claim by" the outlet on each of its notes, on its
// own page, says nothing.
func TestClaimantNotTheOutlet(t *testing.T) {
	f := pages(t)
	n := render.Note{Note: &briefing.Note{ID: "a", Kind: briefing.KindFactCheck, Verdict: briefing.VerdictAccurate}}
	for claimant, want := range map[string]string{"Alpha Daily": "", "U.S. Department of State": "U.S. Department of State", "": ""} {
		n.Claimant = briefing.Claimant{Name: claimant}
		if got := newNoteData(f.r, n, "", nil, "../", "Alpha Daily").Claimant; got != want {
			t.Errorf("claimant %q on Alpha Daily's article: shown %q, want %q", claimant, got, want)
		}
	}
}

// TestHandoutNumbersLinksToNotesEverywhere: a link to an article's note
// is labelled in print as an endnote's link to another article's note is,
// "[Beta Wire, note 2]", wherever in the handout it is outside that
// article: in the overview, a timeline entry, another article's text, a
// claim's note, the methodology (all written before the articles' numbers
// are known, or after).
func TestHandoutNumbersLinksToNotesEverywhere(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	edit := func(name, old, new string) { editFile(t, fsys, name, old, new) }
	edit("content/_index.md", "The *overview*.", "The *overview*, with [the favor note](articles/alpha.html#note-favor).")
	edit("content/_index.md", "text: The cable is sent.", "text: The cable is sent ([the crimes note](articles/beta.html#note-crimes)).")
	edit("content/articles/beta.md", "The cable asks diplomats to report crimes by migrants.",
		"The cable asks diplomats to report crimes by migrants. See [Alpha's figure](alpha.html#note-no-data).")
	edit("annotations/claims.yaml", "note: It did, on X.", "note: It did, on X ([Beta's words](articles/beta.html#note-threat)).")
	fsys["content/methodology.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Methodology\n---\nAs [one note](articles/alpha.html#note-threat) shows.\n")}
	want := []string{
		`<a href="#alpha--note-favor" data-n="Alpha Daily, note` + "\u00a0" + `2">the favor note</a>`,
		`<a href="#beta--note-crimes" data-n="Beta Wire, note` + "\u00a0" + `2">the crimes note</a>`,
		`<a href="#alpha--note-no-data" data-n="Alpha Daily, note` + "\u00a0" + `3">Alpha's figure</a>`,
		`<a href="#beta--note-threat" data-n="Beta Wire, note` + "\u00a0" + `1">Beta’s words</a>`,
		`<a href="#alpha--note-threat" data-n="Alpha Daily, note` + "\u00a0" + `1">one note</a>`,
	}
	handoutLabels(t, fsys, want)
}

// TestHandoutLabelsBreakAsText: a label of a link to another article's
// note breaks as text does, but inside "note 2": kept whole (no-break
// spaces), a label widened a claim's note in the claims table past a
// narrow sheet.
func TestHandoutLabelsBreakAsText(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	long := "Alpha Daily of the International Press Syndicate"
	for name, edit := range map[string][2]string{
		"content/articles/alpha.md": {"outlet: Alpha Daily", "outlet: " + long},
		"annotations/alpha.yaml":    {"note: Reuters says the spokesperson gave none.", "note: Reuters says the spokesperson gave none ([the crimes note](beta.html#note-crimes))."},
		"annotations/beta.yaml":     {"note: The cable's instruction.", "note: The cable's instruction ([Alpha note](alpha.html#note-favor))."},
	} {
		f := fsys[name]
		if !bytes.Contains(f.Data, []byte(edit[0])) {
			t.Fatalf("%s has no %q", name, edit[0])
		}
		f.Data = bytes.Replace(f.Data, []byte(edit[0]), []byte(edit[1]), 1)
	}
	handoutLabels(t, fsys, []string{
		`<a href="#beta--note-crimes" data-n="Beta Wire, note` + "\u00a0" + `2">the crimes note</a>`,
		`<a href="#alpha--note-favor" data-n="` + long + `, note` + "\u00a0" + `2">Alpha note</a>`,
	})
}

// TestHandoutLabelsNameTheOutlet: a label names the article's outlet
// whatever the link's words: words that seem to name it ("the independent
// inquiry" for The Independent, "the New York Times" for Times) would
// leave a reader of paper with a number alone, and so the wrong note;
// where two articles share the outlet, the label names the headline.
func TestHandoutLabelsNameTheOutlet(t *testing.T) {
	nb := "\u00a0"
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	edit := func(name, old, new string) { editFile(t, fsys, name, old, new) }
	edit("annotations/alpha.yaml", "note: Reuters says the spokesperson gave none.",
		"note: Reuters says the spokesperson gave none, as [the BETA wire's note](beta.html#note-crimes) and [*Beta* Wire](beta.html#note-threat) say, unlike [Alpha Daily](beta.html#note-threat) or [Beta Wires](beta.html#note-crimes).")
	edit("annotations/claims.yaml", "note: It did, on X.", "note: It did, on X, as [Alpha Daily's note](articles/alpha.html#note-threat) says.")
	handoutLabels(t, fsys, []string{
		`<a href="#beta--note-crimes" data-n="Beta Wire, note` + nb + `2">the BETA wire’s note</a>`,
		`<a href="#beta--note-threat" data-n="Beta Wire, note` + nb + `1"><em>Beta</em> Wire</a>`,
		`<a href="#beta--note-threat" data-n="Beta Wire, note` + nb + `1">Alpha Daily</a>`,
		`<a href="#beta--note-crimes" data-n="Beta Wire, note` + nb + `2">Beta Wires</a>`,
		`<a href="#alpha--note-threat" data-n="Alpha Daily, note` + nb + `1">Alpha Daily’s note</a>`,
	})
	edit("content/articles/beta.md", "outlet: Beta Wire", "outlet: Alpha Daily")
	handoutLabels(t, fsys, []string{
		`<a href="#alpha--note-threat" data-n="Alpha Daily: Cable tells diplomats to act, note` + nb + `1">Alpha Daily’s note</a>`,
	})
}

// TestHandoutLabelsPassageLinks: a link to another article's passage
// (#anno-…) or marker (#ref-…) is labelled in print as one to its note
// is, the passage being the one the note's marker follows, as the claims
// table names a passage: "[Beta Wire, note 2]".
func TestHandoutLabelsPassageLinks(t *testing.T) {
	nb := "\u00a0"
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	f := fsys["annotations/alpha.yaml"]
	old := []byte("note: Reuters says the spokesperson gave none.")
	if !bytes.Contains(f.Data, old) {
		t.Fatalf("alpha.yaml has no %q", old)
	}
	f.Data = bytes.Replace(f.Data, old, []byte("note: Reuters says the spokesperson gave none; see [the passage](beta.html#anno-crimes) and [the marker](beta.html#ref-threat)."), 1)
	handoutLabels(t, fsys, []string{
		`<a href="#beta--anno-crimes" data-n="Beta Wire, note` + nb + `2">the passage</a>`,
		`<a href="#beta--ref-threat" data-n="Beta Wire, note` + nb + `1">the marker</a>`,
	})
}

// handoutLabels checks, as stagedLabels does, that the handout holds
// each of want.
func handoutLabels(t *testing.T, fsys fstest.MapFS, want []string) {
	t.Helper()
	stagedLabels(t, fsys, map[string][]string{"content/handout.html": want})
}

// stagedLabels stages fsys, a briefing, as Project does, and in batches
// of every size (one article at a time, two, …) into a sink that keeps
// files and one that keeps pieces, and checks that every file is the same
// each way and that each file named in want holds each of its strings.
func stagedLabels(t *testing.T, fsys fstest.MapFS, want map[string][]string) {
	t.Helper()
	f := load(t, fsys)
	for n := 1; n <= len(f.order); n++ {
		for sink, files := range stagedInBatches(t, f, n) {
			what := fmt.Sprintf("%s, batches of %d", sink, n)
			for name, data := range f.files {
				if !bytes.Equal(files[name], data) {
					t.Errorf("%s: %s differs from the one staged at once", what, name)
				}
			}
			if len(files) != len(f.files) {
				t.Errorf("%s: %d files, staged at once %d", what, len(files), len(f.files))
			}
		}
	}
	for name, ls := range want {
		page := body(t, f.files, name)
		for _, l := range ls {
			if !strings.Contains(page, l) {
				t.Errorf("%s lacks %s", name, l)
			}
		}
	}
}

// stagedInBatches stages the fixture f with a Writer, n articles at a
// time, into Files and into PieceFiles, and returns the files of each, by
// the sink's name.
func stagedInBatches(t *testing.T, f *fixture, n int) map[string]Files {
	t.Helper()
	out := map[string]Files{}
	for name, sink := range map[string]Sink{"files": Files{}, "pieces": PieceFiles{}} {
		w, err := NewWriter(f.b, f.r, Options{}, sink)
		if err != nil {
			t.Fatal(err)
		}
		for start := 0; start < len(f.order); start += n {
			var ras []*render.Article
			for _, a := range f.order[start:min(start+n, len(f.order))] {
				ras = append(ras, f.arts[a.Slug])
			}
			if err := w.Articles(ras); err != nil {
				t.Fatal(err)
			}
		}
		var errs diag.List
		if _, err := w.Close(&errs); err != nil {
			t.Fatal(err)
		}
		if files, ok := sink.(Files); ok {
			out[name] = files
		} else {
			out[name] = sink.(PieceFiles).Flat()
		}
	}
	return out
}

// TestHandoutNumbersLinksToOtherArticlesNotes: printed, a note's link to
// a note of another article is followed by that article's name and the
// note's number there ("[Beta Wire, note 2]"), whichever of the two comes
// first in the handout (a link to a later article's note is numbered once
// that article is staged), and in a sink that keeps pieces (the preview's)
// as in one that keeps files. A link to a note of its own article keeps
// its bare number.
func TestHandoutNumbersLinksToOtherArticlesNotes(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	edit := func(name, old, new string) { editFile(t, fsys, name, old, new) }
	edit("annotations/alpha.yaml", "note: Reuters says the spokesperson gave none.",
		"note: Reuters says the spokesperson gave none; see [the instruction](beta.html#note-crimes), [the words](#note-threat) and [Beta](beta.html#note-threat).")
	edit("annotations/beta.yaml", "note: The cable's instruction.", "note: The cable's instruction ([Alpha note](alpha.html#note-favor)).")
	f := load(t, fsys)
	if f.order[0].Slug != "alpha" {
		t.Fatalf("the fixture's order is %s first: alpha's links lead to a later article's notes no more", f.order[0].Slug)
	}
	handoutLabels(t, fsys, []string{
		`<a href="#beta--note-crimes" data-n="Beta Wire, note` + "\u00a0" + `2">the instruction</a>`,
		`<a href="#alpha--note-threat" data-n="1">the words</a>`,
		`<a href="#beta--note-threat" data-n="Beta Wire, note` + "\u00a0" + `1">Beta</a>`,
		`<a href="#alpha--note-favor" data-n="Alpha Daily, note` + "\u00a0" + `2">Alpha note</a>`,
	})
}

// editFile replaces old with new, once, in the file name of fsys, and
// stops the test if the file has no old.
func editFile(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f := fsys[name]
	if !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), 1)
}

// TestOwnPassageLinksNumbered: a note's link to the passage (#anno-…),
// the marker (#ref-…) or the in-text note (#side-…) of a note of its own
// article, or to any of them after the article's page (alpha.html#…),
// cannot be followed on paper either: it carries that note's number, as
// a link to the note does ("[2]"; on paper the passage is found by its
// marker), on the article's page, on the all-notes page and in the
// handout (where the ids take the article's prefix).
func TestOwnPassageLinksNumbered(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	editFile(t, fsys, "annotations/alpha.yaml", "note: Reuters says the spokesperson gave none.",
		"note: Reuters says the spokesperson gave none; see [the passage](#anno-threat), [the marker](#ref-favor), [the in-text note](#side-favor), [by its page](alpha.html#anno-favor) and [from the root](../articles/alpha.html#ref-threat).")
	f := load(t, fsys)
	for name, want := range map[string][]string{
		"content/articles/alpha.html": {
			`<a href="#anno-threat" data-n="1">the passage</a>`,
			`<a href="#ref-favor" data-n="2">the marker</a>`,
			`<a href="#side-favor" data-n="2">the in-text note</a>`,
			`<a href="alpha.html#anno-favor" data-n="2">by its page</a>`,
			`<a href="../articles/alpha.html#ref-threat" data-n="1">from the root</a>`,
		},
		"content/notes.html": {
			`<a href="articles/alpha.html#anno-threat" data-n="1">the passage</a>`,
			`<a href="articles/alpha.html#ref-favor" data-n="2">the marker</a>`,
			`<a href="articles/alpha.html#anno-favor" data-n="2">by its page</a>`,
		},
	} {
		page := body(t, f.files, name)
		for _, l := range want {
			if !strings.Contains(page, l) {
				t.Errorf("%s lacks %s", name, l)
			}
		}
	}
	handoutLabels(t, fsys, []string{
		`<a href="#alpha--anno-threat" data-n="1">the passage</a>`,
		`<a href="#alpha--ref-favor" data-n="2">the marker</a>`,
		`<a href="#alpha--note-favor" data-n="2">the in-text note</a>`,
		`<a href="#alpha--anno-favor" data-n="2">by its page</a>`,
		`<a href="#alpha--ref-threat" data-n="1">from the root</a>`,
	})
}

// TestNumberNoteLinksOnlyKnownNotes: numberNoteLinks numbers a link to a
// note of the page's article, its passage, marker or in-text note, and no
// other: not one to an id no note has, nor to another page's note, nor a
// marker (its number is its text), nor a link numbered already.
func TestNumberNoteLinksOnlyKnownNotes(t *testing.T) {
	const page = "articles/alpha.html"
	numbers := map[string]int{"threat": 1, "favor": 2}
	for in, want := range map[string]string{
		`<a href="#anno-threat">x</a>`:                   `<a href="#anno-threat" data-n="1">x</a>`,
		`<a href="#note-favor" title="t">x</a>`:          `<a href="#note-favor" data-n="2" title="t">x</a>`,
		`<a href="alpha.html#side-favor">x</a>`:          `<a href="alpha.html#side-favor" data-n="2">x</a>`,
		`<a href="#anno-nosuch">x</a>`:                   `<a href="#anno-nosuch">x</a>`,
		`<a href="#anno-">x</a>`:                         `<a href="#anno-">x</a>`,
		`<a href="#threat">x</a>`:                        `<a href="#threat">x</a>`,
		`<a href="#main">x</a>`:                          `<a href="#main">x</a>`,
		`<a href="beta.html#anno-threat">x</a>`:          `<a href="beta.html#anno-threat">x</a>`,
		`<a href="../claims.html#anno-threat">x</a>`:     `<a href="../claims.html#anno-threat">x</a>`,
		`<a href="https://x.example/#anno-threat">x</a>`: `<a href="https://x.example/#anno-threat">x</a>`,
		`<a href="#note-threat" data-n="1">x</a>`:        `<a href="#note-threat" data-n="1">x</a>`,
		`<sup class="noteref-wrap"><a href="#note-threat" id="ref-threat" role="doc-noteref" class="noteref" data-note="threat" aria-label="Note 1">1</a></sup>`: `<sup class="noteref-wrap"><a href="#note-threat" id="ref-threat" role="doc-noteref" class="noteref" data-note="threat" aria-label="Note 1">1</a></sup>`,
	} {
		if got := numberNoteLinks(in, page, numbers); got != want {
			t.Errorf("numberNoteLinks(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestTextLinksToOwnNotesNumbered: a link in an article's own text to one
// of its notes, to the passage, the marker or the in-text note of one, is
// followed in print by that note's number ("[2]"), on the article's page
// and in the handout, as a note's link to it is; the markers, whose text
// is the number, get none.
func TestTextLinksToOwnNotesNumbered(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	editFile(t, fsys, "content/articles/alpha.md", "Officials offered no data on crime rates.",
		"Officials offered no data on crime rates (see [the note](#note-favor), [the passage](#anno-threat), [the in-text note](#side-favor) and [by its page](alpha.html#ref-no-data)).")
	f := load(t, fsys)
	marker := regexp.MustCompile(`data-n="[^"]*" id="(alpha--)?ref-|role="doc-noteref"[^>]* data-n=`)
	page := body(t, f.files, "content/articles/alpha.html")
	for _, l := range []string{
		`<a href="#note-favor" data-n="2">the note</a>`,
		`<a href="#anno-threat" data-n="1">the passage</a>`,
		`<a href="#side-favor" data-n="2">the in-text note</a>`,
		`<a href="alpha.html#ref-no-data" data-n="3">by its page</a>`,
	} {
		if !strings.Contains(page, l) {
			t.Errorf("the article's page lacks %s", l)
		}
	}
	if m := marker.FindString(page); m != "" {
		t.Errorf("a marker of the article's page is numbered: %s", m)
	}
	handoutLabels(t, fsys, []string{
		`<a href="#alpha--note-favor" data-n="2">the note</a>`,
		`<a href="#alpha--anno-threat" data-n="1">the passage</a>`,
		`<a href="#alpha--note-favor" data-n="2">the in-text note</a>`,
		`<a href="#alpha--ref-no-data" data-n="3">by its page</a>`,
	})
	if m := marker.FindString(body(t, f.files, "content/handout.html")); m != "" {
		t.Errorf("a marker of the handout is numbered: %s", m)
	}
}

// TestSourcesTellApartArticlesOfOneOutlet: on the sources page, the notes
// of two articles of one outlet that cite a source are listed under each
// article's name, its outlet and title, as the handout's labels name
// them: under the outlet alone, they read "Alpha Daily: note 1 · note 1",
// one article's note listed twice (review h91e). So are the places a
// claim appears, on the claims page and in the handout's claims table.
func TestSourcesTellApartArticlesOfOneOutlet(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	editFile(t, fsys, "content/articles/beta.md", "outlet: Beta Wire", "outlet: Alpha Daily")
	files := load(t, fsys).files
	for _, name := range []string{"content/claims.html", "content/handout.html"} {
		page := body(t, files, name)
		for _, want := range []string{">Alpha Daily: Cable tells diplomats to act, note\u00a01</a>", ">Alpha Daily: Diplomats told to report migrant crime, note\u00a01</a>"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks the place %s", name, want)
			}
		}
	}
	page := body(t, files, "content/sources.html")
	entry, _, _ := strings.Cut(page[strings.Index(page, `id="src-state-x-2025"`):], "</li>\n")
	for _, want := range []string{
		`<li>Alpha Daily: Cable tells diplomats to act: <a href="articles/alpha.html#note-`,
		`<li>Alpha Daily: Diplomats told to report migrant crime: <a href="articles/beta.html#note-`,
		// Each link's name, read alone from a list of links, too.
		`<span class="visually-hidden">Alpha Daily: Diplomats told to report migrant crime, </span>note 1</a>`,
	} {
		if !strings.Contains(entry, want) {
			t.Errorf("the sources page's entry lacks %s:\n%s", want, entry)
		}
	}
	// An outlet with one article is named alone.
	editFile(t, fsys, "content/articles/beta.md", "outlet: Alpha Daily", "outlet: Beta Wire")
	page = body(t, load(t, fsys).files, "content/sources.html")
	entry, _, _ = strings.Cut(page[strings.Index(page, `id="src-state-x-2025"`):], "</li>\n")
	if !strings.Contains(entry, `<li>Alpha Daily: <a href="articles/alpha.html#note-`) || !strings.Contains(entry, `<li>Beta Wire: <a href="articles/beta.html#note-`) {
		t.Errorf("the sources page's entry does not name each article by its outlet alone:\n%s", entry)
	}
	if claims := body(t, load(t, fsys).files, "content/claims.html"); !strings.Contains(claims, ">Alpha Daily, note\u00a01</a>") || !strings.Contains(claims, ">Beta Wire, note\u00a01</a>") {
		t.Error("the claims page does not name each place by its outlet alone")
	}
}
