package render

import (
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
	_, _ = w.WriteString(`<mark class="anno anno-`)
	_, _ = w.WriteString(n.NoteKind)
	if n.Verdict != "" {
		_, _ = w.WriteString(" verdict-")
		_, _ = w.WriteString(n.Verdict)
	}
	_, _ = w.WriteString(`" data-note="`)
	_, _ = w.WriteString(n.NoteID)
	_ = w.WriteByte('"')
	if n.First {
		_, _ = w.WriteString(` id="anno-`)
		_, _ = w.WriteString(n.NoteID)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func renderNoteRef(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*NoteRef)
	_, _ = w.WriteString(`<sup class="noteref-wrap"><a href="#note-`)
	_, _ = w.WriteString(n.NoteID)
	_, _ = w.WriteString(`" id="ref-`)
	_, _ = w.WriteString(n.NoteID)
	_, _ = w.WriteString(`" role="doc-noteref" class="noteref" data-note="`)
	_, _ = w.WriteString(n.NoteID)
	if n.Label != "" {
		_, _ = w.WriteString(`" aria-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Label)))
	}
	if n.Lang != "" {
		_, _ = w.WriteString(`" lang="`)
		_, _ = w.WriteString(n.Lang)
	}
	_, _ = w.WriteString(`">`)
	var num [20]byte
	_, _ = w.Write(strconv.AppendInt(num[:0], int64(n.Number), 10))
	_, _ = w.WriteString(`</a></sup>`)
	return ast.WalkContinue, nil
}

func renderLiteral(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Literal)
	writeEscaped(w, n.Value)
	switch n.Break {
	case HardBreak:
		_, _ = w.WriteString("<br>\n")
	case SoftBreak:
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// writeEscaped writes s escaped as html.EscapeString escapes it.
func writeEscaped(w util.BufWriter, s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		_, _ = w.WriteString(s[from:i])
		_, _ = w.WriteString(esc)
		from = i + 1
	}
	_, _ = w.WriteString(s[from:])
}

func renderNoteSlot(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	for _, id := range node.(*NoteSlot).NoteIDs {
		_, _ = w.WriteString("<!--note ")
		_, _ = w.WriteString(id)
		_, _ = w.WriteString("-->\n")
	}
	return ast.WalkSkipChildren, nil
}
