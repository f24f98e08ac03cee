// Package export writes the briefing in the forms other tools read:
//
//   - a W3C Web Annotation collection (annotations.jsonld), one annotation
//     per note, anchored by text quote and text position;
//   - schema.org ClaimReview JSON-LD for every page that carries a verdict;
//   - a JSON dump of the whole briefing model (briefing.json).
//
// It works on data only (the loaded briefing and its rendered articles) and
// returns bytes; package stage puts them in the Hugo project.
//
// # Addresses
//
// With a base URL (build --base-url) every address is absolute. Without one
// the exports use references relative to the file they are in, which JSON-LD
// resolves against the document's own address, so a copy opened from disk
// still points at its own pages.
//
// # Characters
//
// Text positions count Unicode code points (characters, as the Web
// Annotation model says), not bytes, in the article's text as a reader sees
// it, paragraphs separated by one blank line; briefing.json carries that text
// as "text" for each article.
package export

import (
	"slices"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// Briefing is what the exports are made from.
type Briefing struct {
	*briefing.Briefing
	Order    []*briefing.Article        // the articles in the briefing's reading order
	Rendered map[string]*render.Article // by slug
	BaseURL  string                     // "" or an absolute address ending in "/"
}

// ArticlePage is the site path of an article's page.
func ArticlePage(slug string) string { return "articles/" + slug + ".html" }

// ClaimsPage is the site path of the claims page.
const ClaimsPage = "claims.html"

// url returns the address of a site path (no leading slash) as seen from a
// document at site path from: absolute with a base URL, relative otherwise.
// home is the address of the briefing's home page from the page at from:
// the site's own address when it has one (https://example.org/briefing/,
// as its canonical link gives it), else index.html relative to from.
func (b *Briefing) home(from string) string {
	if b.BaseURL != "" {
		return b.BaseURL
	}
	return b.url(from, "index.html")
}

func (b *Briefing) url(from, path string) string {
	if b.BaseURL != "" {
		return b.BaseURL + path
	}
	if path == from {
		return ""
	}
	if i := lastSlash(path); i >= 0 && i == lastSlash(from) && path[:i] == from[:i] {
		return path[i+1:]
	}
	up := ""
	for range count(from, '/') {
		up += "../"
	}
	return up + path
}

// noteHTML is a note's HTML as the exports carry it: its relative links,
// written for its article's page, made relative to the site's root, where
// the exports are, or absolute with a base URL.
func (b *Briefing) noteHTML(h, slug string) string {
	out := render.RootLinks(h, slug)
	if b.BaseURL != "" && out != h {
		out = render.RewriteLinks(out, prefixBase, b.BaseURL)
	}
	return out
}

func prefixBase(v, base string) string { return base + v }

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

func count(s string, c byte) int {
	n := 0
	for i := range len(s) {
		if s[i] == c {
			n++
		}
	}
	return n
}

// Characters converts a byte offset in s to a count of code points.
func Characters(s string, byteOff int) int {
	return utf8.RuneCountInString(s[:byteOff])
}

// passages returns, for each note of ra, the start and end of its passage
// in code points of ra.Text: Characters of every note's offsets, counted in
// one pass over the text rather than from its start for each offset.
func passages(ra *render.Article) [][2]int {
	offs := make([]int, 0, 2*len(ra.Notes))
	for _, n := range ra.Notes {
		offs = append(offs, n.Start, n.End)
	}
	slices.Sort(offs)
	offs = slices.Compact(offs)
	chars := make(map[int]int, len(offs))
	at, count := 0, 0
	for _, off := range offs {
		count += utf8.RuneCountInString(ra.Text[at:off])
		at = off
		chars[off] = count
	}
	out := make([][2]int, len(ra.Notes))
	for i, n := range ra.Notes {
		out[i] = [2]int{chars[n.Start], chars[n.End]}
	}
	return out
}

// Part is one article's part of every export: its object in
// briefing.json, its annotations in annotations.jsonld, the article as a
// claim's appearance in the claims page's JSON-LD, and its own page's
// JSON-LD. It depends only on the article, its rendering and what every
// article shares (the briefing's title, the base URL), so that the parts
// are made on every core and the live preview keeps those of the articles
// that did not change; the whole files are the parts put together
// (ModelOf, AnnotationsOf, ClaimReviewsOf).
type Part struct {
	model           []byte   // its object in briefing.json's articles, after a comma
	annotationItems []byte   // its notes' annotations, each after a comma
	annotations     int      // how many
	appearance      []byte   // its appearance in the claims page's JSON-LD, after a comma
	claims          []string // the claims its notes point at, each once, in order
	// Reviews is the ClaimReview JSON-LD of the article's page (see
	// ArticleReviews); nil when the article has no verdict.
	Reviews []byte
}

// Sizes returns how many bytes the part adds to briefing.json and to
// annotations.jsonld (Stream.Add), for a writer to make room.
func (p *Part) Sizes() (model, annotations int) {
	return len(p.model), len(p.annotationItems)
}

// Part returns article a's part (a in b.Order).
func (b *Briefing) Part(a *briefing.Article) *Part { return b.part(a, b.Rendered[a.Slug]) }

func (b *Briefing) part(a *briefing.Article, ra *render.Article) *Part {
	p := &Part{}
	size := 1024 + len(a.Body.Text)
	if ra != nil {
		size += len(ra.Text)
		for _, n := range ra.Notes {
			size += 256 + len(n.HTML) + len(n.Body.Text) + len(n.Quote)
		}
	}
	w := &JSON{B: make([]byte, 0, size)}
	w.Within(2)
	b.modelArticle(w, a, ra)
	p.model = w.B
	if ra == nil {
		return p
	}
	p.annotationItems = b.annotationItems(a, ra)
	p.annotations = len(ra.Notes)
	p.Reviews = b.articleReviews(a, ra)
	for _, n := range ra.Notes {
		if id := n.Claim.ID; id != "" && !slices.Contains(p.claims, id) {
			p.claims = append(p.claims, id)
		}
	}
	if len(p.claims) > 0 {
		w := &JSON{HTML: true, Indent: true}
		w.Within(appearanceDepth)
		appearance(w, a)
		p.appearance = w.B
	}
	return p
}

// Parts returns the part of every article, in b.Order.
func (b *Briefing) Parts() []*Part {
	parts := make([]*Part, len(b.Order))
	for i, a := range b.Order {
		parts[i] = b.Part(a)
	}
	return parts
}

// join returns head, then the parts, elements of an array each written
// after a comma (dropped from the first), then end and tail, in a buffer of
// their size.
func join(head []byte, parts [][]byte, end string, tail []byte) []byte {
	size := len(head) + len(end) + len(tail)
	for _, p := range parts {
		size += len(p)
	}
	out := make([]byte, 0, size)
	out = append(out, head...)
	first := true
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if first {
			p, first = p[1:], false
		}
		out = append(out, p...)
	}
	out = append(out, end...)
	return append(out, tail...)
}
