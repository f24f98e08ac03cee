package quotes_test

import (
	"os"
	"testing"

	"github.com/briefing/annotated/generator/internal/quotes"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// BenchmarkCollate collates the project's own briefing (five articles).
func BenchmarkCollate(b *testing.B) {
	res, err := site.Compile(os.DirFS("../../.."), stage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, a := range res.Briefing.Articles {
		texts = append(texts, res.Articles[a.Slug].Text)
	}
	b.ResetTimer()
	for b.Loop() {
		if len(quotes.Collate(texts)) == 0 {
			b.Fatal("no groups")
		}
	}
}
