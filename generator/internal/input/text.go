package input

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/weburl"
)

// checkURL reports an address that is not an absolute http or https URL.
func (d *decoder) checkURL(m map[string]*yaml.Node, name string, value string) {
	if value == "" {
		return
	}
	if msg := weburl.URLProblem(value); msg != "" {
		d.errs.AddErr(d.pos(resolve(m[name])), diag.ErrUnsafeInput, "%s %q %s", name, value, msg)
	}
}

var htmlTagRE = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--)>`)

// checkPlain reports HTML in a plain-text field: front matter and titles are
// text, never markup.
func (d *decoder) checkPlain(m map[string]*yaml.Node, name, value string) {
	if loc := htmlTagRE.FindStringIndex(value); loc != nil {
		p := d.pos(resolve(m[name]))
		d.errs.AddErr(p, diag.ErrUnsafeInput, "%s contains HTML (%s): this field is plain text; remove the tag",
			name, value[loc[0]:loc[1]])
	}
	if value != "" {
		d.checkRefs(resolve(m[name]), name)
	}
}

// charRefStartRE matches what briefing.CharRefRE does, at the start of a
// text.
var charRefStartRE = regexp.MustCompile(`^` + briefing.CharRefRE.String())

// checkRefs reports each HTML character reference in the text of v, the
// plain-text field name, at its place: "US &amp; Allies", "Armust&nbsp;News",
// "State Department&rsquo;s", pasted from a page's source or a content
// system, which the page would show as written, where HTML shows the
// character it stands for. Only a whole reference, & and name (or number)
// and ;, that HTML reads as a character is one: "AT&T", "Q&A", "R&D",
// "&c" and "AT&Tsomething;" are text.
func (d *decoder) checkRefs(v *yaml.Node, name string) {
	if v == nil || v.Kind != yaml.ScalarNode || !strings.Contains(v.Value, "&") {
		return
	}
	var at briefing.Markdown
	for _, loc := range briefing.CharRefRE.FindAllStringIndex(v.Value, -1) {
		ref := v.Value[loc[0]:loc[1]]
		char := html.UnescapeString(ref)
		// A name that is no character's may start with one that HTML
		// reads without its ; ("&ampx;" is "&x;"): not a whole
		// reference. A whole one is one character, or two.
		if char == ref || utf8.RuneCountInString(char) > 2 {
			continue
		}
		// Escaped twice or more ("&amp;amp;", "&amp;#8217;"): the &
		// and what follows are a reference again, told as one, so
		// that writing its character leaves none.
		end, twice := loc[1], ""
		for char == "&" {
			next := charRefStartRE.FindString(char + v.Value[end:])
			again := html.UnescapeString(next)
			if next == "" || again == next || utf8.RuneCountInString(again) > 2 {
				break
			}
			end += len(next) - len(char)
			char, twice = again, " (escaped twice)"
		}
		ref = v.Value[loc[0]:end]
		if at.Text == "" {
			at = d.placed(v, v.Value)
		}
		fixed := v.Value[:loc[0]] + char + v.Value[end:]
		d.errs.AddErr(at.PosAt(loc[0]), diag.ErrUnsafeInput, "%s contains the character reference %s, HTML's way of writing %s%s: this field is plain text, shown as written; %s",
			name, ref, charName(char), twice, refAdvice(char, d.style(v), fixed))
	}
}

// charName names the character char that a reference stands for, as a
// reader can tell it: itself, in quotes, or, for one that cannot be seen,
// its name and number.
func charName(char string) string {
	r, _ := utf8.DecodeRuneInString(char)
	switch {
	case char == `"`:
		return `the quote mark "`
	case len(char) == utf8.RuneLen(r) && unseenNames[r] != "":
		return fmt.Sprintf("%s (U+%04X)", unseenNames[r], r)
	case len(char) == utf8.RuneLen(r) && !unicode.IsGraphic(r) || unicode.IsSpace(r):
		return fmt.Sprintf("the invisible character U+%04X", r)
	case len(char) == utf8.RuneLen(r) && dashNames[r] != "":
		return fmt.Sprintf(`"%s" (%s, U+%04X)`, char, dashNames[r], r)
	}
	return `"` + char + `"`
}

// dashNames names the dashes and the minus sign, which look alike, and
// like the hyphen a keyboard types: "‑" alone does not tell an editor
// which to write (review h92f C2).
var dashNames = map[rune]string{
	0x2010: "a hyphen", 0x2011: "a non-breaking hyphen", 0x2012: "a figure dash", 0x2013: "an en dash",
	0x2014: "an em dash", 0x2015: "a horizontal bar", 0x2212: "a minus sign", 0xfe63: "a small hyphen-minus",
}

// unseenNames names the characters that cannot be seen, or look like a
// space: those character references are written for (charName), and
// those that stand for YAML's space where it needs one (oddSpaceName).
var unseenNames = map[rune]string{
	'\t': "a tab", '\n': "a line break", '\r': "a carriage return",
	0xa0: "a no-break space", 0x2002: "an en space", 0x2003: "an em space", 0x2007: "a figure space",
	0x2008: "a punctuation space", 0x2009: "a thin space", 0x200a: "a hair space", 0x202f: "a narrow no-break space",
	0x3000: "an ideographic space", 0xfeff: "a byte-order mark",
	0xad: "a soft hyphen", 0x200b: "a zero-width space", 0x200c: "a zero-width non-joiner", 0x200d: "a zero-width joiner",
	0x200e: "a left-to-right mark", 0x200f: "a right-to-left mark", 0x2060: "a word joiner",
}

// refAdvice says what to write in place of a character reference to char
// in a text of YAML's style, which would be fixed with the character in
// its place: the character itself, as that style writes it, or, for one
// that cannot be seen, a space or nothing.
func refAdvice(char string, style yaml.Style, fixed string) string {
	r, _ := utf8.DecodeRuneInString(char)
	if len(char) == utf8.RuneLen(r) {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return "write a space in its place"
		case unicode.IsSpace(r):
			return "write a space in its place, or the character itself"
		case !unicode.IsGraphic(r) || r == 0xad:
			return "remove it, or write the character itself where it is meant"
		}
	}
	switch {
	case style == yaml.DoubleQuotedStyle && (char == `"` || char == `\`):
		return fmt.Sprintf(`write it as \%s, as a %s is written inside double quotes`, char, map[string]string{`"`: "quote mark", `\`: "backslash"}[char])
	case style == yaml.SingleQuotedStyle && char == "'":
		return "write it as '', as an apostrophe is written inside single quotes"
	case style == 0 && yamlText(fixed) != fixed:
		// A # after a space, or a colon before one, which YAML
		// reads as its own, in a text without quotes.
		return fmt.Sprintf("write %s itself, and put the whole text in double quotes", char)
	}
	return fmt.Sprintf("write %s itself", char)
}
