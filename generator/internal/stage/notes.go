// The all-notes page: every note of every article, grouped by article,
// each linking to its passage. It is what the search finds, for readers
// without JavaScript.

package stage

import (
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
			nd := noteData{ID: n.ID, Number: n.Number, Kind: string(n.Kind), KindLabel: n.Kind.Label(),
				HTML: n.HTML, Quote: n.Quote, Cites: cites(r.Cites(n.Note.Cites, ""))}
			if n.Verdict != "" {
				nd.Verdict, nd.VerdictLabel = string(n.Verdict), n.Verdict.Label()
			}
			if n.Claim.ID != "" {
				nd.Claim = &claimRef{ID: n.Claim.ID, Href: "claims.html#claim-" + n.Claim.ID}
				if c := r.Claim(n.Claim.ID); c != nil {
					nd.Claim.Statement = c.Statement
				}
			}
			na.Notes = append(na.Notes, nd)
		}
		out = append(out, na)
	}
	return out
}
