package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

var articleFields = []string{"title", "outlet", "url", "published", "sort_date", "date_note", "author", "relies_on", "summary", "language"}

// frontMatter splits a Markdown file into its YAML front matter and body.
// It returns the front matter node (nil when the file has none), the body,
// and the line of the file on which the body starts (0-based count of lines
// before it). With a syntax error (reported; ok false), the node is what
// could be read of the other fields (fieldsWithoutBroken), or nil.
func frontMatter(d *decoder, text string) (fm *yaml.Node, body string, bodyLine int, ok bool) {
	var node yaml.Node
	var yamlErr error
	// The YAML starts after the opening ---, which may follow blank lines.
	open := 0
	for rest := text; ; open++ {
		line, after, more := strings.Cut(rest, "\n")
		if !more || strings.TrimSpace(line) != "" {
			break
		}
		rest = after
	}
	var markerErr = errors.New("a second YAML document")
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		d.lineOffset = open + 1
		lines := strings.Split(string(data), "\n")
		if !d.oneDocument(lines) {
			return markerErr
		}
		if n, isNode := v.(*yaml.Node); isNode && fastYAML {
			if root, ok := fastParse(lines); ok {
				*n = yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{root}}
				return nil
			}
		}
		yamlErr = yaml.Unmarshal(data, v)
		return yamlErr
	})
	rest, err := frontmatter.Parse(strings.NewReader(text), &node, format)
	if err != nil {
		if errors.Is(err, markerErr) {
			body, bodyLine = d.bodyAfter(text)
			return nil, body, bodyLine, false // reported
		}
		if yamlErr != nil {
			d.lineOffset = open + 1
			if fm, body, bodyLine, found := d.textInFrontMatter(text); found {
				return fm, body, bodyLine, false
			}
			d.syntaxError(yamlErr)
			// The other fields, and the body, are still read, so that
			// their problems, and those of the notes on it, are reported
			// in the same run.
			fm := d.fieldsWithoutBroken()
			body, bodyLine = d.bodyAfter(text)
			return fm, body, bodyLine, false
		}
		d.errs.Add(diag.Pos{File: d.file, Line: 1, Col: 1}, "cannot read the front matter: %v; it must sit between two lines of ---", err)
		return nil, "", 0, false
	}
	// The body as the end of text rather than a copy of rest: the loaded
	// briefing holds every article's text until it is staged.
	body = text
	if n := len(text) - len(rest); n >= 0 && text[n:] == string(rest) {
		body = text[n:]
	}
	bodyLine = strings.Count(text[:len(text)-len(body)], "\n")
	if node.Kind == 0 || len(node.Content) == 0 {
		return nil, body, bodyLine, true
	}
	d.lineOffset = open + 1
	if strings.TrimSpace(body) == "" {
		// A text pasted in that YAML reads, as a field ("Title 42 is
		// back: …").
		if fm, body, bodyLine, found := d.textInFrontMatter(text); found {
			return fm, body, bodyLine, false
		}
	}
	if d.pastedText() {
		return nil, body, bodyLine, false // reported, as a syntax error is
	}
	return node.Content[0], body, bodyLine, true
}

// textInFrontMatter reports the text of the page pasted above the closing
// --- of its front matter (after "gen new", between its two --- lines),
// with nothing after that line: its paragraphs, read as YAML, were a
// syntax error each, and the page had no text. The text starts at a line
// at the left margin, after a blank line, that is no field and holds
// words: one problem there, and the front matter and the text are then
// read as if the --- stood above it, so that their own problems, and the
// notes', are reported in the same run. found is false when the front
// matter is not so.
func (d *decoder) textInFrontMatter(text string) (fm *yaml.Node, body string, bodyLine int, found bool) {
	end := d.yamlEnd() // the closing line, from 0
	if end == len(d.lines) || strings.TrimSpace(strings.Join(d.lines[end+1:], "")) != "" {
		return nil, "", 0, false
	}
	start := -1 // the text's first line, from 0
	fields := false
	for i := d.lineOffset; i < end; i++ {
		s := strings.TrimRight(d.lines[i], " \t\r")
		first, _, _ := strings.Cut(strings.TrimSuffix(strings.Fields(s + " x")[0], ":"), ":")
		switch {
		case s == "" || s[0] == ' ' || s[0] == '\t' || s[0] == '#' || s[0] == '-':
			continue
		case fieldLike(first):
			// A field, or one written wrong ("author Jane Doe", without
			// its colon): told as such.
			fields = true
			continue
		case !fields:
			continue
		case strings.TrimSpace(d.lines[i-1]) == "" && strings.Contains(s, " "):
			// Words after a blank line, even "Update: …", which reads as a
			// key but names no field.
			start = i
		}
		break
	}
	if start < 0 {
		return nil, "", 0, false
	}
	d.errs.Add(diag.Pos{File: d.file, Line: start + 1, Col: 1},
		"the text starts here, inside the front matter, which ends at the --- of line %d: move that line up here, above the text, so that the front matter holds only its fields", end+1)
	// The fields above the text are read as front matter is, their
	// syntax errors reported, the text's lines left out.
	lines := slices.Clone(d.lines)
	for i := start; i < end; i++ {
		lines[i] = ""
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines[d.lineOffset:end], "\n")), &doc); err == nil {
		fm = docRoot(&doc)
	} else {
		orig := d.lines
		d.lines = lines
		d.syntaxError(err)
		fm = d.fieldsWithoutBroken()
		d.lines = orig
	}
	return fm, text[d.lineStart(text, start):d.lineStart(text, end)], start, true
}

// fieldLike reports whether name, a line's first word, is a field of a
// page's front matter, or one misspelt by a letter (two in a long name),
// written as fields are, in lower case: "Update", "Published November
// 27" and "Outlets" start paragraphs.
func fieldLike(name string) bool {
	if name != strings.ToLower(name) {
		return false
	}
	for _, fields := range [][]string{articleFields, indexFields} {
		for _, f := range fields {
			if d := diag.EditDistance(name, f); d == 0 || len(f) > 3 && (d == 1 || d == 2 && len(f) >= 8) {
				return true
			}
		}
	}
	return false
}

// closingLike returns the line (from 1) of the first line after the first
// that is dashes and nothing else, or three dashes with more after them:
// a closing --- mistyped; 0 when there is none.
func closingLike(text string) int {
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if strings.Trim(t, "-") == "" && len(t) >= 2 || strings.HasPrefix(t, "---") {
			return i + 1
		}
	}
	return 0
}

// bodyAfter returns the text after the front matter of text, the file d
// reads (its YAML from line d.lineOffset+1 up to its closing ---, as
// yamlEnd finds it), and the number of lines before it; "", 0 when the
// front matter is not closed.
func (d *decoder) bodyAfter(text string) (string, int) {
	end := d.yamlEnd() // the closing line, from 0
	if end == len(d.lines) {
		return "", 0
	}
	return text[d.lineStart(text, end+1):], end + 1
}

// lineStart is the offset in text, the file d reads, of the start of its
// line n (from 0), or the text's end when it has no such line.
func (d *decoder) lineStart(text string, n int) int {
	off := 0
	for _, l := range d.lines[:n] {
		off += len(l) + 1
	}
	return min(off, len(text))
}

// markdownFile reads a Markdown file with YAML front matter. fm is nil, with
// missing reported, when the file has no front matter (fields names what
// it must hold, for the advice on an empty one); ok is false when the
// file could not be read at all, or its front matter not as YAML (already
// reported): body is then the text after the front matter, when it is
// closed, so that the text can still be checked, and fm, after a syntax
// error, what could be read of the other fields, or nil.
func (l *loader) markdownFile(p, missing, fields string) (d *decoder, fm *yaml.Node, body briefing.Markdown, ok bool) {
	text, ok := l.readText(p)
	if !ok {
		return nil, nil, body, false
	}
	d = newDecoder(p, text, 0, l.errs)
	fm, rest, bodyLine, ok := frontMatter(d, text)
	// An empty body after a closing --- that ends the file without a line
	// break starts on no line of it: its line is the last.
	body = briefing.Markdown{Text: rest, Pos: diag.Pos{File: p, Line: min(bodyLine+1, strings.Count(text, "\n")+1), Col: 1}}
	if !ok {
		return d, fm, body, false // fm: the fields a syntax error left
	}
	if fm == nil {
		// A file that opens front matter and never closes it (the closing
		// line mistyped, or forgotten) has all its text as the body.
		at := 1
		first, _, _ := strings.Cut(text, "\n")
		switch first = strings.TrimRight(first, " \t\r"); {
		case len(rest) == len(text) && first == "---":
			missing = "the --- on line 1 opens front matter that is never closed: put a line of just --- after its last field, before the text"
			if l := closingLike(text); l > 0 {
				at = l
				missing = "the --- on line 1 opens front matter that is never closed: this line, which looks meant to close it, must be just ---"
			}
		case first == "---":
			// ---, then --- at once: front matter with nothing in it.
			missing = fmt.Sprintf("the front matter between the --- lines is empty: write %s there, as \"key: value\" lines", fields)
		case strings.HasPrefix(first, "---") && strings.Trim(first, "-") == "":
			missing = fmt.Sprintf("front matter opens with a line of just --- (three dashes), not %q, and closes with another", first)
		case first == "+++":
			missing = "the front matter is in TOML (between +++ lines), which is not read: write it in YAML between --- lines, with \"key: value\" lines"
		case jsonFrontMatter(first):
			// Hugo reads front matter in JSON, a { at the top of the
			// file; the generator reads YAML alone, of which JSON is
			// a part: between --- lines, it is read as it is.
			closing := "its closing }"
			if end := jsonEnd(text); end > 0 {
				line := strings.Count(text[:end], "\n") + 1
				closing = fmt.Sprintf("its } on line %d", line)
				// The text after it is the article's, checked (and
				// its notes anchored) without the JSON's lines.
				if after := strings.IndexByte(text[end:], '\n'); after >= 0 && strings.TrimSpace(text[end:end+after]) == "" {
					body = briefing.Markdown{Text: text[end+after+1:], Pos: diag.Pos{File: p, Line: line + 1, Col: 1}}
				}
			}
			missing = "the front matter is in JSON (between { and }), which is not read: put a line of just --- above its { and another below " + closing + ", and it is read as YAML (or write it in YAML between --- lines, with \"key: value\" lines)"
		}
		l.errs.AddErr(diag.Pos{File: p, Line: at, Col: 1}, diag.ErrMissingField, "%s", missing)
	}
	return d, fm, body, true
}

// jsonFrontMatter reports whether first, a file's first line, opens front
// matter in JSON, as Hugo reads it: an object's { and then its first
// name in quotes, or nothing.
func jsonFrontMatter(first string) bool {
	rest, ok := strings.CutPrefix(first, "{")
	rest = strings.TrimSpace(rest)
	return ok && (rest == "" || rest[0] == '"' || rest == "}")
}

// jsonEnd is the offset just after the JSON object at the start of text,
// or 0 when it is not one.
func jsonEnd(text string) int {
	dec := json.NewDecoder(strings.NewReader(text))
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return 0
	}
	return int(dec.InputOffset())
}

// opensFrontMatter reports whether text's first line opens front matter,
// or tries to (---, a longer line of dashes, +++).
func opensFrontMatter(text string) bool {
	first, _, _ := strings.Cut(text, "\n")
	first = strings.TrimRight(first, " \t\r")
	return first == "+++" || strings.HasPrefix(first, "---") && strings.Trim(first, "-") == ""
}

func (l *loader) article(name string) *briefing.Article {
	p := path.Join("content/articles", name)
	slug := strings.TrimSuffix(name, ".md")
	if !ValidID(slug) {
		want := Slugify(slug)
		if ReservedSlug(want) != "" {
			want += "-article" // not a name refused in turn
		}
		if strings.EqualFold(slug, "_index") {
			l.errs.AddErr(diag.Pos{File: p, Line: 1, Col: 1}, diag.ErrUnsafeInput,
				"the overview is content/_index.md, not a file among the articles: if this is the overview, move it up into content/; if it is an article, rename it, like %q", want+".md")
			return nil
		}
		l.errs.AddErr(diag.Pos{File: p, Line: 1, Col: 1}, diag.ErrUnsafeInput,
			"%q is not a safe article file name: use lower-case letters and digits, with single hyphens between words, like %q%s", name, want+".md", HyphensWhy(slug))
		return nil
	}
	if why := ReservedSlug(slug); why != "" {
		l.errs.AddErr(diag.Pos{File: p, Line: 1, Col: 1}, diag.ErrUnsafeInput,
			"an article cannot be named %s: %s; rename it, like %q", name, why, slug+"-article.md")
		return nil
	}
	if len(slug) > MaxSlug {
		// The slug names its notes file (.yaml) and its page (.html),
		// and file systems allow 255 bytes a name.
		l.errs.AddErr(diag.Pos{File: p, Line: 1, Col: 1}, diag.ErrUnsafeInput,
			"the article's name is %d characters long, more than the %d its page and notes file can have: shorten it", len(slug), MaxSlug)
		return nil
	}
	d, fm, body, ok := l.markdownFile(p, "the article has no front matter: start the file with a --- line, then title, outlet and url, then another --- line", "title, outlet and url")
	if fm == nil && body.Text != "" && (!ok || !opensFrontMatter(body.Text)) {
		// Its front matter is reported (missing, or not valid YAML);
		// its text and its notes are still checked, in the same run:
		// its notes' problems were found only once it was mended. Not
		// front matter never closed, or in TOML, whose lines would be
		// checked as the text (a "# comment" as a heading, a quote
		// matching the title).
		return &briefing.Article{Slug: slug, Path: p, Pos: diag.Pos{File: p, Line: 1, Col: 1}, Body: body}
	}
	if fm == nil {
		return nil
	}
	m, ok := d.fields(fm, "the article's front matter", articleFields...)
	if !ok {
		return nil
	}
	// Left empty, as new writes it without --title, the title is new's
	// placeholder: the preview stands in a title for it (site.Compiler's
	// UntitledArticle), as for the briefing's.
	d.requiredAs(diag.ErrPlaceholder, m, fm, "the article", "title")
	d.required(m, fm, "the article", "outlet", "url")
	a := &briefing.Article{
		Slug:      slug,
		Path:      p,
		Pos:       diag.Pos{File: p, Line: 1, Col: 1},
		Title:     d.str(m, "title"),
		Outlet:    d.str(m, "outlet"),
		URL:       strings.TrimSpace(d.str(m, "url")),
		Published: d.date(m, "published", false, "if only the month or the year is known, leave published out and say so in date_note"),
		SortDate:  d.date(m, "sort_date", false, "give the first day it could have been written; the day orders the articles and is shown nowhere"),
		DateNote:  d.str(m, "date_note"),
		Author:    d.author(m),
		ReliesOn:  d.strList(m, "relies_on", "like [Reuters]"),
		Summary:   d.str(m, "summary"),
		Language:  strings.TrimSpace(d.str(m, "language")),
		Body:      body,
	}
	// The language its title and text are in, when not the briefing's:
	// a tag, as a source's language is, that screen readers read it in.
	if v, ok := m["language"]; ok && a.Language != "" && !briefing.IsLangTag(a.Language) {
		d.errs.Add(d.pos(resolve(v)), "language %q is not a language tag: give the article's language as one, like de for German, fr for French, pt-BR for Brazilian Portuguese", a.Language)
		a.Language = ""
	}
	if v, ok := m["outlet"]; ok {
		a.OutletPos = d.pos(resolve(v))
	}
	if v, ok := m["url"]; ok {
		a.URLPos = d.pos(resolve(v))
	}
	if v, ok := m["sort_date"]; ok && a.Published != nil && a.SortDate != nil {
		d.errs.Add(d.pos(resolve(v)), "sort_date places an article without a published date in the briefing's order, and this one has published: remove sort_date")
	}
	if v, ok := m["date_note"]; ok && a.DateNote != "" {
		a.DateNotePos = d.pos(resolve(v))
	}
	if v, ok := m["summary"]; ok && a.Summary != "" {
		a.SummaryPos = d.pos(resolve(v))
	}
	d.checkURL(m, "url", a.URL)
	for f, v := range map[string]string{"title": a.Title, "outlet": a.Outlet, "date_note": a.DateNote, "author": a.Author, "summary": a.Summary} {
		d.checkPlain(m, f, v)
	}
	if list := resolve(m["relies_on"]); list != nil && list.Kind == yaml.SequenceNode {
		for _, it := range list.Content {
			if it = resolve(it); it.Kind != yaml.ScalarNode {
				continue
			}
			if loc := htmlTagRE.FindStringIndex(it.Value); loc != nil {
				l.errs.AddErr(d.pos(it), diag.ErrUnsafeInput,
					"relies_on contains HTML (%s): this field is plain text; remove the tag", it.Value[loc[0]:loc[1]])
			}
			d.checkRefs(it, "relies_on")
		}
	}
	if strings.TrimSpace(body.Text) == "" {
		l.errs.Add(body.Pos, "the article has no text: paste the article's body below the front matter")
	}
	for _, i := range pastedArticles(body) {
		at := body.Pos.Line + i
		if strings.TrimSpace(strings.Join(strings.SplitN(body.Text, "\n", i+1)[:i], "")) == "" {
			// Right below the front matter: new's pasted over a file
			// that had its own, say.
			l.errs.Add(diag.Pos{File: p, Line: at, Col: 1},
				"this --- opens a second front matter, right below the article's own: an article has one; keep the fields of one, and remove the other with its two --- lines")
			continue
		}
		l.errs.Add(diag.Pos{File: p, Line: at, Col: 1},
			"this --- opens another article's front matter, pasted below this article's text: an article file holds one article; move that article, this line to the end of its text, into a file of its own in content/articles/ (go run ./generator new writes one, with its notes file; then paste just its text below the front matter written)")
	}
	return a
}

// frontMatterLineRE matches a line of front matter that starts a field
// of an article, in lower case as fields are written (group 1), or an
// indented line or a list's item below one, or a comment.
var frontMatterLineRE = regexp.MustCompile(`^(?:([a-z_]+):(?:[ \t].*)?|[ \t]+\S.*|- .*|#.*)$`)

// pastedArticles returns the lines of the article's body (counted from
// its first, 0) that open another article's front matter: a --- at the left margin, then, up to
// the next such line, nothing but lines of front matter, among them at
// least two fields of an article's, one of them its title, outlet or
// url. Two article files joined, or new's template pasted above the
// text of a file that had front matter, put one there; Markdown reads
// the fields as a heading (the --- below them underlines it), published
// with the second article's text as this one's. A thematic break above a
// paragraph or a heading ("Title: a story" above ---) is no front
// matter: it names no field in lower case, or one alone.
func pastedArticles(body briefing.Markdown) []int {
	lines := strings.Split(body.Text, "\n")
	if frontMatters(lines, nil) == nil {
		return nil
	}
	// Some --- may be text shown in a code block, a fence's, or one a
	// list item left open and its end closed, or an HTML block's:
	// which lines are, Markdown's own reading says (done only here, as
	// few articles get here, so the others are read once, to render).
	return frontMatters(lines, literalLines(body.Text, len(lines)))
}

// frontMatters returns, as pastedArticles, the lines of lines that open a
// front matter, counted from the body's first line, 0; a line literal
// marks (a code or HTML block's, which Markdown shows as written) opens
// none, nor is one of its fields.
func frontMatters(lines []string, literal []bool) []int {
	dashes := func(i int) bool {
		return (literal == nil || !literal[i]) && strings.TrimRight(strings.TrimPrefix(lines[i], "\ufeff"), " \t\r") == "---"
	}
	var out []int
	for i := 0; i < len(lines); i++ {
		if !dashes(i) {
			continue
		}
		fields, main := map[string]bool{}, false
		j := i + 1
		for ; j < len(lines) && j <= i+40 && !dashes(j); j++ {
			s := strings.TrimRight(lines[j], "\r")
			if strings.TrimSpace(s) == "" {
				continue
			}
			m := frontMatterLineRE.FindStringSubmatch(s)
			if m == nil || literal != nil && literal[j] || m[1] != "" && !contains(articleFields, m[1]) {
				break
			}
			if m[1] != "" {
				fields[m[1]] = true
				main = main || m[1] == "title" || m[1] == "outlet" || m[1] == "url"
			}
		}
		if j < len(lines) && dashes(j) && len(fields) >= 2 && main {
			out = append(out, i)
			i = j
		}
	}
	return out
}

// literalLines says which of text's n lines are in a code block (fenced
// or indented) or an HTML block, as CommonMark reads them: a fence closes
// at the end of the list item or quotation it opened in, if not before.
func literalLines(text string, n int) []bool {
	src := []byte(text)
	literal := make([]bool, n)
	doc := goldmark.DefaultParser().Parse(gmtext.NewReader(src))
	at, line := 0, 0 // the line at byte at, blocks coming in order
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		switch node.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			if !entering {
				return ast.WalkSkipChildren, nil
			}
			segs := node.Lines()
			for k := 0; k < segs.Len(); k++ {
				start := segs.At(k).Start
				line += bytes.Count(src[at:start], []byte("\n"))
				at = start
				if line < n {
					literal[line] = true
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return literal
}

// MaxSlug is the longest an article's slug can be: room for its page's
// and its notes file's endings, and for the ids the print edition makes
// of it, within the 255 bytes a file name may have.
const MaxSlug = 200

// ReservedSlug says why slug cannot name an article, or returns "" when it
// can: Hugo reads content/articles/index.md as the page of the articles'
// folder itself, not as an article, and an article's notes are
// annotations/<slug>.yaml, which for claims and sources is a file of the
// briefing's own; in the handout an article's ids start with its slug and
// "--", as the methodology's start with "methodology--"; on the
// all-notes page its notes are under the id notes-<slug>, which for toc-h
// is the id of the page's contents.
func ReservedSlug(slug string) string {
	switch slug {
	case "toc-h":
		return "on the all-notes page its notes would take the id notes-toc-h, which is the page's contents'"
	case "methodology":
		return "the methodology is content/methodology.md, and the print edition gives its part that name"
	case "index":
		return "Hugo reads content/articles/index.md as the page of the folder, not as an article"
	case "claims", "sources":
		return "its notes would be annotations/" + slug + ".yaml, the briefing's " + slug + " file"
	}
	return ""
}

// author reads the article's author: one text, which a list of authors is
// told to be written as (a list of names by str, with the names).
func (d *decoder) author(m map[string]*yaml.Node) string {
	if v := resolve(m["author"]); v != nil && v.Kind == yaml.SequenceNode && listedTexts(v) == nil {
		d.errs.Add(d.pos(v), "author must be text, not a list: write the authors as one text, like \"Jane Doe and John Roe\"")
		return ""
	}
	author := d.str(m, "author")
	if loc := bylineRE.FindStringSubmatchIndex(author); loc != nil {
		// A byline pasted whole: the page writes "By" before the
		// author, and the ClaimReviews name the article's author.
		v := resolve(m["author"])
		by := strings.TrimRightFunc(author[loc[2]:loc[3]], unicode.IsSpace)
		d.errs.Add(d.placed(v, author).PosAt(loc[2]), "author starts with %q, which the article's page writes before the name itself (it would show \"By %s\"): write the name alone, like author: %s",
			by, author[loc[2]:], yamlText(author[loc[4]:]))
	}
	return author
}

// bylineRE matches an author written as a byline, "By Saif", "by Jane
// Doe and John Roe", "BY SAIF", "By: Saif": the word By, then a colon or
// a space, then the name (its first submatch the By and what follows
// it, its second the name). A name that starts with those letters,
// "Byron Smith", "Byung-chul Han", is a name.
var bylineRE = regexp.MustCompile(`^[\s\p{Zs}]*((?i:by)[\s\p{Zs}]*:[\s\p{Zs}]*|(?i:by)[\s\p{Zs}]+)(\S.*)$`)
