package site

import (
	"reflect"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// refFiles are the files of the claims and the sources. An article's
// rendering and its stage.Parts take from them only what the Renderer
// gives for the ids its notes name (Claim, Cites), so that after a
// change to one of them a Compiler makes again only the articles whose
// notes name a claim or a source that changed (refChanges).
var refFiles = sharedFiles[:3]

// sharedFiles are the files that the pages made of every article may show
// (refFiles first): when one of them changes, a Compiler makes those pages
// again.
var sharedFiles = []string{
	"annotations/claims.yaml",
	"annotations/sources.yaml",
	"annotations/sources.json",
	"content/_index.md",
	"content/methodology.md",
}

// refChanges are the ids of the claims and the sources that an article's
// rendering and parts may see differently from one Compile to the next.
type refChanges struct {
	claims, sources map[string]bool
}

// diffRefs returns the claims and sources that an article's rendering and
// parts may see differently through the renderers of two compiles, was
// (of the briefing whose claims and sources were wasClaims and wasSources)
// and is (of b). A claim differs when it was added, removed or changed in
// anything but where it is written; a source when its citation (Cites: its
// id, label and link) or its entry in full (ReferenceOf, which an article's
// page lists among the sources its notes cite) differs. The label depends
// on the other sources (two by the same author in the same year are told
// apart as 2024a and 2024b).
func diffRefs(was, is *render.Renderer, wasClaims []*briefing.Claim, wasSources []*briefing.Source, b *briefing.Briefing) refChanges {
	ch := refChanges{claims: map[string]bool{}, sources: map[string]bool{}}
	for _, list := range [][]*briefing.Source{wasSources, b.Sources} {
		for _, s := range list {
			ref := []briefing.Ref{{ID: s.ID}}
			if !reflect.DeepEqual(was.Cites(ref, ""), is.Cites(ref, "")) || was.ReferenceOf(s.ID) != is.ReferenceOf(s.ID) {
				ch.sources[s.ID] = true
			}
		}
	}
	for _, list := range [][]*briefing.Claim{wasClaims, b.Claims} {
		for _, c := range list {
			o, n := was.Claim(c.ID), is.Claim(c.ID)
			if o == nil || n == nil || !reflect.DeepEqual(unplaced(*o), unplaced(*n)) {
				ch.claims[c.ID] = true
			}
		}
	}
	return ch
}

// touch reports whether a's notes name a claim or a source in ch.
func (ch refChanges) touch(a *briefing.Article) bool {
	for _, n := range a.Notes {
		if ch.claims[n.Claim.ID] {
			return true
		}
		for _, ref := range n.Cites {
			if ch.sources[ref.ID] {
				return true
			}
		}
	}
	return false
}

// unplaced is claim c without where it and its parts are written.
func unplaced(c briefing.Claim) briefing.Claim {
	c.Pos = diag.Pos{}
	c.Body.Pos, c.Body.Lines, c.Body.Indent = diag.Pos{}, nil, 0
	cites := make([]briefing.Ref, len(c.Cites))
	for i, r := range c.Cites {
		cites[i] = briefing.Ref{ID: r.ID}
	}
	c.Cites = cites
	return c
}
