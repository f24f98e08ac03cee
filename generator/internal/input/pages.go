package input

import (
	"regexp"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// OverviewPlaceholder and MethodologyPlaceholder are the paragraphs new
// writes into a briefing's first overview and methodology for the editors
// to replace: left in, they would be published.
const (
	OverviewPlaceholder    = "What the briefing covers, as Markdown (its sections start with ##)."
	MethodologyPlaceholder = "Replace this paragraph: say who wrote the notes, how the passages were chosen, and how each claim was checked."
)

// overviewPlaceholder and methodologyPlaceholder find the placeholders
// as an editor may have left them: their words, with any white space
// between (a paragraph refilled over several lines).
var overviewPlaceholder, methodologyPlaceholder = placeholderRE(OverviewPlaceholder), placeholderRE(MethodologyPlaceholder)

func placeholderRE(text string) *regexp.Regexp {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `\s+`))
}

// placeholder reports new's placeholder text, found by re, in body, at
// its place, as a diag.ErrPlaceholder: the live preview shows the site
// with it.
func (l *loader) placeholder(body briefing.Markdown, re *regexp.Regexp, problem string) {
	loc := re.FindStringIndex(body.Text)
	if loc == nil || body.Pos.Line == 0 {
		return
	}
	l.errs.AddErr(body.PosAt(loc[0]), diag.ErrPlaceholder, "%s", problem)
}

var indexFields = []string{"title", "summary", "timeline", "publisher", "publisher_url", "published"}
var timelineFields = []string{"date", "text", "cites"}
var pageFields = []string{"title"}

// index reads content/_index.md: title, summary, timeline and the overview,
// and whether a syntax error in its front matter may have left out
// timeline entries (briefing.LeftOut.Events).
func (l *loader) index() (idx briefing.Index, eventsUnsure bool) {
	const p = "content/_index.md"
	idx = briefing.Index{Pos: diag.Pos{File: p, Line: 1, Col: 1}}
	if !exists(l.fsys, p) {
		if MisnamedOverview(l.fsys) {
			return idx, false // reported where it is, by checkContent
		}
		l.errs.AddErr(idx.Pos, diag.ErrMissingField,
			"the briefing has no content/_index.md: add one with a front matter title and the overview as its text")
		return idx, false
	}
	d, fm, body, _ := l.markdownFile(p, "content/_index.md has no front matter: start it with ---, a line \"title: …\", and another ---", "its title")
	// The timeline's entries are not all known when a syntax error left
	// out the front matter, the timeline or one of its entries.
	eventsUnsure = d != nil && (fm == nil && d.syntaxLine > 0 || d.leftOutFields["timeline"] || d.entryLeftOut)
	idx.Body = body
	l.placeholder(body, overviewPlaceholder, "this is the text new wrote for you to replace: write here what the briefing covers, the overview readers see on the home page")
	if fm == nil { // none, or none left by a syntax error (reported)
		return idx, eventsUnsure
	}
	m, ok := d.fields(fm, "the briefing's front matter", indexFields...)
	if !ok {
		return idx, eventsUnsure
	}
	// Left empty, as new writes it, the title is new's placeholder: the
	// preview stands in a title for it (site.Compiler's Untitled).
	d.requiredAs(diag.ErrPlaceholder, m, fm, "the briefing", "title")
	idx.Title = d.str(m, "title")
	idx.Summary = d.str(m, "summary")
	idx.Publisher = strings.TrimSpace(d.str(m, "publisher")) // blank is none
	idx.PublisherURL = strings.TrimSpace(d.str(m, "publisher_url"))
	idx.Published = d.date(m, "published", false, "the day the briefing was published, the date of its reviews of claims")
	d.checkPlain(m, "title", idx.Title)
	d.checkPlain(m, "summary", idx.Summary)
	d.checkPlain(m, "publisher", idx.Publisher)
	d.checkURL(m, "publisher_url", idx.PublisherURL)
	if idx.PublisherURL != "" && idx.Publisher == "" {
		d.errs.Add(d.pos(resolve(m["publisher_url"])), "publisher_url is the address of the briefing's publisher, and no publisher is named: add \"publisher: …\" with its name")
	}
	for _, it := range d.ownEntries(d.list(m, "timeline", "like [{date: 2025-11-21, text: \"…\", cites: [source-id]}]")) {
		em, ok := d.fields(it, "a timeline entry", timelineFields...)
		if !ok {
			eventsUnsure = true // an entry that is no mapping, reported
			continue
		}
		d.required(em, it, "the timeline entry", "date", "text")
		e := briefing.TimelineEntry{Pos: d.pos(it), Text: d.markdown(em, "text"), Cites: d.refs(em, "cites", "like [source-id]")}
		if dt := d.date(em, "date", true, ""); dt != nil {
			e.Date = *dt
		}
		idx.Timeline = append(idx.Timeline, e)
	}
	if v, ok := m["timeline"]; ok && !isNull(v) && len(idx.Timeline) == 0 {
		eventsUnsure = true // a timeline not read as a list, reported
	}
	return idx, eventsUnsure
}

// page reads a plain content page such as content/methodology.md; nil when
// the file does not exist.
func (l *loader) page(p string) *briefing.Page {
	if !exists(l.fsys, p) {
		return nil
	}
	d, fm, body, ok := l.markdownFile(p, p+" has no front matter: start it with ---, a line \"title: …\", and another ---", "its title")
	if !ok && fm == nil && body.Text == "" {
		return nil
	}
	if !ok && fm == nil {
		return &briefing.Page{Pos: diag.Pos{File: p, Line: 1, Col: 1}, Body: body} // its text is still checked
	}
	pg := &briefing.Page{Pos: diag.Pos{File: p, Line: 1, Col: 1}, Body: body}
	if fm == nil {
		return pg
	}
	m, ok := d.fields(fm, "the page's front matter", pageFields...)
	if !ok {
		return pg
	}
	d.required(m, fm, "the page", "title")
	pg.Title = d.str(m, "title")
	d.checkPlain(m, "title", pg.Title)
	return pg
}
