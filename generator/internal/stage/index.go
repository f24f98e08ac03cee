// The home page: overview and timeline.

package stage

import (
	"sort"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

func indexMatter(b *briefing.Briefing, r *render.Renderer, errs *diag.List) frontMatter {
	type entry struct {
		ISO   string     `json:"iso"`
		Label string     `json:"label"`
		HTML  string     `json:"html"`
		Cites []citeData `json:"cites,omitempty"`
	}
	var timeline []entry
	for _, e := range b.Index.Timeline {
		timeline = append(timeline, entry{ISO: e.Date.ISO(), Label: e.Date.Long(), HTML: r.Markdown(e.Text, "a timeline entry", errs), Cites: cites(r.Cites(e.Cites, ""))})
	}
	sort.SliceStable(timeline, func(i, j int) bool { return timeline[i].ISO < timeline[j].ISO })
	return frontMatter{Title: b.Index.Title, Params: map[string]any{
		"summary":  b.Index.Summary,
		"overview": r.Markdown(b.Index.Body, "the overview", errs),
		"timeline": timeline,
	}}
}
