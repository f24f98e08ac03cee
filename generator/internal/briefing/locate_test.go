package briefing

import (
	"testing"

	"github.com/briefing/annotated/generator/internal/diag"
)

// TestLocatorMatchesPosAt checks the indexed lookup against the plain scan
// at every offset of texts with and without a line map.
func TestLocatorMatchesPosAt(t *testing.T) {
	cases := []Markdown{
		{Text: "", Pos: diag.Pos{File: "a.md", Line: 3, Col: 1}},
		{Text: "one line, “curly”", Pos: diag.Pos{File: "a.md", Line: 3, Col: 1}},
		{Text: "first\nsecond é\n\nfourth\n", Pos: diag.Pos{File: "a.md", Line: 9, Col: 1}},
		{Text: "in a scalar\nnext ü\nlast", Pos: diag.Pos{File: "n.yaml", Line: 5, Col: 7}, Indent: 6},
		{Text: "folded\nlines\nmapped", Pos: diag.Pos{File: "n.yaml", Line: 5, Col: 7}, Lines: []int{5, 7, 8}, Indent: 4},
	}
	for _, m := range cases {
		loc := m.Locator()
		for off := 0; off <= len(m.Text)+2; off++ {
			if got, want := loc.PosAt(off), m.PosAt(off); got != want {
				t.Errorf("%q at %d: Locator gives %v, PosAt %v", m.Text, off, got, want)
			}
		}
	}
}
