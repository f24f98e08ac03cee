package input

import (
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Reading YAML quickly.
//
// The notes files, and most other YAML of a briefing, are written in a
// small, regular part of YAML: block mappings and block sequences, one
// value a line, plain, single- or double-quoted scalars on one line, flow
// sequences of such scalars on one line, and literal block scalars (|, |-).
// fastParse reads exactly that part directly into the yaml.Node tree that
// yaml.v3 builds from it, with the same kinds, tags, styles, values, lines
// and columns, at a fraction of yaml.v3's cost. It declines anything else
// (anchors, tags, flow mappings, folded or multi-line scalars, tabs,
// unusual indentation, a plain scalar whose type yaml.v3 would have to
// guess, any error at all), and the caller then parses the text with
// yaml.v3 as before, so every error message stays exactly what it was. The
// differential tests and FuzzNotesFastPath hold the two to the same result.
//
// Comments are skipped and not kept on the nodes: the decoder never reads
// them.

// fastYAML turns the fast path on; the tests turn it off to compare.
var fastYAML = true

// fastParse parses the YAML document made of lines (the text split at
// "\n") when it lies in the subset described above. It returns the
// document's root node, or false when it declines.
func fastParse(lines []string) (*yaml.Node, bool) {
	if !fastText(lines) {
		return nil, false
	}
	p := &fastParser{lines: lines}
	i := p.skip(0)
	if i == len(lines) || indentOf(lines[i]) != 0 {
		return nil, false // an empty document, or an indented one
	}
	var root *yaml.Node
	var ok bool
	if seqItemAt(lines[i], 0) {
		root, ok = p.sequence(i, 0)
	} else {
		root, ok = p.mapping(i, 0)
	}
	if !ok || p.skip(p.i) != len(lines) {
		return nil, false
	}
	return root, true
}

// fastText reports whether every character of lines is one yaml.v3 reads
// as an ordinary printable character: no tabs, no control characters, no
// byte-order mark and no line breaks other than "\n" (YAML also breaks
// lines at U+0085, U+2028 and U+2029), and valid UTF-8.
func fastText(lines []string) bool {
	for _, l := range lines {
		for i := 0; i < len(l); {
			c := l[i]
			if c < utf8.RuneSelf {
				if c < 0x20 || c == 0x7f {
					return false
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(l[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				return false
			case r < 0xA0, r == 0x2028, r == 0x2029, r == 0xFEFF,
				r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
				return false
			}
			i += size
		}
	}
	return true
}

type fastParser struct {
	lines []string
	i     int         // the line after the last value read
	slab  []yaml.Node // nodes are allocated from here, a batch at a time
}

// node returns a new node at byte offset col of line i.
func (p *fastParser) node(kind yaml.Kind, tag, value string, i, col int) *yaml.Node {
	if len(p.slab) == 0 {
		// About two nodes a line (a key and its value) at first.
		p.slab = make([]yaml.Node, min(max(2*len(p.lines), 16), 256))
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.Kind, n.Tag, n.Value = kind, tag, value
	n.Line, n.Column = i+1, runeCol(p.lines[i], col)
	return n
}

// runeCol is the 1-based character column of byte offset off in line.
func runeCol(line string, off int) int {
	for k := 0; k < off; k++ {
		if line[k] >= utf8.RuneSelf {
			return 1 + utf8.RuneCountInString(line[:off])
		}
	}
	return 1 + off
}

// skip returns the first line from i on that is neither blank nor a
// comment, or len(p.lines).
func (p *fastParser) skip(i int) int {
	for ; i < len(p.lines); i++ {
		l := p.lines[i]
		k := indentOf(l)
		if k < len(l) && l[k] != '#' {
			return i
		}
	}
	return i
}

// indentOf counts the spaces a line starts with.
func indentOf(l string) int {
	k := 0
	for k < len(l) && l[k] == ' ' {
		k++
	}
	return k
}

// seqItemAt reports whether l holds a block sequence item ("- ") at byte n.
func seqItemAt(l string, n int) bool {
	return n < len(l) && l[n] == '-' && (n+1 == len(l) || l[n+1] == ' ')
}

// keyAt returns the end of a simple key at byte c of l (the offset of its
// colon), or -1. A key is a plain identifier followed by ": " or ":" at
// the end of the line.
func keyAt(l string, c int) int {
	k := c
	if k >= len(l) || !(isLetter(l[k]) || l[k] == '_') {
		return -1
	}
	for k < len(l) && (isLetter(l[k]) || isDigit(l[k]) || l[k] == '_' || l[k] == '-') {
		k++
	}
	if k-c > 128 || k >= len(l) || l[k] != ':' || (k+1 < len(l) && l[k+1] != ' ') {
		return -1
	}
	return k
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// lineEnd reports whether the rest of l from byte k is white space and, at
// most, a comment that a space sets apart.
func lineEnd(l string, k int) bool {
	for k < len(l) && l[k] == ' ' {
		k++
	}
	return k == len(l) || l[k] == '#' && k > 0 && l[k-1] == ' '
}

// mapping reads a block mapping whose first key starts at byte n of line
// i; its other keys stand at n spaces of indentation.
func (p *fastParser) mapping(i, n int) (*yaml.Node, bool) {
	m := p.node(yaml.MappingNode, "!!map", "", i, n)
	for {
		l := p.lines[i]
		end := keyAt(l, n)
		if end < 0 {
			return nil, false
		}
		key := l[n:end]
		if tag, ok := plainTag(key); !ok || tag != "!!str" {
			return nil, false
		}
		k := p.node(yaml.ScalarNode, "!!str", key, i, n)
		v, ok := p.value(i, end+1, n, true)
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, k, v)
		i = p.skip(p.i)
		if i == len(p.lines) {
			return m, true
		}
		switch ind := indentOf(p.lines[i]); {
		case ind < n:
			return m, true
		case ind > n:
			return nil, false
		case seqItemAt(p.lines[i], n):
			// An item of a sequence at this indentation, which holds the
			// mapping (or an error, which the caller finds).
			return m, true
		}
	}
}

// sequence reads a block sequence whose first "- " stands at byte n of
// line i; its other items stand at n spaces of indentation.
func (p *fastParser) sequence(i, n int) (*yaml.Node, bool) {
	s := p.node(yaml.SequenceNode, "!!seq", "", i, n)
	for {
		l := p.lines[i]
		c := n + 1
		for c < len(l) && l[c] == ' ' {
			c++
		}
		if c == n+1 || c == len(l) || l[c] == '#' || l[c] == '-' {
			return nil, false // an item on the next line, or a nested sequence
		}
		var it *yaml.Node
		var ok bool
		if keyAt(l, c) >= 0 {
			it, ok = p.mapping(i, c)
		} else {
			it, ok = p.value(i, c, n, false)
		}
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, it)
		i = p.skip(p.i)
		if i == len(p.lines) {
			return s, true
		}
		switch ind := indentOf(p.lines[i]); {
		case ind < n:
			return s, true
		case ind > n:
			return nil, false
		case !seqItemAt(p.lines[i], n):
			return s, true // the next key of the mapping that holds it
		}
	}
}

// value reads the value that starts at byte c of line i (after a key's
// colon when inMap), in a collection at n spaces of indentation. It leaves
// p.i at the line after the value.
func (p *fastParser) value(i, c, n int, inMap bool) (*yaml.Node, bool) {
	l := p.lines[i]
	for c < len(l) && l[c] == ' ' {
		c++
	}
	if c == len(l) || l[c] == '#' {
		if !inMap {
			return nil, false
		}
		// A collection on the lines below.
		j := p.skip(i + 1)
		if j == len(p.lines) {
			return nil, false // a null: yaml.v3 decides
		}
		ind := indentOf(p.lines[j])
		switch {
		case ind >= n && seqItemAt(p.lines[j], ind):
			return p.sequence(j, ind)
		case ind > n && keyAt(p.lines[j], ind) >= 0:
			return p.mapping(j, ind)
		}
		return nil, false
	}
	var v *yaml.Node
	end := -1
	switch l[c] {
	case '|':
		if !inMap {
			return nil, false
		}
		return p.literal(i, c, n)
	case '"', '\'':
		v, end = p.quoted(i, c)
	case '[':
		v, end = p.flowSequence(i, c)
	default:
		end = plainEnd(l, c, false)
		if end >= 0 {
			s := strings.TrimRight(l[c:end], " ")
			tag, ok := plainTag(s)
			if !ok {
				return nil, false
			}
			v = p.node(yaml.ScalarNode, tag, s, i, c)
		}
	}
	if end < 0 || !lineEnd(l, end) {
		return nil, false
	}
	// The value must end on its line: a more indented line below would
	// continue it, or be an error.
	p.i = i + 1
	for j := i + 1; j < len(p.lines); j++ {
		if k := indentOf(p.lines[j]); k < len(p.lines[j]) {
			if k > n {
				return nil, false
			}
			break
		}
	}
	return v, true
}

// plainEnd returns the end of the plain scalar that starts at byte c of l,
// or -1 when it is not one fastParse reads: it must not start with an
// indicator, and must not hold ": " (or ":" at its end). In a flow
// collection it ends at "," or "]" and must not hold any other flow
// indicator, or a colon or "#" at all. Outside, it ends at " #".
func plainEnd(l string, c int, flow bool) int {
	switch l[c] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return -1
	}
	for k := c; k < len(l); k++ {
		switch l[k] {
		case ':':
			if flow || k+1 == len(l) || l[k+1] == ' ' {
				return -1
			}
		case '#':
			if flow {
				return -1
			}
			if l[k-1] == ' ' {
				return k
			}
		case ',', ']':
			if flow {
				return k
			}
		case '[', '{', '}', '?':
			if flow {
				return -1
			}
		}
	}
	return len(l)
}

// plainTag returns the tag yaml.v3 resolves a plain scalar to, when it is
// one fastParse is sure of: text that starts with a letter or another
// character that cannot start a number, the words for true, false and
// null, whole numbers without a leading zero, dates, and text that starts
// with a digit but holds a space or a comma.
func plainTag(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || c == '.':
		return "", false
	case isDigit(c):
		if isWholeNumber(s) {
			return "!!int", true
		}
		if len(s) == 10 && s[4] == '-' && s[7] == '-' && isWholeNumber("1"+s[:4]+s[5:7]+s[8:]) {
			if _, err := time.Parse("2006-1-2", s); err == nil {
				return "!!timestamp", true
			}
		}
		// Text like "7,500 refugees": no number has a space or a comma,
		// and only a timestamp ("2006-01-02 15:04:05") starts with four
		// digits and a hyphen.
		if strings.ContainsAny(s, " ,") && !(len(s) > 4 && isWholeNumber("1"+s[:4]) && s[4] == '-') {
			return "!!str", true
		}
		return "", false
	}
	switch s {
	case "<<":
		return "", false // a merge key
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool", true
	case "~", "null", "Null", "NULL":
		return "!!null", true
	}
	return "!!str", true
}

// isWholeNumber reports whether s is digits, without a leading zero unless
// it is "0", short enough to fit an int.
func isWholeNumber(s string) bool {
	if s == "" || len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// doubleQuoted reads the double-quoted scalar that starts at byte c of l
// and ends on the same line. It returns its value and the offset after the
// closing quote, or -1.
func doubleQuoted(l string, c int) (string, int) {
	k := c + 1
	for k < len(l) && l[k] != '"' && l[k] != '\\' {
		k++
	}
	if k < len(l) && l[k] == '"' {
		return l[c+1 : k], k + 1 // no escapes: the text itself
	}
	b := make([]byte, 0, len(l)-c)
	b = append(b, l[c+1:k]...)
	for k < len(l) {
		ch := l[k]
		switch {
		case ch == '"':
			return string(b), k + 1
		case ch != '\\':
			b = append(b, ch)
			k++
			continue
		}
		if k+1 == len(l) {
			return "", -1 // a line continuation
		}
		e := l[k+1]
		k += 2
		switch e {
		case '0':
			b = append(b, 0)
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 't':
			b = append(b, '\t')
		case 'n':
			b = append(b, '\n')
		case 'v':
			b = append(b, '\v')
		case 'f':
			b = append(b, '\f')
		case 'r':
			b = append(b, '\r')
		case 'e':
			b = append(b, 0x1b)
		case ' ', '"', '\\': // not '/', which yaml.v3 rejects
			b = append(b, e)
		case 'N':
			b = utf8.AppendRune(b, 0x85)
		case '_':
			b = utf8.AppendRune(b, 0xA0)
		case 'L':
			b = utf8.AppendRune(b, 0x2028)
		case 'P':
			b = utf8.AppendRune(b, 0x2029)
		case 'x', 'u', 'U':
			w := 2
			if e == 'u' {
				w = 4
			} else if e == 'U' {
				w = 8
			}
			if k+w > len(l) {
				return "", -1
			}
			r := rune(0)
			for h := k; h < k+w; h++ {
				d, ok := hexDigit(l[h])
				if !ok {
					return "", -1
				}
				r = r<<4 | rune(d)
			}
			if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
				return "", -1
			}
			b = utf8.AppendRune(b, r)
			k += w
		default:
			return "", -1
		}
	}
	return "", -1
}

func hexDigit(h byte) (byte, bool) {
	switch {
	case isDigit(h):
		return h - '0', true
	case h|0x20 >= 'a' && h|0x20 <= 'f':
		return (h | 0x20) - 'a' + 10, true
	}
	return 0, false
}

// singleQuoted reads the single-quoted scalar that starts at byte c of l
// and ends on the same line, like doubleQuoted.
func singleQuoted(l string, c int) (string, int) {
	var b []byte
	from := c + 1
	for k := c + 1; k < len(l); k++ {
		if l[k] != '\'' {
			continue
		}
		if k+1 < len(l) && l[k+1] == '\'' {
			b = append(b, l[from:k+1]...)
			k++
			from = k + 1
			continue
		}
		if b == nil {
			return l[from:k], k + 1
		}
		return string(append(b, l[from:k]...)), k + 1
	}
	return "", -1
}

// flowSequence reads a flow sequence of scalars that starts at byte c of
// line i and ends on the same line. It returns the node and the offset
// after the closing bracket, or -1.
// quoted reads the double- or single-quoted scalar at column c of line i:
// its node and the column after it, or end -1 when it is not one the fast
// path reads.
func (p *fastParser) quoted(i, c int) (v *yaml.Node, end int) {
	l := p.lines[i]
	var s string
	style := yaml.DoubleQuotedStyle
	if l[c] == '"' {
		s, end = doubleQuoted(l, c)
	} else {
		s, end = singleQuoted(l, c)
		style = yaml.SingleQuotedStyle
	}
	if end < 0 {
		return nil, -1
	}
	v = p.node(yaml.ScalarNode, "!!str", s, i, c)
	v.Style = style
	return v, end
}

func (p *fastParser) flowSequence(i, c int) (*yaml.Node, int) {
	l := p.lines[i]
	s := p.node(yaml.SequenceNode, "!!seq", "", i, c)
	s.Style = yaml.FlowStyle
	k := c + 1
	for k < len(l) && l[k] == ' ' {
		k++
	}
	if k < len(l) && l[k] == ']' {
		return s, k + 1
	}
	for k < len(l) {
		var it *yaml.Node
		end := -1
		switch l[k] {
		case '"', '\'':
			it, end = p.quoted(i, k)
		default:
			if end = plainEnd(l, k, true); end >= 0 {
				v := strings.TrimRight(l[k:end], " ")
				tag, ok := plainTag(v)
				if !ok {
					return nil, -1
				}
				it = p.node(yaml.ScalarNode, tag, v, i, k)
			}
		}
		if end < 0 {
			return nil, -1
		}
		s.Content = append(s.Content, it)
		k = end
		for k < len(l) && l[k] == ' ' {
			k++
		}
		if k == len(l) {
			return nil, -1
		}
		if l[k] == ']' {
			return s, k + 1
		}
		if l[k] != ',' {
			return nil, -1
		}
		k++
		for k < len(l) && l[k] == ' ' {
			k++
		}
		if k == len(l) || l[k] == ']' || l[k] == ',' {
			return nil, -1 // a trailing or empty item
		}
	}
	return nil, -1
}

// literal reads a literal block scalar whose indicator stands at byte c of
// line i, as the value of a key of a mapping at n spaces of indentation.
func (p *fastParser) literal(i, c, n int) (*yaml.Node, bool) {
	l := p.lines[i]
	k := c + 1
	clip := true // keep the last line break (|); |- strips it
	if k < len(l) && l[k] == '-' {
		clip = false
		k++
	}
	if !lineEnd(l, k) {
		return nil, false // keep (+), an indentation indicator, or text
	}
	first := i + 1
	if first >= len(p.lines) {
		return nil, false
	}
	indent := indentOf(p.lines[first])
	if indent == len(p.lines[first]) || indent <= n {
		return nil, false // leading blank lines, or an empty scalar
	}
	var b strings.Builder
	j := first
	blanks := 0   // blank lines since the last content line
	lastEnd := -1 // the line of the last content line
	for ; j < len(p.lines); j++ {
		t := p.lines[j]
		ind := indentOf(t)
		if ind == len(t) {
			if ind > indent {
				return nil, false // spaces beyond the indentation are text
			}
			blanks++
			continue
		}
		if ind < indent {
			break
		}
		if lastEnd >= 0 {
			b.WriteByte('\n')
		}
		for range blanks {
			b.WriteByte('\n')
		}
		blanks = 0
		b.WriteString(t[indent:])
		lastEnd = j
	}
	// The last content line keeps its line break, unless it ends the file
	// without one or the chomping indicator strips it.
	if clip && lastEnd+1 < len(p.lines) {
		b.WriteByte('\n')
	}
	v := p.node(yaml.ScalarNode, "!!str", b.String(), i, c)
	v.Style = yaml.LiteralStyle
	p.i = j
	return v, true
}
