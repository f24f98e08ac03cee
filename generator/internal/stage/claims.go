// The claims page, and where each claim appears.

package stage

import (
	"slices"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// appearance is one place an article makes a claim: the note that says so.
type appearance struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Title   string `json:"title"`
	// Lang is the language of the article's title and text when not the
	// site's (briefing.Foreign), "" otherwise.
	Lang   string `json:"lang,omitempty"`
	NoteID string `json:"note_id"`
	Number int    `json:"number"`
	Quote  string `json:"quote"`
	Href   string `json:"href"` // the passage, from the site's root
	// The note's own verdict when it has one (an article may state a claim
	// less accurately than the claim's own wording), else the claim's.
	Verdict      string `json:"verdict,omitempty"`
	VerdictLabel string `json:"verdict_label,omitempty"`
	Own          bool   `json:"own,omitempty"` // the verdict is the note's and differs from the claim's
	// Headline is the article's title where another article has the same
	// outlet, for the claims page's and the handout's "Outlet: Headline,
	// note N" (claimsData; noteLabels), else "".
	Headline string `json:"-"`
}

// claimAppearances returns, by claim id, every note that points at a claim,
// in the order of the briefing's articles and of the notes in each.
func claimAppearances(r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) map[string][]appearance {
	out := map[string][]appearance{}
	for _, a := range order {
		if ra := arts[a.Slug]; ra != nil {
			for _, ap := range articleAppearances(r, a, ra) {
				out[ap.claim] = append(out[ap.claim], ap.appearance)
			}
		}
	}
	return out
}

// claimAppearance is an appearance of a claim.
type claimAppearance struct {
	claim string
	appearance
}

// articleAppearances returns the appearances of claims in an article, in
// the order of its notes. They hold no part of the rendered article, so
// that a build can keep them when it drops the article.
func articleAppearances(r *render.Renderer, a *briefing.Article, ra *render.Article) []claimAppearance {
	var out []claimAppearance
	for _, n := range ra.Notes {
		if n.Claim.ID == "" {
			continue
		}
		ap := appearance{
			Article: a.Slug, Outlet: a.Outlet, Title: a.Title, Lang: briefing.Foreign(a.Language), NoteID: n.ID, Number: n.Number, Quote: strings.Clone(n.Quote),
			Href: "articles/" + a.Slug + ".html#anno-" + n.ID,
		}
		v := n.Verdict
		if c := r.Claim(n.Claim.ID); c != nil {
			if v == "" {
				v = c.Verdict
			}
			ap.Own = v != c.Verdict
		}
		if v != "" {
			ap.Verdict, ap.VerdictLabel = string(v), v.Label()
		}
		out = append(out, claimAppearance{n.Claim.ID, ap})
	}
	return out
}

// claimData is a claim as the claims page and the handout show it.
type claimData struct {
	ID, Statement, Verdict, VerdictLabel string
	VerdictHref                          string // its definition, from the site's root ("" for none)
	Claimant                             string // who made the claim, when claims.yaml names them
	HTML                                 string // the claim's note
	Cites                                []citeData
	Appearances                          []appearance
}

func claimsData(b *briefing.Briefing, r *render.Renderer, apps map[string][]appearance, errs *diag.List) []claimData {
	var out []claimData
	names := noteLabels(b.Articles)
	for _, c := range b.Claims {
		// Named on a copy: the appearances are kept from one preview to
		// the next.
		named := slices.Clone(apps[c.ID])
		for i := range named {
			named[i].Headline = names[named[i].Article].title
		}
		out = append(out, claimData{
			ID: c.ID, Statement: c.Statement, Verdict: string(c.Verdict), VerdictLabel: c.Verdict.Label(),
			VerdictHref: r.VerdictHref(c.Verdict, ""), Claimant: c.Claimant.Name,
			HTML: r.MarkdownOn(c.Body, "a claim", "claims.html", errs), Cites: cites(r.Cites(c.Cites, "")), Appearances: named,
		})
	}
	return out
}

// appearanceHead is an appearance of a claim as the claims page and the
// handout's claims table name it: a link to href, "Outlet, note N" ("Outlet:
// Headline, note N" where the outlet has two articles), and
// the note's own verdict where the article's wording fares differently
// from the claim (newline: followed by a line break, as on the claims
// page).
func (h *markup) appearanceHead(ap *appearance, href string, newline bool) {
	h.raw(`<a href="`, escURL(href), `">`)
	h.text(ap.Outlet)
	if ap.Headline != "" {
		h.raw(": ")
		if ap.Lang != "" {
			h.raw("<span", langAttr(ap.Lang), ">")
		}
		h.text(ap.Headline)
		if ap.Lang != "" {
			h.raw("</span>")
		}
	}
	h.raw(", ")
	h.trN("note_number", ap.Number)
	h.raw("</a>")
	if ap.Own {
		h.raw(" · ")
		h.tr("note_verdict")
		h.raw(" ")
		h.verdictSpan(ap.Verdict, ap.VerdictLabel)
		if newline {
			h.raw("\n")
		}
	}
}

// claimsPage is the body of the claims page: a table of contents with each
// claim's verdict, then each claim with its verdict, note, sources and
// every appearance, and the sources the claims cite, in full, as an
// article's page lists its notes' (citedSources).
func claimsPage(claims []claimData, r *render.Renderer, t *Text) string {
	size := 1024
	for _, c := range claims {
		size += 2048 + len(c.HTML) + len(c.Appearances)*512
	}
	h := newHTML(t, size)
	if len(claims) == 0 {
		h.raw("<p>")
		h.tr("no_claims")
		h.raw("</p>\n")
		return h.String()
	}
	cited := ""
	if slices.ContainsFunc(claims, func(c claimData) bool { return len(c.Cites) > 0 }) {
		cited = "claims_sources_cited"
	}
	h.toc("claims-toc-h", "ol", func() {
		for _, c := range claims {
			// Each claim's verdict beside it: the list reads as the
			// verdicts at a glance.
			h.raw(`<li><a href="#claim-`, esc(c.ID), `">`)
			h.text(c.Statement)
			h.raw("</a> ")
			h.verdictSpan(c.Verdict, c.VerdictLabel)
			h.raw("</li>")
		}
	}, cited)
	for _, c := range claims {
		id := esc(c.ID)
		h.raw(`<section class="claim" id="claim-`, id, `" aria-labelledby="claim-`, id, "-h\">\n",
			`<h2 id="claim-`, id, `-h">`)
		h.text(c.Statement)
		h.raw("</h2>\n<p>")
		h.verdict(c.Verdict, c.VerdictLabel, c.VerdictHref)
		h.claimant(c.Claimant)
		h.raw("</p>\n<div class=\"prose\">", c.HTML, "</div>\n")
		h.cites(c.Cites, false)
		h.raw("\n<h3>")
		h.tr("appears_in")
		h.raw("</h3>\n")
		if len(c.Appearances) == 0 {
			h.raw("<p>")
			h.tr("appears_nowhere")
			h.raw("</p>\n</section>\n")
			continue
		}
		h.raw("<ul class=\"appearances\">\n")
		for _, ap := range c.Appearances {
			h.raw(`<li><p class="appearance-head">`)
			h.appearanceHead(&ap, ap.Href, true)
			h.raw("</p>\n", `<blockquote class="appearance-quote"`, langAttr(ap.Lang), `><p>`)
			h.text(ap.Quote)
			h.raw("</p></blockquote></li>")
		}
		h.raw("\n</ul>\n</section>\n")
	}
	lists := make([][]citeData, len(claims))
	for i, c := range claims {
		lists[i] = c.Cites
	}
	h.citedList(lists, "claims_sources_cited", r)
	return h.String()
}
