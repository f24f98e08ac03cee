// Links to a note of an article from outside that article: in the
// handout (another article's text or notes, the overview, the timeline, a
// claim's note, the methodology), on another article's page and in
// another article's section of the all-notes page. Each is labelled in
// print with the article's name and the note's number there, once its
// numbers are known.

package stage

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// A noteRef is a link of a part of the handout (an article's, the
// overview and timeline before the articles, the claims and the
// methodology after them) to a note of an article that the part is not
// (href="#<slug>--note-<id>"), or to the passage or the marker of a note
// (cutTarget); or a link of an article's page or its section of the
// all-notes page to a note of another article, its passage, marker or
// in-text note (pageNoteRefs): at is where, in the part (or in the
// Writer's spool), its data-n attribute goes, just after the href.
//
// Printed, a link cannot be followed: a link to a note of the same
// article carries that note's number (numberNoteLinks), and the print
// stylesheet writes it after the link, "[18]". The handout holds every
// article, each with its endnotes numbered from 1, so a bare number would
// send the reader of paper to the wrong article's notes: a link to another
// article's note is labelled with that article's name as the handout
// heads it and lists it in its contents (its outlet, above the headline)
// and the note's number there, as the handout's claims table names a
// note: "[The Daily Wire, note 18]". Where two articles share an outlet,
// the headline follows it, as in the contents ("[The Daily Wire: State
// Department Flips Script…, note 18]"), long but not ambiguous.
//
// An article's page and the all-notes page are printed on their own as
// well: there a link to another article's note carries the label the
// handout gives it, where a bare number would send the reader to a note
// of the page's own article ("see the Middle East Bulletin article's note
// on it [Middle East Bulletin, note 18]").
//
// A part depends only on its own article (Parts), and in a build the
// articles are staged one after another as they are rendered: a note's
// number is known once its article is rendered. So a part keeps where
// its links are, and the Writer labels them as it writes the part, or,
// for a link to an article not staged yet, writes the handout (or the
// all-notes page) from that part on to a spool, and labels the links as
// it copies the spool into the file at the end (gather, numbering); an
// article's page with such a link goes to a spool of its own, and is
// written, labelled, at the end (articlePageFile). The handout's head,
// written before any article is staged, goes to the spool when its
// overview or timeline links an article's note; its end, written after
// every article, is labelled as it is written. Labels are put in as the
// Writer writes, never in the Parts, so that the preview, which keeps an
// article's Parts while it is not edited, labels its links with the
// numbers another article's notes have now.
type noteRef struct {
	at       int
	slug, id string
}

// crossNoteRefs returns the links in part, a part of the handout, to a
// note of an article other than own (the part's article's slug, or ""),
// in the order they come, but those of the claims table's lists of
// appearances, which name the note they lead to ("Juno News, note 3").
func crossNoteRefs(part []byte, own string) []noteRef {
	const open = `<a href="#`
	var refs []noteRef
	apps := bytes.Index(part, []byte(appearancesList))
	for i := 0; ; {
		j := bytes.Index(part[i:], []byte(open))
		if j < 0 {
			return refs
		}
		if apps >= 0 && apps < i+j {
			end := bytes.Index(part[apps:], []byte("</ul>"))
			if end < 0 {
				return refs
			}
			i = apps + end
			if apps = bytes.Index(part[i:], []byte(appearancesList)); apps >= 0 {
				apps += i
			}
			continue
		}
		i += j + len(open)
		end := bytes.IndexByte(part[i:], '"')
		if end < 0 {
			return refs
		}
		// Most links of an article's part are its markers and
		// backlinks: passed over without making strings of them.
		slug, id, ok := cutTarget(part[i : i+end])
		i += end + 1
		if !ok || string(slug) == own || bytes.HasPrefix(part[i:], []byte(" data-n=")) {
			continue
		}
		refs = append(refs, noteRef{at: i, slug: string(slug), id: string(id)})
	}
}

// An articleName is an article's name in the labels of links to its
// notes: its outlet, with its headline where several articles share it.
type articleName struct {
	outlet, title string
}

// label is the name as text: "Juno News", "The Daily Wire: State
// Department Flips Script…".
func (n articleName) label() string {
	if n.title == "" {
		return n.outlet
	}
	return n.outlet + ": " + n.title
}

// appearancesList starts a claim's list of appearances in the handout's
// claims table (handoutClaims).
const appearancesList = `<ul class="appearances">`

// targets are what, after an article's slug and "--", starts the id of a
// note (its endnote), of the passage it is on and of its marker, the
// note's id after it.
var targets = [][]byte{[]byte("--note-"), []byte("--anno-"), []byte("--ref-")}

// cutTarget returns the slug and the note's id of f, a link's fragment,
// when it names a note, its passage or its marker. A link to a passage or
// a marker of another article is labelled as one to the note is: on
// paper the reader finds the passage by the note's marker, as the claims
// table names a passage ("[Juno News, note 3]").
func cutTarget(f []byte) (slug, id []byte, ok bool) {
	for _, t := range targets {
		if slug, id, ok = bytes.Cut(f, t); ok {
			return slug, id, ok
		}
	}
	return nil, nil, false
}

// noteLabels returns the name of each article (by slug) in the labels of
// links to its notes.
func noteLabels(order []*briefing.Article) map[string]articleName {
	outlets := make(map[string]int, len(order))
	for _, a := range order {
		outlets[a.Outlet]++
	}
	names := make(map[string]articleName, len(order))
	for _, a := range order {
		name := articleName{outlet: a.Outlet}
		if outlets[a.Outlet] > 1 {
			name.title = a.Title
		}
		names[a.Slug] = name
	}
	return names
}

// refAttr returns the data-n attribute of the link ref, or "" when it
// leads to no note of a staged article. The label names the article by
// its outlet even where the link's words name it already: words that
// seem to ("the independent inquiry", "the New York Times" for an outlet
// called Times) would send a reader of paper to the wrong note. It breaks
// as text does ("note 3" kept together): kept whole, a label widened the
// claims table's first column past the sheet on narrow paper.
func (w *Writer) refAttr(ref noteRef) string {
	n, ok := w.noteNums[ref.slug][ref.id]
	if !ok {
		return ""
	}
	return ` data-n="` + esc(w.noteLabel[ref.slug].label()+", "+w.t.N("note_number", n)) + `"`
}

// A later is what a file made of every article's part (the handout, the
// all-notes page) holds back from the first part on that links a note of
// an article not staged yet: spooled, its links (at counted from the
// spool's start) labelled as it is copied into the file at the end.
type later struct {
	spool Spool
	size  int // bytes in spool
	refs  []noteRef
}

// ready reports whether every link of refs can be labelled now: it leads
// to a staged article, or to no article at all (and is left as it is).
func (w *Writer) ready(refs []noteRef) bool {
	for _, ref := range refs {
		_, staged := w.noteNums[ref.slug]
		_, article := w.noteLabel[ref.slug]
		if article && !staged {
			return false
		}
	}
	return true
}

// gather writes part, a part of dst, a file made of every article's part
// in order (the handout, the all-notes page), with its links to other
// articles' notes, refs (at counted from part's start), labelled; or to
// l's spool, when one of them leads to an article not staged yet, or
// when a part before it did.
func (w *Writer) gather(dst io.Writer, l *later, part []byte, refs []noteRef) error {
	if l.spool == nil {
		if w.ready(refs) {
			nw := &numbering{w: w, dst: dst, refs: refs}
			return nw.add(part, true)
		}
		var err error
		if l.spool, err = w.sink.Spool(); err != nil {
			return err
		}
	}
	for _, ref := range refs {
		ref.at += l.size
		l.refs = append(l.refs, ref)
	}
	l.size += len(part)
	return put(l.spool, part)
}

// endGather writes what gather spooled in l to dst, every article staged
// by now, its links labelled.
func (w *Writer) endGather(dst io.Writer, l *later) error {
	if l.spool == nil {
		return nil
	}
	defer l.spool.Close()
	_, err := l.spool.WriteTo(&numbering{w: w, dst: dst, refs: l.refs})
	return err
}

// handoutHead writes head, the handout before the articles, or, when it
// links a note of an article, which no article's numbers are known
// for yet, spools it, and the articles after it (gather).
func (w *Writer) handoutHead(head []byte) error {
	return w.gather(w.handout, &w.handoutLater, head, crossNoteRefs(head, ""))
}

// handoutTail writes part, a part of the handout after the articles (the
// claims and sources, the methodology), every article staged by now, its
// links labelled.
func (w *Writer) handoutTail(part []byte) error {
	nw := &numbering{w: w, dst: w.handout, refs: crossNoteRefs(part, "")}
	return nw.add(part, false)
}

// numbering writes what it is given to dst, with each ref's data-n
// attribute at its place (counted from the first byte given).
type numbering struct {
	w    *Writer
	dst  io.Writer
	at   int // bytes given so far
	refs []noteRef
}

func (n *numbering) Write(p []byte) (int, error) { return len(p), n.add(p, false) }

// Keep implements keeper: p is never changed afterwards, and neither is
// any part of it.
func (n *numbering) Keep(p []byte) error { return n.add(p, true) }

// add writes p, kept where dst keeps pieces when keep is true.
func (n *numbering) add(p []byte, keep bool) error {
	write := func(b []byte) error {
		if keep {
			return put(n.dst, b)
		}
		_, err := n.dst.Write(b)
		return err
	}
	last := 0
	for len(n.refs) > 0 && n.refs[0].at <= n.at+len(p) {
		k := n.refs[0].at - n.at
		if attr := n.w.refAttr(n.refs[0]); attr != "" {
			if err := write(p[last:k]); err != nil {
				return err
			}
			if _, err := io.WriteString(n.dst, attr); err != nil {
				return err
			}
			last = k
		}
		n.refs = n.refs[1:]
	}
	n.at += len(p)
	return write(p[last:])
}

// pageNoteRefs returns the links in part, an article's page or its
// section of the all-notes page (page, its path in the site: the
// article's, or "notes.html"), to a note of an article other than own, or
// to the passage, the marker or the in-text note of one (noteOfPageLink),
// in the order they come. On the article's page the label is the one the
// handout gives the link, "[Middle East Bulletin, note 7]": the reader of
// the page printed on its own has the other article's page, or the
// handout, at hand, and a bare number would send them to a note of the
// page's own article.
func pageNoteRefs(part []byte, page, own string) []noteRef {
	const open = `<a href="`
	// How part links its own article's page: the all-notes page's links
	// to each note's passage and note in the article.
	self := []byte("articles/" + own + ".html#")
	if strings.HasPrefix(page, "articles/") {
		self = self[len("articles/"):]
	}
	var refs []noteRef
	for i := 0; ; {
		j := bytes.Index(part[i:], []byte(open))
		if j < 0 {
			return refs
		}
		i += j + len(open)
		end := bytes.IndexByte(part[i:], '"')
		if end < 0 {
			return refs
		}
		v := part[i : i+end]
		i += end + 1
		// Most links of a page are to ids on the page itself (an
		// article's markers and backlinks), to the own article's page,
		// or to ids that are no note's (a claim's, a source's): passed
		// over without parsing them.
		h := bytes.IndexByte(v, '#')
		if h <= 0 || bytes.HasPrefix(v, self) || bytes.HasPrefix(part[i:], []byte(" data-n=")) {
			continue
		}
		if _, ok := render.NoteOfID(string(v[h+1:])); !ok {
			continue
		}
		if slug, id, ok := noteOfPageLink(string(v), page); ok && slug != own {
			refs = append(refs, noteRef{at: i, slug: slug, id: id})
		}
	}
}

// labelled returns pieces, a page, with the data-n attribute of each of
// refs (its links to other articles' notes, at counted from its start)
// in place: in one new piece, or pieces themselves when none of them
// leads to a note of a staged article.
func (w *Writer) labelled(pieces Pieces, refs []noteRef) Pieces {
	if !slices.ContainsFunc(refs, func(ref noteRef) bool { return w.refAttr(ref) != "" }) {
		return pieces
	}
	var b bytes.Buffer
	b.Grow(pieces.Len() + 64*len(refs))
	nw := &numbering{w: w, dst: &b, refs: refs}
	for _, p := range pieces {
		nw.add(p, false) // a bytes.Buffer does not fail
	}
	return Pieces{b.Bytes()}
}

// A keptPage is an article's page that links a note of an article not
// staged when it was: spooled, and written, labelled, at the end.
type keptPage struct {
	name string
	size int
	refs []noteRef // at counted from the page's start
}

// articlePageFile writes the page of the article whose parts are p, its
// links to other articles' notes labelled, or spools it when one of them
// leads to an article not staged yet (written by endPages). Most pages
// link no other article's note, and are written at once.
func (w *Writer) articlePageFile(name string, p *Parts) error {
	pieces, refs := p.pagePieces(), p.pageLinks()
	if w.ready(refs) {
		return w.page(name, w.labelled(pieces, refs))
	}
	if w.pages == nil {
		var err error
		if w.pages, err = w.sink.Spool(); err != nil {
			return err
		}
	}
	for _, piece := range pieces {
		if err := put(w.pages, piece); err != nil {
			return err
		}
	}
	w.kept = append(w.kept, keptPage{name: name, size: pieces.Len(), refs: refs})
	return nil
}

// endPages writes the pages articlePageFile spooled, every article
// staged by now, each whole (a Dir puts the bodies of whole pages in one
// file), its links labelled.
func (w *Writer) endPages() error {
	if w.pages == nil {
		return nil
	}
	defer w.pages.Close()
	// A sink that keeps nothing (Discard) gives nothing back, and no
	// page is written.
	_, err := w.pages.WriteTo(&pageSplitter{w: w, kept: w.kept})
	return err
}

// pageSplitter cuts the spooled pages apart as they are read back, and
// writes each, labelled.
type pageSplitter struct {
	w    *Writer
	kept []keptPage
	buf  []byte // the page being read
}

func (s *pageSplitter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && len(s.kept) > 0 {
		k := s.kept[0]
		if s.buf == nil {
			s.buf = make([]byte, 0, k.size)
		}
		c := min(len(p), k.size-len(s.buf))
		s.buf, p = append(s.buf, p[:c]...), p[c:]
		if len(s.buf) == k.size {
			// A sink may keep the page: the next is read into
			// another buffer.
			if err := s.w.page(k.name, s.w.labelled(Pieces{s.buf}, k.refs)); err != nil {
				return 0, err
			}
			s.buf, s.kept = nil, s.kept[1:]
		}
	}
	if len(p) > 0 {
		return 0, errors.New("stage: the spool of pages is longer than the pages spooled")
	}
	return n, nil
}
