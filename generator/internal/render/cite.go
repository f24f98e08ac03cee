package render

import (
	"cmp"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/quotes"
)

// ShortAuthor is the author part of an author-date citation: one family
// name, two joined by "and", or the first followed by "et al.". A source
// with no author falls back to its container, publisher or title.
func ShortAuthor(s *briefing.Source) string {
	names := s.Author
	if len(names) == 0 {
		names = s.Editor
	}
	name := func(n briefing.Name) string {
		if n.Literal != "" {
			return n.Literal
		}
		if n.Particle != "" {
			return n.Particle + " " + n.Family
		}
		return n.Family
	}
	switch {
	case len(names) == 1:
		return name(names[0])
	case len(names) == 2:
		return name(names[0]) + " and " + name(names[1])
	case len(names) > 2:
		return name(names[0]) + " et al."
	case s.ContainerTitle != "":
		return richPlain(s.ContainerTitle)
	case s.Publisher != "":
		return s.Publisher
	}
	t := richPlain(s.Title)
	if r := []rune(t); len(r) > 40 {
		t = string(r[:40]) + "…"
	}
	return t
}

// CiteLabels returns the author-date label of every source ("Light et al.
// 2020"), with a, b, … added to the year where two sources would read alike
// ("n.d.-a" to no date), as APA does.
func CiteLabels(sources []*briefing.Source) map[string]string {
	labels, _ := citeLabels(sources)
	return labels
}

// citeLabels is CiteLabels, with the letter added to each source's year
// (by id, "" for none): its entry in the bibliography carries it too.
// Works that read alike take their letters in the order of their dates
// (a post of 21 November before one of 28 November), then of their titles,
// as APA orders them.
func citeLabels(sources []*briefing.Source) (labels, letters map[string]string) {
	labels = make(map[string]string, len(sources))
	letters = map[string]string{}
	alike := map[string][]*briefing.Source{}
	var order []string
	for _, s := range sources {
		l := ShortAuthor(s) + " " + issuedYear(s)
		labels[s.ID] = l
		if len(alike[l]) == 0 {
			order = append(order, l)
		}
		alike[l] = append(alike[l], s)
	}
	for _, l := range order {
		group := alike[l]
		if len(group) < 2 {
			continue
		}
		slices.SortStableFunc(group, func(a, b *briefing.Source) int {
			if c := cmp.Compare(monthDay(a), monthDay(b)); c != 0 {
				return c
			}
			return strings.Compare(sortText(richPlain(a.Title)), sortText(richPlain(b.Title)))
		})
		for i, s := range group {
			letters[s.ID] = yearLetter(i)
			labels[s.ID] = l + letterSep(l) + letters[s.ID]
		}
	}
	return labels, letters
}

// issuedYear is what an author-date citation gives for a source's date:
// its year ("ca. 1850" when approximate), or its date as written when
// given as text ("Spring 2019"), or n.d.
func issuedYear(s *briefing.Source) string {
	switch {
	case s.Issued != nil && s.IssuedCirca:
		return "ca. " + fmt.Sprint(s.Issued.Year)
	case s.Issued != nil:
		return fmt.Sprint(s.Issued.Year)
	case s.IssuedLiteral != "":
		return s.IssuedLiteral
	}
	return "n.d."
}

// monthDay orders dates within a year: month and day (0 when unknown, so
// that a work dated by its year alone comes first).
func monthDay(s *briefing.Source) int {
	if s.Issued == nil {
		return 0
	}
	return s.Issued.Month*100 + s.Issued.Day
}

// refKey is where a source stands in the bibliography, in APA's order:
// by what its entry starts with (its author's name, or its title when it
// has no author or editor), folded, an article before it left out ("The
// Economist" at E); then a work with no date first, then by year (a date
// in words at the year in it: "Spring 2019", "ca. 1850", "1990s") and the
// date as its citation gives it ("2019" before "Spring 2019"), then the
// letter that tells two alike apart; a date in words without a year ("in
// press") last.
type refKey struct {
	author       string
	class, year  int // class: 0 no date, 1 a year, 2 text without a year
	date, letter string
}

var yearRE = regexp.MustCompile(`[0-9]{4}`)

func refKeyOf(s *briefing.Source, letter string) refKey {
	lead := ShortAuthor(s)
	if len(s.Author) == 0 && len(s.Editor) == 0 {
		lead = richPlain(s.Title)
	}
	date := issuedYear(s)
	k := refKey{author: sortText(lead), date: quotes.Key(date), letter: letter, class: 2}
	switch y := yearRE.FindString(date); {
	case date == "n.d.":
		k.class = 0
	case y != "":
		k.class, k.year = 1, atoi(y)
	}
	return k
}

func (k refKey) compare(o refKey) int {
	return cmp.Or(strings.Compare(k.author, o.author), cmp.Compare(k.class, o.class), cmp.Compare(k.year, o.year),
		strings.Compare(k.date, o.date), cmp.Compare(len(k.letter), len(o.letter)), strings.Compare(k.letter, o.letter))
}

// sortText is s as a reference list orders it: folded, from its first
// letter or digit (a reader looks "#WelcomeWithDignity" up at W, "[Untitled]"
// at U, "“Quoted”" at Q), without an article before it ("The Apple" at A,
// "The #Hashtag" at H).
func sortText(s string) string {
	k := fromLetter(quotes.Key(s))
	for _, article := range []string{"the ", "a ", "an "} {
		if rest, ok := strings.CutPrefix(k, article); ok && rest != "" {
			return fromLetter(rest)
		}
	}
	return k
}

// fromLetter is k from its first letter or digit on, the punctuation,
// symbols and spaces before it (#, @, quotes, brackets) left out; k itself
// when it has no letter or digit.
func fromLetter(k string) string {
	if i := strings.IndexFunc(k, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }); i > 0 {
		return k[i:]
	}
	return k
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// yearLetter is the letter of the i-th (from 0) of several works that
// would read alike: a to z, then aa, ab, ….
func yearLetter(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return yearLetter(i/26-1) + string(rune('a'+i%26))
}

// letterSep is what comes between a date and its letter: nothing after a
// year ("2024a"), a hyphen after anything else ("n.d.-a", "in press-a").
func letterSep(date string) string {
	if date != "" && date[len(date)-1] >= '0' && date[len(date)-1] <= '9' {
		return ""
	}
	return "-"
}

// Reference formats a full bibliography entry in an author-date style close
// to APA (7th edition), as HTML; letter, when not "", follows the year, as
// in the source's label (CiteLabels: "2024a"):
//
//	Author, A. A., & Author, B. (2024, December 3). Title of the work (Series No. 12) [Genre]. <cite>Container</cite>, 6(4), 453–471. Publisher. Retrieved 21 November 2026, from https://doi.org/… Note.
//
// A title stands in italics (<cite>) when it is a whole work, with no
// container; the container is left out when it repeats the author (a news
// agency's own story), and the publisher when it repeats either or the work
// is an article. The address is the DOI, written as https://doi.org/…, or
// else the URL, both written out so that a printed copy keeps them. The
// source's note ends the entry: it says what could not be confirmed. A
// title in another language than the site's English (CSL's language, as a
// language tag: "de", "pt-BR") is marked as such, so that a screen reader
// reads it in that language.
func Reference(s *briefing.Source, letter string) string {
	var b strings.Builder
	esc := html.EscapeString
	authors := formatNames(s.Author)
	if authors == "" && len(s.Editor) > 0 {
		authors = formatNames(s.Editor) + " (Ed.)"
		if len(s.Editor) > 1 {
			authors = formatNames(s.Editor) + " (Eds.)"
		}
	}
	date := issuedYear(s)
	if letter != "" {
		date += letterSep(date) + letter
	}
	if s.Issued != nil {
		if s.Issued.Month > 0 && datedToTheDay[s.Type] {
			date += ", " + s.Issued.MonthDay()
		} else if s.IssuedSeason > 0 {
			date += ", " + briefing.Seasons[s.IssuedSeason-1]
		}
	}
	sentence := func(text string) {
		b.WriteString(text)
		if !endsSentence(text) {
			b.WriteString(".")
		}
	}
	if authors != "" {
		sentence(esc(authors))
		b.WriteString(" (" + esc(date) + "). ")
	}
	title := richText(s.Title)
	if lang := TitleLang(s); lang != "" {
		title = `<span lang="` + lang + `">` + title + "</span>"
	}
	if s.ContainerTitle == "" {
		title = "<cite>" + title + "</cite>"
	}
	// The edition and the series or number, in one pair of brackets:
	// "(2nd ed., NBER Working Paper Series No. 31440)".
	var about []string
	if e := edition(s.Other["edition"]); e != "" {
		about = append(about, esc(e))
	}
	switch {
	case s.CollectionTitle != "" && s.Number != "":
		about = append(about, richText(s.CollectionTitle)+" No. "+esc(s.Number))
	case s.CollectionTitle != "":
		about = append(about, richText(s.CollectionTitle))
	case s.Number != "" && strings.IndexFunc(s.Number, unicode.IsLetter) >= 0:
		about = append(about, esc(s.Number))
	case s.Number != "":
		about = append(about, "No. "+esc(s.Number))
	}
	if len(about) > 0 {
		title += " (" + strings.Join(about, ", ") + ")"
	}
	if s.Genre != "" {
		title += " [" + esc(s.Genre) + "]"
	}
	sentence(title)
	if authors == "" {
		b.WriteString(" (" + esc(date) + ").")
	}
	article := s.Type == "article-journal" || s.Type == "article-magazine" || s.Type == "article-newspaper"
	if s.ContainerTitle != "" && s.ContainerTitle != authors {
		b.WriteString(" <cite>" + richText(s.ContainerTitle))
		if s.Volume != "" {
			b.WriteString(", " + esc(s.Volume))
		}
		b.WriteString("</cite>")
		if s.Volume != "" && s.Issue != "" {
			b.WriteString("(" + esc(s.Issue) + ")")
		}
		if s.Page != "" {
			b.WriteString(", " + esc(pageRange(s.Page)))
		}
		b.WriteString(".")
	}
	if s.Publisher != "" && !article && s.Publisher != authors && s.Publisher != s.ContainerTitle {
		b.WriteString(" ")
		sentence(esc(s.Publisher))
	}
	addr := ""
	if s.DOI != "" {
		addr = DOIAddress(s.DOI)
	} else if s.URL != "" {
		addr = s.URL
	}
	switch {
	case s.Accessed != nil && addr != "":
		b.WriteString(" Retrieved " + esc(s.Accessed.Long()) + ", from")
	case s.Accessed != nil:
		b.WriteString(" Retrieved " + esc(s.Accessed.Long()) + ".")
	}
	if addr != "" {
		b.WriteString(` <a class="ref-addr" href="` + esc(addr) + `">` + esc(readableAddress(addr)) + `</a>`)
	}
	if n := strings.TrimSpace(s.Note); n != "" {
		b.WriteString(` <span class="ref-note">`)
		sentence(esc(n))
		b.WriteString("</span>")
	}
	return b.String()
}

// endsSentence reports whether text, a part of a reference as HTML, ends
// with a sentence's mark, inside a work's <cite> or closing quotation
// marks too ("“We are here to stay.”", "They asked “Why?”"): no full stop
// follows it.
func endsSentence(text string) bool {
	for {
		t := strings.TrimSuffix(text, "</cite>")
		t = strings.TrimSuffix(t, "&#34;")
		t = strings.TrimSuffix(t, "&#39;")
		t = strings.TrimRight(t, "”’»\"'")
		if t == text {
			break
		}
		text = t
	}
	return strings.HasSuffix(text, ".") || strings.HasSuffix(text, "?") || strings.HasSuffix(text, "!")
}

// edition is a source's edition as APA writes it: a number as an ordinal
// ("2" → "2nd ed."), none for a first edition, which APA leaves out; an
// English ordinal or a word such as "Revised" with "ed." after it; any
// other text as written ("Rev. ed.", "3e édition", "2. Auflage").
func edition(e string) string {
	e = strings.TrimSpace(e)
	if n, err := strconv.Atoi(e); err == nil {
		if n <= 1 {
			return ""
		}
		return ordinal(n) + " ed."
	}
	if editionWordRE.MatchString(e) {
		return e + " ed."
	}
	return e
}

// editionWordRE matches an edition given as an English ordinal or a word
// that APA follows with "ed.".
var editionWordRE = regexp.MustCompile(`(?i)^([0-9]+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|revised|expanded|updated|abridged|international|special|anniversary)$`)

// ordinal writes n as an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.
func ordinal(n int) string {
	suffix := "th"
	switch n % 10 {
	case 1:
		suffix = "st"
	case 2:
		suffix = "nd"
	case 3:
		suffix = "rd"
	}
	if n%100 >= 11 && n%100 <= 13 {
		suffix = "th"
	}
	return strconv.Itoa(n) + suffix
}

// datedToTheDay lists the CSL types whose entries carry the month and day,
// as APA dates news, posts and speeches.
var datedToTheDay = map[string]bool{
	"article-newspaper": true, "article-magazine": true, "webpage": true, "post": true, "post-weblog": true,
	"speech": true, "broadcast": true, "interview": true, "personal_communication": true,
}

// TitleLang is the language of s's title, which a reference marks with it
// (<span lang="de">), when it is given as a tag and is not the site's
// (briefing.Foreign); "" otherwise.
func TitleLang(s *briefing.Source) string { return briefing.Foreign(s.Other["language"]) }

// pageRange writes a range of pages with an en dash.
func pageRange(p string) string {
	r := []rune(p)
	for i := 1; i+1 < len(r); i++ {
		if r[i] == '-' && unicode.IsDigit(r[i-1]) && unicode.IsDigit(r[i+1]) {
			r[i] = '–'
		}
	}
	return string(r)
}

func formatNames(names []briefing.Name) string {
	var parts []string
	for _, n := range names {
		if n.Literal != "" {
			parts = append(parts, n.Literal)
			continue
		}
		fam := n.Family
		if n.Particle != "" {
			fam = n.Particle + " " + fam
		}
		p := fam
		if n.Given != "" {
			p += ", " + initials(n.Given)
			if n.DroppingParticle != "" {
				p += " " + n.DroppingParticle // Beethoven, L. van
			}
		}
		if n.Suffix != "" {
			p += ", " + n.Suffix
		}
		parts = append(parts, p)
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + ", & " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
}

// initials are a given name's initials, as capitals: "Jane Ann" J. A.,
// "Jean-Paul" J.-P., "J.R.R." J. R. R.
func initials(given string) string {
	var out []string
	for _, w := range strings.Fields(given) {
		var sub []string
		for _, h := range strings.Split(w, "-") {
			var inits []string
			for _, part := range strings.Split(h, ".") {
				if r, _ := utf8.DecodeRuneInString(part); part != "" {
					inits = append(inits, string(unicode.ToUpper(r))+".")
				}
			}
			if len(inits) > 0 {
				sub = append(sub, strings.Join(inits, " "))
			}
		}
		if len(sub) > 0 {
			out = append(out, strings.Join(sub, "-"))
		}
	}
	return strings.Join(out, " ")
}

// DOIAddress is the address of a DOI: https://doi.org/ and the DOI with
// the characters a URL would read otherwise (%, ", #, ?, <, >, white space
// and the like, and every byte beyond ASCII) percent-encoded, as the DOI
// Handbook asks of the URL form (10.1234/a#b is one DOI, not 10.1234/a and a
// fragment).
func DOIAddress(doi string) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len("https://doi.org/")+len(doi)+8)
	b = append(b, "https://doi.org/"...)
	for i := 0; i < len(doi); i++ {
		c := doi[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("%\"#?<>{}^[]`|\\", c) >= 0 {
			b = append(b, '%', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

// readableAddress is addr as a reader reads it written out: the
// percent-escapes of a letter, mark or digit beyond ASCII decoded
// ("baden-w%C3%BCrttemberg" reads "baden-württemberg"), as a browser's
// address bar shows them. Every other escape stays as written: one of an
// ASCII character (%20, %2F, %3F, %23, %25) would change where the address
// leads or make it ambiguous, and so would a space, a control or format
// character (a change of writing direction) or bytes that are not UTF-8.
// The link itself keeps addr as it is.
func readableAddress(addr string) string {
	if !strings.Contains(addr, "%") {
		return addr
	}
	var b strings.Builder
	var raw []byte
	for i := 0; i < len(addr); {
		// A run of escapes, decoded to raw: escape k is addr[i+3k:i+3k+3].
		raw = raw[:0]
		j := i
		for j+3 <= len(addr) && addr[j] == '%' {
			c, err := url.PathUnescape(addr[j : j+3])
			if err != nil {
				break // not an escape: % and two hexadecimal digits
			}
			raw = append(raw, c[0])
			j += 3
		}
		if len(raw) == 0 {
			b.WriteByte(addr[i])
			i++
			continue
		}
		for k := 0; k < len(raw); {
			r, n := utf8.DecodeRune(raw[k:])
			if n > 1 && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)) {
				b.WriteRune(r)
			} else {
				b.WriteString(addr[i+3*k : i+3*(k+n)])
			}
			k += n
		}
		i = j
	}
	return b.String()
}

// cslMarkup is the markup CSL allows in a source's text (its "rich text":
// Zotero writes it for a species' name, a chemical formula, a word whose
// case is to be kept), and what a bibliography entry makes of each tag:
// italics, bold, superscript and subscript as such; a word whose case is
// kept, or in small capitals, as its text (this style changes no case, and
// the site's stylesheets allow no style attribute).
var cslMarkup = []struct{ open, close, html, htmlClose string }{
	{"<i>", "</i>", "<i>", "</i>"},
	{"<b>", "</b>", "<b>", "</b>"},
	{"<sup>", "</sup>", "<sup>", "</sup>"},
	{"<sub>", "</sub>", "<sub>", "</sub>"},
	{`<span class="nocase">`, "</span>", "", ""},
	{`<span style="font-variant:small-caps;">`, "</span>", "", ""},
	{`<span style="font-variant: small-caps;">`, "</span>", "", ""},
}

// richText is a source's text as HTML: its CSL markup (cslMarkup) made
// HTML, when every tag of it is closed in order, and all the rest escaped.
// Text with no such markup, or with markup not closed in order, is escaped
// whole: "<to>" and a lone "<i>" are shown as written.
func richText(s string) string {
	if h, ok := cslRich(s, true); ok {
		return h
	}
	return html.EscapeString(s)
}

// richPlain is a source's text without its CSL markup (richText's), for a
// citation's label and for ordering.
func richPlain(s string) string {
	if t, ok := cslRich(s, false); ok {
		return t
	}
	return s
}

// cslRich turns the CSL markup of s into HTML (asHTML) or takes it out; ok
// is false when s has none, or has a tag not closed in order.
func cslRich(s string, asHTML bool) (out string, ok bool) {
	if !strings.Contains(s, "</") {
		return "", false
	}
	var b strings.Builder
	var open []int // indexes into cslMarkup
	text := func(t string) {
		if asHTML {
			b.WriteString(html.EscapeString(t))
		} else {
			b.WriteString(t)
		}
	}
	found := false
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			text(s)
			break
		}
		text(s[:i])
		s = s[i:]
		matched := false
		if n := len(open); n > 0 && strings.HasPrefix(s, cslMarkup[open[n-1]].close) {
			m := cslMarkup[open[n-1]]
			if asHTML {
				b.WriteString(m.htmlClose)
			}
			s, open, matched = s[len(m.close):], open[:n-1], true
		} else {
			for k, m := range cslMarkup {
				if strings.HasPrefix(s, m.open) {
					if asHTML {
						b.WriteString(m.html)
					}
					s, open, matched, found = s[len(m.open):], append(open, k), true, true
					break
				}
			}
		}
		if !matched {
			text(s[:1])
			s = s[1:]
		}
	}
	if !found || len(open) > 0 {
		return "", false
	}
	return b.String(), true
}
