// The sources page: the bibliography grouped by kind, each entry with the
// places that cite it.

package stage

import (
	"sort"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/quotes"
	"github.com/briefing/annotated/generator/internal/render"
)

// A source's group is named by its CSL keyword when that holds one of these
// words (a Zotero tag exports as a keyword), and otherwise follows from its
// CSL type: CSL has no type for "official", and a report or a web page may
// be a study, an agency's statistics or a campaign's release.
var sourceGroups = []struct {
	Key, Title string
	Types      []string
}{
	{"study", "Studies and research", []string{"article-journal", "article", "book", "chapter", "thesis",
		"paper-conference", "manuscript", "report", "review", "review-book"}},
	{"official", "Official statistics and documents", []string{"legislation", "legal_case", "bill", "hearing",
		"regulation", "treaty", "standard", "patent", "dataset"}},
	{"news", "News reports", []string{"article-newspaper", "article-magazine", "broadcast", "interview", "periodical"}},
	{"statement", "Speeches, statements and posts", []string{"speech", "post", "post-weblog", "personal_communication"}},
	{"other", "Web pages and other sources", nil},
}

// sourceGroup returns the key of s's group.
func sourceGroup(s *briefing.Source) string {
	for _, kw := range strings.FieldsFunc(s.Other["keyword"], func(r rune) bool { return r == ',' || r == ';' }) {
		kw = strings.ToLower(strings.TrimSpace(kw))
		for _, g := range sourceGroups {
			if kw == g.Key {
				return g.Key
			}
		}
	}
	for _, g := range sourceGroups {
		for _, t := range g.Types {
			if s.Type == t {
				return g.Key
			}
		}
	}
	return "other"
}

// citing is one place that cites a source, as a link from the sources page.
type citing struct {
	Label string `json:"label"`
	Href  string `json:"href"`
}

// citingGroup is the places in one article, the claims, or the timeline
// that cite a source.
type citingGroup struct {
	Label string   `json:"label"`
	Links []citing `json:"links"`
}

// citedBy returns, by source id, every note, claim and timeline entry that
// cites it, grouped: an article's notes, then claims, then the timeline.
func citedBy(b *briefing.Briefing, order []*briefing.Article, arts map[string]*render.Article) map[string][]citingGroup {
	out := map[string][]citingGroup{}
	add := func(refs []briefing.Ref, group string, c citing) {
		seen := map[string]bool{}
		for _, ref := range refs {
			if seen[ref.ID] {
				continue
			}
			seen[ref.ID] = true
			gs := out[ref.ID]
			if len(gs) == 0 || gs[len(gs)-1].Label != group {
				gs = append(gs, citingGroup{Label: group})
			}
			gs[len(gs)-1].Links = append(gs[len(gs)-1].Links, c)
			out[ref.ID] = gs
		}
	}
	for _, a := range order {
		if ra := arts[a.Slug]; ra != nil {
			for _, n := range ra.Notes {
				add(n.Note.Cites, a.Outlet, citing{Label: "note " + strconv.Itoa(n.Number), Href: "articles/" + a.Slug + ".html#note-" + n.ID})
			}
		}
	}
	for _, c := range b.Claims {
		add(c.Cites, "Claims", citing{Label: c.Statement, Href: "claims.html#claim-" + c.ID})
	}
	for i, e := range sortedTimeline(b) {
		add(e.Cites, "Timeline", citing{Label: e.Date.Long(), Href: "index.html#" + eventID(i)})
	}
	return out
}

func sourcesData(b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) []map[string]any {
	by := citedBy(b, order, arts)
	grouped := map[string][]*briefing.Source{}
	for _, s := range b.Sources {
		g := sourceGroup(s)
		grouped[g] = append(grouped[g], s)
	}
	var out []map[string]any
	for _, g := range sourceGroups {
		ss := grouped[g.Key]
		if len(ss) == 0 {
			continue
		}
		// Alphabetical by author and date, as a reference list is.
		sort.SliceStable(ss, func(i, j int) bool { return quotes.Key(r.Label(ss[i].ID)) < quotes.Key(r.Label(ss[j].ID)) })
		var entries []map[string]any
		for _, s := range ss {
			entries = append(entries, map[string]any{
				"id": s.ID, "label": r.Label(s.ID), "html": render.Reference(s), "type": s.Type, "cited_by": by[s.ID],
			})
		}
		out = append(out, map[string]any{"key": g.Key, "title": g.Title, "sources": entries})
	}
	return out
}
