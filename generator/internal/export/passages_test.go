package export

import (
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// passages counts in one pass what Characters counts offset by offset,
// with nested, repeated and unsorted offsets and multi-byte text before,
// inside and between passages.
func TestPassagesAgreeWithCharacters(t *testing.T) {
	text := "“Curly” é start — the passage, ümlaut inside; then “another” one"
	at := func(s string) int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return i
	}
	note := func(s string) render.Note {
		return render.Note{Note: &briefing.Note{}, Start: at(s), End: at(s) + len(s)}
	}
	ra := &render.Article{Text: text, Notes: []render.Note{
		note("another"), note("the passage, ümlaut inside"), note("ümlaut"), note("“Curly”"), note("ümlaut"),
	}}
	got := passages(ra)
	for i, n := range ra.Notes {
		if want := [2]int{Characters(text, n.Start), Characters(text, n.End)}; got[i] != want {
			t.Errorf("note %d: passages gives %v, Characters %v", i, got[i], want)
		}
	}
}
