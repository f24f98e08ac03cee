// The all-notes page: every note of every article, grouped by article,
// each linking to its passage. It is what the search finds, for readers
// without JavaScript.

package stage

import (
	"net/url"
	"regexp"
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
			nd := noteData{ID: n.ID, Number: n.Number, Kind: string(n.Kind), KindLabel: n.Kind.Label(),
				HTML: rebase(n.HTML, a.Slug), Quote: n.Quote, Cites: cites(r.Cites(n.Note.Cites, ""))}
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
