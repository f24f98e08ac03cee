// Package stage turns a rendered briefing into the files of a Hugo project:
// a configuration, one content file per page with HTML bodies and JSON
// front matter carrying the structured data (notes, claims, sources,
// timeline) that the theme's templates lay out.
//
// It only computes the files; writing them and running Hugo happen at the
// edge (packages hugo and publish), so this package is tested on data.
package stage

import (
	"encoding/json"
	"fmt"

	"sort"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// Options are the choices of one build.
type Options struct {
	BaseURL string // "" for a site that works from any folder
	PDF     bool   // the build also prints handout.html to handout.pdf
}

// Files is a Hugo project: slash-separated paths to contents.
type Files map[string][]byte

// Counts summarises a staged briefing.
type Counts struct {
	Articles, Notes, Claims, Sources, Pages int
}

// Project returns the Hugo project for b and the rendered articles, keyed by
// slug. Problems found while rendering Markdown are added to errs.
func Project(b *briefing.Briefing, r *render.Renderer, arts map[string]*render.Article, opt Options, errs *diag.List) (Files, Counts) {
	f := Files{}
	c := Counts{Articles: len(b.Articles), Claims: len(b.Claims), Sources: len(b.Sources)}
	f["hugo.json"] = config(b, opt)

	order := articleOrder(b)
	for i, a := range order {
		ra := arts[a.Slug]
		if ra == nil {
			continue
		}
		c.Notes += len(ra.Notes)
		f["content/articles/"+a.Slug+".html"] = page(articleMatter(a, r, ra, i+1), ra.Body)
		c.Pages++
	}
	appearances := claimAppearances(r, order, arts)

	f["content/_index.html"] = page(indexMatter(b, r, order, appearances, errs), "")
	c.Pages++
	if m := b.Methodology; m != nil {
		f["content/methodology.html"] = page(frontMatter{
			Title: m.Title, Layout: "methodology",
			Params: map[string]any{"verdicts": verdictScale(), "kinds": kindList()},
		}, r.Markdown(m.Body, "the methodology", errs))
		c.Pages++
	}
	f["content/claims.html"] = page(frontMatter{Title: "Claims", Layout: "claims",
		Params: map[string]any{"claims": claimsData(b, r, appearances, errs)}}, "")
	f["content/sources.html"] = page(frontMatter{Title: "Sources", Layout: "sources",
		Params: map[string]any{"groups": sourcesData(b, r, order, arts)}}, "")
	f["content/quotes.html"] = page(frontMatter{Title: "Quotes across outlets", Layout: "quotes",
		Params: map[string]any{"groups": quotesData(order, arts)}}, "")
	f["content/notes.html"] = page(frontMatter{Title: "All notes", Layout: "notes",
		Params: map[string]any{"articles": notesData(r, order, arts)}}, "")
	index, name := searchFiles(b, r, order, arts)
	for k, v := range index {
		f[k] = v
	}
	f["content/search.html"] = page(frontMatter{Title: "Search", Layout: "search",
		Params: map[string]any{"index": name}}, "")
	c.Pages += 5
	exports(f, b, order, arts, opt)
	c.Pages += handout(f, b)
	return f, c
}

type frontMatter struct {
	Title  string         `json:"title"`
	Date   string         `json:"date,omitempty"`
	Weight int            `json:"weight,omitempty"`
	Layout string         `json:"layout,omitempty"`
	Params map[string]any `json:"params,omitempty"`
}

// page writes a Hugo content file: JSON front matter, then the HTML body.
// "{{" is written as character references so that Hugo never reads text of
// the briefing as a shortcode.
func page(fm frontMatter, body string) []byte {
	data, err := json.MarshalIndent(fm, "", " ")
	if err != nil {
		panic(fmt.Sprintf("stage: front matter does not encode: %v", err)) // only plain data is encoded
	}
	body = strings.ReplaceAll(body, "{{", "&#123;&#123;")
	return append(append(data, '\n'), body...)
}

func config(b *briefing.Briefing, opt Options) []byte {
	base := opt.BaseURL
	if base == "" {
		base = "/"
	}
	cfg := map[string]any{
		"baseURL":                    base,
		"title":                      b.Index.Title,
		"theme":                      "briefing",
		"uglyURLs":                   true,
		"relativeURLs":               true,
		"disableKinds":               []string{"taxonomy", "term", "rss", "section", "404"},
		"disableHugoGeneratorInject": true,
		"enableRobotsTXT":            false,
		"languageCode":               "en",
		"timeZone":                   "UTC",
		"outputs": map[string]any{
			"home": []string{"html"},
			"page": []string{"html"},
		},
		"params": map[string]any{
			"hasMethodology": b.Methodology != nil,
		},
		"build": map[string]any{"noJSConfigInAssets": true},
		"caches": map[string]any{
			"getresource": map[string]any{"maxAge": 0},
		},
		"security": map[string]any{
			// The staged content is HTML that the generator wrote and escaped.
			"allowContent": []string{"^text/html$"},
			"funcs":        map[string]any{"getenv": []string{"^$"}},
			"http":         map[string]any{"urls": []string{"^$"}},
		},
	}
	publishing(cfg, opt)
	data, _ := json.MarshalIndent(cfg, "", " ")
	return data
}

// articleOrder is the order of the briefing: by date of publication, undated
// articles last, then by title.
func articleOrder(b *briefing.Briefing) []*briefing.Article {
	out := append([]*briefing.Article(nil), b.Articles...)
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i], out[j]
		switch {
		case a.Published != nil && c.Published != nil && a.Published.ISO() != c.Published.ISO():
			return a.Published.ISO() < c.Published.ISO()
		case (a.Published == nil) != (c.Published == nil):
			return a.Published != nil
		}
		return a.Title < c.Title
	})
	return out
}

func verdictScale() []map[string]string {
	var out []map[string]string
	for _, v := range briefing.Verdicts {
		out = append(out, map[string]string{"verdict": string(v), "label": v.Label()})
	}
	return out
}

func kindList() []map[string]string {
	var out []map[string]string
	for _, k := range briefing.Kinds {
		out = append(out, map[string]string{"kind": string(k), "label": k.Label()})
	}
	return out
}
