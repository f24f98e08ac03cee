// Package quotes collates the passages that several articles of a briefing
// quote: what a document is quoted as saying, outlet by outlet, with the
// differences of wording.
//
// # Finding quotes
//
// A quote is text between quotation marks in the visible text of an article
// (package anchor's text, as a reader sees it): double marks of any kind
// (“…”, "…", „…“, «…»), and single marks (‘…’, '…') when they open at the
// start of a word and close at the end of one, so that apostrophes are not
// taken for quotation marks. A quote stays within one paragraph; one left
// open at the end of its paragraph, as news style does for a quotation that
// runs on, ends there. A quote inside a quote is a quote of its own too.
//
// # Comparing quotes
//
// Quotes are compared as sequences of words: letters and digits, with
// apostrophes and the points and commas inside "U.S." or "7,500" kept, every
// other character (spaces, punctuation, dashes, quotation marks) a
// separator, compared without case or diacritics and with typography folded
// as anchoring folds it (anchor.Fold). Quotes of fewer than MinWords words
// are left out: two outlets putting "mass migration" in quotation marks are
// not quoting one passage.
//
// Two quotes are taken for the same passage when
//   - one's words occur, in order and together, in the other (a fragment of
//     a longer quotation), or
//   - they share a run of at least LongRun words in a row, or
//   - they share a run of at least MinWords words and their longest common
//     subsequence of words covers at least two thirds of the shorter one
//     (the same short passage with a word changed).
//
// Quotes that are the same passage, directly or through a third, form a
// group; Collate returns the groups quoted in two or more articles. A
// quote inside another of the same article's in its group is left out of
// it: the longer one shows it.
package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/briefing/annotated/generator/internal/anchor"
)

// MinWords is the length in words below which a quoted phrase is not
// collated.
const MinWords = 4

// LongRun is the length of a run of words in a row that makes two quotes
// the same passage whatever else differs.
const LongRun = 8

// Quote is one quoted passage in one article.
type Quote struct {
	Article    int    // index of the article in Collate's input
	Text       string // the passage between the marks, as the article shows it
	Start, End int    // Text's place in the article's text (bytes)
	words      []word
}

// Words returns the number of words in q.
func (q Quote) Words() int { return len(q.words) }

// Group is one passage quoted in two or more articles.
type Group struct {
	// Quotes holds every distinct wording, the longest first (the
	// reference the others are compared with; of two as long, the one
	// more articles use), then in article order.
	Quotes []Wording
	// Articles is the number of articles that quote the passage.
	Articles int
}

// Wording is one wording of a passage and every place it appears.
type Wording struct {
	Places []Quote // the same words, in one or more articles
	Pieces []Piece // the wording compared with the group's reference
}

// Op says how a piece of a wording compares with the reference.
type Op int

// The ways a piece compares.
const (
	Same    Op = iota // in both
	Added             // in this wording, not in the reference
	Missing           // in the reference, not in this wording
)

// Piece is a run of text of one Op.
type Piece struct {
	Op   Op
	Text string
}

type word struct {
	key        string // folded for comparison
	start, end int    // in Quote.Text
}

// Find returns the quotes in one article's text, in order. Paragraphs are
// separated by blank lines, as in render.Article.Text.
func Find(text string) []Quote {
	var out []Quote
	off := 0
	for _, para := range strings.Split(text, "\n\n") {
		for _, sp := range spans(para) {
			q := Quote{Text: para[sp[0]:sp[1]], Start: off + sp[0], End: off + sp[1]}
			q.words = words(q.Text)
			out = append(out, q)
		}
		off += len(para) + 2
	}
	return out
}

// spans returns the byte ranges inside quotation marks in one paragraph.
func spans(p string) [][2]int {
	var out [][2]int
	type open struct {
		at     int // first byte inside the marks
		single bool
		low    bool // opened with „, which “ closes
		rev    bool // opened with » (German: »…«), which « closes
	}
	var stack []open
	prev := rune(' ')
	for i, r := range p {
		_, size := utf8.DecodeRuneInString(p[i:]) // 1 for an invalid byte, which ranging yields as U+FFFD
		next, _ := utf8.DecodeRuneInString(p[i+size:])
		if i+size >= len(p) {
			next = ' '
		}
		closeTo := func(single bool) bool {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].single == single {
					out = append(out, [2]int{stack[k].at, i})
					stack = stack[:k]
					return true
				}
			}
			return false
		}
		switch f := fold(r); {
		case f == '"':
			inside, low, rev := false, false, false
			for _, o := range stack {
				inside = inside || !o.single
				low = low || o.low
				rev = rev || o.rev
			}
			// Guillemets point out in French («…», « … ») and in
			// German (»…«): » opens, outside a quotation, where a word
			// follows it at once after a space or the start (a French
			// closing » follows a space too, but then a space or a
			// mark), and « then closes.
			opening := r == '„' || (r == '«' && !rev) ||
				(r == '»' && !inside && opensAfter(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next))) ||
				(r == '“' && !low) || (r != '”' && r != '»' && r != '«' && r != '“' && opensAfter(prev))
			o := open{at: i + size, low: r == '„', rev: r == '»'}
			switch {
			case !opening && inside:
				closeTo(false)
			case opening && !inside:
				stack = append(stack, o)
			case opening && inside:
				// An unclosed quote: start again from here.
				stack = append(stack[:0], o)
			}
		case f == '\'':
			wordy := func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
			switch {
			case r != '’' && opensAfter(prev) && wordy(next):
				stack = append(stack, open{at: i + size, single: true})
			case r != '‘' && !unicode.IsSpace(prev) && !wordy(next):
				closeTo(true)
			}
		}
		prev = r
	}
	// A double quote left open runs to the end of its paragraph.
	for _, o := range stack {
		if !o.single {
			out = append(out, [2]int{o.at, len(p)})
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	for i := range out {
		s, e := out[i][0], out[i][1]
		for s < e && p[s] == ' ' || s < e && p[s] == '\n' {
			s++
		}
		for e > s && (p[e-1] == ' ' || p[e-1] == '\n') {
			e--
		}
		out[i] = [2]int{s, e}
	}
	return out
}

// opensAfter reports whether a quotation mark after r opens a quote.
func opensAfter(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{/—–-\"'“‘", r)
}

// fold returns r's typographic class as anchoring folds it.
func fold(r rune) rune {
	if r < 0x80 && r != '"' && r != '\'' && r != '`' {
		return r // most runes: spared a call that allocates
	}
	f := []rune(anchor.Fold(string(r)))
	if len(f) != 1 {
		return r
	}
	return f[0]
}

// words splits s into words and their comparison keys.
func words(s string) []word {
	var out []word
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	start := -1
	for i, r := range s {
		_, size := utf8.DecodeRuneInString(s[i:]) // 1 for an invalid byte, which ranging yields as U+FFFD
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if (fold(r) == '\'' || r == '.' || r == ',') && i+size < len(s) && isWord(next) && (r != ',' || unicode.IsDigit(next)) {
				continue // "don't", "U.S.", "7,500"
			}
			out = append(out, word{key: Key(s[start:i]), start: start, end: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{key: Key(s[start:]), start: start, end: len(s)})
	}
	return out
}

// Key folds a word or text for comparison and search: typography folded as
// anchoring folds it, lower case, without diacritics.
func Key(s string) string {
	s = strings.ToLower(anchor.Fold(s))
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Collate finds the quotes in each article's text and returns the passages
// quoted in two or more articles, those quoted in the most articles first,
// then in the order they first appear.
func Collate(texts []string) []Group {
	var all []Quote
	for i, t := range texts {
		all = append(all, Candidates(i, t)...)
	}
	return CollateCandidates(all)
}

// Candidates returns the quotes of article i's text that Collate compares
// (those of MinWords words or more), each holding a copy of its passage
// rather than a part of text, so that a build can keep them, and drop the
// text, until every article's are known.
func Candidates(i int, text string) []Quote {
	var out []Quote
	for _, q := range Find(text) {
		if len(q.words) >= MinWords {
			q.Article = i
			q.Text = strings.Clone(q.Text)
			out = append(out, q)
		}
	}
	return out
}

// CollateCandidates is Collate of every article's Candidates, in the
// articles' order.
func CollateCandidates(all []Quote) []Group {
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if root(i) != root(j) && SamePassage(all[i], all[j]) {
				parent[root(j)] = root(i)
			}
		}
	}
	members := map[int][]Quote{}
	var roots []int
	for i, q := range all {
		r := root(i)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], q)
	}
	var out []Group
	for _, r := range roots {
		if g, ok := group(members[r]); ok {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Articles > out[j].Articles })
	return out
}

// SamePassage reports whether a and b are taken for the same passage (see the
// package comment).
func SamePassage(a, b Quote) bool {
	short := min(len(a.words), len(b.words))
	if short < MinWords {
		return false
	}
	run := longestRun(a.words, b.words)
	switch {
	case run == short, run >= LongRun:
		return true
	case run >= MinWords:
		return 3*len(lcs(a.words, b.words)) >= 2*short
	}
	return false
}

func group(qs []Quote) (Group, bool) {
	qs = outermost(qs)
	arts := map[int]bool{}
	for _, q := range qs {
		arts[q.Article] = true
	}
	if len(arts) < 2 {
		return Group{}, false
	}
	// Distinct wordings, keyed by their words.
	var ws []Wording
	byKey := map[string]int{}
	for _, q := range qs {
		k := keyOf(q.words)
		if i, ok := byKey[k]; ok {
			dup := false
			for _, p := range ws[i].Places {
				dup = dup || p.Article == q.Article
			}
			if !dup {
				ws[i].Places = append(ws[i].Places, q)
			}
			continue
		}
		byKey[k] = len(ws)
		ws = append(ws, Wording{Places: []Quote{q}})
	}
	// The reference is the longest wording; of two as long, the one more
	// articles use.
	ref := 0
	for i, w := range ws {
		n, m := len(w.Places[0].words), len(ws[ref].Places[0].words)
		if n > m || n == m && len(w.Places) > len(ws[ref].Places) {
			ref = i
		}
	}
	ws[0], ws[ref] = ws[ref], ws[0]
	sort.SliceStable(ws[1:], func(i, j int) bool { return ws[1+i].Places[0].Article < ws[1+j].Places[0].Article })
	r := ws[0].Places[0]
	for i := range ws {
		ws[i].Pieces = Diff(r, ws[i].Places[0])
	}
	return Group{Quotes: ws, Articles: len(arts)}, true
}

// outermost returns qs without the quotes that lie inside another of the
// same article's in qs: a quotation an article quotes within its own
// longer one is shown once, in it, and not compared with it.
func outermost(qs []Quote) []Quote {
	out := qs[:0:0]
	for i, q := range qs {
		inside := false
		for j, p := range qs {
			if j != i && p.Article == q.Article && p.Start <= q.Start && q.End <= p.End && p.End-p.Start > q.End-q.Start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, q)
		}
	}
	return out
}

func keyOf(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.key)
		b.WriteByte(' ')
	}
	return b.String()
}

// Diff compares q with the reference wording ref, word by word: q's text in
// pieces, its words that ref lacks Added, and ref's words that q lacks
// Missing. Only the part of ref that q covers is compared, so that a
// fragment is not shown as missing the rest of a longer quotation.
func Diff(ref, q Quote) []Piece {
	pairs := lcs(ref.words, q.words)
	if len(pairs) == 0 {
		return []Piece{{Op: Added, Text: q.Text}}
	}
	var out []Piece
	add := func(op Op, s string) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += s
			return
		}
		out = append(out, Piece{Op: op, Text: s})
	}
	// A word replaced at either end of q counts as a replacement: the
	// compared part of ref reaches as many words beyond the first and last
	// shared words as q has there.
	first, last := pairs[0], pairs[len(pairs)-1]
	pos, qi, ri := 0, 0, max(0, first[0]-first[1]) // next byte of q.Text, next word of q, next word of ref
	missing := func(upTo int) {
		if ri >= upTo {
			return
		}
		next := len(q.Text)
		if qi < len(q.words) {
			next = q.words[qi].start
		}
		add(Same, q.Text[pos:next])
		pos = next
		add(Missing, ref.Text[ref.words[ri].start:ref.words[upTo-1].end])
		if pos < len(q.Text) {
			add(Same, " ")
		}
		ri = upTo
	}
	added := func(upTo int) {
		for ; qi < upTo; qi++ {
			w := q.words[qi]
			gap := q.Text[pos:w.start]
			if n := len(out); n > 0 && out[n-1].Op == Added && strings.TrimSpace(gap) == "" {
				add(Added, gap) // one run of added words
			} else {
				add(Same, gap)
			}
			add(Added, q.Text[w.start:w.end])
			pos = w.end
		}
	}
	for _, p := range pairs {
		missing(p[0])
		added(p[1])
		w := q.words[p[1]]
		add(Same, q.Text[pos:w.end])
		pos, qi, ri = w.end, p[1]+1, p[0]+1
	}
	missing(min(len(ref.words), last[0]+1+len(q.words)-(last[1]+1)))
	added(len(q.words))
	add(Same, q.Text[pos:])
	return out
}

// longestRun is the length of the longest run of words in a row that a and
// b share.
func longestRun(a, b []word) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1].key == b[j-1].key {
				cur[j] = prev[j-1] + 1
				best = max(best, cur[j])
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// lcs returns the index pairs (in a, in b) of a longest common subsequence
// of words.
func lcs(a, b []word) [][2]int {
	n, m := len(a), len(b)
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i].key == b[j].key {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i].key == b[j].key:
			out = append(out, [2]int{i, j})
			i++
			j++
		case t[i+1][j] >= t[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
