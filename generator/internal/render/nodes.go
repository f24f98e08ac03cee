package render

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindMark is the kind of a highlighted, annotated passage.
var KindMark = ast.NewNodeKind("AnnotationMark")

// KindNoteRef is the kind of a note marker.
var KindNoteRef = ast.NewNodeKind("NoteRef")

// KindLiteral is the kind of a piece of text cut from an *ast.Text.
var KindLiteral = ast.NewNodeKind("Literal")

// Mark is a highlighted passage that a note annotates. A passage that spans
// inline elements (emphasis, a link) is held by several Marks, one per run of
// siblings; the first carries the passage's id.
type Mark struct {
	ast.BaseInline
	NoteID   string
	First    bool
	NoteKind string // the note's kind, for styling
	Verdict  string
}

// Kind implements ast.Node.
func (n *Mark) Kind() ast.NodeKind { return KindMark }

// Dump implements ast.Node.
func (n *Mark) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"NoteID": n.NoteID, "First": fmt.Sprint(n.First)}, nil)
}

// NoteRef is the numbered marker that follows an annotated passage and links
// to its note.
type NoteRef struct {
	ast.BaseInline
	NoteID string
	Number int
	Label  string // its name for assistive technology ("Note 3"); "": its number
	// Lang is the language of its name, the site's, in an article whose
	// text is marked with another (lang="de"); "" in one that is not.
	Lang string
}

// Kind implements ast.Node.
func (n *NoteRef) Kind() ast.NodeKind { return KindNoteRef }

// Dump implements ast.Node.
func (n *NoteRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"NoteID": n.NoteID, "Number": fmt.Sprint(n.Number)}, nil)
}

// Break says how a Literal ends.
type Break int

// The ways a line can end.
const (
	NoBreak Break = iota
	SoftBreak
	HardBreak
)

// Literal is visible text, already unescaped: what remains of an *ast.Text
// cut at a passage boundary.
type Literal struct {
	ast.BaseInline
	Value string
	Break Break
}

// Kind implements ast.Node.
func (n *Literal) Kind() ast.NodeKind { return KindLiteral }

// Dump implements ast.Node.
func (n *Literal) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Value": n.Value}, nil)
}

// KindNoteSlot is the kind of the place where a block's notes go.
var KindNoteSlot = ast.NewNodeKind("NoteSlot")

// NoteSlot follows a top-level block (a paragraph, heading, block quote or
// list) that holds note markers, and stands for those notes, in the order of
// their markers. It renders as one HTML comment per note, <!--note ID-->,
// which package stage replaces with the note's in-text form (a sidenote on wide
// screens, a disclosure below the block on narrow ones): notes may hold
// paragraphs and lists, which cannot sit inside the block itself.
type NoteSlot struct {
	ast.BaseBlock
	NoteIDs []string
}

// Kind implements ast.Node.
func (n *NoteSlot) Kind() ast.NodeKind { return KindNoteSlot }

// Dump implements ast.Node.
func (n *NoteSlot) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"NoteIDs": fmt.Sprint(n.NoteIDs)}, nil)
}
