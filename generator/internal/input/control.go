package input

import (
	"fmt"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// checkControl reports each control character in a Markdown text: a C0
// character other than tab and line feed, DEL, or a C1 character. They are
// invisible in an editor, not allowed in HTML, and keep a quote from
// matching the words a reader sees; they mostly come from copying text out
// of a PDF or a word processor. (YAML files need no such check: yaml.v3
// rejects them, and the fast path leaves such text to it.)
func checkControl(md briefing.Markdown, errs *diag.List) {
	s := md.Text
	line, lineStart := md.Pos.Line, 0
	for i := 0; i < len(s); i++ {
		if !controlLead[s[i]] {
			continue
		}
		switch s[i] {
		case '\n':
			line, lineStart = line+1, i+1
			continue
		case '\t':
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0xa0 {
			continue // a character written with 0xc2 that is not a C1 control
		}
		col := 1 + utf8.RuneCountInString(s[lineStart:i])
		if line == md.Pos.Line {
			col += md.Pos.Col - 1
		}
		errs.AddErr(diag.Pos{File: md.Pos.File, Line: line, Col: col}, diag.ErrUnsafeInput,
			"an invisible control character (%s) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)", controlName(r))
		i += size - 1
	}
}

// controlLead marks the bytes checkControl looks at: the C0 controls (line
// feed and tab among them), DEL, and 0xc2, which leads the UTF-8 form of
// the C1 controls. One look-up a byte keeps the check to a few microseconds
// an article.
var controlLead = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = true
	}
	t[0x7f], t[0xc2] = true, true
	return t
}()

// controlName names a control character as a reader can look it up.
func controlName(r rune) string {
	if name, ok := map[rune]string{0: "NUL", '\b': "backspace", '\v': "vertical tab", '\f': "form feed", '\r': "carriage return", 0x1b: "escape", 0x7f: "DEL"}[r]; ok {
		return fmt.Sprintf("U+%04X, %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}
