// The home page: overview, timeline and the claims-by-outlet matrix.

package stage

import (
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// timelineEntry is one entry of the timeline, rendered.
type timelineEntry struct {
	ID    string     `json:"id"`
	ISO   string     `json:"iso"`
	Label string     `json:"label"`
	HTML  string     `json:"html"`
	Cites []citeData `json:"cites,omitempty"`
}

// overview is the briefing's own text: the overview and the timeline, as
// the home page and the handout show them.
type overview struct {
	HTML     string
	Sections []render.Heading // the overview's, for the home page's contents
	Timeline []timelineEntry
}

func overviewData(b *briefing.Briefing, r *render.Renderer, errs *diag.List) overview {
	o := overview{HTML: r.Page(b.Index.Body, "the overview", "index.html", errs), Sections: r.Sections("index.html")}
	for i, e := range b.Index.SortedTimeline() {
		o.Timeline = append(o.Timeline, timelineEntry{ID: eventID(i), ISO: e.Date.ISO(), Label: e.Date.Long(),
			HTML: r.MarkdownOn(e.Text, "a timeline entry", "index.html", errs), Cites: cites(r.Cites(e.Cites, ""))})
	}
	return o
}

// cardHTML is an article's card on the home page.
func cardHTML(a *briefing.Article, ra *render.Article, t *Text) string {
	h := newHTML(t, 1024)
	h.card(a, ra)
	return h.String()
}

// indexOf is the home page, from the articles' cards (cardHTML). Its body
// is the overview, the article cards and the claims-by-outlet matrix,
// which grow with the briefing, and the timeline; its front matter only the title, the summary and the date, which the
// theme lays out. So an edit of the overview or the timeline changes no
// more than a page body, which the live preview puts in place without
// running Hugo.
func indexOf(b *briefing.Briefing, order []*briefing.Article, cards []string, o overview, apps map[string][]appearance, t *Text) []byte {
	m := claimMatrix(b, order, apps)
	size := 0
	for _, c := range cards {
		size += len(c)
	}
	if m != nil {
		size += len(m.Rows) * len(m.Columns) * 128
		for _, aps := range apps {
			size += len(aps) * 256
		}
	}
	size += 1024 + len(o.HTML)
	for _, e := range o.Timeline {
		size += 512 + len(e.HTML)
	}
	h := newHTML(t, size)
	if o.HTML != "" {
		// The overview can run to screens of text: a contents list lets a
		// reader go straight to the articles, the matrix or the timeline.
		h.toc("home-toc-h", "ul", func() {
			h.sectionItems(o.Sections)
			h.tocItem("articles-h", "articles")
			if m != nil {
				h.tocItem("matrix-h", "matrix")
			}
			if len(o.Timeline) > 0 {
				h.tocItem("timeline-h", "timeline")
			}
		}, "")
		h.raw(`<div class="prose">`, o.HTML, "</div>\n")
	}
	h.raw("<section aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\">")
	h.tr("articles")
	h.raw("</h2>\n")
	if anyVerdict(cards) {
		// The counts read as a score of the outlet unless told.
		h.raw(`<p class="cards-intro">`)
		if b.Methodology != nil {
			h.tr("articles_intro")
		} else { // no page to send the reader to
			h.tr("articles_intro_no_methodology")
		}
		h.raw("</p>\n")
	}
	h.raw("<ol class=\"cards\">\n")
	h.raw(cards...)
	h.raw("</ol>\n</section>\n")
	if m != nil {
		h.matrix(m)
	}
	h.timeline(`<section aria-labelledby="timeline-h">`, o.Timeline, false)
	params := map[string]any{"summary": b.Index.Summary}
	if d := b.Index.Published; d != nil {
		params["published"] = map[string]string{"iso": d.ISO(), "long": d.Long()}
	}
	return page(frontMatter{Title: b.Index.Title, Params: params}, h.String())
}

// anyVerdict reports whether a card counts its article's notes by verdict
// (the articles' notes are let go once their parts are made).
func anyVerdict(cards []string) bool {
	for _, c := range cards {
		if strings.Contains(c, `<span class="verdict verdict-`) {
			return true
		}
	}
	return false
}

// timeline is the timeline's section, opened by open (the home page's
// and the handout's differ): each entry's date, text and sources; nothing
// when it has no entry. On the home page each entry carries its id and its
// sources link to the sources page; in the handout (inHandout) they link
// to its own bibliography.
func (h *markup) timeline(open string, entries []timelineEntry, inHandout bool) {
	if len(entries) == 0 {
		return
	}
	h.raw(open, "\n", `<h2 id="timeline-h">`)
	h.tr("timeline")
	h.raw("</h2>\n<ol class=\"timeline\">\n")
	for _, e := range entries {
		// The handout has the entries' ids too: a note's link to
		// index.html#event-2 is to #event-2 there (handoutHref).
		h.raw(`<li id="`, esc(e.ID), `"><time datetime="`, esc(e.ISO), `">`)
		h.text(e.Label)
		text := e.HTML
		if inHandout {
			text = handoutLinks(text, "index.html")
		}
		h.raw("</time>\n", `<div class="timeline-text">`, text, "\n")
		h.cites(e.Cites, inHandout)
		h.raw("</div>\n</li>\n")
	}
	h.raw("</ol>\n</section>\n")
}

// card is an article on the home page: outlet, title, date, what it relies
// on and its notes by verdict.
func (h *markup) card(a *briefing.Article, ra *render.Article) {
	h.raw("<li class=\"card\">\n<p class=\"card-outlet\">")
	h.text(a.Outlet)
	h.raw("</p>\n<h3", langOf(a), "><a href=\"./articles/", escURL(a.Slug), ".html\">")
	h.text(a.Title)
	h.raw("</a></h3>\n<p class=\"card-meta\">\n")
	if a.Published != nil {
		h.raw(`<time datetime="`, esc(a.Published.ISO()), `">`)
		h.text(a.Published.Long())
		h.raw("</time>")
	} else {
		h.tr("undated")
	}
	h.raw("\n")
	if len(a.ReliesOn) > 0 {
		h.raw(" · ")
		h.tr("relies_on")
		h.raw(" ")
		h.text(strings.Join(a.ReliesOn, ", "))
	}
	h.raw("\n</p>\n<p class=\"card-notes\">")
	h.trN("notes_count", len(ra.Notes))
	// The corrections, which carry no verdict but point out the article's
	// plain errors: counted apart, not among the notes without a verdict.
	corrections := 0
	for _, n := range ra.Notes {
		if n.Kind == briefing.KindCorrection {
			corrections++
		}
	}
	if vcs := verdictCounts(ra); len(vcs) > 0 || corrections > 0 {
		h.raw(":\n")
		counted := 0
		for i, vc := range vcs {
			if i > 0 {
				h.raw(", ")
			}
			// A count and its verdict on one line: "4 / Needs context"
			// split across two read as a stray number.
			h.raw(`<span class="tally">`, strconv.Itoa(vc.n), " ")
			h.verdictSpan(string(vc.v), vc.v.Label())
			h.raw("</span>")
			counted += vc.n
		}
		if corrections > 0 {
			if counted > 0 {
				h.raw(", ")
			}
			h.raw(`<span class="tally">`)
			h.trN("corrections_count", corrections)
			h.raw("</span>")
			counted += corrections
		}
		// The notes that carry none (context, background…), so that the
		// counts add up to the total.
		if rest := len(ra.Notes) - counted; rest > 0 {
			h.raw(`, <span class="tally">`)
			h.trN("no_verdict_count", rest)
			h.raw("</span>")
		}
	}
	h.raw("</p>\n</li>\n")
}

// matrix is the claims-by-outlet table.
func (h *markup) matrix(m *matrix) {
	h.raw("<section aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">")
	h.tr("matrix")
	h.raw("</h2>\n<p>")
	h.tr("matrix_intro")
	h.raw("</p>\n", `<div class="table-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">`,
		"\n<table class=\"matrix\">\n", `<caption id="matrix-caption" class="visually-hidden">`)
	h.tr("matrix_caption")
	h.raw("</caption>\n<thead>\n<tr>\n<th scope=\"col\">")
	h.tr("claim")
	h.raw("</th>\n")
	for _, c := range m.Columns {
		if c.Articles > 1 {
			// Several articles: each link in the column names its own.
			h.raw(`<th scope="col">`)
			h.text(c.Outlet)
			h.raw("</th>")
			continue
		}
		if c.Lang != "" {
			// The title (its description) in the article's language, the
			// outlet's name (the link's) in the site's, as on its card.
			h.raw(`<th scope="col"><a href="`, escURL(c.Href), `"`, langAttr(c.Lang), ` title="`, esc(c.Title), `"><span`, langAttr(briefing.SiteLang), `>`)
			h.text(c.Outlet)
			h.raw("</span></a></th>")
			continue
		}
		h.raw(`<th scope="col"><a href="`, escURL(c.Href), `" title="`, esc(c.Title), `">`)
		h.text(c.Outlet)
		h.raw("</a></th>")
	}
	// Most cells are empty: written once.
	empty := `<td><span aria-hidden="true">–</span><span class="visually-hidden">` + esc(h.t.T("matrix_absent")) + "</span></td>\n"
	h.raw("\n</tr>\n</thead>\n<tbody>\n")
	for _, row := range m.Rows {
		h.raw("<tr>\n", `<th scope="row"><a href="claims.html#claim-`, esc(row.ID), `">`)
		h.text(row.Statement)
		h.raw("</a>\n", `<span class="matrix-claim-verdict">`)
		h.verdict(row.Verdict, row.VerdictLabel, "")
		h.raw("</span></th>\n")
		for col, cell := range row.Cells {
			if len(cell) == 0 {
				h.raw(empty)
				continue
			}
			several := m.Columns[col].Articles > 1
			// The outlet's name, which the stylesheet shows where the
			// table scrolls sideways and its head is soon out of view
			// (a phone); a screen reader has it from the column's head.
			h.raw(`<td><span class="matrix-outlet" aria-hidden="true">`)
			h.text(m.Columns[col].Outlet)
			h.raw("</span>")
			for i, ap := range cell {
				if i > 0 {
					h.raw("<br>")
				}
				// Named with the outlet, which the column's head gives
				// but a screen reader's list of links would not.
				h.raw(`<a href="`, escURL(ap.Href), `" class="matrix-link"><span class="visually-hidden">`)
				h.text(m.Columns[col].Outlet)
				h.raw(", </span>")
				h.verdict(ap.Verdict, ap.VerdictLabel, "")
				h.raw(`<span class="matrix-note">`)
				h.trN("note_number", ap.Number)
				h.raw("</span>")
				if several {
					h.raw(`<span class="matrix-article"`, langAttr(ap.Lang), `>`)
					h.text(ap.Title)
					h.raw("</span>")
				}
				h.raw("</a>")
			}
			h.raw("</td>\n")
		}
		h.raw("</tr>\n")
	}
	h.raw("</tbody>\n</table>\n</div>\n</section>\n")
}

// eventID is the anchor of the i-th entry of the sorted timeline.
func eventID(i int) string { return "event-" + strconv.Itoa(i+1) }

// matrix is the claims-by-outlet table: a column per outlet, in the order
// of its first article, a row per claim, each cell the notes where that
// outlet's articles make the claim. A column per outlet rather than per
// article keeps the table, and the home page, the size of the claims and
// their appearances: a briefing of a thousand articles from eight outlets
// has eight columns, not a thousand mostly empty ones.
type matrix struct {
	Columns []matrixColumn `json:"columns"`
	Rows    []matrixRow    `json:"rows"`
}

// matrixColumn is an outlet. Title, Lang and Href are its article's when
// it has only one.
type matrixColumn struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
	Title    string `json:"title,omitempty"`
	Lang     string `json:"lang,omitempty"` // the title's language when not the site's (briefing.Foreign)
	Href     string `json:"href,omitempty"`
}

type matrixRow struct {
	ID           string         `json:"id"`
	Statement    string         `json:"statement"`
	Verdict      string         `json:"verdict"`
	VerdictLabel string         `json:"verdict_label"`
	Articles     int            `json:"articles"` // how many articles make the claim
	Cells        [][]appearance `json:"cells"`    // by column: the notes, or none
}

func claimMatrix(b *briefing.Briefing, order []*briefing.Article, apps map[string][]appearance) *matrix {
	if len(b.Claims) == 0 || len(order) == 0 {
		return nil
	}
	m := &matrix{}
	column := make(map[string]int, len(order)) // by article slug
	byOutlet := map[string]int{}
	for _, a := range order {
		i, ok := byOutlet[a.Outlet]
		if !ok {
			i = len(m.Columns)
			byOutlet[a.Outlet] = i
			m.Columns = append(m.Columns, matrixColumn{Outlet: a.Outlet, Title: a.Title, Lang: briefing.Foreign(a.Language), Href: "articles/" + a.Slug + ".html"})
		}
		c := &m.Columns[i]
		if c.Articles++; c.Articles > 1 {
			c.Title, c.Lang, c.Href = "", "", ""
		}
		column[a.Slug] = i
	}
	for _, c := range b.Claims {
		row := matrixRow{ID: c.ID, Statement: c.Statement, Verdict: string(c.Verdict), VerdictLabel: c.Verdict.Label(),
			Cells: make([][]appearance, len(m.Columns))}
		seen := map[string]bool{}
		for _, ap := range apps[c.ID] {
			if i, ok := column[ap.Article]; ok {
				if !seen[ap.Article] {
					seen[ap.Article] = true
					row.Articles++
				}
				row.Cells[i] = append(row.Cells[i], ap)
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}
