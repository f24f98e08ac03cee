package render

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// sitePages are the pages every build makes at the site's root, and the
// files it exports there, that a link in the briefing's text may point to.
var sitePages = []string{
	"index.html", "claims.html", "sources.html", "quotes.html", "notes.html", "search.html",
	"handout.html", "briefing.json", "annotations.jsonld", offlineZip, "404.html",
}

// offlineZip is the offline copy of the site (offline.Name), which build
// --no-zip does not make (Renderer.NoZip).
const offlineZip = "briefing-offline.zip"

// siteMap is what a relative link may point to: the site's pages and, for
// the ids the generator gives them, the claims, sources and notes. It is
// made with the Renderer, before a streaming build lets go of each
// article's notes once it is rendered.
type siteMap struct {
	pages  map[string]bool     // "claims.html", "articles/<slug>.html", …
	notes  map[string][]string // by article slug, its note ids
	events int                 // the timeline's entries: index.html#event-1 to event-<events>

	claims   bool // the home page has the claims' matrix
	overview bool // the home page shows an overview, and its contents (set by New)

	lists  map[string]bool // "claims.html" and "sources.html" when they list something
	cited  map[string]bool // the pages that list the sources cited: articles', the claims and the all-notes page
	groups map[string]bool // the sources page's groups that have a source, by id

	methodologyTOC bool // the methodology has its contents (HasContents)
	noZip          bool // the build makes no offlineZip (NoZip)

	// What the input left out for another problem: a link to it is not
	// told that it does not exist.
	left *briefing.LeftOut

	verdicts map[briefing.Verdict]bool // those the methodology defines (VerdictHref)
	lastDef  diag.Pos                  // the label of its last definition in the text (DefinitionsAt)
	used     map[briefing.Verdict]bool // those the claims and the notes rendered give (Undefined), under mu

	mu       sync.Mutex
	headings map[string][]string // by page, its headings' ids, once known
	waiting  []waiting           // links to headings not known when checked
}

// waiting is a link to a heading of an article not rendered when the link
// was checked, and where its problem goes.
type waiting struct {
	link Link
	errs *diag.List
}

// addHeadings records the ids of the headings of page.
func (m *siteMap) addHeadings(page string, ids []string) {
	m.mu.Lock()
	m.headings[page] = ids
	m.mu.Unlock()
}

// ownIDs returns the ids of page's own parts (pageIDs) that it has in this
// briefing: the home page's contents only with an overview that shows
// something, its matrix only with claims, its timeline only with entries;
// the methodology's contents only with two sections or more
// (HasContents); an article's notes only with notes.
func (m *siteMap) ownIDs(page string) []string {
	var own []string
	for _, id := range PageIDs(page) {
		switch id {
		case "home-toc-h":
			if !m.overview {
				continue
			}
		case "matrix-h", "matrix-caption":
			if !m.claims {
				continue
			}
		case "timeline-h":
			if m.events == 0 {
				continue
			}
		case "methodology-toc-h":
			if !m.methodologyTOC {
				continue
			}
		case "claims-toc-h", "sources-toc-h":
			if !m.lists[page] {
				continue
			}
		case "cited-h":
			if !m.cited[page] {
				continue
			}
		case "notes-h":
			if len(m.notes[articleSlug(page)]) == 0 {
				continue
			}
		}
		if v, ok := strings.CutPrefix(id, verdictPrefix); ok && !m.verdicts[briefing.Verdict(v)] {
			continue
		}
		if strings.HasPrefix(id, "group-") && !m.groups[id] {
			continue
		}
		own = append(own, id)
	}
	return own
}

// onNotesPage reports whether the all-notes page has the id f: its own
// parts, an article's section (notes-<slug>) or a note
// (<slug>--<note id>), for the articles that have notes.
func (m *siteMap) onNotesPage(f string) bool {
	switch f {
	case "main":
		return true
	case "cited-h":
		return m.cited["notes.html"]
	}
	for slug, ids := range m.notes {
		if len(ids) == 0 {
			continue
		}
		if f == "notes-toc-h" || f == "notes-"+slug {
			return true
		}
		if id, ok := strings.CutPrefix(f, slug+"--"); ok && slices.Contains(ids, id) {
			return true
		}
	}
	return false
}

// leftOnNotesPage reports whether f may be an id the all-notes page would
// have but for what the input left out: a note left out, or an
// article's notes when some of them, or the article, were.
func (m *siteMap) leftOnNotesPage(f string) bool {
	if slug, id, ok := strings.Cut(f, "--"); ok {
		return m.left.Note(slug, id)
	}
	if slug, ok := strings.CutPrefix(f, "notes-"); ok {
		n := m.left.Notes[slug]
		return m.left.Articles.Has(slug) || n.All || len(n.IDs) > 0
	}
	return false
}

// sourcesPart says why f is no part of the sources page, to: no source
// of its group, or none at all, or an id of another form.
func (m *siteMap) sourcesPart(f, to string) string {
	var groups []string
	for _, id := range m.ownIDs("sources.html") {
		if strings.HasPrefix(id, "group-") {
			groups = append(groups, id)
		}
	}
	switch {
	case !m.lists["sources.html"]:
		return "the briefing has no sources"
	case slices.Contains(listIDs["sources.html"], f):
		return "no source is in the group " + strings.TrimPrefix(f, "group-") + "; the groups it has are " + strings.Join(groups, ", ")
	}
	return "a source's address is " + to + "#src-<id>, with its id from the bibliography, and a group's one of " + strings.Join(groups, ", ")
}

// noteOnNotesPage returns the id on the all-notes page of the note that
// f, in a text shown on page, names as an article's page or the handout
// would, or by its id alone ("note-<id>", "<slug>--note-<id>", "<id>"),
// or "". A note's id is its article's own: one named alone is the page's
// article's, or else the one article's that has it; of several, none.
func (m *siteMap) noteOnNotesPage(f, page string) string {
	if slug, rest, ok := strings.Cut(f, "--"); ok {
		if n, ok := strings.CutPrefix(rest, "note-"); ok && slices.Contains(m.notes[slug], n) {
			return slug + "--" + n
		}
		return ""
	}
	id := f
	for _, p := range notePrefixes {
		id = strings.TrimPrefix(id, p)
	}
	if own := articleSlug(page); strings.HasPrefix(page, "articles/") && slices.Contains(m.notes[own], id) {
		return own + "--" + id
	}
	found := ""
	for slug, ids := range m.notes {
		if slices.Contains(ids, id) {
			if found != "" {
				return "" // in two articles: which is meant is not known
			}
			found = slug + "--" + id
		}
	}
	return found
}

// use records the verdicts that notes give.
func (m *siteMap) use(notes []*briefing.Note) {
	m.mu.Lock()
	for _, n := range notes {
		if n.Verdict != "" {
			m.used[n.Verdict] = true
		}
	}
	m.mu.Unlock()
}

// wait keeps link, whose problem goes to errs, until the headings it may
// name are known (takeWaiting).
func (m *siteMap) wait(link Link, errs *diag.List) {
	m.mu.Lock()
	m.waiting = append(m.waiting, waiting{link, errs})
	m.mu.Unlock()
}

// takeWaiting returns the links kept by wait, and forgets them.
func (m *siteMap) takeWaiting() []waiting {
	m.mu.Lock()
	defer m.mu.Unlock()
	ws := m.waiting
	m.waiting = nil
	return ws
}

// headingsOf returns the ids of the headings of page, and whether they
// are known.
func (m *siteMap) headingsOf(page string) ([]string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ids, ok := m.headings[page]
	return ids, ok
}

func newSiteMap(b *briefing.Briefing) *siteMap {
	m := &siteMap{pages: make(map[string]bool, len(sitePages)+1+len(b.Articles)), notes: make(map[string][]string, len(b.Articles)),
		events: len(b.Index.Timeline), headings: make(map[string][]string, len(b.Articles)+2),
		claims: len(b.Claims) > 0 && len(b.Articles) > 0,
		lists:  map[string]bool{"claims.html": len(b.Claims) > 0, "sources.html": len(b.Sources) > 0},
		cited:  map[string]bool{}, groups: map[string]bool{}, used: map[briefing.Verdict]bool{}, left: &b.LeftOut}
	for _, p := range sitePages {
		m.pages[p] = true
	}
	for _, s := range b.Sources {
		m.groups["group-"+SourceGroup(s)] = true
	}
	for _, c := range b.Claims {
		m.cited["claims.html"] = m.cited["claims.html"] || len(c.Cites) > 0
	}
	if b.Methodology != nil {
		m.pages["methodology.html"] = true
	}
	for _, a := range b.Articles {
		m.pages["articles/"+a.Slug+".html"] = true
		ids := make([]string, len(a.Notes))
		for i, n := range a.Notes {
			ids[i] = n.ID
			if len(n.Cites) > 0 {
				m.cited["articles/"+a.Slug+".html"] = true
				m.cited["notes.html"] = true
			}
		}
		m.notes[a.Slug] = ids
	}
	return m
}

// Link is a link without a scheme in the briefing's text, to be checked
// against the site (CheckLinks).
type Link struct {
	Dest string
	Page string   // the page that shows the text (see localProblem)
	Pos  diag.Pos // the destination's place in the text
	// Site is the address (url:) of the article whose page shows the
	// text, and Outlet says the text is the article's own, not a note:
	// a link there from the server's root (/news/other) is the outlet's,
	// to a page on its site (rootProblem).
	Site   string
	Outlet bool
}

// CheckLinks reports each link that points nowhere in the site in errs.
// An article's links are checked apart from its rendering (Article keeps
// them in Article.Links) because what they point to is in other files,
// which may change while a kept rendering does not (site.Compiler).
//
// A link to a heading of an article is checked once the article's
// headings are known: once it is rendered, or its kept rendering's
// headings are given (AddHeadings). Until then it waits, and CheckWaiting
// checks it, when every article is.
func (r *Renderer) CheckLinks(links []Link, errs *diag.List) {
	for _, l := range links {
		p, wait := r.localProblem(l, false)
		if wait {
			r.site.wait(l, errs)
		} else if p != "" {
			errs.Add(l.Pos, "the link %q %s", l.Dest, p)
		}
	}
}

// NoZip has links to briefing-offline.zip refused: the build makes none
// (build --no-zip), so the link would be dead. Call it before any link
// is checked.
func (r *Renderer) NoZip() { r.site.noZip = true }

// AddHeadings gives the ids of the headings of the article slug, from a
// rendering of it kept from another Renderer (Article.Headings): an
// article rendered by this one has them already.
func (r *Renderer) AddHeadings(slug string, ids []string) {
	r.site.addHeadings("articles/"+slug+".html", ids)
}

// UseVerdicts records the verdicts of a's notes, for Undefined, as
// Article does: for an article whose rendering is kept from another
// Renderer.
func (r *Renderer) UseVerdicts(a *briefing.Article) { r.site.use(a.Notes) }

// CheckWaiting checks the links to headings of articles that CheckLinks
// met before the article was rendered, reporting each problem where
// CheckLinks would have. Call it once every article is rendered, before
// the problems are read; an article never rendered has no headings.
func (r *Renderer) CheckWaiting() {
	for _, w := range r.site.takeWaiting() {
		if p, _ := r.localProblem(w.link, true); p != "" {
			w.errs.Add(w.link.Pos, "the link %q %s", w.link.Dest, p)
		}
	}
}

// checkNow is the relative func of checkMarkdown for a text shown on page
// that is rendered every time: its links are checked at once.
func (r *Renderer) checkNow(page string, errs *diag.List) func(Link) {
	return func(l Link) {
		l.Page = page
		r.CheckLinks([]Link{l}, errs)
	}
}

// IsRelative reports whether the link v is relative to its page: it has
// no scheme and does not start with "/".
func IsRelative(v string) bool {
	if v == "" || v[0] == '/' {
		return false
	}
	if c := strings.IndexAny(v, ":/?#"); c >= 0 && v[c] == ':' {
		return false // a scheme: http:, https:, mailto:
	}
	return true
}

// notePrefixes start the ids a note gives its article page: the endnote,
// the passage, the marker and the in-text note.
var notePrefixes = []string{"note-", "anno-", "ref-", "side-"}

// NoteOfID returns the id of the note that id, an element's id on an
// article page, is of, and whether it is written as one: its endnote
// (note-ID), its passage (anno-ID), its marker (ref-ID) or its in-text
// note (side-ID). Whether the article has that note ("" for "note-"), the
// caller knows.
func NoteOfID(id string) (note string, ok bool) {
	for _, p := range notePrefixes {
		if note, ok = strings.CutPrefix(id, p); ok {
			return note, true
		}
	}
	return "", false
}

// localProblem says why l.Dest, a link without a scheme in a text shown
// on l.Page (a path from the site's root, like "articles/<slug>.html" or
// "methodology.html"; "" for a page at the root not named), does not
// point into the site, or "" when it does. A link from the server's root
// is refused (rootProblem). The
// page must exist; so must a claim, source or note named by an id of the
// form the generator gives it (claims.html#claim-<id>,
// sources.html#src-<id>, articles/<slug>.html#note-<id>), a timeline
// entry (index.html#event-<n>), and an id on the home page, the
// methodology or an article: one of its headings' or of the page's own
// parts that it has (ownIDs); on the claims, sources and search pages,
// one of the page's own (listIDs), on the all-notes page, one it has
// (onNotesPage), and on the handout, one it has (handoutProblem). On the
// claims and sources pages, a claim's or a source's id without its prefix
// is told the address it meant. Ids on the quotes page are not checked,
// nor is what the input left out for another problem (briefing.LeftOut).
// It reports wait when the
// link names a heading of an article whose headings are not known yet,
// unless final: then the article has none.
func (r *Renderer) localProblem(l Link, final bool) (problem string, wait bool) {
	dest, page := l.Dest, l.Page
	if u, err := url.Parse(strings.TrimSpace(dest)); err == nil && u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/") {
		return r.site.rootProblem(u, l), false
	}
	problem, wait = r.pointsTo(dest, page, final)
	if problem == "" {
		return problem, wait
	}
	// An id written with capitals, on a page whose ids headingProblem
	// does not judge.
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil || u.Fragment == strings.ToLower(u.Fragment) {
		return problem, wait
	}
	switch LinkTarget(u, page) {
	case "claims.html", "sources.html", "notes.html", "search.html", "handout.html":
		lower := *u
		lower.Fragment = strings.ToLower(u.Fragment)
		if p, _ := r.pointsTo(lower.String(), page, final); p == "" {
			return "points to nothing: did you mean " + lower.String() + "? (Ids are in lower case.)", false
		}
	}
	return problem, wait
}

// pointsTo is localProblem without its hint for an id in capitals.
func (r *Renderer) pointsTo(dest, page string, final bool) (problem string, wait bool) {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", false // linkProblem's to judge
	}
	dir := pageDir(page)
	if u.Path == "" && page == "" {
		return "", false // an id on a page not named: not checked
	}
	target := LinkTarget(u, page)
	m := r.site
	if strings.HasSuffix(u.Path, "/") && m.pages[target] {
		// "one.html/": LinkTarget cleans the slash away, a browser does
		// not, and asks for a folder of that name, which is nowhere. The
		// page as this text reaches it, and what the link so written
		// would point to, told in the same run.
		to := relTo(dir, target)
		if u.RawQuery != "" {
			to += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			to += "#" + u.Fragment
		}
		msg := "points to no page of the briefing: the / after " + path.Base(target) + " asks for a folder of that name, which there is not; write " + to
		if p, _ := r.pointsTo(to, page, true); p != "" {
			msg += " (which, as it is, " + p + ")"
		}
		return msg, false
	}
	if target == offlineZip && m.noZip {
		return "points to " + offlineZip + ", which build --no-zip does not make: build without --no-zip, or remove the link", false
	}
	if !m.pages[target] { // "" and paths out of the site ("../…") among them
		if strings.HasPrefix(target, "articles/") && strings.HasSuffix(target, ".html") && m.left.Articles.Has(articleSlug(target)) {
			return "", false // left out for a problem reported
		}
		p := pageOf(target)
		if p == "" || !m.pages[p] {
			p = m.pageFolded(target) // METHODOLOGY.html, One.html
		}
		if p != "" && m.pages[p] {
			to := relTo(dir, p)
			if u.RawQuery != "" {
				to += "?" + u.RawQuery
			}
			if u.Fragment != "" {
				to += "#" + u.Fragment
			}
			return "points to no page of the briefing: did you mean " + to + "?", false
		}
		if p := m.otherBase(u.Path, dir); p != "" {
			return r.fromOtherBase(u, p, page, final), false
		}
		// www.example.org/report, or a host name without its scheme, or
		// desk@example.org, meant as an address elsewhere.
		first, _, _ := strings.Cut(u.Path, "/")
		switch {
		case strings.Contains(u.Path, "@") && !strings.Contains(u.Path, "/"):
			return "points to no page of the briefing: to link to an e-mail address, write it like mailto:" + u.Path, false
		case strings.HasPrefix(first, "www.") || strings.Contains(first, ".") && knownTLD(first):
			return "points to no page of the briefing: to link to a page elsewhere, write its full address, like https://" + strings.TrimSpace(dest), false
		}
		return "points to no page of the briefing: link to one of its pages, like " + relTo(dir, "claims.html") +
			", or give a page elsewhere its full address", false
	}
	f := u.Fragment
	switch {
	case f == "":
	case target == "handout.html":
		return r.handoutProblem(f, page, final)
	case target == "claims.html" && !strings.HasPrefix(f, "claim-") && r.claims[f] != nil:
		return "points to no part of the claims page: did you mean " + relTo(dir, "claims.html") + "#claim-" + f + "? (A claim's address is its id after claim-.)", false
	case target == "sources.html" && !strings.HasPrefix(f, "src-") && r.sources[f] != nil:
		return "points to no part of the sources page: did you mean " + relTo(dir, "sources.html") + "#src-" + f + "? (A source's address is its id after src-.)", false
	case target == "claims.html" && strings.HasPrefix(f, "claim-"):
		id := strings.TrimPrefix(f, "claim-")
		if h, ok := strings.CutSuffix(id, "-h"); ok && r.claims[id] == nil && (r.claims[h] != nil || m.left.Claims.Has(h)) {
			break // the claim's heading
		}
		if r.claims[id] == nil && !m.left.Claims.Has(id) {
			return "points to no claim: a claim's address is " + relTo(dir, "claims.html") + "#claim-<id>, with its id from annotations/claims.yaml", false
		}
	case target == "claims.html" && m.left.Claims.All:
		// The claims page's parts (its contents list, its sources) are
		// not known while its claims are not: the problem that left them
		// out is reported, and this link is checked once it is mended.
	case target == "claims.html" && !slices.Contains(m.ownIDs(target), f):
		switch f {
		case "claims-toc-h":
			return "points to no part of the claims page: it has no contents list, as the briefing has no claims", false
		case "cited-h":
			return "points to no part of the claims page: it lists no sources, as no claim cites one", false
		}
		return "points to no part of the claims page: a claim's address is " + relTo(dir, "claims.html") + "#claim-<id>, with its id from annotations/claims.yaml", false
	case target == "index.html" && strings.HasPrefix(f, "event-"):
		if p := m.eventProblem(f, relTo(dir, "index.html"), "", ", numbered in the order of their dates ("+strconv.Itoa(m.events)+" in content/_index.md)"); p != "" {
			return p, false
		}
	case target == "sources.html" && strings.HasPrefix(f, "src-"):
		if id := strings.TrimPrefix(f, "src-"); r.sources[id] == nil && !m.left.Sources.Has(id) {
			return "points to no source: a source's address is " + relTo(dir, "sources.html") + "#src-<id>, with its id from the bibliography", false
		}
	case target == "sources.html" && m.left.Sources.All:
		// Its groups are not known either while its sources are not.
	case target == "sources.html" && !slices.Contains(m.ownIDs(target), f):
		return "points to no part of the sources page: " + m.sourcesPart(f, relTo(dir, "sources.html")), false
	case target == "notes.html":
		if f == "cited-h" && !m.cited["notes.html"] {
			return "points to no part of the all-notes page: it lists no sources, as no note cites one", false
		}
		if !m.onNotesPage(f) && !m.leftOnNotesPage(f) {
			if to := m.noteOnNotesPage(f, page); to != "" {
				return "points to no part of the all-notes page: did you mean " + relTo(dir, "notes.html") + "#" + to + "? (A note's address there is its article's file name without .md, two hyphens and its id.)", false
			}
			return "points to no part of the all-notes page: a note's address there is " + relTo(dir, "notes.html") +
				"#<article>--<note id>, and an article's notes' is " + relTo(dir, "notes.html") + "#notes-<article>, with the article's file name without .md", false
		}
	case target == "search.html" && !slices.Contains(listIDs["search.html"], f):
		if q, ok := strings.CutPrefix(f, "q="); ok {
			return "points to no part of the search page: to open it with words searched for, write " + relTo(dir, "search.html") + "?q=" + q, false
		}
		return "points to no part of the search page: link to the page itself, " + relTo(dir, "search.html"), false
	case target == "methodology.html" && slices.Contains(verdictIDs(), f) && !m.verdicts[briefing.Verdict(strings.TrimPrefix(f, verdictPrefix))]:
		var defined []string
		for _, v := range briefing.Verdicts {
			if m.verdicts[v] {
				defined = append(defined, v.Label())
			}
		}
		has := "the methodology defines none"
		if len(defined) > 0 {
			has = "the methodology defines only " + strings.Join(defined, ", ")
		}
		return "points to no definition of a verdict: " + has + " (a verdict's definition is an item of a list in content/methodology.md that starts with its label in bold, like - **" +
			briefing.Verdict(strings.TrimPrefix(f, verdictPrefix)).Label() + ":** …)", false
	case strings.HasPrefix(target, "articles/"):
		slug := articleSlug(target)
		if id, ok := NoteOfID(f); ok {
			if !slices.Contains(m.notes[slug], id) && !m.left.Note(slug, id) {
				return "points to no note of that article: a note's address is " + relTo(dir, target) + "#note-<id>, with its id from annotations/" + slug + ".yaml", false
			}
			return "", false
		}
		ids, ok := m.headingsOf(target)
		if !ok && !final {
			return "", true
		}
		return headingProblem(target, f, dir, ids, m.ownIDs(target)), false
	case target == "index.html" || target == "methodology.html":
		ids, _ := m.headingsOf(target)
		return headingProblem(target, f, dir, ids, m.ownIDs(target)), false
	}
	return "", false
}

// eventProblem says why f, an id event-<n>, names no timeline entry, to
// a link that reaches the entries at to (the home page, or the handout:
// where, " in the handout"; more, what the last message adds), or "" when
// it names one, or when entries were left out for a syntax error and
// their numbers are not known (briefing.LeftOut).
func (m *siteMap) eventProblem(f, to, where, more string) string {
	n, err := strconv.Atoi(strings.TrimPrefix(f, "event-"))
	switch {
	case m.left.Events:
	case m.events == 0:
		return "points to no timeline entry: content/_index.md has no timeline"
	case m.events == 1 && f != "event-1":
		return "points to no timeline entry: the timeline has one, " + to + "#event-1"
	case err != nil || n < 1 || n > m.events || strconv.Itoa(n) != strings.TrimPrefix(f, "event-"):
		return "points to no timeline entry: the entries' addresses" + where + " are " + to + "#event-1 to #event-" + strconv.Itoa(m.events) + more
	}
	return ""
}

// rootProblem says what to write instead of u, a link from the server's
// root (/claims.html#claim-x, /news/other) as l has it, which works on no
// page opened from disk: for a page of the briefing, the way to it from
// l.Page, with u's query and fragment; for another, its full address,
// which for the outlet's own link in an article's text (l.Outlet) is on
// the outlet's site, read against the article's url: (l.Site).
func (m *siteMap) rootProblem(u *url.URL, l Link) string {
	const why = "starts at the server's root, which breaks the site opened from disk"
	target := strings.TrimPrefix(path.Clean(u.Path), "/")
	if target == "" {
		target = "index.html"
	}
	if p := pageOf(target); !m.pages[target] && p != "" && m.pages[p] {
		target = p // /claims, /articles/one.md
	}
	full := "https://<host>" + (&url.URL{Path: u.Path, RawQuery: u.RawQuery, Fragment: u.Fragment}).String()
	if site, err := url.Parse(l.Site); err == nil && site.Host != "" && (site.Scheme == "https" || site.Scheme == "http") {
		full = site.ResolveReference(u).String()
	}
	if m.pages[target] || strings.HasPrefix(target, "articles/") && m.left.Articles.Has(articleSlug(target)) {
		rel := (&url.URL{Path: relTo(pageDir(l.Page), target), RawQuery: u.RawQuery, Fragment: u.Fragment}).String()
		if l.Outlet {
			return why + ": write it relative to this page, like " + rel + ", or, if it is the outlet's own link, its full address on the outlet's site, " + full
		}
		return why + ": write it relative to this page, like " + rel
	}
	switch {
	case l.Outlet:
		return why + ", and leads to no page of the briefing: it is the outlet's own link, so write its full address on the outlet's site, " + full
	case l.Site != "":
		return why + ", and leads to no page of the briefing: write the full address of the page it links to, like " + full + " if it is on the article's site"
	}
	return why + ", and leads to no page of the briefing: write the full address of the page it links to, with https:// and its host name, like " + full
}

// headingProblem says why f, an id on page, is none of its headings' ids
// (ids) nor of its own parts' (own), or "". dir is the folder of the page
// that links.
func headingProblem(page, f, dir string, ids, own []string) string {
	if slices.Contains(ids, f) || slices.Contains(own, f) {
		return ""
	}
	to := relTo(dir, page)
	// Written in capitals, or as the heading reads: a heading's id, or
	// one of the page's own parts', or a note's.
	if s := slugOf(strings.ReplaceAll(f, "-", " ")); s != f && slices.Contains(ids, s) {
		return "points to nothing on " + to + ": did you mean its heading " + to + "#" + s + "? (A heading's id is its words in lower case, joined by hyphens.)"
	}
	if s := strings.ToLower(f); s != f && slices.Contains(own, s) {
		return "points to nothing on " + to + ": did you mean " + to + "#" + s + "? (Ids are in lower case.)"
	}
	for _, p := range notePrefixes {
		if strings.HasPrefix(strings.ToLower(f), p) && strings.HasPrefix(page, "articles/") { // #Note-x: a note's, in capitals
			return "points to no heading or note of " + to + ": a note's address is " + to + "#note-<id>, in lower case as the note's id is written"
		}
	}
	if len(ids) == 0 {
		return "points to nothing on " + to + ": the page has no heading or part with that id; link to the page itself, " + to
	}
	how := " (a heading's id is its words in lower case, joined by hyphens, unless given after it, like {#sources})"
	if strings.HasPrefix(page, "articles/") {
		how = " (a heading's id is its words in lower case, joined by hyphens)"
	}
	return "points to no heading of " + to + ": its headings' ids are " + firstIDs(ids, "") + how
}

// firstIDs lists the first six of ids as addresses, #prefix<id>, and "…"
// when there are more.
func firstIDs(ids []string, prefix string) string {
	const most = 6
	list := make([]string, 0, most+1)
	for i, id := range ids {
		if i == most {
			list = append(list, "…")
			break
		}
		list = append(list, "#"+prefix+id)
	}
	return strings.Join(list, ", ")
}

// articleSlug is the slug of the article whose page is page
// ("articles/<slug>.html").
func articleSlug(page string) string {
	return strings.TrimSuffix(strings.TrimPrefix(page, "articles/"), ".html")
}

// pageFolded returns the page of the briefing that target names in other
// capitals (file names are matched as written: a host on Linux finds no
// METHODOLOGY.html), or "".
func (m *siteMap) pageFolded(target string) string {
	for p := range m.pages {
		if strings.EqualFold(p, target) {
			return p
		}
	}
	return ""
}

// otherBase is the page path p, a link's path written from the folder
// dir ("" or "articles"), names when read from the other one, as a link
// copied from a claim or the overview into a note is ("claims.html", in
// articles/), or one copied the other way ("../claims.html" at the top):
// "" when it names no page from there either.
func (m *siteMap) otherBase(p, dir string) string {
	var other string
	switch dir {
	case "articles":
		other = path.Clean(p)
	case "":
		other = path.Clean(path.Join("articles", p))
	default:
		return ""
	}
	if m.pages[other] || strings.HasPrefix(other, "articles/") && strings.HasSuffix(other, ".html") && m.left.Articles.Has(articleSlug(other)) {
		return other
	}
	return ""
}

// fromOtherBase is the problem of u, a link on page whose path names the
// page other only from the other folder (otherBase): where its page reads
// it from, and the link to write, with its query and fragment, and what
// is wrong with that one in turn, if anything.
func (r *Renderer) fromOtherBase(u *url.URL, other, page string, final bool) string {
	dir := pageDir(page)
	to := relTo(dir, other)
	if u.RawQuery != "" {
		to += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		to += "#" + u.Fragment
	}
	from := "in the site's top folder"
	switch {
	case dir != "":
		from = page + ", in the folder " + dir + "/"
	case page != "":
		from = page + ", in the site's top folder"
	}
	msg := "points to no page of the briefing: this text's links are read from its page, " + from + ", so write " + to
	if p, wait := r.pointsTo(to, page, final); p != "" && !wait {
		msg += " (which, as it is, " + p + ")"
	}
	return msg
}

// pageOf returns the site path of the page made from target, a path a
// writer may take for its address: the Markdown or YAML file it is made
// from (articles/<slug>.md, content/methodology.md, _index.md,
// annotations/claims.yaml, annotations/sources.json,
// annotations/<slug>.yaml), or the page without its .html. It returns ""
// for any other path.
func pageOf(target string) string {
	t := target
	for _, p := range []string{"../", "content/"} {
		for strings.HasPrefix(t, p) {
			t = strings.TrimPrefix(t, p)
		}
	}
	if rest, ok := strings.CutPrefix(t, "annotations/"); ok {
		switch name := strings.TrimSuffix(rest, path.Ext(rest)); {
		case name == rest || strings.Contains(name, "/") || !slices.Contains([]string{".yaml", ".yml", ".json"}, path.Ext(rest)):
			return ""
		case name == "claims" || name == "sources":
			return name + ".html"
		default:
			return "articles/" + name + ".html"
		}
	}
	switch ext := path.Ext(t); ext {
	case ".md":
		t = strings.TrimSuffix(t, ext)
	case "":
	default:
		return ""
	}
	if path.Base(t) == "_index" || path.Base(t) == "index" {
		return "index.html"
	}
	return t + ".html"
}

// LinkTarget is the site path (from the site's root, without its
// fragment) that u, a relative link in a text shown on page, points to:
// page itself for a link to an id on it. A path out of the site starts
// with "../".
func LinkTarget(u *url.URL, page string) string {
	if u.Path == "" {
		return page
	}
	return path.Clean(path.Join(path.Dir(page), u.Path))
}

// pageDir is the folder of page, a path from the site's root: "" or
// "articles".
func pageDir(page string) string {
	if dir := path.Dir(page); dir != "." {
		return dir
	}
	return ""
}

// relTo is the way from folder dir ("" or "articles") to the site path p.
func relTo(dir, p string) string {
	if dir == "" {
		return p
	}
	if rest, ok := strings.CutPrefix(p, dir+"/"); ok {
		return rest
	}
	return "../" + p
}

// RewriteLinks returns h, HTML, with the value v of every href="v" that is a
// relative link (no scheme, not starting with "/") replaced by f(v, arg);
// h itself when there is none. (f is a function of its own, not a closure
// over arg: this runs for every note, and a closure would be allocated.)
func RewriteLinks(h string, f func(v, arg string) string, arg string) string {
	const attr = `href="`
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(h[i:], attr)
		if j < 0 {
			break
		}
		start := i + j + len(attr)
		k := strings.IndexByte(h[start:], '"')
		if k < 0 {
			break
		}
		end := start + k
		i = end + 1
		v := h[start:end]
		if !IsRelative(v) {
			continue
		}
		w := f(v, arg)
		if w == v {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(h) + 64)
		}
		b.WriteString(h[last:start])
		b.WriteString(w)
		last = end
	}
	if last == 0 {
		return h
	}
	b.WriteString(h[last:])
	return b.String()
}

// RootLinks rewrites the relative links of a note, written for the page of
// its article (slug), for a page or file at the site's root: the all-notes
// page, and the exports.
func RootLinks(h, slug string) string {
	return RewriteLinks(h, rootHref, slug)
}

func rootHref(v, slug string) string {
	if _, err := url.Parse(v); err != nil {
		return v
	}
	switch {
	case strings.HasPrefix(v, "#"):
		return "articles/" + slug + ".html" + v
	case strings.HasPrefix(v, "../"):
		return strings.TrimPrefix(v, "../")
	}
	return "articles/" + v
}

// knownTLD reports whether host ends in a top-level domain common enough
// that a link to "example.org/report" is surely meant for elsewhere, not
// for a page of the briefing.
func knownTLD(host string) bool {
	i := strings.LastIndexByte(host, '.')
	switch strings.ToLower(host[i+1:]) {
	case "com", "org", "net", "gov", "edu", "int", "mil", "info", "news", "uk", "de", "fr", "eu", "ca", "au", "nz", "za", "se", "it", "es", "io", "co", "us":
		return true
	}
	return false
}
