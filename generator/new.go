package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"unicode"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
)

const newUsage = "usage: generator new SLUG --url URL --outlet NAME [--title TITLE] [--root DIR]\n"

// newArticle is the "new" command: it starts an article, writing
// content/articles/SLUG.md with its front matter and an empty
// annotations/SLUG.yaml. It never overwrites a file. The values are checked
// by the loader itself, so "new" accepts exactly what "build" accepts.
func newArticle(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(twoDashes{stderr})
	if slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" }) {
		fl.SetOutput(stdout) // asked for: not an error
	}
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), newUsage)
		commandOptions(fl)
	}
	root := fl.String("root", ".", "the briefing `DIR`, which holds content/ and annotations/")
	addr := fl.String("url", "", "the original article's address, the `URL` (http or https)")
	outlet := fl.String("outlet", "", "the `NAME` of the outlet that published it")
	title := fl.String("title", "", "the outlet's headline, the `TITLE` (left for you to fill in when not given)")
	// The slug may come before, between or after the flags.
	var slug string
	var rest []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		args = fl.Args()
		if len(args) == 0 {
			break
		}
		if slug == "" {
			slug = args[0]
		} else {
			rest = append(rest, args[0])
		}
		args = args[1:]
	}
	if !folderOptions(fl, stderr) {
		return 2
	}
	// Space around a name or headline, from a shell's quotes, is no part
	// of it: kept, " Reuters" and "Reuters" were two outlets to check. A
	// blank headline is one not given, left for the user to fill in; a
	// blank outlet is one missing.
	blankOutlet := *outlet != "" && strings.TrimSpace(*outlet) == ""
	*title, *outlet = strings.TrimSpace(*title), strings.TrimSpace(*outlet)
	switch {
	case blankOutlet:
		fmt.Fprintf(stderr, "new's --outlet is blank: give it the name of the outlet that published the article\n%s", newUsage)
		return 2
	case len(rest) > 0:
		fmt.Fprintf(stderr, "unexpected argument %q\n%s", rest[0], newUsage)
		return 2
	case slug == "":
		fmt.Fprintf(stderr, "new needs the article's slug, the name of its files\n%s", newUsage)
		return 2
	case *addr == "" && *outlet == "":
		fmt.Fprintf(stderr, "new needs --url and --outlet: the address of the article and the name of the outlet that published it\n%s", newUsage)
		return 2
	case *addr == "":
		fmt.Fprintf(stderr, "new needs --url too: the address of the article\n%s", newUsage)
		return 2
	case *outlet == "":
		fmt.Fprintf(stderr, "new needs --outlet too: the name of the outlet that published the article\n%s", newUsage)
		return 2
	}
	// A file's name for the slug (third.md, content/articles/third.md,
	// "My Article.md"): the slug it names, not "third-md" or
	// "my-article-md".
	if ext := strings.ToLower(path.Ext(slug)); ext == ".md" || ext == ".yaml" || ext == ".yml" {
		base := strings.ToLower(strings.TrimSuffix(path.Base(filepath.ToSlash(slug)), path.Ext(slug)))
		switch {
		case input.ValidID(base):
			fmt.Fprintf(stderr, "error: %q is a file's name: new takes the article's slug, the name its two files share without folder or extension, like %q\n", slug, base)
			return 1
		case strings.ContainsFunc(base, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
			fmt.Fprintf(stderr, "error: %q is a file's name: new takes the article's slug, the name its two files share without folder or extension, in lower-case letters and digits with single hyphens between words, like %q%s\n", slug, input.Slugify(base), input.HyphensWhy(base))
			return 1
		}
	}
	if !input.ValidID(slug) {
		fmt.Fprintf(stderr, "error: %q is not a safe article slug: use lower-case letters and digits, with single hyphens between words, like %q%s\n", slug, input.Slugify(slug), input.HyphensWhy(slug))
		return 1
	}
	if why := input.ReservedSlug(slug); why != "" {
		fmt.Fprintf(stderr, "error: an article cannot be named %s: %s; choose another slug, like %q\n", slug, why, slug+"-article")
		return 1
	}
	if err := rootProblem(*root); err != nil {
		// A briefing of one's own starts in a folder of its own, which
		// new does not make: a mistyped --root would start one there.
		if _, serr := os.Stat(*root); errors.Is(serr, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "error: the briefing folder %s does not exist: to start a briefing there, make it first (mkdir -p %s), then run new again; or give --root the folder that holds content/ and annotations/\n", *root, shellQuote(*root))
			return 1
		}
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	article := path.Join("content/articles", slug+".md")
	notes := path.Join("annotations", slug+".yaml")
	text := articleTemplate(*title, *outlet, *addr)
	const emptyNotes = `# The notes on this article: see README.md, "Writing a briefing".
# Add each note below notes:, like this one (without the "# "):
notes:
# - id: first-note
#   quote: "words copied exactly from the article"
#   kind: context
#   note: What a reader needs to know about them.
#   cites: [a-source-id]
`
	if problems := checkNew(article, notes, text, emptyNotes); len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(stderr, "error: %s\n", p)
		}
		return 1
	}
	for _, p := range []string{article, notes} {
		if _, err := os.Lstat(filepath.Join(*root, p)); err == nil {
			fmt.Fprintf(stderr, "error: %s already exists: new never overwrites a file; choose another slug, or edit the file\n", filepath.ToSlash(filepath.Join(*root, p)))
			return 1
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return 1
		}
	}
	// An article of the briefing at that address already: check would
	// refuse the second (a front matter copied, or the article added
	// twice under two names). The briefing is read as check reads it; its
	// problems are check's to tell.
	var quiet diag.List
	if b := input.Read(os.DirFS(*root), &quiet); b != nil {
		for _, a := range b.Articles {
			if input.SameURL(a.URL, *addr) {
				fmt.Fprintf(stderr, "error: %s (line %d) has that url already: each article is a page of its own; if it is this article, edit that file, else give this one its own address, copied from the browser\n",
					filepath.ToSlash(filepath.Join(*root, a.Path)), a.URLPos.Line)
				return 1
			}
		}
	}
	// The article or its notes under a name check tells to change
	// (bar.markdown, bar.yml): a new file beside it would leave two copies
	// to merge by hand.
	if copies := input.MisnamedCopies(os.DirFS(*root), slug); len(copies) > 0 {
		for _, c := range copies {
			want := article
			if path.Dir(c) == "annotations" {
				want = notes
			}
			fmt.Fprintf(stderr, "error: %s is this article's file under another name: rename it to %s rather than make a new one beside it\n",
				filepath.ToSlash(filepath.Join(*root, c)), path.Base(want))
		}
		return 1
	}
	files, order := map[string]string{article: text, notes: emptyNotes}, []string{article, notes}
	// A briefing's first article: the briefing has no overview file
	// yet, without which it does not build.
	const overview, methodology = "content/_index.md", "content/methodology.md"
	noMethodology := false // a briefing begun without one: told, not given one
	if !hasPage(*root, "_index.md", input.MisnamedOverview) {
		files[overview] = overviewTemplate
		order = append(order, overview)
		// And its methodology, which the home page and the handout send
		// readers to for what each verdict means.
		if !hasPage(*root, "methodology.md", input.MisnamedMethodology) {
			files[methodology] = methodologyTemplate
			order = append(order, methodology)
		}
	} else {
		noMethodology = !hasPage(*root, "methodology.md", input.MisnamedMethodology)
	}
	written, err := writeNew(*root, files, order)
	if err != nil {
		for _, p := range written {
			os.Remove(filepath.Join(*root, p))
		}
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	names := make([]string, len(written))
	for i, p := range written {
		names[i] = filepath.ToSlash(filepath.Join(*root, p))
	}
	fmt.Fprintf(stdout, "wrote %s and %s\n", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
	for _, p := range written[2:] {
		what := "it is its title and overview, to fill in"
		if p == methodology {
			what = "it says how the notes are written, what each kind of note is for and what each verdict means, to adapt"
		}
		fmt.Fprintf(stdout, "the briefing had no %s: %s\n", p, what)
	}
	if noMethodology {
		fmt.Fprintf(stdout, "the briefing has no %s: without one, nothing on the site says what each verdict means (new writes one only for a briefing's first article; see the README)\n", methodology)
	}
	checkCmd := "go run ./generator check"
	if *root != "." {
		checkCmd += " --root " + *root
	}
	fmt.Fprintf(stdout, "next: paste the article's text below its front matter%s, add notes, then run: %s\n",
		map[bool]string{true: " and fill in its title", false: ""}[*title == ""], checkCmd)
	return 0
}

// hasPage reports whether the briefing in root has its page content/name
// (anything by that name, a broken link too), or one that misnamed says
// the loader takes for it misnamed (index.md, Methodology.md), which check
// tells to rename rather than new write another beside it.
func hasPage(root, name string, misnamed func(fs.FS) bool) bool {
	if _, err := os.Lstat(filepath.Join(root, "content", name)); !errors.Is(err, fs.ErrNotExist) {
		return true
	}
	return misnamed(os.DirFS(root))
}

// methodologyTemplate is content/methodology.md, written by new with a
// briefing's overview: what each kind of note is for and what the verdicts
// mean, which the generator fixes, and a paragraph for the editors to
// replace with how they worked.
var methodologyTemplate = `---
title: "Methodology"
---
## How the notes are written

` + input.MethodologyPlaceholder + `

## Kinds of note

` + briefing.KindList() + `
## What the verdicts mean

Only fact-check notes carry a verdict, and a verdict is on the claim the note names, whoever makes it.

` + briefing.DefinitionList() + `
## Sources

Each note cites what it relies on from the briefing's bibliography: the primary source wherever there is one (a study by its DOI, official statistics and documents at the address of the body that publishes them), and a news report by the outlet that produced it.
`

// overviewTemplate is content/_index.md, written by new when a briefing
// has none: the title left empty, for check to point at, and the optional
// fields as comments to fill in.
const overviewTemplate = `---
title: ""      # required: the briefing's title
# Optional: remove the "# " to use a line.
# summary: "One or two sentences for the home page and the handout's cover."
# published: 2026-12-06                 # the day the briefing is published: the date of its reviews of claims
# publisher: "Who publishes the briefing" # a newsroom, a course: the author of its reviews of claims
# publisher_url: https://example.org/    # the publisher's address
# timeline:
#   - date: 2025-11-21
#     text: "What happened that day."
#     cites: [a-source-id]
---
` + input.OverviewPlaceholder + `
`

// articleTemplate is the new article file: the required fields filled in
// (the title left empty, for check to point at, when not given) and the
// optional ones as comments to fill in.
func articleTemplate(title, outlet, addr string) string {
	var b strings.Builder
	b.WriteString("---\n")
	if title == "" {
		b.WriteString("title: \"\"       # required: the outlet's headline, word for word\n")
	} else {
		b.WriteString("title: " + yamlString(title) + "\n")
	}
	b.WriteString("outlet: " + yamlString(outlet) + "\n")
	b.WriteString("url: " + yamlString(strings.TrimSpace(addr)) + "\n")
	b.WriteString(`# Optional: remove the "# " to use a line.
# published: 2025-11-27        # the day it was published, YYYY-MM-DD; if only the month is known, use date_note
# date_note: "site timestamp"  # why the date is missing or approximate
# author: Jane Doe
# relies_on: [Reuters]         # wire services or papers the piece rewrites
# summary: "One or two sentences."
# language: de                 # the language of its title and text, when not English
---
`)
	return b.String()
}

// yamlString quotes s for YAML: a double-quoted YAML scalar reads JSON's
// string escapes.
func yamlString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// checkNew loads the new files with the briefing loader, as a briefing of
// their own with a text standing in for the article's body, and returns
// the loader's problems with them (an unsafe address, HTML in a field).
func checkNew(article, notes, text, notesText string) []string {
	fsys := fstest.MapFS{
		article: {Data: []byte(text + "Text.\n")},
		notes:   {Data: []byte(notesText)},
	}
	var errs diag.List
	input.Read(fsys, &errs)
	var le *diag.ListError
	if !errors.As(errs.Err(), &le) {
		return nil
	}
	var out []string
	for _, e := range le.Errs {
		if e.Pos.File != article && e.Pos.File != notes {
			continue // the rest of a briefing, which this one lacks
		}
		if errors.Is(e, diag.ErrPlaceholder) || errors.Is(e, diag.ErrMissingField) && strings.Contains(e.Msg, "no title") {
			continue // the title, left for the user to fill in
		}
		out = append(out, e.Msg)
	}
	return out
}

// writeNew creates each file, failing if one exists. It returns the files
// it wrote, so that they can be removed if a later one fails.
func writeNew(root string, files map[string]string, order []string) ([]string, error) {
	var written []string
	for _, p := range order {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return written, err
		}
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return written, err
		}
		written = append(written, p)
		_, err = f.WriteString(files[p])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, err
		}
	}
	return written, nil
}
