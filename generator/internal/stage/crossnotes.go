// Links, in the handout, to a note of an article from outside that article
// (another article's text or notes, the overview, the timeline, a claim's
// note, the methodology): numbered in print as that article's notes are,
// once its numbers are known.

package stage

import (
	"bytes"
	"io"
	"slices"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// A noteRef is a link of a part of the handout (an article's, the
// overview and timeline before the articles, the claims and the
// methodology after them) to a note of an article that the part is not
// (href="#<slug>--note-<id>"), or to the passage or the marker of a note
// (cutTarget): at is where, in the part (or in the Writer's spool), its
// data-n attribute goes, just after the href.
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
// A part depends only on its own article (Parts), and in a build the
// articles are staged one after another as they are rendered: a note's
// number is known once its article is rendered. So a part keeps where
// its links are, and the Writer labels them as it writes the part, or,
// for a link to an article not staged yet, writes the handout from that
// part on to a spool, and labels the links as it copies the spool into
// the handout at the end (numbering). The handout's head, written before
// any article is staged, goes to the spool when its overview or timeline
// links an article's note; its end, written after every article, is
// labelled as it is written.
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

// handoutPart writes the article's handout part p (ra its rendering), its
// links to other articles' notes labelled (noteRef), and keeps its notes'
// numbers for the links of other articles.
func (w *Writer) handoutPart(a *briefing.Article, ra *render.Article, p *Parts) error {
	nums := make(map[string]int, len(ra.Notes))
	for _, n := range ra.Notes {
		nums[n.ID] = n.Number
	}
	w.noteNums[a.Slug] = nums
	if w.later == nil {
		ready := true
		for _, ref := range p.handoutRefs {
			_, staged := w.noteNums[ref.slug]
			_, article := w.noteLabel[ref.slug]
			ready = ready && (staged || !article)
		}
		if ready {
			nw := &numbering{w: w, dst: w.handout, refs: p.handoutRefs}
			return nw.add(p.handout, true)
		}
		var err error
		if w.later, err = w.sink.Spool(); err != nil {
			return err
		}
	}
	for _, ref := range p.handoutRefs {
		ref.at += w.spooled
		w.laterRefs = append(w.laterRefs, ref)
	}
	w.spooled += len(p.handout)
	return put(w.later, p.handout)
}

// handoutHead writes head, the handout before the articles, or, when it
// links a note of an article, which no article's numbers are known
// for yet, spools it, and the articles after it (handoutPart).
func (w *Writer) handoutHead(head []byte) error {
	refs := crossNoteRefs(head, "")
	refs = slices.DeleteFunc(refs, func(ref noteRef) bool {
		_, article := w.noteLabel[ref.slug]
		return !article
	})
	if len(refs) == 0 {
		_, err := w.handout.Write(head)
		return err
	}
	var err error
	if w.later, err = w.sink.Spool(); err != nil {
		return err
	}
	w.laterRefs, w.spooled = refs, len(head)
	return put(w.later, head)
}

// endHandoutParts writes what handoutPart spooled to the handout, every
// article staged by now, its links labelled.
func (w *Writer) endHandoutParts() error {
	if w.later == nil {
		return nil
	}
	defer w.later.Close()
	_, err := w.later.WriteTo(&numbering{w: w, dst: w.handout, refs: w.laterRefs})
	return err
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
