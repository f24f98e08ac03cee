package stage

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/render"
)

// fixture is a briefing loaded and rendered as site.Compile does (which
// this package's tests cannot import: it imports this package).
type fixture struct {
	b     *briefing.Briefing
	r     *render.Renderer
	order []*briefing.Article
	arts  map[string]*render.Article
	files Files
}

func load(t *testing.T, fsys fs.FS) *fixture {
	t.Helper()
	var errs diag.List
	b := input.Read(fsys, &errs)
	r := render.New(b)
	arts := map[string]*render.Article{}
	for _, a := range b.Articles {
		arts[a.Slug] = r.Article(a, &errs)
	}
	files, _ := Project(b, r, arts, Options{}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatalf("the fixture: %v", err)
	}
	return &fixture{b: b, r: r, order: articleOrder(b), arts: arts, files: files}
}

// pages loads and renders the fixture briefing testdata/pages.txtar.
func pages(t *testing.T) *fixture {
	t.Helper()
	return load(t, briefingtest.Load(t, "testdata/pages.txtar"))
}

// compile stages the fixture briefing testdata/pages.txtar.
func compile(t *testing.T) Files {
	t.Helper()
	return pages(t).files
}

// params decodes the params of a staged content file's JSON front matter
// into v.
func params(t *testing.T, f Files, name string, v any) {
	t.Helper()
	data, ok := f[name]
	if !ok {
		t.Fatalf("no %s staged", name)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var fm struct{ Params json.RawMessage }
	if err := dec.Decode(&fm); err != nil {
		t.Fatalf("%s: front matter: %v", name, err)
	}
	if err := json.Unmarshal(fm.Params, v); err != nil {
		t.Fatalf("%s: params: %v", name, err)
	}
}

type link struct {
	Href, Verdict string
	Number        int
	Own           bool
}

// links is a matrix cell as what it links to.
func links(aps []appearance) []link {
	var out []link
	for _, ap := range aps {
		out = append(out, link{Href: ap.Href, Verdict: ap.Verdict, Number: ap.Number, Own: ap.Own})
	}
	return out
}

func TestMatrix(t *testing.T) {
	f := pages(t)
	m := claimMatrix(f.b, f.order, claimAppearances(f.r, f.order, f.arts))
	var cols []string
	for _, c := range m.Columns {
		cols = append(cols, c.Outlet+" "+c.Href)
	}
	// Dated articles first.
	if got, want := strings.Join(cols, ", "), "Alpha Daily articles/alpha.html, Beta Wire articles/beta.html"; got != want {
		t.Errorf("columns = %s, want %s", got, want)
	}
	if len(m.Rows) != 3 {
		t.Fatalf("%d rows, want one per claim (3)", len(m.Rows))
	}
	both, one, none := m.Rows[0], m.Rows[1], m.Rows[2]
	if both.ID != "threat-post" || both.Articles != 2 || len(both.Cells) != 2 {
		t.Fatalf("first row = %+v, want threat-post in 2 articles", both)
	}
	// Each cell links to the passage, with the note's verdict where it has
	// its own (beta's wording is judged misleading), else the claim's.
	if c := links(both.Cells[0]); len(c) != 1 || c[0] != (link{Href: "articles/alpha.html#anno-threat", Verdict: "accurate", Number: 1}) {
		t.Errorf("alpha cell = %+v", c)
	}
	if c := links(both.Cells[1]); len(c) != 1 || c[0] != (link{Href: "articles/beta.html#anno-threat", Verdict: "misleading", Number: 1, Own: true}) {
		t.Errorf("beta cell = %+v", c)
	}
	if one.ID != "report-policies" || one.Articles != 1 || len(one.Cells[1]) != 0 ||
		len(one.Cells[0]) != 1 || one.Cells[0][0].Verdict != "accurate" || one.Cells[0][0].Href != "articles/alpha.html#anno-favor" {
		t.Errorf("second row = %+v", one)
	}
	if none.ID != "nowhere" || none.Articles != 0 || len(none.Cells) != 2 || len(none.Cells[0])+len(none.Cells[1]) != 0 {
		t.Errorf("a claim in no article: row = %+v, want two empty cells", none)
	}
}

// TestMatrixByOutlet checks that an outlet with several articles is one
// column, whose cells link to each of its articles' notes and name the
// article, since the column cannot.
func TestMatrixByOutlet(t *testing.T) {
	fsys := briefingtest.Load(t, "testdata/pages.txtar")
	for name, f := range fsys {
		f.Data = bytes.Replace(f.Data, []byte("outlet: Beta Wire"), []byte("outlet: Alpha Daily"), 1)
		fsys[name] = f
	}
	f := load(t, fsys)
	apps := claimAppearances(f.r, f.order, f.arts)
	m := claimMatrix(f.b, f.order, apps)
	if len(m.Columns) != 1 || m.Columns[0] != (matrixColumn{Outlet: "Alpha Daily", Articles: 2}) {
		t.Fatalf("columns = %+v, want one for Alpha Daily's two articles", m.Columns)
	}
	both := m.Rows[0]
	if both.ID != "threat-post" || both.Articles != 2 {
		t.Fatalf("first row = %+v, want threat-post in 2 articles", both)
	}
	want := []link{
		{Href: "articles/alpha.html#anno-threat", Verdict: "accurate", Number: 1},
		{Href: "articles/beta.html#anno-threat", Verdict: "misleading", Number: 1, Own: true},
	}
	if c := links(both.Cells[0]); !slices.Equal(c, want) {
		t.Errorf("cell = %+v, want %+v", c, want)
	}
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	h := newHTML(text, 0)
	h.matrix(m)
	table := h.String()
	for _, want := range []string{
		`<th scope="col">Alpha Daily</th>`,
		`<span class="matrix-note">note 1</span><span class="matrix-article">Cable tells diplomats to act</span></a><br><a href="articles/beta.html#anno-threat"`,
	} {
		if !strings.Contains(table, want) {
			t.Errorf("the matrix lacks %s:\n%s", want, table)
		}
	}
	if got := strings.Count(table, "<td>"); got != 3 {
		t.Errorf("%d cells, want 3 (a claim per row, one outlet)", got)
	}
}

func TestClaimsPage(t *testing.T) {
	f := pages(t)
	var errs diag.List
	got := map[string][]string{}
	for _, c := range claimsData(f.b, f.r, claimAppearances(f.r, f.order, f.arts), &errs) {
		got[c.ID] = []string{}
		for _, a := range c.Appearances {
			got[c.ID] = append(got[c.ID], a.Outlet+": "+a.Quote+" → "+a.Href)
		}
	}
	want := map[string][]string{
		"threat-post": {
			"Alpha Daily: an existential threat to Western civilization → articles/alpha.html#anno-threat",
			"Beta Wire: an existential threat to Western civilisation → articles/beta.html#anno-threat",
		},
		"report-policies": {"Alpha Daily: unduly favor migrants → articles/alpha.html#anno-favor"},
		"nowhere":         {},
	}
	for id, w := range want {
		if strings.Join(got[id], "\n") != strings.Join(w, "\n") || got[id] == nil {
			t.Errorf("claim %s appears as %q, want %q", id, got[id], w)
		}
	}
	// After the claims, the sources they cite in full, each once: a page
	// printed on its own gives their addresses.
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	page := claimsPage(claimsData(f.b, f.r, claimAppearances(f.r, f.order, f.arts), &errs), f.r, text)
	_, cited, ok := strings.Cut(page, `<h2 id="cited-h">`)
	if !ok || strings.Count(cited, `<p class="ref">`) != 1 || !strings.Contains(cited, `<p class="ref">`+f.r.ReferenceOf("state-x-2025")) {
		t.Errorf("the claims page does not end with the one source its claims cite, in full:\n%s", cited)
	}
	// Its contents list leads there too, after the numbered claims; and
	// not when no claim cites a source, and the section is not there.
	toc, _, _ := strings.Cut(page, "</nav>")
	if !strings.HasSuffix(toc, "</ol>\n"+`<p><a href="#cited-h">Sources cited in the claims</a></p>`+"\n") {
		t.Errorf("the claims page's contents do not end with a link to the sources cited:\n%s", toc)
	}
	uncited := claimsPage([]claimData{{ID: "c", Statement: "A claim.", Verdict: "accurate"}}, f.r, text)
	if strings.Contains(uncited, "cited-h") {
		t.Errorf("a claims page whose claims cite no source links or has a section of sources cited:\n%s", uncited)
	}
}

func TestSourcesPage(t *testing.T) {
	f := pages(t)
	var groups []string
	cited := map[string]string{}
	for _, g := range sourcesData(f.b, f.r, f.order, f.arts) {
		var ids []string
		for _, s := range g.Sources {
			ids = append(ids, s.ID)
			var by []string
			for _, c := range s.CitedBy {
				label := c.Label
				if c.String != "" { // the theme's string, named here by its id
					label = "[" + c.String + "]"
				}
				for _, l := range c.Links {
					by = append(by, label+": "+string(l))
				}
			}
			cited[s.ID] = strings.Join(by, "; ")
		}
		groups = append(groups, g.Key+": "+strings.Join(ids, " "))
	}
	// The report is official by its keyword; the rest by their CSL type.
	want := "study: smith-2024 | official: bka-2025 | news: times-2025 | statement: state-x-2025 | other: uncited-2020"
	if got := strings.Join(groups, " | "); got != want {
		t.Errorf("groups = %s\nwant     %s", got, want)
	}
	for id, w := range map[string]string{
		// Each link named with what the page shows before it, for a
		// screen reader's list of links: "Alpha Daily, note 1".
		"state-x-2025": `Alpha Daily: <a href="articles/alpha.html#note-threat"><span class="visually-hidden">Alpha Daily, </span>note 1</a>; ` +
			`Beta Wire: <a href="articles/beta.html#note-threat"><span class="visually-hidden">Beta Wire, </span>note 1</a>; ` +
			`[claims]: <a href="claims.html#claim-threat-post">The department called migration an existential threat.</a>`,
		"times-2025": `Alpha Daily: <a href="articles/alpha.html#note-favor"><span class="visually-hidden">Alpha Daily, </span>note 2</a>; ` +
			`[timeline]: <a href="index.html#event-2"><span class="visually-hidden">Timeline, </span>26 November 2025<span class="visually-hidden">: The Times reports the cable.</span></a>`,
		"uncited-2020": "",
	} {
		if cited[id] != w {
			t.Errorf("%s cited by %q\nwant %q", id, cited[id], w)
		}
	}

	// The introduction speaks of entries nothing cites only when there
	// are some; the footer (the theme's, by a site parameter) says that
	// every note cites its sources only when every note does.
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	data := sourcesData(f.b, f.r, f.order, f.arts)
	page := sourcesPage(data, text)
	if !strings.HasPrefix(page, `<p class="lede">`+text.T("sources_intro_uncited")+"</p>") {
		t.Errorf("with an entry nothing cites, the sources page starts %.200s", page)
	}
	// The claims and the timeline are named in the theme's words, a
	// single claim as one.
	for _, want := range []string{"<li>" + text.T("claim") + `: <a href="claims.html#claim-threat-post">`, "<li>" + text.T("timeline") + `: <a href="index.html#event-2">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the sources page has no %q", want)
		}
	}
	for _, g := range data {
		for i := range g.Sources {
			if len(g.Sources[i].CitedBy) == 0 {
				g.Sources[i].CitedBy = []citingGroup{{String: "claims"}}
			}
		}
	}
	if page := sourcesPage(data, text); !strings.HasPrefix(page, `<p class="lede">`+text.T("sources_intro")+"</p>") {
		t.Errorf("with every entry cited, the sources page starts %.200s", page)
	}
	if everyNoteCites(f.b) {
		t.Error("every note cites a source, said of a briefing with a note that cites none")
	}
	for _, a := range f.b.Articles {
		for _, n := range a.Notes {
			if len(n.Cites) == 0 {
				n.Cites = f.b.Articles[0].Notes[0].Cites
			}
		}
	}
	if !everyNoteCites(f.b) {
		t.Error("every note cites a source: not said")
	}
	if !bytes.Contains(config(f.b, Options{}), []byte(`"everyNoteCites": true`)) {
		t.Error("the site's parameters do not say that every note cites a source")
	}
	// The print edition's cover says it too (paper prints no footer).
	if cover := string(handoutHead(f.b, nil, overview{}, true, true, text)); !strings.Contains(cover, `<p class="cover-note">`+text.T("cover_cited")+"</p>") {
		t.Errorf("every note cites a source: the handout's cover does not say so:\n%.600s", cover)
	}
}

func TestQuotesPage(t *testing.T) {
	var p struct {
		Groups []struct {
			Articles int
			Wordings []struct {
				HTML      string
				Reference bool
				Places    []struct{ Outlet, Href string }
			}
		}
	}
	params(t, compile(t), "content/quotes.html", &p)
	// Only the cable's sentence is quoted in both articles; "policies
	// that unduly favor…" and the spokesperson are quoted in one only.
	if len(p.Groups) != 1 || p.Groups[0].Articles != 2 || len(p.Groups[0].Wordings) != 2 {
		t.Fatalf("groups = %+v, want one group of two wordings", p.Groups)
	}
	ref, other := p.Groups[0].Wordings[0], p.Groups[0].Wordings[1]
	if !ref.Reference || ref.Places[0].Outlet != "Alpha Daily" || strings.Contains(ref.HTML, "<ins>") {
		t.Errorf("reference = %+v", ref)
	}
	// Curly and straight quotes and the comma outside the marks are no
	// difference; "civilisation" is.
	want := `an existential threat to Western <del><span class="visually-hidden">[left out: </span>civilization<span class="visually-hidden">]</span></del> ` +
		`<ins><span class="visually-hidden">[added: </span>civilisation<span class="visually-hidden">]</span></ins> and undermines the stability of allies`
	if other.HTML != want {
		t.Errorf("beta's wording:\n got %s\nwant %s", other.HTML, want)
	}
	// Each place links to its passage: the note that overlaps it.
	if h := other.Places[0].Href; h != "articles/beta.html#anno-threat" {
		t.Errorf("beta's place links to %s", h)
	}
}

// noteItem is a note on the all-notes page: its article and its id.
var noteItem = regexp.MustCompile(`<li id="([a-z0-9-]+)--([a-z0-9-]+)"`)

func TestNotesPage(t *testing.T) {
	var got []string
	page := body(t, compile(t), "content/notes.html")
	for _, m := range noteItem.FindAllStringSubmatch(page, -1) {
		got = append(got, m[1]+"#"+m[2])
	}
	if want := "alpha#threat alpha#favor alpha#no-data beta#threat beta#crimes"; strings.Join(got, " ") != want {
		t.Errorf("notes = %s, want %s", strings.Join(got, " "), want)
	}
	// After the notes, the sources they cite, in full, each once: the
	// page printed on its own gives their addresses.
	_, cited, ok := strings.Cut(page, `<h2 id="cited-h">Sources cited in the notes</h2>`)
	if !ok || strings.Contains(cited, `class="notes-article"`) || strings.Count(cited, `<p class="ref">`) != 4 {
		t.Errorf("the all-notes page does not end with the %d sources its notes cite:\n%s", 4, cited)
	}
	toc, _, _ := strings.Cut(page, "</nav>")
	if !strings.HasSuffix(toc, "</ol>\n"+`<p><a href="#cited-h">Sources cited in the notes</a></p>`+"\n") {
		t.Errorf("the all-notes page's contents do not end with a link to the sources cited:\n%s", toc)
	}
	text, err := LoadText(nil)
	if err != nil {
		t.Fatal(err)
	}
	uncited := notesTOC([]*briefing.Article{{Slug: "a", Outlet: "O", Title: "T", Notes: []*briefing.Note{{ID: "n"}}}}, text)
	if !strings.Contains(string(uncited), `href="#notes-a"`) || strings.Contains(string(uncited), "cited-h") {
		t.Errorf("the contents of an all-notes page whose notes cite no source, want the article and no link to sources cited:\n%s", uncited)
	}
}

func TestSearchIndex(t *testing.T) {
	f := compile(t)
	var p struct{ Index string }
	params(t, f, "content/search.html", &p)
	js, ok := f["static/"+p.Index]
	if !ok || !strings.HasPrefix(p.Index, "js/search-index.") {
		t.Fatalf("search page names index %q, which is not staged", p.Index)
	}
	const prefix = "window.BRIEFING_SEARCH="
	if !bytes.HasPrefix(js, []byte(prefix)) {
		t.Fatalf("index does not set the global: %.60s", js)
	}
	var idx struct {
		Kinds []string
		Docs  [][4]any
	}
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimPrefix(js, []byte(prefix)), []byte(";\n")), &idx); err != nil {
		t.Fatalf("index is not JSON after the global: %v", err)
	}
	hrefs := map[string]string{}
	for _, d := range idx.Docs {
		hrefs[d[2].(string)] = idx.Kinds[int(d[0].(float64))] + ": " + d[3].(string)
	}
	for href, want := range map[string]string{
		"articles/alpha.html#note-favor": "Note: “unduly favor migrants” Quoted from the cable by the Times, about quinoa farming policies.",
		"claims.html#claim-nowhere":      "Claim: Kept for completeness.",
		// A paragraph is found by its words, up to its first note marker.
		"articles/beta.html#:~:text=The%20cable%20asks%20diplomats,report%20crimes%20by%20migrants": "Article text: The cable asks diplomats to report crimes by migrants.",
		"articles/alpha.html#:~:text=Officials%20offered%20no%20data":                               "Article text: Officials offered no data on crime rates.",
	} {
		got, ok := hrefs[href]
		if !ok {
			t.Errorf("no document links to %s", href)
		} else if want != "" && got != want {
			t.Errorf("%s: %q, want %q", href, got, want)
		}
	}
	var sources int
	for _, d := range idx.Docs {
		if idx.Kinds[int(d[0].(float64))] == "Source" {
			sources++
		}
	}
	if sources != 5 {
		t.Errorf("%d sources indexed, want 5", sources)
	}
}

func TestNotesPageRebasesLinks(t *testing.T) {
	fs := briefingtest.Load(t, "testdata/pages.txtar")
	fs["annotations/beta.yaml"].Data = []byte(`notes:
  - id: crimes
    quote: report crimes by migrants
    kind: context
    note: See [the claims](../claims.html#claim-nowhere), [alpha](alpha.html#note-threat), [above](#note-crimes) and [a site](https://example.org/x).
`)
	notes := body(t, load(t, fs).files, "content/notes.html")
	got := notes[strings.Index(notes, `<li id="beta--crimes"`):]
	for _, want := range []string{`href="claims.html#claim-nowhere"`, `href="articles/alpha.html#note-threat"`,
		`href="articles/beta.html#note-crimes"`, `href="https://example.org/x"`} {
		if !strings.Contains(got, want) {
			t.Errorf("note on the all-notes page lacks %s: %s", want, got)
		}
	}
}

// TestArticleOrder: dated articles first, by date (a year alone before
// its months; an article without a published date by its sort_date),
// then by title; undated ones last, by title; articles alike in both
// keep the briefing's order.
func TestArticleOrder(t *testing.T) {
	d := func(y, m, day int) *briefing.Date { return &briefing.Date{Year: y, Month: m, Day: day} }
	arts := []*briefing.Article{
		{Slug: "undated-b", Title: "B"},
		{Slug: "late", Title: "A", Published: d(2025, 12, 1)},
		{Slug: "undated-a", Title: "A"},
		{Slug: "nov-b", Title: "B", Published: d(2025, 11, 27)},
		{Slug: "year", Title: "Z", Published: d(2025, 0, 0)},
		{Slug: "nov-a", Title: "A", Published: d(2025, 11, 27)},
		{Slug: "nov-a-again", Title: "A", Published: d(2025, 11, 27)},
		{Slug: "month", Title: "Z", Published: d(2025, 11, 0)},
		{Slug: "sorted-nov", Title: "0", SortDate: d(2025, 11, 27)},
		{Slug: "sorted-oct", Title: "Z", SortDate: d(2025, 10, 1)},
	}
	var got []string
	for _, a := range articleOrder(&briefing.Briefing{Articles: arts}) {
		got = append(got, a.Slug)
	}
	want := []string{"year", "sorted-oct", "month", "sorted-nov", "nov-a", "nov-a-again", "nov-b", "late", "undated-a", "undated-b"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v\nwant  %v", got, want)
	}
}

// TestSearchNamesClaimant: a note's or a claim's search result names who
// made the claim its verdict rates, as the pages do (not the article's
// own outlet), so that a search for the State Department finds them.
func TestSearchNamesClaimant(t *testing.T) {
	fs := briefingtest.Load(t, "testdata/pages.txtar")
	for _, r := range []struct{ file, old, new string }{
		{"annotations/alpha.yaml", "  - id: no-data\n    quote: no data\n    kind: fact-check\n", "  - id: no-data\n    quote: no data\n    kind: fact-check\n    claimant: U.S. Department of State\n"},
		{"annotations/claims.yaml", "    verdict: unsupported\n    note: Kept", "    verdict: unsupported\n    claimant: Donald Trump\n    claimant_type: person\n    note: Kept"},
	} {
		data := string(fs[r.file].Data)
		if !strings.Contains(data, r.old) {
			t.Fatalf("%s lacks %q", r.file, r.old)
		}
		fs[r.file].Data = []byte(strings.Replace(data, r.old, r.new, 1))
	}
	f := load(t, fs).files
	var index []byte
	for name, data := range f {
		if strings.HasPrefix(name, "static/js/search-index.") {
			index = data
		}
	}
	for _, want := range []string{`"Alpha Daily, note 3 (Fact check: Needs context; claim by U.S. Department of State)","articles/alpha.html#note-no-data"`,
		`"A claim that no article makes. (Unsupported; claim by Donald Trump)","claims.html#claim-nowhere"`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("the search index lacks %s", want)
		}
	}
}
