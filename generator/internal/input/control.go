package input

import (
	"fmt"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/diag"
)

// checkControl reports each control character in the text of the file name
// and says whether there was one: a C0 character other than tab and line
// feed, DEL, or a C1 character. They are invisible in an editor, not allowed
// in HTML, keep a quote from matching the words a reader sees, and confuse
// a YAML parser (which takes U+0085 for a line break); they mostly come
// from copying text out of a PDF or a word processor.
func checkControl(name, s string, errs *diag.List) bool {
	found := false
	line, lineStart := 1, 0
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
		if !isControl(r) {
			continue // a character written with 0xc2 that is not a C1 control
		}
		found = true
		errs.AddErr(diag.Pos{File: name, Line: line, Col: 1 + utf8.RuneCountInString(s[lineStart:i])}, diag.ErrUnsafeInput,
			"an invisible control character (%s) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)", controlName(r))
		i += size - 1
	}
	return found
}

// isControl reports whether r is a control character other than tab and
// line feed.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0
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
	if name, ok := map[rune]string{0: "NUL", '\b': "backspace", '\v': "vertical tab", '\f': "form feed", '\r': "carriage return", 0x1b: "escape", 0x7f: "DEL", 0x85: "next line"}[r]; ok {
		return fmt.Sprintf("U+%04X, %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}
