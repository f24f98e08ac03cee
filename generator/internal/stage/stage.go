// Package stage turns a rendered briefing into the files of a Hugo project:
// a configuration, one content file per page with HTML bodies and JSON
// front matter carrying the structured data (notes, claims, sources,
// timeline) that the theme's templates lay out.
//
// It only computes the files; writing them and running Hugo happen at the
// edge (packages hugo and publish), so this package is tested on data.
package stage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/quotes"
	"github.com/briefing/annotated/generator/internal/render"
)

// langOf is the lang attribute an article's title and text are marked
// with, ` lang="de"` (briefing.Foreign), or "" for one in the site's
// language or one that gives none; its notes, inside its text, are marked
// with the site's again.
func langOf(a *briefing.Article) string { return langAttr(briefing.Foreign(a.Language)) }

// langAttr is the lang attribute of the language tag l, ` lang="de"`, or ""
// for "".
func langAttr(l string) string {
	if l == "" {
		return ""
	}
	return ` lang="` + esc(l) + `"`
}

// Options are the choices of one build.
type Options struct {
	BaseURL string // "" for a site that works from any folder
	PDF     bool   // the build also prints handout.html to handout.pdf
	Paper   string // handout.pdf's paper, one of pdf.Papers; "" for Chromium's (Letter)
	NoZip   bool   // the build makes no briefing-offline.zip, and no page links to it
	NoIndex bool   // every page asks search engines not to index it (a preview's copy)
	Text    *Text  // the theme's strings; nil: the bundled theme's
	// Memo, when set, makes each article's Parts, so that it can keep them
	// from one Project to the next (site.Compiler).
	Memo Memo
}

// Memo makes an article's Parts: it returns what build returns, or what
// build returned for the same article and weight before, or those Parts
// Reweighed for an article that only moved. Project calls it from several
// goroutines at once.
type Memo interface {
	Article(a *briefing.Article, weight int, build func() *Parts) *Parts
}

// Pages are the pages made at the end from what every article's Parts
// keep of it (their summary), the shared files, the order and the options:
// the home page, the claims and sources pages and the end of the handout.
type Pages struct {
	index, claims, sources, handoutEnd []byte
}

// PagesMemo is a Memo that also keeps the Pages of one Project for the
// next. Pages returns what build returns, or the Pages it kept, when it
// knows that nothing they are made of has changed: the same shared files,
// options and theme's strings, the same articles in the same order from
// the same article files, and, for each article made anew, Parts with the
// same summary as before (SameSummary). Project calls it once, after every
// call of Article.
type PagesMemo interface {
	Memo
	Pages(build func() *Pages) *Pages
}

// SameSummary reports whether p and q keep the same of their article for
// the pages made at the end (see Pages).
func SameSummary(p, q *Parts) bool {
	return p != nil && q != nil && reflect.DeepEqual(p.summary, q.summary)
}

// Parts is what one article contributes to the project: its page, and its
// part of every page and file made of all the articles (the handout, the
// all-notes page, the search index, the exports). Each depends only on the
// article, its rendering, its weight and what every article shares (the
// claims, the sources, the options, the theme's strings, the briefing's
// title), so that the parts are made on every core, a live preview keeps
// those of the articles that did not change, and the whole pages and files
// are the parts put together, each in a buffer of its size. Bodies are written as page
// writes them ("{{" as character references).
//
// A live preview (site.Compiler) relies on exactly this to keep the parts
// of the articles an edit does not concern: of the claims and sources,
// the parts take only what the Renderer's Claim and Cites give for the ids
// the article's notes name, and of the briefing's index (its
// _index.md) only the title and summary, never the overview or the
// timeline. Code that makes a part from anything more must say so there.
// Of the weight, only the page's front matter and the quote candidates'
// place in the order may depend on it: Reweighed makes those two again
// for an article that moved, and keeps the rest.
type Parts struct {
	page        []byte    // content/articles/<slug>.html, with its JSON-LD
	pageRefs    []noteRef // the links in page to other articles' notes, at counted after its first line (its front matter)
	matter      []byte    // when Reweighed: the page's front matter line, in place of page's
	handout     []byte    // its text on the handout
	handoutRefs []noteRef // the links in handout to other articles' notes
	handoutTOC  []byte    // its entry in the handout's contents
	notes       []byte    // its section of the all-notes page; nil without notes
	notesRefs   []noteRef // the links in notes to other articles' notes
	searchText  []byte    // its paragraphs in the search index
	searchNotes []byte    // its notes in the search index
	export      *export.Part
	summary     summary // what the pages made at the end keep of it
}

// articleParts makes the Parts of article a, at weight in the briefing's
// order.
func articleParts(a *briefing.Article, r *render.Renderer, ra *render.Article, weight int, eb *export.Briefing, t *Text) *Parts {
	notes, body := articleNotes(r, a, ra), articleBody(a, ra)
	ex := eb.PartOf(a, ra)
	p := &Parts{
		page:       articlePage(a, body, r, notes, ex.Reviews, weight, t),
		handout:    handoutArticle(a, body, notes, t),
		handoutTOC: handoutTOC(a, t),
		notes:      notesSection(r, a, ra, t),
		export:     ex,
	}
	p.handoutRefs = crossNoteRefs(p.handout, a.Slug)
	matter := bytes.IndexByte(p.page, '\n') + 1
	p.pageRefs = pageNoteRefs(p.page[matter:], export.ArticlePage(a.Slug), a.Slug)
	p.notesRefs = pageNoteRefs(p.notes, "notes.html", a.Slug)
	p.searchText, p.searchNotes = searchDocs(a, ra)
	// The summary goes with the parts, so that a preview keeps it with
	// them: it depends on nothing they do not (the article, its place in
	// the order, the shared files and the text).
	s := &p.summary
	s.card = cardHTML(a, ra, t)
	s.cites = citingNotes(a, ra)
	s.apps = articleAppearances(r, a, ra)
	s.quotes = quotes.Candidates(weight-1, ra.Text)
	for _, q := range s.quotes {
		s.hrefs = append(s.hrefs, passageHref(a, ra, q.Start, q.End))
	}
	return p
}

// Reweighed returns the Parts that articleParts makes of article a at
// weight, from p, its Parts at another weight: an article moves in the
// order when one is added, removed or dated before it, and nothing of it
// changes but its place. Of its parts only two depend on the weight: the
// page's front matter (the page's first line) and the place in the order
// that its quote candidates carry. Everything else is p's, shared.
//
// The page is not copied: the new Parts keep the old page and the new
// front matter beside it (pagePieces), which a sink that keeps pieces
// keeps as two, so that an article added first in a briefing of 10,000
// copies no 700 MB of pages.
func (p *Parts) Reweighed(a *briefing.Article, weight int) *Parts {
	q := *p
	q.matter = append(frontMatterJSON(articleMatter(a, weight)), '\n')
	q.summary.quotes = slices.Clone(p.summary.quotes)
	for i := range q.summary.quotes {
		q.summary.quotes[i].Article = weight - 1
	}
	return &q
}

// pagePieces is the article's page: page, or, in Parts Reweighed, the
// new front matter line and what follows page's.
func (p *Parts) pagePieces() Pieces {
	if p.matter == nil {
		return Pieces{p.page}
	}
	return Pieces{p.matter, p.page[bytes.IndexByte(p.page, '\n')+1:]}
}

// pageLinks are pageRefs, at counted from the start of pagePieces.
func (p *Parts) pageLinks() []noteRef {
	if len(p.pageRefs) == 0 {
		return nil
	}
	matter := len(p.matter)
	if p.matter == nil {
		matter = bytes.IndexByte(p.page, '\n') + 1
	}
	refs := slices.Clone(p.pageRefs)
	for i := range refs {
		refs[i].at += matter
	}
	return refs
}

// Files is a Hugo project: slash-separated paths to contents.
type Files map[string][]byte

// Counts summarises a staged briefing.
type Counts struct {
	Articles, Notes, Claims, Sources, Pages int
}

// Project returns the Hugo project for b and the rendered articles, keyed by
// slug: a Writer into Files, with every article in one batch. Problems
// found while rendering Markdown are added to errs.
func Project(b *briefing.Briefing, r *render.Renderer, arts map[string]*render.Article, opt Options, errs *diag.List) (Files, Counts) {
	f := Files{}
	return f, project(b, r, arts, opt, f, errs)
}

// ProjectPieces is Project into PieceFiles: the files that gather every
// article hold the articles' Parts, not copies of them.
func ProjectPieces(b *briefing.Briefing, r *render.Renderer, arts map[string]*render.Article, opt Options, errs *diag.List) (PieceFiles, Counts) {
	f := PieceFiles{}
	return f, project(b, r, arts, opt, f, errs)
}

// project writes the project into sink, which must not fail.
func project(b *briefing.Briefing, r *render.Renderer, arts map[string]*render.Article, opt Options, sink Sink, errs *diag.List) Counts {
	w, err := NewWriter(b, r, opt, sink)
	if err != nil {
		panic(err.Error()) // the bundled theme is embedded at compile time; the sink does not fail
	}
	ras := make([]*render.Article, len(w.Order()))
	for i, a := range w.Order() {
		if ras[i] = arts[a.Slug]; ras[i] == nil {
			panic("stage: article " + a.Slug + " not rendered")
		}
	}
	if err := w.Articles(ras); err != nil {
		panic(err.Error())
	}
	c, err := w.Close(errs)
	if err != nil {
		panic(err.Error())
	}
	return c
}

type frontMatter struct {
	Title  string         `json:"title"`
	Date   string         `json:"date,omitempty"`
	Weight int            `json:"weight,omitempty"`
	Layout string         `json:"layout,omitempty"`
	Params map[string]any `json:"params,omitempty"`
}

// page writes a Hugo content file: JSON front matter, then the HTML body.
// "{{" is written as character references (appendBody) so that Hugo never
// reads text of the briefing as a shortcode. The JSON is not indented: at
// a thousand articles indenting took a quarter of the generator's time.
func page(fm frontMatter, body string) []byte { return pageLD(fm, body, nil) }

// pageLD is page with the ClaimReview JSON-LD ld (nil for none) in a data
// block at the end of the body (appendLD).
func pageLD(fm frontMatter, body string, ld []byte) []byte {
	data := frontMatterJSON(fm)
	out := make([]byte, 0, len(data)+1+len(body)+bracesExtra(body)+ldSize(ld))
	out = append(append(out, data...), '\n')
	return appendLD(appendBody(out, body), ld)
}

func frontMatterJSON(fm frontMatter) []byte {
	data, err := json.Marshal(fm)
	if err != nil {
		panic(fmt.Sprintf("stage: front matter does not encode: %v", err)) // only plain data is encoded
	}
	return data
}

// braces is what appendBody writes for "{{".
const braces = "&#123;&#123;"

// bracesExtra is how much longer appendBody makes body.
func bracesExtra(body string) int {
	return strings.Count(body, "{{") * (len(braces) - 2)
}

// appendBody appends a page's body to dst, with "{{" written as character
// references, in one pass (strings.ReplaceAll, left to right).
func appendBody(dst []byte, body string) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(body)+bracesExtra(body))
	}
	for {
		i := strings.Index(body, "{{")
		if i < 0 {
			return append(dst, body...)
		}
		dst = append(dst, body[:i]...)
		dst = append(dst, braces...)
		body = body[i+2:]
	}
}

func config(b *briefing.Briefing, opt Options) []byte {
	base := opt.BaseURL
	if base == "" {
		base = "/"
	}
	cfg := map[string]any{
		"baseURL":                    base,
		"title":                      b.Index.Title,
		"theme":                      "briefing",
		"uglyURLs":                   true,
		"relativeURLs":               true,
		"disableKinds":               []string{"taxonomy", "term", "rss", "section", "404"},
		"disableHugoGeneratorInject": true,
		"enableRobotsTXT":            false,
		"locale":                     briefing.SiteLang,
		"timeZone":                   "UTC",
		// Hugo leaves out a page dated after the moment it runs. An
		// article's date is when the outlet published it, and "today"
		// east of UTC is tomorrow in UTC: every article is built.
		"buildFuture": true,
		"outputs": map[string]any{
			"home": []string{"html"},
			"page": []string{"html"},
		},
		"params": map[string]any{
			"hasMethodology": b.Methodology != nil,
			// The footer says that every note cites its sources only
			// when every note does.
			"everyNoteCites": everyNoteCites(b),
		},
		"build": map[string]any{"noJSConfigInAssets": true},
		"caches": map[string]any{
			"getresource": map[string]any{"maxAge": 0},
		},
		"security": map[string]any{
			// The staged content is HTML that the generator wrote and escaped.
			"allowContent": []string{"^text/html$"},
			"funcs":        map[string]any{"getenv": []string{"^$"}},
			"http":         map[string]any{"urls": []string{"^$"}},
		},
	}
	publishing(cfg, opt)
	data, _ := json.MarshalIndent(cfg, "", " ")
	return data
}

// everyNoteCites says whether the briefing has notes and every one of
// them cites a source.
func everyNoteCites(b *briefing.Briefing) bool {
	some := false
	for _, a := range b.Articles {
		for _, n := range a.Notes {
			if len(n.Cites) == 0 {
				return false
			}
			some = true
		}
	}
	return some
}

// articleOrder is the order of the briefing: by date of publication (for
// an article without one, its sort_date: about when it was written),
// articles with neither last, then by title.
func articleOrder(b *briefing.Briefing) []*briefing.Article {
	type keyed struct {
		a     *briefing.Article
		dated bool
		date  string // its ISO form, made once
	}
	ks := make([]keyed, len(b.Articles))
	for i, a := range b.Articles {
		d := a.Published
		if d == nil {
			d = a.SortDate
		}
		ks[i] = keyed{a: a, dated: d != nil}
		if d != nil {
			ks[i].date = d.ISO()
		}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		switch {
		case x.dated && y.dated && x.date != y.date:
			return strings.Compare(x.date, y.date)
		case x.dated != y.dated: // dated first
			if x.dated {
				return -1
			}
			return 1
		}
		return strings.Compare(x.a.Title, y.a.Title)
	})
	out := make([]*briefing.Article, len(ks))
	for i, k := range ks {
		out[i] = k.a
	}
	return out
}

func verdictScale() []map[string]string {
	var out []map[string]string
	for _, v := range briefing.Verdicts {
		rating := ""
		if n, ok := export.RatingValue(v); ok {
			rating = strconv.Itoa(n)
		}
		out = append(out, map[string]string{"verdict": string(v), "label": v.Label(), "rating": rating})
	}
	return out
}

func kindList() []map[string]string {
	var out []map[string]string
	for _, k := range briefing.Kinds {
		out = append(out, map[string]string{"kind": string(k), "label": k.Label()})
	}
	return out
}
