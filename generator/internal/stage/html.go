// HTML that the generator writes for the theme: the parts of pages that
// grow with the briefing (every note of an article, every note of every
// article, the claims-by-outlet matrix, the claims and sources with every
// place that cites them, the print edition). Hugo's templates would loop
// over the same data one value at a time, on one core per page; written
// here, on every core, the templates only wrap it. The markup is the one
// the theme's templates and partials wrote (verdict.html, cites.html,
// sidenote.html), escaped as Go's html/template escapes.

package stage

import (
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// markup builds one page's HTML in the theme's words.
type markup struct {
	strings.Builder
	t *Text
	// noteLang is the lang attribute of the notes written inside an
	// article's text: the site's language again, in an article marked with
	// another (langOf); "" otherwise.
	noteLang string
	// quoteLang is the lang attribute of the passages its notes quote,
	// the article's language (langOf); "" for one in the site's.
	quoteLang string
}

func newHTML(t *Text, size int) *markup {
	h := &markup{t: t}
	h.Grow(size)
	return h
}

// raw writes markup as it is.
func (h *markup) raw(ss ...string) {
	for _, s := range ss {
		h.WriteString(s)
	}
}

// text writes text escaped.
func (h *markup) text(s string) { escTo(&h.Builder, s) }

// tr writes the theme's string id, escaped.
func (h *markup) tr(id string) { escTo(&h.Builder, h.t.T(id)) }

// trN writes the theme's string id for the count n, escaped: Text.N's
// string, written part by part rather than made (it is written for every
// note several times).
func (h *markup) trN(id string, n int) {
	for i, part := range h.t.cut(id, n) {
		if i > 0 {
			var digits [20]byte
			h.Write(strconv.AppendInt(digits[:0], int64(n), 10))
		}
		escTo(&h.Builder, part)
	}
}

// articleTitle writes a's title where a list names it after its outlet
// ("Outlet: Title"), in a span marked with its language when that is not
// the site's (langOf), so that a screen reader reads it in it.
func (h *markup) articleTitle(a *briefing.Article) {
	l := langOf(a)
	if l == "" {
		h.text(a.Title)
		return
	}
	h.raw("<span", l, ">")
	h.text(a.Title)
	h.raw("</span>")
}

// tocItem is an entry of a contents list: a link to #id, in the theme's
// words for textID.
func (h *markup) tocItem(id, textID string) {
	h.raw(`<li><a href="#`, id, `">`)
	h.tr(textID)
	h.raw("</a></li>")
}

// toc is a page's contents list, headed "Contents" for assistive
// technology (its heading's id is id): a list of kind list ("ul", or "ol"
// where the order counts) of the items that items writes. With cited
// (not ""), the theme string that heads the page's last section, the
// sources its notes or claims cite (citedList, id cited-h), a line after
// the list leads there: the list numbers articles or claims, which that
// section is not.
func (h *markup) toc(id, list string, items func(), cited string) {
	h.raw(`<nav class="toc" aria-labelledby="`, id, `">`, "\n", `<h2 id="`, id, `" class="visually-hidden">`)
	h.tr("contents")
	h.raw("</h2>\n<", list, ">")
	items()
	h.raw("</", list, ">\n")
	if cited != "" {
		h.raw(`<p><a href="#cited-h">`)
		h.tr(cited)
		h.raw("</a></p>\n")
	}
	h.raw("</nav>\n")
}

// sectionItems are a contents list's items for the sections of the page's
// own text.
func (h *markup) sectionItems(sections []render.Heading) {
	for _, s := range sections {
		h.raw(`<li><a href="#`, esc(s.ID), `">`)
		h.text(s.Text)
		h.raw("</a></li>")
	}
}

// verdict is the theme's verdict.html: a verdict as a word with a shape,
// and, with href (not ""), a link to its definition in the methodology.
func (h *markup) verdict(v, label, href string) {
	if href == "" {
		h.verdictSpan(v, label)
		h.raw("\n")
		return
	}
	h.raw(`<a class="verdict verdict-`, esc(v), `" href="`, escURL(href), `" title="`)
	h.text(h.t.T("verdict_meaning"))
	h.raw(`"><span class="verdict-icon" aria-hidden="true"></span>`)
	h.text(label)
	h.raw("</a>\n")
}

// verdictSpan is verdict without the line break after it, for a verdict
// that punctuation follows.
func (h *markup) verdictSpan(v, label string) {
	h.raw(`<span class="verdict verdict-`, esc(v), `"><span class="verdict-icon" aria-hidden="true"></span>`)
	h.text(label)
	h.raw("</span>")
}

// cites is the theme's cites.html (linking to the sources page) or, with
// local set, handout-cites.html (linking to the handout's own
// bibliography): short citations after "Source:", or "Sources:" for more
// than one.
func (h *markup) cites(cs []citeData, local bool) {
	if len(cs) == 0 {
		return
	}
	h.raw(`<p class="cites">`)
	if len(cs) == 1 {
		h.text(h.t.T("source"))
	} else {
		h.text(h.t.T("sources"))
	}
	h.raw(": ")
	for i, c := range cs {
		if i > 0 {
			h.raw("; ")
		}
		if local {
			h.raw(`<a href="#src-`, escURL(c.ID), `">`)
		} else {
			h.raw(`<a href="`, escURL(c.Href), `">`)
		}
		h.text(c.Label)
		h.raw("</a>")
	}
	h.raw("</p>")
}

// noteHead is a note's kind and verdict.
func (h *markup) noteHead(n *noteData) {
	h.raw(`<span class="kind">`)
	h.text(n.KindLabel)
	h.raw("</span>")
	if n.Verdict != "" {
		h.raw(" ")
		h.verdict(n.Verdict, n.VerdictLabel, n.VerdictHref)
	}
}

// claimant says, after a verdict, who made the claim it rates, when the
// note or claim names them: what the page's ClaimReview gives as the
// claim's author, shown to readers too ("· claim by U.S. Department of
// State"), in the endnotes, the all-notes page and the claims, not in a
// sidenote, whose few lines are the note's text.
func (h *markup) claimant(name string) {
	if name == "" {
		return
	}
	// The separator, not read, outside the claimant, whom a narrow
	// screen moves whole to the next line: the dot stays at this one's end.
	h.raw(`<span aria-hidden="true">·</span> <span class="claimant">`)
	h.tr("claim_by")
	h.raw(" ")
	h.text(name)
	h.raw("</span>")
}

// claimLink is the link from a note to its claim.
func (h *markup) claimLink(c *claimRef, href string) {
	if c == nil {
		return
	}
	h.raw(`<p class="claim-link">`)
	h.tr("claim")
	h.raw(`: <a href="`, escURL(href), `">`)
	h.text(c.Statement)
	h.raw("</a></p>")
}

// sidenote is the theme's sidenote.html: a note's in-text form.
func (h *markup) sidenote(n *noteData) {
	num := strconv.Itoa(n.Number)
	h.raw(`<div class="sidenote note-`, esc(n.Kind), `" id="side-`, esc(n.ID), `"`, h.noteLang, ` role="note" aria-label="`)
	h.trN("note_label", n.Number)
	h.raw(`" data-note="`, esc(n.ID), "\">\n<div class=\"side-body\">\n",
		`<p class="side-head"><span class="side-num" aria-hidden="true">`, num, `</span> `)
	h.noteHead(n)
	h.raw("</p>\n<div class=\"side-text\">", n.HTML, "</div>\n")
	h.cites(n.Cites, false)
	h.raw("\n")
	if n.Claim != nil {
		h.claimLink(n.Claim, n.Claim.Href)
	}
	h.raw("\n</div>\n", `<p class="side-more"><a href="#note-`, esc(n.ID), `">`)
	h.trN("whole_note", n.Number)
	h.raw("</a></p>\n</div>")
}

// endnotes is an article's notes section. On the handout (handoutPage is
// then the article's page, which its notes were written for; "" on that
// page itself), ids get prefix (the article's slug and "--") and the
// notes' links, citations and claims link within the handout.
func (h *markup) endnotes(notes []noteData, prefix, handoutPage string) {
	if len(notes) == 0 {
		return
	}
	handout := handoutPage != ""
	heading, title := "h2", ""
	if handout {
		// Named "Notes" and the article's title: the handout has one
		// such landmark an article, five "Notes" alike otherwise.
		heading, title = "h3", " "+esc(prefix)+"title"
	}
	h.raw(`<section class="endnotes" role="doc-endnotes" aria-labelledby="`, esc(prefix), "notes-h", title, "\">\n<",
		heading, ` id="`, esc(prefix), `notes-h">`)
	h.tr("notes")
	h.raw("</", heading, ">\n<ol>\n")
	for i := range notes {
		n := &notes[i]
		num := strconv.Itoa(n.Number)
		h.raw(`<li id="`, esc(prefix), "note-", esc(n.ID), `" value="`, num, `" class="note note-`, esc(n.Kind), "\">\n",
			`<p class="note-head">`)
		if handout && n.VerdictHref != "" {
			hn := *n
			hn.VerdictHref = handoutHref(n.VerdictHref, handoutPage)
			h.noteHead(&hn)
		} else {
			h.noteHead(n)
		}
		h.claimant(n.Claimant)
		h.raw("</p>\n", `<blockquote class="note-quote"`, h.quoteLang, `><p>`)
		h.text(n.Quote)
		text := n.HTML
		if handout {
			text = handoutLinks(text, handoutPage)
		}
		h.raw("</p></blockquote>\n", `<div class="note-text">`, text, "</div>\n")
		h.cites(n.Cites, handout)
		h.raw("\n")
		if n.Claim != nil {
			href := n.Claim.Href
			if handout {
				href = "#claim-" + n.Claim.ID
			}
			h.claimLink(n.Claim, href)
		}
		h.raw("\n", `<p class="backlink"><a href="#`, esc(prefix), "ref-", esc(n.ID), `" role="doc-backlink">`)
		h.trN("back_to_text", n.Number)
		h.raw("</a>")
		// The note's own address, to share or cite it: on a page where a
		// script opens notes in place, following a marker does not show
		// it. (A theme of the briefing's own without the string has none.)
		if c := h.t.cut("note_link", n.Number); len(c) > 1 || len(c) == 1 && c[0] != "" {
			h.raw(` · <a class="note-permalink" href="#`, esc(prefix), "note-", esc(n.ID), `">`)
			h.trN("note_link", n.Number)
			h.raw("</a>")
		}
		h.raw("</p>\n</li>\n")
	}
	h.raw("</ol>\n</section>\n")
}
