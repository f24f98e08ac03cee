// Relative links in the briefing's own text (notes, claims, the overview,
// the timeline), written for the page that first shows them, rewritten for
// the handout, where every page the briefing is made of is a part. (For a
// page at the site's root, render.RootLinks.)

package stage

import (
	"net/url"
	"slices"
	"strings"

	"github.com/briefing/annotated/generator/internal/render"
)

// handoutLinks rewrites the relative links of a text written for page (a
// path from the site's root) for the handout (handoutHref).
func handoutLinks(h, page string) string {
	return render.RewriteLinks(h, handoutHref, page)
}

// fragment is the link to id f on the page it is on: "#" and f escaped as
// an address escapes it, so that a fragment decoded from a link ("%22"
// is a quote) cannot end the attribute it is written in.
func fragment(f string) string {
	return "#" + (&url.URL{Fragment: f}).EscapedFragment()
}

// handoutHref is where the relative link v, written for page, points in
// the handout. The handout holds the overview, the timeline, every article
// with its notes, the claims and the sources, with the ids they have on
// their own pages (an article's prefixed with its slug and "--"), so a
// link to any of those is a link within the handout, and so is a link to
// the methodology (its ids prefixed with "methodology--"), which a
// briefing that links to it has. A note or an article's notes on the
// all-notes page are the handout's too (the page itself is not). A page
// the handout does not hold (the quotes, the search, the all-notes page)
// is linked from the site's root, where handout.html is, with its query
// (search.html?q=…). The ids it gives are those a link to handout.html
// may name (render's handout.go; TestLinksToHandoutParts).
func handoutHref(v, page string) string {
	u, err := url.Parse(v)
	if err != nil {
		return v
	}
	target := render.LinkTarget(u, page)
	f := u.Fragment
	switch target {
	case "index.html":
		switch {
		case f == "":
			f = "overview"
		case f == "main" || f == "timeline-h" || strings.HasPrefix(f, "event-"):
			// The handout has them too.
		case slices.Contains(render.PageIDs(target), f):
			f = "overview" // a part of the home page the handout has not
		default:
			f = overviewPrefix + f // a heading of the overview
		}
		return fragment(f)
	case "claims.html", "sources.html":
		// The handout has each claim (with its heading's id) and source;
		// the pages' contents and groups are its section, and the claims
		// page's sources cited its bibliography.
		switch {
		case f == "cited-h":
			f = "sources"
		case f == "" || !strings.HasPrefix(f, "claim-") && !strings.HasPrefix(f, "src-") && f != "main":
			f = strings.TrimSuffix(target, ".html")
		}
		return fragment(f)
	case "methodology.html":
		switch f {
		case "", "methodology-toc-h": // the handout has contents of its own
			return fragment("methodology")
		case "main":
			return fragment("main")
		}
		return fragment(methodologyPrefix + f)
	}
	if slug, ok := strings.CutPrefix(target, "articles/"); ok && strings.HasSuffix(slug, ".html") {
		slug = strings.TrimSuffix(slug, ".html")
		switch f {
		case "":
			return fragment(handoutArticleID(slug))
		case "main":
			return fragment("main")
		case "cited-h": // the handout has the whole bibliography instead
			return fragment("sources")
		}
		if id, ok := strings.CutPrefix(f, "side-"); ok {
			f = "note-" + id // the handout has no in-text notes
		}
		return fragment(slug + "--" + f)
	}
	if target == "notes.html" {
		// <slug>--<id> (check has made sure it is a note) and
		// notes-<slug>: the note and the article's notes in the handout;
		// the sources its notes cite: its bibliography.
		if f == "cited-h" {
			return fragment("sources")
		}
		if slug, id, ok := strings.Cut(f, "--"); ok {
			return fragment(slug + "--note-" + id)
		}
		if slug, ok := strings.CutPrefix(f, "notes-"); ok && f != "notes-toc-h" {
			return fragment(slug + "--notes-h")
		}
	}
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		target += "#" + u.EscapedFragment()
	}
	return target
}
