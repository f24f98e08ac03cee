// The all-notes page: every note of every article, grouped by article,
// each linking to its passage. It is what the search finds, for readers
// without JavaScript.

package stage

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

type notesArticle struct {
	Slug   string     `json:"slug"`
	Outlet string     `json:"outlet"`
	Title  string     `json:"title"`
	Href   string     `json:"href"`
	Notes  []noteData `json:"notes"`
}

func notesData(r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) []notesArticle {
	var out []notesArticle
	for _, a := range order {
		ra := arts[a.Slug]
		if ra == nil || len(ra.Notes) == 0 {
			continue
		}
		na := notesArticle{Slug: a.Slug, Outlet: a.Outlet, Title: a.Title, Href: "articles/" + a.Slug + ".html"}
		for _, n := range ra.Notes {
			na.Notes = append(na.Notes, newNoteData(r, n, rebase(n.HTML, a.Slug), cites(r.Cites(n.Note.Cites, "")), ""))
		}
		out = append(out, na)
	}
	return out
}

// notesPage is the body of the all-notes page: every article's notes.
func notesPage(articles []notesArticle, t *Text) string {
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
			h.raw("\n · ", `<a href="`, href, "#anno-", id, `">`)
			h.tr("passage")
			h.raw(`</a> · <a href="`, href, "#note-", id, `">`)
			h.tr("note_in_article")
			h.raw("</a></p>\n", `<blockquote class="note-quote"><p>`)
			h.text(n.Quote)
			h.raw("</p></blockquote>\n", `<div class="note-text">`, n.HTML, "</div>\n")
			h.cites(t.T("sources"), n.Cites, false)
			h.raw("\n")
			if n.Claim != nil {
				h.claimLink(n.Claim, n.Claim.Href)
			}
			h.raw("\n</li>\n")
		}
		h.raw("</ol>\n</section>\n")
	}
	return h.String()
}

var hrefAttr = regexp.MustCompile(`href="([^"]*)"`)

// rebase rewrites the relative links of a note, written for its article's
// page, for a page at the site's root.
func rebase(h, slug string) string {
	return hrefAttr.ReplaceAllStringFunc(h, func(m string) string {
		v := m[len(`href="`) : len(m)-1]
		u, err := url.Parse(v)
		switch {
		case err != nil || u.Scheme != "" || strings.HasPrefix(v, "/"):
			return m
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
