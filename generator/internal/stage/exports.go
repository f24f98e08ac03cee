// The machine-readable exports and the ClaimReview JSON-LD of pages.

package stage

import (
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
)

// JSONLDAsset is where the ClaimReview JSON-LD of the page staged as
// content/<path> is put: an asset the head partial reads as it is, so the
// JSON that package export escaped for a <script> element reaches the page
// byte for byte.
func JSONLDAsset(contentPath string) string { return "assets/jsonld/" + contentPath + ".json" }

// exports returns annotations.jsonld and briefing.json (copied to the site
// as they are, from static/) and the JSON-LD of every page that carries a
// verdict.
func exports(b *briefing.Briefing, order []*briefing.Article, arts map[string]*render.Article, opt Options) Files {
	f := Files{}
	eb := &export.Briefing{Briefing: b, Order: order, Rendered: arts, BaseURL: baseURL(opt)}
	f["static/"+export.AnnotationsFile] = export.Annotations(eb)
	f["static/"+export.ModelFile] = export.Model(eb)
	for _, a := range order {
		if data := export.ArticleReviews(eb, a); data != nil {
			f[JSONLDAsset("articles/"+a.Slug+".html")] = data
		}
	}
	if data := export.ClaimReviews(eb); data != nil {
		f[JSONLDAsset("claims.html")] = data
	}
	return f
}

// baseURL is the site's absolute address ending in "/", or "" for a site
// that works from any folder.
func baseURL(opt Options) string {
	u := opt.BaseURL
	if u == "" || u == "/" {
		return ""
	}
	if u[len(u)-1] != '/' {
		u += "/"
	}
	return u
}
