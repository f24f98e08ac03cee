// The sources page: the bibliography grouped by kind, each entry with the
// places that cite it.

package stage

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// citing is one place that cites a source: the markup of the sources
// page's link to it, made once (an article's, with its parts).
type citing string

// newCiting is the link to href, labelled label, its name starting with
// context ("Reuters" for "note 3"), which the page shows before the links
// and a screen reader's list of links would not, and ending with detail:
// both hidden but read. No context is needed for a label that names its
// target alone (a claim's statement); detail tells apart targets whose
// context and label are alike (timeline entries of one day).
func newCiting(context, label, detail, href string) citing {
	var h strings.Builder
	h.Grow(len(context) + len(label) + len(href) + 64)
	h.WriteString(`<a href="`)
	h.WriteString(escURL(href))
	h.WriteString(`">`)
	if context != "" {
		h.WriteString(`<span class="visually-hidden">`)
		escTo(&h, context)
		h.WriteString(", </span>")
	}
	escTo(&h, label)
	if detail != "" {
		h.WriteString(`<span class="visually-hidden">: `)
		escTo(&h, detail)
		h.WriteString("</span>")
	}
	h.WriteString("</a>")
	return citing(h.String())
}

// citingGroup is the places in one article (Label, its outlet, with its
// title when another article has the same outlet; key, its slug), the
// claims or the timeline (String, the theme's string that names them)
// that cite a source.
type citingGroup struct {
	Label, String string
	Links         []citing
	key           string
}

// citations holds, by source id, every note, claim and timeline entry that
// cites it, grouped: an article's notes, then claims, then the timeline.
// The articles' notes are added article by article (notes), then the rest
// (shared).
type citations map[string][]citingGroup

func (out citations) add(refs []briefing.Ref, group citingGroup, c citing) {
	for i, ref := range refs {
		if slices.ContainsFunc(refs[:i], func(r briefing.Ref) bool { return r.ID == ref.ID }) {
			continue // cited twice by the same note: listed once
		}
		gs := out[ref.ID]
		if last := len(gs) - 1; last < 0 || gs[last].key != group.key || gs[last].Label != group.Label || gs[last].String != group.String {
			gs = append(gs, group)
		}
		gs[len(gs)-1].Links = append(gs[len(gs)-1].Links, c)
		out[ref.ID] = gs
	}
}

// noteCites is what one note cites, and the note: its number and the
// address of the link to it.
type noteCites struct {
	refs   []briefing.Ref
	number int
	href   string
}

// citingNotes returns the citations of an article's notes, made once with
// its parts.
func citingNotes(a *briefing.Article, ra *render.Article) []noteCites {
	var out []noteCites
	for _, n := range ra.Notes {
		if len(n.Note.Cites) > 0 {
			out = append(out, noteCites{n.Note.Cites, n.Number, "articles/" + a.Slug + ".html#note-" + n.ID})
		}
	}
	return out
}

// notes adds the citations of an article's notes (citingNotes), under the
// article's name (noteLabels): "The Outlet: note 1 · note 1" read as one
// article's note listed twice, where two articles of one outlet cite a
// source (review h91e).
func (out citations) notes(a *briefing.Article, name articleName, cites []noteCites) {
	label := name.label()
	// Each link is named with the article's name too, hidden but read:
	// in a screen reader's list of links, three "Example Outlet, note 2"
	// were three articles' notes (review h91f).
	for _, n := range cites {
		out.add(n.refs, citingGroup{Label: label, key: a.Slug}, newCiting(label, "note "+strconv.Itoa(n.number), "", n.href))
	}
}

// shared adds the citations of the claims and of the timeline, given as
// overviewData rendered it (in Index.SortedTimeline's order). A timeline entry's
// link shows its date and is named with the entry's first words too
// ("Timeline, 21 November 2025: A cable dated that day instructs…"):
// several entries may share a day.
func (out citations) shared(b *briefing.Briefing, timeline []timelineEntry) {
	for _, c := range b.Claims {
		out.add(c.Cites, citingGroup{String: "claims"}, newCiting("", c.Statement, "", "claims.html#claim-"+c.ID))
	}
	for i, e := range b.Index.SortedTimeline() {
		if len(e.Cites) > 0 {
			te := timeline[i]
			out.add(e.Cites, citingGroup{String: "timeline"}, newCiting("Timeline", te.Label, firstWords(plainText(te.HTML), 8), "index.html#"+te.ID))
		}
	}
}

// citedBy returns, by source id, every note, claim and timeline entry that
// cites it (citations).
func citedBy(b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) citations {
	out, names := citations{}, noteLabels(order)
	for _, a := range order {
		if ra := arts[a.Slug]; ra != nil {
			out.notes(a, names[a.Slug], citingNotes(a, ra))
		}
	}
	var quiet diag.List // problems in the timeline are reported by the home page
	out.shared(b, overviewData(b, r, &quiet).Timeline)
	return out
}

// sourceEntry is a source as the sources page and the handout show it.
type sourceEntry struct {
	ID, Label, Type string
	HTML            string // the bibliography entry
	CitedBy         []citingGroup
}

// sourceGroupData is one group of the bibliography.
type sourceGroupData struct {
	Key, Title string
	Sources    []sourceEntry
}

func sourcesData(b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) []sourceGroupData {
	return sourcesOf(b, r, citedBy(b, r, order, arts))
}

// sourcesOf is sourcesData with the citations known.
func sourcesOf(b *briefing.Briefing, r *render.Renderer, by citations) []sourceGroupData {
	grouped := map[string][]*briefing.Source{}
	for _, s := range b.Sources {
		g := render.SourceGroup(s)
		grouped[g] = append(grouped[g], s)
	}
	var out []sourceGroupData
	for _, g := range render.SourceGroups {
		ss := grouped[g.Key]
		if len(ss) == 0 {
			continue
		}
		// Alphabetical by author and date, as a reference list is.
		slices.SortFunc(ss, func(a, b *briefing.Source) int { return r.CompareSources(a.ID, b.ID) })
		var entries []sourceEntry
		for _, s := range ss {
			entries = append(entries, sourceEntry{ID: s.ID, Label: r.Label(s.ID), HTML: r.Reference(s), Type: s.Type, CitedBy: by[s.ID]})
		}
		out = append(out, sourceGroupData{Key: g.Key, Title: g.Title, Sources: entries})
	}
	return out
}

// sourcesPage is the body of the sources page: the groups, then each
// source with every place that cites it.
func sourcesPage(groups []sourceGroupData, t *Text) string {
	size := 1024
	for _, g := range groups {
		for _, s := range g.Sources {
			size += 512 + len(s.HTML)
			for _, c := range s.CitedBy {
				size += 64 + len(c.Label)
				for _, l := range c.Links {
					size += 3 + len(l)
				}
			}
		}
	}
	h := newHTML(t, size)
	if len(groups) == 0 {
		h.raw("<p>")
		h.tr("no_sources")
		h.raw("</p>\n")
		return h.String()
	}
	// The introduction says that some entries are cited by nothing only
	// when some are.
	intro := "sources_intro"
	for _, g := range groups {
		for _, s := range g.Sources {
			if len(s.CitedBy) == 0 {
				intro = "sources_intro_uncited"
			}
		}
	}
	h.raw(`<p class="lede">`)
	h.tr(intro)
	h.raw("</p>\n")
	h.toc("sources-toc-h", "ul", func() {
		for _, g := range groups {
			h.raw(`<li><a href="#group-`, esc(g.Key), `">`)
			h.text(g.Title)
			h.raw("</a> (", strconv.Itoa(len(g.Sources)), ")</li>")
		}
	}, "")
	for _, g := range groups {
		key := esc(g.Key)
		h.raw(`<section aria-labelledby="group-`, key, "\">\n", `<h2 id="group-`, key, `">`)
		h.text(g.Title)
		h.raw("</h2>\n<ul class=\"bibliography\">\n")
		for _, s := range g.Sources {
			h.raw(`<li id="src-`, esc(s.ID), `"><p class="ref">`, s.HTML, "</p>\n")
			if len(s.CitedBy) == 0 {
				h.raw(`<p class="cited-by">`)
				h.tr("not_cited")
				h.raw("</p>\n</li>\n")
				continue
			}
			h.raw(`<div class="cited-by"><p>`)
			h.tr("cited_in")
			h.raw(":</p><ul>")
			for _, c := range s.CitedBy {
				h.raw("<li>")
				switch {
				case c.String == "claims" && len(c.Links) == 1:
					h.tr("claim")
				case c.String != "":
					h.tr(c.String)
				default:
					h.text(c.Label)
				}
				h.raw(": ")
				for j, l := range c.Links {
					if j > 0 {
						h.raw(" · ")
					}
					h.raw(string(l))
				}
				h.raw("</li>")
			}
			h.raw("</ul></div>\n</li>\n")
		}
		h.raw("</ul>\n</section>\n")
	}
	return h.String()
}
