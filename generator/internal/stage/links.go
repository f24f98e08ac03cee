// Relative links in the briefing's own text (notes, claims, the overview,
// the timeline), written for the page that first shows them, rewritten for
// the pages that show them again: the all-notes page at the site's root,
// and the handout, where every page the briefing is made of is a part.

package stage

import (
	"net/url"
	"path"
	"strings"

	"github.com/briefing/annotated/generator/internal/render"
)

// rewriteHrefs returns h with the value v of every href="v" that is a
// relative link (no scheme, not starting with "/") replaced by f(v, arg);
// h itself when there is none. (f is a function of its own, not a closure
// over arg: this runs for every note, and a closure would be allocated.)
func rewriteHrefs(h string, f func(v, arg string) string, arg string) string {
	const attr = `href="`
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(h[i:], attr)
		if j < 0 {
			break
		}
		start := i + j + len(attr)
		k := strings.IndexByte(h[start:], '"')
		if k < 0 {
			break
		}
		end := start + k
		i = end + 1
		v := h[start:end]
		if !render.IsRelative(v) {
			continue
		}
		w := f(v, arg)
		if w == v {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(h) + 64)
		}
		b.WriteString(h[last:start])
		b.WriteString(w)
		last = end
	}
	if last == 0 {
		return h
	}
	b.WriteString(h[last:])
	return b.String()
}

// rebase rewrites the relative links of a note, written for its article's
// page, for a page at the site's root.
func rebase(h, slug string) string {
	return rewriteHrefs(h, rebaseHref, slug)
}

func rebaseHref(v, slug string) string {
	if _, err := url.Parse(v); err != nil {
		return v
	}
	switch {
	case strings.HasPrefix(v, "#"):
		return "articles/" + slug + ".html" + v
	case strings.HasPrefix(v, "../"):
		return strings.TrimPrefix(v, "../")
	}
	return "articles/" + v
}

// handoutLinks rewrites the relative links of a text written for page (a
// path from the site's root) for the handout (handoutHref).
func handoutLinks(h, page string) string {
	return rewriteHrefs(h, handoutHref, page)
}

// handoutHref is where the relative link v, written for page, points in
// the handout. The handout holds the overview, the timeline, every article
// with its notes, the claims and the sources, with the ids they have on
// their own pages (an article's prefixed with its slug and "--"), so a
// link to any of those is a link within the handout. A page it does not
// hold (the methodology, the quotes) is linked from the site's root, where
// handout.html is.
func handoutHref(v, page string) string {
	u, err := url.Parse(v)
	if err != nil {
		return v
	}
	target := page
	if u.Path != "" {
		target = path.Clean(path.Join(path.Dir(page), u.Path))
	}
	f := u.Fragment
	switch target {
	case "index.html":
		if f == "" {
			f = "overview"
		}
		return "#" + f
	case "claims.html", "sources.html":
		if f == "" {
			f = strings.TrimSuffix(target, ".html")
		}
		return "#" + f
	}
	if slug, ok := strings.CutPrefix(target, "articles/"); ok && strings.HasSuffix(slug, ".html") {
		slug = strings.TrimSuffix(slug, ".html")
		if f == "" {
			return "#" + slug
		}
		if id, ok := strings.CutPrefix(f, "side-"); ok {
			f = "note-" + id // the handout has no in-text notes
		}
		return "#" + slug + "--" + f
	}
	if u.Fragment != "" {
		target += "#" + u.EscapedFragment()
	}
	return target
}
