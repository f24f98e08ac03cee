package export_test

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// TestExportsMatchEncodingJSON holds the append-style encoders, and the
// files put together from the articles' parts, to the encoding/json
// implementation they replaced (oracle_old_test.go), byte for byte: on the
// project's own briefing, the fixtures, the hostile briefing and synthetic
// briefings, with and without a base URL, in two reading orders.
func TestExportsMatchEncodingJSON(t *testing.T) {
	briefings := map[string]fs.FS{
		"the project's briefing": os.DirFS("../../.."),
		"typography":             briefingtest.Load(t, "../site/testdata/typography.txtar"),
		"crlf-json":              briefingtest.Load(t, "../site/testdata/crlf-json.txtar"),
		"pages":                  briefingtest.Load(t, "../stage/testdata/pages.txtar"),
		"hostile":                briefingtest.Load(t, "../../testdata/hostile/hostile.txtar"),
	}
	for seed := uint64(1); seed <= 3; seed++ {
		briefings[fmt.Sprint("synthetic ", seed)] = briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 20 * int(seed), Notes: 8, Sources: 30, Claims: 10, Seed: seed}))
	}
	for name, fsys := range briefings {
		res, err := site.Compile(fsys, stage.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Articles that give a language: the hostile briefing's one, and
		// every third of the others from the second, German; every third
		// from the third British English, a form of the site's language,
		// which briefing.json gives and the JSON-LD does not.
		for i, a := range res.Briefing.Articles {
			switch {
			case name == "hostile" || i%3 == 1:
				a.Language = "de"
			case i%3 == 2:
				a.Language = "en-GB"
			}
		}
		if name == "hostile" {
			// A publisher with text to escape.
			res.Briefing.Index.Publisher, res.Briefing.Index.PublisherURL = "</script><b>&amp;\u2028", "https://example.org/?a=1&b=<2>"
			res.Briefing.Index.Published = &briefing.Date{Year: 2026, Month: 12, Day: 6}
			// CSL variables the generator does not model, with text to
			// escape, one where a modelled variable is left out.
			for i, s := range res.Briefing.Sources {
				s.Other = map[string]string{"title-short": "<b>&amp;</b>\u2028", "ISSN": fmt.Sprint(i)}
				if s.Publisher == "" {
					s.Other["publisher"] = "</script>"
				}
				// An approximate date.
				s.IssuedCirca = s.Issued != nil && i%2 == 0
			}
		}
		reversed := slices.Clone(res.Briefing.Articles)
		slices.Reverse(reversed)
		for _, base := range []string{"", "https://example.org/sub/"} {
			for _, order := range [][]*briefing.Article{res.Briefing.Articles, reversed} {
				b := &export.Briefing{Briefing: res.Briefing, Order: order, Rendered: res.Articles, BaseURL: base}
				what := fmt.Sprintf("%s, base %q", name, base)
				briefingtest.Same(t, what+": briefing.json", export.Model(b), export.OldModel(b))
				briefingtest.Same(t, what+": annotations.jsonld", export.Annotations(b), export.OldAnnotations(b))
				briefingtest.Same(t, what+": the claims page's JSON-LD", export.ClaimReviews(b), export.OldClaimReviews(b))
				for _, a := range order {
					briefingtest.Same(t, what+": the JSON-LD of "+a.Slug, export.ArticleReviews(b, a), export.OldArticleReviews(b, a))
				}
			}
		}
	}
}
