// The print edition (handout.html), the 404 page and the configuration that
// publishing needs.

package stage

import (
	"github.com/briefing/annotated/generator/internal/briefing"
)

// handout adds content/handout.html: the whole briefing in one
// self-contained file, laid out by the theme's handout.html from the other
// pages' data. It returns the number of pages added.
func handout(f Files, b *briefing.Briefing) int {
	params := map[string]any{}
	if d := AsOf(b); d != nil {
		params["as_of_label"] = d.Long()
		params["as_of_iso"] = d.ISO()
	}
	f["content/handout.html"] = page(frontMatter{Title: b.Index.Title, Layout: "handout", Params: params}, "")
	return 1
}

// AsOf is the date of the briefing as the handout's cover gives it: its
// latest date (an article's publication or a timeline entry), so that two
// builds of the same briefing are the same, whatever day they run. It is nil
// when the briefing has no date at all.
func AsOf(b *briefing.Briefing) *briefing.Date {
	var latest *briefing.Date
	later := func(d *briefing.Date) {
		if d != nil && (latest == nil || d.ISO() > latest.ISO()) {
			latest = d
		}
	}
	for _, a := range b.Articles {
		later(a.Published)
	}
	for i := range b.Index.Timeline {
		later(&b.Index.Timeline[i].Date)
	}
	return latest
}

// publishing adds to the Hugo configuration what hosting needs: a 404
// page, and a sitemap only when the site has an absolute address (a sitemap
// lists absolute addresses).
//
// Hugo itself always gets "/" as its base URL, so that relativeURLs turns
// every link into one relative to its page: given a base URL with a path
// (https://example.org/sub/), Hugo would write "../sub/index.html", which
// works on the server but not from disk. The theme writes absolute
// addresses (canonical link, sitemap, 404 links) from params.baseURL.
func publishing(cfg map[string]any, opt Options) {
	disabled := []string{"taxonomy", "term", "rss", "section"}
	if baseURL(opt) == "" {
		disabled = append(disabled, "sitemap")
	}
	cfg["disableKinds"] = disabled
	cfg["baseURL"] = "/"
	params := cfg["params"].(map[string]any)
	params["baseURL"] = baseURL(opt)
	params["hasPDF"] = opt.PDF
}
