// Article pages.

package stage

import (
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

type noteData struct {
	ID           string     `json:"id"`
	Number       int        `json:"number"`
	Kind         string     `json:"kind"`
	KindLabel    string     `json:"kind_label"`
	Verdict      string     `json:"verdict,omitempty"`
	VerdictLabel string     `json:"verdict_label,omitempty"`
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

func articleMatter(a *briefing.Article, r *render.Renderer, ra *render.Article, weight int) frontMatter {
	var notes []noteData
	counts := map[string]int{}
	for _, n := range ra.Notes {
		nd := noteData{
			ID: n.ID, Number: n.Number, Kind: string(n.Kind), KindLabel: n.Kind.Label(),
			HTML: n.HTML, Quote: n.Quote, Cites: cites(n.Cites),
		}
		if n.Verdict != "" {
			nd.Verdict, nd.VerdictLabel = string(n.Verdict), n.Verdict.Label()
			counts[string(n.Verdict)]++
		}
		if n.Claim.ID != "" {
			nd.Claim = &claimRef{ID: n.Claim.ID, Href: "../claims.html#claim-" + n.Claim.ID}
			if c := r.Claim(n.Claim.ID); c != nil {
				nd.Claim.Statement = c.Statement
			}
		}
		notes = append(notes, nd)
	}
	var verdicts []map[string]any
	for _, v := range briefing.Verdicts {
		if counts[string(v)] > 0 {
			verdicts = append(verdicts, map[string]any{"verdict": string(v), "label": v.Label(), "count": counts[string(v)]})
		}
	}
	params := map[string]any{
		"slug":       a.Slug,
		"outlet":     a.Outlet,
		"url":        a.URL,
		"author":     a.Author,
		"relies_on":  a.ReliesOn,
		"date_note":  a.DateNote,
		"summary":    a.Summary,
		"notes":      notes,
		"note_count": len(notes),
		"verdicts":   verdicts,
	}
	fm := frontMatter{Title: a.Title, Weight: weight, Params: params}
	if a.Published != nil {
		fm.Date = a.Published.ISO()
		params["published_label"] = a.Published.Long()
		params["published_iso"] = a.Published.ISO()
	}
	return fm
}
