package anchor

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// FuzzAnchor anchors an arbitrary quote in an arbitrary article: it must not
// panic, and a passage it finds must fold to the quote (nothing approximate
// beyond typography) and be whole words.
func FuzzAnchor(f *testing.F) {
	f.Add(article, "existential threat", "", 0)
	f.Add("*a* **b** `c` [d](e) \\* &amp; f\n\ng", "a b", "", 2)
	f.Add("“x” — ‘y’\n\n- item one\n- item two", `"x" - 'y'`, "x", 1)
	f.Add("JD Vance blamed Canada’s embrace of U.S. diversity.", "Vance blamed embrace of US diversity", "", 0)
	// The not-found messages: an ellipsis of the article's own, a mark
	// that differs, a place inside a longer word named by occurrence.
	f.Add("the year of the flood... and the mayor said so.", "the flood… and the Mayor", "", 0)
	f.Add(`rated its deck "poor," the lowest`, "deck 'poor,' the", "", 0)
	f.Add("The funding was fun, and more fun.", "fun", "", 1)
	// Several ellipses, spaced and bracketed ones, spaces beside them.
	f.Add("We will rebuild... and we will do it right... every single bridge.", "We will rebuild… and we will do it right ... bridge.", "", 0)
	f.Add("The law was \"vague . . . and overbroad\" [...] here. The road was closed ...", "the law was \"vague... and overbroad\" […] here. The road was closed...", "", 0)
	f.Fuzz(func(t *testing.T, md, quote, prefix string, occ int) {
		if occ < 0 || occ > 5 {
			occ = 0
		}
		src := []byte(md)
		body := briefing.Markdown{Text: md, Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
		doc := goldmark.New().Parser().Parse(text.NewReader(src))
		var errs diag.List
		blocks := Extract(doc, src, body)
		n := &briefing.Note{ID: "n", Quote: quote, Prefix: prefix, Occurrence: occ, QuotePos: diag.Pos{File: "n.yaml", Line: 1, Col: 1}}
		for _, s := range Resolve(blocks, []*briefing.Note{n}, &errs) {
			if s.Start < 0 || s.End > len(s.Block.Text) || s.Start > s.End {
				t.Fatalf("span %d-%d outside text of %d bytes", s.Start, s.End, len(s.Block.Text))
			}
			if got := Fold(s.Block.Text[s.Start:s.End]); got != Fold(quote) {
				t.Fatalf("passage %q folds to %q, quote %q to %q", s.Block.Text[s.Start:s.End], got, quote, Fold(quote))
			}
			if inWord(s.Block.Text, s.Start) || inWord(s.Block.Text, s.End) {
				t.Fatalf("passage %q of %q cuts a word", s.Block.Text[s.Start:s.End], s.Block.Text)
			}
		}
	})
}
