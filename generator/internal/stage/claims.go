// The claims page.

package stage

import (
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

type appearance struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Title   string `json:"title"`
	NoteID  string `json:"note_id"`
	Number  int    `json:"number"`
	Quote   string `json:"quote"`
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
