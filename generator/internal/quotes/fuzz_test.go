package quotes

import (
	"strings"
	"testing"
)

// FuzzCollate finds and collates the quotes of three arbitrary articles: it
// must not panic; every quote found must be the text at its place; every
// group must span two articles; and a wording's Same and Added pieces must
// hold exactly its words, in order (Missing ones are the reference's).
func FuzzCollate(f *testing.F) {
	f.Add("The cable said “mass migration is an existential threat to Western civilization” today.",
		"It called “mass migration an existential threat to Western civilization”, officials said.",
		"‘Don't’ she said: \"a 'quoted' „nested“ «one» — and an open one")
	f.Add("\"a b c d e\"", "\"a b x d e\"", "\"\"\"\"")
	f.Add("“U.S. 7,500 refugees”\n\n“will be admitted", "“U.S. 7,500 refugees will be admitted”", "'")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		texts := []string{a, b, c}
		for _, text := range texts {
			for _, q := range Find(text) {
				if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
					t.Fatalf("quote %q at %d-%d is not the text there", q.Text, q.Start, q.End)
				}
			}
		}
		for _, g := range Collate(texts) {
			arts := map[int]bool{}
			for _, w := range g.Quotes {
				for _, p := range w.Places {
					arts[p.Article] = true
				}
				q := w.Places[0]
				var kept strings.Builder
				for _, p := range w.Pieces {
					if p.Op != Missing {
						kept.WriteString(p.Text + " ")
					}
				}
				if got, want := keyOf(words(kept.String())), keyOf(q.words); got != want {
					t.Fatalf("wording %q: its pieces %+v hold the words %q, not %q", q.Text, w.Pieces, got, want)
				}
			}
			if len(arts) < 2 || g.Articles != len(arts) {
				t.Fatalf("group of %d articles (counted %d)", len(arts), g.Articles)
			}
		}
	})
}
