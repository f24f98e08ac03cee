package anchor

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// Block is one paragraph, heading or list item's text as a reader sees it.
type Block struct {
	Node   ast.Node
	Text   string // the visible text
	Leaves []Leaf
	Pos    diag.Pos // where the block starts in the user's file
}

// Leaf is one piece of a Block's visible text, held by one inline node.
type Leaf struct {
	Node       ast.Node
	Start, End int  // byte offsets in Block.Text
	Atomic     bool // a code span, autolink or image: cannot be cut
	Pos        diag.Pos
}

// imageAt reports whether an image stands at byte i of the block's text:
// it adds no text, but it parts the words on either side of it, so that
// "Before" is a whole word of "Before![chart](c.png)after".
func (b *Block) imageAt(i int) bool {
	for _, l := range b.Leaves {
		if _, ok := l.Node.(*ast.Image); ok && l.Start == i {
			return true
		}
	}
	return false
}

// Visible is the text of an *ast.Text as the HTML renderer writes it:
// backslash escapes and character references resolved. The line break that
// ends the node, if any, is not included.
func Visible(t *ast.Text, source []byte) string {
	v := t.Segment.Value(source)
	if t.IsRaw() || !escaped(v) {
		return string(v)
	}
	return Unescape(v)
}

// writeVisible writes Visible(t, source) to b.
func writeVisible(b *strings.Builder, t *ast.Text, source []byte) {
	v := t.Segment.Value(source)
	if t.IsRaw() || !escaped(v) {
		b.Write(v)
		return
	}
	b.WriteString(Unescape(v))
}

// escaped reports whether Unescape could change v: only a backslash, an
// ampersand or a NUL byte make it.
func escaped(v []byte) bool {
	return bytes.ContainsAny(v, "\\&\x00")
}

// Unescape resolves backslash escapes and HTML character references the way
// goldmark's HTML writer does.
func Unescape(v []byte) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i++
		case c == '&':
			if r, n := charRef(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
			b.WriteByte(c)
		case c == 0:
			b.WriteString("\uFFFD")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// charRef decodes a character reference at the start of v and returns it and
// its length, or 0 when there is none.
func charRef(v []byte) (string, int) {
	end := -1
	for i := 1; i < len(v) && i < 40; i++ {
		if v[i] == ';' {
			end = i
			break
		}
	}
	if end < 2 {
		return "", 0
	}
	body := string(v[1:end])
	if body[0] == '#' {
		num := body[1:]
		base := 10
		if len(num) > 0 && (num[0] == 'x' || num[0] == 'X') {
			num, base = num[1:], 16
		}
		if num == "" || len(num) > 7 {
			return "", 0
		}
		n, err := strconv.ParseUint(num, base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(body); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// Extract returns the blocks of doc with the text a reader sees. body is the
// Markdown the document was parsed from, for positions. Raw HTML adds no
// text; it is not allowed in a briefing, and package render reports it, once,
// for every Markdown text.
func Extract(doc ast.Node, source []byte, body briefing.Markdown) []*Block {
	pos := body.Positions()
	var blocks []*Block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
			blk := &Block{Node: n, Pos: pos.At(blockStart(n))}
			var b strings.Builder
			b.Grow(sourceLen(n))
			collect(n, source, pos, &b, blk)
			blk.Text = b.String()
			blocks = append(blocks, blk)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return blocks
}

func blockStart(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
}

// sourceLen is the length of a block's Markdown source, about the length
// of its visible text.
func sourceLen(n ast.Node) int {
	total := 0
	if l := n.Lines(); l != nil {
		for i := 0; i < l.Len(); i++ {
			seg := l.At(i)
			total += seg.Stop - seg.Start
		}
	}
	return total
}

func collect(parent ast.Node, source []byte, pos *briefing.Positions, b *strings.Builder, blk *Block) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		start := b.Len()
		atomic, at := true, blk.Pos
		switch n := c.(type) {
		case *ast.Text:
			writeVisible(b, n, source)
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte('\n')
			}
			atomic, at = false, pos.At(n.Segment.Start)
		case *ast.String:
			b.Write(n.Value)
			atomic = false
		case *ast.CodeSpan:
			for t := n.FirstChild(); t != nil; t = t.NextSibling() {
				if tt, ok := t.(*ast.Text); ok {
					if t == n.FirstChild() {
						at = pos.At(tt.Segment.Start)
					}
					b.Write(tt.Segment.Value(source))
				} else if s, ok := t.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
		case *ast.AutoLink:
			b.Write(n.Label(source))
		case *ast.Image:
			// Its alt text is not on the page.
		case *ast.RawHTML:
			off := 0
			if n.Segments.Len() > 0 {
				off = n.Segments.At(0).Start
			}
			at = pos.At(off)
		default:
			if c.Type() != ast.TypeInline || c.FirstChild() != nil {
				collect(c, source, pos, b, blk)
				continue
			}
			// An inline node the generator does not know adds no text.
		}
		blk.Leaves = append(blk.Leaves, Leaf{Node: c, Start: start, End: b.Len(), Atomic: atomic, Pos: at})
	}
}

// normalized is a text with its typography folded (see Fold), white space
// collapsed but not trimmed. origRange maps a range of it back to the
// original text.
type normalized struct {
	text string
}

// fold returns the typographic class of r: every kind of white space,
// quotation mark, apostrophe and dash counts as the same.
func fold(r rune) rune {
	switch r {
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\u301D', '\u301E', '\uFF02':
		return '"'
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4', '\u2039', '\u203A':
		return '\''
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// Fold returns s with its typography folded and white space collapsed and
// trimmed: two texts a reader would call the same quote fold alike.
func Fold(s string) string {
	if plain(s) {
		return s
	}
	return strings.TrimSpace(normalize(s).text)
}

// plain reports whether s folds to itself: ASCII without a backquote, with
// single spaces between words and none at either end.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '`' || c < ' ' {
			return false
		}
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// foldAt returns the typographic class (see fold) of the character at
// byte i of s, and its size in bytes (1 for an invalid byte).
func foldAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return ' ', 1
		case '`':
			return '\'', 1
		}
		return rune(c), 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return fold(r), size
}

// normalize folds s in one pass.
func normalize(s string) normalized {
	if plain(s) {
		return normalized{text: s}
	}
	buf := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		f, size := foldAt(s, i)
		i += size
		if f == ' ' {
			if space {
				continue // a run of white space folds into its first
			}
			space = true
		} else {
			space = false
		}
		buf = utf8.AppendRune(buf, f)
	}
	return normalized{text: string(buf)}
}

// origRange returns the range of s that bytes [ns, ne) of normalize(s)
// stand for: from the start of the character byte ns comes from to the end
// of the character byte ne-1 comes from, with the white space folded into
// it when that is a space. It walks s as normalize does, so that a text
// needs no table of offsets for the few ranges asked of it.
func origRange(s string, ns, ne int) (start, end int) {
	out := 0 // bytes of the folded text so far
	space := false
	for i := 0; i < len(s) && out <= ne; {
		f, size := foldAt(s, i)
		if f == ' ' && space {
			if out == ne {
				end = i + size
			}
			i += size
			continue
		}
		space = f == ' '
		w := 1
		if f >= utf8.RuneSelf {
			w = utf8.RuneLen(f)
		}
		if out <= ns && ns < out+w {
			start = i
		}
		if out <= ne-1 && ne-1 < out+w {
			end = i + size
		}
		out += w
		i += size
	}
	return start, end
}
