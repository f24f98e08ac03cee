// The claims page, and where each claim appears.

package stage

import (
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// appearance is one place an article makes a claim: the note that says so.
type appearance struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Title   string `json:"title"`
	NoteID  string `json:"note_id"`
	Number  int    `json:"number"`
	Quote   string `json:"quote"`
	Href    string `json:"href"` // the passage, from the site's root
	// The note's own verdict when it has one (an article may state a claim
	// less accurately than the claim's own wording), else the claim's.
	Verdict      string `json:"verdict,omitempty"`
	VerdictLabel string `json:"verdict_label,omitempty"`
	Own          bool   `json:"own,omitempty"` // the verdict is the note's and differs from the claim's
}

// claimAppearances returns, by claim id, every note that points at a claim,
// in the order of the briefing's articles and of the notes in each.
func claimAppearances(r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) map[string][]appearance {
	out := map[string][]appearance{}
	for _, a := range order {
		ra := arts[a.Slug]
		if ra == nil {
			continue
		}
		for _, n := range ra.Notes {
			if n.Claim.ID == "" {
				continue
			}
			ap := appearance{
				Article: a.Slug, Outlet: a.Outlet, Title: a.Title, NoteID: n.ID, Number: n.Number, Quote: n.Quote,
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
			out[n.Claim.ID] = append(out[n.Claim.ID], ap)
		}
	}
	return out
}

func claimsData(b *briefing.Briefing, r *render.Renderer, apps map[string][]appearance, errs *diag.List) []map[string]any {
	var out []map[string]any
	for _, c := range b.Claims {
		out = append(out, map[string]any{
			"id": c.ID, "statement": c.Statement, "verdict": string(c.Verdict), "verdict_label": c.Verdict.Label(),
			"html": r.Markdown(c.Body, "a claim", errs), "cites": cites(r.Cites(c.Cites, "")), "appearances": apps[c.ID],
		})
	}
	return out
}
