// Article pages.

package stage

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
)

type noteData struct {
	ID           string     `json:"id"`
	Number       int        `json:"number"`
	Kind         string     `json:"kind"`
	KindLabel    string     `json:"kind_label"`
	Verdict      string     `json:"verdict,omitempty"`
	VerdictLabel string     `json:"verdict_label,omitempty"`
	VerdictHref  string     `json:"verdict_href,omitempty"` // its definition (render.VerdictHref)
	Claimant     string     `json:"claimant,omitempty"`     // who made the claim its verdict rates
	HTML         string     `json:"html"`
	Quote        string     `json:"quote"`
	Cites        []citeData `json:"cites,omitempty"`
	Claim        *claimRef  `json:"claim,omitempty"`
}

type citeData struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Href  string `json:"href"`
}

type claimRef struct {
	ID        string `json:"id"`
	Statement string `json:"statement"`
	Href      string `json:"href"`
}

func cites(cs []render.Cite) []citeData {
	var out []citeData
	for _, c := range cs {
		out = append(out, citeData{ID: c.ID, Label: c.Label, Href: c.Href})
	}
	return out
}

// shownClaimant is the claimant of a note on an article by outlet as
// readers are shown it, on the pages and in search results: "" when
// none is named, or when it is the outlet itself ("claim by" it on each
// of its notes would say nothing; the ClaimReview names it all the same).
func shownClaimant(c briefing.Claimant, outlet string) string {
	if c.Name == outlet {
		return ""
	}
	return c.Name
}

// articleNotes is the data of an article's notes, for its own page.
func articleNotes(r *render.Renderer, a *briefing.Article, ra *render.Article) []noteData {
	notes := make([]noteData, 0, len(ra.Notes))
	numbers, page := noteNumbers(ra), export.ArticlePage(a.Slug)
	for _, n := range ra.Notes {
		notes = append(notes, newNoteData(r, n, numberNoteLinks(n.HTML, page, numbers), cites(n.Cites), "../", a.Outlet))
	}
	return notes
}

// articleBody is the text of article a (ra its rendering) as its page and
// the handout show it: its links to its own notes numbered for print, as
// its notes' are (numberNoteLinks).
func articleBody(a *briefing.Article, ra *render.Article) string {
	return numberNoteLinks(ra.Body, export.ArticlePage(a.Slug), noteNumbers(ra))
}

// noteNumbers are the numbers of an article's notes, by id.
func noteNumbers(ra *render.Article) map[string]int {
	m := make(map[string]int, len(ra.Notes))
	for _, n := range ra.Notes {
		m[n.ID] = n.Number
	}
	return m
}

// numberNoteLinks gives each link of html, a note's text or the text of
// its article, written for the article's page (page,
// "articles/<slug>.html"), to a note of that
// article the note's number (numbers, by id), data-n="11": printed, a link
// cannot be followed, and the stylesheet writes the number after it,
// "[11]", as the markers show them. A link to the note's passage, marker
// or in-text note ("the passage on the 676 cases", #anno-…;
// render.NoteOfID) is numbered as one to the note: on paper the passage is
// found by the note's marker. So is one written with the page's address
// (<slug>.html#note-…). A link to an id no note has is left as it is, and
// so are the article's markers, whose text is the number.
func numberNoteLinks(html, page string, numbers map[string]int) string {
	const open = `<a href="`
	if !strings.Contains(html, "#") {
		return html
	}
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(html[i:], open)
		if j < 0 {
			break
		}
		start := i + j + len(open)
		k := strings.IndexByte(html[start:], '"')
		if k < 0 {
			break
		}
		i = start + k + 1 // after the value's quote
		n, ok := numbers[noteOfLink(html[start:i-1], page)]
		if !ok || strings.HasPrefix(html[i:], " data-n=") {
			continue
		}
		if tag, _, _ := strings.Cut(html[i:], ">"); strings.Contains(tag, `role="doc-noteref"`) {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(html) + 64)
		}
		b.WriteString(html[last:i])
		b.WriteString(` data-n="` + strconv.Itoa(n) + `"`)
		last = i
	}
	if last == 0 {
		return html
	}
	b.WriteString(html[last:])
	return b.String()
}

// noteOfLink is the id of the note of page's article that v, a link's
// address in a text shown on page, leads to (its endnote, passage, marker
// or in-text note), or "" when it leads to none.
func noteOfLink(v, page string) string {
	slug, id, ok := noteOfPageLink(v, page)
	if !ok || export.ArticlePage(slug) != page {
		return ""
	}
	return id
}

// noteOfPageLink returns the slug of the article and the id of the note
// that v, a link's address in a text shown on page (a path in the site),
// leads to: the note's endnote, passage, marker or in-text note on the
// article's page (render.NoteOfID), written as the page's own id
// ("#note-…", when page is an article's) or after a page's address
// ("beta.html#anno-…", "../articles/beta.html#note-…", and from the
// site's root "articles/beta.html#ref-…"). Whether the article has such
// a note, the caller knows.
func noteOfPageLink(v, page string) (slug, id string, ok bool) {
	target, f, own := page, "", false
	if f, own = strings.CutPrefix(v, "#"); !own {
		if !strings.Contains(v, "#") || !render.IsRelative(v) {
			return "", "", false
		}
		u, err := url.Parse(v)
		if err != nil {
			return "", "", false
		}
		target, f = render.LinkTarget(u, page), u.Fragment
	}
	name, ok := strings.CutPrefix(target, "articles/")
	if ok {
		slug, ok = strings.CutSuffix(name, ".html")
	}
	if !ok || slug == "" || strings.Contains(slug, "/") {
		return "", "", false
	}
	if id, ok = render.NoteOfID(f); !ok || id == "" {
		return "", "", false
	}
	return slug, id, true
}

// newNoteData is the data of note n for a page at root (the path from the
// page to the site's root), with its text and citations as that page links
// them; its claimant as shownClaimant gives it, outlet being the
// article's (on its own page, and under its name on the all-notes page).
func newNoteData(r *render.Renderer, n render.Note, html string, cs []citeData, root, outlet string) noteData {
	nd := noteData{
		ID: n.ID, Number: n.Number, Kind: string(n.Kind), KindLabel: n.Kind.Label(),
		HTML: html, Quote: n.Quote, Cites: cs,
	}
	if n.Verdict != "" {
		nd.Verdict, nd.VerdictLabel, nd.VerdictHref = string(n.Verdict), n.Verdict.Label(), r.VerdictHref(n.Verdict, root)
		nd.Claimant = shownClaimant(n.Claimant, outlet)
	}
	if n.Claim.ID != "" {
		nd.Claim = &claimRef{ID: n.Claim.ID, Href: root + "claims.html#claim-" + n.Claim.ID}
		if c := r.Claim(n.Claim.ID); c != nil {
			nd.Claim.Statement = c.Statement
		}
	}
	return nd
}

// articlePage is an article's content file. Its body is the page's text
// (body, articleBody), each note's in-text form (the theme's sidenote) put
// where the renderer left its slot, the endnotes and the ClaimReview
// JSON-LD ld (nil when no note carries a verdict).
func articlePage(a *briefing.Article, body string, r *render.Renderer, notes []noteData, ld []byte, weight int, t *Text) []byte {
	h := newHTML(t, len(body)*3+len(notes)*2048)
	lang := langOf(a)
	h.raw("<div class=\"body\"", lang, ">\n")
	if lang != "" {
		h.noteLang = ` lang="` + briefing.SiteLang + `"`
	}
	h.withSidenotes(body, notes)
	h.noteLang = ""
	h.raw("\n</div>\n")
	h.quoteLang = lang
	h.endnotes(notes, "", "")
	h.citedSources(notes, r)
	return pageLD(articleMatter(a, weight), h.String(), ld)
}

// citedSources is the list of the sources an article's notes cite, in
// full, after its notes: so that a reader of the page, printed on its own,
// has each one's address without the sources page. Alphabetical by their
// citations, as a reference list is.
func (h *markup) citedSources(notes []noteData, r *render.Renderer) {
	lists := make([][]citeData, len(notes))
	for i, n := range notes {
		lists[i] = n.Cites
	}
	h.citedList(lists, "sources_cited", r)
}

// citedList is citedSources of the citations of a page's notes or
// claims, lists, under the theme's string heading.
func (h *markup) citedList(lists [][]citeData, heading string, r *render.Renderer) {
	seen := map[string]bool{}
	var cs []citeData
	for _, l := range lists {
		for _, c := range l {
			if !seen[c.ID] {
				seen[c.ID] = true
				cs = append(cs, c)
			}
		}
	}
	if len(cs) == 0 {
		return
	}
	slices.SortFunc(cs, func(a, b citeData) int { return r.CompareSources(a.ID, b.ID) })
	h.raw("\n", `<section class="cited-sources" aria-labelledby="cited-h">`, "\n", `<h2 id="cited-h">`)
	h.tr(heading)
	h.raw("</h2>\n<ul class=\"bibliography\">\n")
	for _, c := range cs {
		h.raw(`<li><p class="ref">`, r.ReferenceOf(c.ID), "</p></li>\n")
	}
	h.raw("</ul>\n</section>\n")
}

// noteSlot opens the renderer's mark for a note's in-text form,
// <!--note ID-->.
const noteSlot = "<!--note "

// withSidenotes writes body with every note slot replaced by the note's
// sidenote.
func (h *markup) withSidenotes(body string, notes []noteData) {
	byID := make(map[string]*noteData, len(notes))
	for i := range notes {
		byID[notes[i].ID] = &notes[i]
	}
	for {
		i := strings.Index(body, noteSlot)
		if i < 0 {
			break
		}
		j := strings.Index(body[i:], "-->")
		if j < 0 {
			break
		}
		n := byID[body[i+len(noteSlot):i+j]]
		if n == nil { // not a slot the renderer wrote: leave it
			h.raw(body[:i+j+3])
		} else {
			h.raw(body[:i])
			h.sidenote(n)
		}
		body = body[i+j+3:]
	}
	h.raw(body)
}

// articleMatter is an article page's front matter: what the theme lays out
// around its body, all of it from the article file, so that editing the
// notes never changes what Hugo lays out (the live preview then puts the
// new body in place without running Hugo). What the notes say (how many,
// their verdicts) is in the body.
func articleMatter(a *briefing.Article, weight int) frontMatter {
	params := map[string]any{
		"slug":      a.Slug,
		"outlet":    a.Outlet,
		"url":       a.URL,
		"author":    a.Author,
		"relies_on": a.ReliesOn,
		"date_note": a.DateNote,
		"summary":   a.Summary,
		"lang":      briefing.Foreign(a.Language),
	}
	fm := frontMatter{Title: a.Title, Weight: weight, Params: params}
	if a.Published != nil {
		fm.Date = a.Published.ISO()
		params["published_label"] = a.Published.Long()
		params["published_iso"] = a.Published.ISO()
	}
	return fm
}

type verdictCount struct {
	v briefing.Verdict
	n int
}

// verdictCounts is how many of an article's notes carry each verdict, in
// the order of the scale, leaving out verdicts none carries.
func verdictCounts(ra *render.Article) []verdictCount {
	counts := map[briefing.Verdict]int{}
	for _, n := range ra.Notes {
		if n.Verdict != "" {
			counts[n.Verdict]++
		}
	}
	var out []verdictCount
	for _, v := range briefing.Verdicts {
		if counts[v] > 0 {
			out = append(out, verdictCount{v, counts[v]})
		}
	}
	return out
}
