package anchor

import "unicode/utf8"

// Corpus is a set of texts searched together for a quote (Find): the
// briefing's other articles, for a quote that is not in its own. It
// indexes the words of each text, so that a quote is looked for only in
// the texts that have every word of it: where each quote not found was
// looked for in every text, a thousand of them in a thousand articles
// took a check twenty seconds of CPU.
type Corpus struct {
	texts []*Text
	// words are, for each word of the texts (a run of letters and digits
	// of their normalized text, see wordRune), the indexes of the texts
	// that have it, in order.
	words map[string][]int32
}

// NewCorpus returns texts, of which any may be nil (a text that could not
// be read), ready to be searched together.
func NewCorpus(texts []*Text) *Corpus {
	c := &Corpus{texts: texts, words: map[string][]int32{}}
	for i, t := range texts {
		if t == nil {
			continue
		}
		eachWord(t.nm.text, func(w string) {
			list := c.words[w]
			if n := len(list); n == 0 || list[n-1] != int32(i) {
				c.words[w] = append(list, int32(i))
			}
		})
	}
	return c
}

// Each calls found with each text, other than texts[skip], that has quote
// word for word as Text.Find finds it, and the byte offset of the quote in
// it, in the texts' order, until found returns false.
//
// Where a text has the quote, its normalized text has the folded quote's
// bytes, bounded at both ends by what is not in a word (Text.Find); so
// each run of letters and digits of the folded quote is one of the text's
// too, bounded by the same bytes, and a text without one of them cannot
// have the quote: only the texts having the quote's rarest word are
// searched. A quote with no letter or digit is looked for in every text.
func (c *Corpus) Each(quote string, skip int, found func(i, off int) bool) {
	q := Fold(quote)
	var cands []int32
	all := true
	eachWord(q, func(w string) {
		list, ok := c.words[w]
		if all || len(list) < len(cands) {
			cands, all = list, false
		}
		if !ok {
			cands = nil
		}
	})
	if all {
		for i, t := range c.texts {
			if i != skip && t != nil {
				if off := t.find(q); off >= 0 && !found(i, off) {
					return
				}
			}
		}
		return
	}
	for _, i := range cands {
		if int(i) != skip {
			if off := c.texts[i].find(q); off >= 0 && !found(int(i), off) {
				return
			}
		}
	}
}

// eachWord calls f with each run of letters and digits of s (wordRune),
// in order.
func eachWord(s string, f func(w string)) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		var word bool
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			word = wordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(s[start:])
	}
}

// LineMap says on which line of its file each part of a block's text is
// (Block.LineMap), without holding the block: a corpus of other articles'
// blocks keeps their texts and these.
type LineMap struct {
	first  int
	starts []int // byte offsets in the block's text where a leaf starts a line of the file
	lines  []int
}

// LineMap returns where b's text is in its file, by byte offset.
func (b *Block) LineMap() LineMap {
	m := LineMap{first: b.Pos.Line}
	for _, l := range b.Leaves {
		if l.Pos.Line > 0 {
			m.starts = append(m.starts, l.Start)
			m.lines = append(m.lines, l.Pos.Line)
		}
	}
	return m
}

// Line returns the line of the file that byte off of the block's text is
// on: that of the last leaf starting a line at or before it, else the
// block's first.
func (m LineMap) Line(off int) int {
	line := m.first
	for i, s := range m.starts {
		if s > off {
			break
		}
		line = m.lines[i]
	}
	return line
}
