package render

import (
	"html"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension is the goldmark extension for annotated articles: an AST
// transformer that anchors the notes and wraps each passage, and an HTML
// renderer for the passages, markers and cut text. The notes reach the
// transformer through the parser context (see Renderer.Article).
type Extension struct{}

// Extend implements goldmark.Extender.
func (Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
}

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMark, renderMark)
	reg.Register(KindNoteRef, renderNoteRef)
	reg.Register(KindLiteral, renderLiteral)
	reg.Register(KindNoteSlot, renderNoteSlot)
}

func renderMark(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Mark)
	if !entering {
		_, _ = w.WriteString("</mark>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<mark class="anno anno-` + n.NoteKind)
	if n.Verdict != "" {
		_, _ = w.WriteString(" verdict-" + n.Verdict)
	}
	_, _ = w.WriteString(`" data-note="` + n.NoteID + `"`)
	if n.First {
		_, _ = w.WriteString(` id="anno-` + n.NoteID + `"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

func renderNoteRef(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*NoteRef)
	num := strconv.Itoa(n.Number)
	_, _ = w.WriteString(`<sup class="noteref-wrap"><a href="#note-` + n.NoteID + `" id="ref-` + n.NoteID +
		`" role="doc-noteref" class="noteref" data-note="` + n.NoteID + `">` + num + `</a></sup>`)
	return ast.WalkContinue, nil
}

func renderLiteral(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Literal)
	_, _ = w.WriteString(html.EscapeString(n.Value))
	switch n.Break {
	case HardBreak:
		_, _ = w.WriteString("<br>\n")
	case SoftBreak:
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

func renderNoteSlot(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	for _, id := range node.(*NoteSlot).NoteIDs {
		_, _ = w.WriteString("<!--note " + id + "-->\n")
	}
	return ast.WalkSkipChildren, nil
}
