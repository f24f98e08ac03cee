package input

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A no-break space where YAML's structure needs a plain one (indenting a
// field, after an entry's dash, after a field's colon) comes from a word
// processor or a web page the lines were copied from, and a byte-order
// mark in the middle of a file from two files joined. They look like a
// space, or like nothing, in an editor; YAML reads them as text, and
// fails at another line ("check the indentation") or with advice that
// makes things worse ("put a space after the colon" before the no-break
// space). They are found only where YAML fails, and only where making
// them plain makes it read on: a no-break space inside a text is the
// text's own.

// zeroWidth reports whether r, an odd space (oddSpace), takes no room: it
// is to be removed rather than made a space.
func zeroWidth(r rune) bool { return r == '\uFEFF' || r == '\u200B' || r == '\u2060' }

// oddSpace reports whether r looks like a space, or like nothing, and is
// not one that YAML reads as such.
func oddSpace(r rune) bool {
	return r == '\u00A0' || r == '\u202F' || r == '\u3000' || zeroWidth(r) || r >= '\u2000' && r <= '\u200A'
}

// oddSpaceName names r, an odd space, for a message, with its code point,
// as unseenNames names it.
func oddSpaceName(r rune) string {
	name, ok := unseenNames[r]
	if !ok {
		name = "a space of another width"
	}
	return fmt.Sprintf("%s (U+%04X)", name, r)
}

// oddSpaceFind is one place in a line where an odd space stands for
// YAML's: in the indentation, after the dash of an entry, or after a
// field's colon.
type oddSpaceFind struct {
	col   int  // from 1, in characters
	r     rune // the first odd character there
	n     int  // how many there are
	where string
}

// spaceKeyRE matches a field's key and its colon at the start of the
// rest of a line: a word, or a quoted name.
var spaceKeyRE = regexp.MustCompile(`^(?:[A-Za-z_][\w.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:`)

// plainSpaces returns s with the odd spaces (oddSpace) that stand where
// YAML needs a plain space made plain, and the zero-width ones there
// removed, with where each was; nil when there is none.
func plainSpaces(s string) (string, []oddSpaceFind) {
	var out strings.Builder
	var finds []oddSpaceFind
	col := 1
	// lead copies a run of white space, plain or odd, reporting the odd.
	lead := func(rest string, where string) string {
		var f *oddSpaceFind
		for rest != "" {
			r, size := utf8.DecodeRuneInString(rest)
			switch {
			case r == ' ' || r == '\t':
				out.WriteRune(r)
			case oddSpace(r):
				if f == nil {
					finds = append(finds, oddSpaceFind{col: col, r: r, where: where})
					f = &finds[len(finds)-1]
				}
				f.n++
				if !zeroWidth(r) || where != "indentation" {
					// After a dash or a colon, it stands for the
					// space YAML needs there.
					out.WriteByte(' ')
				}
			default:
				return rest
			}
			rest, col = rest[size:], col+1
		}
		return rest
	}
	rest := lead(s, "indentation")
	if strings.HasPrefix(rest, "-") {
		if r, _ := utf8.DecodeRuneInString(rest[1:]); oddSpace(r) {
			out.WriteByte('-')
			col++
			rest = lead(rest[1:], "dash")
		}
	}
	if m := spaceKeyRE.FindString(rest); m != "" {
		if r, _ := utf8.DecodeRuneInString(rest[len(m):]); oddSpace(r) {
			out.WriteString(m)
			col += utf8.RuneCountInString(m)
			key := strings.TrimRight(strings.TrimSuffix(m, ":"), " \t")
			rest = lead(rest[len(m):], "colon "+key)
		}
	}
	if finds == nil {
		return s, nil
	}
	out.WriteString(rest)
	return out.String(), finds
}

// oddSpaceAdvice says what is wrong with f and how to mend it.
func oddSpaceAdvice(f oddSpaceFind) string {
	name := oddSpaceName(f.r)
	if zeroWidth(f.r) {
		what := "an invisible character"
		if f.r == '\uFEFF' {
			what = "an invisible character left where two files were joined"
		}
		switch {
		case f.where == "indentation" && f.col == 1:
			return fmt.Sprintf("this line starts with %s, %s: remove it", name, what)
		case f.where == "indentation":
			return fmt.Sprintf("this line's indentation holds %s, %s: remove it", name, what)
		}
	}
	const yamlSpace = "which YAML does not count as a space"
	switch {
	case f.where == "indentation" && f.n > 1:
		plural := strings.Replace(strings.TrimPrefix(strings.TrimPrefix(name, "a "), "an "), " (U+", "s (U+", 1)
		return fmt.Sprintf("this line is indented with %d %s, which YAML does not count as spaces: replace them with plain spaces", f.n, plural)
	case f.where == "indentation":
		return fmt.Sprintf("this line is indented with %s, %s: replace it with a plain space", name, yamlSpace)
	case f.where == "dash":
		return fmt.Sprintf("the space after this - is %s, %s: replace it with a plain space", name, yamlSpace)
	}
	return fmt.Sprintf("the space after %s: is %s, %s: replace it with a plain space", strings.TrimPrefix(f.where, "colon "), name, yamlSpace)
}

// oddSpaces reports the odd spaces of the first line, up to line (where
// YAML failed), whose odd spaces made plain make the YAML parse or fail
// only past line, each at its place, and keeps the line so mended in
// d.mended (parse reads the file again with it). It returns whether it
// found one.
func (d *decoder) oddSpaces(line int, msg string) bool {
	l := d.firstFix(line, func(s string) (string, bool) {
		fixed, finds := plainSpaces(s)
		return fixed, finds != nil
	})
	if l == 0 {
		return false
	}
	fixed, finds := plainSpaces(d.lines[l-1])
	for _, f := range finds {
		d.syntaxAt(l, f.col, "this is not valid YAML (%s): %s", msg, oddSpaceAdvice(f))
	}
	d.mendedLine, d.mended = l, fixed
	return true
}
