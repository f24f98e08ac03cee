// Package render turns the briefing's Markdown into HTML: each article body
// with its notes anchored, highlighted and numbered in reading order, and
// every note, claim and overview as safe HTML.
//
// The editors' own text (notes, claims, timeline entries, the overview and
// the methodology) goes through goldmark with its Typographer, as Hugo's own
// Markdown does by default: straight quotes and apostrophes become curly
// ones, "--" and "---" dashes, "..." an ellipsis; an address written out
// there (https://…, www.…) becomes a link, and stays as typed. Article
// bodies do not: they are reproduced as their outlets published them.
//
// Article bodies go through goldmark with this package's Extension: an AST
// transformer anchors the notes (package anchor) and wraps each passage in
// Mark nodes followed by a NoteRef marker; the renderer writes them as
// <mark> and <a role="doc-noteref">. Raw HTML is never passed through:
// it is an error in the input, as are images and links other than http,
// https, mailto and relative ones.
//
// # Markup of an annotated article
//
// Every note with id ID is present on its article page in four places, and
// the integrity checks and the theme rely on exactly these:
//
//   - the passage: one or more <mark class="anno anno-KIND [verdict-V]"
//     data-note="ID">, the first with id="anno-ID" (a passage that spans a
//     link or emphasis is cut into several marks; nested notes nest marks);
//   - the marker, right after the passage (after the link, for a passage
//     that ends inside a link's text: HTML has no link in a link):
//     <sup class="noteref-wrap"><a href="#note-ID" id="ref-ID"
//     role="doc-noteref" class="noteref" data-note="ID"
//     aria-label="Note N">N</a></sup>, N counting markers in reading order
//     from 1, the label the theme's words when NameMarkers was called
//     (and absent otherwise), then lang="en" (briefing.SiteLang) in an
//     article in another language, whose text stage marks with it; on
//     narrow screens the theme's script turns it into a disclosure button
//     (role="button", aria-expanded, aria-controls="side-ID");
//   - the in-text note, after the top-level block (paragraph, heading,
//     block quote, list) that holds the marker, in marker order: this
//     package writes <!--note ID--> there (a NoteSlot) and package stage
//     replaces it with <div class="sidenote" id="side-ID" role="note"
//     data-note="ID"> holding <span class="side-num">N</span>, the text,
//     the cites and a link <a href="#note-ID"> to the endnote — a sidenote
//     on wide screens, hidden until opened on narrow ones, hidden in print;
//   - the endnote, the canonical and complete form: <li id="note-ID"
//     value="N"> in <section class="endnotes" role="doc-endnotes">, ending
//     with <a href="#ref-ID" role="doc-backlink">.
//
// Element ids are unique on the page: the prefixes anno-, ref-, side- and
// note- differ in their first letter, and note ids are unique per article.
// Each heading has an id of its own, which no note's can be (headings.go).
package render

import (
	"bytes"
	"cmp"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/briefing/annotated/generator/internal/anchor"
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// Renderer renders the parts of one briefing.
type Renderer struct {
	labels  map[string]string
	letters map[string]string // a source's letter after its year, if it has one
	sources map[string]*briefing.Source
	refs    map[string]string // each source's Reference, made once
	order   map[string]int    // each source's place in the bibliography's order
	claims  map[string]*briefing.Claim
	site    *siteMap
	article goldmark.Markdown
	text    goldmark.Markdown
	label   func(n int) string // NameMarkers's, or nil

	sections map[string][]Heading // by page: the overview's, the methodology's
	others   others
}

// others are the briefing's articles, to find a quote that is not in its
// own article in another (see ReadOthers).
type others struct {
	fsys   fs.FS
	arts   []otherArticle
	once   sync.Once
	corpus *anchor.Corpus // their blocks' texts, read on the first quote not found
	owner  []int          // the article of each of those blocks (an index of arts)
	lines  []anchor.LineMap
}

// otherArticle is what the renderer keeps of an article for others: not
// its text, which the checks release once the article is rendered.
type otherArticle struct {
	path, notes string
	line        int // where its text starts in its file
}

// ReadOthers has the renderer look for a quote that is not in its own
// article, and resembles no passage of it, in the briefing's other
// articles, read again from fsys then (and only then): a note filed under
// the wrong article is told which has its quote. Call it before
// rendering.
func (r *Renderer) ReadOthers(fsys fs.FS) { r.others.fsys = fsys }

// find returns where the articles other than the one at self have quote
// q word for word, in the order of the articles: up to one more than
// anchor.MaxPlaces.
func (o *others) find(self, q string) []anchor.Place {
	o.once.Do(o.read)
	own := slices.IndexFunc(o.arts, func(a otherArticle) bool { return a.path == self })
	var out []anchor.Place
	last := -1
	o.corpus.Each(q, -1, func(i, off int) bool {
		art := o.owner[i]
		if art == own || art == last {
			return true // its own article's, or a second place in the same
		}
		last = art
		a := o.arts[art]
		out = append(out, anchor.Place{Article: a.path, Notes: a.notes, Line: o.lines[i].Line(off)})
		// Enough to name (anchor.MaxPlaces) and to say there are more:
		// a common phrase is in thousands of paragraphs.
		return len(out) <= anchor.MaxPlaces
	})
	return out
}

// read reads the other articles again, as a reader sees their text, block
// by block, as anchoring reads an article (anchor.Extract): a quote is found
// in one as its notes would find it, not across the Markdown's emphasis,
// links or character references, nor across two paragraphs.
func (o *others) read() {
	var texts []*anchor.Text
	md := goldmark.New()
	for i, a := range o.arts {
		data, err := fs.ReadFile(o.fsys, a.path)
		if err != nil {
			continue // reported when the briefing was read
		}
		// As the input read it: lines ended by CRLF or a lone CR are
		// ended by LF (a lone CR ends no line for the cut below).
		body := briefing.NormalizeLines(strings.TrimPrefix(string(data), "\uFEFF"))
		for range a.line - 1 { // the front matter
			_, body, _ = strings.Cut(body, "\n")
		}
		src := []byte(body)
		doc := md.Parser().Parse(text.NewReader(src))
		for _, b := range anchor.Extract(doc, src, briefing.Markdown{Text: body, Pos: diag.Pos{File: a.path, Line: a.line, Col: 1}}) {
			texts = append(texts, anchor.NewText(b.Text))
			o.owner = append(o.owner, i)
			o.lines = append(o.lines, b.LineMap())
		}
	}
	o.corpus = anchor.NewCorpus(texts)
}

// NameMarkers has each marker of the articles rendered after it named
// label(N) for assistive technology, in an aria-label ("Note 3", the
// theme's words), where it is otherwise named by its number alone. The
// theme's stylesheet also names it so, but a browser lays out a long page's
// sections, and gives them their stylesheet's words, only near the view
// (content-visibility: auto): a screen reader heard the handout's markers
// as "1", "2" in the articles not yet scrolled to. Call it before
// rendering, from one goroutine.
func (r *Renderer) NameMarkers(label func(n int) string) { r.label = label }

// New returns a Renderer for b.
func New(b *briefing.Briefing) *Renderer {
	r := &Renderer{
		site:    newSiteMap(b),
		sources: map[string]*briefing.Source{},
		claims:  map[string]*briefing.Claim{},
		article: goldmark.New(goldmark.WithExtensions(Extension{})),
		text:    goldmark.New(goldmark.WithExtensions(linkify, typographer), goldmark.WithParserOptions(parser.WithHeadingAttribute())),
	}
	r.others.arts = make([]otherArticle, 0, len(b.Articles))
	for _, a := range b.Articles {
		r.others.arts = append(r.others.arts, otherArticle{path: a.Path, notes: "annotations/" + a.Slug + ".yaml", line: a.Body.Pos.Line})
	}
	r.labels, r.letters = citeLabels(b.Sources)
	r.refs = make(map[string]string, len(b.Sources))
	keys := make(map[string]refKey, len(b.Sources))
	ids := make([]string, 0, len(b.Sources))
	for _, s := range b.Sources {
		r.sources[s.ID] = s
		r.refs[s.ID] = Reference(s, r.letters[s.ID])
		keys[s.ID] = refKeyOf(s, r.letters[s.ID])
		ids = append(ids, s.ID)
	}
	// In a reference list's order (see refKey); two sources cited alike
	// keep the bibliography's order.
	slices.SortStableFunc(ids, func(a, b string) int { return keys[a].compare(keys[b]) })
	r.order = make(map[string]int, len(ids))
	for i, id := range ids {
		r.order[id] = i
	}
	for _, c := range b.Claims {
		r.claims[c.ID] = c
		if c.Verdict != "" {
			r.site.used[c.Verdict] = true
		}
	}
	// The overview's and the methodology's headings, for the links to
	// them; their problems are reported when their pages are rendered.
	r.sections = map[string][]Heading{}
	var quiet diag.List
	doc, src := r.parse(b.Index.Body)
	ids, sections, shown := r.headings(doc, src, b.Index.Body, &quiet)
	r.site.addHeadings("index.html", ids)
	r.sections["index.html"] = sections
	r.site.overview = shown
	if m := b.Methodology; m != nil {
		doc, src := r.parse(m.Body)
		ids, sections, _ := r.headings(doc, src, m.Body, &quiet)
		r.site.addHeadings("methodology.html", ids)
		r.sections["methodology.html"] = sections
		r.site.methodologyTOC = HasContents(sections)
		defs := verdictDefs(doc, src)
		r.site.verdicts = definedVerdicts(defs)
		r.site.lastDef = lastDefinition(defs, src, m.Body)
	}
	return r
}

// parse parses md, the editors' Markdown (not an article's), and returns
// the tree and the text it holds places in.
func (r *Renderer) parse(md briefing.Markdown) (ast.Node, []byte) {
	src := []byte(md.Text)
	return r.text.Parser().Parse(text.NewReader(src)), src
}

// headings returns the ids of the headings of a page's own text, md
// (parsed: doc, of src), as Page gives them, its sections, and whether
// Page shows anything of it (a text of reference definitions alone it
// does not).
func (r *Renderer) headings(doc ast.Node, src []byte, md briefing.Markdown, errs *diag.List) (ids []string, sections []Heading, shown bool) {
	ids = headingIDs(doc, src, md, "", true, errs)
	// Rendered, as Page renders it: a paragraph of reference definitions
	// stays in the tree, and shows nothing.
	var buf output
	_ = r.text.Renderer().Render(&buf, src, doc)
	return ids, sectionsOf(doc, src), buf.Len() > 0 // as the home page tests it
}

// Sections returns the sections of the overview (page "index.html") or of
// the methodology ("methodology.html"): their ## headings, for a page's
// contents.
func (r *Renderer) Sections(page string) []Heading { return r.sections[page] }

// Article is an article rendered with its notes.
type Article struct {
	Body  string // HTML
	Text  string // the article's visible text, paragraphs separated by blank lines
	Notes []Note // in the order of their markers
	Links []Link // the relative links of its text and its notes, for CheckLinks
	// Headings are the ids of its headings, in the order of the text
	// (see AddHeadings).
	Headings []string
	// Lost is whether a note's quote did not anchor: its problem may
	// name another article that has the quote (see ReadOthers), so it is
	// to be rendered again when any article changes.
	Lost bool
}

// lost reports whether a note of notes with a quote has no span in res.
func lost(res *anchorResult, notes []*briefing.Note) bool {
	quoted := 0
	for _, n := range notes {
		if n.Quote != "" {
			quoted++
		}
	}
	return res == nil || len(res.spans) < quoted
}

// Note is one note, rendered, with where it sits.
type Note struct {
	*briefing.Note
	Number int
	HTML   string // the note's text
	Cites  []Cite
	Quote  string // the passage as the article shows it
	Start  int    // the passage's place in Article.Text (bytes)
	End    int
}

// Cite is a short author-date citation of a source.
type Cite struct {
	ID    string
	Label string
	Href  string
}

// Article renders a's body with its notes. Problems (notes that do not
// anchor, raw HTML, unsafe links) are added to errs; the result is then
// incomplete and must not be published.
func (r *Renderer) Article(a *briefing.Article, errs *diag.List) *Article {
	src := []byte(a.Body.Text)
	pc := parser.NewContext()
	ctx := anchor.Context{Shown: []anchor.Shown{
		{Name: "headline", Text: a.Title},
		{Name: "summary", Text: a.Summary, Line: a.SummaryPos.Line},
		{Name: "date note", Text: a.DateNote, Line: a.DateNotePos.Line},
	}}
	if r.others.fsys != nil {
		ctx.Elsewhere = func(q string) []anchor.Place { return r.others.find(a.Path, q) }
	}
	in := &anchorInput{notes: a.Notes, body: a.Body, ctx: ctx, label: r.label, errs: errs}
	if briefing.Foreign(a.Language) != "" {
		// Its markers' names are the site's words inside its text.
		in.lang = briefing.SiteLang
	}
	pc.Set(notesKey, in)
	doc := r.article.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	page := "articles/" + a.Slug + ".html"
	var links []Link
	keep := func(l Link) {
		l.Page, l.Site = page, a.URL
		links = append(links, l)
	}
	keepOwn := func(l Link) {
		l.Outlet = true
		keep(l)
	}
	checkMarkdown(doc, src, a.Body, "an article", true, keepOwn, errs)
	headings := headingIDs(doc, src, a.Body, "an article", false, errs)
	r.site.addHeadings(page, headings)
	res, _ := pc.Get(resultKey).(*anchorResult)
	var buf output
	// The HTML is the text with its markup, and the markup of the notes.
	buf.Grow(len(src) + len(src)/4 + 512*len(a.Notes))
	if err := r.article.Renderer().Render(&buf, src, doc); err != nil {
		errs.Add(a.Pos, "cannot render the article: %v", err)
	}
	out := &Article{Body: bracketHosts(buf.String()), Headings: headings, Lost: lost(res, a.Notes)}
	if res == nil {
		out.Links = links
		return out
	}
	// The visible text of the whole article, for text-position selectors.
	blockAt := make(map[*anchor.Block]int, len(res.blocks))
	size := 0
	for _, b := range res.blocks {
		size += len(b.Text) + 2
	}
	var all strings.Builder
	all.Grow(size)
	for i, b := range res.blocks {
		if i > 0 {
			all.WriteString("\n\n")
		}
		blockAt[b] = all.Len()
		all.WriteString(b.Text)
	}
	out.Text = all.String()
	spanOf := make(map[string]anchor.Span, len(res.spans))
	for _, s := range res.spans {
		spanOf[s.Note.ID] = s
	}
	out.Notes = make([]Note, 0, len(res.order))
	for _, ref := range res.order {
		s := spanOf[ref.NoteID]
		n := Note{
			Note:   s.Note,
			Number: ref.Number,
			HTML:   r.markdown(s.Note.Body, "a note", "", keep, errs),
			Cites:  r.Cites(s.Note.Cites, "../"),
			Quote:  s.Block.Text[s.Start:s.End],
			Start:  blockAt[s.Block] + s.Start,
			End:    blockAt[s.Block] + s.End,
		}
		out.Notes = append(out.Notes, n)
	}
	// A note whose quote was not found is left out of the page, but its
	// text is checked all the same: one run reports its other problems too.
	for _, n := range a.Notes {
		if _, ok := spanOf[n.ID]; !ok {
			r.markdown(n.Body, "a note", "", keep, errs)
		}
	}
	r.site.use(a.Notes)
	out.Links = links
	return out
}

// Cites returns the short citations of refs, leaving out unknown ids (they
// are reported when the briefing is loaded). root is the way from the page
// that shows them to the site's root: "" or "../".
func (r *Renderer) Cites(refs []briefing.Ref, root string) []Cite {
	var out []Cite
	for _, ref := range refs {
		if _, ok := r.sources[ref.ID]; !ok {
			continue
		}
		out = append(out, Cite{ID: ref.ID, Label: r.labels[ref.ID], Href: root + "sources.html#src-" + ref.ID})
	}
	return out
}

// Claim returns the claim with that id, or nil.
func (r *Renderer) Claim(id string) *briefing.Claim { return r.claims[id] }

// Label returns the short citation label of a source id.
func (r *Renderer) Label(id string) string { return r.labels[id] }

// Reference is the source's full entry in the bibliography (the package's
// Reference), with the letter its label adds to its year.
func (r *Renderer) Reference(s *briefing.Source) string {
	if ref, ok := r.refs[s.ID]; ok && r.sources[s.ID] == s {
		return ref
	}
	return Reference(s, r.letters[s.ID])
}

// ReferenceOf is Reference for the source with that id, or "" for an id
// the briefing has no source of.
func (r *Renderer) ReferenceOf(id string) string { return r.refs[id] }

// CompareSources orders the sources with ids a and b as a reference list
// does (see refKey), for every list of sources the site shows.
func (r *Renderer) CompareSources(a, b string) int { return cmp.Compare(r.order[a], r.order[b]) }

// Markdown renders the text of a claim or a timeline entry, shown at the
// site's root, to HTML, reporting raw HTML, images, unsafe links, relative
// links to nowhere in the site and headings in errs. what names the text
// in messages.
func (r *Renderer) Markdown(md briefing.Markdown, what string, errs *diag.List) string {
	return r.markdown(md, what, "", r.checkNow("", errs), errs)
}

// MarkdownOn is Markdown for a text shown first on page (a path from the
// site's root, like "index.html"), whose links to ids on that page alone
// ("#event-2") are checked too.
func (r *Renderer) MarkdownOn(md briefing.Markdown, what, page string, errs *diag.List) string {
	return r.markdown(md, what, "", r.checkNow(page, errs), errs)
}

// Page renders a page's own text (the overview on index.html, the
// methodology on methodology.html) as Markdown does, headings allowed;
// the methodology's definitions of the verdicts get their ids
// (VerdictHref).
func (r *Renderer) Page(md briefing.Markdown, what, page string, errs *diag.List) string {
	return r.markdown(md, what, page, r.checkNow(page, errs), errs)
}

// markdown renders a text, its relative links going to relative (see
// checkMarkdown): a page's own text when page is not "" (Page).
func (r *Renderer) markdown(md briefing.Markdown, what, page string, relative func(Link), errs *diag.List) string {
	headings := page != ""
	if strings.TrimSpace(md.Text) == "" {
		return ""
	}
	doc, src := r.parse(md)
	checkMarkdown(doc, src, md, what, headings, relative, errs)
	if headings {
		headingIDs(doc, src, md, what, true, errs)
	}
	if page == "methodology.html" {
		defs := verdictDefs(doc, src)
		checkDefinitions(doc, src, defs, md, errs)
		markVerdicts(defs, src)
	}
	var buf output
	buf.Grow(len(src) + len(src)/4 + 64)
	if err := r.text.Renderer().Render(&buf, src, doc); err != nil {
		errs.Add(md.Pos, "cannot render %s: %v", what, err)
	}
	return bracketHosts(buf.String())
}

// bracketHosts puts back the brackets around an IPv6 address written as a
// link's host (http://[2001:db8::1]/), which goldmark percent-encodes with
// the rest of the address: %5B2001:db8::1%5D is no host a browser opens.
// Brackets elsewhere in an address stay encoded, as they may be.
func bracketHosts(h string) string {
	const mark = "://%5B"
	if !strings.Contains(h, mark) {
		return h
	}
	var b strings.Builder
	for {
		i := strings.Index(h, mark)
		if i < 0 {
			b.WriteString(h)
			return b.String()
		}
		host, rest := h[i+len(mark):], ""
		j := strings.Index(host, "%5D")
		inHref := strings.HasSuffix(h[:i], `href="http`) || strings.HasSuffix(h[:i], `href="https`)
		if j < 0 || !inHref || strings.Trim(host[:j], "0123456789abcdefABCDEF:.") != "" {
			b.WriteString(h[:i+len(mark)])
			h = host
			continue
		}
		host, rest = host[:j], host[j+len("%5D"):]
		b.WriteString(h[:i+len("://")])
		b.WriteString("[" + host + "]")
		h = rest
	}
}

// typographer is goldmark's Typographer writing the characters themselves,
// as the articles' own text has them, rather than character references: so
// the plain text taken from a note's HTML (for the search index) needs no
// decoding, and a page is no longer than it has to be.
var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
	extension.LeftSingleQuote:  "‘",
	extension.RightSingleQuote: "’",
	extension.LeftDoubleQuote:  "“",
	extension.RightDoubleQuote: "”",
	extension.EnDash:           "–",
	extension.EmDash:           "—",
	extension.Ellipsis:         "…",
	extension.LeftAngleQuote:   "«",
	extension.RightAngleQuote:  "»",
	extension.Apostrophe:       "’",
}))

// linkify makes an address written out in the editors' text (https://…,
// www.…) a link, as GitHub's Markdown does, and so keeps the typographer
// from setting its "--" or "'" as a dash or an apostrophe. Only http and
// https: any other scheme stays text.
var linkify = extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"}))

// output is what goldmark renders into. It is a util.BufWriter, so that
// goldmark writes to it directly instead of through a bufio.Writer of its
// own (4 KB for every text rendered); it has nothing to flush.
type output struct{ bytes.Buffer }

// Flush implements util.BufWriter.
func (*output) Flush() error { return nil }

// Buffered implements util.BufWriter: nothing waits to be flushed.
func (*output) Buffered() int { return 0 }

var _ util.BufWriter = (*output)(nil)
