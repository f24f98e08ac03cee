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
	"sync"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/render"
)

// Options are the choices of one build.
type Options struct {
	BaseURL string // "" for a site that works from any folder
	PDF     bool   // the build also prints handout.html to handout.pdf
	Text    *Text  // the theme's strings; nil: the bundled theme's
	// Memo, when set, makes each article's page and handout part, so that
	// it can keep them from one Project to the next (site.Compiler).
	Memo Memo
}

// Memo makes an article's page and handout part: it returns what build
// returns, or what build returned for the same article and weight before.
// Project calls it from several goroutines at once.
type Memo interface {
	Article(a *briefing.Article, weight int, build func() (page []byte, part string)) ([]byte, string)
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
	t := opt.Text
	if t == nil {
		var err error
		if t, err = LoadText(nil); err != nil {
			panic(fmt.Sprintf("stage: the bundled theme: %v", err)) // embedded at compile time
		}
	}
	f["hugo.json"] = config(b, opt)

	order := articleOrder(b)
	pages := make([][]byte, len(order))
	parts := make([]string, len(order)) // on the handout
	parallel.For(len(order), func(i int) {
		ra := arts[order[i].Slug]
		if ra == nil {
			return
		}
		build := func() ([]byte, string) {
			return articlePage(order[i], r, ra, i+1, t), handoutArticle(order[i], ra, articleNotes(r, ra), t)
		}
		if opt.Memo != nil {
			pages[i], parts[i] = opt.Memo.Article(order[i], i+1, build)
		} else {
			pages[i], parts[i] = build()
		}
	})
	for i, a := range order {
		ra := arts[a.Slug]
		if ra == nil {
			continue
		}
		c.Notes += len(ra.Notes)
		f["content/articles/"+a.Slug+".html"] = pages[i]
		c.Pages++
	}
	// The pages that read only finished data are built side by side.
	var (
		index, ex Files
		name      string
		g         sync.WaitGroup
		notesBody string
	)
	g.Go(func() { index, name = searchFiles(b, r, order, arts) })
	g.Go(func() { ex = exports(b, order, arts, opt) })
	g.Go(func() { notesBody = notesPage(notesData(r, order, arts), t) })
	appearances := claimAppearances(r, order, arts)
	o := overviewData(b, r, errs)
	claims := claimsData(b, r, appearances, errs)
	groups := sourcesData(b, r, order, arts)

	f["content/_index.html"] = indexPage(b, order, arts, o, appearances, t)
	c.Pages++
	if m := b.Methodology; m != nil {
		f["content/methodology.html"] = page(frontMatter{
			Title: m.Title, Layout: "methodology",
			Params: map[string]any{"verdicts": verdictScale(), "kinds": kindList()},
		}, r.Markdown(m.Body, "the methodology", errs))
		c.Pages++
	}
	f["content/claims.html"] = page(frontMatter{Title: "Claims", Layout: "claims"}, claimsPage(claims, t))
	f["content/sources.html"] = page(frontMatter{Title: "Sources", Layout: "sources"}, sourcesPage(groups, t))
	f["content/quotes.html"] = page(frontMatter{Title: "Quotes across outlets", Layout: "quotes",
		Params: map[string]any{"groups": quotesData(order, arts)}}, "")
	c.Pages += handout(f, b, order, parts, o, claims, groups, t)
	g.Wait()
	f["content/notes.html"] = page(frontMatter{Title: "All notes", Layout: "notes"}, notesBody)
	for k, v := range index {
		f[k] = v
	}
	for k, v := range ex {
		f[k] = v
	}
	f["content/search.html"] = page(frontMatter{Title: "Search", Layout: "search",
		Params: map[string]any{"index": name}}, "")
	c.Pages += 5
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
// the briefing as a shortcode. The JSON is not indented: at a thousand
// articles indenting took a quarter of the generator's time.
func page(fm frontMatter, body string) []byte {
	data, err := json.Marshal(fm)
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
