package render

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// Headings' ids. Every heading of an article, the overview and the
// methodology (## and lower) has an id, so that a note, a claim or a
// reader can link to a section: made from its words as shown, much as
// GitHub and Hugo make one ("What the verdicts mean" is
// what-the-verdicts-mean; a second heading of the same words takes -1, a
// third -2), or, in the overview and the methodology, given after it as
// Hugo reads one: "## What the verdicts mean {#verdicts}". An article's
// text is reproduced as its outlet wrote it: braces after its headings
// are words.
//
// A heading's id must not take one the page, or its part of the handout,
// already has: the page's own (pageIDs, handoutIDs) and the numbered ones
// the generator gives (reservedPrefixes). A made id that would is given
// "section-" before it ("## Main" is section-main); a given one is an
// error.

// pageIDs are the ids a page may have besides its headings' and the
// numbered ones (reservedPrefixes), that a link may name: the theme's and
// the generator's own, by page ("article" for every article's). Which of
// them a page has in a briefing, siteMap.ownIDs says.
var pageIDs = map[string][]string{
	"index.html":       {"main", "home-toc-h", "timeline-h", "articles-h", "matrix-h", "matrix-caption"},
	"methodology.html": append([]string{"main", "methodology-toc-h", "scale-h"}, verdictIDs()...),
	"article":          {"main", "notes-h", "cited-h"},
}

// listIDs are the ids the claims, sources and search pages have besides
// their entries' (claim-<id> and its heading's claim-<id>-h, src-<id>):
// those pages have no headings of the editors', so no heading need avoid
// them.
var listIDs = map[string][]string{
	"claims.html": {"main", "claims-toc-h", "cited-h"},
	// The contents, then the groups (SourceGroups).
	"sources.html": append([]string{"main", "sources-toc-h"}, groupIDs()...),
	"search.html":  {"main", "search-q", "search-status", "search-results"},
}

// handoutIDs are the ids an article's part of the handout has besides
// its page's, under the article's prefix.
var handoutIDs = []string{"title"}

// reservedPrefixes start the numbered ids the generator gives: a note's
// (notePrefixes) and a timeline entry's.
var reservedPrefixes = append(append([]string(nil), notePrefixes...), "event-")

// ReservedID reports whether a heading may not have id: a page's own, or
// one that starts as the generator's numbered ids do. The tests hold it
// to what the built pages have (TestPageIDsReserved).
func ReservedID(id string) bool {
	for _, ids := range pageIDs {
		if slices.Contains(ids, id) {
			return true
		}
	}
	if slices.Contains(handoutIDs, id) {
		return true
	}
	for _, p := range reservedPrefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// slugOf is the id GitHub and Hugo make of a heading's words: in lower
// case, each space a hyphen, every character but letters, digits, marks,
// hyphens and underscores left out.
func slugOf(words string) string {
	var b strings.Builder
	b.Grow(len(words))
	for _, r := range strings.TrimSpace(words) {
		switch {
		case idRune(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// headingIDs gives each heading of doc below level one (a level-one
// heading is an error of its own) its id, and returns them in the order
// of the text. When given, ids may be given after headings ({#id}, which
// the parser read): only an id, once on the page, not one the page has
// already, and braces with a # that could not be read as one are an error.
// An article's text is reproduced as its outlet wrote it, braces and all:
// its headings' ids are all made.
func headingIDs(doc ast.Node, source []byte, md briefing.Markdown, what string, given bool, errs *diag.List) []string {
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch x := n.(type) {
		case *ast.Heading:
			if x.Level > 1 && entering {
				hs = append(hs, x)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil // a heading is a block: not in there
		}
		return ast.WalkContinue, nil
	})
	if len(hs) == 0 {
		return nil
	}
	ids := make([]string, len(hs))
	taken := make(map[string]bool, len(hs))
	// The ids given come first: a made one gives way to them, wherever
	// they are on the page.
	for i, h := range hs {
		if given {
			unreadBraces(h, source, md, what, errs)
		}
		if h.Attributes() == nil {
			continue
		}
		at := md.PosAt(attrsStart(h, source))
		v, hasID := h.AttributeString("id")
		id, _ := v.([]byte)
		for _, a := range h.Attributes() {
			if string(a.Name) != "id" {
				errs.Add(at, "a heading in %s takes only an id after it, like {#sources}: %s is not kept (to show braces as text, write \\{)", what, attrName(a.Name))
			}
		}
		h.RemoveAttributes()
		switch s := string(id); {
		case !hasID:
		case !isName(s):
			errs.Add(at, "the id given to a heading in %s is not a name: write it like {#sources}, with letters, digits, hyphens and underscores", what)
		case ReservedID(s):
			errs.Add(at, "the id %q given to a heading in %s is one the briefing's pages give their own parts (main, notes-h, title…), or starts as the ids of notes and timeline entries do (%s): choose another", s, what, strings.Join(reservedPrefixes, ", "))
		case taken[s]:
			errs.Add(at, "the id %q is given to two headings in %s: each heading's id must be its own", s, what)
		default:
			taken[s] = true
			ids[i] = s
			h.SetAttributeString("id", id)
		}
	}
	for i, h := range hs {
		if ids[i] != "" {
			continue
		}
		base := slugOf(headingText(h, source))
		if base == "" {
			base = "section"
		}
		for n := 0; ; n++ {
			id := base
			if n > 0 {
				id += "-" + strconv.Itoa(n)
			}
			if ReservedID(id) {
				id = "section-" + id
			}
			if !taken[id] {
				taken[id] = true
				ids[i] = id
				break
			}
		}
		h.SetAttributeString("id", []byte(ids[i]))
	}
	return ids
}

// Heading is a section of a page's own text: the id and the words of its
// heading.
type Heading struct {
	ID, Text string
}

// HasContents reports whether a page of these sections has a list of
// them before its text: the methodology does with two or more.
func HasContents(sections []Heading) bool { return len(sections) >= 2 }

// sectionsOf returns the sections of doc, whose headings have their ids
// (headingIDs): its ## headings, in the order of the text.
func sectionsOf(doc ast.Node, source []byte) []Heading {
	var out []Heading
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok || h.Level != 2 {
			continue
		}
		if id, ok := h.AttributeString("id"); ok {
			if v, ok := id.([]byte); ok {
				out = append(out, Heading{ID: string(v), Text: strings.Join(strings.Fields(headingText(h, source)), " ")})
			}
		}
	}
	return out
}

// unreadBraces reports braces with a # in them at the end of heading h's
// line, as written, that the parser did not read as attributes (a
// character an id cannot have, or a second pair): they would be shown. A
// brace escaped (\{), written as a reference (&#123;) or in a code span is
// text, meant to be shown.
func unreadBraces(h *ast.Heading, source []byte, md briefing.Markdown, what string, errs *diag.List) {
	if h.Lines().Len() == 0 {
		return
	}
	last := h.Lines().At(h.Lines().Len() - 1)
	line := bytes.TrimRight(source[last.Start:last.Stop], " \t#")
	open := bytes.LastIndexByte(line, '{')
	if !bytes.HasSuffix(line, []byte("}")) || open < 0 || !bytes.ContainsRune(line[open:], '#') ||
		open > 0 && line[open-1] == '\\' || bytes.Count(line[:open], []byte("`"))%2 == 1 {
		return
	}
	errs.Add(md.PosAt(last.Start+open), "the braces after a heading in %s are not read as an id, and would be shown: an id is letters, digits, hyphens and underscores, like {#sources}, and a heading has one (to show braces as text, write \\{)", what)
}

// isName reports whether an id given to a heading is letters, digits,
// marks, hyphens and underscores: nothing an address or an attribute
// would have to escape.
func isName(s string) bool {
	for _, r := range s {
		if !idRune(r) {
			return false
		}
	}
	return s != ""
}

// idRune reports whether r may be in a heading's id, made or given: a
// letter, a digit, a mark, a hyphen or an underscore.
func idRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || r == '-' || r == '_'
}

// attrName is how an attribute given after a heading was written: ".x"
// for a class.
func attrName(name []byte) string {
	if string(name) == "class" {
		return "a class (.name)"
	}
	return strconv.Quote(string(name))
}

// attrsStart is where the attributes given after heading h start in
// source: the "{" after its text, on its last line.
func attrsStart(h *ast.Heading, source []byte) int {
	if h.Lines().Len() == 0 {
		return 0
	}
	last := h.Lines().At(h.Lines().Len() - 1)
	end := bytes.IndexByte(source[last.Stop:], '\n')
	if end < 0 {
		end = len(source) - last.Stop
	}
	if i := bytes.IndexByte(source[last.Stop:last.Stop+end], '{'); i >= 0 {
		return last.Stop + i
	}
	return last.Start
}

// headingText is the words of heading h, or of any other node, as a
// reader sees them.
func headingText(h ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Text:
			// As goldmark writes it: escapes and references resolved.
			v := x.Segment.Value(source)
			b.Write(util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(v))))
			if x.SoftLineBreak() || x.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *Literal: // a piece cut around a note's passage, unescaped
			b.WriteString(x.Value)
			if x.Break != NoBreak {
				b.WriteByte(' ')
			}
		case *ast.CodeSpan: // shown as written, references and all
			for c := x.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.String:
			b.Write(x.Value)
		case *ast.AutoLink:
			b.Write(x.Label(source))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// PageIDs are the ids that page (a path from the site's root) has besides
// its headings' and the numbered ones the generator gives: the theme's
// and the generator's own. It returns nil for a page that has no
// headings.
func PageIDs(page string) []string {
	if ids, ok := listIDs[page]; ok {
		return ids
	}
	if strings.HasPrefix(page, "articles/") {
		return pageIDs["article"]
	}
	return pageIDs[page]
}
