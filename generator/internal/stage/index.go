// The home page: overview, timeline and the claims-by-outlet matrix.

package stage

import (
	"sort"
	"strconv"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

func indexMatter(b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, apps map[string][]appearance, errs *diag.List) frontMatter {
	type entry struct {
		ID    string     `json:"id"`
		ISO   string     `json:"iso"`
		Label string     `json:"label"`
		HTML  string     `json:"html"`
		Cites []citeData `json:"cites,omitempty"`
	}
	var timeline []entry
	for i, e := range sortedTimeline(b) {
		timeline = append(timeline, entry{ID: eventID(i), ISO: e.Date.ISO(), Label: e.Date.Long(),
			HTML: r.Markdown(e.Text, "a timeline entry", errs), Cites: cites(r.Cites(e.Cites, ""))})
	}
	return frontMatter{Title: b.Index.Title, Params: map[string]any{
		"summary":  b.Index.Summary,
		"overview": r.Markdown(b.Index.Body, "the overview", errs),
		"timeline": timeline,
		"matrix":   claimMatrix(b, order, apps),
	}}
}

// sortedTimeline is the timeline in date order; entries of one date keep
// the order of the file.
func sortedTimeline(b *briefing.Briefing) []briefing.TimelineEntry {
	out := append([]briefing.TimelineEntry(nil), b.Index.Timeline...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.ISO() < out[j].Date.ISO() })
	return out
}

// eventID is the anchor of the i-th entry of the sorted timeline.
func eventID(i int) string { return "event-" + strconv.Itoa(i+1) }

// matrix is the claims-by-outlet table: a column per article, a row per
// claim, each cell the notes where that article makes the claim.
type matrix struct {
	Columns []matrixColumn `json:"columns"`
	Rows    []matrixRow    `json:"rows"`
}

type matrixColumn struct {
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Href   string `json:"href"`
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
	for _, a := range order {
		m.Columns = append(m.Columns, matrixColumn{Outlet: a.Outlet, Title: a.Title, Href: "articles/" + a.Slug + ".html"})
	}
	for _, c := range b.Claims {
		row := matrixRow{ID: c.ID, Statement: c.Statement, Verdict: string(c.Verdict), VerdictLabel: c.Verdict.Label(),
			Cells: make([][]appearance, len(order))}
		for i, a := range order {
			for _, ap := range apps[c.ID] {
				if ap.Article == a.Slug {
					row.Cells[i] = append(row.Cells[i], ap)
				}
			}
			if len(row.Cells[i]) > 0 {
				row.Articles++
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}
