package input

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// flowSegs places text, the value of a plain, single- or double-quoted
// YAML scalar that starts at byte b of lines[li] (at its quote mark, for a
// quoted one), in the file: a Seg where the text starts, and one after
// each line break YAML folded into a space and each escape, so that every
// byte of text maps to the character it was read from. Lines are counted
// from 1 at lines[0]. Where the file stops reading as the text (which
// does not happen for the text YAML read from it), the last Seg places
// the rest.
func flowSegs(lines []string, li, b int, style yaml.Style, text string) []briefing.Seg {
	quoted := style == yaml.DoubleQuotedStyle || style == yaml.SingleQuotedStyle
	p := b
	if quoted {
		p++
	}
	s := lines[li]
	segs := []briefing.Seg{{Off: 0, Line: li + 1, Col: 1 + utf8.RuneCountInString(s[:min(p, len(s))])}}
	o := 0
	joined := false // after an escaped line break, which folds into nothing
	for o < len(text) {
		if lineEnds(s, p) {
			// YAML drops the spaces around a line break, and folds the
			// break into a space, or blank lines into as many breaks.
			li++
			blank := 0
			for li < len(lines) && strings.TrimSpace(lines[li]) == "" {
				li++
				blank++
			}
			if li >= len(lines) {
				break
			}
			s = lines[li]
			p = len(s) - len(strings.TrimLeft(s, " \t"))
			switch {
			case blank > 0:
				for k := 0; k < blank && o < len(text) && text[o] == '\n'; k++ {
					o++
				}
			case !joined && text[o] == ' ':
				o++
			}
			joined = false
			segs = append(segs, briefing.Seg{Off: o, Line: li + 1, Col: 1 + utf8.RuneCountInString(s[:p])})
			continue
		}
		switch c := s[p]; {
		case style == yaml.DoubleQuotedStyle && c == '\\':
			if p+1 == len(s) || s[p+1:] == "\r" {
				joined = true
				p = len(s)
				continue
			}
			n := 2
			switch s[p+1] {
			case 'x':
				n = 4
			case 'u':
				n = 6
			case 'U':
				n = 10
			}
			p = min(p+n, len(s))
			_, size := utf8.DecodeRuneInString(text[o:])
			o += size
		case style == yaml.SingleQuotedStyle && c == '\'' && p+1 < len(s) && s[p+1] == '\'':
			p += 2
			o++
		case c == text[o]:
			p++
			o++
			continue
		default:
			return segs
		}
		segs = append(segs, briefing.Seg{Off: o, Line: li + 1, Col: 1 + utf8.RuneCountInString(s[:p])})
	}
	return segs
}

// foldedSegs places text, the value of a folded block scalar (">") whose
// content starts at the file's line first (lines[first-1]) indented by
// indent spaces: a Seg at the start of each of its lines in the file, as
// YAML folds a line break between two lines into a space and keeps blank
// lines, and more indented lines, as line breaks.
func foldedSegs(lines []string, first, indent int, text string) []briefing.Seg {
	segs := []briefing.Seg{{Off: 0, Line: first, Col: indent + 1}}
	o := 0
	for i := first; i <= len(lines) && o < len(text); i++ {
		l := strings.TrimRight(lines[i-1], "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if len(l)-len(strings.TrimLeft(l, " ")) < indent {
			break // the text has ended
		}
		content := l[indent:]
		// What YAML made of the line break before: a space, or breaks.
		for o < len(text) && (text[o] == ' ' || text[o] == '\n') && !strings.HasPrefix(text[o:], content) {
			o++
		}
		if i > first || o > 0 {
			segs = append(segs, briefing.Seg{Off: o, Line: i, Col: indent + 1})
		}
		o = min(o+len(content), len(text))
	}
	return segs
}

// lineEnds reports whether s has nothing from byte p on but the spaces
// YAML drops before a line break.
func lineEnds(s string, p int) bool {
	if p >= len(s) {
		return true
	}
	switch s[p] {
	case ' ', '\t', '\r':
		return strings.TrimRight(s[p:], " \t\r") == ""
	}
	return false
}

// byteAt returns the byte offset of character column col (from 1) of line.
func byteAt(line string, col int) int {
	b := 0
	for c := 1; c < col && b < len(line); c++ {
		_, size := utf8.DecodeRuneInString(line[b:])
		b += size
	}
	return b
}
