package render

import (
	"net/url"
	"slices"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// The handout (handout.html) holds the site's pages as its parts, and
// package stage gives their ids there (stage.handoutHref rewrites a link
// to one of them into the handout): a claim, a source and a timeline entry
// keep their pages' ids; an article is article-<slug>, and its own ids
// take "<slug>--" before them (its notes' endnote, passage and marker, its
// headings, its notes' heading, its title); the overview's headings take
// "index--" and the methodology's ids "methodology--". Besides those, the
// handout has its own parts: main, its contents, the overview, the
// timeline, the claims, the sources and the methodology. A link to an id
// of the handout is checked as a link to the id of the page it stands for
// (TestLinksToHandoutParts holds this to the built handout).

// handoutPart is an id of a page of the site that the handout has under
// another id.
type handoutPart struct{ page, id string }

// handoutParts returns the ids of pages that the handout's id f may
// stand for: more than one when f reads two ways (a source's id may hold
// "--", as an article's ids in the handout do).
func handoutParts(f string) []handoutPart {
	var parts []handoutPart
	switch {
	case strings.HasPrefix(f, "claim-"):
		parts = append(parts, handoutPart{"claims.html", f})
	case strings.HasPrefix(f, "src-"):
		parts = append(parts, handoutPart{"sources.html", f})
	case strings.HasPrefix(f, "event-"):
		parts = append(parts, handoutPart{"index.html", f})
	case strings.HasPrefix(f, "article-"):
		parts = append(parts, handoutPart{"articles/" + strings.TrimPrefix(f, "article-") + ".html", ""})
	}
	slug, id, ok := strings.Cut(f, "--")
	if !ok || id == "" {
		return parts
	}
	switch slug {
	case "index":
		// The overview's headings, not the home page's own parts.
		if !slices.Contains(PageIDs("index.html"), id) && !strings.HasPrefix(id, "event-") {
			parts = append(parts, handoutPart{"index.html", id})
		}
	case "methodology":
		// Its headings, its verdicts' definitions and its scale; the
		// handout has contents of its own.
		if id != "main" && id != "methodology-toc-h" {
			parts = append(parts, handoutPart{"methodology.html", id})
		}
	default:
		// The handout shows no in-text notes, and an article's part has
		// neither main nor the sources its notes cite (the handout's
		// bibliography has them).
		page := "articles/" + slug + ".html"
		switch {
		case slices.Contains(handoutIDs, id):
			parts = append(parts, handoutPart{page, ""})
		case id != "main" && id != "cited-h" && !strings.HasPrefix(id, "side-"):
			parts = append(parts, handoutPart{page, id})
		}
	}
	return parts
}

// handoutOwn returns the ids of the handout's own parts that it has in
// this briefing.
func (m *siteMap) handoutOwn() []string {
	own := []string{"main", "toc-h", "overview", "overview-h"}
	if m.events > 0 {
		own = append(own, "timeline", "timeline-h")
	}
	if m.lists["claims.html"] {
		own = append(own, "claims", "claims-h")
	}
	if m.lists["sources.html"] {
		own = append(own, "sources", "sources-h")
	}
	if m.pages["methodology.html"] {
		own = append(own, "methodology", "methodology-h")
	}
	return own
}

// handoutProblem says why f is no id of the handout, to which a link in a
// text shown on page points, or "" when it is one; wait as pointsTo's,
// for an article's heading.
func (r *Renderer) handoutProblem(f, page string, final bool) (problem string, wait bool) {
	m := r.site
	own := m.handoutOwn()
	if slices.Contains(own, f) {
		return "", false
	}
	dir := pageDir(page)
	for _, p := range handoutParts(f) {
		u := url.URL{Path: relTo(dir, p.page), Fragment: p.id}
		if problem, wait := r.pointsTo(u.String(), page, final); wait || problem == "" {
			return "", wait
		}
	}
	to := relTo(dir, "handout.html")
	switch {
	case strings.HasPrefix(f, "claim-"):
		return "points to no claim: a claim's address in the handout is " + to + "#claim-<id>, as on the claims page, with its id from annotations/claims.yaml", false
	case strings.HasPrefix(f, "src-") && !strings.Contains(f, "--"):
		return "points to no source: a source's address in the handout is " + to + "#src-<id>, as on the sources page, with its id from the bibliography", false
	case strings.HasPrefix(f, "event-"):
		return m.eventProblem(f, to, " in the handout", ", as on the home page"), false
	}
	if id, why := r.handoutIDFor(f, page); id != "" {
		return "points to no part of the handout: did you mean " + to + "#" + id + "? (" + why + ")", false
	}
	if slug, _, ok := strings.Cut(f, "--"); ok {
		if p := m.handoutPartProblem(slug, to); p != "" {
			return p, false
		}
	}
	parts := make([]string, 0, len(own)+1)
	for _, id := range own {
		if !strings.HasSuffix(id, "-h") && id != "main" {
			parts = append(parts, "#"+id)
		}
	}
	parts = append(parts, "#article-<article>")
	return "points to no part of the handout: its ids are its parts' (" + strings.Join(parts, ", ") +
		"), a claim's, a source's or a timeline entry's as on its page (#claim-<id>, #src-<id>, #event-<n>), and an article's own ids, the overview's and the methodology's " +
		"as on its page after <article>--, index-- or methodology-- (#<article>--note-<id>, with the article's file name without .md)", false
}

// handoutPartProblem says what ids the part of the handout whose ids take
// slug and "--" has (the article slug's, "index" for the overview's,
// "methodology" for the methodology's), to a link to another id in it, or
// "" when the handout has no such part. to is the way to the handout.
func (m *siteMap) handoutPartProblem(slug, to string) string {
	page, what := "articles/"+slug+".html", "content/articles/"+slug+".md"
	switch slug {
	case "index":
		page, what = "index.html", "the overview"
	case "methodology":
		page, what = "methodology.html", "the methodology"
	}
	if !m.pages[page] {
		return ""
	}
	ids, _ := m.headingsOf(page)
	switch {
	case slug == "methodology":
		ids = append(ids, "scale-h")
		for _, v := range briefing.Verdicts {
			if m.verdicts[v] {
				ids = append(ids, verdictPrefix+string(v))
			}
		}
	case slug != "index":
		ids = append([]string{"title"}, ids...)
		if len(m.notes[slug]) > 0 {
			ids = append(ids, "notes-h", "note-<id>")
		}
	}
	if len(ids) == 0 {
		return "points to nothing in the handout's part for " + what + ", which has no heading: link to the overview itself, " + to + "#overview"
	}
	return "points to nothing in the handout's part for " + what + ": its ids there are " + firstIDs(ids, slug+"--")
}

// handoutIDFor returns the handout's id for f, an id as a page of the
// site has it (a note's, a heading's, a claim's or a source's without its
// prefix, an article's file name), and why it is written so; or "".
func (r *Renderer) handoutIDFor(f, page string) (id, why string) {
	const own = "In the handout, an article's own ids, its notes' among them, are its page's after its file name without .md and two hyphens."
	m := r.site
	switch {
	case r.claims[f] != nil:
		return "claim-" + f, "A claim's address is its id after claim-, in the handout as on the claims page."
	case r.sources[f] != nil:
		return "src-" + f, "A source's address is its id after src-, in the handout as on the sources page."
	}
	if slug, id, ok := strings.Cut(f, "--"); ok {
		// The all-notes page's address of a note, or an in-text note's.
		id = strings.TrimPrefix(id, "side-")
		if slices.Contains(m.notes[slug], id) {
			return slug + "--note-" + id, own
		}
	}
	if n := m.noteOnNotesPage(f, page); n != "" {
		slug, id, _ := strings.Cut(n, "--")
		return slug + "--note-" + id, own
	}
	if slug, ok := strings.CutPrefix(f, "notes-"); ok && len(m.notes[slug]) > 0 {
		return slug + "--notes-h", own
	}
	if m.pages["articles/"+f+".html"] {
		return "article-" + f, "An article's address in the handout is its file name without .md after article-."
	}
	var found []string
	for _, p := range []string{"index.html", "methodology.html"} {
		if ids, _ := m.headingsOf(p); slices.Contains(ids, f) {
			found = append(found, strings.TrimSuffix(p, ".html")+"--"+f)
		}
	}
	for slug := range m.notes {
		if ids, _ := m.headingsOf("articles/" + slug + ".html"); slices.Contains(ids, f) {
			found = append(found, slug+"--"+f)
		}
	}
	if len(found) != 1 {
		return "", ""
	}
	return found[0], "In the handout, a heading's id is its page's after the article's file name without .md and two hyphens, or after index-- for the overview's, methodology-- for the methodology's."
}
