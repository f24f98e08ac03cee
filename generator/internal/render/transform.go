package render

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/briefing/annotated/generator/internal/anchor"
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// Context keys through which the transformer receives the notes and hands
// back what it found. Transformers cannot return errors, so problems are
// collected in the parser context and checked right after parsing.
var (
	notesKey  = parser.NewContextKey()
	resultKey = parser.NewContextKey()
)

// anchorInput is what the transformer needs for one document.
type anchorInput struct {
	notes []*briefing.Note
	body  briefing.Markdown
	ctx   anchor.Context     // what else its page shows (anchor.ResolveIn)
	label func(n int) string // a marker's name (Renderer.NameMarkers), or nil
	// lang is the markers' language, the site's in an article marked with
	// another (briefing.Foreign), or "".
	lang string
	errs *diag.List
}

// anchorResult is what the transformer found.
type anchorResult struct {
	spans  []anchor.Span
	blocks []*anchor.Block
	order  []*NoteRef // markers in reading order
}

// transformer anchors the notes and wraps each passage in Marks followed by
// a NoteRef.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	in, ok := pc.Get(notesKey).(*anchorInput)
	if !ok {
		return
	}
	source := reader.Source()
	blocks := anchor.Extract(doc, source, in.body)
	spans := anchor.ResolveIn(blocks, in.notes, in.ctx, in.errs)
	res := &anchorResult{spans: spans, blocks: blocks}
	pc.Set(resultKey, res)

	// Outer passages first, so inner ones wrap inside them, block by
	// block. Of two notes on the same passage the one listed later is
	// the outer: its marker follows the other's, so that they are
	// numbered in the order the notes file lists them.
	blockAt := make(map[*anchor.Block]int, len(blocks))
	for i, b := range blocks {
		blockAt[b] = i
	}
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := spans[order[i]], spans[order[j]]
		switch {
		case a.Block != b.Block:
			return blockAt[a.Block] < blockAt[b.Block]
		case a.Start != b.Start:
			return a.Start < b.Start
		case a.End != b.End:
			return a.End > b.End
		}
		return order[i] > order[j]
	})
	sorted := make([]anchor.Span, len(spans))
	for i, k := range order {
		sorted[i] = spans[k]
	}
	leaves := 0
	for _, blk := range blocks {
		leaves += len(blk.Leaves)
	}
	// Room for the leaves, and for the pieces wrapping cuts them into.
	w := &wrapper{source: source, ranges: make(map[ast.Node]leafRange, leaves+4*len(spans))}
	for _, blk := range blocks {
		for _, l := range blk.Leaves {
			w.ranges[l.Node] = leafRange{l.Start, l.End, l.Atomic}
		}
	}
	for _, s := range sorted {
		w.wrapSpan(s)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*NoteRef); ok && entering {
			r.Number = len(res.order) + 1
			if in.label != nil {
				r.Label = in.label(r.Number)
			}
			r.Lang = in.lang
			res.order = append(res.order, r)
		}
		return ast.WalkContinue, nil
	})
	addSlots(doc, res.order)
}

// addSlots puts a NoteSlot after each top-level block that holds markers.
func addSlots(doc *ast.Document, order []*NoteRef) {
	var slot *NoteSlot
	var block ast.Node
	for _, r := range order {
		var top ast.Node = r
		for top.Parent() != nil && top.Parent() != ast.Node(doc) {
			top = top.Parent()
		}
		if top != block {
			block = top
			slot = &NoteSlot{}
			doc.InsertAfter(doc, top, slot)
		}
		slot.NoteIDs = append(slot.NoteIDs, r.NoteID)
	}
}

type wrapper struct {
	source []byte
	ranges map[ast.Node]leafRange // visible range of each leaf in its block
}

// leafRange is the visible range [start, end) of a leaf in its block, and
// whether it can be cut.
type leafRange struct {
	start, end int
	atomic     bool
}

// extent is the visible range a node covers; ok is false for a node with no
// text at all.
func (w *wrapper) extent(n ast.Node) (int, int, bool) {
	if r, ok := w.ranges[n]; ok {
		return r.start, r.end, true
	}
	lo, hi, any := 0, 0, false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s, e, ok := w.extent(c)
		if !ok {
			continue
		}
		if !any || s < lo {
			lo = s
		}
		if !any || e > hi {
			hi = e
		}
		any = true
	}
	return lo, hi, any
}

func (w *wrapper) wrapSpan(s anchor.Span) {
	n := s.Note
	first := true
	var last ast.Node
	mk := func() *Mark {
		m := &Mark{NoteID: n.ID, First: first, NoteKind: string(n.Kind), Verdict: string(n.Verdict)}
		first = false
		return m
	}
	w.wrapRange(s.Block.Node, s.Start, s.End, mk, &last)
	if last == nil {
		return
	}
	// The marker is a link, and HTML has no link in a link: a passage that
	// ends inside a link's text has its marker right after the link.
	end := s.End
	for p := last.Parent(); p != nil && p != s.Block.Node; p = p.Parent() {
		if p.Kind() == ast.KindLink {
			last = p
			_, end, _ = w.extent(p)
		}
	}
	ref := &NoteRef{NoteID: n.ID}
	w.ranges[ref] = leafRange{start: end, end: end}
	last.Parent().InsertAfter(last.Parent(), last, ref)
}

// wrapRange moves every maximal run of parent's children that lies within
// [s, e) into a new Mark, cutting text at the boundaries and descending into
// inline containers that straddle one.
func (w *wrapper) wrapRange(parent ast.Node, s, e int, mk func() *Mark, last *ast.Node) {
	var run []ast.Node
	flush := func() {
		if len(run) == 0 {
			return
		}
		m := mk()
		parent.InsertBefore(parent, run[0], m)
		for _, c := range run {
			m.AppendChild(m, c) // AppendChild detaches c from parent
		}
		*last = m
		run = nil
	}
	var room [16]ast.Node
	children := room[:0]
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		children = append(children, c)
	}
	for _, c := range children {
		cs, ce, ok := w.extent(c)
		switch {
		case !ok:
			flush()
		case cs == ce: // an empty node, such as a marker: inside only strictly
			if s < cs && cs < e {
				run = append(run, c)
			} else {
				flush()
			}
		case ce <= s || cs >= e:
			flush()
		case s <= cs && ce <= e:
			run = append(run, c)
		default:
			if r, leaf := w.ranges[c]; leaf && !r.atomic {
				for _, p := range w.split(c, s, e) {
					ps, pe := w.ranges[p].start, w.ranges[p].end
					if s <= ps && pe <= e && ps < pe {
						run = append(run, p)
					} else {
						flush()
					}
				}
				continue
			}
			flush()
			w.wrapRange(c, s, e, mk, last)
		}
	}
	flush()
}

// split cuts a text leaf at s and e (where they fall inside it) into
// Literals, in place, and returns the pieces in order.
func (w *wrapper) split(n ast.Node, s, e int) []ast.Node {
	r := w.ranges[n]
	var value string
	brk := NoBreak
	switch t := n.(type) {
	case *ast.Text:
		value = anchor.Visible(t, w.source)
		if t.HardLineBreak() {
			brk = HardBreak
		} else if t.SoftLineBreak() {
			brk = SoftBreak
		}
	case *ast.String:
		value = string(t.Value)
	case *Literal:
		value, brk = t.Value, t.Break
	default:
		return []ast.Node{n}
	}
	cuts := make([]int, 1, 4)
	cuts[0] = r.start
	for _, c := range [2]int{s, e} {
		if c > r.start && c < r.end {
			cuts = append(cuts, c)
		}
	}
	cuts = append(cuts, r.end)
	parent := n.Parent()
	out := make([]ast.Node, 0, len(cuts)-1)
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i]-r.start, cuts[i+1]-r.start
		lit := &Literal{}
		// The trailing line break is the last visible byte, beyond value.
		if b > len(value) {
			b = len(value)
			lit.Break = brk
		}
		if a > len(value) {
			a = len(value)
		}
		lit.Value = value[a:b]
		w.ranges[lit] = leafRange{start: cuts[i], end: cuts[i+1]}
		parent.InsertBefore(parent, n, lit)
		out = append(out, lit)
	}
	parent.RemoveChild(parent, n)
	delete(w.ranges, n)
	return out
}
