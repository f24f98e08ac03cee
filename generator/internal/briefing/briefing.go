// Package briefing holds the typed model of an annotated briefing: the
// articles, the notes on them, the claims that recur across articles and the
// bibliography. The input package fills it from a briefing folder; later
// stages read it. Every value that came from the user's files carries the
// position it came from, so that any stage can report problems in the user's
// own file.
package briefing

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/diag"
)

// Briefing is one whole briefing folder.
type Briefing struct {
	Index       Index
	Methodology *Page      // content/methodology.md, when present
	Articles    []*Article // sorted by slug
	Claims      []*Claim   // in file order
	Sources     []*Source  // in file order
	SourcesFile string     // "annotations/sources.yaml", "annotations/sources.json" or ""
	LeftOut     LeftOut    // what a problem reported kept out of the above
}

// LeftOut is what the input left out of a briefing for a problem it
// reported: an entry that holds a syntax error, an article whose file is
// misnamed or could not be read, a file that could not be read. A
// reference or a link to what was left out is not told that it does not
// exist: that is no problem the editor made, and fixing the one reported
// brings the entry back.
type LeftOut struct {
	Articles Omitted // by slug
	Claims   Omitted
	Sources  Omitted
	Notes    map[string]Omitted // by the slug of their article
	// Events: a syntax error in content/_index.md's front matter may have
	// left out entries of the timeline, so that the entries' numbers
	// (#event-<n>) are not known.
	Events bool
}

// Omitted is what was left out of one set of entries: those of the ids
// IDs, or, when All, any (one whose id could not be read was left out, or
// the whole file).
type Omitted struct {
	IDs map[string]bool
	All bool
}

// Has reports whether the entry id may have been left out.
func (o Omitted) Has(id string) bool { return o.All || o.IDs[id] }

// Add records id as left out.
func (o *Omitted) Add(id string) {
	if o.IDs == nil {
		o.IDs = map[string]bool{}
	}
	o.IDs[id] = true
}

// Note reports whether the note id on the article slug may have been
// left out, or the article itself.
func (l *LeftOut) Note(slug, id string) bool {
	return l.Articles.Has(slug) || l.Notes[slug].Has(id)
}

// Index is content/_index.md: the briefing's title, overview and timeline.
type Index struct {
	Pos      diag.Pos
	Title    string
	Summary  string
	Body     Markdown
	Timeline []TimelineEntry
	// Publisher is who publishes the briefing (a newsroom, a course), the
	// author of its reviews of claims; PublisherURL its address. Both
	// optional: without a publisher the briefing itself is the author.
	Publisher, PublisherURL string
	// Published is the day the briefing was published (optional): the
	// date of its reviews of claims (ClaimReview's datePublished).
	Published *Date
}

// SortedTimeline is the timeline in date order, as the site shows and
// numbers it (index.html#event-1 is the first); entries of one date keep
// the order of the file.
func (ix *Index) SortedTimeline() []TimelineEntry {
	out := append([]TimelineEntry(nil), ix.Timeline...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.ISO() < out[j].Date.ISO() })
	return out
}

// TimelineEntry is one dated event in the briefing's timeline.
type TimelineEntry struct {
	Pos   diag.Pos
	Date  Date
	Text  Markdown
	Cites []Ref
}

// Page is a plain content page such as content/methodology.md.
type Page struct {
	Pos   diag.Pos
	Title string
	Body  Markdown
}

// Article is one reproduced article with its notes.
type Article struct {
	Slug      string
	Path      string // content/articles/<slug>.md
	Pos       diag.Pos
	Title     string
	Outlet    string
	OutletPos diag.Pos // where the outlet is written
	URL       string
	URLPos    diag.Pos // where the url is written
	Published *Date
	SortDate  *Date // an undated article's place in the order (about when it was written), shown nowhere
	// Language is the language tag of its title and text ("de") when it
	// gives one: they are marked with it (lang) for screen readers.
	Language string
	DateNote string
	Author   string
	ReliesOn []string
	Summary  string
	// DateNotePos and SummaryPos are where the date note and the summary
	// are written (for a quote copied from them), or zero.
	DateNotePos, SummaryPos diag.Pos
	Body                    Markdown

	NotesPath string // annotations/<slug>.yaml, or "" when the article has none
	Notes     []*Note
}

// Markdown is Markdown source together with where it starts in its file, so
// that positions inside it can be mapped back to the user's file.
type Markdown struct {
	Text string
	// Pos is the position of Text's first byte. For a YAML block scalar it is
	// the first content line; Lines maps each line of Text to its line in the
	// file when they differ (folded or indented scalars).
	Pos    diag.Pos
	Lines  []int // optional: file line of each line of Text
	Indent int   // columns of indentation stripped from each line of Text
	// Segs, when set, place Text instead of Pos, Lines and Indent: for a
	// quoted or plain YAML text over several lines, which YAML joins with
	// spaces, or one with escapes (\" is one character of Text).
	Segs []Seg
}

// Seg places a part of a Markdown text in its file: Text from byte Off,
// up to the next Seg's Off, stands at Line and character column Col of
// the file, character for character.
type Seg struct {
	Off, Line, Col int
}

// segPos is the file position of byte offset off in m.Text, from m.Segs.
func (m Markdown) segPos(off int) diag.Pos {
	i := max(0, sort.Search(len(m.Segs), func(i int) bool { return m.Segs[i].Off > off })-1)
	s := m.Segs[i]
	return diag.Pos{File: m.Pos.File, Line: s.Line, Col: s.Col + runeCount(m.Text[min(s.Off, off):off])}
}

// PosAt returns the file position of byte offset off in m.Text. For many
// offsets in one long text, use Positions, which does not count the lines
// from the start each time.
func (m Markdown) PosAt(off int) diag.Pos {
	off = max(0, min(off, len(m.Text)))
	if m.Segs != nil {
		return m.segPos(off)
	}
	return m.pos(strings.Count(m.Text[:off], "\n"), strings.LastIndexByte(m.Text[:off], '\n')+1, off)
}

// pos is the file position of offset off, on m.Text's line line (from 0),
// which starts at offset lineStart.
func (m Markdown) pos(line, lineStart, off int) diag.Pos {
	return m.posCol(line, 1+runeCount(m.Text[lineStart:off]))
}

// posCol is the file position of the character column col (from 1) of
// m.Text's line line (from 0).
func (m Markdown) posCol(line, col int) diag.Pos {
	p := m.Pos
	if line < len(m.Lines) {
		p.Line = m.Lines[line]
		p.Col = col + m.Indent
		return p
	}
	if line == 0 {
		p.Col = m.Pos.Col + col - 1
		return p
	}
	p.Line += line
	p.Col = col + m.Indent
	return p
}

// Positions maps byte offsets of one Markdown text to file positions, as
// PosAt does, in time logarithmic in the text's length.
//
// Offsets asked for in increasing order, as a walk through a parsed text
// asks for them, cost time in proportion to the distance from the last
// one: a Positions remembers the last offset's line and column. A
// Positions is for one goroutine.
type Positions struct {
	m      Markdown
	starts []int // the offset where each line starts
	// The last offset asked for, its line (from 0) and its character
	// column from the line's start (from 1); lastLine -1 when none.
	lastOff, lastLine, lastCol int
}

// Positions indexes the lines of m.
func (m Markdown) Positions() *Positions {
	starts := make([]int, 1, 1+strings.Count(m.Text, "\n"))
	for i := 0; i < len(m.Text); i++ {
		if m.Text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Positions{m: m, starts: starts, lastLine: -1}
}

// At returns the file position of byte offset off.
func (p *Positions) At(off int) diag.Pos {
	off = max(0, min(off, len(p.m.Text)))
	if p.m.Segs != nil {
		return p.m.segPos(off)
	}
	if l := p.lastLine; l >= 0 && off >= p.lastOff && (l+1 == len(p.starts) || off < p.starts[l+1]) &&
		(p.lastOff == len(p.m.Text) || utf8.RuneStart(p.m.Text[p.lastOff])) {
		// On the line of the last offset, at or after it, and that offset
		// is not inside a character: counting on from it counts alike.
		p.lastCol += runeCount(p.m.Text[p.lastOff:off])
		p.lastOff = off
		return p.m.posCol(l, p.lastCol)
	}
	line := sort.SearchInts(p.starts, off+1) - 1
	p.lastOff, p.lastLine, p.lastCol = off, line, 1+runeCount(p.m.Text[p.starts[line]:off])
	return p.m.posCol(line, p.lastCol)
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Kind is what a note does.
type Kind string

// The kinds of note.
const (
	KindContext    Kind = "context"
	KindFactCheck  Kind = "fact-check"
	KindBackground Kind = "background"
	KindDefinition Kind = "definition"
	KindCorrection Kind = "correction"
)

// Kinds lists the kinds in the order the methodology presents them.
var Kinds = []Kind{KindContext, KindFactCheck, KindBackground, KindDefinition, KindCorrection}

// Label is the kind as a reader sees it.
func (k Kind) Label() string {
	switch k {
	case KindFactCheck:
		return "Fact check"
	case KindContext:
		return "Context"
	case KindBackground:
		return "Background"
	case KindDefinition:
		return "Definition"
	case KindCorrection:
		return "Correction"
	}
	return string(k)
}

// Purpose is what a note of the kind is for, as new's methodology says it
// for the editors to keep or change.
func (k Kind) Purpose() string {
	switch k {
	case KindContext:
		return "what a reader needs to make sense of a passage (who is speaking, what a document is), with no ruling on it."
	case KindFactCheck:
		return "a statement that evidence can test, tested, with a verdict."
	case KindBackground:
		return "history or earlier events that the article takes for granted or leaves out."
	case KindDefinition:
		return "what a term, a legal instrument or a statistical measure in the text means."
	case KindCorrection:
		return "a plain error of fact, such as a wrong date, name or figure, and what is right."
	}
	return ""
}

// KindList is the kinds of note as a Markdown list, each kind's label in
// bold and its Purpose.
func KindList() string { return boldList(Kinds, Kind.Label, Kind.Purpose) }

// boldList is a Markdown list of items, each's label in bold and a colon,
// then its text.
func boldList[T any](items []T, label, text func(T) string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString("- **" + label(it) + ":** " + text(it) + "\n")
	}
	return b.String()
}

// Verdict is the outcome of a fact check.
type Verdict string

// The verdict scale, from best supported to least.
const (
	VerdictAccurate     Verdict = "accurate"
	VerdictNeedsContext Verdict = "needs-context"
	VerdictMisleading   Verdict = "misleading"
	VerdictInaccurate   Verdict = "inaccurate"
	VerdictUnsupported  Verdict = "unsupported"
	VerdictDisputed     Verdict = "disputed"
)

// Verdicts lists the scale in order.
var Verdicts = []Verdict{VerdictAccurate, VerdictNeedsContext, VerdictMisleading, VerdictInaccurate, VerdictUnsupported, VerdictDisputed}

// Label is the verdict as a reader sees it.
func (v Verdict) Label() string {
	switch v {
	case VerdictAccurate:
		return "Accurate"
	case VerdictNeedsContext:
		return "Needs context"
	case VerdictMisleading:
		return "Misleading"
	case VerdictInaccurate:
		return "Inaccurate"
	case VerdictUnsupported:
		return "Unsupported"
	case VerdictDisputed:
		return "Disputed"
	}
	return string(v)
}

// Meaning is what the verdict says of a claim, as new's methodology
// defines it for the editors to keep or change.
func (v Verdict) Meaning() string {
	switch v {
	case VerdictAccurate:
		return "the claim matches what the best available sources show."
	case VerdictNeedsContext:
		return "the claim is right as far as it goes, but leaves out something that changes how a reader would take it."
	case VerdictMisleading:
		return "the claim's facts hold, but they are chosen or framed so as to leave a false impression."
	case VerdictInaccurate:
		return "the best available sources contradict the claim."
	case VerdictUnsupported:
		return "the sources that could be found neither confirm nor refute the claim as worded."
	case VerdictDisputed:
		return "credible sources contradict each other on the point, with no good ground yet to prefer one."
	}
	return ""
}

// DefinitionList is the scale as a Markdown list, each verdict's label in
// bold and its Meaning: the form of a definition that the verdicts shown
// on the site link to (render.VerdictHref).
func DefinitionList() string { return boldList(Verdicts, Verdict.Label, Verdict.Meaning) }

// Note is one annotation on an article.
type Note struct {
	ID            string
	Pos           diag.Pos // the list item
	Quote         string
	QuotePos      diag.Pos
	Prefix        string
	PrefixPos     diag.Pos // where it is given; zero when it is not
	Suffix        string
	SuffixPos     diag.Pos // where it is given; zero when it is not
	Occurrence    int      // 0 when not given, or not a whole number from 1
	OccurrencePos diag.Pos // where it is given; zero when it is not (or is null)
	Kind          Kind
	KindPos       diag.Pos
	Verdict       Verdict // "" unless Kind is fact-check
	VerdictPos    diag.Pos
	Claim         Ref      // ID "" when not given
	Claimant      Claimant // only on a fact check; Name "" when not given
	Body          Markdown
	Cites         []Ref
}

// Claimant is who made a claim that a verdict rates, as the note or claim
// attributes it: the cable, the department, a politician, or the outlet
// itself; the author of the claim in its ClaimReview. An article that
// reports a claim is where it appears, not always who made it.
type Claimant struct {
	Name   string
	Person bool // a person; otherwise an organisation
}

// Type is the claimant's type as briefing.json and the input give it:
// "person" or "organization".
func (c Claimant) Type() string {
	if c.Person {
		return "person"
	}
	return "organization"
}

// Ref is a reference by id to a claim or a source, with where it was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// Claim is a claim that several articles make.
type Claim struct {
	ID        string
	Pos       diag.Pos
	Statement string
	Verdict   Verdict
	Claimant  Claimant // Name "" when not given
	Body      Markdown
	Cites     []Ref
}

// Source is one bibliography entry, in CSL terms.
type Source struct {
	ID              string
	Pos             diag.Pos
	Type            string
	Author          []Name
	Editor          []Name
	Issued          *Date
	IssuedLiteral   string // issued given as text ("Spring 2019"), when it has no parts
	IssuedSeason    int    // issued's season: 1 spring, 2 summer, 3 autumn, 4 winter; 0 for none
	IssuedCirca     bool   // issued is approximate (CSL's circa): "ca. 1850"
	Title           string
	ContainerTitle  string
	CollectionTitle string
	Volume          string
	Issue           string
	Page            string
	Publisher       string
	PublisherPlace  string
	Number          string
	Genre           string
	DOI             string
	URL             string
	Accessed        *Date
	Note            string
	// Other holds CSL variables the generator reads but does not render.
	Other map[string]string
}

// Name is a CSL name: a person or an organisation (Literal).
type Name struct {
	Family   string
	Given    string
	Literal  string
	Particle string // non-dropping particle, e.g. "van" (van Gogh)
	// DroppingParticle comes after the initials: Beethoven, L. van.
	DroppingParticle string
	Suffix           string
}

// Date is a date that may lack its month or day.
type Date struct {
	Year, Month, Day int
}

// Time returns d as a time at midnight UTC, the missing parts as 1.
func (d Date) Time() time.Time {
	m, dd := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if dd == 0 {
		dd = 1
	}
	return time.Date(d.Year, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// ISO returns d as YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) ISO() string {
	switch {
	case d.Month == 0:
		return pad(d.Year, 4)
	case d.Day == 0:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2)
	}
	return pad(d.Year, 4) + "-" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
}

// Seasons are CSL's seasons 1 to 4 (a source's IssuedSeason), as a
// bibliography writes them.
var Seasons = [...]string{"Spring", "Summer", "Autumn", "Winter"}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Long returns d as a reader writes it: "27 November 2025", "November 2025", "2025".
func (d Date) Long() string {
	switch {
	case d.Month == 0:
		return itoa(d.Year)
	case d.Day == 0:
		return monthNames[d.Month-1] + " " + itoa(d.Year)
	}
	return itoa(d.Day) + " " + monthNames[d.Month-1] + " " + itoa(d.Year)
}

// MonthDay returns "November 27", or "November" when the day is unknown,
// or "" when the month is.
func (d Date) MonthDay() string {
	switch {
	case d.Month == 0:
		return ""
	case d.Day == 0:
		return monthNames[d.Month-1]
	}
	return monthNames[d.Month-1] + " " + itoa(d.Day)
}

func itoa(n int) string { return pad(n, 1) }

func pad(n, width int) string {
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 || s == "" {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	for len(s) < width {
		s = "0" + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

// ArticleBySlug returns the article with that slug, or nil.
func (b *Briefing) ArticleBySlug(slug string) *Article {
	for _, a := range b.Articles {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}

// SiteLang is the language of the site's own words (the theme's strings,
// the notes); a title or text in another is marked with its own (Foreign).
const SiteLang = "en"

// langTagRE matches a language tag (BCP 47, in the forms CSL's language
// and an article's hold one): de, pt-BR, zh-Hant. Zotero may hold a
// language's name instead ("German"), which is none.
var langTagRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// IsLangTag reports whether s is a language tag.
func IsLangTag(s string) bool { return langTagRE.MatchString(s) }

// Foreign returns l, a language tag, when it is not the site's language
// (SiteLang, or a form of it: en-GB), so that what is in it is marked with
// it; "" for the site's, for none, and for what is no tag.
func Foreign(l string) string {
	l = strings.TrimSpace(l)
	if !IsLangTag(l) || strings.EqualFold(l, SiteLang) || strings.HasPrefix(strings.ToLower(l), SiteLang+"-") {
		return ""
	}
	return l
}

// NormalizeLines ends every line of s with LF, where CRLF or a lone CR (as
// old Mac editors save a file) ended it: the input reads every text file
// so, and what reads one of them again must too, or count its lines and
// find its text otherwise.
func NormalizeLines(s string) string {
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// NumberIsText reports whether rest, the text after a number and its full
// stop at the start of a paragraph, makes the number its own: a day before
// its month ("1. Januar 2024", "5. Mai", "3. Okt.", "5. und 6. Mai", "1.
// May"), or a rank in a name ("1. FC Köln", "2. Bundesliga"). Markdown
// takes such a number for a numbered list's, and shows the text without
// it.
func NumberIsText(rest string) bool {
	return numberIsText(rest, false)
}

// ItemNumberIsText is NumberIsText for an item of a numbered list of more
// than one, where a month that is also a name or a word ("1. April Ryan",
// "1. Juli Zeh", "1. March to the square", in a list numbered "1." "1."
// "1." as Markdown allows: itemNameMonths) is a month only as a date
// writes it: before a figure (a year), a colon or a comma, a day after
// "bis" or "–" ("1. April bis 3. Mai"), shortened with a full stop, or
// alone. Other months are months whatever follows ("9. November fiel
// die Mauer").
func ItemNumberIsText(rest string) bool {
	return numberIsText(rest, true)
}

// numberIsText is NumberIsText; with strict, the months of itemNameMonths
// too are months only as a date writes them, as "Jan" and "May" always
// are.
func numberIsText(rest string, strict bool) bool {
	raw := strings.Fields(rest)
	words := make([]string, len(raw))
	for i := range raw {
		words[i] = strings.Trim(raw[i], "*_`[]()<>\"“”„'‘’:,;")
	}
	if len(words) == 0 {
		return false
	}
	if rankedName[strings.TrimSuffix(words[0], ".")] { // "2. Weltkrieg." ends a sentence
		return true
	}
	if month(words[0]) {
		// A month before its day, as English writes a date ("July 4:
		// Independence Day", "December 25th, Christmas", "July 4–5:"),
		// has the number before it for a list's, not a day's; a figure
		// after a German date is the hour ("1. Oktober 15 Uhr").
		if len(raw) > 1 && !strings.ContainsAny(raw[0], ":,;") && (monthDayRE.MatchString(raw[1]) ||
			englishMonths[strings.ToLower(words[0])] && dayRE.MatchString(raw[1])) {
			return false
		}
		// A month that is also a first name ("1. Jan Müller", "2. May
		// Lin") is a month only as a date writes it: shortened with a
		// full stop ("Jan."), before a colon or a comma, before a
		// figure (a year), or alone.
		if !nameMonths[strings.ToLower(words[0])] && !(strict && itemNameMonths[strings.ToLower(words[0])]) || len(words) == 1 || strings.HasSuffix(words[0], ".") ||
			strings.ContainsAny(strings.TrimRight(raw[0], "*_`"), ":,;") {
			return true
		}
		r, _ := utf8.DecodeRuneInString(words[1])
		return unicode.IsDigit(r) || len(words) >= 3 && linkWords[strings.ToLower(words[1])] && dayRE.MatchString(words[2])
	}
	// "5. und 6. Mai", "1. bis 3. Oktober", "1. bis zum 2. Oktober", "1.
	// und 2. Weltkrieg": the month, or the rank's word, after the second
	// day.
	// A capital starts the item's own sentence ("1. Bis zum 3. Oktober
	// anmelden.": the 1. is the list's).
	if len(words) >= 3 && linkWords[words[0]] {
		i := 1
		if articleWords[strings.ToLower(words[1])] {
			i = 2
		}
		if i+1 < len(words) && dayRE.MatchString(words[i]) {
			return month(words[i+1]) || rankedName[strings.TrimSuffix(words[i+1], ".")]
		}
	}
	return false
}

// month reports whether w is a month's name in German or English, or its
// short form ("Jan.", "Sept", "Mär."), written with a capital.
func month(w string) bool {
	w = strings.TrimSuffix(w, ".")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && monthWords[strings.ToLower(w)]
}

var (
	monthWords = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(`januar jänner februar feber märz maerz april mai juni juli august september oktober november dezember
			jan jän feb mär mrz apr jun jul aug sep sept okt nov dez
			january february march may june july october december mar oct dec`) {
			m[w] = true
		}
		return m
	}()
	// nameMonths are months, written so, that are also first names.
	nameMonths = map[string]bool{"jan": true, "may": true}
	// itemNameMonths are months, written so, that are also names or
	// words, which start a list's item ("1. April Ryan", "1. Juli Zeh",
	// "1. March to the square"); a sentence's "am 1. August fuhr er" is a
	// date.
	itemNameMonths = map[string]bool{"april": true, "june": true, "july": true, "august": true, "march": true, "juli": true}
	// rankedName are words that follow a rank in a German name: a
	// football club ("1. FC Köln"), a league ("2. Bundesliga"), a war, a
	// century.
	rankedName = map[string]bool{"FC": true, "FFC": true, "SC": true, "SV": true, "TSV": true, "FSV": true, "VfB": true, "VfL": true,
		"Bundesliga": true, "Liga": true, "Weltkrieg": true, "Jahrhundert": true, "Klasse": true, "Advent": true}
	// articleWords may stand between a link word and the second day: "bis
	// zum 2.", "und dem 2.".
	articleWords = map[string]bool{"dem": true, "der": true, "den": true, "zum": true, "zur": true, "the": true}
	linkWords    = map[string]bool{"und": true, "bis": true, "oder": true, "and": true, "to": true, "or": true, "–": true, "-": true, "/": true}
	dayRE        = regexp.MustCompile(`^[0-9]{1,2}\.?$`)
	// englishMonths are months no German date writes so: after one, a
	// day is English's ("1. July 4 we start").
	englishMonths = map[string]bool{"january": true, "february": true, "march": true, "may": true, "june": true, "july": true,
		"october": true, "december": true, "oct": true, "dec": true}
	// monthDayRE is a day as English writes it after its month, ending
	// the date: "4:", "25th,", "4–5:", or an ordinal alone ("4th").
	monthDayRE = regexp.MustCompile(`^[0-9]{1,2}(?:st|nd|rd|th)?(?:[–-][0-9]{1,2}(?:st|nd|rd|th)?)?[:,;]$|^[0-9]{1,2}(?:st|nd|rd|th)$`)
)

// CharRefRE matches a character reference as CommonMark and HTML read
// one: a name, or a decimal or hexadecimal number, between & and ;. The
// loader finds them in plain-text fields, which show them as written;
// the renderer decodes them in a link's address, as CommonMark does.
var CharRefRE = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)
