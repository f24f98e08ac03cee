package anchor

import (
	"slices"
	"strings"
	"unicode"
)

// longPassage is the number of words beyond which the closest passage is
// shown only around the first place it differs from the quote.
const longPassage = 16

// The kinds of the first difference between the closest passage and a
// quote.
const (
	same        = iota // no word differs
	substituted        // the passage has one word where the quote has another
	leftOut            // the passage has words the quote leaves out
	added              // the quote has words the passage does not have
)

// difference is the closest passage to a quote, as bytes [start, end) of
// its block's text, and the first place it differs from the quote: has
// (the passage's words there), want (the quote's), prev and next (the
// words just before and after the place), and at (the passage around it).
type difference struct {
	start, end            int
	kind                  int
	has, want, prev, next string
	at                    string
}

// The costs of the differences an alignment may hold (see align).
const (
	costSubstituted = 3
	costAdded       = 3
	costLeftOut     = 2
)

// alignBand is how many words a passage may gain or lose against the quote
// around the window closest found, at most: enough for a quote with a
// few words left out or added, at a cost that grows with the quote's
// length alone.
const alignBand = 64

// alignCells bounds the table of an alignment (a byte a cell): a quote of
// tens of thousands of words is aligned by its first words.
const alignCells = 16 << 20

// alignWindow aligns quote q word by word with the words of text around
// bytes [start, end) of it (the window closest found), and returns the
// passage that aligns with the quote, from the word its first word stands
// against to that of its last, with the first difference between them.
//
// The alignment is an edit distance over whole words (see wholeWords:
// "U.S." and "Canada’s" are one word each), so that a quote that leaves
// out a word is shown from its own first word to its last, and told the
// word it leaves out, rather than shown a window as long as itself and
// told that every word differs. The passage may start and end anywhere
// in the window's neighbourhood.
func alignWindow(text string, start, end int, q string) difference {
	qw := wholeWords(q)
	band := min(alignBand, max(8, len(qw)/2))
	// The words of the window and of band more on either side: only
	// those, of a paragraph that may be long.
	from, to := around(text, start, end, band+1)
	tw := wholeWords(text[from:to])
	for i := range tw {
		tw[i].start += from
		tw[i].end += from
	}
	if len(tw) == 0 || len(qw) == 0 {
		return difference{start: start, end: end}
	}
	first := slices.IndexFunc(tw, func(w word) bool { return w.end > start })
	last := slices.IndexFunc(tw, func(w word) bool { return w.end >= end })
	if first < 0 {
		first = len(tw) - 1
	}
	if last < first {
		last = len(tw) - 1
	}
	r0, r1 := max(0, first-band), min(len(tw), last+1+band)
	region := tw[r0:r1]
	if m, n := len(region), len(qw); (n+1)*(max(m-n, n-m)+2*band+1) > alignCells {
		// A table row is at most this long for any shorter quote.
		qw = qw[:max(1, alignCells/(max(m, n)+2*band+1)-1)]
	}
	ops, from := align(qw, region, band)
	// The passage: the article's words the alignment passes over.
	taken := 0
	for _, op := range ops {
		if op != added {
			taken++
		}
	}
	if taken == 0 {
		return difference{start: start, end: end}
	}
	pw := region[from : from+taken]
	d := difference{start: pw[0].start, end: withStop(text, pw[len(pw)-1].end, pw[len(pw)-1].start)}
	// The first operation that is not a word kept, and the run of its kind.
	qi, pi := 0, 0
	for k, op := range ops {
		if op == same {
			qi, pi = qi+1, pi+1
			continue
		}
		n := 1
		for op != substituted && k+n < len(ops) && ops[k+n] == op {
			n++
		}
		d.kind = op
		// at runs from five words before the place to five after it.
		atFrom, atTo := pi-5, pi+4
		switch op {
		case substituted:
			d.has = show(text, pw[pi:pi+1])
			d.want = show(q, qw[qi:qi+1])
			atTo = pi + 5
		case leftOut:
			d.has = show(text, pw[pi:pi+n])
			atTo = pi + n + 4
		case added:
			d.want = show(q, qw[qi:qi+n])
			if qi+n < len(qw) {
				d.next = show(q, qw[qi+n:qi+n+1])
			}
		}
		if pi > 0 {
			// The word before is the same in both (the difference is
			// the first), and shown as the article has it.
			d.prev = show(text, pw[pi-1:pi])
		}
		atFrom, atTo = max(0, atFrom), max(min(len(pw)-1, atTo), 0)
		s, e := pw[atFrom].start, withStop(text, pw[atTo].end, pw[atTo].start)
		if atTo == len(pw)-1 {
			e = d.end
		}
		d.at = strings.Join(strings.Fields(text[s:e]), " ")
		if atFrom > 0 {
			d.at = "…" + d.at
		}
		if atTo < len(pw)-1 {
			d.at += "…"
		}
		break
	}
	return d
}

// around widens bytes [start, end) of text by n runs of text without white
// space that hold a letter or digit on either side, or to its ends: n
// words (see wholeWords) or more.
func around(text string, start, end, n int) (int, int) {
	from := start
	for k := 0; k < n && from > 0; {
		i := strings.LastIndexFunc(text[:from], func(r rune) bool { return !unicode.IsSpace(r) })
		j := strings.LastIndexFunc(text[:i+1], unicode.IsSpace) + 1
		if strings.ContainsFunc(text[j:from], isWordRune) {
			k++
		}
		from = j
		if i < 0 {
			from = 0
		}
	}
	to := end
	for k := 0; k < n && to < len(text); {
		i := strings.IndexFunc(text[to:], func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			to = len(text)
			break
		}
		j := strings.IndexFunc(text[to+i:], unicode.IsSpace)
		if j < 0 {
			j = len(text) - to - i
		}
		if strings.ContainsFunc(text[to:to+i+j], isWordRune) {
			k++
		}
		to += i + j
	}
	return from, to
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// show is the text of words ws of text, white space collapsed.
func show(text string, ws []word) string {
	e := withStop(text, ws[len(ws)-1].end, ws[len(ws)-1].start)
	return strings.Join(strings.Fields(text[ws[0].start:e]), " ")
}

// withStop returns end, or end+1 when a full stop there ends an
// abbreviation, the word from start to end holding full stops ("U.S.").
func withStop(text string, end, start int) int {
	if end < len(text) && text[end] == '.' && strings.Contains(text[start:end], ".") {
		return end + 1
	}
	return end
}

// wholeWords returns the words of text as a reader takes them: words
// (see words) joined by anything but white space or a dash are one
// ("U.S.", "Canada’s"), its text theirs joined by spaces.
func wholeWords(text string) []word {
	ws := words(text)
	var out []word
	for i, w := range ws {
		if i > 0 && !strings.ContainsFunc(text[ws[i-1].end:w.start], func(r rune) bool {
			return unicode.IsSpace(r) || unicode.Is(unicode.Pd, r)
		}) {
			last := &out[len(out)-1]
			last.text += " " + w.text
			last.end = w.end
			continue
		}
		out = append(out, w)
	}
	return out
}

// align aligns the quote's words qw, all of them, with a passage of the
// article's words aw, which may start and end anywhere, at the least cost
// of words replaced, left out or added. It returns the operations in order
// (same, substituted, leftOut or added, one a word) and the index of the
// passage's first word in aw. Of alignments that cost as much, the one
// that replaces a word rather than adding or leaving one out is taken.
//
// A word left out costs less than one replaced or added: "blamed
// embrace" against "JD Vance blamed Canada’s open embrace" is two words
// left out after "blamed", not "Vance blamed" replaced by "Canada’s open";
// and a word added costs as much as one replaced, so that a quote whose
// first word is wrong is shown the article's word in its place, not told
// that it adds a word before a passage that starts at its second.
//
// The article's words considered for quote word i are those of aw within
// band of the diagonal (allowing for the difference of their lengths),
// which keeps the table small for a long quote.
func align(qw, aw []word, band int) ([]int, int) {
	n, m := len(qw), len(aw)
	// Row i holds the columns j = i+lo .. i+hi.
	lo, hi := max(-n, min(0, m-n)-band), min(m, max(0, m-n)+band)
	w := hi - lo + 1
	const inf = int32(1 << 30)
	prev, cur := make([]int32, w), make([]int32, w)
	how := make([]byte, (n+1)*w)
	for c := range w {
		prev[c] = inf
		if j := lo + c; j >= 0 && j <= m {
			prev[c] = 0 // the passage may start anywhere
		}
	}
	for i := 1; i <= n; i++ {
		for c := range w {
			cur[c] = inf
			j := i + lo + c
			if j < 0 || j > m {
				continue
			}
			best, op := inf, byte(0)
			if j >= 1 && prev[c] < inf {
				best, op = prev[c], same
				if qw[i-1].text != aw[j-1].text {
					best, op = best+costSubstituted, substituted
				}
			}
			if c+1 < w && prev[c+1] < inf && prev[c+1]+costAdded < best {
				best, op = prev[c+1]+costAdded, added
			}
			if c >= 1 && cur[c-1] < inf && cur[c-1]+costLeftOut < best {
				best, op = cur[c-1]+costLeftOut, leftOut
			}
			cur[c], how[i*w+c] = best, op
		}
		prev, cur = cur, prev
	}
	// The passage may end anywhere: of the ends that cost least, the first
	// that ends on a word of the quote's rather than one it adds.
	end, endOp := -1, byte(0)
	for c := range w {
		if prev[c] >= inf {
			continue
		}
		op := how[n*w+c]
		if end < 0 || prev[c] < prev[end] || prev[c] == prev[end] && endOp == added && op != added {
			end, endOp = c, op
		}
	}
	var ops []int
	i, c := n, end
	for i > 0 {
		op := how[i*w+c]
		ops = append(ops, int(op))
		switch op {
		case same, substituted:
			i--
		case added:
			i, c = i-1, c+1
		case leftOut:
			c--
		}
	}
	slices.Reverse(ops)
	return ops, lo + c
}
