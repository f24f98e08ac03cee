package anchor

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

const article = `The cable calls mass migration an “existential threat” to the West.

Only 7,500 refugees will be admitted, down from *100,000 under* Biden. Only 7,500 is a record low.

It cites the “Stanford study” — and the *Stanford study* again.

A second paragraph about [the study](https://example.org) and
its 30% figure.

` + "Code `a b` here."

// resolve anchors notes in md, whose body starts at line 1 of article.md.
func resolve(t *testing.T, md string, notes ...*briefing.Note) ([]*Block, []Span, []string) {
	t.Helper()
	var errs diag.List
	blocks := extract(md)
	for i, n := range notes {
		if n.ID == "" {
			n.ID = "n" + string(rune('a'+i))
		}
		n.QuotePos = diag.Pos{File: "notes.yaml", Line: 10 * (i + 1), Col: 12}
	}
	spans := Resolve(blocks, notes, &errs)
	var msgs []string
	for _, e := range errs.Errors() {
		msgs = append(msgs, e.Error())
	}
	return blocks, spans, msgs
}

// extract is the blocks of md, an article whose body starts at line 1 of
// article.md.
func extract(md string) []*Block {
	src := []byte(md)
	body := briefing.Markdown{Text: md, Pos: diag.Pos{File: "article.md", Line: 1, Col: 1}}
	return Extract(goldmark.New().Parser().Parse(text.NewReader(src)), src, body)
}

// benchmarkNotFound measures anchoring a quote that is not in md.
func benchmarkNotFound(b *testing.B, md, quote string) {
	blocks := extract(md)
	for b.Loop() {
		var errs diag.List
		Resolve(blocks, []*briefing.Note{{ID: "n", Quote: quote}}, &errs)
	}
}

func TestExtractVisibleText(t *testing.T) {
	blocks, _, errs := resolve(t, "A *b* [c](https://x.org) \\*d\\* &amp; e\nf `g`\n\n# Head\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got, want := blocks[0].Text, "A b c *d* & e\nf g"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if blocks[1].Text != "Head" || blocks[1].Pos.Line != 4 {
		t.Errorf("heading = %q at %v", blocks[1].Text, blocks[1].Pos)
	}
}

func TestResolveMatches(t *testing.T) {
	tests := []struct {
		name string
		note briefing.Note
		want string // the visible passage
	}{
		{"curly quotes in text, straight in quote", briefing.Note{Quote: `"existential threat"`}, "“existential threat”"},
		{"white space and case of dash", briefing.Note{Quote: "Stanford study\"  -  and"}, "Stanford study” — and"},
		{"across emphasis", briefing.Note{Quote: "down from 100,000 under Biden"}, "down from 100,000 under Biden"},
		{"across a link and a soft line break", briefing.Note{Quote: "about the study and its 30%"}, "about the study and\nits 30%"},
		{"prefix picks one", briefing.Note{Quote: "Stanford study", Prefix: "the"}, "Stanford study"},
		{"occurrence picks one", briefing.Note{Quote: "Only 7,500", Occurrence: 2}, "Only 7,500"},
		{"suffix picks one", briefing.Note{Quote: "Only 7,500", Suffix: "refugees"}, "Only 7,500"},
		{"a whole code span", briefing.Note{Quote: "Code a b here"}, "Code a b here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.note
			_, spans, errs := resolve(t, article, &n)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(spans) != 1 {
				t.Fatalf("%d spans", len(spans))
			}
			s := spans[0]
			if got := s.Block.Text[s.Start:s.End]; got != tt.want {
				t.Errorf("passage = %q, want %q", got, tt.want)
			}
		})
	}
	// prefix and occurrence must pick the right one, not just one.
	n := briefing.Note{Quote: "Only 7,500", Occurrence: 2}
	_, spans, _ := resolve(t, article, &n)
	if spans[0].Start == 0 {
		t.Errorf("occurrence 2 picked the first match")
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name  string
		notes []*briefing.Note
		want  []string
	}{
		{
			name:  "not found, with the closest passage",
			notes: []*briefing.Note{{Quote: "Only 7,000 refugees will be admitted"}},
			want:  []string{`notes.yaml:10:12: the quote is not in the article; the closest passage is "Only 7,500 refugees will be admitted" (line 3): it has "7,500" where the quote has "7,000"; quotes must match word for word and mark for mark; only white space, the kind of dash or apostrophe, and curly or straight forms of the same quote mark may differ`},
		},
		{
			name:  "nothing alike",
			notes: []*briefing.Note{{Quote: "zebras quietly graze"}},
			want:  []string{`notes.yaml:10:12: the quote is not in the article, and no passage resembles it: copy the words exactly from the article`},
		},
		{
			name:  "ambiguous",
			notes: []*briefing.Note{{Quote: "Stanford study"}},
			want:  []string{`notes.yaml:10:12: the quote matches 2 places: line 5 (prefix: "the “"), line 5 (prefix: "the"); add the prefix, suffix or occurrence that picks the one you mean`},
		},
		{
			name:  "across paragraphs",
			notes: []*briefing.Note{{Quote: "to the West. Only 7,500 refugees"}},
			want:  []string{`notes.yaml:10:12: the quote runs across paragraphs (lines 1–3): a quote stays within one paragraph; shorten it, or split the note in two`},
		},
		{
			name:  "occurrence out of range",
			notes: []*briefing.Note{{Quote: "Only 7,500", Occurrence: 3}},
			want:  []string{`notes.yaml:10:12: occurrence is 3, but the quote appears only twice (both in line 3): use a number from 1 to 2`},
		},
		{
			name:  "prefix matches none",
			notes: []*briefing.Note{{Quote: "Only 7,500", Prefix: "Never"}},
			want:  []string{`notes.yaml:10:12: the quote appears twice (both in line 3) but none of them has prefix "Never" just before it: check them against the article's text`},
		},
		{
			name:  "suffix matches the one",
			notes: []*briefing.Note{{Quote: "calls mass migration", Suffix: "a threat"}},
			want:  []string{`notes.yaml:10:12: the quote appears once (line 1) but not with suffix "a threat" just after it (the article has "an “existential" there): check it against the article's text`},
		},
		{
			name:  "prefix fits, suffix does not",
			notes: []*briefing.Note{{Quote: "calls mass migration", Prefix: "The cable", Suffix: "a threat"}},
			want:  []string{`notes.yaml:10:12: the quote appears once (line 1) with prefix "The cable" just before it, but not with suffix "a threat" just after it (the article has "an “existential" there): check the suffix against the article's text`},
		},
		{
			name:  "suffix fits, prefix does not",
			notes: []*briefing.Note{{Quote: "calls mass migration", Prefix: "A cable", Suffix: "an"}},
			want:  []string{`notes.yaml:10:12: the quote appears once (line 1) with suffix "an" just after it, but not with prefix "A cable" just before it (the article has "The cable" there): check the prefix against the article's text`},
		},
		{
			name:  "neither fits",
			notes: []*briefing.Note{{Quote: "calls mass migration", Prefix: "A cable", Suffix: "a threat"}},
			want:  []string{`notes.yaml:10:12: the quote appears once (line 1) but not with prefix "A cable" and suffix "a threat": check it against the article's text`},
		},
		{
			name: "crossing notes",
			notes: []*briefing.Note{
				{Quote: "mass migration an “existential"},
				{Quote: "existential threat” to the West"},
			},
			want: []string{`notes.yaml:20:12: this quote overlaps the quote of note "na" (line 10) without containing it or lying inside it: notes may nest but not cross; shorten one of the quotes`},
		},
		{
			name:  "ends inside a word",
			notes: []*briefing.Note{{Quote: "calls mass migrat"}},
			want:  []string{`notes.yaml:10:12: the quote ends inside the word "migration" (line 1): a quote is made of whole words; did you mean "calls mass migration"?`},
		},
		{
			name:  "starts and ends inside words",
			notes: []*briefing.Note{{Quote: "alls mass migrat"}},
			want:  []string{`notes.yaml:10:12: the quote starts inside the word "calls" and ends inside the word "migration" (line 1): a quote is made of whole words; did you mean "calls mass migration"?`},
		},
		{
			name:  "inside a number",
			notes: []*briefing.Note{{Quote: "Only 7,50"}},
			want:  []string{`notes.yaml:10:12: the quote ends inside the word "7,500" (line 3): a quote is made of whole words; did you mean "Only 7,500"?`},
		},
		{
			name:  "across a soft line break",
			notes: []*briefing.Note{{Quote: "and its 3"}},
			want:  []string{`notes.yaml:10:12: the quote ends inside the word "30" (line 7): a quote is made of whole words; did you mean "and its 30"?`},
		},
		{
			name:  "in curly quote marks the article has not",
			notes: []*briefing.Note{{Quote: "“calls mass migration”"}},
			want:  []string{`notes.yaml:10:12: the quote is in the article (line 1), but without the quote marks around it, which are part of the quote's text (YAML keeps curly quote marks, and straight ones inside other quotes): remove them`},
		},
		{
			name:  "cuts a code span",
			notes: []*briefing.Note{{Quote: "Code a"}},
			want:  []string{`notes.yaml:10:12: the quote ends inside a code span, link address or image, which cannot be cut: make the quote include all of it or none of it`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, errs := resolve(t, article, tt.notes...)
			if strings.Join(errs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestQuoteWholeWords: the place a quote picks must be whole words; a
// possessive, a footnote figure after a word, and scripts that write no
// spaces or join particles to their words (Chinese, Korean, Arabic) are
// not cut words. Places inside longer words count for occurrence, as the
// text is searched, but a note cannot be anchored there.
func TestQuoteWholeWords(t *testing.T) {
	for _, tt := range []struct {
		md, quote  string
		occurrence int
		before     string // the text before the passage; "" when it is an error
		err        string
	}{
		{md: "The Department’s cable went out.", quote: "The Department", before: ""},
		{md: "It was 10,000 or 1,000 people.", quote: "1,000", before: "It was 10,000 or "},
		{md: "Cafés crème and a café.", quote: "café", before: "Cafés crème and a "},
		{md: "The claim¹ was false.", quote: "The claim", before: ""},
		{md: "移民政策について議論した。", quote: "政策", before: "移民"},
		{md: "이민 정책을 발표했다.", quote: "이민 정책", before: ""},
		{md: "أعلنت والحكومة الجديدة", quote: "الحكومة الجديدة", before: "أعلنت و"},
		{md: "The refugees came. Then a refugee spoke.", quote: "refugee", occurrence: 2, before: "The refugees came. Then a "},
		// The one place of whole words is the quote's, without an
		// occurrence; where there are several, only those are offered,
		// each with what picks it from every place (occurrence counts the
		// place inside "funding").
		{md: "The refugees came. Then a refugee spoke.", quote: "refugee", before: "The refugees came. Then a "},
		{md: "The funding was fun, and fun it was.", quote: "fun",
			err: `the quote matches 2 places: line 1 (prefix: "was"), line 1 (prefix: "and"); add the prefix`},
		// The occurrence offered counts every place; "and N more" only
		// those offered.
		{md: strings.Repeat("funding fun ", 12), quote: "fun",
			err: `the quote matches 12 places: line 1 (occurrence: 2), line 1 (occurrence: 4), line 1 (occurrence: 6), line 1 (occurrence: 8), line 1 (occurrence: 10), line 1 (occurrence: 12), line 1 (occurrence: 14), line 1 (occurrence: 16), line 1 (occurrence: 18), line 1 (occurrence: 20), and 2 more places;`},
		// A prefix need only tell the whole places apart: "the" (not
		// "and the") picks the second, as the first "the" is before
		// "funding".
		{md: "So the funding was cut, and the fun was over, and was fun.", quote: "fun",
			err: `the quote matches 2 places: line 1 (prefix: "the"), line 1 (prefix: "was"); add`},
		// An occurrence that names a place inside a longer word, counted
		// as whole words are, is told the ones that are whole words; where
		// there are none, the longer word may be meant.
		{md: "The funding was fun.", quote: "fun", occurrence: 1,
			err: `occurrence 1 is the "fun" inside "funding" (line 1): occurrence counts the places inside longer words too; the quote as a word of its own is occurrence 2 (line 1, after "was")`},
		{md: "The refugees came. Then a refugee spoke.", quote: "refugee", occurrence: 1,
			err: `occurrence 1 is the "refugee" inside "refugees" (line 1): occurrence counts the places inside longer words too; the quote as a word of its own is occurrence 2 (line 1, after "a")`},
		{md: "The funding was funny.", quote: "fun", occurrence: 1,
			err: `the quote ends inside the word "funding" (line 1): a quote is made of whole words; did you mean "funding"?`},
		{md: "Only 7,500 will come.", quote: "Only 7",
			err: `the quote ends inside the word "7,500" (line 1): a quote is made of whole words; did you mean "Only 7,500"?`},
		{md: "It rose 3.5% in a year.", quote: "rose 3",
			err: `the quote ends inside the word "3.5" (line 1)`},
		// An image parts the words on either side of it.
		{md: "Before![chart](c.png)after the vote.", quote: "Before", before: ""},
		{md: "Before![chart](c.png)after the vote.", quote: "after the vote", before: "Before"},
		{md: "A re\u00adport came.", quote: "A re",
			err: `the quote ends inside the word "re\u00adport" (line 1)`},
	} {
		_, spans, errs := resolve(t, tt.md+"\n", &briefing.Note{Quote: tt.quote, Occurrence: tt.occurrence})
		switch {
		case tt.err != "":
			if len(errs) != 1 || !strings.Contains(errs[0], tt.err) {
				t.Errorf("%q in %q: errors %v, want %q", tt.quote, tt.md, errs, tt.err)
			}
		case len(errs) > 0 || len(spans) != 1:
			t.Errorf("%q in %q: spans %v, errors %v", tt.quote, tt.md, spans, errs)
		case spans[0].Start != len(tt.before):
			t.Errorf("%q in %q anchored at byte %d, want %d (after %q)", tt.quote, tt.md, spans[0].Start, len(tt.before), tt.before)
		}
	}
}

func TestNestingAllowed(t *testing.T) {
	_, spans, errs := resolve(t, article,
		&briefing.Note{Quote: "Only 7,500 refugees will be admitted", Occurrence: 1},
		&briefing.Note{Quote: "7,500", Occurrence: 1},
		&briefing.Note{Quote: "Only 7,500 refugees will be admitted"[0:10], Occurrence: 1},
	)
	if len(errs) > 0 || len(spans) != 3 {
		t.Fatalf("errors %v, %d spans", errs, len(spans))
	}
}

// Raw HTML is no part of the text a reader sees; it is reported by package
// render, once, not here as well.
func TestRawHTMLAddsNoText(t *testing.T) {
	blocks, _, errs := resolve(t, "Text <b>bold</b>.\n\n<div>\nblock\n</div>\n\nAfter.\n")
	var texts []string
	for _, b := range blocks {
		texts = append(texts, b.Text)
	}
	if got := strings.Join(texts, "|"); got != "Text bold.|After." || len(errs) > 0 {
		t.Errorf("blocks %q, errors %q", got, errs)
	}
}

// An article without text has no blocks; its notes are not each reported
// as missing (the loader says the text is missing).
func TestNoTextNoNoise(t *testing.T) {
	_, spans, errs := resolve(t, "", &briefing.Note{Quote: "anything"})
	if len(spans) != 0 || len(errs) != 0 {
		t.Errorf("spans %v, errors %q", spans, errs)
	}
}

func TestFold(t *testing.T) {
	for _, c := range [][2]string{
		{"  it’s  “a”\u00a0—\ttest ", `it's "a" - test`},
		{"‘x’ – y", "'x' - y"},
	} {
		if got := Fold(c[0]); got != c[1] {
			t.Errorf("Fold(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// BenchmarkExtract measures collecting the visible text of long articles;
// the time per byte must not grow with the length (it did: every position
// was counted from the start of the text).
func BenchmarkExtract(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20} {
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString("A paragraph about the *numbers*, with a [link](https://example.org) and `code`.\n\n")
		}
		src := []byte(sb.String())
		body := briefing.Markdown{Text: sb.String(), Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
		doc := goldmark.New().Parser().Parse(text.NewReader(src))
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Extract(doc, src, body)
			}
		})
	}
}

// A quote found thousands of times lists the first places and counts the
// rest. (Found by FuzzAnchor: describing every place of a quote that
// matched 3,294 times compared each with every other, re-folding its words,
// and took minutes; the corpus entry testdata/fuzz/FuzzAnchor/ec5779a6cd177faf
// runs it again.)
func TestManyMatchesListed(t *testing.T) {
	md := strings.Repeat("the cat and the dog. ", 3000)
	_, _, errs := resolve(t, md, &briefing.Note{Quote: "the"}, &briefing.Note{Quote: "the", Occurrence: 7000})
	if len(errs) != 2 {
		t.Fatalf("errors: %q", errs)
	}
	want := `notes.yaml:10:12: the quote matches 6000 places: line 1 (occurrence: 1), line 1 (occurrence: 2), line 1 (occurrence: 3), line 1 (occurrence: 4), line 1 (occurrence: 5), line 1 (occurrence: 6), line 1 (occurrence: 7), line 1 (occurrence: 8), line 1 (occurrence: 9), line 1 (occurrence: 10), and 5990 more places; add the prefix, suffix or occurrence that picks the one you mean`
	if errs[0] != want {
		t.Errorf("got  %s\nwant %s", errs[0], want)
	}
	if !strings.HasSuffix(errs[1], "(10 times in line 1, and 5990 more): use a number from 1 to 6000") {
		t.Errorf("got %s", errs[1])
	}
}

// BenchmarkAmbiguousQuote measures reporting a quote that matches every
// few words of a long article.
func BenchmarkAmbiguousQuote(b *testing.B) {
	md := strings.Repeat("the cat and the dog. ", 20000)
	src := []byte(md)
	body := briefing.Markdown{Text: md, Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
	blocks := Extract(goldmark.New().Parser().Parse(text.NewReader(src)), src, body)
	for b.Loop() {
		var errs diag.List
		Resolve(blocks, []*briefing.Note{{ID: "n", Quote: "the"}}, &errs)
	}
}

// BenchmarkQuoteNotFound measures finding the closest passage for a long
// quote with one word changed, in a long article.
func BenchmarkQuoteNotFound(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		fmt.Fprintf(&sb, "Paragraph %d says what officials said about the numbers again.\n\n", i)
	}
	benchmarkNotFound(b, sb.String(), strings.Repeat("officials said about the numbers ", 40)+"again")
}

// BenchmarkQuoteNotFoundHostile measures the closest passage of a quote
// pasted whole from a long text (20,000 words, its last one not in the
// article) in a 1 MB article of one word repeated, where every window
// shares as many words with the quote: 18 s a run when every window that
// ties was compared with the whole quote word by word, 0.4–0.7 s since
// only its first closestWords words are.
func BenchmarkQuoteNotFoundHostile(b *testing.B) {
	benchmarkNotFound(b, strings.Repeat("word ", 200000)+"\n", strings.Repeat("word ", 20000)+"zz")
}

// TestQuoteNotFoundLong: a quote longer than the words the closest passage
// is looked for by, which differs from the article after them, is shown
// the word that differs, in a passage as long as the quote.
func TestQuoteNotFoundLong(t *testing.T) {
	var art, quote []string
	for i := range closestWords + 100 {
		art = append(art, fmt.Sprintf("w%d", i))
	}
	quote = append(quote, art[10:closestWords+50]...)
	quote[closestWords+20] = "changed"
	_, _, errs := resolve(t, "Before. "+strings.Join(art, " ")+" after.\n", &briefing.Note{Quote: strings.Join(quote, " ")})
	if want := fmt.Sprintf(`has "w%d" where the quote has "changed"`, closestWords+30); len(errs) != 1 || !strings.Contains(errs[0], want) {
		t.Errorf("got %q, want the closest passage's %s", errs, want)
	}
}

// TestQuoteNotFoundLongTwice: of two paragraphs that both hold a long
// quote's first closestWords words, the closest passage is the one that
// holds more of the rest.
func TestQuoteNotFoundLongTwice(t *testing.T) {
	var words []string
	for i := range closestWords + 60 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	first := append(append([]string{}, words[:closestWords]...), "and", "then", "something", "else", "entirely.")
	quote := append([]string{}, words...)
	quote[closestWords+55] = "changed"
	md := strings.Join(first, " ") + "\n\n" + strings.Join(words, " ") + "\n"
	_, _, errs := resolve(t, md, &briefing.Note{Quote: strings.Join(quote, " ")})
	if want := fmt.Sprintf(`the closest passage (line 3) has "w%d" where the quote has "changed"`, closestWords+55); len(errs) != 1 || !strings.Contains(errs[0], want) {
		t.Errorf("got %q, want %s", errs, want)
	}
}

// TestQuoteInHeadline: a quote from the headline, which a note cannot
// annotate, is told so; the same quote with no headline given is "not in
// the article".
func TestQuoteInHeadline(t *testing.T) {
	md := "The cable went out on Friday.\n"
	src := []byte(md)
	body := briefing.Markdown{Text: md, Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
	blocks := Extract(goldmark.New().Parser().Parse(text.NewReader(src)), src, body)
	note := &briefing.Note{ID: "n", Quote: "allies told to curb “mass migration”", QuotePos: diag.Pos{File: "n.yaml", Line: 3, Col: 12}}
	var errs diag.List
	ResolveIn(blocks, []*briefing.Note{note}, Context{Shown: []Shown{{Name: "headline", Text: `U.S. allies told to curb "mass migration", cable says`}}}, &errs)
	want := "n.yaml:3:12: the quote is in the article's headline, which a note cannot annotate: quote the article's text, where the headline's claim is made or repeated"
	if err := errs.Err(); err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	errs = diag.List{}
	Resolve(blocks, []*briefing.Note{note}, &errs)
	if err := errs.Err(); err == nil || !strings.Contains(err.Error(), "the quote is not in the article") {
		t.Errorf("without the headline: %v", err)
	}
}

// TestQuoteNotFoundHints: a quote that leaves words out, writes its
// ellipsis otherwise than the article, or keeps Markdown's marks is told
// what is wrong with it, not only shown the closest passage; each such
// quote that the article does have anchors as usual.
func TestQuoteNotFoundHints(t *testing.T) {
	md := "The cable went out on Friday.\n\nIt asked posts to report *crimes* by [migrants](https://example.org) and more…\n\n" +
		"A re\u00adport under Nicolás Maduro — then — said so.\n\n" +
		"Under Jose\u0301 Martí the long passage went on and on, with many words after the first of them, more than anyone would want to read again in a message.\n\n" +
		"می\u200cخواهم این را بگویم که مهاجرت مهم است.\n\n" +
		"A classiﬁed cable was sent to the oﬃces. It was filed in Washington.\n"
	src := []byte(md)
	body := briefing.Markdown{Text: md, Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
	blocks := Extract(goldmark.New().Parser().Parse(text.NewReader(src)), src, body)
	for _, c := range []struct{ quote, want string }{
		{"The cable ... on Friday", "the quote leaves words out (...), but a quote is one unbroken passage"},
		{"The cable […] Friday", "the quote leaves words out ([…])"},
		{"The cable. . . Friday", "the quote leaves words out (. . .)"},
		{"by migrants and more...", `the quote writes the ellipsis as "..." where the article has "…"`},
		{"It asked all posts to report crimes by migrants and more...", `does not have the quote's "all" after "asked"; the quote also writes the ellipsis as "..." where the article has "…"`},
		{"It asked posts to say this and that by migrants and more...", `the closest passage is "It asked posts to report crimes by migrants and more…" (line 3): the quote writes the ellipsis as "..." where the article has "…", and differs otherwise too; quotes must match`},
		{"report *crimes* by migrants", "the quote has Markdown's marks (*, _ or [ ]( )), which the reader does not see: without them, the quote is at line 3"},
		{"crimes by [migrants](https://example.org)", "without them, the quote is at line 3"},
		{"report _crimes_ by", "without them, the quote is at line 3"},
		{"report *robberies* by", "the closest passage is"},
		{"went out on Friday&#46;", `the quote has the character reference "&#46;" from the article's Markdown, which the reader sees as ".": written as the reader sees it, the quote is at line 1`},
		{"went out &amp; on Friday", "the closest passage is"},
		{"the Cable went out on friday", `the quote differs from the article only in capital letters: the article has "The cable went out on Friday" (line 1)`},
		{"It Asked Posts", `the article has "It asked posts" (line 3)`},
		{"the cable", `the article has "The cable" (line 1)`},
		{"cable went out", ""},
		{"went out on Monday", `the closest passage is "went out on Friday" (line 1)`},
		{"by migrants and more…", ""},
		{"report crimes by migrants", ""},
		// Differences a reader does not see.
		{"cable went\u200b out", `the quote has an invisible character, a zero-width space (U+200B), after "cable went": remove it`},
		{"cable went\u200bout on", `the quote has an invisible character, a zero-width space (U+200B), after "cable went", where the article has a space: type a space in its place`},
		// A quote cut inside a word is told the words it cuts.
		{"able went ou", `the quote starts inside the word "cable" and ends inside the word "out" (line 1): a quote is made of whole words; did you mean "cable went out"?`},
		{"A report under", `the article's text (line 5) has an invisible character, a soft hyphen (U+00AD), after "A re", which the quote lacks: remove it from the article`},
		// In Persian a zero-width non-joiner is spelling: the quote is
		// told to have it, not the article to lose it.
		{"میخواهم این را", `the article's text (line 9) has a zero-width non-joiner (U+200C) after "می", which the quote lacks: in this script it changes how the letters are drawn, so it is part of the text; copy the passage from the article into the quote, with it`},
		{"می\u200cخواهم این را", ""},
		{"under Nicola\u0301s Maduro", "the quote writes accented letters as a letter followed by a separate accent mark"},
		{"Under José Martí", "the article's text (line 7) writes accented letters as a letter followed by a separate accent mark"},
		{"Maduro -- then -- said", "the quote writes -- where the article has a dash"},
		// Ligatures, as a PDF's text has them, look like their letters.
		{"the classified cable", `the closest passage is`},
		{"A classified cable was sent", `the article's text (line 11) has the ligature "ﬁ" (U+FB01) after "A classi", one character that looks like the letters "fi" (text copied from a PDF has it), which the quote has as letters: type the letters f and i in its place in the article`},
		{"sent to the offices", `the article's text (line 11) has the ligature "ﬃ" (U+FB03) after "to the o", one character that looks like the letters "ffi"`},
		{"It was ﬁled in Washington", `the quote has the ligature "ﬁ" (U+FB01) after "It was", one character that looks like the letters "fi" (text copied from a PDF has it): type the letters f and i in its place`},
		{"A classiﬁed cable was sent to the oﬃces", ""},
		{"Maduro—then—said", `the closest passage is "Maduro — then — said" (line 5)`},
		// A long passage is shown where it differs from the quote.
		{"the long passage went on and on, with many words after the second of them, more than anyone would want to read again",
			`the closest passage (line 7) has "first" where the quote has "second": "…with many words after the first of them, more than anyone…"`},
	} {
		resolvesAs(t, blocks, c.quote, c.want)
	}
}

// TestContextAcrossBlocks: a prefix reaches back into the paragraph before
// (a quote that starts its paragraph has nothing else before it), and a
// suffix on into the next, as the exports' selectors do; and picks the
// right one of two.
func TestContextAcrossBlocks(t *testing.T) {
	const text = "It ends here.\n\nThe cable said so. Then more.\n\nIt starts again.\n\n- The cable said so\n"
	for _, c := range []struct {
		n     briefing.Note
		block int // the block the context picks
	}{
		{briefing.Note{Quote: "The cable said so", Prefix: "It ends here."}, 1},
		{briefing.Note{Quote: "The cable said so", Prefix: "ends here.\n\n"}, 1},
		{briefing.Note{Quote: "The cable said so", Prefix: "It starts again."}, 3},
		{briefing.Note{Quote: "The cable said so", Prefix: "It ends here. The cable said so. Then more. It starts again."}, 3},
		{briefing.Note{Quote: "Then more.", Suffix: "It starts"}, 1},
		{briefing.Note{Quote: "It ends here.", Suffix: "The cable said so. Then more.\n\nIt starts again.\n\nThe"}, 0},
	} {
		_, spans, errs := resolve(t, text, &c.n)
		if len(errs) > 0 || len(spans) != 1 {
			t.Errorf("%+v: %d spans, errors %v", c.n, len(spans), errs)
			continue
		}
		if got := slices.Index(blocksOf(t, text), spans[0].Block.Text); got != c.block {
			t.Errorf("%+v: anchored in block %d, want %d", c.n, got, c.block)
		}
	}
}

// blocksOf is the visible text of each block of an article.
func blocksOf(t *testing.T, text string) []string {
	blocks, _, _ := resolve(t, text)
	var out []string
	for _, b := range blocks {
		out = append(out, b.Text)
	}
	return out
}

// TestClosestPassageAligned: the closest passage is aligned with the quote
// word by word, starting and ending where the quote's first and last words
// stand, and the first difference is named as what it is: a word the
// quote leaves out, one it adds, or one it has in place of the article's.
func TestClosestPassageAligned(t *testing.T) {
	md := "U.S. Secretary of State Marco Rubio has ordered U.S. diplomats in Canada, Europe, Australia, and New Zealand to pressure allies into stricter immigration controls and emphasize migrant-related violent crimes.\n\n" +
		"The guidance also lists 12 talking points for persuading governments to adopt tighter immigration rules.\n\n" +
		"Also last Friday, U.S. Vice President JD Vance blamed Canada’s embrace of diversity and mass immigration for the country’s economic stagnation.\n\n" +
		"In an internal cable exclusively obtained by The Daily Wire, the State Department warns that these threaten national sovereignty.\n\n" +
		"WASHINGTON — The State Department is flipping the script on mass migration, framing the issue as a human rights concern and pushing host governments to share information on the negative effects of mass migration on their countries.\n"
	blocks := extract(md)
	for _, c := range []struct{ quote, want string }{
		// A word left out, in a long quote.
		{"Also last Friday, U.S. Vice President JD Vance blamed embrace of diversity and mass immigration for the country’s economic stagnation.",
			`the closest passage (line 5) has "Canada’s" after "blamed", which the quote leaves out: "…Vice President JD Vance blamed Canada’s embrace of diversity and mass…"`},
		{"The State Department is flipping the script on migration, framing the issue as a human rights concern and pushing host governments to share information",
			`the closest passage (line 9) has "mass" after "on", which the quote leaves out: "…is flipping the script on mass migration, framing the issue as…"`},
		// A word added.
		{"Also last Friday, U.S. Vice President JD Vance blamed Canada’s open embrace of diversity and mass immigration for the country’s economic stagnation.",
			`the closest passage (line 5) does not have the quote's "open" after "Canada’s": "…President JD Vance blamed Canada’s embrace of diversity and mass…"`},
		{"Indeed also last Friday, U.S. Vice President JD Vance blamed Canada’s embrace of diversity and mass immigration for the country’s",
			`the closest passage (line 5) does not have the quote's "Indeed" before "also": "Also last Friday, U.S. Vice…"`},
		// A word replaced, at the start, and inside.
		{"US Secretary of State Marco Rubio has ordered U.S. diplomats in Canada, Europe, Australia, and New Zealand to pressure allies",
			`the closest passage (line 1) has "U.S." where the quote has "US": "U.S. Secretary of State Marco Rubio…"`},
		{"Also last Friday, U.S. Vice President JD Vance blamed Canada’s embrace of diversty and mass immigration for the country’s economic stagnation.",
			`the closest passage (line 5) has "diversity" where the quote has "diversty": "…Vance blamed Canada’s embrace of diversity and mass immigration for the…"`},
		// Short quotes are shown the whole passage, from the quote's first
		// word to its last.
		{"Vance blamed embrace of diversity", `the closest passage is "Vance blamed Canada’s embrace of diversity" (line 5)`},
		{"The guidance lists 12 talking points", `the closest passage is "The guidance also lists 12 talking points" (line 3)`},
		{"In an internal cable obtained by The Daily Wire", `the closest passage is "In an internal cable exclusively obtained by The Daily Wire" (line 7)`},
	} {
		note := &briefing.Note{ID: "n", Quote: c.quote, QuotePos: diag.Pos{File: "n.yaml", Line: 3, Col: 12}}
		var errs diag.List
		Resolve(blocks, []*briefing.Note{note}, &errs)
		if err := errs.Err(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.quote, err, c.want)
		}
	}
}

// TestAmbiguousWithContext: a prefix that fits two places (it ends inside
// a longer word at one: "recap is") is not asked for again; the message
// says it fits both.
func TestAmbiguousWithContext(t *testing.T) {
	n := &briefing.Note{Quote: "7,500", Prefix: "cap is ", QuotePos: diag.Pos{File: "notes.yaml", Line: 10, Col: 12}}
	_, _, got := resolve(t, "The cap is 7,500 now. The recap is 7,500 too.\n", n)
	want := `notes.yaml:10:12: the quote matches 2 places even with the prefix "cap is " just before it: `
	if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.HasSuffix(got[0], "; make the prefix or suffix longer, or add the occurrence that picks the one you mean") {
		t.Errorf("got %q, want one problem starting %q", got, want)
	}
}

// BenchmarkQuoteNotFoundEllipses measures a quote with an ellipsis in an
// article of 100,000 ellipses and no spaces, each of which elidedThere
// looks beside: 2.5 minutes a run when the word before each was looked
// for from the text's start, and the other spelling to its end.
func BenchmarkQuoteNotFoundEllipses(b *testing.B) {
	benchmarkNotFound(b, strings.Repeat("x...", 100000)+"\n", "y... z")
}

// BenchmarkQuoteNotFoundManyEllipses measures a quote of 50 ellipses, each
// the article's own, after 100,000 others: the article is read once for
// them all, not once for each.
func BenchmarkQuoteNotFoundManyEllipses(b *testing.B) {
	benchmarkNotFound(b, strings.Repeat("x...", 100000)+" "+strings.Repeat("y... ", 50)+"z.\n", strings.Repeat("y... ", 50)+"zz")
}

// TestDiffersBeyondTheQuotesEnds: the passage shown takes in the marks
// around its ends (a closing quote mark, a full stop after a bracket),
// which a quote may stop short of: those are no difference, and a typo
// elsewhere in the quote is named (it went unnamed behind them), or a
// space beside an ellipsis there.
func TestDiffersBeyondTheQuotesEnds(t *testing.T) {
	for _, c := range []struct{ passage, quote, want string }{
		{"A nation without borders is not a nation.”", "A nation wtihout borders is not a nation.", `has "without" where the quote has "wtihout"`},
		{"obtained by The New York Times (NYT).", "obtained by The New York Tmies (NYT)", `has "Times" where the quote has "Tmies"`},
		{"“A nation without borders", "A nation wihtout borders", `has "without" where the quote has "wihtout"`},
		{"rated its deck “poor,” the lowest", "rated its deck “poor” the lowest", `,`}, // the comma is a difference still
		{"rated its deck poor the lowest", "rated its deck poor, the lowest", `does not have a comma the quote has`},
		{"He said... the project was late", "He said ... the project was late", `has "said..." where the quote has "said ...": a space the article does not have`},
		{"He said ... the project was late", "He said... the project was late", `the article has a space the quote does not`},
		{"that the plan... was never going to work.", "that the plan ... was never going to wrok.", `has "plan..." where the quote has "plan ...": a space the article does not have (spaces may be more or fewer, but not where it has none), and differs again further on`},
		{"The guidance also lists 12 talking points", "The guidance also lsits 12 talkng points", `has "lists" where the quote has "lsits", and differs again further on`},
		{"He said... the project was late", "He said ...the project was late", `has "said... the" where the quote has "said ...the": the quote has a space where the article has none, and none where it has one`},
		// A space beside marks at an end, the passage's marks beyond the
		// quote's aside.
		{"\"...and then the water came,\"", "... and then the water came,\"", `has "...and" where the quote has "... and": a space the article does not have`},
		{"The road was closed...”", "The road was closed ...", `has "closed..." where the quote has "closed ...": a space the article does not have`},
		{"He said, \" ... and that", "He said, \"...and that", `has "\" ... and" where the quote has "\"...and": the article has spaces the quote does not`},
	} {
		got := differs(c.passage, c.quote, Fold(c.quote))
		if !strings.Contains(got, c.want) {
			t.Errorf("differs(%q, %q) = %q, want it to say %q", c.passage, c.quote, got, c.want)
		}
	}
}

// TestSlip: a word with one typing slip is the article's word; another
// word is not.
func TestSlip(t *testing.T) {
	for _, c := range []struct {
		a, w string
		want bool
	}{
		{"rebuild", "rebiuld", true}, {"and", "adn", true}, {"rebuild", "rebuil", true}, {"rebuild", "rebuildd", true},
		{"rebuild", "rebuilt", true}, {"café", "cafe", true}, {"горд", "город", true}, {"the", "the", false}, {"said", "and", false}, {"it", "at", false}, {"rebuild", "ruin", false},
	} {
		if got := slip(c.a, c.w); got != c.want {
			t.Errorf("slip(%q, %q) = %v, want %v", c.a, c.w, got, c.want)
		}
	}
}

// TestNearly: whether a quote's own closest passage is a slip away from it
// (told as that passage) or shares too few of its words (a quote word for
// word in another article is then sent there). Words are counted as
// written between spaces, without the marks around them; a script that
// does not space its words gives none to count, and is taken as near.
func TestNearly(t *testing.T) {
	for _, c := range []struct {
		passage, quote string
		shared, all    int
		near           bool
	}{
		{"an “existential threat” to the West", "an existential threat to the West", 6, 6, true},
		{"Only 7,500", "Only 7,800", 1, 2, true},
		{"paid $1,243,576.98 in fines, she said", "paid $1,243,567.98 in fines, she said", 5, 6, true},
		{"he didn't say so at the time", "he did not say so at the time", 6, 8, true},
		{"Officials say the threat is growing, citing", "Officials say the danger is rising, citing", 5, 7, true},
		{"Officials say the threat is growing, citing", "Officials warn that the threat of delays is growing again", 5, 10, false},
		{"new high", "record low", 0, 2, false},
		{"東京では難民が増えた", "東京では難民が減った", 0, 0, true},
	} {
		shared, all := overlap(c.passage, Fold(c.quote))
		if shared != c.shared || all != c.all || nearly(shared, all) != c.near {
			t.Errorf("%q for %q: %d of %d words, near %v; want %d of %d, near %v", c.passage, c.quote, shared, all, nearly(shared, all), c.shared, c.all, c.near)
		}
	}
}

// TestSpaceBesideEllipsis: a quote that puts spaces around an ellipsis the
// article writes against its words ("river … rose" for "river…rose") is
// told the space, at a short quote too (it was shown an unrelated
// passage, "Officials"), and without a word the quote does not differ in.
func TestSpaceBesideEllipsis(t *testing.T) {
	md := "Officials said the river…rose again by night.\n"
	src := []byte(md)
	body := briefing.Markdown{Text: md, Pos: diag.Pos{File: "a.md", Line: 1, Col: 1}}
	blocks := Extract(goldmark.New().Parser().Parse(text.NewReader(src)), src, body)
	for _, c := range []struct{ quote, want string }{
		{"river … rose", `the closest passage is "river…rose" (line 1): it has "river…rose" where the quote has "river … rose": spaces the article does not have`},
		{"river… rose again", `the closest passage is "river…rose again" (line 1): it has "river…rose" where the quote has "river… rose": a space the article does not have`},
		{"river …rose", `it has "river…rose" where the quote has "river …rose": a space the article does not have`},
		{"Officials said the river … rose again", `it has "river…rose" where the quote has "river … rose": spaces the article does not have`},
		{"river…rose", ""},
	} {
		resolvesAs(t, blocks, c.quote, c.want)
	}
}

// resolvesAs resolves a note quoting quote in blocks: anchored when want
// is "", else told a message containing want.
func resolvesAs(t *testing.T, blocks []*Block, quote, want string) {
	t.Helper()
	note := &briefing.Note{ID: "n", Quote: quote, QuotePos: diag.Pos{File: "n.yaml", Line: 3, Col: 12}}
	var errs diag.List
	spans := Resolve(blocks, []*briefing.Note{note}, &errs)
	err := errs.Err()
	switch {
	case want == "" && (err != nil || len(spans) != 1):
		t.Errorf("%q: want it anchored, got %v", quote, err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Errorf("%q: got %v, want %q", quote, err, want)
	}
}
