// The print edition (handout.html), the 404 page and the configuration that
// publishing needs.

package stage

import (
	"net/url"
	"slices"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
)

// content/handout.html is the whole briefing in one self-contained file.
// Its body, the cover and everything after it, is written by a Writer in
// pieces: handoutHead, the articles' texts (handoutArticle, made beside
// their pages), handoutEnd and handoutMethodology. The theme's
// handout.html wraps it in a document with the stylesheet inline.

// join returns the pieces put together in a buffer of their size.
func join(pieces ...[]byte) []byte {
	size := 0
	for _, p := range pieces {
		size += len(p)
	}
	out := make([]byte, 0, size)
	for _, p := range pieces {
		out = append(out, p...)
	}
	return out
}

// handoutHead is content/handout.html up to the first article's text: its
// front matter, the cover with the contents (tocs, the articles' entries),
// the overview and the timeline. The contents list the methodology when
// the briefing has one (handoutMethodology).
func handoutHead(b *briefing.Briefing, tocs [][]byte, o overview, hasClaims, hasSources bool, t *Text) []byte {
	h := newHTML(t, 4096+len(o.HTML)+len(o.Timeline)*512)
	h.raw("<header class=\"cover\">\n<p class=\"cover-kicker\">")
	h.tr("handout_kicker")
	h.raw("</p>\n<h1>")
	h.text(b.Index.Title)
	h.raw("</h1>\n")
	if b.Index.Summary != "" {
		h.raw(`<p class="lede">`)
		h.text(b.Index.Summary)
		h.raw("</p>")
	}
	h.raw("\n")
	if d := b.Index.Published; d != nil {
		h.coverDate("published", d)
		h.raw("\n")
	}
	if d := AsOf(b); d != nil {
		h.coverDate("as_of", d)
	}
	// What the site's footer says when every note cites its sources, which
	// paper does not print (print.css): said on the cover instead.
	if everyNoteCites(b) {
		h.raw("\n", `<p class="cover-note">`)
		h.tr("cover_cited")
		h.raw("</p>")
	}
	h.raw("\n", `<nav class="toc" aria-labelledby="toc-h">`, "\n", `<h2 id="toc-h">`)
	h.tr("contents")
	h.raw("</h2>\n<ol>\n")
	h.tocItem("overview", "overview")
	h.raw("\n")
	if len(o.Timeline) > 0 {
		h.tocItem("timeline", "timeline")
	}
	h.raw("\n")
	cover := appendBody(nil, h.String())

	h = newHTML(t, 4096+len(o.HTML)+len(o.Timeline)*512)
	h.raw("\n")
	if hasClaims {
		h.tocItem("claims", "claims")
	}
	h.raw("\n")
	if hasSources {
		h.tocItem("sources", "sources")
	}
	if m := b.Methodology; m != nil {
		h.raw("\n", `<li><a href="#methodology">`)
		h.text(m.Title)
		h.raw("</a></li>")
	}
	h.raw("\n</ol>\n</nav>\n</header>\n<main id=\"main\">\n",
		`<section class="handout-part" id="overview" aria-labelledby="overview-h">`, "\n", `<h2 id="overview-h">`)
	h.tr("overview")
	h.raw("</h2>\n")
	if o.HTML != "" {
		h.raw(`<div class="prose">`)
		prefixIDs(&h.Builder, o.HTML, overviewPrefix, "index.html")
		h.raw("</div>")
	}
	h.raw("\n</section>\n")
	h.timeline(`<section class="handout-part" id="timeline" aria-labelledby="timeline-h">`, o.Timeline, true)
	overview := appendBody(nil, h.String())
	pieces := make([][]byte, 0, 4+len(tocs))
	pieces = append(pieces, frontMatterJSON(frontMatter{Title: b.Index.Title, Layout: "handout"}), []byte{'\n'}, cover)
	pieces = append(pieces, tocs...)
	pieces = append(pieces, overview)
	return join(pieces...)
}

// handoutEnd is content/handout.html after the last article's text: the
// claims and the sources (handoutMethodology follows).
func handoutEnd(claims []claimData, groups []sourceGroupData, r *render.Renderer, t *Text) []byte {
	size := 1024
	for _, c := range claims {
		size += 1024 + len(c.HTML) + len(c.Appearances)*128
	}
	for _, g := range groups {
		for _, s := range g.Sources {
			size += 64 + len(s.HTML)
		}
	}
	h := newHTML(t, size)
	if len(claims) > 0 {
		h.handoutClaims(claims)
	}
	h.handoutSources(groups, r)
	return appendBody(nil, h.String())
}

// coverDate is a dated line of the cover: the label key's text and d.
func (h *markup) coverDate(key string, d *briefing.Date) {
	h.raw(`<p class="cover-date">`)
	h.tr(key)
	h.raw(` <time datetime="`, esc(d.ISO()), `">`)
	h.text(d.Long())
	h.raw("</time></p>")
}

// handoutSources is the handout's bibliography: every source in one list,
// alphabetical by citation, not in the sources page's groups, so that a
// reader of the printed copy finds "Pamuk 2025" in one place, as in a
// book's reference list. Each entry is a ref paragraph, as on the sources
// page and in an article's sources cited, so that it hangs as they do.
func (h *markup) handoutSources(groups []sourceGroupData, r *render.Renderer) {
	var all []sourceEntry
	for _, g := range groups {
		all = append(all, g.Sources...)
	}
	if len(all) == 0 {
		return
	}
	slices.SortFunc(all, func(a, b sourceEntry) int { return r.CompareSources(a.ID, b.ID) })
	h.raw(`<section class="handout-part" id="sources" aria-labelledby="sources-h">`, "\n", `<h2 id="sources-h">`)
	h.tr("sources")
	h.raw("</h2>\n<ul class=\"bibliography\">\n")
	for _, s := range all {
		h.raw(`<li id="src-`, esc(s.ID), `"><p class="ref">`, s.HTML, "</p></li>\n")
	}
	h.raw("</ul>\n</section>\n")
}

// handoutMethodology is the end of content/handout.html: the methodology,
// when the briefing has one (m, whose page's body is html), as its page
// shows it, with the verdict scale; its ids and in-page links prefixed
// with "methodology--" as an article's are with its slug (handoutHref
// points links to methodology.html there), so that a heading of its own
// ("Sources") does not take another part's id. The handout holds every
// page a reader needs to read the notes: what a kind of note is and what
// each verdict means are set out here.
func handoutMethodology(m *briefing.Page, html string, t *Text) []byte {
	if m == nil {
		return []byte("</main>\n")
	}
	h := newHTML(t, len(html)+len(html)/8+2048)
	h.raw(`<section class="handout-part" id="methodology" aria-labelledby="methodology-h">`, "\n", `<h2 id="methodology-h">`)
	h.text(m.Title)
	h.raw("</h2>\n<div class=\"prose\">")
	prefixIDs(&h.Builder, html, methodologyPrefix, "methodology.html")
	h.raw("</div>\n", `<section aria-labelledby="`, methodologyPrefix, `scale-h">`, "\n", `<h3 id="`, methodologyPrefix, `scale-h">`)
	h.tr("verdict_scale")
	h.raw("</h3>\n<ul class=\"scale\">\n")
	for _, v := range briefing.Verdicts {
		h.raw("<li>")
		h.verdictSpan(string(v), v.Label())
		if n, ok := export.RatingValue(v); ok {
			h.raw(` <span class="rating">(`)
			h.trN("verdict_rating", n)
			h.raw(")</span>")
		}
		h.raw("</li>\n")
	}
	h.raw("</ul>\n<p>")
	h.tr("verdict_ratings_note")
	h.raw("</p>\n</section>\n</section>\n</main>\n")
	return appendBody(nil, h.String())
}

// overviewPrefix is what the overview's ids, its headings', carry in the
// handout, whose own parts' ids (overview, timeline, claims, sources…)
// a heading of the overview may have. It is the prefix an article named
// index would take, which no article can be (input.ReservedSlug): an
// article named overview takes "overview--".
const overviewPrefix = "index--"

// methodologyPrefix is what the methodology's ids carry in the handout.
// No article can be named methodology (input.ReservedSlug), whose ids
// would carry the same.
const methodologyPrefix = "methodology--"

// handoutArticleID is the id of an article in the handout. Its ids inside
// carry "<slug>--"; the article itself is "article-<slug>", which no slug
// (single hyphens), no part of the handout (overview, timeline, main…),
// no claim (claim-…) and no source (src-…) can also be: an article named
// timeline.md or claim-x.md would otherwise take their place.
func handoutArticleID(slug string) string {
	return "article-" + slug
}

// handoutTOC is an article's entry in the handout's contents.
func handoutTOC(a *briefing.Article, t *Text) []byte {
	h := newHTML(t, 96+len(a.Slug)+len(a.Outlet)+len(a.Title))
	h.raw(`<li><a href="#`, esc(handoutArticleID(a.Slug)), `">`)
	h.text(a.Outlet)
	h.raw(": ")
	h.articleTitle(a)
	h.raw("</a></li>")
	return appendBody(nil, h.String())
}

// handoutClaims is the handout's table of claims.
func (h *markup) handoutClaims(claims []claimData) {
	h.raw(`<section class="handout-part" id="claims" aria-labelledby="claims-h">`, "\n", `<h2 id="claims-h">`)
	h.tr("claims")
	h.raw("</h2>\n<p class=\"lede\">")
	h.tr("claims_intro")
	h.raw("</p>\n<table class=\"claims-table\">\n<thead><tr><th scope=\"col\">")
	h.tr("claim")
	h.raw(`</th><th scope="col">`)
	h.tr("verdict")
	h.raw(`</th><th scope="col">`)
	h.tr("appears_in")
	h.raw("</th></tr></thead>\n<tbody>\n")
	for _, c := range claims {
		// The row's header has the id of the claim's heading on the
		// claims page, for a link to it (handoutHref).
		h.raw(`<tr id="claim-`, esc(c.ID), "\">\n", `<th scope="row" id="claim-`, esc(c.ID), `-h"><p class="claim-statement">`)
		h.text(c.Statement)
		h.raw("</p>")
		if c.HTML != "" {
			h.raw(`<div class="claim-note">`, handoutLinks(c.HTML, "claims.html"), "</div>")
		}
		h.raw("\n")
		h.cites(c.Cites, true)
		h.raw("</th>\n<td>")
		def := c.VerdictHref
		if def != "" {
			def = handoutHref(def, "claims.html")
		}
		h.verdict(c.Verdict, c.VerdictLabel, def)
		h.raw("</td>\n<td>")
		if len(c.Appearances) == 0 {
			h.raw("—")
		} else {
			h.raw(appearancesList)
			for _, ap := range c.Appearances {
				// As on the claims page: the note's number, which a
				// printed copy finds among the article's endnotes, and
				// its own verdict where the wording fares differently.
				h.raw("<li>")
				h.appearanceHead(&ap, "#"+ap.Article+"--anno-"+ap.NoteID, false)
				h.raw("</li>")
			}
			h.raw("</ul>")
		}
		h.raw("</td>\n</tr>\n")
	}
	h.raw("</tbody>\n</table>\n</section>\n")
}

// handoutArticle is an article as the handout shows it: its provenance,
// its text (body, articleBody) without sidenotes and with every id and
// in-page link prefixed by the slug and "--", and its endnotes; "{{"
// written as character references (appendBody).
func handoutArticle(a *briefing.Article, body string, notes []noteData, t *Text) []byte {
	p, page := a.Slug+"--", export.ArticlePage(a.Slug)
	h := newHTML(t, len(body)+len(body)/8+len(notes)*1536+2048)
	h.raw(`<article class="article handout-article" id="`, esc(handoutArticleID(a.Slug)), `" aria-labelledby="`, esc(p), "title\">\n")
	h.provenance(a, "h2", p)
	h.raw("<div class=\"body\"", langOf(a), ">\n")
	prefixIDs(&h.Builder, body, p, page)
	h.raw("\n</div>\n")
	h.quoteLang = langOf(a)
	h.endnotes(notes, p, page)
	h.raw("</article>\n")
	return appendBody(nil, h.String())
}

// provenance is an article's header: outlet, title, byline, date, what it
// relies on, the original's address.
func (h *markup) provenance(a *briefing.Article, heading, prefix string) {
	h.raw("<header class=\"provenance\">\n<p class=\"outlet\">")
	h.text(a.Outlet)
	h.raw("</p>\n<", heading, ` id="`, esc(prefix), `title"`, langOf(a), `>`)
	h.text(a.Title)
	h.raw("</", heading, ">\n<dl class=\"meta\">\n")
	if a.Author != "" {
		h.raw("<dt>")
		h.tr("byline")
		h.raw("</dt><dd>")
		h.text(a.Author)
		h.raw("</dd>")
	}
	h.raw("\n<dt>")
	h.tr("published")
	h.raw("</dt>\n<dd>")
	switch {
	case a.Published != nil:
		h.raw(`<time datetime="`, esc(a.Published.ISO()), `">`)
		h.text(a.Published.Long())
		h.raw("</time>")
		if a.DateNote != "" {
			h.raw(" (")
			h.text(a.DateNote)
			h.raw(")")
		}
	case a.DateNote != "":
		h.text(a.DateNote)
	default:
		h.tr("undated")
	}
	h.raw("</dd>\n")
	if len(a.ReliesOn) > 0 {
		h.raw("<dt>")
		h.tr("relies_on_label")
		h.raw("</dt><dd>")
		h.text(strings.Join(a.ReliesOn, ", "))
		h.raw("</dd>")
	}
	h.raw("\n<dt>")
	h.tr("original")
	h.raw(`</dt><dd><a class="original" href="`, escURL(a.URL), `">`)
	h.text(a.URL)
	h.raw("</a></dd>\n</dl>\n")
	if a.Summary != "" {
		h.raw(`<p class="lede">`)
		h.text(a.Summary)
		h.raw("</p>")
	}
	h.raw("\n<p class=\"reproduced\">")
	h.tr("reproduced")
	h.raw("</p>\n</header>\n")
}

// prefixedAttrs are the attributes whose values name an element of the
// page; on the handout they carry the article's prefix.
var prefixedAttrs = []string{"id", "for", "aria-describedby", "aria-labelledby", "aria-controls", "aria-details"}

// prefixIDs writes body, the text of the article whose page is page (or
// of the overview or the methodology), with prefix put before the value
// of every attribute that names an element (after white space: ` id="`),
// every link to the page itself or to another page of the site made a
// link within the handout (handoutHref: an in-page link's fragment takes
// the prefix too, unless it names an id the handout has as the page does,
// like #main), and its headings a level lower (writeShifted).
func prefixIDs(b *strings.Builder, body, prefix, page string) {
	last := 0
	for i := 0; ; {
		j := strings.Index(body[i:], `="`)
		if j < 0 {
			break
		}
		eq := i + j // the '='
		val := eq + 2
		i = val
		name := body[:eq]
		k := strings.LastIndexFunc(name, func(r rune) bool { return !isAttrNameByte(r) })
		if k < 0 || !isSpace(name[k]) {
			continue
		}
		name = name[k+1:]
		match := false
		if name == "href" {
			if strings.HasPrefix(body[val:], "#note-") || strings.HasPrefix(body[val:], "#ref-") {
				// An article's marker or backlink, most of its links:
				// as handoutHref would, without parsing it.
				match = true
				val++
			} else if end := strings.IndexByte(body[val:], '"'); end >= 0 && render.IsRelative(body[val:val+end]) {
				// A link to the page itself or to another page of the
				// site (checked when rendered): to its part of the
				// handout.
				end += val
				writeShifted(b, body[last:val])
				b.WriteString(handoutHref(body[val:end], page))
				last, i = end, end
				continue
			}
		} else {
			for _, a := range prefixedAttrs {
				if name == a {
					match = true
					break
				}
			}
		}
		if match {
			writeShifted(b, body[last:val])
			b.WriteString(prefix)
			last = val
			i = val
		}
	}
	writeShifted(b, body[last:])
}

// writeShifted writes html to b with every heading one level lower, h2
// as h3 and so on (h6 stays h6): in the handout an article's title is an
// h2 under the briefing's h1, so the article's own headings (## and lower:
// a level-one heading is an input error) come under it, as the overview's
// do under its h2.
func writeShifted(b *strings.Builder, html string) {
	last := 0
	for i := 0; ; {
		j := strings.IndexByte(html[i:], '<')
		if j < 0 {
			break
		}
		k := i + j + 1 // after the '<'
		if k < len(html) && html[k] == '/' {
			k++
		}
		i = k
		if k+2 < len(html) && html[k] == 'h' && '1' <= html[k+1] && html[k+1] <= '5' && (html[k+2] == '>' || html[k+2] == ' ') {
			b.WriteString(html[last : k+1])
			b.WriteByte(html[k+1] + 1)
			last = k + 2
		}
	}
	b.WriteString(html[last:])
}

func isAttrNameByte(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// AsOf is the date of the briefing as the handout's cover gives it: its
// latest date (an article's publication or a timeline entry), so that two
// builds of the same briefing are the same, whatever day they run. It is nil
// when the briefing has no date at all.
func AsOf(b *briefing.Briefing) *briefing.Date {
	var latest *briefing.Date
	later := func(d *briefing.Date) {
		if d != nil && (latest == nil || d.ISO() > latest.ISO()) {
			latest = d
		}
	}
	for _, a := range b.Articles {
		later(a.Published)
	}
	for i := range b.Index.Timeline {
		later(&b.Index.Timeline[i].Date)
	}
	return latest
}

// publishing adds to the Hugo configuration what hosting needs: a 404
// page, and a sitemap only when the site has an absolute address (a sitemap
// lists absolute addresses), with a robots.txt naming it when that address
// is a host's root, the only place crawlers ask for one.
//
// Hugo itself always gets "/" as its base URL, so that relativeURLs turns
// every link into one relative to its page: given a base URL with a path
// (https://example.org/sub/), Hugo would write "../sub/index.html", which
// works on the server but not from disk. The theme writes absolute
// addresses (canonical link, sitemap, 404 links) from params.baseURL.
// atHostRoot reports whether base, a site's address, is a host's root
// (https://example.org/), not a folder on it.
func atHostRoot(base string) bool {
	u, err := url.Parse(base)
	return base != "" && err == nil && (u.Path == "" || u.Path == "/")
}

func publishing(cfg map[string]any, opt Options) {
	disabled := []string{"taxonomy", "term", "rss", "section"}
	if baseURL(opt) == "" || opt.NoIndex {
		disabled = append(disabled, "sitemap") // none to list, or none for a copy kept out of search engines
	}
	cfg["disableKinds"] = disabled
	cfg["enableRobotsTXT"] = atHostRoot(baseURL(opt))
	cfg["baseURL"] = "/"
	params := cfg["params"].(map[string]any)
	params["baseURL"] = baseURL(opt)
	params["hasPDF"] = opt.PDF
	params["hasZip"] = !opt.NoZip
	params["noindex"] = opt.NoIndex
}
