package input

import (
	"fmt"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/diag"
)

// checkControl reports each control character in the text of the file name
// and says whether there was one: a C0 character other than tab and line
// feed, DEL, a C1 character, or the line or paragraph separator. They are invisible in an editor, not allowed
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
		if !isControl(r) && !isSeparator(r) {
			continue // led by 0xc2 or 0xe2, but a curly quote, a dash, a no-break space…
		}
		found = true
		what := "control character"
		if isSeparator(r) {
			what = "separator" // a line break to YAML, a space to Markdown
		}
		errs.AddErr(diag.Pos{File: name, Line: line, Col: 1 + utf8.RuneCountInString(s[lineStart:i])}, diag.ErrUnsafeInput,
			"an invisible %s (%s) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)", what, controlName(r))
		i += size - 1
	}
	return found
}

// isControl reports whether r is a control character other than tab and
// line feed.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0
}

// isSeparator reports whether r is the line or the paragraph separator.
func isSeparator(r rune) bool { return r == 0x2028 || r == 0x2029 }

// controlLead marks the bytes checkControl looks at: the C0 controls (line
// feed and tab among them), DEL, 0xc2, which leads the UTF-8 form of the C1
// controls, and 0xe2, which leads that of the separators. One look-up a
// byte keeps the check to a few microseconds an article.
var controlLead = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = true
	}
	t[0x7f], t[0xc2], t[0xe2] = true, true, true
	return t
}()

// controlName names a control character as a reader can look it up.
func controlName(r rune) string {
	if name, ok := map[rune]string{0: "NUL", '\b': "backspace", '\v': "vertical tab", '\f': "form feed", '\r': "carriage return", 0x1b: "escape", 0x7f: "DEL", 0x85: "next line", 0x2028: "line separator", 0x2029: "paragraph separator"}[r]; ok {
		return fmt.Sprintf("U+%04X, %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}
