// The pages made of every article as they were written before they were
// made of per-article parts (the search index with encoding/json's
// reflection), kept as the oracle of parts_test.go.

package stage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
)

var oldSearchKinds = []string{"Article text", "Note", "Claim", "Source"}

// oldSearchDoc is [kind, title, href, text], and [lang, titleFrom,
// titleTo, from, to] after them for words in another language.
type oldSearchDoc []any

// oldJSLen is the length of s in JavaScript's UTF-16 code units.
func oldJSLen(s string) int { return len(utf16.Encode([]rune(s))) }

// oldReferenceText is a reference's text, and where its title marked with
// lang is in it, found by putting private-use characters around it.
func oldReferenceText(ref, lang string) (string, []any) {
	open := `<span lang="` + lang + `">`
	i := strings.Index(ref, open)
	if lang == "" || i < 0 {
		return oldPlainText(ref), nil
	}
	j := i + strings.Index(ref[i:], "</span>")
	t := oldPlainText(ref[:i+len(open)] + "\ue000" + ref[i+len(open):j] + "\ue001" + ref[j:])
	from, to := strings.Index(t, "\ue000"), strings.Index(t, "\ue001")
	t = strings.NewReplacer("\ue000", "", "\ue001", "").Replace(t)
	return t, []any{lang, 0, 0, oldJSLen(t[:from]), oldJSLen(t[:to-len("\ue000")])}
}

type oldNotesArticle struct {
	Slug   string     `json:"slug"`
	Outlet string     `json:"outlet"`
	Title  string     `json:"title"`
	Href   string     `json:"href"`
	Notes  []noteData `json:"notes"`
}

// oldSearchFiles returns the search page and its index: a classic script
// that sets window.BRIEFING_SEARCH, so that the page works from file://
// (no fetch). The index's name carries a hash of its contents, so that a
// host may cache it for good.
func oldSearchFiles(b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) (Files, string) {
	var docs []oldSearchDoc
	for _, a := range order {
		ra := arts[a.Slug]
		if ra == nil {
			continue
		}
		off := 0
		for _, para := range strings.Split(ra.Text, "\n\n") {
			if strings.TrimSpace(para) != "" {
				d := oldSearchDoc{0, a.Outlet + ": " + a.Title, paragraphHref(a, ra, off, off+len(para)), para}
				if l := briefing.Foreign(a.Language); l != "" {
					d = append(d, []any{l, oldJSLen(a.Outlet + ": "), oldJSLen(a.Outlet + ": " + a.Title), 0, oldJSLen(para)})
				}
				docs = append(docs, d)
			}
			off += len(para) + 2
		}
	}
	for _, a := range order {
		if ra := arts[a.Slug]; ra != nil {
			for _, n := range ra.Notes {
				title := a.Outlet + ", note " + strconv.Itoa(n.Number) + " (" + n.Kind.Label()
				if n.Verdict != "" {
					title += ": " + n.Verdict.Label()
				}
				if n.Claimant.Name != "" && n.Claimant.Name != a.Outlet {
					title += "; claim by " + n.Claimant.Name
				}
				d := oldSearchDoc{1, title + ")", "articles/" + a.Slug + ".html#note-" + n.ID,
					"“" + n.Quote + "” " + oldPlainText(n.HTML)}
				if l := briefing.Foreign(a.Language); l != "" {
					d = append(d, []any{l, 0, 0, 1, 1 + oldJSLen(n.Quote)})
				}
				docs = append(docs, d)
			}
		}
	}
	var quiet diag.List // problems in claims are reported by the claims page
	for _, c := range b.Claims {
		title := c.Statement + " (" + c.Verdict.Label()
		if c.Claimant.Name != "" {
			title += "; claim by " + c.Claimant.Name
		}
		docs = append(docs, oldSearchDoc{2, title + ")", "claims.html#claim-" + c.ID,
			oldPlainText(r.Markdown(c.Body, "a claim", &quiet))})
	}
	for _, s := range b.Sources {
		text, l := oldReferenceText(r.Reference(s), render.TitleLang(s))
		d := oldSearchDoc{3, r.Label(s.ID), "sources.html#src-" + s.ID, text}
		if l != nil {
			d = append(d, l)
		}
		docs = append(docs, d)
	}
	data, err := json.Marshal(map[string]any{"kinds": oldSearchKinds, "docs": docs})
	if err != nil {
		panic("stage: the search index does not encode: " + err.Error()) // only strings and numbers
	}
	// JSON is a JavaScript expression once U+2028 and U+2029 are escaped,
	// which encoding/json does; "</" cannot end a script that is a file.
	js := append([]byte("window.BRIEFING_SEARCH="), data...)
	js = append(js, ";\n"...)
	sum := sha256.Sum256(js)
	name := "js/search-index." + hex.EncodeToString(sum[:]) + ".js"
	return Files{"static/" + name: js}, name
}

func oldNotesData(r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article, labels map[string]map[string]string) []oldNotesArticle {
	var out []oldNotesArticle
	for _, a := range order {
		ra := arts[a.Slug]
		if ra == nil || len(ra.Notes) == 0 {
			continue
		}
		na := oldNotesArticle{Slug: a.Slug, Outlet: a.Outlet, Title: a.Title, Href: "articles/" + a.Slug + ".html"}
		for _, n := range ra.Notes {
			html := oldLabelPageLinks(oldRebase(numberNoteLinks(n.HTML, export.ArticlePage(a.Slug), noteNumbers(ra)), a.Slug), "notes.html", a.Slug, labels)
			na.Notes = append(na.Notes, newNoteData(r, n, html, cites(r.Cites(n.Note.Cites, "")), "", a.Outlet))
		}
		out = append(out, na)
	}
	return out
}

// notesPage is the body of the all-notes page: every article's notes,
// then, since 2026-12-07, the sources they cite, in full (citedList).
func oldNotesPage(articles []oldNotesArticle, r *render.Renderer, t *Text) string {
	size := 256
	for _, a := range articles {
		size += 512
		for _, n := range a.Notes {
			size += 1024 + len(n.HTML) + len(n.Quote)
		}
	}
	h := newHTML(t, size)
	if len(articles) == 0 {
		h.raw("<p>")
		h.tr("notes_none")
		h.raw("</p>\n")
		return h.String()
	}
	// The contents list, since 2026-12-07 (notesTOC), with its line to the
	// sources cited (notesCited) when a note cites one.
	cited := ""
	for _, a := range articles {
		for _, n := range a.Notes {
			if len(n.Cites) > 0 {
				cited = "sources_cited"
			}
		}
	}
	h.toc("notes-toc-h", "ol", func() {
		for _, a := range articles {
			h.raw(`<li><a href="#notes-`, esc(a.Slug), `">`)
			h.text(a.Outlet)
			h.raw(": ")
			h.text(a.Title)
			h.raw("</a> (")
			h.trN("notes_count", len(a.Notes))
			h.raw(")</li>")
		}
	}, cited)
	for _, a := range articles {
		slug, href := esc(a.Slug), escURL(a.Href)
		h.raw(`<section class="notes-article" aria-labelledby="notes-`, slug, "\">\n",
			`<h2 id="notes-`, slug, `"><span class="card-outlet">`)
		h.text(a.Outlet)
		h.raw(`</span> <a href="`, href, `">`)
		h.text(a.Title)
		h.raw("</a></h2>\n<ol class=\"all-notes\">\n")
		for i := range a.Notes {
			n := &a.Notes[i]
			id := esc(n.ID)
			h.raw(`<li id="`, slug, "--", id, `" value="`, strconv.Itoa(n.Number), `" class="note note-`, esc(n.Kind), "\">\n",
				`<p class="note-head">`)
			h.noteHead(n)
			h.claimant(n.Claimant) // since 2026-12-07
			h.raw("\n<span class=\"note-links\"> · ", `<a href="`, href, "#anno-", id, `">`)
			h.whose(a.Outlet, n.Number)
			h.tr("passage")
			h.raw(`</a> · <a href="`, href, "#note-", id, `">`)
			h.whose(a.Outlet, n.Number)
			h.tr("note_in_article")
			h.raw("</a></span></p>\n", `<blockquote class="note-quote"><p>`)
			h.text(n.Quote)
			h.raw("</p></blockquote>\n", `<div class="note-text">`, n.HTML, "</div>\n")
			h.cites(n.Cites, false)
			h.raw("\n")
			if n.Claim != nil {
				h.claimLink(n.Claim, n.Claim.Href)
			}
			h.raw("\n</li>\n")
		}
		h.raw("</ol>\n</section>\n")
	}
	var lists [][]citeData
	for _, a := range articles {
		for _, n := range a.Notes {
			lists = append(lists, n.Cites)
		}
	}
	h.citedList(lists, "sources_cited", r)
	return h.String()
}

// handout adds content/handout.html: the whole briefing in one
// self-contained file. Its body, the cover and everything after it, is
// written here from the other pages' data (the articles' parts, made beside
// their pages, in parts); the theme's handout.html wraps it in a document
// with the stylesheet inline. It returns the number of pages added.
func oldHandout(f Files, b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, parts []string, o overview, claims []claimData, groups []sourceGroupData, method string, t *Text) int {
	size := 4096 + len(o.HTML)
	for _, p := range parts {
		size += len(p)
	}
	for _, c := range claims {
		size += 1024 + len(c.HTML) + len(c.Appearances)*128
	}
	for _, g := range groups {
		for _, s := range g.Sources {
			size += 64 + len(s.HTML)
		}
	}
	h := newHTML(t, size)
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
	if d := AsOf(b); d != nil {
		h.raw(`<p class="cover-date">`)
		h.tr("as_of")
		h.raw(` <time datetime="`, esc(d.ISO()), `">`)
		h.text(d.Long())
		h.raw("</time></p>")
	}
	if everyNoteCites(b) {
		h.raw("\n", `<p class="cover-note">`)
		h.tr("cover_cited")
		h.raw("</p>")
	}
	h.raw("\n", `<nav class="toc" aria-labelledby="toc-h">`, "\n", `<h2 id="toc-h">`)
	h.tr("contents")
	h.raw("</h2>\n<ol>\n<li><a href=\"#overview\">")
	h.tr("overview")
	h.raw("</a></li>\n")
	if len(o.Timeline) > 0 {
		h.raw(`<li><a href="#timeline">`)
		h.tr("timeline")
		h.raw("</a></li>")
	}
	h.raw("\n")
	for i, a := range order {
		if parts[i] == "" {
			continue
		}
		h.raw(`<li><a href="#article-`, esc(a.Slug), `">`)
		h.text(a.Outlet)
		h.raw(": ")
		h.text(a.Title)
		h.raw("</a></li>")
	}
	h.raw("\n")
	if len(claims) > 0 {
		h.raw(`<li><a href="#claims">`)
		h.tr("claims")
		h.raw("</a></li>")
	}
	h.raw("\n")
	if len(groups) > 0 {
		h.raw(`<li><a href="#sources">`)
		h.tr("sources")
		h.raw("</a></li>")
	}
	if b.Methodology != nil {
		h.raw("\n", `<li><a href="#methodology">`)
		h.text(b.Methodology.Title)
		h.raw("</a></li>")
	}
	h.raw("\n</ol>\n</nav>\n</header>\n<main id=\"main\">\n",
		`<section class="handout-part" id="overview" aria-labelledby="overview-h">`, "\n", `<h2 id="overview-h">`)
	h.tr("overview")
	h.raw("</h2>\n")
	if o.HTML != "" {
		h.raw(`<div class="prose">`, oldShiftHeadings(handoutLinks(strings.ReplaceAll(o.HTML, ` id="`, ` id="index--`), "index.html")), "</div>")
	}
	h.raw("\n</section>\n")
	if len(o.Timeline) > 0 {
		h.raw(`<section class="handout-part" id="timeline" aria-labelledby="timeline-h">`, "\n", `<h2 id="timeline-h">`)
		h.tr("timeline")
		h.raw("</h2>\n<ol class=\"timeline\">\n")
		for _, e := range o.Timeline {
			h.raw(`<li id="`, esc(e.ID), `"><time datetime="`, esc(e.ISO), `">`)
			h.text(e.Label)
			h.raw("</time>\n", `<div class="timeline-text">`, e.HTML, "\n")
			h.cites(e.Cites, true)
			h.raw("</div>\n</li>\n")
		}
		h.raw("</ol>\n</section>\n")
	}
	for _, p := range parts {
		h.raw(p)
	}
	if len(claims) > 0 {
		h.handoutClaims(claims)
	}
	h.handoutSources(groups, r)
	h.raw(string(handoutMethodology(b.Methodology, method, t)))
	f["content/handout.html"] = oldPage(frontMatter{Title: b.Index.Title, Layout: "handout"}, h.String())
	return 1
}

// page writes a Hugo content file: JSON front matter, then the HTML body.
// "{{" is written as character references so that Hugo never reads text of
// the briefing as a shortcode. The JSON is not indented: at a thousand
// articles indenting took a quarter of the generator's time.
func oldPage(fm frontMatter, body string) []byte {
	data, err := json.Marshal(fm)
	if err != nil {
		panic(fmt.Sprintf("stage: front matter does not encode: %v", err)) // only plain data is encoded
	}
	body = strings.ReplaceAll(body, "{{", "&#123;&#123;")
	return append(append(data, '\n'), body...)
}

// articlePage is an article's content file. Its body is the page's text
// (since 2026-12-07 with its links to its own notes numbered, articleBody),
// each note's in-text form (the theme's sidenote) put where the renderer
// left its slot, and the endnotes.
func oldArticlePage(a *briefing.Article, r *render.Renderer, ra *render.Article, weight int, t *Text) []byte {
	notes := articleNotes(r, a, ra)
	h := newHTML(t, len(ra.Body)*3+len(notes)*2048)
	h.raw("<div class=\"body\">\n")
	h.withSidenotes(articleBody(a, ra), notes)
	h.raw("\n</div>\n")
	h.endnotes(notes, "", "")
	h.citedSources(notes, r)
	return oldPage(articleMatter(a, weight), h.String())
}

// handoutArticle is an article as the handout shows it: its provenance,
// its text without sidenotes and with every id and in-page link prefixed by
// the slug and "--" (its links to its own notes numbered as on its page),
// and its endnotes.
func oldHandoutArticle(a *briefing.Article, ra *render.Article, notes []noteData, t *Text) string {
	p := a.Slug + "--"
	h := newHTML(t, len(ra.Body)+len(ra.Body)/8+len(notes)*1536+2048)
	h.raw(`<article class="article handout-article" id="article-`, esc(a.Slug), `" aria-labelledby="`, esc(p), "title\">\n")
	h.provenance(a, "h2", p)
	h.raw("<div class=\"body\">\n")
	prefixIDs(&h.Builder, articleBody(a, ra), p, export.ArticlePage(a.Slug))
	h.raw("\n</div>\n")
	h.endnotes(notes, p, export.ArticlePage(a.Slug))
	h.raw("</article>\n")
	return h.String()
}

var (
	oldTags      = regexp.MustCompile(`<[^>]*>`)
	oldInlineTag = regexp.MustCompile(`^(?i)</?(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)([\s/][^>]*)?>$`)
)

// oldHeadingTag is a heading's start or end tag, h1 to h5.
var oldHeadingTag = regexp.MustCompile(`<(/?)h([1-5])([ >])`)

// oldShiftHeadings is writeShifted by a regular expression: every heading
// of html one level lower.
func oldShiftHeadings(html string) string {
	return oldHeadingTag.ReplaceAllStringFunc(html, func(m string) string {
		g := oldHeadingTag.FindStringSubmatch(m)
		return "<" + g[1] + "h" + string(g[2][0]+1) + g[3]
	})
}

// oldPlainText is the text of rendered HTML.
func oldPlainText(h string) string {
	h = oldTags.ReplaceAllStringFunc(h, func(tag string) string {
		if oldInlineTag.MatchString(tag) {
			return ""
		}
		return " "
	})
	return strings.Join(strings.Fields(html.UnescapeString(h)), " ")
}

var oldHrefAttr = regexp.MustCompile(`href="([^"]*)"`)

// oldRebase rewrites the relative links of a note, written for its article's
// page, for a page at the site's root.
func oldRebase(h, slug string) string {
	return oldHrefAttr.ReplaceAllStringFunc(h, func(m string) string {
		v := m[len(`href="`) : len(m)-1]
		u, err := url.Parse(v)
		switch {
		case err != nil || v == "" || u.Scheme != "" || strings.HasPrefix(v, "/"):
			return m // not a relative link: render.IsRelative("") is false
		case strings.HasPrefix(v, "#"):
			v = "articles/" + slug + ".html" + v
		case strings.HasPrefix(v, "../"):
			v = strings.TrimPrefix(v, "../")
		default:
			v = "articles/" + v
		}
		return `href="` + v + `"`
	})
}
