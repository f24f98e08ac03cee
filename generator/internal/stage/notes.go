// The all-notes page: every note of every article, grouped by article,
// each linking to its passage. It is what the search finds, for readers
// without JavaScript.

package stage

import (
	"slices"
	"strconv"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
)

// notesSection is an article's section of the all-notes page, "{{" written
// as character references (appendBody); nil when it has no notes.
func notesSection(r *render.Renderer, a *briefing.Article, ra *render.Article, t *Text) []byte {
	if len(ra.Notes) == 0 {
		return nil
	}
	size := 512
	for _, n := range ra.Notes {
		size += 1024 + len(n.HTML) + len(n.Quote)
	}
	h := newHTML(t, size)
	slug, href := esc(a.Slug), escURL("articles/"+a.Slug+".html")
	h.raw(`<section class="notes-article" aria-labelledby="notes-`, slug, "\">\n",
		`<h2 id="notes-`, slug, `"><span class="card-outlet">`)
	h.text(a.Outlet)
	h.raw(`</span> <a href="`, href, `"`, langOf(a), `>`)
	h.text(a.Title)
	h.raw("</a></h2>\n<ol class=\"all-notes\">\n")
	numbers, page := noteNumbers(ra), export.ArticlePage(a.Slug)
	for _, rn := range ra.Notes {
		n := newNoteData(r, rn, render.RootLinks(numberNoteLinks(rn.HTML, page, numbers), a.Slug), cites(r.Cites(rn.Note.Cites, "")), "", a.Outlet)
		id := esc(n.ID)
		h.raw(`<li id="`, slug, "--", id, `" value="`, strconv.Itoa(n.Number), `" class="note note-`, esc(n.Kind), "\">\n",
			`<p class="note-head">`)
		h.noteHead(&n)
		h.claimant(n.Claimant)
		h.raw("\n<span class=\"note-links\"> · ", `<a href="`, href, "#anno-", id, `">`)
		h.whose(a.Outlet, n.Number)
		h.tr("passage")
		h.raw(`</a> · <a href="`, href, "#note-", id, `">`)
		h.whose(a.Outlet, n.Number)
		h.tr("note_in_article")
		h.raw("</a></span></p>\n", `<blockquote class="note-quote"`, langOf(a), `><p>`)
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
	return appendBody(nil, h.String())
}

// notesTOC is the all-notes page's contents list: each article that has
// notes, in the page's order, with how many, and the sources they cite
// when one does (notesCited; nil when no article has notes). Made before
// the articles are staged, when every article's notes are there; the page
// runs to dozens of printed pages and had none.
func notesTOC(order []*briefing.Article, t *Text) []byte {
	h := newHTML(t, 128*len(order))
	any, cited := false, ""
	for _, a := range order {
		if slices.ContainsFunc(a.Notes, func(n *briefing.Note) bool { return len(n.Cites) > 0 }) {
			cited = "sources_cited"
			break
		}
	}
	h.toc("notes-toc-h", "ol", func() {
		for _, a := range order {
			if len(a.Notes) == 0 {
				continue
			}
			any = true
			h.raw(`<li><a href="#notes-`, esc(a.Slug), `">`)
			h.text(a.Outlet)
			h.raw(": ")
			h.articleTitle(a)
			h.raw("</a> (")
			h.trN("notes_count", len(a.Notes))
			h.raw(")</li>")
		}
	}, cited)
	if !any {
		return nil
	}
	return appendBody(nil, h.String())
}

// notesCited is the end of the all-notes page: the sources its notes
// cite (cites, every article's), in full, under the heading an article's
// page gives its notes' (citedList, theme string sources_cited), so that
// the page printed on its own gives their addresses; nothing when no note
// cites one.
func notesCited(cites []articleCites, r *render.Renderer, t *Text) []byte {
	var lists [][]citeData
	for _, a := range cites {
		for _, n := range a.cites {
			l := make([]citeData, len(n.refs))
			for i, ref := range n.refs {
				l[i] = citeData{ID: ref.ID}
			}
			lists = append(lists, l)
		}
	}
	h := newHTML(t, 256+len(lists)*8)
	h.citedList(lists, "sources_cited", r)
	return appendBody(nil, h.String())
}

// whose begins the name of a link that the page shows under a note's
// head ("passage", "note in the article") with the note it is about,
// hidden but read: in a screen reader's list of links the 87 "passage"
// links of a briefing are otherwise one name for 87 places.
func (h *markup) whose(outlet string, number int) {
	h.raw(`<span class="visually-hidden">`)
	h.text(outlet)
	h.raw(", ")
	h.trN("note_number", number)
	h.raw(": </span>")
}

// notesMatter is the all-notes page's front matter.
var notesMatter = frontMatter{Title: "All notes", Layout: "notes"}

// notesNone is the all-notes page of a briefing without notes.
func notesNone(t *Text) []byte {
	h := newHTML(t, 64)
	h.raw("<p>")
	h.tr("notes_none")
	h.raw("</p>\n")
	return page(notesMatter, h.String())
}
