// The machine-readable exports and the ClaimReview JSON-LD of pages.

package stage

import (
	"github.com/briefing/annotated/generator/internal/export"
)

// JSONLDAsset is where the ClaimReview JSON-LD of the page staged as
// content/<path> is put: an asset the head partial reads as it is, so the
// JSON that package export escaped for a <script> element reaches the page
// byte for byte.
func JSONLDAsset(contentPath string) string { return "assets/jsonld/" + contentPath + ".json" }

// exports returns annotations.jsonld and briefing.json (copied to the site
// as they are, from static/) and the JSON-LD of every page that carries a
// verdict, from the articles' parts (parts[i] is that of eb.Order[i]).
func exports(eb *export.Briefing, parts []*Parts) Files {
	f := Files{}
	ps := make([]*export.Part, len(parts))
	for i, p := range parts {
		ps[i] = p.export
	}
	f["static/"+export.AnnotationsFile] = export.AnnotationsOf(eb, ps)
	f["static/"+export.ModelFile] = export.ModelOf(eb, ps)
	for i, a := range eb.Order {
		if data := ps[i].Reviews; data != nil {
			f[JSONLDAsset("articles/"+a.Slug+".html")] = data
		}
	}
	if data := export.ClaimReviewsOf(eb, ps); data != nil {
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
