package briefing

import (
	"sort"
	"strings"

	"github.com/briefing/annotated/generator/internal/diag"
)

// Locator maps byte offsets of one Markdown text to file positions in
// O(log lines) each, for callers that ask for many positions in the same
// text (PosAt scans the text from its start every time).
type Locator struct {
	m          Markdown
	lineStarts []int // byte offset of each line of m.Text
}

// Locator returns a Locator for m.
func (m Markdown) Locator() *Locator {
	starts := make([]int, 1, strings.Count(m.Text, "\n")+1)
	for i := 0; i < len(m.Text); i++ {
		if m.Text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Locator{m: m, lineStarts: starts}
}

// PosAt returns the file position of byte offset off, as Markdown.PosAt
// does.
func (l *Locator) PosAt(off int) diag.Pos {
	off = min(off, len(l.m.Text))
	line := sort.SearchInts(l.lineStarts, off+1) - 1
	return l.m.posIn(line, l.lineStarts[line], off)
}
