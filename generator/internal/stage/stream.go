// Staging as a stream: the project's files handed to a Sink as they are
// made, article by article.

package stage

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/quotes"
	"github.com/briefing/annotated/generator/internal/render"
)

// Sink receives the files of a Hugo project (slash-separated paths) as a
// Writer makes them.
type Sink interface {
	// File is a whole file; the sink may keep data.
	File(name string, data []byte) error
	// Create starts a file written in pieces, whole once closed.
	Create(name string) (io.WriteCloser, error)
	// Rename gives a closed file another name.
	Rename(from, to string) error
	// Spool returns a store for bytes that are written, then read back
	// once (WriteTo) and dropped (Close).
	Spool() (Spool, error)
}

// Spool is a Sink's store for what a Writer can write only later.
type Spool interface {
	io.Writer
	io.WriterTo
	io.Closer
}

// Files is a Sink that keeps the files.
var _ Sink = Files{}

// File implements Sink.
func (f Files) File(name string, data []byte) error {
	f[name] = data
	return nil
}

// Create implements Sink.
func (f Files) Create(name string) (io.WriteCloser, error) {
	return &fileWriter{files: f, name: name}, nil
}

// Rename implements Sink.
func (f Files) Rename(from, to string) error { return rename(f, from, to) }

// rename moves the file from to the name to, in a sink that keeps files
// in a map.
func rename[V any](files map[string]V, from, to string) error {
	data, ok := files[from]
	if !ok {
		return fmt.Errorf("no file %s to rename", from)
	}
	delete(files, from)
	files[to] = data
	return nil
}

// Spool implements Sink.
func (f Files) Spool() (Spool, error) { return memSpool{new(bytes.Buffer)}, nil }

type fileWriter struct {
	bytes.Buffer
	files Files
	name  string
}

func (w *fileWriter) Close() error {
	w.files[w.name] = w.Bytes()
	return nil
}

type memSpool struct{ *bytes.Buffer }

func (memSpool) Close() error { return nil }

// BatchSize is how many articles a build renders and stages at a time
// (site.Stream): enough for every core to have work, few enough that the
// rendered articles and their parts stay a few megabytes. Fewer is faster
// too: every page of memory the process touches for the first time costs
// a page fault, dear on a virtual machine, and a batch rendered while the
// one before is staged doubles what is held. At 1,000 articles, 200 a
// batch held twice the memory of 20 (build's peak RSS 211 against
// 106 MiB, 79,000 against 53,000 page faults, medians of six alternating
// pairs of builds) and took 0.09 s longer (median per pair; 20 was faster
// in five pairs of six).
const BatchSize = 20

// Writer stages a briefing into a Sink: NewWriter writes what comes before
// the articles, Articles the next articles of Order, rendered, and Close
// the rest. Each article's page goes to the sink whole (at once, or, when
// it links a note of an article not staged yet, spooled and written by
// Close, its links labelled: noteRef); its parts of the
// pages and files made of every article (the handout, the all-notes page,
// the search index, briefing.json, annotations.jsonld) are written into
// files the sink keeps open, in the briefing's order; of the rendered
// article only what the pages made at the end need is kept, small: its
// card on the home page, its notes' appearances of claims and citations of
// sources, and the quotes it may share with others. The files are those
// of Project, byte for byte, whatever the batches.
type Writer struct {
	b     *briefing.Briefing
	r     *render.Renderer
	opt   Options
	t     *Text
	sink  Sink
	order []*briefing.Article
	next  int // the next article of order to write

	o          overview
	oErrs      diag.List // what rendering the overview reported
	handout    io.WriteCloser
	notes      io.WriteCloser // nil until the first article with notes
	notesTOC   []byte         // its contents list
	searchFile io.WriteCloser
	search     *searchIndex
	searchSp   Spool // the articles' notes, which follow every text
	model      io.WriteCloser
	annos      io.WriteCloser
	eb         *export.Briefing
	ex         *export.Stream

	counts Counts
	cards  []string
	apps   map[string][]appearance
	cites  []articleCites // for the sources page, made at the end if at all
	quotes []quotes.Quote
	hrefs  quoteHrefs

	// The links of the handout, the article pages and the all-notes
	// page to other articles' notes (noteRef).
	noteNums     map[string]map[string]int // the staged articles' note numbers, by slug and id
	noteLabel    map[string]articleName    // each article's name in the labels, by slug
	handoutLater later                     // the handout from the first part that links a later article's note on
	notesLater   later                     // the all-notes page from the first such part on
	pages        Spool                     // the article pages that link a later article's note
	kept         []keptPage                // the pages in pages, in order
}

// searchTemp is the search index's name until its hash is known.
const searchTemp = "static/js/search-index.tmp"

// NewWriter starts staging b into sink.
func NewWriter(b *briefing.Briefing, r *render.Renderer, opt Options, sink Sink) (*Writer, error) {
	t := opt.Text
	if t == nil {
		var err error
		if t, err = LoadText(nil); err != nil {
			return nil, fmt.Errorf("stage: the bundled theme: %v", err)
		}
	}
	w := &Writer{b: b, r: r, opt: opt, t: t, sink: sink, order: articleOrder(b),
		counts: Counts{Articles: len(b.Articles), Claims: len(b.Claims), Sources: len(b.Sources)},
		apps:   map[string][]appearance{}, hrefs: quoteHrefs{},
		noteNums: map[string]map[string]int{}}
	w.noteLabel = noteLabels(w.order)
	if err := sink.File("hugo.json", config(b, opt)); err != nil {
		return nil, err
	}
	w.o = overviewData(b, r, &w.oErrs)
	tocs := make([][]byte, len(w.order))
	for i, a := range w.order {
		tocs[i] = handoutTOC(a, t)
	}
	w.notesTOC = notesTOC(w.order, t)
	var err error
	if w.handout, err = sink.Create("content/handout.html"); err != nil {
		return nil, err
	}
	if err := w.handoutHead(handoutHead(b, tocs, w.o, len(b.Claims) > 0, len(b.Sources) > 0, t)); err != nil {
		return nil, err
	}
	if w.searchFile, err = sink.Create(searchTemp); err != nil {
		return nil, err
	}
	w.search = newSearchIndex(w.searchFile)
	if w.searchSp, err = sink.Spool(); err != nil {
		return nil, err
	}
	if w.model, err = sink.Create("static/" + export.ModelFile); err != nil {
		return nil, err
	}
	if w.annos, err = sink.Create("static/" + export.AnnotationsFile); err != nil {
		return nil, err
	}
	// Every note of an article that renders without problems has its
	// annotation; with problems, nothing is published.
	total := 0
	for _, a := range b.Articles {
		total += len(a.Notes)
	}
	w.eb = &export.Briefing{Briefing: b, Order: w.order, BaseURL: baseURL(opt)}
	if w.ex, err = w.eb.NewStream(w.model, w.annos, total); err != nil {
		return nil, err
	}
	return w, nil
}

// Order is the briefing's order, in which Articles takes the articles.
func (w *Writer) Order() []*briefing.Article { return w.order }

// summary is what the pages made at the end keep of an article.
type summary struct {
	card   string
	cites  []noteCites
	apps   []claimAppearance
	quotes []quotes.Quote
	hrefs  []string
}

// Articles stages the next len(ras) articles of Order, ras[i] the
// rendering of each, making their parts on every core.
func (w *Writer) Articles(ras []*render.Article) error {
	if w.next+len(ras) > len(w.order) {
		return fmt.Errorf("stage: %d articles more than the briefing's %d", w.next+len(ras)-len(w.order), len(w.order))
	}
	start := w.next
	parts := make([]*Parts, len(ras))
	parallel.For(len(ras), func(i int) { parts[i] = w.Part(start+i, ras[i]) })
	return w.Write(ras, parts)
}

// Part makes the parts of the i-th article of Order, ra its rendering. It
// reads nothing that Write changes, so that a build makes the parts of
// the next articles while Write stages those before them.
func (w *Writer) Part(i int, ra *render.Article) *Parts {
	a, weight := w.order[i], i+1
	build := func() *Parts { return articleParts(a, w.r, ra, weight, w.eb, w.t) }
	if w.opt.Memo != nil {
		return w.opt.Memo.Article(a, weight, build)
	}
	return build()
}

// Write stages the next len(ras) articles of Order from their renderings
// and their parts (from Part), one after another.
func (w *Writer) Write(ras []*render.Article, parts []*Parts) error {
	if w.next+len(ras) > len(w.order) {
		return fmt.Errorf("stage: %d articles more than the briefing's %d", w.next+len(ras)-len(w.order), len(w.order))
	}
	if err := w.grow(parts); err != nil {
		return err
	}
	for i, p := range parts {
		if err := w.article(w.order[w.next+i], ras[i], p); err != nil {
			return err
		}
	}
	w.next += len(ras)
	return nil
}

// grower is a file of a Sink that can make room for bytes to come (the
// Files sink's, a bytes.Buffer), so that a file gathering every article
// is not copied each time it outgrows its room.
type grower interface{ Grow(n int) }

// grow makes room, in the files of a sink that keeps them in memory, for
// what parts will add to the files that gather every article: at once
// when a preview compiles the whole briefing, which would otherwise
// allocate and copy each of these files (hundreds of megabytes at 10,000
// articles) about twice over.
func (w *Writer) grow(parts []*Parts) error {
	var handout, notes, search, searchNotes, model, annos int
	for _, p := range parts {
		handout += len(p.handout)
		notes += len(p.notes)
		search += len(p.searchText)
		searchNotes += len(p.searchNotes)
		m, a := p.export.Sizes()
		model += m
		annos += a
	}
	if notes > 0 {
		if _, err := w.notesFile(); err != nil {
			return err
		}
	}
	for _, g := range []struct {
		f any
		n int
	}{{w.handout, handout}, {w.notes, notes}, {w.searchFile, search}, {w.searchSp, searchNotes}, {w.model, model}, {w.annos, annos}} {
		if f, ok := g.f.(grower); ok && g.n > 0 {
			f.Grow(g.n)
		}
	}
	return nil
}

// notesFile returns the notes page's file, created with its front matter
// for the first article with notes.
func (w *Writer) notesFile() (io.Writer, error) {
	if w.notes == nil {
		var err error
		if w.notes, err = w.sink.Create("content/notes.html"); err != nil {
			return nil, err
		}
		if _, err := w.notes.Write(append(frontMatterJSON(notesMatter), '\n')); err != nil {
			return nil, err
		}
		if _, err := w.notes.Write(w.notesTOC); err != nil {
			return nil, err
		}
	}
	return w.notes, nil
}

// page writes the file name of the pieces of a page: as a file, or, in
// more than one piece, each piece kept where the sink keeps them.
func (w *Writer) page(name string, pieces Pieces) error {
	if len(pieces) == 1 {
		return w.sink.File(name, pieces[0])
	}
	f, err := w.sink.Create(name)
	if err != nil {
		return err
	}
	for _, p := range pieces {
		if err := put(f, p); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// article writes one article's page and parts, and keeps its summary.
func (w *Writer) article(a *briefing.Article, ra *render.Article, p *Parts) error {
	s := &p.summary
	w.counts.Notes += len(ra.Notes)
	w.counts.Pages++
	// Its notes' numbers, for the labels of other articles' links to
	// them (its own links to them carry their numbers already,
	// numberNoteLinks).
	w.noteNums[a.Slug] = noteNumbers(ra)
	if err := w.articlePageFile("content/articles/"+a.Slug+".html", p); err != nil {
		return err
	}
	if err := w.gather(w.handout, &w.handoutLater, p.handout, p.handoutRefs); err != nil {
		return err
	}
	if len(p.notes) > 0 {
		notes, err := w.notesFile()
		if err != nil {
			return err
		}
		if err := w.gather(notes, &w.notesLater, p.notes, p.notesRefs); err != nil {
			return err
		}
	}
	w.search.add(p.searchText)
	if err := put(w.searchSp, p.searchNotes); err != nil {
		return err
	}
	if err := w.ex.Add(p.export); err != nil {
		return err
	}
	w.cards = append(w.cards, s.card)
	for _, ap := range s.apps {
		w.apps[ap.claim] = append(w.apps[ap.claim], ap.appearance)
	}
	w.cites = append(w.cites, articleCites{a, s.cites})
	for i, q := range s.quotes {
		w.hrefs[[3]int{q.Article, q.Start, q.End}] = s.hrefs[i]
	}
	w.quotes = append(w.quotes, s.quotes...)
	return nil
}

// Close writes the pages and files made of every article and returns the
// briefing's counts. Problems found rendering the briefing's own Markdown
// (overview, timeline, claims, methodology) are added to errs, after those
// already there (the articles').
func (w *Writer) Close(errs *diag.List) (Counts, error) {
	if w.next != len(w.order) {
		return Counts{}, fmt.Errorf("stage: %d of %d articles staged", w.next, len(w.order))
	}
	b, r, t, sink := w.b, w.r, w.t, w.sink
	if err := w.endPages(); err != nil {
		return Counts{}, err
	}
	errs.Append(&w.oErrs)
	claims := claimsData(b, r, w.apps, errs)

	// The pages that gather every article are made from data that is only
	// read by now, each on its own, on every core, and written below in
	// their usual order (at 10,000 articles they are a second of CPU). A
	// preview's compile takes them from the last when its PagesMemo knows
	// that nothing they are made of has changed: after most note edits.
	build := func() *Pages {
		cited := citations{}
		for _, c := range w.cites {
			cited.notes(c.a, w.noteLabel[c.a.Slug], c.cites)
		}
		cited.shared(b, w.o.Timeline)
		groups := sourcesOf(b, r, cited)
		var p Pages
		parallel.For(4, func(i int) {
			switch i { // the largest first
			case 0:
				p.index = indexOf(b, w.order, w.cards, w.o, w.apps, t)
			case 1:
				p.claims = page(frontMatter{Title: "Claims", Layout: "claims"}, claimsPage(claims, r, t))
			case 2:
				p.sources = page(frontMatter{Title: "Sources", Layout: "sources"}, sourcesPage(groups, t))
			case 3:
				p.handoutEnd = handoutEnd(claims, groups, r, t)
			}
		})
		return &p
	}
	var pages *Pages
	if m, ok := w.opt.Memo.(PagesMemo); ok {
		pages = m.Pages(build)
	} else {
		pages = build()
	}

	if err := sink.File("content/_index.html", pages.index); err != nil {
		return Counts{}, err
	}
	w.counts.Pages++
	var method string // the methodology's body, on its page and in the handout
	if m := b.Methodology; m != nil {
		method = methodologyHTML(m, r, errs)
		data := page(frontMatter{
			Title: m.Title, Layout: "methodology",
			Params: map[string]any{"verdicts": verdictScale(), "kinds": kindList()},
		}, methodologyContents(r.Sections("methodology.html"), t)+method)
		if err := sink.File("content/methodology.html", data); err != nil {
			return Counts{}, err
		}
		w.counts.Pages++
	}
	files := []struct {
		name string
		data []byte
	}{
		{"content/sources.html", pages.sources},
		{"content/quotes.html", page(frontMatter{Title: "Quotes across outlets", Layout: "quotes",
			Params: map[string]any{"groups": quotesOf(w.order, w.quotes, w.hrefs)}}, "")},
	}
	for _, f := range files {
		if err := sink.File(f.name, f.data); err != nil {
			return Counts{}, err
		}
	}
	if err := w.endGather(w.handout, &w.handoutLater); err != nil {
		return Counts{}, err
	}
	if err := w.handoutTail(pages.handoutEnd); err != nil {
		return Counts{}, err
	}
	if err := w.handoutTail(handoutMethodology(b.Methodology, method, t)); err != nil {
		return Counts{}, err
	}
	if err := w.handout.Close(); err != nil {
		return Counts{}, err
	}
	if w.notes != nil {
		if err := w.endGather(w.notes, &w.notesLater); err != nil {
			return Counts{}, err
		}
		if _, err := w.notes.Write(notesCited(w.cites, r, t)); err != nil {
			return Counts{}, err
		}
		if err := w.notes.Close(); err != nil {
			return Counts{}, err
		}
	} else if err := sink.File("content/notes.html", notesNone(t)); err != nil {
		return Counts{}, err
	}

	// The search index: the articles' texts are in it, their notes
	// follow, then the claims and the sources.
	if _, err := w.searchSp.WriteTo(&searchAdder{w.search}); err != nil {
		return Counts{}, err
	}
	if err := w.searchSp.Close(); err != nil {
		return Counts{}, err
	}
	w.search.add(searchShared(b, r))
	name := w.search.end()
	if w.search.err != nil {
		return Counts{}, w.search.err
	}
	if err := w.searchFile.Close(); err != nil {
		return Counts{}, err
	}
	if err := sink.Rename(searchTemp, "static/"+name); err != nil {
		return Counts{}, err
	}
	if err := sink.File("content/search.html", page(frontMatter{Title: "Search", Layout: "search",
		Params: map[string]any{"index": name}}, "")); err != nil {
		return Counts{}, err
	}

	// The claims page, whose JSON-LD (after its body) is the exports'
	// last part.
	claimsFile, err := sink.Create("content/claims.html")
	if err != nil {
		return Counts{}, err
	}
	if err = put(claimsFile, pages.claims); err == nil {
		err = w.ex.Close(func() (io.WriteCloser, error) { return newLDWriter(claimsFile) })
	}
	err = errors.Join(err, claimsFile.Close(), w.model.Close(), w.annos.Close())
	if err != nil && errs.Len() == 0 { // with problems, nothing is published
		return Counts{}, err
	}
	w.counts.Pages += 6
	return w.counts, nil
}

// methodologyContents is the methodology page's contents, before its
// text: its sections and the verdict scale that the theme's layout puts
// after them, when it has two sections or more (render.HasContents);
// nothing otherwise. The handout has contents of its own.
func methodologyContents(sections []render.Heading, t *Text) string {
	if !render.HasContents(sections) {
		return ""
	}
	h := newHTML(t, 256+64*len(sections))
	h.toc("methodology-toc-h", "ul", func() {
		h.sectionItems(sections)
		h.tocItem("scale-h", "verdict_scale")
	}, "")
	return h.String()
}

// methodologyHTML is the methodology page's body.
func methodologyHTML(m *briefing.Page, r *render.Renderer, errs *diag.List) string {
	return r.Page(m.Body, "the methodology", "methodology.html", errs)
}

// CheckShared adds to errs the problems that a Writer finds in what it
// renders beside the articles, the briefing's own Markdown (the overview
// and the timeline, the claims, the methodology), as NewWriter and Close
// add them, in their order; it makes no page. A check (site.Check) that
// renders the articles but makes no page reports with it every problem
// that staging them would.
func CheckShared(b *briefing.Briefing, r *render.Renderer, errs *diag.List) {
	overviewData(b, r, errs)
	claimsData(b, r, nil, errs)
	if m := b.Methodology; m != nil {
		methodologyHTML(m, r, errs)
	}
}

// searchAdder writes the spooled notes documents into the index. The
// spool holds each article's documents, each after a comma, back to back:
// the comma before the first is the index's to drop. What the spool hands
// it to keep, the index may keep; what it writes (from a buffer it may
// reuse), the index copies.
type searchAdder struct{ s *searchIndex }

func (a *searchAdder) Write(p []byte) (int, error) {
	a.s.addFrom(p, false)
	return len(p), a.s.err
}

func (a *searchAdder) Keep(p []byte) error {
	a.s.add(p)
	return a.s.err
}

// Discard is a Sink that keeps nothing: "check" with
// BRIEFING_CHECK_STAGES=1 stages the whole briefing into it, making every
// page, and writes nothing (the benchmark's (b)). "check" alone makes no
// page (site.Check, with CheckShared).
type Discard struct{}

var _ Sink = Discard{}

// File implements Sink.
func (Discard) File(string, []byte) error { return nil }

// Create implements Sink.
func (Discard) Create(string) (io.WriteCloser, error) { return discard{}, nil }

// Rename implements Sink.
func (Discard) Rename(string, string) error { return nil }

// Spool implements Sink.
func (Discard) Spool() (Spool, error) { return discard{}, nil }

type discard struct{}

func (discard) Write(p []byte) (int, error)      { return len(p), nil }
func (discard) WriteTo(io.Writer) (int64, error) { return 0, nil }
func (discard) Close() error                     { return nil }

// articleCites is what an article's notes cite, as its summary keeps it.
type articleCites struct {
	a     *briefing.Article
	cites []noteCites
}
