// The theme's words, and HTML written the way the theme's templates write it.

package stage

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"github.com/briefing/annotated/generator/internal/diag"

	annotated "github.com/briefing/annotated"
)

// Text is the theme's strings for the site's language (i18n/en.toml), the
// ones its templates read with T. The generator writes the pages that grow
// with the briefing itself (see html.go), and words them with the same
// strings, so that a theme that rewords a label rewords it everywhere.
type Text struct {
	one, other map[string]string // by id; one only for ids with a singular
	// The same strings cut where the count goes (every id has an entry),
	// for markup.trN to write one without making the string N returns.
	oneCut, otherCut map[string][]string
}

// textFile is where a theme keeps its strings.
const textFile = "i18n/en.toml"

// ThemeDir is where a briefing keeps a theme of its own, in place of the
// bundled one.
const ThemeDir = "themes/briefing"

// LoadText reads the strings of the theme in theme (nil: the bundled
// theme).
func LoadText(theme fs.FS) (*Text, error) {
	if theme == nil {
		theme = annotated.Theme()
	}
	data, err := fs.ReadFile(theme, textFile)
	if err != nil {
		return nil, fmt.Errorf("the theme's strings: %w", err)
	}
	return ParseText(data)
}

// TextFile is where a theme keeps its strings, from the theme's folder.
const TextFile = textFile

// TOMLPosition is the line and column of the TOML error de in data, the
// column counted in characters, as every position the briefing is told
// is: go-toml counts it in bytes, which puts it further along a line with
// "ü" or "—" before it.
func TOMLPosition(data []byte, de *toml.DecodeError) (line, col int) {
	line, col = de.Position()
	lines := strings.SplitN(string(data), "\n", line+1)
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		if b := col - 1; b >= 0 && b <= len(l) {
			col = 1 + utf8.RuneCountInString(l[:b])
		}
	}
	return line, col
}

// ParseText reads a theme's strings from data, the text of its
// i18n/en.toml.
func ParseText(data []byte) (*Text, error) {
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		// Only a briefing's own theme can be broken, and it is in
		// themes/briefing: the problem is reported at its place there.
		var de *toml.DecodeError
		if !errors.As(err, &de) {
			return nil, fmt.Errorf("the theme's %s: %w", textFile, err)
		}
		line, col := TOMLPosition(data, de)
		var errs diag.List
		errs.Add(diag.Pos{File: ThemeDir + "/" + textFile, Line: line, Col: col},
			"the theme's strings are not valid TOML (%s)", strings.TrimPrefix(de.Error(), "toml: "))
		return nil, errs.Err()
	}
	t := &Text{one: map[string]string{}, other: map[string]string{}}
	defer t.cutAll()
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			t.other[id] = v
		case map[string]any:
			// A table of plural forms, as go-i18n reads it; English has
			// one and other.
			if s, ok := v["other"].(string); ok {
				t.other[id] = s
			}
			if s, ok := v["one"].(string); ok {
				t.one[id] = s
			}
		}
	}
	return t, nil
}

// cutAll fills oneCut and otherCut from one and other.
func (t *Text) cutAll() {
	cut := func(m map[string]string) map[string][]string {
		out := make(map[string][]string, len(m))
		for id, s := range m {
			if strings.Contains(s, "{{") {
				out[id] = countRE.Split(s, -1)
			} else {
				out[id] = []string{s}
			}
		}
		return out
	}
	t.oneCut, t.otherCut = cut(t.one), cut(t.other)
}

// cut is the string N gives for id and n, cut where n goes (nil when the
// theme lacks it).
func (t *Text) cut(id string, n int) []string {
	c, ok := t.oneCut[id]
	if !ok || n != 1 {
		c = t.otherCut[id]
	}
	return c
}

// T is the string id, unescaped; "" when the theme lacks it, as Hugo's T
// gives.
func (t *Text) T(id string) string { return t.other[id] }

// countRE is the one template action the theme's strings use: the count.
var countRE = regexp.MustCompile(`\{\{-?\s*\.\s*-?\}\}`)

// HasCount says whether a theme's string puts in the count ({{ . }}).
func HasCount(s string) bool { return countRE.MatchString(s) }

// N is the string id for the count n, in its singular or plural form, with
// the count put in, as Hugo's T "id" n gives it: the parts cut gives,
// joined by the count (markup.trN writes the same without the string).
func (t *Text) N(id string, n int) string {
	return strings.Join(t.cut(id, n), strconv.Itoa(n))
}

// esc escapes s for HTML text or a quoted attribute value exactly as Go's
// html/template (and so Hugo's templates) escapes a string there.
func esc(s string) string {
	i := strings.IndexAny(s, "\x00\"&'+<>")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	escTo(&b, s)
	return b.String()
}

// escTo writes s to b escaped as esc does.
func escTo(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escURL writes a link the generator made (relative, from ids and slugs
// that the loader checked) for an href attribute as html/template would:
// bytes outside RFC 3986's sets percent-encoded, then escaped for the
// attribute.
func escURL(s string) string {
	for i := 0; i < len(s); i++ {
		if !urlSafe(s[i]) {
			var b strings.Builder
			for j := 0; j < len(s); j++ {
				c := s[j]
				switch {
				case c == '%' && j+2 < len(s) && isHex(s[j+1]) && isHex(s[j+2]):
					b.WriteByte(c)
				case urlSafe(c):
					b.WriteByte(c)
				default:
					fmt.Fprintf(&b, "%%%02x", c)
				}
			}
			return esc(b.String())
		}
	}
	return esc(s)
}

func urlSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// Equal reports whether t and u hold the same strings (nil is the bundled
// theme's).
func (t *Text) Equal(u *Text) bool {
	if t == u {
		return true
	}
	if t == nil || u == nil {
		return false
	}
	return maps.Equal(t.one, u.one) && maps.Equal(t.other, u.other)
}
