// The sources page.

package stage

import (
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

func sourcesData(b *briefing.Briefing, r *render.Renderer) []map[string]any {
	var out []map[string]any
	for _, s := range b.Sources {
		out = append(out, map[string]any{"id": s.ID, "label": r.Label(s.ID), "html": render.Reference(s), "type": s.Type})
	}
	return out
}
