// Package anchor finds the exact passage each note annotates.
//
// Quotes are matched against the text a reader sees: the Markdown is parsed
// with goldmark and the text of each paragraph, heading and list item is
// collected from its inline nodes, so emphasis, links and escapes inside a
// quoted passage do not break it. Matching forgives typography only: runs of
// white space, the kinds of quotation mark, apostrophe and dash count as
// equal (see Fold); nothing else is approximate. The place a note is
// anchored to is whole words: it neither starts nor ends inside a word
// (see inWord), though places inside words count for occurrence.
//
// After prefix, suffix and occurrence are applied, exactly one place of
// whole words must remain (with occurrence, the one it names). A quote stays within one paragraph. Two notes may nest (one quote
// inside the other) but may not cross. Every failure is reported at the
// note's position in its YAML file with what would fix it: for a quote that
// is not found, the closest passage and its line; for an ambiguous one,
// every candidate with its line and the field that would pick it. Nothing is
// ever re-anchored to a passage that merely looks similar.
package anchor

import (
	"fmt"
	"html"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/yuin/goldmark/util"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// Span is where a note is anchored: bytes [Start, End) of Block.Text.
type Span struct {
	Note       *briefing.Note
	Block      *Block
	Start, End int
}

type match struct {
	block      int
	ns, ne     int // in the block's normalized text
	start, end int // in the block's visible text
}

// Resolve anchors every note in blocks. It returns the spans of the notes
// that anchored, in the order of notes, and reports every failure in errs.
//
// An article without text has no blocks; its notes are then not reported one
// by one, as the loader has reported the missing text.
func Resolve(blocks []*Block, notes []*briefing.Note, errs *diag.List) []Span {
	return ResolveIn(blocks, notes, Context{}, errs)
}

// Context is what anchoring knows of an article beside its text, to tell a
// quote that is not in the text where its words are.
type Context struct {
	// Shown are the texts its page shows that are not its text (the
	// headline, the summary, the date note), which a note cannot annotate.
	Shown []Shown
	// Elsewhere, when set, is asked of a quote that is not in the text
	// and resembles no passage of it closely: where other articles of the
	// briefing have it word for word (the note filed under the wrong
	// article), in their order; none when none has. More than MaxPlaces
	// are told as "and more".
	Elsewhere func(quote string) []Place
}

// Place is where another article has a quote: its file and line, and the
// notes file of that article.
type Place struct {
	Article, Notes string
	Line           int
}

// Text is a text to look for quotes in as anchoring matches them, without
// parsing it (another article's Markdown, see Context.Elsewhere).
type Text struct {
	raw string
	nm  normalized
}

// NewText returns s ready to be searched.
func NewText(s string) *Text { return &Text{raw: s, nm: normalize(s)} }

// Find returns the byte offset in the text where quote stands word for
// word, typography folded and of whole words, or -1.
func (t *Text) Find(quote string) int { return t.find(Fold(quote)) }

// find is Find of a quote folded already (Fold).
func (t *Text) find(q string) int {
	if q == "" {
		return -1
	}
	s := t.nm.text
	for from := 0; from <= len(s)-len(q); {
		i := strings.Index(s[from:], q)
		if i < 0 {
			break
		}
		ns := from + i
		if ne := ns + len(q); boundaryOK(s, ns, ne) && !inWord(s, ns) && !inWord(s, ne) {
			start, _ := origRange(t.raw, ns, ne)
			return start
		}
		from = ns + 1
	}
	return -1
}

// Shown is a text of an article's page that is not its text: what it is
// ("headline", "summary", "date note"), its words, and the line of the
// article's file it is written on (0 when it goes without saying).
type Shown struct {
	Name, Text string
	Line       int
}

// ResolveIn is Resolve for an article of which ctx is known: a quote taken
// from its headline or summary, which a note cannot annotate, is reported
// as such rather than as words the article does not have.
func ResolveIn(blocks []*Block, notes []*briefing.Note, ctx Context, errs *diag.List) []Span {
	if len(blocks) == 0 {
		return nil
	}
	norms := make([]normalized, len(blocks))
	for i, b := range blocks {
		norms[i] = normalize(b.Text)
	}
	// cut reports whether a place starts or ends inside a word.
	cut := func(m match) bool { return cutsWord(blocks[m.block], norms[m.block].text, m) }
	var spans []Span
	for _, n := range notes {
		q := Fold(n.Quote)
		if q == "" {
			continue
		}
		all := find(blocks, norms, q)
		if len(all) == 0 {
			notFound(blocks, norms, n, q, ctx, errs)
			continue
		}
		cands := all
		if n.Prefix != "" || n.Suffix != "" {
			cands = nil
			prefix, suffix := Fold(n.Prefix), Fold(n.Suffix)
			for _, m := range all {
				if contextFits(norms, m, prefix, suffix) {
					cands = append(cands, m)
				}
			}
			if len(cands) == 0 {
				// The one field given is the one to change, and is
				// reported where it is written.
				pos := n.QuotePos
				switch {
				case n.Suffix == "":
					pos = at(n.PrefixPos, n.QuotePos)
				case n.Prefix == "":
					pos = at(n.SuffixPos, n.QuotePos)
				}
				if n.Prefix != "" && n.Suffix != "" {
					if msg, field := halfFits(blocks, norms, all, n, prefix, suffix); msg != "" {
						switch field {
						case "prefix":
							pos = at(n.PrefixPos, n.QuotePos)
						case "suffix":
							pos = at(n.SuffixPos, n.QuotePos)
						}
						errs.AddErr(pos, diag.ErrQuoteNotFound, "%s", msg)
						continue
					}
				}
				if len(all) == 1 {
					// What the article has where the one field looked.
					has := ""
					if n.Prefix == "" || n.Suffix == "" {
						has = hasThere(blocks, all[0], n.Prefix != "", prefix+suffix)
					}
					errs.AddErr(pos, diag.ErrQuoteNotFound,
						"the quote appears once (%s) but not with %s%s: check it against the article's text",
						lines(blocks, all), contextDesc(n), has)
				} else {
					errs.AddErr(pos, diag.ErrQuoteNotFound,
						"the quote appears %s (%s) but none of them has %s: check them against the article's text",
						times(len(all)), lines(blocks, all), contextDesc(n))
				}
				continue
			}
		}
		if n.Occurrence > 0 {
			if n.Occurrence > len(cands) {
				pos := n.QuotePos
				if n.OccurrencePos.Line > 0 {
					pos = n.OccurrencePos
				}
				if len(cands) == 1 {
					with := ""
					if n.Prefix != "" || n.Suffix != "" {
						with = fmt.Sprintf(" with %s", contextDesc(n))
					}
					errs.AddErr(pos, diag.ErrQuoteNotFound,
						"occurrence is %d, but the quote appears only once%s (%s): remove occurrence, which picks one of several places",
						n.Occurrence, with, lines(blocks, cands))
					continue
				}
				errs.AddErr(pos, diag.ErrQuoteNotFound,
					"occurrence is %d, but the quote appears only %s (%s): use a number from 1 to %d",
					n.Occurrence, times(len(cands)), lines(blocks, cands), len(cands))
				continue
			}
			if m := cands[n.Occurrence-1]; cut(m) {
				if msg := inWordAt(blocks, cands, n, cut); msg != "" {
					pos := n.QuotePos
					if n.OccurrencePos.Line > 0 {
						pos = n.OccurrencePos
					}
					errs.AddErr(pos, diag.ErrQuoteNotFound, "%s", msg)
					continue
				}
			}
			cands = cands[n.Occurrence-1 : n.Occurrence]
		}
		if len(cands) > 1 {
			// A place inside a longer word counts for occurrence but can
			// never be the quote: the places of whole words are the ones
			// to choose from.
			whole := slices.DeleteFunc(slices.Clone(cands), cut)
			switch len(whole) {
			case 0: // every place cuts a word: that is the problem to tell
				cands = cands[:1]
			case 1: // the one place the quote can be
				cands = whole
			default:
				if n.OccurrencePos.Line > 0 {
					// An occurrence was given but is not a whole number
					// from 1: the loader has said so, and that is the one
					// problem.
					continue
				}
				if n.Prefix != "" || n.Suffix != "" {
					// The context given fits more than one place (a
					// prefix may end inside a longer word: "recap is").
					errs.AddErr(n.QuotePos, diag.ErrAmbiguousQuote,
						"the quote matches %d places even with the %s: %s; make the prefix or suffix longer, or add the occurrence that picks the one you mean",
						len(whole), contextDesc(n), pickers(blocks, norms, cands, n))
					continue
				}
				errs.AddErr(n.QuotePos, diag.ErrAmbiguousQuote,
					"the quote matches %d places: %s; add the prefix, suffix or occurrence that picks the one you mean",
					len(whole), pickers(blocks, norms, cands, n))
				continue
			}
		}
		m := cands[0]
		if cut(m) {
			partWord(blocks[m.block], m, n, errs)
			continue
		}
		if where := cutsAtomic(blocks[m.block], m.start, m.end); where != "" {
			errs.Add(n.QuotePos, "the quote %s inside %s, which cannot be cut: make the quote include all of it or none of it",
				where, "a code span, link address or image")
			continue
		}
		spans = append(spans, Span{Note: n, Block: blocks[m.block], Start: m.start, End: m.end})
	}
	checkCrossing(spans, errs)
	return spans
}

// find returns every place q occurs, overlapping ones included: as text,
// inside longer words too, so that a quote's occurrence counts the places
// as a reader searching the page would (and as the exports' selectors are
// read); the place a note picks must then be whole words (cutsWord).
func find(blocks []*Block, norms []normalized, q string) []match {
	var out []match
	for bi, nm := range norms {
		for from := 0; from <= len(nm.text)-len(q); {
			i := strings.Index(nm.text[from:], q)
			if i < 0 {
				break
			}
			ns := from + i
			ne := ns + len(q)
			if boundaryOK(nm.text, ns, ne) {
				start, end := origRange(blocks[bi].Text, ns, ne)
				out = append(out, match{block: bi, ns: ns, ne: ne, start: start, end: end})
			}
			from = ns + 1
		}
	}
	return out
}

// boundaryOK refuses a match that starts or ends inside a multi-byte
// character.
func boundaryOK(s string, ns, ne int) bool {
	isStart := func(i int) bool { return i >= len(s) || s[i]&0xC0 != 0x80 }
	return isStart(ns) && isStart(ne)
}

// cutsWord reports whether match m of the normalized text s of block b
// starts or ends inside a word.
func cutsWord(b *Block, s string, m match) bool {
	return (inWord(s, m.ns) && !b.imageAt(m.start)) || (inWord(s, m.ne) && !b.imageAt(m.end))
}

// inWord reports whether byte i of s is inside a word: between two
// letters or digits (a combining mark counts as its letter's) of a script
// that separates its words with spaces and writes them whole, or inside a
// number (7,500, 3.5). Invisible characters (a soft hyphen, a joiner) are
// looked past. A quote may not start or end there: "fundin" is not a quote
// of "funding", nor "Only 7" of "Only 7,500".
func inWord(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return false
	}
	before, b := lastVisible(s[:i])
	after, a := firstVisible(s[i:])
	if wordRune(before) && wordRune(after) {
		return true
	}
	// A separator between digits: 7|,500 or 7,|500.
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	sep := func(r rune) bool { return r == ',' || r == '.' }
	if digit(before) && sep(after) {
		next, _ := firstVisible(s[i+a:])
		return digit(next)
	}
	if sep(before) && digit(after) {
		prev, _ := lastVisible(s[:i-b])
		return digit(prev)
	}
	return false
}

// lastVisible returns the last rune of s that is not a format character
// (a soft hyphen, a zero-width joiner), and its size with those after it.
func lastVisible(s string) (rune, int) {
	n := 0
	for len(s) > n {
		r, size := utf8.DecodeLastRuneInString(s[:len(s)-n])
		n += size
		if !unicode.Is(unicode.Cf, r) {
			return r, n
		}
	}
	return utf8.RuneError, n
}

// firstVisible is lastVisible from the start of s.
func firstVisible(s string) (rune, int) {
	n := 0
	for len(s) > n {
		r, size := utf8.DecodeRuneInString(s[n:])
		n += size
		if !unicode.Is(unicode.Cf, r) {
			return r, n
		}
	}
	return utf8.RuneError, n
}

// wordRune reports whether r is part of a word in a script that writes
// spaces between its words and does not join other words to them: not
// Chinese, Japanese, Thai and the like, which write no spaces, nor Korean,
// Arabic and Hebrew, which join particles and prefixes to a word.
func wordRune(r rune) bool {
	if !unicode.In(r, unicode.L, unicode.Nd, unicode.Mn, unicode.Mc) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan,
		unicode.Hangul, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}

// contextFits reports whether match m in the normalized texts of the blocks
// has the already folded prefix just before it and suffix just after it
// (either may be empty), each reaching into the block before or after
// when its own holds too little.
func contextFits(norms []normalized, m match, prefix, suffix string) bool {
	text := norms[m.block].text
	if prefix != "" {
		before := strings.TrimRight(text[:m.ns], " ")
		// A prefix longer than what comes before the quote in its block
		// reaches back into the blocks before (the paragraph, the list
		// item, a heading), as the exports' selectors do, a space between
		// each.
		for b := m.block - 1; len(before) < len(prefix) && b >= 0; b-- {
			before = strings.TrimRight(strings.TrimRight(norms[b].text, " ")+" "+before, " ")
		}
		if !strings.HasSuffix(before, prefix) {
			return false
		}
	}
	if suffix != "" {
		after := strings.TrimLeft(text[m.ne:], " ")
		for b := m.block + 1; len(after) < len(suffix) && b < len(norms); b++ {
			after = strings.TrimLeft(after+" "+strings.TrimLeft(norms[b].text, " "), " ")
		}
		if !strings.HasPrefix(after, suffix) {
			return false
		}
	}
	return true
}

// at is pos, or else (when it is not known) or.
func at(pos, or diag.Pos) diag.Pos {
	if pos.Line > 0 {
		return pos
	}
	return or
}

// halfFits explains a prefix and suffix that fit no place of the quote
// together although one of them, or each, fits a place on its own: which
// fits where, and what the article has where the other was looked for;
// and names the field to check ("prefix", "suffix", or "" when it may be
// either). It returns "" when neither fits anywhere.
func halfFits(blocks []*Block, norms []normalized, all []match, n *briefing.Note, prefix, suffix string) (string, string) {
	var byPrefix, bySuffix []match
	for _, m := range all {
		if contextFits(norms, m, prefix, "") {
			byPrefix = append(byPrefix, m)
		}
		if contextFits(norms, m, "", suffix) {
			bySuffix = append(bySuffix, m)
		}
	}
	appears := fmt.Sprintf("the quote appears %s (%s)", times(len(all)), lines(blocks, all))
	there := func(m match, before bool, field string) string { return hasThere(blocks, m, before, field) }
	// oneFits is the message when the places fit (all of them, or one)
	// have ok's field before or after them, and none has miss's.
	oneFits := func(fit []match, ok, miss fitting) string {
		m := fit[0]
		switch {
		case len(all) == 1:
			return fmt.Sprintf("%s with %s %q %s it, but not with %s %q %s it%s: check the %s against the article's text",
				appears, ok.name, ok.value, ok.where, miss.name, miss.value, miss.where, there(m, miss.before, miss.normal), miss.name)
		case len(fit) == 1:
			return fmt.Sprintf("%s; the %s has %s %q %s it, but not %s %q %s it%s: check the %s against the article's text",
				appears, which(blocks, all, fit), ok.name, ok.value, ok.where, miss.name, miss.value, miss.where, there(m, miss.before, miss.normal), miss.name)
		}
		return fmt.Sprintf("%s; the %s have %s %q %s them, but none has %s %q %s it: check the %s against the article's text",
			appears, which(blocks, all, fit), ok.name, ok.value, ok.where, miss.name, miss.value, miss.where, miss.name)
	}
	switch {
	case len(byPrefix) > 0 && len(bySuffix) > 0:
		return fmt.Sprintf("%s; prefix %q fits the %s and suffix %q the %s, but none has both: keep the one that picks the place you mean, and check the other against the article's text",
			appears, n.Prefix, which(blocks, all, byPrefix), n.Suffix, which(blocks, all, bySuffix)), ""
	case len(byPrefix) > 0:
		return oneFits(byPrefix, fitting{"prefix", n.Prefix, "just before", true, prefix}, fitting{"suffix", n.Suffix, "just after", false, suffix}), "suffix"
	case len(bySuffix) > 0:
		return oneFits(bySuffix, fitting{"suffix", n.Suffix, "just after", false, suffix}, fitting{"prefix", n.Prefix, "just before", true, prefix}), "prefix"
	}
	return "", ""
}

// which names the places fit among all in order, with their lines: "first
// (line 12)", "first and third (line 12, line 14)", so that two places on
// one line are told apart.
func which(blocks []*Block, all, fit []match) string {
	ordinals := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	var names []string
	for i, m := range all {
		if !slices.Contains(fit, m) {
			continue
		}
		if i < len(ordinals) {
			names = append(names, ordinals[i])
		} else {
			names = append(names, fmt.Sprintf("number %d", i+1))
		}
		if len(names) == maxListed {
			break
		}
	}
	in := lines(blocks, fit)
	if len(fit) == 1 || !strings.HasPrefix(in, "both") && !strings.HasPrefix(in, "all") {
		return fmt.Sprintf("%s (%s)", joinAnd(names), in)
	}
	return fmt.Sprintf("%s (%s)", joinAnd(names), strings.TrimPrefix(strings.TrimPrefix(in, "both "), "all "))
}

// hasThere is what the article has where a prefix (before) or a suffix
// looked for the place m, as many words as the field (matched form) has:
// " (the article has "…" there)", or that the paragraph starts or ends.
func hasThere(blocks []*Block, m match, before bool, field string) string {
	text, count := blocks[m.block].Text, len(strings.Fields(field))
	if before {
		if w := lastWords(text[:m.start], count); w != "" {
			return fmt.Sprintf(" (the article has %q there)", w)
		}
		return " (the paragraph starts there)"
	}
	if w := firstWords(text[m.end:], count); w != "" {
		return fmt.Sprintf(" (the article has %q there)", w)
	}
	return " (the paragraph ends there)"
}

// fitting is a prefix or a suffix, for halfFits: its field's name and
// value as written, where it stands ("just before"), and its value as
// matched.
type fitting struct {
	name, value, where string
	before             bool
	normal             string
}

func contextDesc(n *briefing.Note) string {
	switch {
	case n.Prefix != "" && n.Suffix != "":
		return fmt.Sprintf("prefix %q and suffix %q", n.Prefix, n.Suffix)
	case n.Prefix != "":
		return fmt.Sprintf("prefix %q just before it", n.Prefix)
	}
	return fmt.Sprintf("suffix %q just after it", n.Suffix)
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// lineOf returns the file line of visible offset off in block b (a
// message's; LineMap).
func lineOf(b *Block, off int) int { return b.LineMap().Line(off) }

// maxListed is how many places of a quote a message lists: a quote found
// thousands of times (a single common word) gives a readable message, in
// time that does not grow with the square of the matches.
const maxListed = 10

// lines lists the lines of the places ms, those on one line counted there
// ("line 3, twice in line 5"; "both in line 12" when they share one).
func lines(blocks []*Block, ms []match) string {
	var parts []string
	var line, count int // the line listed last, and its places so far
	flush := func() {
		switch {
		case count == 0:
		case count == 1:
			parts = append(parts, fmt.Sprintf("line %d", line))
		case len(parts) == 0 && count == len(ms) && count == 2:
			parts = append(parts, fmt.Sprintf("both in line %d", line))
		case len(parts) == 0 && count == len(ms):
			parts = append(parts, fmt.Sprintf("all in line %d", line))
		default:
			parts = append(parts, fmt.Sprintf("%s in line %d", times(count), line))
		}
	}
	for i, m := range ms {
		if i == maxListed {
			flush()
			parts = append(parts, fmt.Sprintf("and %d more", len(ms)-i))
			count = 0
			break
		}
		if l := lineOf(blocks[m.block], m.start); l != line || count == 0 {
			flush()
			line, count = l, 0
		}
		count++
	}
	flush()
	return strings.Join(parts, ", ")
}

// pickers describes each candidate with its line and the field that would
// pick it: the shortest prefix or suffix of whole words that no other
// candidate shares, or else its occurrence number.
func pickers(blocks []*Block, norms []normalized, cands []match, n *briefing.Note) string {
	var parts []string
	listed, more := 0, 0
	for i, m := range cands {
		if cutsWord(blocks[m.block], norms[m.block].text, m) {
			continue // inside a longer word: counted for occurrence, not offered
		}
		if listed == maxListed {
			more++
			continue
		}
		listed++
		line := lineOf(blocks[m.block], m.start)
		field := fmt.Sprintf("occurrence: %d", i+1)
		if p := uniqueContext(blocks, norms, cands, i, true); p != "" {
			field = fmt.Sprintf("prefix: %q", p)
		} else if s := uniqueContext(blocks, norms, cands, i, false); s != "" {
			field = fmt.Sprintf("suffix: %q", s)
		}
		if n.Prefix != "" || n.Suffix != "" || n.Occurrence > 0 {
			field = fmt.Sprintf("occurrence: %d", i+1)
		}
		parts = append(parts, fmt.Sprintf("line %d (%s)", line, field))
	}
	if more > 0 {
		parts = append(parts, fmt.Sprintf("and %d more places", more))
	}
	return strings.Join(parts, ", ")
}

// uniqueContext returns the shortest run of whole words (up to four) just
// before (or after) candidate i that, as a prefix (or suffix), picks it
// alone, or "".
func uniqueContext(blocks []*Block, norms []normalized, cands []match, i int, before bool) string {
	m := cands[i]
	text := blocks[m.block].Text
	for words := 1; words <= 4; words++ {
		mine := firstWords(text[m.end:], words)
		if before {
			mine = lastWords(text[:m.start], words)
		}
		if mine == "" {
			return ""
		}
		if !strings.ContainsFunc(mine, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue // punctuation alone makes a poor prefix
		}
		prefix, suffix := "", Fold(mine)
		if before {
			prefix, suffix = suffix, ""
		}
		unique := true
		for j, o := range cands {
			// A place inside a longer word is never picked (ResolveIn),
			// so a context need not tell the place from it.
			if j != i && contextFits(norms, o, prefix, suffix) && !cutsWord(blocks[o.block], norms[o.block].text, o) {
				unique = false
				break
			}
		}
		if unique {
			return mine
		}
	}
	return ""
}

// lastWords returns the last n words of s, joined by single spaces, looking
// no further back than those words.
func lastWords(s string, n int) string {
	var words []string
	i := len(s)
	for len(words) < n {
		i = strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		end := i + size
		i = strings.LastIndexFunc(s[:end], unicode.IsSpace) + 1
		words = append(words, s[i:end])
	}
	slices.Reverse(words)
	return strings.Join(words, " ")
}

// firstWords returns the first n words of s, joined by single spaces,
// looking no further than those words.
func firstWords(s string, n int) string {
	var words []string
	for len(words) < n {
		start := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if start < 0 {
			break
		}
		s = s[start:]
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		words = append(words, s[:end])
		s = s[end:]
	}
	return strings.Join(words, " ")
}

func cutsAtomic(b *Block, start, end int) string {
	for _, l := range b.Leaves {
		if !l.Atomic || l.End <= l.Start {
			continue
		}
		if l.Start < start && start < l.End {
			return "starts"
		}
		if l.Start < end && end < l.End {
			return "ends"
		}
	}
	return ""
}

// notFound reports a quote with no match: across paragraphs, or with the
// closest passage.
func notFound(blocks []*Block, norms []normalized, n *briefing.Note, q string, ctx Context, errs *diag.List) {
	for _, s := range ctx.Shown {
		if s.Text == "" || !strings.Contains(normalize(s.Text).text, q) {
			continue
		}
		at := ""
		if s.Line > 0 {
			at = fmt.Sprintf(" (line %d)", s.Line)
		}
		where := fmt.Sprintf(", where the %s's claim is made or repeated", s.Name)
		if s.Name == "date note" {
			where = "" // it says when, not what
		}
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote is in the article's %s%s, which a note cannot annotate: quote the article's text%s",
			s.Name, at, where)
		return
	}
	// “Quoted” in curly marks, which YAML keeps as part of the text.
	if len(q) > 2 && (q[0] == '"' || q[0] == '\'') && q[len(q)-1] == q[0] {
		if ms := find(blocks, norms, strings.TrimSpace(q[1:len(q)-1])); len(ms) > 0 {
			errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
				"the quote is in the article (line %d), but without the quote marks around it, which are part of the quote's text (YAML keeps curly quote marks, and straight ones inside other quotes): remove them",
				lineOf(blocks[ms[0].block], ms[0].start))
			return
		}
	}
	// Does it match when paragraphs are joined? Then it crosses a boundary.
	var joined strings.Builder
	var owner []int
	for bi, nm := range norms {
		if bi > 0 {
			joined.WriteByte(' ')
			owner = append(owner, bi)
		}
		joined.WriteString(strings.TrimSpace(nm.text))
		for range len(strings.TrimSpace(nm.text)) {
			owner = append(owner, bi)
		}
	}
	if i := strings.Index(joined.String(), q); i >= 0 {
		first, last := owner[i], owner[i+len(q)-1]
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote runs across paragraphs (lines %d–%d): a quote stays within one paragraph; shorten it, or split the note in two",
			blocks[first].Pos.Line, lineOf(blocks[last], len(blocks[last].Text)))
		return
	}
	if msg := spacedEllipsis(blocks, norms, n.Quote, q); msg != "" {
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound, "%s", msg)
		return
	}
	respelt := ""  // what else differs, for a quote found but for its capitals
	ellipsis := "" // that the quote writes an ellipsis otherwise, for one not found
	if marks := ellipses(q); len(marks) > 0 {
		// Each mark is the article's own ellipsis, copied (outlets print
		// them in quoted speech), or stands for words the quote leaves
		// out: the first that does is told so. With every one the
		// article's, something else differs, which the checks below name,
		// each ellipsis taken as the article spells it.
		var spelt strings.Builder
		from := 0
		var theirs, ours []string // the marks the article spells otherwise, and how
		there := elidedThere(norms, q, marks)
		for x, m := range marks {
			has := there[x]
			if has == "" && besideEllipsis(blocks, q, m) {
				// The article's, with a word changed near it (not a
				// slip, which elidedThere forgives): that is what
				// differs, told below; no words are left out.
				continue
			}
			if has == "" {
				// Copied, ellipsis and all, from another article, unless
				// a passage here is a slip away from it, as for a quote
				// without one (below).
				if more, near := nearHere(blocks, q); !near && elsewhere(ctx, n, more, errs) {
					return
				}
				where := ""
				if len(marks) > 1 {
					// Which of them: the words before it, or after the
					// first (not the marks of another: ". . .").
					w := strings.Fields(lastWords(q[:m.at], 3))
					for len(w) > 0 && !strings.ContainsFunc(w[0], isWordRune) {
						w = w[1:]
					}
					if len(w) > 0 {
						where = fmt.Sprintf(" after %q", strings.Join(w, " "))
					} else {
						w = strings.Fields(firstWords(q[m.at+len(m.form):], 3))
						for len(w) > 0 && !strings.ContainsFunc(w[len(w)-1], isWordRune) {
							w = w[:len(w)-1]
						}
						where = fmt.Sprintf(" before %q", strings.Join(w, " "))
					}
				}
				// Words on both sides that the article has with none
				// between them: the mark leaves nothing out.
				// A paragraph that has them with words between is the
				// likelier passage, the other told beside it.
				b, a := strings.TrimSpace(q[:m.at]), strings.TrimSpace(q[m.at+len(m.form):])
				also := ""
				if b != "" && a != "" {
					if ms := find(blocks, norms, b+" "+a); len(ms) > 0 {
						line := lineOf(blocks[ms[0].block], ms[0].start)
						if !apartIn(blocks, norms, b, a) {
							// Written against both words ("rebuild…and"),
							// the mark stands for the space between them.
							remove := "remove the ellipsis"
							if end := m.at + len(m.form); m.at > 0 && q[m.at-1] != ' ' && end < len(q) && q[end] != ' ' {
								remove = "write a space in place of the ellipsis"
							}
							errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
								"the quote has an ellipsis (%s%s) where the article has nothing between its words (line %d): %s, which says words were left out",
								m.form, where, line, remove)
							return
						}
						also = fmt.Sprintf(" (line %d has its words with nothing between them: if that is the passage, remove the ellipsis)", line)
					}
				}
				if b == "" || a == "" {
					// At the quote's start or end it leaves out no part
					// between two others.
					side, beyond := "starts", "before"
					if a == "" {
						side, beyond = "ends", "after"
					}
					errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
						"the quote %s with an ellipsis (%s), which the article does not have there: remove it (a quote %s where the passage it quotes %s, with no mark for the words %s it)",
						side, m.form, side, side, beyond)
					return
				}
				errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
					"the quote leaves words out (%s%s), but a quote is one unbroken passage of the article: quote the passage whole, or give each part a note of its own%s",
					m.form, where, also)
				return
			}
			if strings.TrimSpace(has) != m.form {
				// Written otherwise ("…" for "...", "..." for ". . ."):
				// as the article writes it, spaces around it too.
				spelt.WriteString(strings.TrimRightFunc(q[from:m.at], unicode.IsSpace))
				spelt.WriteString(has)
				from = m.at + len(m.form)
				for from < len(q) && q[from] == ' ' {
					from++
				}
				ours = append(ours, fmt.Sprintf("%q", m.form))
				theirs = append(theirs, fmt.Sprintf("%q", strings.TrimSpace(has)))
			}
		}
		if len(ours) > 0 {
			spelt.WriteString(q[from:])
			ellipsis = fmt.Sprintf("the quote writes the ellipsis as %s where the article has %s", ours[0], theirs[0])
			if len(ours) > 1 {
				ellipsis = fmt.Sprintf("the quote writes the ellipses as %s where the article has %s", joinAnd(ours), joinAnd(theirs))
			}
			if len(find(blocks, norms, strings.TrimSpace(spelt.String()))) > 0 {
				them := "it"
				if len(ours) > 1 {
					them = "them"
				}
				errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound, "%s: copy %s as the article writes %[2]s", ellipsis, them)
				return
			}
			q, respelt = strings.TrimSpace(spelt.String()), " and the ellipsis"
		}
	}
	if msg := escapes(blocks, norms, q); msg != "" {
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound, "%s", msg)
		return
	}
	if bare := unmark(q); bare != q {
		if m := find(blocks, norms, bare); len(m) > 0 {
			errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
				"the quote has Markdown's marks (*, _ or [ ]( )), which the reader does not see: without them, the quote is at line %d",
				lineOf(blocks[m[0].block], m[0].start))
			return
		}
	}
	if bi, ns, ne := caseless(norms, q); bi >= 0 {
		start, end := origRange(blocks[bi].Text, ns, ne)
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote differs from the article only in capital letters%s: the article has %q (line %d); copy it as the article writes it",
			respelt, blocks[bi].Text[start:end], lineOf(blocks[bi], start))
		return
	}
	if msg := unseen(blocks, norms, q); msg != "" {
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound, "%s", msg)
		return
	}
	b, d := closestPassage(blocks, q)
	if b == nil {
		if elsewhere(ctx, n, "", errs) {
			return
		}
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote is not in the article, and no passage resembles it: copy the words exactly from the article")
		return
	}
	// The passage takes in the marks around its first or last word when
	// the quote has marks there (a closing quote mark, the comma before
	// it), which may be where it differs; and those a space apart from
	// the word when they are the quote's (" ..." where the quote writes
	// the ellipsis against the word).
	if qw := words(q); len(qw) > 0 {
		if qw[0].start > 0 {
			first := d.start
			d.start = strings.LastIndexFunc(b.Text[:d.start], unicode.IsSpace) + 1
			d.start = spacedMarks(b.Text, first, d.start, q[:qw[0].start], true)
			d.start = gluedBoth(b.Text, d.start, q[:qw[0].start], true)
		}
		if qw[len(qw)-1].end < len(q) {
			last := d.end
			if i := strings.IndexFunc(b.Text[d.end:], unicode.IsSpace); i >= 0 {
				d.end += i
			} else {
				d.end = len(b.Text)
			}
			d.end = spacedMarks(b.Text, last, d.end, q[qw[len(qw)-1].end:], false)
			d.end = gluedBoth(b.Text, d.end, q[qw[len(qw)-1].end:], false)
		}
	}
	passage := strings.Join(strings.Fields(b.Text[d.start:d.end]), " ")
	line := lineOf(b, d.start)
	// A passage that shares few of the quote's words resembles it only as
	// articles on one event do: a quote word for word in another article
	// is a note filed under the wrong one. A near passage (a word off) is
	// told, as a slip in the word is likelier than in the file.
	if more, near := nearBy(passage, line, q); !near && elsewhere(ctx, n, more, errs) {
		return
	}
	// Told beside what else differs: the ellipsis written otherwise.
	also := ""
	if ellipsis != "" {
		also = "; " + strings.Replace(ellipsis, "the quote", "the quote also", 1)
	}
	if d.kind != same && len(words(passage)) > longPassage {
		// A long passage is shown where it differs, not whole.
		var what string
		switch d.kind {
		case substituted:
			what = fmt.Sprintf("has %q where the quote has %q", d.has, d.want)
		case leftOut:
			what = fmt.Sprintf("has %q after %q, which the quote leaves out", d.has, d.prev)
		case added:
			switch {
			case d.prev != "":
				what = fmt.Sprintf("does not have the quote's %q after %q", d.want, d.prev)
			case d.next != "":
				what = fmt.Sprintf("does not have the quote's %q before %q", d.want, d.next)
			default:
				what = fmt.Sprintf("does not have the quote's %q", d.want)
			}
		}
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote is not in the article; the closest passage (line %d) %s: %q%s; %s",
			line, what, d.at, also, matchRule)
		return
	}
	{
		// A short passage is shown whole, with its difference named when
		// it is one or two words (a figure transposed, 1931 for 1913) or
		// marks, which the editor comparing the two may not see.
		if what := differs(passage, n.Quote, q); what != "" {
			errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
				"the quote is not in the article; the closest passage is %q (line %d): it %s%s; %s",
				passage, line, what, also, matchRule)
			return
		}
	}
	if ellipsis != "" {
		ellipsis += ", and differs otherwise too"
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote is not in the article; the closest passage is %q (line %d): %s; %s",
			passage, line, ellipsis, matchRule)
		return
	}
	errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
		"the quote is not in the article; the closest passage is %q (line %d): %s",
		passage, line, matchRule)
}

// spacedEllipsis says, for the quote q (quote as written) that the
// article has once its ellipses are written against the words beside
// them ("river … rose", "river… rose" for the article's "river…rose"),
// that the quote has spaces there the article does not; or "". Such a
// quote shares no word with the article as it spaces its words, so the
// passage most like it was another one.
func spacedEllipsis(blocks []*Block, norms []normalized, quote, q string) string {
	marks := ellipses(q)
	if len(marks) == 0 {
		return ""
	}
	var tight strings.Builder
	from := 0
	for _, m := range marks {
		tight.WriteString(strings.TrimRight(q[from:m.at], " "))
		tight.WriteString(m.form)
		from = m.at + len(m.form)
		for from < len(q) && q[from] == ' ' {
			from++
		}
	}
	tight.WriteString(q[from:])
	t := strings.TrimSpace(tight.String())
	if t == q {
		return ""
	}
	ms := find(blocks, norms, t)
	if len(ms) == 0 {
		return ""
	}
	b := blocks[ms[0].block]
	passage := strings.Join(strings.Fields(b.Text[ms[0].start:ms[0].end]), " ")
	what := differs(passage, quote, q)
	if what == "" {
		return ""
	}
	return fmt.Sprintf("the quote is not in the article; the closest passage is %q (line %d): it %s; %s",
		passage, lineOf(b, ms[0].start), what, matchRule)
}

// nearHere reports whether a passage of the article is a slip away from
// the quote q (nearBy), and, when none is, what the one most like it
// shares with it, for elsewhere.
func nearHere(blocks []*Block, q string) (more string, near bool) {
	b, d := closestPassage(blocks, q)
	if b == nil {
		return "", false
	}
	return nearBy(strings.Join(strings.Fields(b.Text[d.start:d.end]), " "), lineOf(b, d.start), q)
}

// closestPassage is the passage of the article most like the quote q
// (closest, then alignWindow), and its block; or a nil block when none
// resembles it.
func closestPassage(blocks []*Block, q string) (*Block, difference) {
	bi, start, end := closest(blocks, q)
	if bi < 0 {
		return nil, difference{}
	}
	b := blocks[bi]
	d := alignWindow(b.Text, start, end, q)
	if d.kind == substituted && len(wholeWords(q)) == 1 {
		// One word the article writes inside a longer run ("river" of
		// "river…rose"): the alignment, which compares runs, would show
		// any word of the paragraph in its place; the window has it.
		d = difference{start: start, end: end}
	}
	return b, d
}

// nearBy reports whether passage, at line, is a slip away from the quote
// q (nearly), and, when it is not, how little of it it has, for elsewhere:
// " (the passage most like it here, line 3, has only 2 of its 9 words)".
func nearBy(passage string, line int, q string) (more string, near bool) {
	shared, all := overlap(passage, q)
	if nearly(shared, all) {
		return "", true
	}
	return fmt.Sprintf(" (the passage most like it here, line %d, has only %d of its %d words)", line, shared, all), false
}

// MaxPlaces is how many other articles having a misfiled quote are named.
const MaxPlaces = 3

// elsewhere reports, and tells errs with more after it, that other
// articles have note n's quote word for word (ctx.Elsewhere): the note is
// filed under the wrong article. Up to three are named.
func elsewhere(ctx Context, n *briefing.Note, more string, errs *diag.List) bool {
	if ctx.Elsewhere == nil {
		return false
	}
	places := ctx.Elsewhere(n.Quote)
	if len(places) == 0 {
		// Copied from another article's Markdown, marks and all
		// ("*deeply*", "[the office](…)", "&amp;"): found as its reader
		// sees it.
		if seen := html.UnescapeString(unmark(n.Quote)); seen != n.Quote {
			places = ctx.Elsewhere(seen)
		}
	}
	switch {
	case len(places) == 0:
		return false
	case len(places) == 1:
		p := places[0]
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote is not in this article but in another, word for word: %s (line %d); a note on that article belongs in its notes file, %s: move it there%s",
			p.Article, p.Line, p.Notes, more)
	default:
		var where, files []string
		for _, p := range places[:min(len(places), MaxPlaces)] {
			where = append(where, fmt.Sprintf("%s (line %d)", p.Article, p.Line))
			files = append(files, p.Notes)
		}
		others := fmt.Sprintf("%d others", len(places))
		if len(places) > MaxPlaces {
			others, where = "others", append(where, "and more")
		}
		errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
			"the quote is not in this article but in %s, word for word: %s; a note on one of them belongs in its notes file (%s): move it there%s",
			others, strings.Join(where, ", "), strings.Join(files, ", "), more)
	}
	return true
}

// besideEllipsis reports whether an ellipsis of the article has beside it
// the words the quote has beside its mark m: of the three nearest on each
// side (words as written, without the marks around them, in any case),
// the nearest on one side at least, and four in all, each in its place.
// The quote then copies that ellipsis, and a word changed near it
// (elidedThere forgives only a slip) is what differs: "we had no food...
// the aid came", or "It was a catastrophe... the water came", of the
// article's "we had no food... the help came", "It was a disaster... the
// water came". Words left out beside the mark move the rest out of place:
// "said ... the mayor" is not "the flood... and the mayor".
func besideEllipsis(blocks []*Block, q string, m mark) bool {
	qb, qa := nearWords(q[:m.at], false), nearWords(q[m.at+len(m.form):], true)
	if len(qb) == 0 || len(qa) == 0 {
		return false
	}
	// The words in the same places, and whether the nearest is one.
	alike := func(a, b []string) (n int, nearest bool) {
		for i := range min(len(a), len(b)) {
			if a[i] == b[i] {
				n++
			}
		}
		return n, len(b) > 0 && a[0] == b[0]
	}
	for _, b := range blocks {
		for _, e := range ellipses(b.Text) {
			before, nb := alike(qb, nearWords(b.Text[:e.at], false))
			after, na := alike(qa, nearWords(b.Text[e.at+len(e.form):], true))
			if (nb || na) && before+after >= 4 {
				return true
			}
		}
	}
	return false
}

// nearWords returns up to three words of s nearest its start (first) or
// its end, nearest first: folded, in lower case, without the marks around
// them (bareWords); marks standing alone are passed over.
func nearWords(s string, first bool) []string {
	if first {
		s = s[:min(len(s), 3*wordWindow)]
	} else {
		s = s[max(0, len(s)-3*wordWindow):]
	}
	f := bareWords(strings.Fields(strings.ToLower(Fold(s))))
	if !first {
		slices.Reverse(f)
	}
	return f[:min(len(f), 3)]
}

// nearly reports whether a passage that has shared of a quote's all
// words (overlap) is a slip away from it: a word or two off, or three in
// four of its words there. A quote with no words to count (a script that
// does not space its words, see wordRune) is taken as near: nothing
// says it is not.
func nearly(shared, all int) bool {
	return all == 0 || shared > 0 && (all-shared <= 2 || 4*shared >= 3*all)
}

// overlap returns how many of the words of q (folded) passage has, in
// order, and how many q has: words as written between spaces, without the
// marks around them (“existential is existential; 7,500 and didn't are
// one word each), in any case. Scripts that do not space their words
// (wordRune) give none.
func overlap(passage, q string) (shared, all int) {
	spaced := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if w = strings.TrimFunc(w, func(r rune) bool { return !wordRune(r) }); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	pw, qw := spaced(Fold(passage)), spaced(q)
	// The longest run of q's words that passage has in order (LCS).
	row := make([]int, len(pw)+1)
	for _, w := range qw {
		corner := 0
		for j, p := range pw {
			up := row[j+1]
			if w == p {
				row[j+1] = corner + 1
			} else {
				row[j+1] = max(row[j+1], row[j])
			}
			corner = up
		}
	}
	return row[len(pw)], len(qw)
}

// apartIn reports whether a paragraph has the words b, and after them,
// with more between, the words a (folded, as find takes them).
func apartIn(blocks []*Block, norms []normalized, b, a string) bool {
	after := find(blocks, norms, a)
	for _, mb := range find(blocks, norms, b) {
		for _, ma := range after {
			if ma.block == mb.block && ma.ns > mb.ne+1 {
				return true
			}
		}
	}
	return false
}

// gluedBoth moves the passage's start (before set) or end, at, to the
// quote's marks, the ones it has before its first word or after its last,
// when the article writes them inside a word's run, against the words on
// both sides ("river…rose" for the quote's "… rose" or "river …"): the
// passage is then "…rose" or "river…", shown beside the quote's space.
func gluedBoth(text string, at int, marks string, before bool) int {
	m := strings.TrimSpace(marks)
	if m == "" {
		return at
	}
	from, to := at, at // the run of text at the passage's start or end
	if before {
		if i := strings.IndexFunc(text[at:], unicode.IsSpace); i >= 0 {
			to += i
		} else {
			to = len(text)
		}
	} else {
		from = strings.LastIndexFunc(text[:at], unicode.IsSpace) + 1
	}
	run := text[from:to]
	var i int
	if before {
		i = strings.Index(run, m)
	} else {
		i = strings.LastIndex(run, m)
	}
	if i <= 0 || i+len(m) >= len(run) {
		return at
	}
	r, _ := utf8.DecodeLastRuneInString(run[:i])
	next, _ := utf8.DecodeRuneInString(run[i+len(m):])
	if !isWordRune(r) || !isWordRune(next) {
		return at
	}
	if before {
		return from + i
	}
	return from + i + len(m)
}

// spacedMarks takes in the marks the quote has before its first word
// (marks, and before set) or after its last, that the article has a space
// apart from the word: bytes [word, at) or [at, word) of text, the word's
// end or start and the passage's end or start so far, hold the marks next
// to the word; while they are not all of the quote's (white space aside),
// the run of marks beyond the next white space is taken in if it is
// more of them, as are the marks of a word's run there that stand against
// the passage ("flood..." before the quote's "...and"). It returns the
// passage's end or start.
func spacedMarks(text string, word, at int, marks string, before bool) int {
	want := strings.Join(strings.Fields(Fold(marks)), "")
	var taken string
	if before {
		taken = Fold(text[at:word])
	} else {
		taken = Fold(text[word:at])
	}
	for range 3 {
		if before && strings.HasSuffix(taken, want) || !before && strings.HasPrefix(taken, want) {
			break
		}
		var run string
		next := at
		if before {
			t := strings.TrimRightFunc(text[:at], unicode.IsSpace)
			next = strings.LastIndexFunc(t, unicode.IsSpace) + 1
			run = t[next:]
		} else {
			t := strings.TrimLeftFunc(text[at:], unicode.IsSpace)
			run = t
			if i := strings.IndexFunc(t, unicode.IsSpace); i >= 0 {
				run = t[:i]
			}
			next = len(text) - len(t) + len(run)
		}
		// Marks glued to the word beyond ("flood... and" for the quote's
		// "...and"): those alone, and no further.
		glued := strings.ContainsFunc(run, isWordRune)
		if glued && before {
			i := strings.LastIndexFunc(run, isWordRune)
			_, size := utf8.DecodeRuneInString(run[i:])
			next += i + size
			run = run[i+size:]
		} else if glued {
			i := strings.IndexFunc(run, isWordRune)
			next -= len(run) - i
			run = run[:i]
		}
		if run == "" || next == at {
			break
		}
		more := taken + Fold(run)
		if before {
			more = Fold(run) + taken
		}
		if before && !strings.HasSuffix(want, more) && !strings.HasSuffix(more, want) ||
			!before && !strings.HasPrefix(want, more) && !strings.HasPrefix(more, want) {
			break
		}
		at, taken = next, more
		if glued {
			break
		}
	}
	return at
}

// matchRule is what a quote may differ from its passage in, as Fold
// forgives it.
const matchRule = "quotes must match word for word and mark for mark; only white space, the kind of dash or apostrophe, and curly or straight forms of the same quote mark may differ"

// marksBeyond reports whether the passage's run p is the quote's run w
// (folded) with only marks beyond it on one side: has and cut say which
// side (strings.HasPrefix and strings.TrimPrefix: marks after it).
func marksBeyond(has func(s, fix string) bool, cut func(s, fix string) string, p, w string) bool {
	fp, fw := Fold(p), Fold(w)
	if fp == fw || !has(fp, fw) {
		return false
	}
	return strings.IndexFunc(cut(fp, fw), isWordRune) < 0
}

// foldsTo returns the end of s (or its start, when end is false) that
// folds as w does, or s when none does.
func foldsTo(s, w string, end bool) string {
	fw := Fold(w)
	for i := range s {
		if end && Fold(s[i:]) == fw {
			return s[i:]
		}
		if !end && i > 0 && Fold(s[:i]) == fw {
			return s[:i]
		}
	}
	return s
}

// differs names the difference between a closest passage and a quote (as
// written, and folded: q) when it lies in one or two runs of text without
// white space on either side, or in white space alone: what the passage
// has there (or the run it has or lacks after the one before), and, for a
// quote mark of the other kind or a mark one of them lacks, which. Of a
// wider difference it names the first place, when the two are alike again
// just after it, and says they differ further on; it returns "" when they
// are not.
func differs(passage, quote, q string) string {
	pt := strings.Fields(passage)
	// The quote's runs are compared as respelt (an ellipsis as the
	// article writes it), and shown as written when they are as many.
	qs := strings.Fields(q)
	qt := strings.Fields(quote)
	if len(qt) != len(qs) {
		qt = qs
	}
	// The passage is shown with the marks around its ends (a closing
	// quote mark), which a quote may stop short of: "nation." of the
	// article's "nation.”" is no difference, and hid a typo elsewhere.
	if len(pt) > 0 && len(qs) > 0 {
		pt = slices.Clone(pt)
		last, ql := len(pt)-1, len(qs)-1
		switch {
		case marksBeyond(strings.HasPrefix, strings.TrimPrefix, pt[last], qs[ql]):
			pt[last] = qs[ql]
		case ql > 0 && marksBeyond(strings.HasPrefix, strings.TrimPrefix, pt[last], qs[ql-1]+qs[ql]):
			// "closed...”" for the quote's "closed ...": the space is
			// the difference, not the mark beyond.
			pt[last] = foldsTo(pt[last], qs[ql-1]+qs[ql], false)
		}
		switch {
		case marksBeyond(strings.HasSuffix, strings.TrimSuffix, pt[0], qs[0]):
			pt[0] = qs[0]
		case ql > 0 && marksBeyond(strings.HasSuffix, strings.TrimSuffix, pt[0], qs[0]+qs[1]):
			pt[0] = foldsTo(pt[0], qs[0]+qs[1], true)
		}
	}
	i := 0
	for i < len(pt) && i < len(qs) && Fold(pt[i]) == Fold(qs[i]) {
		i++
	}
	k := 0
	for k < len(pt)-i && k < len(qs)-i && Fold(pt[len(pt)-1-k]) == Fold(qs[len(qs)-1-k]) {
		k++
	}
	has, want := pt[i:len(pt)-k], qt[i:len(qt)-k]
	if what := differsAt(pt, i, has, want); what != "" || len(has) <= 2 && len(want) <= 2 {
		return what
	}
	// Wider: the first place alone, when the two are alike again right
	// after it (each at most two runs there).
	for _, ab := range [][2]int{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {2, 0}, {0, 2}} {
		a, b := i+ab[0], i+ab[1]
		if a < len(pt)-k && b < len(qs)-k && Fold(pt[a]) == Fold(qs[b]) {
			if what := differsAt(pt, i, pt[i:a], qt[i:b]); what != "" {
				return what + ", and differs again further on"
			}
			return ""
		}
	}
	return ""
}

// differsAt names the difference of differs at run i of the passage's
// runs pt: the passage's runs has where the quote has want.
func differsAt(pt []string, i int, has, want []string) string {
	h, w := strings.Join(has, " "), strings.Join(want, " ")
	fh, fw := Fold(h), Fold(w)
	pair := fmt.Sprintf("%q where the quote has %q", h, w)
	if len(has) > 0 && len(want) > 0 && fh != fw && strings.Join(strings.Fields(fh), "") == strings.Join(strings.Fields(fw), "") {
		// Only spaces apart ("said..." and "said ..."): the rule says
		// white space may differ, which is its length, not a space
		// where the other has none.
		if len(has) == len(want) {
			return fmt.Sprintf("has %s: the quote has a space where the article has none, and none where it has one (spaces may be more or fewer, but not moved)", pair)
		}
		a := "a space"
		if len(want) > len(has)+1 || len(has) > len(want)+1 {
			a = "spaces"
		}
		if len(want) > len(has) {
			return fmt.Sprintf("has %s: %s the article does not have (spaces may be more or fewer, but not where it has none)", pair, a)
		}
		return fmt.Sprintf("has %s: the article has %s the quote does not (spaces may be more or fewer, but not left out)", pair, a)
	}
	if len(has) > 2 || len(want) > 2 {
		return ""
	}
	switch {
	case len(has) == 0 && len(want) == 0:
		return ""
	case len(want) == 0 && i > 0:
		return fmt.Sprintf("has %q after %q, which the quote leaves out", h, pt[i-1])
	case len(want) == 0:
		return fmt.Sprintf("has %q before %q, which the quote leaves out", h, pt[i])
	case len(has) == 0 && i > 0:
		return fmt.Sprintf("does not have the quote's %q after %q", w, pt[i-1])
	case len(has) == 0:
		return fmt.Sprintf("does not have the quote's %q before %q", w, pt[i])
	}
	oneKind := func(s string) string { return strings.ReplaceAll(s, "'", "\"") }
	if fh != fw && oneKind(fh) == oneKind(fw) {
		// The first place they differ says which kind the article has.
		at := 0
		for at < len(fh) && fh[at] == fw[at] {
			at++
		}
		if fh[at] == '"' {
			return fmt.Sprintf("has double quote marks where the quote has single ones (%s): write them as the article does, as \\\" in a quote written between double quote marks, or put the quote between single quote marks", pair)
		}
		return fmt.Sprintf("has single quote marks where the quote has double ones (%s): write them as the article does", pair)
	}
	if strings.Contains(h, "--") && Fold(strings.ReplaceAll(h, "--", "-")) == fw {
		return fmt.Sprintf("has two hyphens (--) where the quote has a dash (%s): copy them as the article writes them", pair)
	}
	if figures := strings.TrimFunc(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, fw), unicode.IsSpace); figures != "" && strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, fw) == fh && !strings.ContainsFunc(fh, unicode.IsDigit) {
		// "Lopez3," for "Lopez,": the built page's note marker, copied
		// with the words.
		return fmt.Sprintf("has %s: the quote's %q may be the number of a note's marker, copied from the built page with the words: leave it out", pair, figures)
	}
	if r, ok := oneMore(fh, fw); ok {
		return fmt.Sprintf("has %s the quote lacks (%s)", markName(r), pair)
	}
	if r, ok := oneMore(fw, fh); ok {
		return fmt.Sprintf("does not have %s the quote has (%s)", markName(r), pair)
	}
	// Words differ: shown without the marks both have around them
	// ("growing" for "rising", of "growing," and "rising,").
	for h != "" && w != "" {
		a, as := utf8.DecodeRuneInString(h)
		b, _ := utf8.DecodeRuneInString(w)
		if isWordRune(a) || fold(a) != fold(b) {
			break
		}
		h, w = h[as:], w[len(string(b)):]
	}
	for h != "" && w != "" {
		a, as := utf8.DecodeLastRuneInString(h)
		b, bs := utf8.DecodeLastRuneInString(w)
		if isWordRune(a) || fold(a) != fold(b) {
			break
		}
		h, w = h[:len(h)-as], w[:len(w)-bs]
	}
	if h == "" || w == "" {
		return "has " + pair
	}
	return fmt.Sprintf("has %q where the quote has %q", h, w)
}

// oneMore returns the mark (not a letter or digit) long has where short
// has none, when that is their one difference.
func oneMore(long, short string) (rune, bool) {
	if len(long) <= len(short) {
		return 0, false
	}
	at := 0
	for at < len(short) && long[at] == short[at] {
		at++
	}
	r, size := utf8.DecodeRuneInString(long[at:])
	return r, !isWordRune(r) && long[:at]+long[at+size:] == short
}

// markName names a mark in a sentence: "a comma", or the mark quoted.
func markName(r rune) string {
	names := map[rune]string{',': "a comma", '.': "a full stop", ';': "a semicolon", ':': "a colon",
		'!': "an exclamation mark", '?': "a question mark", '"': "a quote mark", '\'': "an apostrophe or single quote mark",
		'-': "a dash", '(': "a bracket", ')': "a bracket"}
	if name, ok := names[r]; ok {
		return name
	}
	return fmt.Sprintf("%q", string(r))
}

// inWordAt explains an occurrence that names a place inside a longer word
// ("fun" in "funding"), as an editor counting whole words would not mean:
// that occurrence counts such places too, and the occurrences that are the
// quote as a word of its own (of cands, every place the quote has). It
// returns "" when the quote is nowhere a word of its own: the longer word
// may be the one meant.
func inWordAt(blocks []*Block, cands []match, n *briefing.Note, cut func(match) bool) string {
	var whole []string
	for i, m := range cands {
		if cut(m) {
			continue
		}
		if len(whole) == maxListed {
			whole = append(whole, "more")
			break
		}
		after := ""
		if w := lastWords(blocks[m.block].Text[:m.start], 1); w != "" {
			after = fmt.Sprintf(", after %q", w)
		}
		whole = append(whole, fmt.Sprintf("%d (line %d%s)", i+1, lineOf(blocks[m.block], m.start), after))
	}
	if len(whole) == 0 {
		return ""
	}
	m := cands[n.Occurrence-1]
	b := blocks[m.block]
	s, _ := wordAround(b.Text, m.start)
	_, e := wordAround(b.Text, m.end)
	is := "is occurrence " + whole[0]
	if len(whole) > 1 {
		is = "is occurrence " + strings.Join(whole[:len(whole)-1], ", ") + " or " + whole[len(whole)-1]
	}
	return fmt.Sprintf("occurrence %d is the %q inside %q (line %d): occurrence counts the places inside longer words too; the quote as a word of its own %s",
		n.Occurrence, b.Text[m.start:m.end], b.Text[s:e], lineOf(b, m.start), is)
}

// partWord reports a quote whose place m cuts a word: which word or words
// it cuts, and the quote made of them whole.
func partWord(b *Block, m match, n *briefing.Note, errs *diag.List) {
	text := b.Text
	start, end := m.start, m.end
	var cuts []string
	if s, e := wordAround(text, m.start); s < m.start {
		start = s
		cuts = append(cuts, fmt.Sprintf("starts inside the word %q", text[s:e]))
	}
	if s, e := wordAround(text, m.end); e > m.end {
		end = e
		cuts = append(cuts, fmt.Sprintf("ends inside the word %q", text[s:e]))
	}
	errs.AddErr(n.QuotePos, diag.ErrQuoteNotFound,
		"the quote %s (line %d): a quote is made of whole words; did you mean %q?",
		strings.Join(cuts, " and "), lineOf(b, m.start), strings.Join(strings.Fields(text[start:end]), " "))
}

// wordAround returns the bounds of the word around byte i of text: as far
// as inWord finds the text inside a word on each side.
func wordAround(text string, i int) (int, int) {
	s, e := i, i
	for inWord(text, s) {
		_, size := utf8.DecodeLastRuneInString(text[:s])
		s -= size
	}
	for inWord(text, e) {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	return s, e
}

// invisible names the characters a reader does not see that come with
// text copied from some pages and documents.
var invisible = map[rune]string{
	'\u00AD': "a soft hyphen", '\u200B': "a zero-width space", '\u200C': "a zero-width non-joiner",
	'\u200D': "a zero-width joiner", '\u2060': "a word joiner", '\uFEFF': "a zero-width no-break space",
}

// ligatures are the Latin ligatures Unicode has as characters of their
// own (U+FB00 to U+FB06), each with the letters it stands for.
var ligatures = map[rune]string{
	'\uFB00': "ff", '\uFB01': "fi", '\uFB02': "fl", '\uFB03': "ffi", '\uFB04': "ffl", '\uFB05': "st", '\uFB06': "st",
}

func isLigature(r rune) bool { _, ok := ligatures[r]; return ok }

// unligature writes each ligature of s as its letters.
func unligature(s string) string {
	if strings.IndexFunc(s, isLigature) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if l, ok := ligatures[r]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ligatureIn returns where in text the first ligature of the passage
// that, its ligatures written as letters, is letters stands, or -1 when
// text has no such passage or it has no ligature.
func ligatureIn(text, letters string) int {
	if strings.IndexFunc(text, isLigature) < 0 {
		return -1
	}
	at := strings.Index(unligature(text), letters)
	if at < 0 {
		return -1
	}
	u := 0 // bytes of text so far, its ligatures as letters
	for i, r := range text {
		l, ok := ligatures[r]
		switch {
		case u >= at+len(letters):
			return -1
		case ok && u+len(l) > at:
			return i
		case ok:
			u += len(l)
		default:
			u += utf8.RuneLen(r)
		}
	}
	return -1
}

// spelled lists letters for a message: "f and i", "f, f and i".
func spelled(letters string) string {
	parts := strings.Split(letters, "")
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// joins reports whether r, a zero-width non-joiner or joiner, after prev
// is part of the text, seen by its reader: in the Arabic script
// (Persian's "می‌خواهم") and the scripts of India and around it, it
// decides how the letters are joined and shaped; between emoji, which
// pictures make one.
func joins(r, prev rune) bool {
	if r != '\u200C' && r != '\u200D' {
		return false
	}
	return unicode.In(prev, unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian, unicode.Devanagari, unicode.Bengali,
		unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam,
		unicode.Sinhala, unicode.Tibetan, unicode.Myanmar, unicode.Khmer) ||
		r == '\u200D' && unicode.Is(unicode.So, prev)
}

// unseen explains a quote that differs from the article only in what a
// reader does not see: an invisible character in the quote or in the
// article, accented letters written as a letter and a combining accent
// in one and as one character in the other, a ligature ("ﬁ") in one where
// the other has its letters, or -- for a dash. It returns
// "" when that is not the difference.
func unseen(blocks []*Block, norms []normalized, q string) string {
	isInvisible := func(r rune) bool { _, ok := invisible[r]; return ok }
	// replaceInvisible puts to (or nothing, for -1) in place of each
	// invisible character of s.
	replaceInvisible := func(s string, to rune) string {
		return strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return to
			}
			return r
		}, s)
	}
	dropInvisible := func(s string) string { return replaceInvisible(s, -1) }
	if i := strings.IndexFunc(q, isInvisible); i >= 0 {
		r, _ := utf8.DecodeRuneInString(q[i:])
		if len(find(blocks, norms, dropInvisible(q))) > 0 {
			return fmt.Sprintf("the quote has an invisible character, %s (U+%04X), after %q: remove it (it comes with text copied from some pages and documents)",
				invisible[r], r, lastWords(q[:i], 3))
		}
		if len(find(blocks, norms, Fold(replaceInvisible(q, ' ')))) > 0 {
			return fmt.Sprintf("the quote has an invisible character, %s (U+%04X), after %q, where the article has a space: type a space in its place (it comes with text copied from some pages and documents)",
				invisible[r], r, lastWords(q[:i], 3))
		}
	}
	// The other way round, the article has one the quote lacks.
	for bi, nm := range norms {
		i := strings.IndexFunc(nm.text, isInvisible)
		if i < 0 || !strings.Contains(dropInvisible(nm.text), dropInvisible(q)) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(nm.text[i:])
		if prev, _ := utf8.DecodeLastRuneInString(nm.text[:i]); joins(r, prev) {
			return fmt.Sprintf("the article's text (line %d) has %s (U+%04X) after %q, which the quote lacks: in this script it changes how the letters are drawn, so it is part of the text; copy the passage from the article into the quote, with it",
				blocks[bi].Pos.Line, invisible[r], r, lastWords(nm.text[:i], 3))
		}
		return fmt.Sprintf("the article's text (line %d) has an invisible character, %s (U+%04X), after %q, which the quote lacks: remove it from the article (a reader does not see it)",
			blocks[bi].Pos.Line, invisible[r], r, lastWords(nm.text[:i], 3))
	}
	// Accented letters: é as one character, or as e and a combining accent.
	if nfc := norm.NFC.String(q); nfc != q && len(find(blocks, norms, nfc)) > 0 {
		return "the quote writes accented letters as a letter followed by a separate accent mark (as text copied on some systems is), where the article has each as one character: type the accented letters again, or copy them from the article"
	}
	for bi, nm := range norms {
		if norm.NFC.IsNormalString(nm.text) || !strings.Contains(norm.NFC.String(nm.text), norm.NFC.String(q)) {
			continue
		}
		return fmt.Sprintf("the article's text (line %d) writes accented letters as a letter followed by a separate accent mark, where the quote has each as one character: type them again in the article, or copy the quote from it",
			blocks[bi].Pos.Line)
	}
	// A ligature, one character for "fi", as text copied from a PDF
	// has it: drawn as the two letters are.
	if i := strings.IndexFunc(q, isLigature); i >= 0 {
		r, _ := utf8.DecodeRuneInString(q[i:])
		if len(find(blocks, norms, unligature(q))) > 0 {
			return fmt.Sprintf("the quote has the ligature %q (U+%04X) after %q, one character that looks like the letters %q (text copied from a PDF has it): type the letters %s in its place",
				string(r), r, lastWords(q[:i], 3), ligatures[r], spelled(ligatures[r]))
		}
	}
	for bi, nm := range norms {
		i := ligatureIn(nm.text, unligature(q))
		if i < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(nm.text[i:])
		return fmt.Sprintf("the article's text (line %d) has the ligature %q (U+%04X) after %q, one character that looks like the letters %q (text copied from a PDF has it), which the quote has as letters: type the letters %s in its place in the article",
			blocks[bi].Pos.Line, string(r), r, lastWords(nm.text[:i], 3), ligatures[r], spelled(ligatures[r]))
	}
	if strings.Contains(q, "--") {
		for _, dash := range []string{"-", " - "} {
			if len(find(blocks, norms, strings.ReplaceAll(q, "--", dash))) > 0 {
				return "the quote writes -- where the article has a dash (—, – or -): copy the dash as the article writes it"
			}
		}
	}
	return ""
}

// caseless finds q in the normalized texts with letter case aside,
// returning the block and the range in its normalized text, or -1, 0, 0.
// Only a text whose lower case keeps its length is searched (almost every
// text: the offsets stay those of the text itself).
func caseless(norms []normalized, q string) (int, int, int) {
	lq := strings.ToLower(q)
	for bi, nm := range norms {
		lt := strings.ToLower(nm.text)
		if len(lt) != len(nm.text) || len(lq) != len(q) {
			continue
		}
		for from := 0; from <= len(lt)-len(lq); {
			i := strings.Index(lt[from:], lq)
			if i < 0 {
				break
			}
			if ns := from + i; boundaryOK(nm.text, ns, ns+len(q)) {
				return bi, ns, ns + len(q)
			}
			from += i + 1
		}
	}
	return -1, 0, 0
}

// mark is an ellipsis in a text: where it starts, and as written.
type mark struct {
	at   int
	form string
}

// ellipses returns the ellipses of q in order ("...", "…", ". . .", and
// either in brackets: "[…]", or with a space inside them, "[… ]"), or
// none. Only a quote the article does not have is asked: an article that
// has the marks itself anchors such a quote as usual.
func ellipses(q string) []mark {
	var out []mark
	sc := newEllipsisScan(q)
	for k := 0; ; {
		j, form := sc.next(k)
		if j < 0 {
			return out
		}
		out = append(out, mark{j, form})
		k = j + len(form)
	}
}

// ellipsisScan finds the ellipses of a text one after another. Each
// spelling is looked for again only once passed, so that a text of many of
// one is not searched to its end for another at each.
type ellipsisScan struct {
	s  string
	at [3]int // where the next "...", "…" and ". . ." start; -1: none is left, -2: not looked for yet
}

// newEllipsisScan starts a scan of s.
func newEllipsisScan(s string) *ellipsisScan {
	return &ellipsisScan{s: s, at: [3]int{-2, -2, -2}}
}

// next returns where the first ellipsis at or after k starts, and how it
// is written, or -1 and "".
func (sc *ellipsisScan) next(k int) (int, string) {
	j, e := -1, ""
	for x, spelling := range [3]string{"...", "…", ". . ."} {
		if at := sc.at[x]; at == -2 || at >= 0 && at < k {
			sc.at[x] = -1
			if i := strings.Index(sc.s[k:], spelling); i >= 0 {
				sc.at[x] = k + i
			}
		}
		if at := sc.at[x]; at >= 0 && (j < 0 || at < j) {
			j, e = at, spelling
		}
	}
	if j < 0 {
		return -1, ""
	}
	if j > 0 {
		// In brackets, a space inside them or not: "[…]", "[… ]",
		// "[. . .]".
		open, end := j-1, j+len(e)
		if sc.s[open] == ' ' && open > 0 {
			open--
		}
		if end < len(sc.s) && sc.s[end] == ' ' {
			end++
		}
		opens, ends := []int{open}, []int{end}
		if open != j-1 {
			opens = append(opens, j-1)
		}
		if end != j+len(e) {
			ends = append(ends, j+len(e))
		}
		for _, br := range [][2]byte{{'[', ']'}, {'(', ')'}} {
			for _, o := range opens {
				for _, c := range ends {
					if sc.s[o] == br[0] && c < len(sc.s) && sc.s[c] == br[1] {
						return o, sc.s[o : c+1]
					}
				}
			}
		}
	}
	return j, e
}

// elidedThere returns, for each of the quote q's marks, the ellipsis the
// article itself has there, as the article writes it ("...", "…", ". . .",
// "[…]"), with a space on either side where the article has white space
// there, or "" when it has none there: one with the quote's words around
// it, up to two on each side, or more on one side where the other has
// fewer, up to four in all (capitals and the marks around a word aside; a
// quote that starts or ends at its mark has words on one side only), one
// of them allowed a slip ("rebiuld... and"), or one on each side of two
// ("We will rebiuld... adn we"). A quote whose mark stands for words it
// leaves out has words there that the article's ellipsis, if it has one,
// does not stand between: a word alike on each side ("said ... the"), or
// one on one side and two on the other ("It's ... it's a"), is common
// enough to be chance. The article is read once for all the marks.
func elidedThere(norms []normalized, q string, marks []mark) []string {
	out := make([]string, len(marks))
	before, after := make([][]string, len(marks)), make([][]string, len(marks))
	left, most := 0, 0 // marks to look for, and the most words asked on a side
	for x, m := range marks {
		b, a := wordsBefore(Fold(q[:m.at]), 4), wordsAfter(Fold(q[m.at+len(m.form):]), 4)
		if len(b) == 0 && len(a) == 0 {
			continue
		}
		// Two words on each side, or more on one where the other has
		// fewer: four in all where the quote has them.
		nb, na := min(len(b), 2), min(len(a), 2)
		nb, na = min(len(b), 4-na), min(len(a), 4-nb)
		before[x], after[x] = b[len(b)-nb:], a[:na]
		left, most = left+1, max(most, nb, na)
	}
	for _, nm := range norms {
		text := nm.text
		sc := newEllipsisScan(text)
		for k := 0; left > 0; {
			j, e := sc.next(k)
			if j < 0 {
				break
			}
			k = j + len(e)
			var wb, wa []string // the article's words around it, read once
			for x := range marks {
				if out[x] != "" || len(before[x]) == 0 && len(after[x]) == 0 {
					continue
				}
				if wa == nil {
					wa, wb = wordsAfter(text[k:], most), wordsBefore(text[:j], most)
				}
				// Slips left of one on each side: one in all, or one on
				// each side of two words.
				b, a := before[x], after[x]
				sa := alike(wa[:min(len(a), len(wa))], a, 1)
				if sa < 0 {
					continue
				}
				if sb := alike(wb[max(0, len(wb)-len(b)):], b, 1); sb < 0 || sb+sa == 0 && (len(b) < 2 || len(a) < 2) {
					continue
				}
				out[x] = e
				if r, _ := utf8.DecodeLastRuneInString(text[:j]); unicode.IsSpace(r) {
					out[x] = " " + out[x]
				}
				if r, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsSpace(r) {
					out[x] += " "
				}
				left--
			}
		}
	}
	return out
}

// alike returns how many slips (slip) may still be allowed once the
// article's words a are compared with the quote's w, from slips, or -1
// when they differ more (or slips is -1 already).
func alike(a, w []string, slips int) int {
	if slips < 0 || len(a) != len(w) {
		return -1
	}
	for k := range w {
		switch {
		case strings.EqualFold(a[k], w[k]):
		case slips > 0 && slip(a[k], w[k]):
			slips--
		default:
			return -1
		}
	}
	return slips
}

// wordsBefore returns the last n words of s (fewer when it has fewer),
// without the marks around them, read no further back than n words can
// be long: a text of ellipses without spaces would otherwise be read
// whole at each.
func wordsBefore(s string, n int) []string {
	f := bareWords(strings.Fields(s[max(0, len(s)-n*wordWindow):]))
	return f[max(0, len(f)-n):]
}

// wordsAfter returns the first n words of s, as wordsBefore does.
func wordsAfter(s string, n int) []string {
	f := bareWords(strings.Fields(s[:min(len(s), n*wordWindow)]))
	return f[:min(len(f), n)]
}

// bareWords is words without the marks around each; a word of marks alone
// is left out.
func bareWords(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if b := strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) }); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// slip reports whether the word w is the article's word a with a typing
// slip: two letters swapped, one added, left out or mistyped (one edit,
// or a swap), in a word of three letters or more.
func slip(article, word string) bool {
	a, w := []rune(strings.ToLower(article)), []rune(strings.ToLower(word))
	if string(a) == string(w) || len(a) < 3 || len(w) < 3 || len(a)-len(w) > 1 || len(w)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && i < len(w) && a[i] == w[i] {
		i++
	}
	ta, tw := a[i:], w[i:]
	same := func(x, y []rune) bool { return string(x) == string(y) }
	switch {
	case len(ta) == len(tw) && len(ta) >= 2 && ta[0] == tw[1] && ta[1] == tw[0] && same(ta[2:], tw[2:]): // swapped
		return true
	case len(ta) == len(tw):
		return same(ta[1:], tw[1:]) // mistyped
	case len(ta) > len(tw):
		return same(ta[1:], tw) // added in the article's: left out of the quote
	default:
		return same(ta, tw[1:]) // added in the quote
	}
}

// wordWindow is how far from a mark elidedThere looks for the word beside
// it, in bytes: more than any word of a quote.
const wordWindow = 100

// escapes explains a quote copied from the article's Markdown with HTML
// character references (&amp;, &mdash;) or backslash escapes (\*), which
// a reader sees as the characters they stand for: which of them, and where
// the quote is written as read. It returns "" when the quote has none, or
// is not in the article without them either.
func escapes(blocks []*Block, norms []normalized, q string) string {
	if !strings.ContainsAny(q, "&\\") {
		return ""
	}
	read := Fold(Unescape([]byte(q)))
	if read == q {
		return ""
	}
	ms := find(blocks, norms, read)
	if len(ms) == 0 {
		return ""
	}
	// Each one the quote writes, once, with what a reader sees.
	var srcs, outs []string
	for i := 0; i < len(q); i++ {
		var src, out, kind string
		switch {
		case q[i] == '\\' && i+1 < len(q) && util.IsPunct(q[i+1]):
			src, out, kind = q[i:i+2], q[i+1:i+2], "the backslash escape"
		case q[i] == '&':
			r, size := charRef([]byte(q[i:]))
			if size == 0 {
				continue
			}
			src, out, kind = q[i:i+size], r, "the character reference"
		default:
			continue
		}
		i += len(src) - 1
		src = fmt.Sprintf("%s \"%s\"", kind, src) // %q would double a backslash
		if !slices.Contains(srcs, src) {
			srcs, outs = append(srcs, src), append(outs, fmt.Sprintf("%q", out))
		}
	}
	return fmt.Sprintf("the quote has %s from the article's Markdown, which the reader sees as %s: written as the reader sees it, the quote is at line %d",
		joinAnd(srcs), joinAnd(outs), lineOf(blocks[ms[0].block], ms[0].start))
}

// joinAnd joins items as a list in a sentence: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// unmark returns q without Markdown's emphasis marks and with a link
// written as its text: the words as a reader of the page sees them.
func unmark(q string) string {
	if !strings.ContainsAny(q, "*_[") {
		return q
	}
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		switch c := q[i]; c {
		case '*', '_':
		case '[':
			// [text](destination) reads as text.
			mid := strings.Index(q[i:], "](")
			end := -1
			if mid > 0 {
				end = strings.IndexByte(q[i+mid:], ')')
			}
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			b.WriteString(q[i+1 : i+mid])
			i += mid + end
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

type word struct {
	text       string
	start, end int // visible offsets
}

func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		// A word takes in the accents written after its letters, and
		// characters a reader does not see.
		if isWordRune(r) || start >= 0 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r)) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{strings.ToLower(text[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{strings.ToLower(text[start:]), start, len(text)})
	}
	return out
}

// closest finds the window of the article's words most like the quote's,
// scored by how many of the quote's words it shares: the block, and the
// window's bytes in its text, or a block of -1 when no window shares a
// third of the quote's words. The window holds as many words as the
// quote: alignWindow then finds the passage itself around it.
func closest(blocks []*Block, q string) (block, start, end int) {
	qw := words(q)
	if len(qw) == 0 {
		return -1, 0, 0
	}
	want := map[string]int{}
	for _, w := range qw {
		want[w.text]++
	}
	best, bestAligned, bestBlock, bestStart, bestEnd := 0, 0, -1, 0, 0
	for bi, b := range blocks {
		bw := words(b.Text)
		k := min(len(qw), len(bw))
		if k == 0 {
			continue
		}
		// Slide a window of k words along the block, keeping its score
		// (how many of the quote's words it holds, each at most as often as
		// the quote has it) up to date word by word.
		have := map[string]int{}
		score := 0
		for s, w := range bw {
			have[w.text]++
			if have[w.text] <= want[w.text] {
				score++
			}
			if s >= k {
				out := bw[s-k].text
				if have[out] <= want[out] {
					score--
				}
				have[out]--
			}
			if s >= k-1 && score >= best && score > 0 {
				// Of windows sharing as many words, the one whose words
				// stand where the quote has them: "went out on Monday"
				// is shown "went out on Friday", not "cable went out on".
				// Only the quote's first words are compared so: every
				// window of an article may tie, and comparing each with a
				// long quote word by word would take time that grows with
				// the article's length times the quote's (minutes for a
				// quote pasted whole from a long text).
				aligned := 0
				for i, qw := range qw[:min(k, closestWords)] {
					if bw[s-k+1+i].text == qw.text {
						aligned++
					}
				}
				if score > best || aligned > bestAligned {
					best, bestAligned, bestBlock, bestStart, bestEnd = score, aligned, bi, bw[s-k+1].start, w.end
				}
			}
		}
	}
	if bestBlock < 0 || best*3 < len(qw) {
		return -1, 0, 0
	}
	return bestBlock, bestStart, bestEnd
}

// closestWords is how many of a quote's first words closest compares
// word by word with each window that ties: many more than a quote holds.
const closestWords = 200

// checkCrossing reports two spans in one block that overlap without one
// containing the other.
func checkCrossing(spans []Span, errs *diag.List) {
	byBlock := map[*Block][]int{}
	var order []*Block
	for i, s := range spans {
		if _, ok := byBlock[s.Block]; !ok {
			order = append(order, s.Block)
		}
		byBlock[s.Block] = append(byBlock[s.Block], i)
	}
	for _, b := range order {
		idx := byBlock[b]
		sort.Slice(idx, func(i, j int) bool {
			si, sj := spans[idx[i]], spans[idx[j]]
			if si.Start != sj.Start {
				return si.Start < sj.Start
			}
			return si.End > sj.End
		})
		for x := 0; x < len(idx); x++ {
			a := spans[idx[x]]
			for y := x + 1; y < len(idx); y++ {
				c := spans[idx[y]]
				if c.Start >= a.End {
					break
				}
				if c.End > a.End {
					later, earlier := c, a
					if later.Note.QuotePos.Line < earlier.Note.QuotePos.Line {
						later, earlier = earlier, later
					}
					errs.AddErr(later.Note.QuotePos, diag.ErrCrossingQuotes,
						"this quote overlaps the quote of note %q (line %d) without containing it or lying inside it: notes may nest but not cross; shorten one of the quotes",
						earlier.Note.ID, earlier.Note.QuotePos.Line)
				}
			}
		}
	}
}
