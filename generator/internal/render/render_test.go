package render

import (
	"fmt"
	"html"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

func md(s string) briefing.Markdown {
	return briefing.Markdown{Text: s, Pos: diag.Pos{File: "n.yaml", Line: 5, Col: 7}, Indent: 6}
}

func TestMarkdownSafety(t *testing.T) {
	tests := []struct {
		in   string
		want string // the error, or "" for none
	}{
		{"A [link](https://example.org) and [mail](mailto:a@b.org) and [rel](claims.html#main).", ""},
		{"Bad [x](javascript:alert(1)).", `n.yaml:5:15: the link "javascript:alert(1)" uses the javascript: scheme: links are to http, https or mailto addresses, or relative ones to the briefing's own pages`},
		{"Bad [x](data:text/html;base64,AAA).", `n.yaml:5:15: the link "data:text/html;base64,AAA" uses the data: scheme: links are to http, https or mailto addresses, or relative ones to the briefing's own pages`},
		{"Bad [x](//evil.example/a).", `n.yaml:5:15: the link "//evil.example/a" is a protocol-relative address: write it in full, starting with https://`},
		{"Raw <script>alert(1)</script>.", `n.yaml:5:11: raw HTML (<script>) is not allowed in a note: write it as Markdown, or escape the < as \<`},
		{"line one\n\n<div>block</div>\n", `n.yaml:7:7: raw HTML is not allowed in a note: write it as Markdown, or escape the < as \<`},
		{"An ![image](https://example.org/x.png).", `n.yaml:5:19: images are not allowed in a note: the briefing never loads files from elsewhere; describe the image in words instead`},
		{"First.\n\n  ## A heading\n", `n.yaml:7:9: a heading is not allowed in a note: use **bold** text instead (a line of --- or === under a line of text makes that line a heading)`},
		{"First.\n\nUnderlined\n---\n", `n.yaml:7:7: a heading is not allowed in a note: use **bold** text instead (a line of --- or === under a line of text makes that line a heading)`},
		{"#1 in the polls, and # in the middle.\n\n- a list\n\n> a quote\n", ""},
		{"Follow [the Times]().", `n.yaml:5:14: a link with no address in a note: put the address between the ( ) after the link's text, or remove the [ ] to leave the text plain`},
		{"Write [to us](mailto:).", `n.yaml:5:21: the link "mailto:" has no address: write it like mailto:desk@example.org`},
		{"[Share it](mailto:?subject=The%20briefing).", ""},
		{"Follow [this](#).", `n.yaml:5:21: the link "#" links to the top of the page it is on, as a placeholder does: give the address, or remove the [ ] to leave the text plain`},
		{"Follow [x]( ).", `n.yaml:5:14: a link with no address in a note: put the address between the ( ) after the link's text, or remove the [ ] to leave the text plain`},
		{"Follow [*the* Times](<>).", `n.yaml:5:14: a link with no address in a note: put the address between the ( ) after the link's text, or remove the [ ] to leave the text plain`},
	}
	r := New(&briefing.Briefing{})
	for _, tt := range tests {
		var errs diag.List
		out := r.Markdown(md(tt.in), "a note", &errs)
		got := ""
		if es := errs.Errors(); len(es) > 0 {
			got = es[0].Error()
		}
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
		for _, bad := range []string{"<script", "javascript:", "<div"} {
			if strings.Contains(out, bad) {
				t.Errorf("%q rendered %q, which contains %s", tt.in, out, bad)
			}
		}
	}
}

// TestLinkPositions: each bad link is reported where it is, when its
// address is the start of an earlier one's on the line, or given twice.
func TestLinkPositions(t *testing.T) {
	r := New(&briefing.Briefing{})
	var errs diag.List
	r.Markdown(md("See [it](javascript:a()) and [it again](javascript:a) and [again](javascript:a()).\n\n[x](data:a) [y](data:a \"t\")\n\nBy [reference][r] and [inline](data:rr).\n\n[r]: data:r"), "a note", &errs)
	var got []string
	for _, e := range errs.Errors() {
		got = append(got, fmt.Sprintf("%d:%d %s", e.Pos.Line, e.Pos.Col, strings.Fields(e.Msg)[2]))
	}
	want := []string{`5:16 "javascript:a()"`, `5:47 "javascript:a"`, `5:73 "javascript:a()"`, `7:11 "data:a"`, `7:23 "data:a"`, `9:38 "data:rr"`, `11:12 "data:r"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPageHeadings: a page's own text (the overview, the methodology) may
// have headings; a note may not.
func TestPageHeadings(t *testing.T) {
	r := New(&briefing.Briefing{})
	var errs diag.List
	out := r.Page(md("## Background\n\nText.\n"), "the overview", "index.html", &errs)
	if err := errs.Err(); err != nil || !strings.Contains(out, "<h2") {
		t.Errorf("Page: %v, %q", err, out)
	}
	r.Markdown(md("## Background\n\nText.\n"), "a note", &errs)
	if len(errs.Errors()) != 1 {
		t.Errorf("Markdown: %d problems, want 1", len(errs.Errors()))
	}
	// A level-one heading would be a second title, on the page and in
	// the handout. As the text's first line it is most often the title,
	// pasted with the text, which ## would show twice: removing it is
	// advised too.
	for in, want := range map[string]string{
		"Text.\n\nBackground\n===\n":  "a level-one heading is not allowed in the overview: the page's title is its only one; start its headings at ##",
		"Text.\n\n# Background\n":     "a level-one heading is not allowed in the overview: the page's title is its only one; start its headings at ##",
		"# Background\n\nText.\n":     "a level-one heading is not allowed in the overview: the page's title, from the front matter, is its only one; if this line is the title, pasted with the text, remove it, else start its headings at ##",
		"Background\n===\n\nText.\n":  "if this line is the title, pasted with the text, remove it, else start its headings at ##",
		"> # Background\n\nText.\n":   "the page's title is its only one; start its headings at ##",
		"# Background\n\n# Later\n\n": "if this line is the title",
	} {
		var errs diag.List
		r.Page(md(in), "the overview", "index.html", &errs)
		if es := errs.Errors(); len(es) == 0 || !strings.Contains(es[0].Msg, want) {
			t.Errorf("Page(%q): %v, want the problem %q", in, errs.Err(), want)
		}
	}
}

func TestCiteLabels(t *testing.T) {
	d := &briefing.Date{Year: 2024}
	sources := []*briefing.Source{
		{ID: "a", Author: []briefing.Name{{Family: "Light"}, {Family: "He"}, {Family: "Robey"}}, Issued: d},
		{ID: "b", Author: []briefing.Name{{Family: "Light"}, {Family: "Ulmer"}, {Family: "Miller"}}, Issued: d},
		{ID: "c", Author: []briefing.Name{{Literal: "U.S. Department of State"}}},
		{ID: "d", Author: []briefing.Name{{Family: "Doe"}, {Family: "Roe"}}, Issued: d},
		{ID: "e", Title: "An untitled web page with a very long title indeed", Issued: d},
		{ID: "f", Author: []briefing.Name{{Literal: "Washington Examiner"}}},
		{ID: "g", Author: []briefing.Name{{Literal: "Washington Examiner"}}},
	}
	got := CiteLabels(sources)
	want := map[string]string{
		"a": "Light et al. 2024a", "b": "Light et al. 2024b", "c": "U.S. Department of State n.d.",
		"d": "Doe and Roe 2024", "e": "An untitled web page with a very long ti… 2024",
		"f": "Washington Examiner n.d.-a", "g": "Washington Examiner n.d.-b",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	for n, w := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 102: "102nd", 111: "111th"} {
		if got := ordinal(n); got != w {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, w)
		}
	}
	for i, w := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab", 52: "ba"} {
		if got := yearLetter(i); got != w {
			t.Errorf("yearLetter(%d) = %q, want %q", i, got, w)
		}
	}
}

// TestReferenceLetters: a source whose label adds a letter to its year
// has that letter in its bibliography entry too, where the year stands
// (after the authors, or after a title with no author), so that a reader
// of the printed list can tell "2024a" from "2024b". The letters follow
// the works' dates, whatever their order in the file.
func TestReferenceLetters(t *testing.T) {
	post := func(id string, day int) *briefing.Source {
		return &briefing.Source{ID: id, Type: "post", Title: "Post " + id, Author: []briefing.Name{{Literal: "U.S. Department of State"}},
			Issued: &briefing.Date{Year: 2025, Month: 11, Day: day}}
	}
	untitled := func(id string) *briefing.Source {
		return &briefing.Source{ID: id, Type: "webpage", Title: "Same page", Issued: &briefing.Date{Year: 2024}}
	}
	// The later post comes first in the file: letters go by date.
	sources := []*briefing.Source{post("p2", 28), post("p1", 21), untitled("w1"), untitled("w2"),
		{ID: "solo", Type: "report", Title: "Alone", Author: []briefing.Name{{Family: "Doe", Given: "Jane"}}, Issued: &briefing.Date{Year: 2020}}}
	r := New(&briefing.Briefing{Sources: sources})
	for id, want := range map[string]string{
		"p1":   "U.S. Department of State. (2025a, November 21).",
		"p2":   "U.S. Department of State. (2025b, November 28).",
		"w1":   "Same page</cite>. (2024a).",
		"w2":   "Same page</cite>. (2024b).",
		"solo": "Doe, J. (2020).",
	} {
		var s *briefing.Source
		for _, x := range sources {
			if x.ID == id {
				s = x
			}
		}
		if got := r.Reference(s); !strings.Contains(got, want) {
			t.Errorf("%s: %s\nwant it to contain %s", id, got, want)
		}
	}
}

// TestSourceOrder: the bibliography is in a reference list's order, as
// APA gives it: by author, an author alone before the same name with more
// after it; then no date first, dates in order (a date in words at its
// year), "in press" last; works alike by their letters, 2024z before
// 2024aa; an article before a name left out (The Economist at E).
func TestSourceOrder(t *testing.T) {
	src := func(id, author string, year int, literal string) *briefing.Source {
		s := &briefing.Source{ID: id, Type: "report", Title: "T " + id, Author: []briefing.Name{{Literal: author}}, IssuedLiteral: literal}
		if year > 0 {
			s.Issued = &briefing.Date{Year: year}
		}
		return s
	}
	want := []string{"agency-nd", "agency-2019", "agency-spring-2019", "agency-2020", "agency-in-press", "agency-handle", "economist", "zeta"}
	sources := []*briefing.Source{
		src("economist", "The Economist", 2025, ""),
		src("zeta", "Zeta Institute", 1990, ""),
		src("agency-in-press", "Agency", 0, "in press"),
		src("agency-2020", "Agency", 2020, ""),
		src("agency-handle", "Agency (@agency)", 2001, ""),
		src("agency-spring-2019", "Agency", 0, "Spring 2019"),
		src("agency-nd", "Agency", 0, ""),
		src("agency-2019", "Agency", 2019, ""),
	}
	// 28 works alike: their letters run a to z, then aa and ab.
	for i := range 28 {
		sources = append(sources, src(fmt.Sprintf("many-%02d", i), "Many", 2024, ""))
		want = slices.Insert(want, len(want)-1, fmt.Sprintf("many-%02d", i))
	}
	r := New(&briefing.Briefing{Sources: sources})
	got := make([]string, 0, len(sources))
	for _, s := range sources {
		got = append(got, s.ID)
	}
	slices.SortFunc(got, r.CompareSources)
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got  %v\n want %v", got, want)
	}

	// The list follows the letters: works alike keep together, their
	// letters in order, whatever their date looks like; titles are ordered
	// without their article, as the entries are.
	circa := func(id string, title string, year int, approx bool) *briefing.Source {
		s := src(id, "Doe", year, "")
		s.Title, s.IssuedCirca = title, approx
		return s
	}
	nd := src("nd-literal", "Roe", 0, "n.d.")
	nd.Title = "B"
	nd2 := src("nd-none", "Roe", 0, "")
	nd2.Title = "A"
	untitled := &briefing.Source{ID: "authorless", Type: "article-newspaper", Title: "Mid title", ContainerTitle: "Aardvark Times"}
	sources = []*briefing.Source{circa("c2", "Banana", 1850, true), circa("p2", "Banana", 1850, false), circa("c1", "The Apple", 1850, true),
		circa("p1", "The Apple", 1850, false), nd, nd2, untitled, src("lead", "Lead", 2000, "")}
	r = New(&briefing.Briefing{Sources: sources})
	got = got[:0]
	for _, s := range sources {
		got = append(got, s.ID)
	}
	slices.SortFunc(got, r.CompareSources)
	if want := []string{"p1", "p2", "c1", "c2", "lead", "authorless", "nd-none", "nd-literal"}; !slices.Equal(got, want) {
		t.Errorf("order:\n got  %v\n want %v", got, want)
	}
	for id, label := range map[string]string{"p1": "Doe 1850a", "p2": "Doe 1850b", "c1": "Doe ca. 1850a", "c2": "Doe ca. 1850b", "nd-none": "Roe n.d.-a", "nd-literal": "Roe n.d.-b"} {
		if got := r.Label(id); got != label {
			t.Errorf("%s: label %q, want %q", id, got, label)
		}
	}
}

// TestSourceOrderFromFirstLetter: an entry stands at its first letter or
// digit, whatever punctuation or symbol comes before it, as a reader looks
// it up: "#WelcomeWithDignity Campaign" at W, after Abramitzky, not first;
// a quoted, bracketed or @-name and a title led by one the same, an
// article before them left out.
func TestSourceOrderFromFirstLetter(t *testing.T) {
	by := func(id, author string) *briefing.Source {
		return &briefing.Source{ID: id, Type: "webpage", Title: "T", Author: []briefing.Name{{Literal: author}}, Issued: &briefing.Date{Year: 2025}}
	}
	untitled := func(id, title string) *briefing.Source {
		return &briefing.Source{ID: id, Type: "webpage", Title: title, Issued: &briefing.Date{Year: 2025}}
	}
	sources := []*briefing.Source{
		by("wwd", "#WelcomeWithDignity Campaign"),
		by("abramitzky", "Abramitzky"),
		by("zeta", "Zeta Institute"),
		by("quoted", "“Quoted” Group"),
		by("bracketed", "[Bracketed] Office"),
		by("handle", "@handle"),
		by("number", "#1 Campaign"),
		untitled("the-tag", "The #Tagged Story"),
		untitled("straight", "'Straight' Title"),
		by("wales", "Wales Office"),
		by("punct", "!!!"),
	}
	r := New(&briefing.Briefing{Sources: sources})
	got := make([]string, 0, len(sources))
	for _, s := range sources {
		got = append(got, s.ID)
	}
	slices.SortFunc(got, r.CompareSources)
	want := []string{"punct", "number", "abramitzky", "bracketed", "handle", "quoted", "straight", "the-tag", "wales", "wwd", "zeta"}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got  %v\n want %v", got, want)
	}
}

func TestReference(t *testing.T) {
	aer := &briefing.Source{
		Type: "article-journal", Title: "Law-Abiding Immigrants", ContainerTitle: "American Economic Review: Insights",
		Volume: "6", Issue: "4", Page: "453-471", DOI: "10.1257/aeri.20230459", Publisher: "American Economic Association",
		Author: []briefing.Name{{Family: "Abramitzky", Given: "Ran"}, {Family: "Boustan", Given: "Leah"}},
		Issued: &briefing.Date{Year: 2024, Month: 12},
	}
	tests := []struct {
		s    *briefing.Source
		want string
	}{
		// A journal article: no publisher, volume in italics, pages with an en dash.
		{aer, `Abramitzky, R., &amp; Boustan, L. (2024). Law-Abiding Immigrants. <cite>American Economic Review: Insights, 6</cite>(4), 453–471. <a class="ref-addr" href="https://doi.org/10.1257/aeri.20230459">https://doi.org/10.1257/aeri.20230459</a>`},
		// An agency's own story: the container repeats the author and is left out.
		{&briefing.Source{
			Type: "article-newspaper", Title: "US tells diplomats <to> act", ContainerTitle: "Reuters",
			Author: []briefing.Name{{Literal: "Reuters"}}, Issued: &briefing.Date{Year: 2025, Month: 11, Day: 27},
			URL: "https://www.reuters.com/x", Accessed: &briefing.Date{Year: 2026, Month: 11, Day: 21},
		}, `Reuters. (2025, November 27). US tells diplomats &lt;to&gt; act. Retrieved 21 November 2026, from <a class="ref-addr" href="https://www.reuters.com/x">https://www.reuters.com/x</a>`},
		// A report in a series, with its publisher.
		{&briefing.Source{
			Type: "report", Title: "Law-Abiding Immigrants", CollectionTitle: "NBER Working Paper Series", Number: "31440",
			Publisher: "National Bureau of Economic Research", Author: []briefing.Name{{Family: "Abramitzky", Given: "Ran"}},
			Issued: &briefing.Date{Year: 2023, Month: 6}, DOI: "10.3386/w31440",
		}, `Abramitzky, R. (2023). <cite>Law-Abiding Immigrants</cite> (NBER Working Paper Series No. 31440). National Bureau of Economic Research. <a class="ref-addr" href="https://doi.org/10.3386/w31440">https://doi.org/10.3386/w31440</a>`},
		// No author: the title leads; a genre in brackets; the note ends the entry.
		{&briefing.Source{
			Type: "webpage", Title: "Prisons", Genre: "Commentary", Editor: []briefing.Name{{Family: "Doe", Given: "Jane"}, {Family: "Roe", Given: "Rick"}},
			Note: "Address not confirmed",
		}, `Doe, J., &amp; Roe, R. (Eds.). (n.d.). <cite>Prisons</cite> [Commentary]. <span class="ref-note">Address not confirmed.</span>`},
		// A title and a note that end a sentence inside quotation marks
		// take no second full stop after them.
		{&briefing.Source{Type: "webpage", Title: `They asked “Why?”`, Note: `It quotes him: “We are here to stay.”`},
			`<cite>They asked “Why?”</cite> (n.d.). <span class="ref-note">It quotes him: “We are here to stay.”</span>`},
		{&briefing.Source{Type: "webpage", Title: `A ‘quoted’ phrase`, Note: `He said "no."`},
			`<cite>A ‘quoted’ phrase</cite>. (n.d.). <span class="ref-note">He said &#34;no.&#34;</span>`},
		// CSL's markup in a title: italics kept, a kept case as its text; the
		// label of a work without author takes its title without it.
		{&briefing.Source{Type: "article-journal", Title: `<i>E. coli</i> in <span class="nocase">iPhones</span>`, ContainerTitle: "<i>Nature</i> Microbiology", Issued: &briefing.Date{Year: 2020}},
			`<i>E. coli</i> in iPhones. (2020). <cite><i>Nature</i> Microbiology</cite>.`},
		// A date given as text is shown as written; a season follows the year.
		{&briefing.Source{Type: "report", Title: "C", Author: []briefing.Name{{Literal: "Agency"}}, IssuedLiteral: "Spring 2019"},
			`Agency. (Spring 2019). <cite>C</cite>.`},
		{&briefing.Source{Type: "article-journal", Title: "D", ContainerTitle: "Quarterly", Author: []briefing.Name{{Literal: "Agency"}}, Issued: &briefing.Date{Year: 2019}, IssuedSeason: 3},
			`Agency. (2019, Autumn). D. <cite>Quarterly</cite>.`},
		{&briefing.Source{Type: "legislation", Title: "Determination", Number: "FR Doc. 2020-24912", ContainerTitle: "Federal Register", Volume: "85", Page: "71219-71221"},
			`Determination (FR Doc. 2020-24912). (n.d.). <cite>Federal Register, 85</cite>, 71219–71221.`},
		// A title in another language is marked with it, a whole work's
		// inside its <cite>; English, or a language's name, is not marked.
		{&briefing.Source{Type: "report", Title: "Polizeiliche Kriminalstatistik 2024", Publisher: "Bundeskriminalamt", Other: map[string]string{"language": "de"}},
			`<cite><span lang="de">Polizeiliche Kriminalstatistik 2024</span></cite>. (n.d.). Bundeskriminalamt.`},
		{&briefing.Source{Type: "article-newspaper", Title: "Más de 122.000", ContainerTitle: "El Periodiquito", Other: map[string]string{"language": "es-VE"}},
			`<span lang="es-VE">Más de 122.000</span>. (n.d.). <cite>El Periodiquito</cite>.`},
		{&briefing.Source{Type: "report", Title: "Prisons", Other: map[string]string{"language": "en-GB"}}, `<cite>Prisons</cite>. (n.d.).`},
		{&briefing.Source{Type: "report", Title: "Kriminalität", Other: map[string]string{"language": "German"}}, `<cite>Kriminalität</cite>. (n.d.).`},
		// An edition, as APA writes it, before the series and number in
		// the same brackets; an approximate date.
		{&briefing.Source{Type: "book", Title: "Migration", Publisher: "P", Author: []briefing.Name{{Family: "Doe", Given: "Jane"}},
			Issued: &briefing.Date{Year: 1850}, IssuedCirca: true, Other: map[string]string{"edition": "2"}},
			`Doe, J. (ca. 1850). <cite>Migration</cite> (2nd ed.). P.`},
		{&briefing.Source{Type: "report", Title: "Law", CollectionTitle: "Working Papers", Number: "12", Other: map[string]string{"edition": "Revised"}},
			`<cite>Law</cite> (Revised ed., Working Papers No. 12). (n.d.).`},
		{&briefing.Source{Type: "book", Title: "Law", Other: map[string]string{"edition": "Second edition"}}, `<cite>Law</cite> (Second edition). (n.d.).`},
		{&briefing.Source{Type: "book", Title: "Law", Other: map[string]string{"edition": "3rd"}}, `<cite>Law</cite> (3rd ed.). (n.d.).`},
		{&briefing.Source{Type: "book", Title: "Recht", Other: map[string]string{"edition": "2. Auflage"}}, `<cite>Recht</cite> (2. Auflage). (n.d.).`},
		{&briefing.Source{Type: "book", Title: "Law", Other: map[string]string{"edition": "1"}}, `<cite>Law</cite>. (n.d.).`},
	}
	for _, tt := range tests {
		if got := Reference(tt.s, ""); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// writeEscaped must escape exactly as html.EscapeString, which the Literal
// renderer used before it wrote to the output directly.
func TestWriteEscapedMatchesHTML(t *testing.T) {
	for _, s := range []string{"", "plain", "<a href=\"x\">'&'</a>", "&&<<>>\"\"''", "é “curly” — <", "end&", "<start"} {
		var buf output
		writeEscaped(&buf, s)
		if got, want := buf.String(), html.EscapeString(s); got != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLocalLinks: a relative link in the briefing's text must point to a
// page of the site, and to a claim, source or note that exists when it
// names one by the id the generator gives it.
func TestLocalLinks(t *testing.T) {
	b := &briefing.Briefing{
		Articles: []*briefing.Article{
			{Slug: "a", Notes: []*briefing.Note{{ID: "x"}}},
			{Slug: "b", Notes: []*briefing.Note{{ID: "y"}}},
		},
		Claims:  []*briefing.Claim{{ID: "cap"}},
		Sources: []*briefing.Source{{ID: "doe"}},
		Index:   briefing.Index{Timeline: make([]briefing.TimelineEntry, 2)},
	}
	r := New(b)
	const (
		page      = "points to no page of the briefing: link to one of its pages, like "
		claim     = "points to no claim: a claim's address is "
		source    = "points to no source: a source's address is "
		note      = "points to no note of that article: a note's address is "
		rootRel   = "starts at the server's root, which breaks the site opened from disk: write it relative to this page, like "
		elsewhere = "starts at the server's root, which breaks the site opened from disk, and leads to no page of the briefing: write the full address of the page it links to, "
		mean      = "points to no page of the briefing: did you mean "
	)
	for _, c := range []struct{ dest, page, want string }{
		// From an article's page (its notes and its text).
		{"../claims.html#claim-cap", "articles/a.html", ""},
		{"../claims.html#claims-toc-h", "articles/a.html", ""},
		{"../sources.html#src-doe", "articles/a.html", ""},
		{"b.html#note-y", "articles/a.html", ""},
		{"b.html#side-y", "articles/a.html", ""},
		{"#anno-x", "articles/a.html", ""},
		{"../index.html", "articles/a.html", ""},
		{"../handout.html", "articles/a.html", ""},
		{"../404.html", "articles/a.html", ""},
		{"../CLAIMS.html#claim-cap", "articles/a.html", mean + "../claims.html#claim-cap?"},
		{"B.html", "articles/a.html", mean + "b.html?"},
		{"../Search.html?q=cable", "articles/a.html", mean + "../search.html?q=cable?"},
		{"https://example.org/nope.html", "articles/a.html", ""},
		{"../index.html#event-2", "articles/a.html", ""},
		{"../index.html#timeline-h", "articles/a.html", ""},
		{"../index.html#timeline", "articles/a.html", "points to nothing on ../index.html: the page has no heading or part with that id; link to the page itself, ../index.html"},
		{"../index.html#event-3", "articles/a.html", "points to no timeline entry: the entries' addresses are ../index.html#event-1 to #event-2, numbered in the order of their dates (2 in content/_index.md)"},
		{"index.html#event-0", "", "points to no timeline entry: the entries' addresses are index.html#event-1 to #event-2, numbered in the order of their dates (2 in content/_index.md)"},
		{"handout.html#event-3", "", "points to no timeline entry: the entries' addresses in the handout are handout.html#event-1 to #event-2, as on the home page"},
		{"../handout.html#event-2", "articles/a.html", ""},
		{"#event-02", "index.html", "points to no timeline entry: the entries' addresses are index.html#event-1 to #event-2, numbered in the order of their dates (2 in content/_index.md)"},
		{"../claims.html#claim-nope", "articles/a.html", claim + "../claims.html#claim-<id>, with its id from annotations/claims.yaml"},
		{"../claims.html#cap", "articles/a.html", "points to no part of the claims page: did you mean ../claims.html#claim-cap? (A claim's address is its id after claim-.)"},
		{"sources.html#doe", "", "points to no part of the sources page: did you mean sources.html#src-doe? (A source's address is its id after src-.)"},
		{"sources.html#doe-2", "", "points to no part of the sources page: a source's address is sources.html#src-<id>, with its id from the bibliography, and a group's one of group-other"},
		{"sources.html#group-other", "", ""},
		{"sources.html#group-news", "", "points to no part of the sources page: no source is in the group news; the groups it has are group-other"},                                // no news report in the bibliography
		{"claims.html#cited-h", "", "points to no part of the claims page: it lists no sources, as no claim cites one"},                                                            // no claim cites a source
		{"articles/a.html#cited-h", "claims.html", "points to nothing on articles/a.html: the page has no heading or part with that id; link to the page itself, articles/a.html"}, // no note cites a source
		{"notes.html#a--x", "", ""},
		{"../notes.html#notes-b", "articles/a.html", ""},
		{"notes.html#notes-toc-h", "", ""},
		{"notes.html#main", "", ""},
		{"notes.html#a--y", "", "points to no part of the all-notes page: a note's address there is notes.html#<article>--<note id>, and an article's notes' is notes.html#notes-<article>, with the article's file name without .md"},
		{"notes.html#zz", "", "points to no part of the all-notes page: a note's address there is notes.html#<article>--<note id>, and an article's notes' is notes.html#notes-<article>, with the article's file name without .md"},
		{"notes.html#x", "", "points to no part of the all-notes page: did you mean notes.html#a--x? (A note's address there is its article's file name without .md, two hyphens and its id.)"},
		{"../notes.html#note-y", "articles/a.html", "points to no part of the all-notes page: did you mean ../notes.html#b--y? (A note's address there is its article's file name without .md, two hyphens and its id.)"},
		{"notes.html#a--note-x", "", "points to no part of the all-notes page: did you mean notes.html#a--x? (A note's address there is its article's file name without .md, two hyphens and its id.)"},
		{"notes.html#A--x", "", "points to nothing: did you mean notes.html#a--x? (Ids are in lower case.)"},
		{"sources.html#Group-other", "", "points to nothing: did you mean sources.html#group-other? (Ids are in lower case.)"},
		{"claims.html#Claim-cap", "", "points to nothing: did you mean claims.html#claim-cap? (Ids are in lower case.)"},
		{"search.html#q=cable", "", "points to no part of the search page: to open it with words searched for, write search.html?q=cable"},
		{"methodology.html#verdict-disputed", "", "points to no page of the briefing: link to one of its pages, like claims.html, or give a page elsewhere its full address"}, // no methodology
		{"search.html#search-q", "", ""},
		{"search.html#q", "", "points to no part of the search page: link to the page itself, search.html"},
		{"quotes.html#anything", "", ""}, // not checked
		{"sources.html#sources-toc-h", "", ""},
		{"claims.html#claim-cap-h", "", ""},
		{"claims.html#claim-nope-h", "", claim + "claims.html#claim-<id>, with its id from annotations/claims.yaml"},
		{"claims.html#cap-2", "", "points to no part of the claims page: a claim's address is claims.html#claim-<id>, with its id from annotations/claims.yaml"},
		{"../sources.html#src-nope", "articles/a.html", source + "../sources.html#src-<id>, with its id from the bibliography"},
		{"b.html#note-x", "articles/a.html", note + "b.html#note-<id>, with its id from annotations/b.yaml"},
		{"#ref-nope", "articles/a.html", note + "a.html#note-<id>, with its id from annotations/a.yaml"},
		{"c.html", "articles/a.html", page + "../claims.html, or give a page elsewhere its full address"},
		// A page written as a folder: a browser asks for one, which is
		// nowhere (review h92g C2).
		{"b.html/#note-y", "articles/a.html", "points to no page of the briefing: the / after b.html asks for a folder of that name, which there is not; write b.html#note-y"},
		{"../claims.html//?x=1#claim-cap", "articles/a.html", "points to no page of the briefing: the / after claims.html asks for a folder of that name, which there is not; write ../claims.html?x=1#claim-cap"},
		{"claims.html/./", "", "points to no page of the briefing: the / after claims.html asks for a folder of that name, which there is not; write claims.html"},
		{"claims.html/#claim-nope", "", "points to no page of the briefing: the / after claims.html asks for a folder of that name, which there is not; write claims.html#claim-nope (which, as it is, " + claim + "claims.html#claim-<id>, with its id from annotations/claims.yaml)"},
		{"../articles/", "articles/a.html", page + "../claims.html, or give a page elsewhere its full address"},
		// Written from the other folder, as a link copied from a claim
		// into a note, or from a note into a claim, is.
		{"claims.html", "articles/a.html", "points to no page of the briefing: this text's links are read from its page, articles/a.html, in the folder articles/, so write ../claims.html"},
		{"claims.html#claim-cap", "articles/a.html", "points to no page of the briefing: this text's links are read from its page, articles/a.html, in the folder articles/, so write ../claims.html#claim-cap"},
		{"../claims.html#claim-cap", "index.html", "points to no page of the briefing: this text's links are read from its page, index.html, in the site's top folder, so write claims.html#claim-cap"},
		{"../articles/b.html?x=1#note-nope", "claims.html", "points to no page of the briefing: this text's links are read from its page, claims.html, in the site's top folder, so write articles/b.html?x=1#note-nope (which, as it is, " + note + "articles/b.html#note-<id>, with its id from annotations/b.yaml)"},
		{"../methodology.html", "articles/a.html", page + "../claims.html, or give a page elsewhere its full address"},
		{"../../outside.html", "articles/a.html", page + "../claims.html, or give a page elsewhere its full address"},
		{"/claims.html", "articles/a.html", rootRel + "../claims.html"},
		{"/articles/b.html", "articles/a.html", rootRel + "b.html"},
		{"/claims.html#claim-cap", "articles/a.html", rootRel + "../claims.html#claim-cap"},
		{"/search.html?q=cap", "articles/a.html", rootRel + "../search.html?q=cap"},
		{"/claims", "articles/a.html", rootRel + "../claims.html"},
		{"/", "articles/a.html", rootRel + "../index.html"},
		{"/news/other", "articles/a.html", elsewhere + "with https:// and its host name, like https://<host>/news/other"},
		// From a page at the site's root.
		{"articles/a.html#note-x", "", ""},
		{"#anything", "", ""},
		{"articles/c.html", "", page + "claims.html, or give a page elsewhere its full address"},
		{"/sources.html", "index.html", rootRel + "sources.html"},
		// The files a page is made from, or a page without its .html.
		{"b.md", "articles/a.html", mean + "b.html?"},
		{"b.md#note-y", "articles/a.html", mean + "b.html#note-y?"},
		{"../claims", "articles/a.html", mean + "../claims.html?"},
		{"../../annotations/b.yaml", "articles/a.html", mean + "b.html?"},
		{"../annotations/claims.yaml", "", mean + "claims.html?"},
		{"content/_index.md", "", mean + "index.html?"},
		{"content/articles/a.md", "", mean + "articles/a.html?"},
		{"articles/c.md", "", page + "claims.html, or give a page elsewhere its full address"},
		{"methodology.md", "", page + "claims.html, or give a page elsewhere its full address"},
		{"../annotations/sources.json", "", mean + "sources.html?"},
		{"../annotations/b.txt", "", page + "claims.html, or give a page elsewhere its full address"},
		// An address elsewhere without its https://, or an e-mail address.
		{"www.example.org/report", "articles/a.html", "points to no page of the briefing: to link to a page elsewhere, write its full address, like https://www.example.org/report"},
		{"example.org", "", "points to no page of the briefing: to link to a page elsewhere, write its full address, like https://example.org"},
		{"state.gov/reports/x", "", "points to no page of the briefing: to link to a page elsewhere, write its full address, like https://state.gov/reports/x"},
		{"desk@example.org", "", "points to no page of the briefing: to link to an e-mail address, write it like mailto:desk@example.org"},
		{"notes.txt", "", page + "claims.html, or give a page elsewhere its full address"},
	} {
		if got, _ := r.localProblem(Link{Dest: c.dest, Page: c.page}, true); got != c.want {
			t.Errorf("localProblem(%q, %q)\n = %q\nwant %q", c.dest, c.page, got, c.want)
		}
	}
	// From the server's root in an article's text, the outlet's own link
	// (Outlet), or in a note on it: its full address on the article's site.
	for _, c := range []struct {
		link Link
		want string
	}{
		{Link{Dest: "/news/other?x=1#p", Page: "articles/a.html", Site: "https://example.org/world/story", Outlet: true},
			"starts at the server's root, which breaks the site opened from disk, and leads to no page of the briefing: it is the outlet's own link, so write its full address on the outlet's site, https://example.org/news/other?x=1#p"},
		{Link{Dest: "/news/other", Page: "articles/a.html", Outlet: true},
			"starts at the server's root, which breaks the site opened from disk, and leads to no page of the briefing: it is the outlet's own link, so write its full address on the outlet's site, https://<host>/news/other"},
		{Link{Dest: "/claims.html", Page: "articles/a.html", Site: "https://example.org/world/story", Outlet: true},
			rootRel + "../claims.html, or, if it is the outlet's own link, its full address on the outlet's site, https://example.org/claims.html"},
		{Link{Dest: "/news/2025/story", Page: "articles/a.html", Site: "https://example.org/world/story"},
			elsewhere + "like https://example.org/news/2025/story if it is on the article's site"},
		{Link{Dest: "/claims.html#claim-cap", Page: "articles/a.html", Site: "https://example.org/world/story"}, rootRel + "../claims.html#claim-cap"},
	} {
		if got, _ := r.localProblem(c.link, true); got != c.want {
			t.Errorf("localProblem(%+v)\n = %q\nwant %q", c.link, got, c.want)
		}
	}
	b.Index.Timeline = nil
	if got, _ := New(b).localProblem(Link{Dest: "../index.html#event-1", Page: "articles/a.html"}, true); got != "points to no timeline entry: content/_index.md has no timeline" {
		t.Errorf("without a timeline, a link to an entry: %q", got)
	}
	b.Methodology = &briefing.Page{}
	if got, _ := New(b).localProblem(Link{Dest: "../methodology.html", Page: "articles/a.html"}, true); got != "" {
		t.Errorf("with a methodology page, a link to it: %q", got)
	}
	// In the text: at the link's place, after any other link ending the same.
	var errs diag.List
	r.Markdown(md("See [a](articles/a.html) and [b](/articles/a.html)."), "a claim", &errs)
	if got, want := errs.Err(), `n.yaml:5:40: the link "/articles/a.html" `+rootRel+"articles/a.html"; got == nil || got.Error() != want {
		t.Errorf("Markdown: %v, want %s", got, want)
	}
}

// TestTypography: the editors' text gets curly quotes, apostrophes, dashes
// and ellipses, as characters; code and addresses keep what was typed; an
// article's own text, and the quote a note anchors to in it, keep the
// outlet's straight quotes.
func TestTypography(t *testing.T) {
	r := New(&briefing.Briefing{})
	var errs diag.List
	got := r.Markdown(md(`The cable's "final" point -- or not... See `+"`a \"b\"`"+` and [the "report"](https://example.org/a'b).`), "a note", &errs)
	want := `<p>The cable’s “final” point – or not… See <code>a &quot;b&quot;</code> and <a href="https://example.org/a'b">the “report”</a>.</p>` + "\n"
	if err := errs.Err(); err != nil || got != want {
		t.Errorf("note:\n got %q\nwant %q (%v)", got, want, err)
	}

	if got := r.Markdown(md(`a \"straight\" one`), "a note", &errs); got != "<p>a &quot;straight&quot; one</p>\n" {
		t.Errorf("escaped quotes: got %q", got)
	}

	// An address written out stays as typed, and is a link.
	got = r.Markdown(md(`See https://example.org/a--b's-page and www.example.org/c...d, or ftp://example.org/e--f.`), "a note", &errs)
	want = `<p>See <a href="https://example.org/a--b's-page">https://example.org/a--b's-page</a> and <a href="http://www.example.org/c...d">www.example.org/c...d</a>, or ftp://example.org/e–f.</p>` + "\n"
	if err := errs.Err(); err != nil || got != want {
		t.Errorf("addresses:\n got %q\nwant %q (%v)", got, want, err)
	}

	note := &briefing.Note{ID: "n", Quote: `"final" point`, Kind: briefing.KindContext, Body: md(`It's a "note".`)}
	a := &briefing.Article{Slug: "a", Title: "A", Body: md(`The cable's "final" point.`), Notes: []*briefing.Note{note}}
	out := r.Article(a, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	body := html.UnescapeString(out.Body)
	if strings.ContainsAny(body, "’“”") || !strings.Contains(body, `The cable's <mark`) || !strings.Contains(body, `>"final" point</mark>`) {
		t.Errorf("the article's text was changed: %s", out.Body)
	}
	if len(out.Notes) != 1 || out.Notes[0].Quote != `"final" point` || out.Notes[0].HTML != "<p>It’s a “note”.</p>\n" {
		t.Errorf("notes: %+v", out.Notes)
	}
}

// TestMarkerInLink: a passage may start or end inside a link's text, and
// is highlighted exactly there, but its marker, itself a link, cannot sit
// inside that link (HTML has no link in a link): it follows the link.
func TestMarkerInLink(t *testing.T) {
	const (
		lead    = `<mark class="anno anno-context" data-note="lead" id="anno-lead">Reported</mark><sup class="noteref-wrap"><a href="#note-lead" id="ref-lead" role="doc-noteref" class="noteref" data-note="lead">1</a></sup>`
		first   = `<mark class="anno anno-context" data-note="partial" id="anno-partial">`
		more    = `<mark class="anno anno-context" data-note="partial">`
		marker  = `<sup class="noteref-wrap"><a href="#note-partial" id="ref-partial" role="doc-noteref" class="noteref" data-note="partial">2</a></sup>`
		link    = `<a href="https://example.com/cable">`
		autolnk = `<a href="https://example.com/cable">https://example.com/cable</a>`
	)
	tests := []struct {
		name, body, quote string
		want              string // the paragraph after "Reported: "
	}{
		{"ends inside link text",
			"the order came from a [State Department cable](https://example.com/cable) last week.", "came from a State Department",
			"the order " + first + "came from a </mark>" + link + more + "State Department</mark> cable</a>" + marker + " last week."},
		{"starts inside link text",
			"the order came from a [State Department cable](https://example.com/cable) last week.", "Department cable",
			"the order came from a " + link + "State " + first + "Department cable</mark></a>" + marker + " last week."},
		{"inside link text",
			"the order came from a [State Department cable](https://example.com/cable) last week.", "Department",
			"the order came from a " + link + "State " + first + "Department</mark> cable</a>" + marker + " last week."},
		{"starts inside link text, ends after it",
			"the order came from a [State Department cable](https://example.com/cable) last week.", "Department cable last",
			"the order came from a " + link + "State " + first + "Department cable</mark></a>" + more + " last</mark>" + marker + " week."},
		{"inside link inside emphasis",
			"the order came from *a [State Department cable](https://example.com/cable) said*.", "from a State Department",
			"the order came " + first + "from </mark><em>" + more + "a </mark>" + link + more + "State Department</mark> cable</a>" + marker + " said</em>."},
		{"inside emphasis inside link",
			"the order came from a [State **Department office** cable](https://example.com/cable) last week.", "a State Department",
			"the order came from " + first + "a </mark>" + link + more + "State </mark><strong>" + more + "Department</mark> office</strong> cable</a>" + marker + " last week."},
		{"whole link text",
			"the order came from a [State Department cable](https://example.com/cable) last week.", "State Department cable",
			"the order came from a " + first + link + "State Department cable</a></mark>" + marker + " last week."},
		{"whole autolink",
			"the order came from <https://example.com/cable> last week.", "from https://example.com/cable",
			"the order came " + first + "from " + autolnk + "</mark>" + marker + " last week."},
	}
	r := New(&briefing.Briefing{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &briefing.Article{Slug: "a", Title: "A", Body: md("Reported: " + tt.body), Notes: []*briefing.Note{
				{ID: "lead", Quote: "Reported", Kind: briefing.KindContext, Body: md("Lead.")},
				{ID: "partial", Quote: tt.quote, Kind: briefing.KindContext, Body: md("Partial.")},
			}}
			var errs diag.List
			out := r.Article(a, &errs)
			if err := errs.Err(); err != nil {
				t.Fatal(err)
			}
			if len(out.Notes) != 2 || out.Notes[1].ID != "partial" || out.Notes[1].Number != 2 {
				t.Errorf("notes: %+v", out.Notes)
			}
			if marked, problem := markedText(out.Body, "partial"); problem != "" {
				t.Errorf("%s in %s", problem, out.Body)
			} else if marked != tt.quote {
				t.Errorf("the marks hold %q, want %q", marked, tt.quote)
			}
			want := "<p>" + lead + ": " + tt.want + "</p>\n<!--note lead-->\n<!--note partial-->\n"
			if out.Body != want {
				t.Errorf("got  %s\nwant %s", out.Body, want)
			}
		})
	}
}

// markedText returns the text of the marks of note id, and a problem with
// the markup: a link inside a link, or the note's marker inside its marks.
func markedText(body, id string) (string, string) {
	z := xhtml.NewTokenizer(strings.NewReader(body))
	var text strings.Builder
	links, marks := 0, 0 // how many open <a> and marks of the note
	var open []bool      // for each open <mark>, whether it is the note's
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF {
				return "", z.Err().Error()
			}
			if links != 0 || len(open) != 0 {
				return "", "unclosed <a> or <mark>"
			}
			return text.String(), ""
		case xhtml.TextToken:
			if marks > 0 {
				text.Write(z.Text())
			}
		case xhtml.StartTagToken:
			tok := z.Token()
			switch tok.Data {
			case "a":
				if links++; links > 1 {
					return "", "a link inside a link"
				}
				for _, at := range tok.Attr {
					if at.Key == "href" && at.Val == "#note-"+id && marks > 0 {
						return "", "the marker inside its passage"
					}
				}
			case "mark":
				mine := false
				for _, at := range tok.Attr {
					mine = mine || at.Key == "data-note" && at.Val == id
				}
				open = append(open, mine)
				if mine {
					marks++
				}
			}
		case xhtml.EndTagToken:
			switch name, _ := z.TagName(); string(name) {
			case "a":
				links--
			case "mark":
				if open[len(open)-1] {
					marks--
				}
				open = open[:len(open)-1]
			}
		}
	}
}

// TestNameMarkers: after NameMarkers, each marker carries its name for
// assistive technology, escaped as an attribute; without it, none.
func TestNameMarkers(t *testing.T) {
	a := func() *briefing.Article {
		return &briefing.Article{Slug: "a", Title: "A", Body: md("One claim, and another."), Notes: []*briefing.Note{
			{ID: "one", Quote: "One claim", Kind: briefing.KindContext, Body: md("First.")},
			{ID: "two", Quote: "another", Kind: briefing.KindContext, Body: md("Second.")},
		}}
	}
	r := New(&briefing.Briefing{})
	var errs diag.List
	if out := r.Article(a(), &errs).Body; strings.Contains(out, "aria-label") {
		t.Errorf("markers named before NameMarkers: %s", out)
	}
	r.NameMarkers(func(n int) string { return fmt.Sprintf(`Note "%d" & <b>`, n) })
	out := r.Article(a(), &errs).Body
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`data-note="one" aria-label="Note &quot;1&quot; &amp; &lt;b&gt;">1</a>`,
		`data-note="two" aria-label="Note &quot;2&quot; &amp; &lt;b&gt;">2</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the body lacks %s:\n%s", want, out)
		}
	}
}

// TestDOIAddress: a DOI's address keeps what a URL reads as it is and
// percent-encodes the rest, so that the link is to the whole DOI.
func TestDOIAddress(t *testing.T) {
	for doi, want := range map[string]string{
		"10.1257/aeri.20230459":        "https://doi.org/10.1257/aeri.20230459",
		"10.1002/(SICI)1097-4571;2-#?": "https://doi.org/10.1002/(SICI)1097-4571;2-%23%3F",
		"10.1234/50%<x>\"é":            "https://doi.org/10.1234/50%25%3Cx%3E%22%C3%A9",
	} {
		if got := DOIAddress(doi); got != want {
			t.Errorf("DOIAddress(%q) = %q, want %q", doi, got, want)
		}
	}
}

// TestReadableAddress: an address written out in a bibliography entry
// shows the letters, marks and digits beyond ASCII that it percent-encodes
// as themselves, and every other escape as written: those of ASCII
// characters (a space, /, ?, #, %, a letter), spaces, controls and format
// characters beyond ASCII, symbols, and bytes that are not UTF-8.
func TestReadableAddress(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://www.zvw.de/baden-w%C3%BCrttemberg/x_arid-367352", "https://www.zvw.de/baden-württemberg/x_arid-367352"},
		{"https://example.org/%c3%bc", "https://example.org/ü"},              // lower-case hex
		{"https://ar.example/%D9%85%D8%B5%D8%B1", "https://ar.example/مصر"},  // a whole word
		{"https://example.org/cafe%CC%81", "https://example.org/cafe\u0301"}, // a combining mark
		{"https://example.org/%D9%A3", "https://example.org/٣"},              // a digit
		{"https://www.aeaweb.org/articles?id=10.1257%2Faeri.20230459", "https://www.aeaweb.org/articles?id=10.1257%2Faeri.20230459"},
		{"https://example.org/a%20b%3Fc%23d%25e%41", "https://example.org/a%20b%3Fc%23d%25e%41"},   // ASCII
		{"https://example.org/%C3%BC%2F%C3%A9", "https://example.org/ü%2Fé"},                       // a run of both
		{"https://example.org/%C2%A0%E2%80%AE%C2%85", "https://example.org/%C2%A0%E2%80%AE%C2%85"}, // no-break space, right-to-left override, a control
		{"https://example.org/%E2%82%AC%F0%9F%98%80", "https://example.org/%E2%82%AC%F0%9F%98%80"}, // symbols: € and an emoji
		{"https://example.org/%C3%28%FC%C3", "https://example.org/%C3%28%FC%C3"},                   // not UTF-8
		{"https://example.org/%ED%A0%80", "https://example.org/%ED%A0%80"},                         // a surrogate
		{"https://example.org/%C3%B", "https://example.org/%C3%B"},                                 // an escape cut short
		{"https://example.org/100%", "https://example.org/100%"},
		{"https://example.org/%zz%C3%BC", "https://example.org/%zzü"},
	} {
		if got := readableAddress(tt.in); got != tt.want {
			t.Errorf("readableAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The entry's link keeps the address as it is, its text is decoded;
	// a DOI's link stays percent-encoded as the DOI Handbook asks.
	for _, s := range []*briefing.Source{
		{Type: "webpage", Title: "T", URL: "https://www.zvw.de/baden-w%C3%BCrttemberg/x"},
		{Type: "article-journal", Title: "T", DOI: "10.1234/50%<x>é"},
	} {
		got := Reference(s, "")
		want := map[string]string{
			"https://www.zvw.de/baden-w%C3%BCrttemberg/x": `<a class="ref-addr" href="https://www.zvw.de/baden-w%C3%BCrttemberg/x">https://www.zvw.de/baden-württemberg/x</a>`,
			"": `<a class="ref-addr" href="https://doi.org/10.1234/50%25%3Cx%3E%C3%A9">https://doi.org/10.1234/50%25%3Cx%3Eé</a>`,
		}[s.URL]
		if !strings.Contains(got, want) {
			t.Errorf("Reference(%v) = %s, want it to hold %s", s, got, want)
		}
	}
}

// TestRichText: CSL's markup in a source's text is made HTML when it is
// closed in order, and escaped whole otherwise.
func TestRichText(t *testing.T) {
	for in, want := range map[string][2]string{
		`Effects of <i>E. coli</i> on <span class="nocase">iPhone</span> users`:                      {`Effects of <i>E. coli</i> on iPhone users`, `Effects of E. coli on iPhone users`},
		`H<sub>2</sub>O &amp; <b>x<sup>2</sup></b> <span style="font-variant:small-caps;">Ab</span>`: {`H<sub>2</sub>O &amp;amp; <b>x<sup>2</sup></b> Ab`, `H2O &amp; x2 Ab`},
		`<i><script>alert(1)</script></i>`:                                                           {`<i>&lt;script&gt;alert(1)&lt;/script&gt;</i>`, `<script>alert(1)</script>`},
		`US tells diplomats <to> act`:                                                                {`US tells diplomats &lt;to&gt; act`, `US tells diplomats <to> act`},
		`<i>unclosed`:                                                                                {`&lt;i&gt;unclosed`, `<i>unclosed`},
		`<i>a <b>crossed</i></b>`:                                                                    {`&lt;i&gt;a &lt;b&gt;crossed&lt;/i&gt;&lt;/b&gt;`, `<i>a <b>crossed</i></b>`},
		`a </i> b`:                                                                                   {`a &lt;/i&gt; b`, `a </i> b`},
		`<I>upper</I>`:                                                                               {`&lt;I&gt;upper&lt;/I&gt;`, `<I>upper</I>`},
	} {
		if got := richText(in); got != want[0] {
			t.Errorf("richText(%q) = %q, want %q", in, got, want[0])
		}
		if got := richPlain(in); got != want[1] {
			t.Errorf("richPlain(%q) = %q, want %q", in, got, want[1])
		}
	}
}

// TestOtherMarkdown: a table or a footnote, which this Markdown does not
// read, is an error at its start rather than shown as its marks; a code
// span or a line of dashes that is no table's is not.
func TestOtherMarkdown(t *testing.T) {
	const table = "a table is not read in a note: it would be shown as its | and - marks; give its rows as a list, or in sentences"
	r := New(&briefing.Briefing{})
	for in, want := range map[string]string{
		"Intro.\n\n| Verdict | Meaning |\n|---|---|\n| Accurate | True |\n":                               "7:7: " + table,
		"Verdict | Meaning\n:-- | --:\nAccurate | True\n":                                                 "5:7: " + table,
		"| One column |\n| --- |\n":                                                                       "5:7: " + table,
		"A claim[^1] it is.\n\n[^1]: The footnote text.\n":                                                "5:14: a footnote is not read in a note: [^1] would be shown as written; the briefing's notes are its footnotes: put the text in a note of its own, or in brackets",
		"The pattern `[^a-z]` matches, and a | b\n\n- - -\n":                                              "",
		"It said ~~no~~ yes, and `~~x~~` and ~ ~~ ~.\n":                                                   "5:15: struck-through text is not read in a note: ~~no~~ would be shown as written; say in words what was struck out, or leave it out",
		"Code `~~x~~` only, and about ~~ 2 ~~ or so.\n":                                                   "",
		"Crime fell | rose:\n-- says who?\n":                                                              "",
		"The verdicts:\n| Verdict | Meaning |\n|---|---|\n| Accurate | True |\n":                          "6:7: " + table,
		"- item with ~~strike~~\n- a footnote[^1]\n":                                                      "5:19: struck-through text is not read in a note: ~~strike~~ would be shown as written; say in words what was struck out, or leave it out",
		"- a\n- a footnote[^1]\n":                                                                         "6:19: a footnote is not read in a note: [^1] would be shown as written; the briefing's notes are its footnotes: put the text in a note of its own, or in brackets",
		"*`[^a-z]`* and [`~~x~~`](https://example.org) and [link](https://example.org/a~~b~~c?q=[^x]).\n": "",
		"Escaped: \\[^1] and \\~~x~~.\n":                                                                  "",
		"a | b | c\n--|--\n":                                                                              "",
		"See [the report](https://example.org/a report).\n":                                               "5:24: the link [the report](https://example.org/a report) is not read in a note, and would be shown with its [ ] and ( ): its address holds a space: write each space in it as %20",
		"See [the *full* report](a.html b).\n":                                                            "5:31: the link [the *full* report](a.html b) is not read in a note, and would be shown with its [ ] and ( ): its address holds a space: write each space in it as %20",
		"See [the report](https://example.org/a\nb) too.\n":                                               "5:24: the link [the report](https://example.org/a is not read in a note, and would be shown with its [ ] and ( ): its address runs onto the next line: keep it on one line",
		"See [it](https://en.wikipedia.org/wiki/A_(b) now.\n":                                             "5:16: the link [it](https://en.wikipedia.org/wiki/A_(b) is not read in a note, and would be shown with its [ ] and ( ): its ( ) do not close on the line: end the address with )",
		"See [the report] (https://example.org/a).\n":                                                     "5:23: the link [the report] (https://example.org/a) is not read in a note, and would be shown with its [ ] and ( ): remove the space between ] and (",
		"See [the report][rpt].\n":                                                                        "5:23: the link [the report][rpt] is not read in a note, and would be shown with its [ ]: nothing defines its label; write the address in ( ) after the link's text instead, or, if the brackets are meant as written, put a \\ before each [",
		"See [the report][rpt].\n\n[rpt]: https://example.org/a\n":                                        "",
		"He said [sic] (twice), [a] [b], \\[x\\](y) and [fine](https://example.org/a%20b).\n":             "",
		"Two sources [1][2] disagree; the cable reads [redacted][Redacted] posts.\n":                      "",
		"`[a](b c)` and [a](<https://example.org/b>) and [a](https://example.org/b \"title\").\n":         "",
	} {
		var errs diag.List
		r.Markdown(md(in), "a note", &errs)
		got := ""
		if es := errs.Errors(); len(es) > 0 {
			got = fmt.Sprintf("%d:%d: %s", es[0].Pos.Line, es[0].Pos.Col, es[0].Msg)
		}
		if got != want {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestLinkTitleAndSecondAddress: a link whose title is in curly quotes,
// or whose ( ) hold a second address, is told so, where "write each space
// as %20" would have the title or the second address part of the address;
// a title in straight quotes is a link's.
func TestLinkTitleAndSecondAddress(t *testing.T) {
	const shown = " is not read in a note, and would be shown with its [ ] and ( ): "
	r := New(&briefing.Briefing{})
	for in, want := range map[string]string{
		"See [the page](https://example.org/y “The title”).\n": "5:22: the link [the page](https://example.org/y “The title”)" + shown +
			"its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, \"The title\", or remove it",
		"See [the page](https://example.org/y „Der Titel“).\n": "5:22: the link [the page](https://example.org/y „Der Titel“)" + shown +
			"its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, \"Der Titel\", or remove it",
		// Quote marks inside the title are the title's (review h92h B1).
		"See [it](https://example.org/y “‘Hamlet’ revisited”).\n": "5:16: the link [it](https://example.org/y “‘Hamlet’ revisited”)" + shown +
			"its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, \"‘Hamlet’ revisited\", or remove it",
		"See [it](https://example.org/y “He said ‘no’”).\n": "5:16: the link [it](https://example.org/y “He said ‘no’”)" + shown +
			"its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, \"He said ‘no’\", or remove it",
		// Guillemets' spaces are no part of the title (review h92f C5).
		"See [la page](https://example.org/y « Le titre »).\n": "5:21: the link [la page](https://example.org/y « Le titre »)" + shown +
			"its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, \"Le titre\", or remove it",
		"See [it](https://example.org/y ‘He said \"no\"’).\n": "5:16: the link [it](https://example.org/y ‘He said \"no\"’)" + shown +
			"its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, 'He said \"no\"', or remove it",
		"See [the page](https://a.example/x https://b.example/y).\n": "5:22: the link [the page](https://a.example/x https://b.example/y)" + shown +
			"its ( ) hold two addresses with a space between them: keep the one meant, and remove the other",
		"See [the page](https://a.example/x  www.b.example/y).\n": "5:22: the link [the page](https://a.example/x  www.b.example/y)" + shown +
			"its ( ) hold two addresses with a space between them: keep the one meant, and remove the other",
		// After a no-break space the title is part of the address, a
		// link CommonMark reads (review h92f C1).
		"See [it](https://example.org/y\u00a0“Title”).\n": "5:16: the link \"https://example.org/y\\u00a0“Title”\" ends with a title in curly quotes after a no-break space (U+00A0), which makes the title part of the address: write a plain space, and the title between straight quotes, \"Title\", or remove them",
		"See [it](https://example.org/y\u00a0“The title”).\n": "5:16: the link [it](https://example.org/y\u00a0“The title”)" + shown +
			"its title is in curly quotes after a no-break space (U+00A0), which a link's title cannot be in: write a plain space, and the title between straight quotes, \"The title\", or remove them",
		"See [the page](https:// https://b.example/y).\n": "5:22: the link [the page](https:// https://b.example/y)" + shown +
			"its ( ) hold https:// alone before the address: remove it",
		// As the messages say to write them.
		"See [the page](https://example.org/y \"The title\") and [it](https://example.org/y 'He said \"no\"').\n": "",
		"See [the page](https://b.example/y).\n": "",
	} {
		var errs diag.List
		out := r.Markdown(md(in), "a note", &errs)
		got := ""
		if es := errs.Errors(); len(es) > 0 {
			got = fmt.Sprintf("%d:%d: %s", es[0].Pos.Line, es[0].Pos.Col, es[0].Msg)
		}
		if got != want {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
		if want == "" && strings.Contains(in, "The title") && !strings.Contains(out, `href="https://example.org/y" title="The title"`) {
			t.Errorf("%q: the title is not the link's: %s", in, out)
		}
	}
}

// TestSamePassageNumberedInOrder: two notes on the same passage are
// numbered in the order the notes file lists them, the first one's marker
// first; nested passages by where they end.
func TestSamePassageNumberedInOrder(t *testing.T) {
	r := New(&briefing.Briefing{})
	note := func(id, quote string) *briefing.Note {
		return &briefing.Note{ID: id, Quote: quote, Kind: briefing.KindContext, Body: md("N.")}
	}
	a := &briefing.Article{Slug: "a", Title: "A", Body: md("First a passage here. Then the same words again, and more.\n\nThe same words again.\n"),
		Notes: []*briefing.Note{note("one", "a passage here"), note("two", "a passage here"), note("three", "the same words again, and more"),
			note("four", "the same words again"), note("five", "The same words again.")}}
	var errs diag.List
	out := r.Article(a, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range out.Notes {
		got = append(got, fmt.Sprintf("%d %s", n.Number, n.ID))
	}
	if want := "1 one,2 two,3 four,4 three,5 five"; strings.Join(got, ",") != want {
		t.Errorf("numbers: %s, want %s", strings.Join(got, ","), want)
	}
}

// TestLettersAfterWords: works that read alike and are dated in words take
// their letters after a hyphen, as after n.d.; after a year, none.
func TestLettersAfterWords(t *testing.T) {
	src := func(id, title, literal string, year int) *briefing.Source {
		s := &briefing.Source{ID: id, Type: "report", Title: title, Author: []briefing.Name{{Family: "Doe"}}, IssuedLiteral: literal}
		if year > 0 {
			s.Issued = &briefing.Date{Year: year}
		}
		return s
	}
	got := CiteLabels([]*briefing.Source{src("a", "A", "in press", 0), src("b", "B", "in press", 0), src("c", "C", "", 2024), src("d", "D", "", 2024)})
	want := map[string]string{"a": "Doe in press-a", "b": "Doe in press-b", "c": "Doe 2024a", "d": "Doe 2024b"}
	if !maps.Equal(got, want) {
		t.Errorf("labels %v, want %v", got, want)
	}
}

// TestAuthorNames: names as APA gives them in a bibliography: initials as
// capitals, each of "J.R.R." kept, a hyphen kept; a dropping particle after
// the initials, a non-dropping one before the family name.
func TestAuthorNames(t *testing.T) {
	got := formatNames([]briefing.Name{
		{Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"},
		{Family: "Tolkien", Given: "J.R.R."},
		{Family: "Le Pen", Given: "marine"},
		{Family: "Sartre", Given: "Jean-Paul"},
		{Family: "Gogh", Given: "Vincent Willem", Particle: "van"},
	})
	if want := "Beethoven, L. van, Tolkien, J. R. R., Le Pen, M., Sartre, J.-P., & van Gogh, V. W."; got != want {
		t.Errorf("formatNames:\n got %q\nwant %q", got, want)
	}
}

// TestIPv6Hosts: an address whose host is an IPv6 address keeps the
// brackets around it in the link, in a note and in an article alike;
// brackets elsewhere in an address stay percent-encoded.
func TestIPv6Hosts(t *testing.T) {
	r := New(&briefing.Briefing{})
	var errs diag.List
	got := r.Markdown(md(`See <https://[2001:db8::2]/y>, [the server](http://[::1]:8080/p?q[]=1) and [another](https://example.org/a[1]).`), "a note", &errs)
	for _, want := range []string{`href="https://[2001:db8::2]/y"`, `href="http://[::1]:8080/p?q%5B%5D=1"`, `href="https://example.org/a%5B1%5D"`} {
		if !strings.Contains(got, want) {
			t.Errorf("note: no %s in\n%s", want, got)
		}
	}
	a := &briefing.Article{Slug: "a", Title: "A", Body: md(`The report is at <http://[2001:db8::7]/r>.`)}
	if out := r.Article(a, &errs); !strings.Contains(out.Body, `href="http://[2001:db8::7]/r"`) {
		t.Errorf("article: %s", out.Body)
	}
	if err := errs.Err(); err != nil {
		t.Error(err)
	}
}

// TestNotesPageHints: a link to a note on the all-notes page written with
// its id alone, or as its article's page names it, is told the note's
// address there: the linking article's note of that id, or else the one
// article's that has it, and none when two articles have it.
func TestNotesPageHints(t *testing.T) {
	r := New(&briefing.Briefing{Articles: []*briefing.Article{
		{Slug: "a", Notes: []*briefing.Note{{ID: "x"}}},
		{Slug: "b", Notes: []*briefing.Note{{ID: "x"}, {ID: "y"}}},
	}})
	const (
		mean    = "points to no part of the all-notes page: did you mean "
		why     = "? (A note's address there is its article's file name without .md, two hyphens and its id.)"
		generic = "points to no part of the all-notes page: a note's address there is notes.html#<article>--<note id>, and an article's notes' is notes.html#notes-<article>, with the article's file name without .md"
	)
	for _, c := range []struct{ dest, page, want string }{
		{"notes.html#x", "", generic}, // in a and b
		{"../notes.html#x", "articles/b.html", mean + "../notes.html#b--x" + why},
		{"../notes.html#note-x", "articles/a.html", mean + "../notes.html#a--x" + why},
		{"notes.html#y", "", mean + "notes.html#b--y" + why},
		{"notes.html#side-y", "", mean + "notes.html#b--y" + why},
		{"notes.html#b--note-y", "", mean + "notes.html#b--y" + why},
		{"notes.html#a--note-y", "", generic},
	} {
		if got, _ := r.localProblem(Link{Dest: c.dest, Page: c.page}, true); got != c.want {
			t.Errorf("localProblem(%q, %q)\n = %q\nwant %q", c.dest, c.page, got, c.want)
		}
	}
}

// TestIndentedTextInArticle: an article's paragraph indented four spaces,
// as text copied from a page may be, is an error at its line: Markdown
// makes it code, shown in fixed-width type, and no note can quote it. A
// fenced block is code on purpose. A note's text indented so is shown as
// code too, and is an error as well, told (in YAML block text, which has
// its own indentation) to be indented no further than its first line.
func TestIndentedTextInArticle(t *testing.T) {
	body := briefing.Markdown{Text: "First paragraph.\n\n    Pasted with its spaces.\n\n```\nfenced\n```\n", Pos: diag.Pos{File: "a.md", Line: 5, Col: 1}}
	a := &briefing.Article{Slug: "a", Title: "A", Body: body}
	var errs diag.List
	New(&briefing.Briefing{Articles: []*briefing.Article{a}}).Article(a, &errs)
	var got []string
	for _, e := range errs.Errors() {
		got = append(got, e.Error())
	}
	want := "a.md:7:5: this text is indented by four spaces or a tab, which makes it code: the page would show it in fixed-width type, and no note could quote it; remove the indentation before it (code meant as code goes between lines of ```)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, c := range []struct {
		indent int
		want   string
	}{
		{0, "n.yaml:7:5: this text is indented by four spaces or a tab, which makes it code: the page would show it in fixed-width type; remove the indentation before it (code meant as code goes between lines of ```)"},
		{6, "n.yaml:7:11: this text is indented by four spaces or a tab, which makes it code: the page would show it in fixed-width type; indent it no further than the text's first line (code meant as code goes between lines of ```)"},
	} {
		errs = diag.List{}
		note := briefing.Markdown{Text: "Text.\n\n    indented\n\n```\nfenced\n```\n", Pos: diag.Pos{File: "n.yaml", Line: 5, Col: 1 + c.indent}, Indent: c.indent}
		New(&briefing.Briefing{}).Markdown(note, "a note", &errs)
		if got := fmt.Sprint(errs.Err()); errs.Len() != 1 || got != c.want {
			t.Errorf("a note's indented text, indent %d: %v\nwant %s", c.indent, errs.Err(), c.want)
		}
	}
}
