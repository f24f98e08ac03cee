package render

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/weburl"
)

// linkProblem says why a link destination is not allowed, or "" when it is:
// http, https and mailto addresses and relative links are.
func linkProblem(dest string) string { return linkProblemIn(dest, true) }

// linkProblemIn is linkProblem, which tells a host name with no dot only
// when public: not in an article's text, reproduced as its outlet
// published it, which may link a host of its own network
// (http://intranet/…), where the briefing's own words link the web.
func linkProblemIn(dest string, public bool) string {
	d := strings.TrimSpace(dest)
	if strings.Contains(d, "&") {
		// CommonMark reads a character reference in a link's address
		// (java&#115;cript: is javascript:, in the page's href): only
		// one closed by its semicolon, where HTML takes some without.
		d = briefing.CharRefRE.ReplaceAllStringFunc(d, html.UnescapeString)
	}
	if strings.HasPrefix(d, "//") {
		return "is a protocol-relative address: write it in full, starting with https://"
	}
	if r, n := utf8.DecodeRuneInString(d); strings.ContainsRune(quoteMarks, r) && secondAddressRE.MatchString(d[n:]) {
		// [text](“https://…”): quoted, as a word processor or a
		// citation writes an address, where it was told not allowed.
		return "is between quote marks, which are no part of an address: remove them"
	}
	if title, space := oddSpacedTitle([]byte(d)); title != "" {
		// [text](address “title”) after a no-break space, as a word
		// processor puts before a quote: CommonMark's address may hold
		// one, so the title is read as part of it (review h92f C1).
		return fmt.Sprintf("ends with a title in curly quotes after %s, which makes the title part of the address: write a plain space, and the title between straight quotes, %s, or remove them", space, straightQuoted(title))
	}
	u, err := url.Parse(d)
	if err != nil {
		// A scheme hidden behind characters url.Parse refuses is still a scheme.
		if i := strings.IndexByte(d, ':'); i > 0 && !strings.ContainsAny(d[:i], "/?#") {
			return "is not an allowed address: links are to http, https or mailto addresses, or relative ones to the briefing's own pages"
		}
		return "is not a valid address"
	}
	switch strings.ToLower(u.Scheme) {
	case "mailto":
		if u.Opaque == "" && u.RawQuery == "" { // mailto:?subject=… leaves the address to the reader
			return "has no address: write it like mailto:desk@example.org"
		}
		return ""
	case "", "http", "https":
		if d == "#" {
			return "links to the top of the page it is on, as a placeholder does: give the address, or remove the [ ] to leave the text plain"
		}
		if u.Scheme != "" {
			if msg := weburl.SchemeTwiceProblem(d); msg != "" {
				return msg
			}
			if !public {
				return weburl.AnyHostProblem(u)
			}
			return weburl.AbsoluteProblem(u)
		}
		return ""
	}
	return "uses the " + strings.ToLower(u.Scheme) + ": scheme: links are to http, https or mailto addresses, or relative ones to the briefing's own pages"
}

// checkMarkdown reports what a briefing's Markdown may not contain: raw HTML,
// images (they would be fetched from elsewhere) and links other than http,
// https, mailto and relative ones; and headings, unless headings: then
// level-one headings only, as the page's title is its one h1. Each
// relative link goes to relative, with its place, to be checked against the
// site (Renderer.CheckLinks).
func checkMarkdown(doc ast.Node, source []byte, md briefing.Markdown, what string, headings bool, relative func(Link), errs *diag.List) {
	// posOf finds a link's destination in the text, after the last one
	// found (the walk meets links in the order they are written, and an
	// address may be given twice) or else anywhere: written whole after
	// "](" ("](a.html)" is not where "a" is), else after "](" (another
	// link's destination may end with it), else anywhere (a reference
	// definition, an autolink).
	level := 1   // the last heading's, as it is to be written: the title's to start with
	toldAt := -1 // where that heading is, when it was told to be written so
	seen := 0    // the end of the last block read with lines of its own
	from := 0
	posOf := func(needle string) diag.Pos {
		if needle == "" {
			return md.PosAt(0)
		}
		forms := [...]struct {
			text string
			skip int // bytes before the destination
		}{
			{"](" + needle + ")", 2}, {"](" + needle + " ", 2}, {"](<" + needle + ">", 3},
			{"](" + needle, 2}, {needle, 0},
		}
		for _, start := range []int{from, 0} {
			for _, f := range forms {
				if i := strings.Index(md.Text[start:], f.text); i >= 0 {
					at := start + i + f.skip
					from = at + len(needle)
					return md.PosAt(at)
				}
			}
		}
		return md.PosAt(0)
	}
	// defPos finds the address of a reference link's definition
	// ("[label]: address"), which may come before or after its uses.
	defPos := func(needle string) diag.Pos {
		for i := 0; ; {
			j := strings.Index(md.Text[i:], "]:")
			if j < 0 {
				break
			}
			at := i + j + 2
			for at < len(md.Text) && (md.Text[at] == ' ' || md.Text[at] == '\t' || md.Text[at] == '<') {
				at++
			}
			if strings.HasPrefix(md.Text[at:], needle) {
				return md.PosAt(at)
			}
			i = i + j + 2
		}
		return posOf(needle)
	}
	// An HTML comment (an editor's reminder, say) is raw HTML too, which
	// the page would carry for anyone to read in its source.
	const commentAdvice = "an HTML comment (<!-- … -->) is not allowed in %s: it would be published in the page's source; remove it, and keep notes to editors outside the briefing's files"
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			defer func(end int) { seen = max(seen, end) }(n.Lines().At(n.Lines().Len() - 1).Stop)
		}
		switch x := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			raw := ""
			if b, ok := x.(*ast.HTMLBlock); ok && b.Lines().Len() > 0 {
				seg := b.Lines().At(0)
				if b.HTMLBlockType == ast.HTMLBlockType2 {
					errs.AddErr(md.PosAt(seg.Start), diag.ErrUnsafeInput, commentAdvice, what)
					return ast.WalkSkipChildren, nil
				}
				errs.AddErr(md.PosAt(seg.Start), diag.ErrUnsafeInput, "raw HTML is not allowed in %s: write it as Markdown, or escape the < as \\<", what)
				return ast.WalkSkipChildren, nil
			}
			if r, ok := x.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
				seg := r.Segments.At(0)
				raw = string(seg.Value(source))
				if strings.HasPrefix(raw, "<!--") {
					errs.AddErr(md.PosAt(seg.Start), diag.ErrUnsafeInput, commentAdvice, what)
					break
				}
				errs.AddErr(md.PosAt(seg.Start), diag.ErrUnsafeInput, "raw HTML (%s) is not allowed in %s: write it as Markdown, or escape the < as \\<", raw, what)
			}
		case *ast.Link:
			d := string(x.Destination)
			if strings.TrimSpace(d) == "" {
				// [text]() is a link to the page it is on: an address
				// left out, not meant.
				pos := md.PosAt(0)
				if t := firstText(x); t != nil {
					if i := bytes.LastIndexByte(source[:t.Segment.Start], '['); i >= 0 {
						pos = md.PosAt(i)
					}
				}
				errs.Add(pos, "a link with no address in %s: put the address between the ( ) after the link's text, or remove the [ ] to leave the text plain", what)
				break
			}
			var pos diag.Pos
			if x.Reference != nil {
				pos = defPos(d) // [text][label]: the address is in [label]: …
			} else {
				pos = posOf(d)
			}
			if p := linkProblemIn(d, what != "an article"); p != "" {
				errs.AddErr(pos, diag.ErrUnsafeInput, "the link %q %s", d, p)
			} else if IsRelative(d) || strings.HasPrefix(d, "/") {
				relative(Link{Dest: d, Pos: pos})
			}
		case *ast.AutoLink:
			u := string(x.URL(source))
			if x.AutoLinkType == ast.AutoLinkURL {
				if p := linkProblemIn(u, what != "an article"); p != "" {
					errs.AddErr(posOf(u), diag.ErrUnsafeInput, "the link %q %s", u, p)
				}
			}
		case *ast.Paragraph:
			tableIn(x.Lines(), source, md, what, errs)
		case *ast.TextBlock:
			tableIn(x.Lines(), source, md, what, errs)
		case *ast.Text:
			if _, ok := x.PreviousSibling().(*ast.Text); !ok {
				marksIn(x, source, md, what, errs)
			}
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil // shown as written
		case *ast.CodeBlock:
			// A paragraph indented by four spaces or a tab, as text
			// copied from a page may be, or a line of a note's YAML block
			// text indented further than the rest: Markdown makes it
			// code. (A fenced block, ``` … ```, is code on purpose.)
			if x.Lines().Len() > 0 {
				// At the text, after its indentation (and a quote's >).
				if what == "an article" {
					errs.Add(md.PosAt(x.Lines().At(0).Start), "this text is indented by four spaces or a tab, which makes it code: the page would show it in fixed-width type, and no note could quote it; remove the indentation before it (code meant as code goes between lines of ```)")
				} else if md.Indent > 0 {
					// Below note: |, where the text's own indentation
					// is YAML's: only what is more than that is code.
					errs.Add(md.PosAt(x.Lines().At(0).Start), "this text is indented by four spaces or a tab, which makes it code: the page would show it in fixed-width type; indent it no further than the text's first line (code meant as code goes between lines of ```)")
				} else {
					errs.Add(md.PosAt(x.Lines().At(0).Start), "this text is indented by four spaces or a tab, which makes it code: the page would show it in fixed-width type; remove the indentation before it (code meant as code goes between lines of ```)")
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			at := headingStart(x, source, seen)
			if x.Lines().Len() == 0 {
				// A heading with no text has no lines to move seen
				// past it: the next one with none is looked for after,
				// whether this one is told or not.
				if nl := bytes.IndexByte(source[at:], '\n'); nl >= 0 {
					seen = max(seen, at+nl)
				} else {
					seen = len(source)
				}
			}
			if headings && x.Level > 1 && x.Level <= level+1 {
				level, toldAt = x.Level, -1
				break
			}
			switch {
			case headings && x.Level > 1:
				// A level skipped (### after the title): a screen
				// reader's list of the page's headings, and the
				// handout's bookmarks, go down one level at a time.
				// The headings after one told are judged from the
				// level it is told, so that the advice, followed,
				// leaves no level skipped.
				after := "the page's title"
				if toldAt >= 0 {
					after = fmt.Sprintf("a heading to be written %s (line %d)", strings.Repeat("#", level), md.PosAt(toldAt).Line)
				} else if level > 1 {
					after = fmt.Sprintf("a level-%s heading", levelName[level])
				}
				errs.Add(md.PosAt(at), "a level-%s heading after %s, with no level-%s heading between: a page's headings go down one level at a time (a screen reader lists them so); write it as %s",
					levelName[x.Level], after, levelName[level+1], strings.Repeat("#", level+1))
				level, toldAt = level+1, at
				return ast.WalkSkipChildren, nil
			case headings && x.Parent() == doc && x.PreviousSibling() == nil:
				// The text's first line: most often the headline,
				// pasted with the text, which ## would show twice.
				errs.AddErr(md.PosAt(at), diag.ErrUnsafeInput,
					"a level-one heading is not allowed in %s: the page's title, from the front matter, is its only one; if this line is the title, pasted with the text, remove it, else start its headings at ## (a line of === under a line of text makes that line a level-one heading too)", what)
			case headings:
				errs.AddErr(md.PosAt(at), diag.ErrUnsafeInput,
					"a level-one heading is not allowed in %s: the page's title is its only one; start its headings at ## (a line of === under a line of text makes that line a level-one heading too)", what)
			default:
				errs.AddErr(md.PosAt(at), diag.ErrUnsafeInput,
					"a heading is not allowed in %s: use **bold** text instead (a line of --- or === under a line of text makes that line a heading)", what)
			}
			return ast.WalkSkipChildren, nil
		case *ast.List:
			if x.IsOrdered() {
				// A page's own text, the methodology, may number a list
				// of one: there only a date's or a name's number is told.
				numberedItems(x, source, md, what == "an article" || !headings, seen, errs)
			}
		case *ast.Emphasis:
			if at, ok := starsInWords(x, source); ok {
				// Shown from the word the first stars stand in.
				from := bytes.LastIndexAny(source[:at], " \t\n") + 1
				errs.Add(md.PosAt(at), "these stars, inside words on both sides (%q), make italics of what is between them, and the reader does not see them: if they are the text's own (a gender star, Verbraucher*innen; a product, 2*3*4), write each as \\*",
					clip(string(source[from:min(len(source), textEnd(x)+x.Level+12)]), 60))
			}
		case *ast.Image:
			errs.AddErr(posOf(string(x.Destination)), diag.ErrUnsafeInput,
				"images are not allowed in %s: the briefing never loads files from elsewhere; describe the image in words instead", what)
		}
		return ast.WalkContinue, nil
	})
}

// numberedOn reports whether the ordered list x is one of points numbered
// with text between them: the nearest ordered list before it among its
// siblings, with the same mark after its number, ends at the number before
// x's, or the nearest after it starts at the number after x's; the chain
// of such lists starts at 1 (points the reader sees numbered from 5 are
// days more likely than points: "5. Mai", text, "6. Mai"); and x's text,
// text (its item's line after the number), is not one that makes the
// number its own (a date, a name: NumberIsText).
func numberedOn(x *ast.List, text string) bool {
	same := func(n ast.Node) *ast.List {
		l, ok := n.(*ast.List)
		if ok && l.IsOrdered() && l.Marker == x.Marker {
			return l
		}
		return nil
	}
	first, chained := x, false
	for n := x.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		if l := same(n); l != nil {
			if l.Start+l.ChildCount() != first.Start {
				break
			}
			first, chained = l, true
		}
	}
	for n := x.NextSibling(); n != nil && !chained; n = n.NextSibling() {
		if l := same(n); l != nil {
			chained = l.Start == x.Start+1
			break
		}
	}
	return chained && first.Start == 1 && !briefing.NumberIsText(text)
}

// numberAdvice is the way to keep a number at a line's start as the
// text's: the backslash before its mark, shown in the line's own text.
const numberAdvice = "if the number is the text's (a date, \"1. Januar\", a name, \"1. FC\"), write it with a backslash before the %q, %s"

// numberedItems reports the numbers of the ordered list x that Markdown
// takes from the text. A line that starts with a number, a full stop and
// a space ("1. Januar 2024: …", "3. Oktober", "1. FC Köln") is read as a
// numbered list's item: the number is the list's, not the text's, and a
// quote that has it is not found. So is a list of one item (told when
// one is true, else only when its text makes the number its own, a date
// or a name: NumberIsText), unless it is one of points numbered with text
// between them (numberedOn); and, in a list of more than one with an item
// that starts like a date or a name (ItemNumberIsText), every item whose
// number is not the one the list shows ("1. Januar 2024: …", a blank
// line, "15. März 2024: …" is one list, shown "1." and "2."; "15. März
// 2024: …", a blank line, "1. Erstens", "2. Zweitens" shows the points
// "16." and "17."), with the list's items that start so.
func numberedItems(x *ast.List, source []byte, md briefing.Markdown, one bool, seen int, errs *diag.List) {
	type item struct {
		at, end int    // the number and its mark, in source; at < 0 when not found
		rest    string // the text after them, on their line
	}
	var items []item
	for c := x.FirstChild(); c != nil; c = c.NextSibling() {
		it := item{at: -1}
		if start := contentStart(c); start >= 0 {
			it.at, it.end = numberBefore(start, source)
			rest := source[start:]
			if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
				rest = rest[:nl]
			}
			it.rest = string(rest)
		}
		items = append(items, it)
	}
	apart := "" // how to keep lines in a row apart, once escaped
	tell := func(it item, reads, list string) {
		number := string(source[it.at:it.end])
		mark := number[len(number)-1:]
		escaped := number[:len(number)-1] + "\\" + mark
		starts := fmt.Sprintf("this line starts with %q and a space", number)
		if it.end < len(source) && source[it.end] == '\t' {
			starts = fmt.Sprintf("this line starts with %q and a tab", number)
		}
		example := escaped + " " + clipWord(it.rest, 12)
		if it.end == len(source) || source[it.end] == '\n' {
			starts = fmt.Sprintf("this line is %q alone, its text on the next", number)
			if it.rest == "" { // a blank line after it, or none
				starts, example = fmt.Sprintf("this line is %q alone", number), escaped
			}
		}
		errs.Add(md.PosAt(it.at), "%s, which Markdown reads as %s: "+numberAdvice+"; %s",
			starts, reads, mark, example+apart, list)
	}
	// lone is the item with nothing in it whose number is alone on the
	// first such line after from ("1.", the next line not indented into
	// the item), with the next line's text, which the page shows as a
	// paragraph after the list; and where its line ends.
	lone := func(from int) (item, int, bool) {
		m := loneNumberRE.FindSubmatchIndex(source[from:])
		if m == nil {
			return item{at: -1}, from, false
		}
		it := item{at: from + m[2], end: from + m[3]}
		if next := source[from+m[1]:]; len(next) > 0 {
			next = next[1:]
			if nl := bytes.IndexByte(next, '\n'); nl >= 0 {
				next = next[:nl]
			}
			it.rest = strings.TrimSpace(string(next))
			if bytes.IndexByte(source[from+m[0]:it.at], '>') >= 0 {
				// In a quotation: its text without the marks.
				it.rest = strings.TrimLeft(it.rest, " \t>")
			}
		}
		return it, from + m[1], true
	}
	if len(items) == 1 && x.FirstChild().ChildCount() == 0 {
		// "1." alone, the next line not indented into the item: an
		// item with nothing in it, and the text a paragraph after it.
		if it, _, ok := lone(seen); ok {
			reads := "a numbered list of one item with nothing in it, the number shown as the list's and the next line as a paragraph after it"
			if it.rest == "" {
				reads = "a numbered list of one item with nothing in it, the number shown as the list's"
			}
			tell(it, reads, "a list meant as one starts at 1 and has more than one item, each with its text on its line")
		}
		return
	}
	if len(items) > 1 {
		// Items with nothing in it ("1.", a blank line, "15.", "März
		// 2024: …"), each on the first line holding a number alone after
		// the item before it.
		from := seen
		for i, c := 0, x.FirstChild(); c != nil; i, c = i+1, c.NextSibling() {
			if c.ChildCount() > 0 {
				from = max(from, blockEnd(c))
				continue
			}
			it, end, ok := lone(from)
			line := bytes.LastIndexByte(source[:max(it.at, 0)], '\n') + 1
			if !ok || line > from && strings.Trim(string(source[from:line]), " \t\n>") != "" {
				// Not found, or found past other text: an item
				// written so as the check does not know.
				break
			}
			if c.NextSibling() != nil {
				it.rest = "" // the next line is blank, or the next item's
			}
			items[i], from = it, end
		}
		for i, c := 0, x.FirstChild(); c != nil; i, c = i+1, c.NextSibling() {
			it := items[i]
			if c.ChildCount() > 0 || it.at < 0 {
				continue
			}
			reads := "one numbered list"
			for j, other := range items {
				if j != i && other.at >= 0 {
					reads = fmt.Sprintf("one numbered list with line %d", md.PosAt(other.at).Line)
					break
				}
			}
			reads += ", this item with nothing in it"
			if n, err := strconv.Atoi(string(source[it.at : it.end-1])); err == nil && n != x.Start+i {
				reads += fmt.Sprintf(" and shown as \"%d%c\"", x.Start+i, x.Marker)
			}
			if it.rest != "" {
				reads += ", and the next line as a paragraph after the list"
			}
			tell(it, reads, "a list meant as one has each item's text on its line")
		}
		for i, c := 0, x.FirstChild(); c != nil; i, c = i+1, c.NextSibling() {
			if c.ChildCount() == 0 {
				items[i] = item{at: -1} // told, and not a date's
			}
		}
	}
	if len(items) == 1 {
		it := items[0]
		if it.at >= 0 && (one || briefing.NumberIsText(it.rest)) && !numberedOn(x, it.rest) {
			tell(it, "a numbered list of one item, the number shown as the list's",
				"a list meant as one starts at 1 and has more than one item, or goes on after text between its items with the next number")
		}
		return
	}
	// In a list with an item that starts like a date or a name, the
	// items whose number the list does not show ("15. März 2024: …", a
	// blank line, "1. Erstens", "2. Zweitens": shown 16. and 17.).
	dated, wrong := false, -1
	told := make([]bool, len(items))
	for i, it := range items {
		if it.at < 0 {
			continue
		}
		n, err := strconv.Atoi(string(source[it.at : it.end-1]))
		// A month that is also a name ("April Ryan") starts a date in
		// a list written "1." "1." "1." only as a date writes it; after
		// any other day ("3. Juli war der Tag", "9. August fiel die
		// Mauer"), it is a date.
		told[i] = briefing.ItemNumberIsText(it.rest) || err == nil && n != 1 && briefing.NumberIsText(it.rest)
		dated = dated || told[i]
		if err == nil && n != x.Start+i {
			told[i] = true
			if wrong < 0 {
				wrong = i
			}
		}
	}
	if !dated || wrong < 0 {
		return
	}
	const inOrder = "a list meant as one is numbered in order, each item one more than the one before"
	if x.IsTight {
		// Escaped, items on lines in a row are one paragraph's lines,
		// shown run on as one.
		apart = ", and a blank line between such lines (or a backslash at the end of each), which in a row run on as one paragraph"
	}
	for i, it := range items {
		if !told[i] {
			continue
		}
		n, _ := strconv.Atoi(string(source[it.at : it.end-1]))
		other := items[0]
		if i == 0 {
			other = items[wrong]
		}
		with := "this line"
		if other.at >= 0 {
			with = fmt.Sprintf("line %d", md.PosAt(other.at).Line)
		}
		if shown := x.Start + i; n != shown {
			tell(it, fmt.Sprintf("one numbered list with %s, and shows this line's number as \"%d%c\"", with, shown, x.Marker), inOrder)
		} else {
			tell(it, fmt.Sprintf("one numbered list with %s, the number shown as the list's", with), inOrder)
		}
	}
}

// blockEnd is where the last line of the blocks in n ends in the text.
func blockEnd(n ast.Node) int {
	end := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			end = max(end, c.Lines().At(c.Lines().Len()-1).Stop)
		}
		return ast.WalkContinue, nil
	})
	return end
}

// loneNumberRE is a line holding a list item's number and nothing else
// (group 1), after any marks of a list or a quotation it is in.
var loneNumberRE = regexp.MustCompile(`(?m)^(?:[ \t>]|[-+*][ \t]+|[0-9]{1,9}[.)][ \t]+)*([0-9]{1,9}[.)])[ \t]*$`)

// itemNumberRE is a list item's number and the mark after it.
var itemNumberRE = regexp.MustCompile(`[0-9]{1,9}[.)](?:[ \t]|$)`)

// numberBefore is where the number of the list item whose content starts
// at at starts in source, and where the mark after it ends: on the line
// of its text, after a quotation's > or an outer list's marker, or on the
// line before when the number is alone on its line; -1 when it is on
// neither.
func numberBefore(at int, source []byte) (int, int) {
	if at <= 0 {
		return -1, -1
	}
	line := bytes.LastIndexByte(source[:at], '\n') + 1
	m := itemNumberRE.FindAllIndex(source[line:at], -1)
	if m == nil && line > 0 {
		// "1." alone on its line, its text on the next.
		at = line - 1
		line = bytes.LastIndexByte(source[:at], '\n') + 1
		m = itemNumberRE.FindAllIndex(source[line:at], -1)
	}
	if m == nil {
		return -1, -1
	}
	last := m[len(m)-1]
	end := line + last[1]
	for end > line+last[0] && (source[end-1] == ' ' || source[end-1] == '\t') {
		end--
	}
	return line + last[0], end
}

// contentStart is the offset in the text of the list item c's content,
// after its number and the space, or -1 when it has none: the first line
// of the first block down its first children.
func contentStart(c ast.Node) int {
	for c = c.FirstChild(); c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return -1
}

// starsInWords reports whether emphasis e is made by stars standing inside
// words on both sides ("Verbraucher*innen und Hausbesitzer*innen"), and
// where its opening stars start in source: German's gender star, which
// Markdown reads as italics and takes away. Emphasis meant so is written
// around words, not inside them.
func starsInWords(e *ast.Emphasis, source []byte) (int, bool) {
	start, end := textStart(e), textEnd(e)
	open := start - e.Level
	if open <= 0 || end < 0 || end+e.Level >= len(source) || source[open] != '*' || source[end] != '*' {
		return 0, false
	}
	before, _ := utf8.DecodeLastRune(source[:open])
	after, _ := utf8.DecodeRune(source[end+e.Level:])
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if !inWord(before) || !inWord(after) {
		return 0, false
	}
	// The opening stars stand after a word's letters, and before more.
	return open, true
}

// clipWord is clip, at the end of the word at n bytes when it ends within
// as many again: "1\\. Dezember 2024:…", not "Dezember 202…", whose number
// reads as another.
func clipWord(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for j := n; j < len(s) && j <= 2*n; j++ {
		if s[j] == ' ' || s[j] == '\t' {
			return s[:j] + "…"
		}
	}
	if len(s) <= 2*n {
		return s
	}
	return clip(s, n)
}

// clip shortens s to about n bytes, at a rune, with "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

var (
	// tableRuleRE is the line under a table's header: cells of dashes
	// (with a colon to align) between pipes.
	tableRuleRE = regexp.MustCompile(`^[ \t]*(?:\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?|:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?)[ \t]*$`)
	// footnoteRE is a footnote's mark, or the start of its text: [^1].
	footnoteRE = regexp.MustCompile(`\[\^[^\]\s]+\]`)
)

// tableIn reports a table (GitHub's) among the lines of a paragraph, which
// CommonMark does not read and would show as its marks: "| Verdict |
// Meaning | |—|—|". As GitHub reads one, it starts at any line with a pipe
// that has under it a rule of as many cells.
func tableIn(lines *text.Segments, source []byte, md briefing.Markdown, what string, errs *diag.List) {
	for i := 1; i < lines.Len(); i++ {
		head, next := lines.At(i-1), lines.At(i)
		row, rule := head.Value(source), bytes.TrimRight(next.Value(source), "\r\n")
		if bytes.IndexByte(row, '|') >= 0 && tableRuleRE.Match(rule) && cells(row) == cells(rule) {
			errs.Add(md.PosAt(head.Start), "a table is not read in %s: it would be shown as its | and - marks; give its rows as a list, or in sentences", what)
			return
		}
	}
}

// cells is the number of cells in a table's row: its pipes not escaped,
// less one at either end.
func cells(row []byte) int {
	row = bytes.TrimSpace(row)
	row = bytes.TrimPrefix(row, []byte("|"))
	if bytes.HasSuffix(row, []byte("|")) && !bytes.HasSuffix(row, []byte("\\|")) {
		row = row[:len(row)-1]
	}
	n := 1
	for i, c := range row {
		if c == '|' && (i == 0 || row[i-1] != '\\') {
			n++
		}
	}
	return n
}

// marksIn reports, in the text that starts with t and runs on through the
// texts beside it (a "[" that opens no link is a text of its own), the
// marks of other Markdowns that CommonMark shows as written (otherMarks),
// and links it could not read (brokenLinks). Code spans and addresses are
// no text, and a mark escaped with a backslash is meant as written.
func marksIn(t *ast.Text, source []byte, md briefing.Markdown, what string, errs *diag.List) {
	// Most texts have none of ^ ~ ]: look before copying them into one.
	marked := false
	for n := ast.Node(t); n != nil && !marked; n = n.NextSibling() {
		x, ok := n.(*ast.Text)
		if !ok {
			break
		}
		marked = bytes.ContainsAny(x.Segment.Value(source), "^~]")
	}
	if !marked {
		return
	}
	var run []byte
	var starts []int // of each text in run, and its place in source
	var at []int
	for n := ast.Node(t); n != nil; n = n.NextSibling() {
		x, ok := n.(*ast.Text)
		if !ok {
			break
		}
		starts, at = append(starts, len(run)), append(at, x.Segment.Start)
		run = append(run, x.Segment.Value(source)...)
		if x.SoftLineBreak() || x.HardLineBreak() {
			run = append(run, '\n')
		}
	}
	// inSource is the place in source of run[i].
	inSource := func(i int) int {
		k := len(starts) - 1
		for starts[k] > i {
			k--
		}
		return at[k] + i - starts[k]
	}
	brokenLinks(run, source, inSource, md, what, errs)
	if !bytes.Contains(run, []byte("[^")) && !bytes.Contains(run, []byte("~~")) {
		return
	}
	for _, f := range otherMarks {
		for _, m := range f.re.FindAllIndex(run, -1) {
			if m[0] > 0 && run[m[0]-1] == '\\' {
				continue
			}
			errs.Add(md.PosAt(inSource(m[0])), "%s is not read in %s: %s would be shown as written; %s", f.what, what, run[m[0]:m[1]], f.instead)
		}
	}
}

var (
	// spacedLinkRE is a link's text and its address with space between
	// them: "[the report] (https://…)", which CommonMark reads as text.
	spacedLinkRE = regexp.MustCompile(`\][ \t]+\(`)
	// undefinedRefRE is a reference link, "[text][label]" or
	// "[text][]", whose label nothing defines: goldmark leaves it text.
	undefinedRefRE = regexp.MustCompile(`\[[^\[\]\n]+\]\[[^\[\]\n]*\]`)
	// secondAddressRE is the start of a second address, after the space
	// in a link's ( ).
	secondAddressRE = regexp.MustCompile(`(?i)^(?:https?:|mailto:|www\.)`)
	// schemeAloneRE is a scheme with nothing after it.
	schemeAloneRE = regexp.MustCompile(`(?i)^https?:/*$`)
)

// curlyTitle is the title in t, the text after the space in a link's ( ),
// when it is between curly quotes, as a word processor writes them, or
// between guillemets or low-high quotes („…“): where CommonMark reads a
// title only between straight quotes or ( ). It is "" otherwise.
func curlyTitle(t []byte) string {
	s := strings.TrimSpace(string(t))
	r, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(curlyQuoteMarks, r) {
		return ""
	}
	// French guillemets stand apart from their words, « Le titre »,
	// with spaces (no-break ones too) that are no part of the title; a
	// quote mark inside them is ("“‘Hamlet’ revisited”"): only the
	// closing mark goes.
	isSpace := func(r rune) bool { return unicode.IsSpace(r) || r == '\u202f' }
	inner := strings.TrimRightFunc(strings.TrimLeftFunc(s[n:], isSpace), isSpace)
	if last, m := utf8.DecodeLastRuneInString(inner); strings.ContainsRune(curlyQuoteMarks, last) {
		inner = inner[:len(inner)-m]
	}
	return strings.TrimRightFunc(inner, isSpace)
}

// straightQuoted is title between straight quote marks: double ones, or
// single ones for a title with a double one in it (“He said "no"”).
func straightQuoted(title string) string {
	if strings.Contains(title, `"`) {
		return "'" + title + "'"
	}
	return `"` + title + `"`
}

// isOddSpace says whether r is a space other than the plain one: a
// no-break space, say, which CommonMark's link address may hold.
func isOddSpace(r rune) bool { return r != ' ' && unicode.Is(unicode.Zs, r) }

// oddSpacedTitle is the title in curly quotes (curlyTitle) after the
// first odd space (isOddSpace) in a link's address, and that space named;
// "" when there is none.
func oddSpacedTitle(addr []byte) (title, space string) {
	i := bytes.IndexFunc(addr, isOddSpace)
	if i < 0 {
		return "", ""
	}
	r, n := utf8.DecodeRune(addr[i:])
	if title = curlyTitle(addr[i+n:]); title == "" {
		return "", ""
	}
	name := map[rune]string{0xa0: "a no-break space", 0x202f: "a narrow no-break space"}[r]
	if name == "" {
		name = "a space of another width"
	}
	return title, fmt.Sprintf("%s (U+%04X)", name, r)
}

// curlyQuoteMarks are the quote marks of typography, and quoteMarks those
// and the straight ones.
const (
	curlyQuoteMarks = "“”‘’„‚«»‹›"
	quoteMarks      = curlyQuoteMarks + `"'`
)

// brokenLinks reports, in run (the text of one or more texts side by side,
// whose run[i] is source[inSource(i)]), what was meant as a link and is
// not read as one, so that the page would show its [ ] and ( ) and link
// only part of its address, if any: "[text](address)" whose address holds
// a space or a line break, or whose ( ) do not close; "[text] (address)";
// "[text][label]" with no "[label]: address" line.
func brokenLinks(run, source []byte, inSource func(int) int, md briefing.Markdown, what string, errs *diag.List) {
	escaped := func(i int) bool { return i > 0 && run[i-1] == '\\' }
	// shown is the link as written, from its "[" (the last one before
	// from on its line, in source) to the end of its address or of the line.
	shown := func(from int) string {
		line := bytes.LastIndexByte(source[:from], '\n') + 1
		for j := from - 1; j >= line; j-- {
			if source[j] == '[' && (j == 0 || source[j-1] != '\\') {
				from = j
				break
			}
		}
		s := source[from:]
		if j := bytes.IndexAny(s, ")\n"); j >= 0 {
			s = s[:j+1]
		}
		s = bytes.TrimRight(s, "\n")
		if len(s) > 100 {
			return clip(string(s), 97)
		}
		return string(s)
	}
	for i := 0; ; {
		j := bytes.Index(run[i:], []byte("]("))
		if j < 0 {
			break
		}
		i += j
		if escaped(i) {
			i += 2
			continue
		}
		addr := inSource(i) + 2 // the address, after "]("
		rest := source[addr:]
		if k := bytes.IndexAny(rest, ")\n"); k >= 0 {
			rest = rest[:k]
		}
		why := "its ( ) do not close on the line: end the address with )"
		space := bytes.IndexAny(rest, " \t")
		title := ""
		if space >= 0 {
			title = curlyTitle(rest[space+1:])
		}
		oddTitle, oddSpace := oddSpacedTitle(rest)
		switch {
		case oddTitle != "" && (space < 0 || bytes.IndexFunc(rest, isOddSpace) < space):
			// The title's own words have a space: not a link, and
			// %20 for it would be wrong.
			why = fmt.Sprintf("its title is in curly quotes after %s, which a link's title cannot be in: write a plain space, and the title between straight quotes, %s, or remove them", oddSpace, straightQuoted(oddTitle))
		case space >= 0 && md.PosAt(addr+space).Line != md.PosAt(addr+space+1).Line:
			// A folded or plain YAML text, whose line break is a space.
			why = "its address runs onto the next line: keep it on one line"
		case title != "":
			// [text](address “title”): written so, the title would be
			// part of the address with its spaces as %20.
			why = fmt.Sprintf("its title is in curly quotes, which a link's title cannot be in: write it between straight quotes, %s, or remove it", straightQuoted(title))
		case space >= 0 && schemeAloneRE.Match(rest[:space]) && secondAddressRE.Match(bytes.TrimLeft(rest[space:], " \t")):
			// A https:// typed, then the address pasted after it.
			why = fmt.Sprintf("its ( ) hold %s alone before the address: remove it", rest[:space])
		case space >= 0 && secondAddressRE.Match(bytes.TrimLeft(rest[space:], " \t")):
			why = "its ( ) hold two addresses with a space between them: keep the one meant, and remove the other"
		case space >= 0:
			why = "its address holds a space: write each space in it as %20"
		case addr+len(rest) < len(source) && source[addr+len(rest)] == '\n':
			why = "its address runs onto the next line: keep it on one line"
		}
		errs.Add(md.PosAt(addr), "the link %s is not read in %s, and would be shown with its [ ] and ( ): %s", shown(inSource(i)), what, why)
		i += 2
	}
	for _, m := range spacedLinkRE.FindAllIndex(run, -1) {
		// "[sic] (twice)" is prose: only an address after the ( is a link.
		after := source[inSource(m[1]-1)+1:]
		if !escaped(m[0]) && (bytes.HasPrefix(after, []byte("https://")) || bytes.HasPrefix(after, []byte("http://")) ||
			bytes.HasPrefix(after, []byte("mailto:")) || bytes.HasPrefix(after, []byte("www."))) {
			errs.Add(md.PosAt(inSource(m[0]+1)), "the link %s is not read in %s, and would be shown with its [ ] and ( ): remove the space between ] and (", shown(inSource(m[0])), what)
		}
	}
	for _, m := range undefinedRefRE.FindAllIndex(run, -1) {
		label := bytes.LastIndexByte(run[m[0]:m[1]-1], '[') + m[0]
		text, name := run[m[0]+1:label-1], run[label+1:m[1]-1]
		// Brackets as prose: "[1][2]" (references by number), a word
		// bracketed twice ("[redacted][redacted]").
		prose := !bytes.ContainsFunc(text, unicode.IsLetter) || len(name) > 0 && !bytes.ContainsFunc(name, unicode.IsLetter) || bytes.EqualFold(text, name)
		if !escaped(m[0]) && !bytes.HasPrefix(run[m[0]:], []byte("[^")) && !prose {
			errs.Add(md.PosAt(inSource(label)), "the link %s is not read in %s, and would be shown with its [ ]: nothing defines its label; write the address in ( ) after the link's text instead, or, if the brackets are meant as written, put a \\ before each [", run[m[0]:m[1]], what)
		}
	}
}

// otherMarks are the marks of other Markdowns, within a text, that marksIn
// reports.
var otherMarks = []struct {
	re            *regexp.Regexp
	what, instead string
}{
	{footnoteRE, "a footnote", "the briefing's notes are its footnotes: put the text in a note of its own, or in brackets"},
	{regexp.MustCompile(`~~[^~\s](?:[^~]*[^~\s])?~~`), "struck-through text", "say in words what was struck out, or leave it out"},
}

// firstText is the first text inside n, in the order it is written, or nil.
func firstText(n ast.Node) *ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t
		}
		if t := firstText(c); t != nil {
			return t
		}
	}
	return nil
}

// emptyHeadingRE is a line holding a heading's "#"s and nothing else
// ("###", "## ##"), after any marks of a list or a quotation it is in.
var emptyHeadingRE = regexp.MustCompile(`(?m)^(?:[ \t>]|[-+*][ \t]|[0-9]{1,9}[.)][ \t])*(#{1,6})(?:[ \t]+#+)?[ \t]*$`)

// headingStart is where heading h starts in source: at its first "#" (in a
// list or a quotation too, after their marks), or, for an underlined one,
// at its text. A "#" heading with no text has no lines: it is the first
// such line after seen, the end of the block before it.
func headingStart(h *ast.Heading, source []byte, seen int) int {
	if h.Lines().Len() == 0 {
		if m := emptyHeadingRE.FindSubmatchIndex(source[seen:]); m != nil {
			return seen + m[2]
		}
		return seen
	}
	at := h.Lines().At(0).Start
	line := bytes.LastIndexByte(source[:at], '\n') + 1
	j := at
	for j > line && (source[j-1] == ' ' || source[j-1] == '\t') {
		j--
	}
	k := j
	for k > line && source[k-1] == '#' {
		k--
	}
	if k < j {
		return k
	}
	return at
}

// levelName names a heading's level in words, as the messages do.
var levelName = [...]string{"", "one", "two", "three", "four", "five", "six", "seven"}
