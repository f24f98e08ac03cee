package input

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// base is a small valid briefing; cases replace one file of it.
func base() fstest.MapFS {
	return fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Test briefing\n---\nOverview.\n")},
		"content/articles/one.md": {Data: []byte(`---
title: "A headline"
outlet: Outlet
url: https://example.com/a
published: 2025-11-27
---
The cable calls it an “existential threat” to the West.
`)},
		"annotations/one.yaml": {Data: []byte(`notes:
  - id: threat
    quote: "existential threat"
    kind: fact-check
    verdict: accurate
    claim: threat-claim
    note: |
      The post said so.
    cites: [src-a]
`)},
		"annotations/claims.yaml": {Data: []byte(`claims:
  - id: threat-claim
    statement: "The department called migration an existential threat."
    verdict: accurate
    note: It did.
    cites: [src-a]
`)},
		"annotations/sources.yaml": {Data: []byte(`references:
  - id: src-a
    type: report
    title: A report
    author: [{family: Doe, given: Jane}]
    issued: {date-parts: [[2024, 12]]}
    URL: https://example.org/r
    accessed: {date-parts: [[2026, 11, 21]]}
`)},
	}
}

// sameLines fails t unless the problems got are want, in order.
func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func errLines(t *testing.T, fs fstest.MapFS) []string {
	t.Helper()
	_, err := Load(fs)
	if err == nil {
		return nil
	}
	var le *diag.ListError
	if !errors.As(err, &le) {
		t.Fatalf("Load returned %T %v, want *diag.ListError", err, err)
	}
	var out []string
	for _, e := range le.Errs {
		out = append(out, e.Error())
	}
	return out
}

func TestLoadValid(t *testing.T) {
	b, err := Load(base())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(b.Articles) != 1 || len(b.Articles[0].Notes) != 1 || len(b.Claims) != 1 || len(b.Sources) != 1 {
		t.Fatalf("got %d articles, %d claims, %d sources", len(b.Articles), len(b.Claims), len(b.Sources))
	}
	a := b.Articles[0]
	if a.Slug != "one" || a.Title != "A headline" || a.Published.ISO() != "2025-11-27" {
		t.Errorf("article = %+v", a)
	}
	if got := a.Body.Pos.Line; got != 7 {
		t.Errorf("body starts at line %d, want 7", got)
	}
	n := a.Notes[0]
	if n.QuotePos.String() != "annotations/one.yaml:3:12" {
		t.Errorf("quote position = %s", n.QuotePos)
	}
	if n.Body.Text != "The post said so.\n" || n.Body.Pos.String() != "annotations/one.yaml:8:7" {
		t.Errorf("note body = %q at %s", n.Body.Text, n.Body.Pos)
	}
	s := b.Sources[0]
	if s.Issued.ISO() != "2024-12" || s.Author[0].Family != "Doe" || s.Accessed.ISO() != "2026-11-21" {
		t.Errorf("source = %+v", s)
	}
}

// indentHint ends the message for a line that breaks a list or a mapping.
const indentHint = "check this line's indentation: the fields of an entry line up under each other, and the entries of a list each start with - at the same indentation; quote any text that contains a colon followed by a space, or starts with a quote, [ or {"

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string            // replaced in base(); "" removes nothing
		data  string            // "" deletes the file
		files map[string]string // more files replaced
		want  []string
	}{
		{
			name: "malformed yaml",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: x: y\n",
			want: []string{`annotations/one.yaml:3:13: this is not valid YAML (mapping values are not allowed in this context): check the indentation and quote any text that contains a colon followed by a space, or starts with a quote, [ or {`},
		},
		{
			// The field indented too much continues the text before it,
			// whose key is on the line above.
			name: "malformed yaml: a field that continues a value",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: x\n     kind: context\n",
			want: []string{`annotations/one.yaml:4:10: this is not valid YAML (mapping values are not allowed in this context): check the indentation and quote any text that contains a colon followed by a space, or starts with a quote, [ or {`},
		},
		{
			name: "unknown field with suggestion",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: existential threat\n    kind: context\n    notes: x\n    note: y\n",
			want: []string{`annotations/one.yaml:5:5: unknown field "notes" in a note (did you mean "note"?); the fields are: id, quote, prefix, suffix, occurrence, kind, verdict, claimant, claimant_type, claim, note, cites`},
		},
		{
			name: "missing fields",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    kind: context\n",
			want: []string{
				`annotations/one.yaml:2:5: the note has no quote: add "quote: …"`,
				`annotations/one.yaml:2:5: the note has no text: add "note: …"`,
			},
		},
		{
			name: "duplicate note ids",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: existential\n    kind: context\n    note: x\n  - id: a\n    quote: threat\n    kind: context\n    note: y\n",
			want: []string{`annotations/one.yaml:6:9: note id "a" is already used at line 2: give each note of an article its own id`},
		},
		{
			name: "bad id",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: Bad Id\n    quote: threat\n    kind: context\n    note: x\n",
			want: []string{`annotations/one.yaml:2:9: note id "Bad Id" is not a valid id: use lower-case letters and digits, with single hyphens between words, like "bad-id"`},
		},
		{
			// Who made the claim a verdict rates: only on a fact check,
			// a name, of a person or an organization.
			name: "claimant",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    claimant: U.S. Department of State\n    note: x\n" +
				"  - id: b\n    quote: existential\n    kind: fact-check\n    verdict: accurate\n    claimant: \"\"\n    claimant_type: country\n    note: y\n" +
				"  - id: c\n    quote: civilization\n    kind: fact-check\n    verdict: accurate\n    claimant_type: person\n    note: z\n" +
				"  - id: d\n    quote: Western\n    kind: fact-check\n    verdict: accurate\n    claimant:\n    claimant_type: person\n    note: w\n",
			want: []string{
				`annotations/one.yaml:5:15: only a fact-check note names a claimant, who made the claim its verdict rates, and this note's kind is "context": remove the claimant or make the kind fact-check`,
				`annotations/one.yaml:11:15: claimant is empty: name who made the claim, or remove the line`,
				`annotations/one.yaml:12:20: claimant_type "country" is neither person nor organization: use one of those (organization when it is left out)`,
				`annotations/one.yaml:18:20: claimant_type says what the claimant is, and no claimant is given: add "claimant: …" with who made the claim, or remove the line`,
				`annotations/one.yaml:25:20: claimant_type says what the claimant is, and no claimant is given: add "claimant: …" with who made the claim, or remove the line`,
			},
		},
		{
			// DESIGN.md's [a-z0-9-]+ allows it; the pages' ids would read
			// two ways, and the message says so.
			name: "id with a double hyphen",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a--b\n    quote: threat\n    kind: context\n    note: x\n  - id: -lead\n    quote: existential\n    kind: context\n    note: y\n",
			want: []string{
				`annotations/one.yaml:2:9: note id "a--b" is not a valid id: use lower-case letters and digits, with single hyphens between words, like "a-b" (the pages join an article's name and its ids with a double hyphen, article--id, which with such hyphens would read two ways)`,
				`annotations/one.yaml:6:9: note id "-lead" is not a valid id: use lower-case letters and digits, with single hyphens between words, like "lead" (the pages join an article's name and its ids with a double hyphen, article--id, which with such hyphens would read two ways)`,
			},
		},
		{
			name: "bad kind and verdict",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: opinion\n    note: x\n  - id: b\n    quote: existential\n    kind: fact-check\n    verdict: true-ish\n    note: x\n",
			want: []string{
				`annotations/one.yaml:4:11: kind "opinion" is not a kind of note: use one of context, fact-check, background, definition, correction`,
				`annotations/one.yaml:9:14: verdict "true-ish" is not on the scale: use one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`,
			},
		},
		{
			name: "verdict on a context note",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    verdict: accurate\n    note: x\n",
			want: []string{`annotations/one.yaml:5:14: only fact-check notes carry a verdict, and this note's kind is "context": remove the verdict or make the kind fact-check`},
		},
		{
			name: "fact-check without verdict",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: fact-check\n    note: x\n",
			want: []string{`annotations/one.yaml:4:11: a fact-check note needs a verdict: add "verdict: …" with one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`},
		},
		{
			name: "a source cited twice by a note",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n    cites: [src-a, src-a]\n",
			want: []string{`annotations/one.yaml:6:20: source "src-a" is cited twice in this list (first at line 6, column 13): cite each source once`},
		},
		{
			name: "a source cited twice by a claim, in a block list",
			file: "annotations/claims.yaml",
			data: "- id: threat-claim\n  statement: S\n  verdict: accurate\n  note: N\n  cites:\n    - src-a\n    - src-a\n",
			want: []string{`annotations/claims.yaml:7:7: source "src-a" is cited twice in this list (first at line 6, column 7): cite each source once`},
		},
		{
			name: "a source cited twice by the timeline",
			file: "content/_index.md",
			data: "---\ntitle: T\ntimeline:\n  - date: 2025-11-21\n    text: Sent.\n    cites: [src-a, src-a]\n---\nOverview.\n",
			want: []string{`content/_index.md:6:20: source "src-a" is cited twice in this list (first at line 6, column 13): cite each source once`},
		},
		{
			name: "unknown cite and claim",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    claim: threat-claims\n    note: x\n    cites: [src-b, nowhere-at-all]\n",
			want: []string{
				`annotations/one.yaml:5:12: there is no claim "threat-claims": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
				`annotations/one.yaml:7:13: there is no source "src-b": did you mean src-a? Otherwise add it to annotations/sources.yaml`,
				`annotations/one.yaml:7:20: there is no source "nowhere-at-all": add it to annotations/sources.yaml`,
			},
		},
		{
			name: "a shortened or lengthened id",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    claim: threat\n    note: x\n    cites: [src-a-2024-report, src]\n",
			want: []string{
				`annotations/one.yaml:5:12: there is no claim "threat": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
				`annotations/one.yaml:7:13: there is no source "src-a-2024-report": did you mean src-a? Otherwise add it to annotations/sources.yaml`,
				`annotations/one.yaml:7:32: there is no source "src": did you mean src-a? Otherwise add it to annotations/sources.yaml`,
			},
		},
		{
			// A whole number, past what an int holds: not "from 1".
			name: "occurrence too large",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: existential threat\n    occurrence: 99999999999999999999\n    kind: context\n    note: x\n",
			want: []string{`annotations/one.yaml:4:17: occurrence "99999999999999999999" is more than any article holds: count the places again`},
		},
		{
			name: "wrong types",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: [threat]\n    kind: context\n    occurrence: two\n    note: x\n    cites: src-a\n",
			want: []string{
				`annotations/one.yaml:3:12: quote must be text, not a list: write it without the brackets, like quote: threat (a text that itself starts with [ goes in quotes, like quote: "[threat]")`,
				`annotations/one.yaml:5:17: occurrence must be a whole number from 1, not "two"`,
				`annotations/one.yaml:7:12: cites must be a list, like [source-id, other-source-id], not "src-a"`,
			},
		},
		{
			name: "notes file without article",
			file: "annotations/oen.yaml",
			data: "notes: []\n",
			want: []string{`annotations/oen.yaml:1:1: there is no article content/articles/oen.md for these notes: a notes file is named after its article's file (the notes on content/articles/NAME.md are annotations/NAME.yaml) (did you mean one.yaml?)`},
		},
		{
			name: "bad date and url",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: javascript:alert(1)\npublished: 2025-13-40\n---\nThe existential threat.\n",
			want: []string{
				`content/articles/one.md:4:6: url "javascript:alert(1)" is not a web address: only http:// and https:// addresses are allowed`,
				`content/articles/one.md:5:12: published "2025-13-40" is not a real date: the month is 01 to 12, and the day a day of that month`,
			},
		},
		{
			name: "html in front matter",
			file: "content/articles/one.md",
			data: "---\ntitle: \"Hi <script>alert(1)</script>\"\noutlet: O\nurl: https://e.com\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:2:8: title contains HTML (<script>): this field is plain text; remove the tag`},
		},
		{
			name: "missing front matter fields",
			file: "content/articles/one.md",
			data: "---\ntitle: T\n---\nThe existential threat.\n",
			want: []string{
				`content/articles/one.md:2:1: the article has no outlet: add "outlet: …"`,
				`content/articles/one.md:2:1: the article has no url: add "url: …"`,
			},
		},
		{
			name: "unsafe slug",
			file: "content/articles/Two Words.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/Two Words.md:1:1: "Two Words.md" is not a safe article file name: use lower-case letters and digits, with single hyphens between words, like "two-words.md"`},
		},
		{
			// A YAML reader reads the first document only: the second
			// note would be dropped without a word.
			name: "a second document",
			file: "annotations/one.yaml",
			data: "---\nnotes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\n---\n  - id: other\n    quote: existential\n    kind: context\n    note: y\n",
			want: []string{`annotations/one.yaml:7:1: a line of --- starts a second YAML document, and nothing below it would be read: remove the line (a list's entries need no separator; each starts with -)`},
		},
		{
			name: "the end of a document",
			file: "annotations/claims.yaml",
			data: "claims:\n  - id: threat-claim\n    statement: S\n    verdict: accurate\n    note: N\n... \n  - id: other-claim\n    statement: T\n    verdict: accurate\n    note: N\n",
			want: []string{`annotations/claims.yaml:6:1: a line of ... ends the YAML document, and nothing below it would be read: remove the line`},
		},
		{
			name: "the end of a document in front matter",
			file: "content/articles/one.md",
			data: "---\ntitle: T\n...\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/one.md:3:1: a line of ... ends the YAML document, and nothing below it would be read: remove the line`},
		},
		{
			// Blank lines before the opening --- move the front matter down.
			name: "front matter after blank lines",
			file: "content/articles/one.md",
			data: "\n  \n---\ntitle: T\noutlet: O\nurl: https://e.com\npublished: 2025-13-01\n---\nThe cable calls it an “existential threat”.\n",
			want: []string{`content/articles/one.md:7:12: published "2025-13-01" is not a real date: the month is 01 to 12, and the day a day of that month`},
		},
		{
			name: "a quote mark inside a double-quoted text",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: \"Trump saying, \"A nation \\\"without\\\" borders.\"\"  \n    kind: context\n    note: x\n",
			want: []string{`annotations/one.yaml:3:27: this is not valid YAML (did not find expected key): the quoted text ends at this ", meant to be inside it, and YAML cannot read what follows: write each " inside the text as \" (or put the whole text in single quotes)`},
		},
		{
			name: "an apostrophe inside a single-quoted text",
			file: "content/articles/one.md",
			data: "---\ntitle: 'The administration's ''strong'' agenda'\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/one.md:2:27: this is not valid YAML (did not find expected key): the quoted text ends at this ', meant to be inside it, and YAML cannot read what follows: write each ' inside the text as '' (two of them), or put the whole text in double quotes`},
		},
		{
			// A note that starts with Markdown's link, as fact-checkers'
			// notes often do: YAML reads a list, and fails after it.
			name: "a text starting with [",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: [The minutes](https://example.org) say so.\n",
			want: []string{`annotations/one.yaml:5:11: this is not valid YAML (did not find expected key): the text of "note" starts with [, which YAML reads as the start of a list: put the whole text in double quotes (writing each " inside it as \"), or write it on the lines below "note: |", indented`},
		},
		{
			name: "a text starting with bold",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: **Not** what the minutes say.\n",
			want: []string{`annotations/one.yaml:5:11: this is not valid YAML (did not find expected alphabetic or numeric character): the text of "note" starts with *, which YAML reads as a reference to an anchor (so Markdown's *emphasis* or **bold** cannot start a text without quotes): put the whole text in double quotes (writing each " inside it as \"), or write it on the lines below "note: |", indented`},
		},
		{
			name: "a text starting with a quoted word",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: \"Highest\" is wrong; it was higher in 2019.\n",
			want: []string{`annotations/one.yaml:5:11: this is not valid YAML (did not find expected key): the text of "note" starts with a quote mark, so YAML reads "Highest" as the whole text and cannot read what follows it: put the whole text in double quotes (writing each " inside it as \"), or write it on the lines below "note: |", indented`},
		},
		{
			name: "a text starting with @, in front matter",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\nauthor: @reporter\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:9: this is not valid YAML (found character that cannot start any token): the text of "author" starts with @, which YAML reads as a reserved character: put the whole text in double quotes (writing each " inside it as \")`},
		},
		{
			// Two lists where one was meant: not "put it in quotes".
			name: "two lists after one key",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\n    cites: [src-a], [src-b]\n",
			want: []string{`annotations/one.yaml:6:19: this is not valid YAML (did not find expected key): YAML reads [src-a] as the whole list and cannot read what follows it: put every item inside one pair of brackets, like [src-a, src-b]`},
		},
		{
			// Escaped quote marks do not end the quoted part shown.
			name: "a quoted part with escaped marks, then more",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: \"a \\\"b\\\" c\" and more\n",
			want: []string{`annotations/one.yaml:5:11: this is not valid YAML (did not find expected key): the text of "note" starts with a quote mark, so YAML reads "a \"b\" c" as the whole text and cannot read what follows it: put the whole text in double quotes (writing each " inside it as \"), or write it on the lines below "note: |", indented`},
		},
		{
			// YAML takes the first word for a tag or an anchor's name
			// and drops it from the text, without an error of its own.
			name: "a text starting with ! or &",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: !Wrong, it was 2019.\n  - id: two\n    quote: existential\n    kind: context\n    note: &copy 2024 Reuters\n",
			want: []string{
				`annotations/one.yaml:5:11: note starts with "!Wrong,", which YAML reads as a tag and leaves out of the text: put the whole text in quotes, like note: "!Wrong, it was 2019."`,
				`annotations/one.yaml:9:11: note starts with "&copy", which YAML reads as the name of an anchor and leaves out of the text: put the whole text in quotes, like note: "&copy 2024 Reuters"`,
			},
		},
		{
			// The file's own key given again above more notes, as if
			// starting a second list: the advice for a note's first field
			// given again ("begin it with - ") does not fit it.
			name: "notes given twice",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\nnotes:\n  - id: other\n    quote: existential\n    kind: context\n    note: y\n",
			want: []string{`annotations/one.yaml:6:1: field "notes" appears twice in the notes file: remove this line, so that the entries below it join those of line 1`},
		},
		{
			name: "kind and verdict in capitals, or a letter off",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: Fact-check\n    verdict: Accurate\n    note: x\n  - id: b\n    quote: existential\n    kind: fact-check\n    verdict: needs context\n    note: y\n" +
				"  - id: c\n    quote: the\n    kind: factcheck\n    verdict: accurate\n    note: z\n  - id: d\n    quote: to\n    kind: defintion\n    note: w\n",
			want: []string{
				`annotations/one.yaml:4:11: kind "Fact-check" is not a kind of note (did you mean "fact-check"?): use one of context, fact-check, background, definition, correction`,
				`annotations/one.yaml:5:14: verdict "Accurate" is not on the scale (did you mean "accurate"?): use one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`,
				`annotations/one.yaml:10:14: verdict "needs context" is not on the scale (did you mean "needs-context"?): use one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`,
				`annotations/one.yaml:14:11: kind "factcheck" is not a kind of note (did you mean "fact-check"?): use one of context, fact-check, background, definition, correction`,
				`annotations/one.yaml:19:11: kind "defintion" is not a kind of note (did you mean "definition"?): use one of context, fact-check, background, definition, correction`,
			},
		},
		{
			// Quotes a word processor curled are part of the value to
			// YAML, and were told no more than "not a kind of note".
			name: "kind and verdict in curly quotes",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: “Fact-check”\n    verdict: ‘accurate’\n    note: x\n  - id: b\n    quote: existential\n    kind: «context»\n    note: y\n  - id: c\n    quote: the\n    kind: “contxt”\n    note: z\n",
			want: []string{
				`annotations/one.yaml:4:11: kind "“Fact-check”" is not a kind of note (did you mean "fact-check"? the quotes around it are curly ones, which YAML keeps as part of the value: remove them): use one of context, fact-check, background, definition, correction`,
				`annotations/one.yaml:5:14: verdict "‘accurate’" is not on the scale (did you mean "accurate"? the quotes around it are curly ones, which YAML keeps as part of the value: remove them): use one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`,
				`annotations/one.yaml:9:11: kind "«context»" is not a kind of note (did you mean "context"? the quotes around it are curly ones, which YAML keeps as part of the value: remove them): use one of context, fact-check, background, definition, correction`,
				`annotations/one.yaml:13:11: kind "“contxt”" is not a kind of note: use one of context, fact-check, background, definition, correction`,
			},
		},
		{
			// yaml.v3 names no line for an alias to nothing.
			name: "a text starting with one *",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: *Figures are provisional.\n",
			want: []string{`annotations/one.yaml:5:11: this is not valid YAML (unknown anchor 'Figures' referenced): the text of "note" starts with *, which YAML reads as a reference to an anchor (so Markdown's *emphasis* or **bold** cannot start a text without quotes): put the whole text in double quotes (writing each " inside it as \"), or write it on the lines below "note: |", indented`},
		},
		{
			// The text's own first and last marks: escaping the inner
			// ones, as for a quote mark inside a text, would lose them.
			name: "a text that starts and ends with a quoted phrase",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: \"Highest\" is wrong; the report says \"second highest\"\n",
			want: []string{`annotations/one.yaml:5:19: this is not valid YAML (did not find expected key): the quoted text ends at this ", meant to be inside it, and YAML cannot read what follows: write each " inside the text as \" (or put the whole text in single quotes); if the text itself starts and ends with those quote marks, put it all, marks and all, inside the other kind of quotes`},
		},
		{
			// The list below a key given a value: one problem, at the
			// value, not one for each entry as the file is read again.
			name: "a value on the line of a list's key",
			file: "annotations/one.yaml",
			data: "notes: x\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n  - id: b\n    quote: existential\n    kind: context\n    note: y\n",
			want: []string{`annotations/one.yaml:1:8: this is not valid YAML (mapping values are not allowed in this context): "notes: x" gives notes a value on its line, so YAML reads the list below it as more of that text: remove "x", so that the list is what notes holds`},
		},
		{
			// A letter off can be the opposite verdict: no guess.
			name: "a verdict not on the scale, near another",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: fact-check\n    verdict: supported\n    note: x\n",
			want: []string{`annotations/one.yaml:5:14: verdict "supported" is not on the scale: use one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`},
		},
		{
			// An anchor an alias refers to is YAML used on purpose.
			name: "a text given once and used again",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: &same The same text.\n  - id: b\n    quote: existential\n    kind: context\n    note: *same\n",
		},
		{
			// cites: [a] then cites: [b]: removing the second line would
			// drop b.
			name: "a list field given twice on one line each",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n    cites: [src-a]\n    cites: [src-b]\n",
			want: []string{`annotations/one.yaml:7:5: field "cites" appears twice in a note: keep one`},
		},
		{
			name: "a text in brackets",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: [See the claim]\n",
			want: []string{`annotations/one.yaml:5:11: note must be text, not a list: write it without the brackets, like note: See the claim (a text that itself starts with [ goes in quotes, like note: "[See the claim]")`},
		},
		{
			// Its "- " left out, a note's fields are the note before's
			// given twice: that is said once.
			name: "a note without its dash",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n\n    id: b\n    quote: existential\n    kind: context\n    note: y\n",
			want: []string{`annotations/one.yaml:7:5: field "id" appears twice in a note: if line 7 starts another entry, begin it with "- ", as line 2 does; if not, keep one`},
		},
		{
			name: "a field given twice",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n    kind: background\n",
			want: []string{`annotations/one.yaml:6:5: field "kind" appears twice in a note: keep one`},
		},
		{
			name: "published without its day",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\npublished: 2025-11\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:12: published "2025-11" needs its day, as YYYY-MM-DD: if only the month or the year is known, leave published out and say so in date_note`},
		},
		{
			// An article whose front matter YAML cannot read still has
			// its text, and its notes, checked.
			name: "front matter not YAML, and an unknown claim in the notes",
			files: map[string]string{
				"content/articles/one.md": "---\ntitle: T\n\toutlet: O\nurl: https://e.com\n---\nThe cable calls it an “existential threat” to the West.\n",
				"annotations/one.yaml":    "notes:\n  - id: threat\n    quote: existential threat\n    kind: context\n    claim: threat-clam\n    note: x\n",
			},
			want: []string{
				`annotations/one.yaml:5:12: there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
				"content/articles/one.md:3:1: this is not valid YAML (found a tab character that violates indentation): " + tabHint,
			},
		},
		{
			name: "a # in a list in brackets",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\nrelies_on: [Reuters, #1 wire]\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:22: this is not valid YAML (did not find expected node content): a # after a space starts a comment, which cuts this list short: put the text with the # in quotes, like ["#1 wire"]`},
		},
		{
			name: "a # in a list in brackets, at the end of the file",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n    cites: [src-a, #2]\n",
			want: []string{`annotations/one.yaml:6:20: this is not valid YAML (did not find expected node content): a # after a space starts a comment, which cuts this list short: put the text with the # in quotes, like ["#1 wire"]`},
		},
		{
			// The problems of a text given by an alias are found twice,
			// at the anchor, and reported once.
			name: "an alias",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: threat\n    kind: context\n    note: x\n    cites: &common [src-a, no-such]\n  - id: b\n    quote: existential\n    kind: context\n    note: y\n    cites: *common\n",
			want: []string{`annotations/one.yaml:6:28: there is no source "no-such": add it to annotations/sources.yaml`},
		},
		{
			// A German day or rank ("am 1. Januar 2024", "der 1. FC
			// Köln", "2. Weltkrieg") ends no sentence; a number before
			// another word does.
			name: "a statement with a German date",
			file: "annotations/claims.yaml",
			data: "claims:\n  - id: threat-claim\n    statement: \"Die Regierung erklärte am 1. Januar 2024, das Gesetz gelte.\"\n    verdict: accurate\n    note: N\n" +
				"  - id: b\n    statement: \"Der 1. FC Köln stieg in die 2. Bundesliga ab.\"\n    verdict: accurate\n    note: N\n" +
				"  - id: c\n    statement: \"Another claim about the 2. Weltkrieg and more.\"\n    verdict: accurate\n    note: N\n" +
				"  - id: d\n    statement: \"The count rose to 12. Then it fell.\"\n    verdict: accurate\n    note: N\n" +
				// The day's full stop ends no sentence, the month's does.
				"  - id: e\n    statement: \"Es geschah am 3. Oktober. Dann fiel die Zahl.\"\n    verdict: accurate\n    note: N\n" +
				"  - id: f\n    statement: \"Das war im 2. Weltkrieg. Danach kam der Frieden.\"\n    verdict: accurate\n    note: N\n" +
				"  - id: g\n    statement: \"Der Mr. Rubio. Dann kam er.\"\n    verdict: accurate\n    note: N\n",
			want: []string{
				`annotations/claims.yaml:15:16: the statement is more than one sentence (the next begins "Then it fell."): keep it to one sentence and put the rest in the note`,
				`annotations/claims.yaml:19:16: the statement is more than one sentence (the next begins "Dann fiel die"): keep it to one sentence and put the rest in the note`,
				`annotations/claims.yaml:23:16: the statement is more than one sentence (the next begins "Danach kam der"): keep it to one sentence and put the rest in the note`,
				`annotations/claims.yaml:27:16: the statement is more than one sentence (the next begins "Dann kam er."): keep it to one sentence and put the rest in the note`,
			},
		},
		{
			// DESIGN.md: a statement is one sentence; U.S. and Mr. end none.
			name: "a statement of two sentences",
			file: "annotations/claims.yaml",
			data: "claims:\n  - id: threat-claim\n    statement: \"The U.S. cable calls it a threat. Mr. Rubio signed it.\"\n    verdict: accurate\n    note: N\n",
			want: []string{`annotations/claims.yaml:3:16: the statement is more than one sentence (the next begins "Mr. Rubio signed"): keep it to one sentence and put the rest in the note`},
		},
		{
			// A family name that is also found in organisations'
			// names (Welle, Corte, Cour): the person's parts first, the
			// literal too, as for any person's name; "Deutsche Welle"
			// and "Human Rights Watch" the literal alone.
			name: "a person's name with an organisation's word",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: report\n    title: A\n    URL: https://e.com\n" +
				"    editor: [Klaus Welle, Vincenzo De Corte, Deutsche Welle, Human Rights Watch]\n" +
				"    author: Jean-Luc Cour\n",
			want: []string{
				`annotations/sources.yaml:6:14: a name in editor is written with its parts, like {family: Welle, given: Klaus} (or {literal: "Klaus Welle"}, if that is an organisation's name), not as "Klaus Welle"`,
				`annotations/sources.yaml:6:27: a name in editor is written with its parts, like {family: De Corte, given: Vincenzo} (or {literal: "Vincenzo De Corte"}, if that is an organisation's name), not as "Vincenzo De Corte"`,
				`annotations/sources.yaml:6:46: a name in editor is written with its parts, like {literal: "Deutsche Welle"}, not as "Deutsche Welle"`,
				`annotations/sources.yaml:6:62: a name in editor is written with its parts, like {literal: "Human Rights Watch"}, not as "Human Rights Watch"`,
				`annotations/sources.yaml:7:13: author must be a list, like [{family: Cour, given: Jean-Luc}] (or [{literal: "Jean-Luc Cour"}], if that is an organisation's name), not "Jean-Luc Cour": a name is written with its parts`,
			},
		},
		{
			name: "a source's name and date as text",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: report\n    title: A\n    author: [\"Smith, Jane\", Reuters]\n    issued: 2024-12\n    accessed: July 2023\n    URL: https://e.com\n" +
				"    editor: [Ran Abramitzky, Ursula von der Leyen, Marine Le Pen, U.S. Department of State, Human Rights Watch, van Gogh]\n" +
				"    translator: [{famly: Doe, given: Jane}]\n",
			want: []string{
				`annotations/sources.yaml:5:14: a name in author is written with its parts, like {family: Smith, given: Jane}, not as "Smith, Jane"`,
				`annotations/sources.yaml:5:29: a name in author is written with its parts, like {literal: "Reuters"}, not as "Reuters"`,
				`annotations/sources.yaml:7:15: the date accessed "July 2023" is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY, or as {date-parts: [[2024, 12, 1]]}`,
				`annotations/sources.yaml:9:14: a name in editor is written with its parts, like {family: Abramitzky, given: Ran} (or {literal: "Ran Abramitzky"}, if that is an organisation's name), not as "Ran Abramitzky"`,
				`annotations/sources.yaml:9:30: a name in editor is written with its parts, like {family: von der Leyen, given: Ursula} (or {literal: "Ursula von der Leyen"}, if that is an organisation's name), not as "Ursula von der Leyen"`,
				`annotations/sources.yaml:9:52: a name in editor is written with its parts, like {family: Le Pen, given: Marine} (or {literal: "Marine Le Pen"}, if that is an organisation's name), not as "Marine Le Pen"`,
				`annotations/sources.yaml:9:67: a name in editor is written with its parts, like {literal: "U.S. Department of State"}, not as "U.S. Department of State"`,
				`annotations/sources.yaml:9:93: a name in editor is written with its parts, like {literal: "Human Rights Watch"}, not as "Human Rights Watch"`,
				`annotations/sources.yaml:9:113: a name in editor is written with its parts, like {literal: "van Gogh"}, not as "van Gogh"`,
				`annotations/sources.yaml:10:19: unknown field "famly" in a name in translator (did you mean "family"?); the fields are: family, given, literal, dropping-particle, non-dropping-particle, suffix, comma-suffix, static-ordering, parse-names`,
			},
		},
		{
			// A date written as asked but no day of the calendar is told
			// so: "write it as YYYY-MM-DD" told it to write what it wrote.
			name: "a source's date as text, not a real one",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: report\n    title: A\n    issued: 2025-11-31\n    accessed: \"2024-13\"\n    URL: https://e.com\n  - id: src-b\n    type: report\n    title: B\n    issued: 2024-02-29\n    accessed: 2025-02\n    URL: https://e.com/b\n",
			want: []string{
				`annotations/sources.yaml:5:13: the date issued "2025-11-31" is not a real date: the year is 0001 to 9999, the month 01 to 12, and the day a day of that month`,
				`annotations/sources.yaml:6:15: the date accessed "2024-13" is not a real date: the year is 0001 to 9999, the month 01 to 12, and the day a day of that month`,
			},
		},
		{
			// A name given alone, not in a list: told how to write it
			// as one, its parts too (it was told only "must be a list").
			name: "a source's name not in a list",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: report\n    title: A\n    author: Bundesministerium der Justiz\n    editor: \"Smith, Jane\"\n    URL: https://e.com\n",
			want: []string{
				`annotations/sources.yaml:5:13: author must be a list, like [{literal: "Bundesministerium der Justiz"}], not "Bundesministerium der Justiz": a name is written with its parts`,
				`annotations/sources.yaml:6:13: editor must be a list, like [{family: Smith, given: Jane}], not "Smith, Jane": a name is written with its parts`,
			},
		},
		{
			// A mapping given by an alias where a text is due is reported
			// where it is used.
			name: "an alias of a mapping for a text",
			file: "annotations/one.yaml",
			data: "notes:\n  - &base\n    id: a\n    quote: threat\n    kind: context\n    note: x\n  - id: b\n    quote: existential\n    kind: context\n    note: *base\n",
			want: []string{`annotations/one.yaml:10:11: note must be text, not a mapping`},
		},
		{
			// The line new used to write, with notes added below it.
			name: "entries below an empty list",
			file: "annotations/one.yaml",
			data: "# notes\nnotes: []  # none yet\n\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\n",
			want: []string{`annotations/one.yaml:2:8: this is not valid YAML (did not find expected key): "notes: []  # none yet" says the list is empty, so YAML does not read the entries below it as its entries: remove the [] after notes:`},
		},
		{
			name: "entries below an empty list, at its indentation",
			file: "annotations/one.yaml",
			data: "notes: [ ]\n- id: threat\n  quote: threat\n  kind: context\n  note: x\n",
			want: []string{`annotations/one.yaml:1:8: this is not valid YAML (did not find expected key): "notes: [ ]" says the list is empty, so YAML does not read the entries below it as its entries: remove the [ ] after notes:`},
		},
		{
			// Inside an entry, the entry alone is left out, and the
			// rest of the file read on.
			name: "items below an empty list in an entry",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\n    cites: []\n      - src-a\n  - id: b\n    quote: existential\n    kind: opinion\n    note: x\n",
			want: []string{
				`annotations/one.yaml:7:7: this is not valid YAML (did not find expected key): line 6, "cites: []", says it is empty, so this entry below it is not one of its entries: remove the [] after cites:`,
				`annotations/one.yaml:10:11: kind "opinion" is not a kind of note: use one of context, fact-check, background, definition, correction`,
			},
		},
		{
			// Hugo would take it for the articles folder's own page.
			name: "slug index",
			file: "content/articles/index.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/index.md:1:1: an article cannot be named index.md: Hugo reads content/articles/index.md as the page of the folder, not as an article; rename it, like "index-article.md"`},
		},
		{
			// Hugo's habit: the folder's own page. Told neither to be
			// index.md, which is refused too, nor only to be renamed.
			name: "slug _index",
			file: "content/articles/_index.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/_index.md:1:1: the overview is content/_index.md, not a file among the articles: if this is the overview, move it up into content/; if it is an article, rename it, like "index-article.md"`},
		},
		{
			name: "slug Claims",
			file: "content/articles/Claims.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/Claims.md:1:1: "Claims.md" is not a safe article file name: use lower-case letters and digits, with single hyphens between words, like "claims-article.md"`},
		},
		{
			name: "slug claims",
			file: "content/articles/claims.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/claims.md:1:1: an article cannot be named claims.md: its notes would be annotations/claims.yaml, the briefing's claims file; rename it, like "claims-article.md"`},
		},
		{
			// Its notes' id on the all-notes page would be the contents'.
			name: "slug toc-h",
			file: "content/articles/toc-h.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/toc-h.md:1:1: an article cannot be named toc-h.md: on the all-notes page its notes would take the id notes-toc-h, which is the page's contents'; rename it, like "toc-h-article.md"`},
		},
		{
			// Its ids in the handout would be the methodology's.
			name: "slug methodology",
			file: "content/articles/methodology.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/methodology.md:1:1: an article cannot be named methodology.md: the methodology is content/methodology.md, and the print edition gives its part that name; rename it, like "methodology-article.md"`},
		},
		{
			name: "not utf-8",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nCaf\xe9 text.\n",
			want: []string{`content/articles/one.md:6:4: the file is not valid UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`},
		},
		{
			name: "not utf-8, lines counted like an editor's",
			file: "annotations/one.yaml",
			data: "\xef\xbb\xbfnotes:\r\n  - id: a\r    note: caf\xe9\n",
			want: []string{`annotations/one.yaml:3:14: the file is not valid UTF-8 text: save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`},
		},
		{
			// Without its byte-order mark, UTF-16 holding only Latin
			// letters is valid UTF-8, with a NUL between every two.
			name: "utf-16 without a byte-order mark",
			file: "annotations/one.yaml",
			data: utf16("notes:\n  - id: a\n    quote: x\n    kind: context\n    note: n\n", false),
			want: []string{`annotations/one.yaml:1:1: the file is UTF-16 text, not UTF-8: save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`},
		},
		{
			name: "utf-16, big-endian, without a byte-order mark",
			file: "content/articles/one.md",
			data: utf16("---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n", true),
			want: []string{`content/articles/one.md:1:1: the file is UTF-16 text, not UTF-8: save it as UTF-8 (in most editors: "Save with encoding", UTF-8)`},
		},
		{
			name: "claim statement too long",
			file: "annotations/claims.yaml",
			data: "claims:\n  - id: threat-claim\n    statement: \"" + strings.Repeat("x", 121) + "\"\n    verdict: accurate\n    note: n\n",
			want: []string{`annotations/claims.yaml:3:16: the statement is 121 characters long: keep it to one sentence of at most 120 characters and put the rest in the note`},
		},
		{
			name: "source problems",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: jornal-article\n    title: T\n    URL: ftp://x.org/a\n    DOI: 1257/abc\n    issued: {date-parts: [[2024, 2, 30]]}\n    author: [{given: Jane}]\n  - id: src-b\n    type: report\n    title: U\n    DOI: 10.1257 / bad doi\n",
			want: []string{
				`annotations/sources.yaml:3:11: type "jornal-article" is not a CSL type: use one such as article-journal, report, webpage, article-newspaper, book, dataset, legislation, post`,
				`annotations/sources.yaml:5:10: URL "ftp://x.org/a" is not a web address: only http:// and https:// addresses are allowed`,
				`annotations/sources.yaml:6:10: DOI "1257/abc" is not a DOI: write it as 10.xxxx/…, like 10.1257/aeri.20230459`,
				`annotations/sources.yaml:7:37: issued 2024-02-30 is not a real date: give year, month (1–12) and day`,
				`annotations/sources.yaml:8:14: a name in author has neither family nor literal: write {family: Smith, given: Jane} or {literal: "Organisation"}`,
				`annotations/sources.yaml:12:10: DOI "10.1257 / bad doi" has white space in it, which no DOI has: copy it again from the work's page, like 10.1257/aeri.20230459`,
			},
		},
		{
			name: "source dates in words",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: report\n    title: T\n    issued: {date-parts: [[2019]], season: 13}\n    accessed: {literal: last week}\n  - id: src-b\n    type: report\n    title: U\n    issued: {literal: \" \"}\n    volume: true\n  - id: src-c\n    type: report\n    title: V\n    issued: {literal: 2019, season: 3}\n    accessed: {date-parts: [[2024, 12]], season: winter}\n  - id: src-d\n    type: report\n    title: W\n    issued: {literal: Fall 2019, season: 3}\n  - id: src-e\n    type: report\n    title: X\n    issued: {literal: ca.1850, circa: true}\n  - id: src-f\n    type: report\n    title: Y\n    issued: {literal: Springfield 2019, season: 1}\n",
			want: []string{
				`annotations/sources.yaml:5:44: the season of issued must be 1 to 4 (spring, summer, autumn, winter), not "13"`,
				`annotations/sources.yaml:6:25: accessed is given as text ("last week"): give it as a date, like {date-parts: [[2024, 12, 1]]}`,
				`annotations/sources.yaml:10:23: issued is given as text, but the text is empty: write the date, or leave issued out`,
				`annotations/sources.yaml:11:13: volume is true: it is text or a number in CSL; give its value, or leave it out`,
				`annotations/sources.yaml:15:37: issued is given as text and has a season, which is not shown beside the text: put the season in the text ("Autumn 2019")`,
				`annotations/sources.yaml:16:50: accessed has a season, which is not shown: give the date itself, like {date-parts: [[2024, 12, 1]]}`,
				// The text names its season, or says circa, already: the
				// advice is not to say it twice ("Spring Spring 2019").
				`annotations/sources.yaml:20:42: issued is given as text, which names its season already, and has a season as well, which is not shown beside the text: remove the season`,
				`annotations/sources.yaml:24:39: issued is given as text, which says circa already, and marked circa as well, which is not shown beside the text: remove circa`,
				// A place's name is no season.
				`annotations/sources.yaml:28:49: issued is given as text and has a season, which is not shown beside the text: put the season in the text ("Spring Springfield 2019")`,
			},
		},
		{
			name: "circa where it is not shown",
			file: "annotations/sources.yaml",
			data: "references:\n  - id: src-a\n    type: report\n    title: T\n    issued: {literal: Spring 1850, circa: true}\n    accessed: {date-parts: [[2024, 12]], circa: true}\n  - id: src-b\n    type: report\n    title: U\n    issued: {date-parts: [[1850]], circa: perhaps}\n",
			want: []string{
				`annotations/sources.yaml:5:43: issued is given as text and marked circa, which is not shown beside the text: put it in the text ("ca. Spring 1850")`,
				`annotations/sources.yaml:6:49: accessed is marked circa, which is not shown: give the date itself, or leave circa out`,
				`annotations/sources.yaml:10:43: circa in issued must be true or false, not "perhaps"`,
			},
		},
		{
			name: "notes as a mapping",
			file: "annotations/one.yaml",
			data: "notes:\n  id: a\n",
			want: []string{`annotations/one.yaml:2:3: notes must be a list of notes, each starting with "- id: …", not a mapping`},
		},
		{
			name: "blank quote is reported once",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: \"  \"\n    kind: context\n    note: x\n",
			want: []string{`annotations/one.yaml:3:12: quote is empty: copy the exact words the note is about`},
		},
		{
			// yaml.v3 counts a parser error's line from 0: the bracket opens on line 3.
			name: "unclosed bracket",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    cites: [src-a\n    quote: x\n",
			want: []string{`annotations/one.yaml:3:12: this is not valid YAML (did not find expected ',' or ']'): the list in brackets that opens here is not closed on its line, so YAML reads on past it: add the closing ] at the end of the list`},
		},
		{
			name: "unclosed bracket in front matter",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\nrelies_on: [Reuters\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:12: this is not valid YAML (did not find expected ',' or ']'): the list in brackets that opens here is not closed on its line, so YAML reads on past it: add the closing ] at the end of the list`},
		},
		{
			// yaml.v3 names line 2, where the list began; the field
			// indented one space too few is on line 4.
			name: "field indented too little",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: x\n   kind: context\n",
			want: []string{`annotations/one.yaml:4:4: this is not valid YAML (did not find expected '-' indicator): ` + indentHint},
		},
		{
			name: "field indented too much, far from the top",
			file: "annotations/one.yaml",
			data: "notes:\n" + func() string {
				var b strings.Builder
				for i := range 40 {
					fmt.Fprintf(&b, "  - id: x%d\n    quote: x\n    kind: context\n    note: y\n\n", i)
				}
				return b.String()
			}() + "  - id: a\n    quote: \"x\"\n     kind: context\n    note: y\n",
			want: []string{`annotations/one.yaml:204:6: this is not valid YAML (did not find expected key): ` + indentHint},
		},
		{
			name: "line of a note's text indented less than the text",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: x\n    note: |\n      First line.\n     Second line.\n    kind: context\n",
			want: []string{`annotations/one.yaml:6:6: this is not valid YAML (did not find expected key): ` + indentHint},
		},
		{
			name: "list item indented too much",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: x\n\n   - id: b\n    quote: y\n",
			want: []string{`annotations/one.yaml:5:4: this is not valid YAML (did not find expected '-' indicator): ` + indentHint},
		},
		{
			// yaml.v3 fails on line 6, after the quote mark that closes
			// the text it took in; the cause is the quote left open on
			// line 3.
			name: "quoted text not closed",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: \"existential threat\n    kind: context\n    note: |\n      The \"post\" said so.\n    cites: [src-a]\n  - id: b\n    quote: x\n    kind: context\n",
			want: []string{
				`annotations/one.yaml:3:12: this is not valid YAML (did not find expected key): the quoted text that opens here is not closed on its line, so YAML reads on past it and fails at line 6: add the closing " at the end of the text`,
				// The next note, read without the broken one.
				`annotations/one.yaml:8:5: the note has no text: add "note: …"`,
			},
		},
		{
			// The quote left open closes in the next note, whose own
			// mistake then keeps the text from parsing: closed where it
			// opens, the text fails further down, at that mistake, which
			// yaml.v3 names at the note's first line (7), as it named the
			// whole (line 7, where the open text ended). Each is told at
			// its place.
			name: "quoted text not closed, and a mistake in the next note",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: \"existential threat\n    kind: context\n    note: x\n  - id: b\n    quote: \"Western civilization\"\n    kind: context\n    note: \"He said \"no\" to it\"\n",
			want: []string{
				`annotations/one.yaml:3:12: this is not valid YAML (did not find expected key): the quoted text that opens here is not closed on its line, so YAML reads on past it and fails at line 7: add the closing " at the end of the text`,
				`annotations/one.yaml:9:20: this is not valid YAML (did not find expected key): the quoted text ends at this ", meant to be inside it, and YAML cannot read what follows: write each " inside the text as \" (or put the whole text in single quotes)`,
			},
		},
		{
			name: "quoted text not closed, single quotes, after an escaped quote",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: 'the department''s threat\n    kind: context\n    note: x\n    cites: [src-a]\n",
			want: []string{`annotations/one.yaml:3:12: this is not valid YAML (found unexpected end of stream): the quoted text that opens here is not closed on its line, so YAML reads on past it and finds no end to it: add the closing ' at the end of the text`},
		},
		{
			name: "quoted text not closed in front matter",
			file: "content/articles/one.md",
			data: "---\ntitle: \"A headline\noutlet: Outlet\nurl: https://e.com\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:2:8: this is not valid YAML (found unexpected end of stream): the quoted text that opens here is not closed on its line, so YAML reads on past it and finds no end to it: add the closing " at the end of the text`},
		},
		{
			// Text meant to run over two lines is no cause: the
			// problem is the field indented too much further down
			// (read as going on with the text before it).
			name: "quoted text over two lines, and a field indented too much",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: \"existential\n      threat\"\n    note: |\n      \"The post\n      said so.\"\n    kind: context\n     cites: [src-a]\n",
			want: []string{`annotations/one.yaml:9:11: this is not valid YAML (mapping values are not allowed in this context): check the indentation and quote any text that contains a colon followed by a space, or starts with a quote, [ or {`},
		},
		{
			name: "several authors as a list",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\nauthor: [Jane Doe, John Roe]\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:9: author must be text, not a list: name them in one text, like author: Jane Doe and John Roe`},
		},
		{
			// As items below it, a text needs no quotes either.
			name: "a url as a list below it, and authors as names and not",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl:\n  - https://e.com\nauthor: [{family: Doe}]\n---\nThe existential threat.\n",
			want: []string{
				`content/articles/one.md:5:3: url must be text, not a list: write it on the field's own line, without the -, like url: https://e.com`,
				`content/articles/one.md:6:9: author must be text, not a list: write the authors as one text, like "Jane Doe and John Roe"`,
			},
		},
		{
			name: "front matter never closed",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n--\n\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:1: the --- on line 1 opens front matter that is never closed: this line, which looks meant to close it, must be just ---`},
		},
		{
			name: "front matter closed with four dashes",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n----\nThe existential threat.\n",
			want: []string{`content/articles/one.md:5:1: the --- on line 1 opens front matter that is never closed: this line, which looks meant to close it, must be just ---`},
		},
		{
			name: "front matter in TOML",
			file: "content/articles/one.md",
			data: "+++\ntitle = \"T\"\n+++\nThe existential threat.\n",
			want: []string{`content/articles/one.md:1:1: the front matter is in TOML (between +++ lines), which is not read: write it in YAML between --- lines, with "key: value" lines`},
		},
		{
			name: "a field misspelt is not also missing",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    qoute: threat\n    kind: context\n    note: x\n",
			want: []string{`annotations/one.yaml:3:5: unknown field "qoute" in a note (did you mean "quote"?); the fields are: id, quote, prefix, suffix, occurrence, kind, verdict, claimant, claimant_type, claim, note, cites`},
		},
		{
			name: "article file in capitals",
			file: "content/articles/Café NEWS.MD",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/Café NEWS.MD:1:1: article files end in .md (lower case): rename it to cafe-news.md`},
		},
		{
			// Saved by an editor that adds .txt to every name.
			name: "article file with .txt after .md",
			file: "content/articles/two.md.txt",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\n---\nText.\n",
			want: []string{`content/articles/two.md.txt:1:1: article files end in .md (lower case): rename it to two.md`},
		},
		{
			name: "notes file with .txt after .yaml",
			file: "annotations/two.yaml.txt",
			data: "notes: []\n",
			want: []string{`annotations/two.yaml.txt:1:1: notes files end in .yaml: rename it to two.yaml`},
		},
		{
			name: "front matter never closed, Windows line ends",
			file: "content/_index.md",
			data: "---\r\ntitle: T\r\n\r\nThe overview.\r\n",
			want: []string{`content/_index.md:1:1: the --- on line 1 opens front matter that is never closed: put a line of just --- after its last field, before the text`},
		},
		{
			name: "bad indentation in front matter",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://e.com\nrelies_on:\n  - Reuters\n - AP\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:7:2: this is not valid YAML (did not find expected key): ` + indentHint},
		},
		{
			name: "tab indentation",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n  \tquote: x\n",
			want: []string{`annotations/one.yaml:3:3: this is not valid YAML (found a tab character that violates indentation): indent with spaces: YAML does not allow tabs for indentation`},
		},
		{
			name: "a key indented with a tab",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: \"x\"\n\tkind: context\n",
			want: []string{`annotations/one.yaml:4:1: this is not valid YAML (found character that cannot start any token): indent with spaces: YAML does not allow tabs for indentation`},
		},
		{
			// A field gone wrong is the one left out, and not called
			// missing: a key indented, a key without its colon, the first
			// field without its colon (YAML fails at the next key); the
			// other fields are checked.
			name: "front matter: a key indented",
			file: "content/articles/one.md",
			data: "---\ntitle: T\noutlet: O\n  url: https://e.com/one\n---\nThe existential threat.\n",
			want: []string{`content/articles/one.md:4:6: this is not valid YAML (mapping values are not allowed in this context): check the indentation and quote any text that contains a colon followed by a space, or starts with a quote, [ or {`},
		},
		{
			name: "front matter: a key without its colon, and an empty title",
			file: "content/articles/one.md",
			data: "---\ntitle: \"\"\noutlet O\nurl: https://e.com/one\n---\nThe existential threat.\n",
			want: []string{
				`content/articles/one.md:2:8: the article's title is empty: write it between the quotes after title:`,
				`content/articles/one.md:3:7: this is not valid YAML (could not find expected ':'): there is no colon after outlet, so YAML does not read the line as the field outlet and its value: write it outlet: O`,
			},
		},
		{
			name: "front matter: a field quoted whole",
			file: "content/articles/one.md",
			data: "---\n\"title: T\noutlet: O\nurl: e.com/one\n---\nThe existential threat.\n",
			want: []string{
				`content/articles/one.md:2:1: this is not valid YAML (found unexpected end of stream): the quoted text that opens here is not closed on its line, so YAML reads on past it and finds no end to it: add the closing " at the end of the text`,
				`content/articles/one.md:4:6: url "e.com/one" is not a full web address: start it with https://`,
			},
		},
		{
			name: "front matter: the first field without its colon",
			file: "content/articles/one.md",
			data: "---\ntitle \"T\"\noutlet: O\nurl: e.com/one\npublished: 2025-11-27\n---\nThe existential threat.\n",
			want: []string{
				`content/articles/one.md:2:6: this is not valid YAML (mapping values are not allowed in this context): there is no colon after title, so YAML does not read the line as the field title and its value: write it title: "T"`,
				`content/articles/one.md:4:6: url "e.com/one" is not a full web address: start it with https://`,
			},
		},
		{
			name: "an entry of the front matter indented with spaces and a tab",
			file: "content/articles/one.md",
			data: "---\ntitle: T\nrelies_on:\n  \t- Reuters\n---\n\nText.\n",
			want: []string{
				// The other fields are read without relies_on: the
				// article lacks two.
				`content/articles/one.md:2:1: the article has no outlet: add "outlet: …"`,
				`content/articles/one.md:2:1: the article has no url: add "url: …"`,
				`content/articles/one.md:4:3: this is not valid YAML (found character that cannot start any token): indent with spaces: YAML does not allow tabs for indentation`,
			},
		},
		{
			name: "control character",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    note: x\x0by\n",
			want: []string{`annotations/one.yaml:3:12: an invisible control character (U+000B, vertical tab) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`},
		},
		{
			// yaml.v3 would take U+0085 for a line break and report a
			// missing colon on the next line.
			name: "next line and a C1 control in a note",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    note: |\n      x\u0085y \u0090z\n",
			want: []string{
				`annotations/one.yaml:4:8: an invisible control character (U+0085, next line) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
				`annotations/one.yaml:4:11: an invisible control character (U+0090) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
			},
		},
		{
			name: "a noncharacter inside a note",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    note: x \ufffey\n",
			want: []string{`annotations/one.yaml:3:13: this is not valid YAML (control characters are not allowed): remove the invisible character (U+FFFE) (it often comes from copying text out of a PDF or a word processor)`},
		},
		{
			name: "a line separator in a note, a paragraph separator in a quote",
			file: "annotations/one.yaml",
			data: "notes:\n  - id: a\n    quote: \"x\u2029y\"\n    kind: context\n    note: |\n      \u201cx\u201d \u2013 y\u2028z\n",
			want: []string{
				`annotations/one.yaml:3:14: an invisible separator (U+2029, paragraph separator) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
				`annotations/one.yaml:6:14: an invisible separator (U+2028, line separator) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
			},
		},
		{
			name: "a control character in front matter",
			file: "content/articles/two.md",
			data: "---\ntitle: T\x1b[1m\noutlet: O\nurl: https://example.com/two\n---\n\nText.\n",
			want: []string{`content/articles/two.md:2:9: an invisible control character (U+001B, escape) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`},
		},
		{
			name: "unclosed brace on the last line, no newline",
			file: "annotations/one.yaml",
			data: "notes: {",
			want: []string{`annotations/one.yaml:1:8: this is not valid YAML (did not find expected node content): the mapping in braces that opens here is not closed on its line, so YAML reads on past it: add the closing } at the end of the mapping`},
		},
		{
			name: "unreadable bibliography: cites not checked",
			file: "annotations/sources.yaml",
			data: "references: [\n",
			want: []string{`annotations/sources.yaml:1:13: this is not valid YAML (did not find expected node content): the list in brackets that opens here is not closed on its line, so YAML reads on past it: add the closing ] at the end of the list`},
		},
		{
			name: "unreadable claims: claim ids not checked",
			file: "annotations/claims.yaml",
			data: "claims: {\n",
			want: []string{`annotations/claims.yaml:1:9: this is not valid YAML (did not find expected node content): the mapping in braces that opens here is not closed on its line, so YAML reads on past it: add the closing } at the end of the mapping`},
		},
		{
			name: "control characters in an article",
			file: "content/articles/two.md",
			data: "---\ntitle: T\noutlet: O\nurl: https://example.com/two\n---\n\nA vertical\vtab,\ta tab, a\u00a0no-break space.\n\nA NUL\x00, a next line\u0085 and an \u00e9.\n",
			want: []string{
				`content/articles/two.md:7:11: an invisible control character (U+000B, vertical tab) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
				`content/articles/two.md:9:6: an invisible control character (U+0000, NUL) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
				`content/articles/two.md:9:20: an invisible control character (U+0085, next line) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`,
			},
		},
		{
			name: "a control character in the overview",
			file: "content/_index.md",
			data: "---\ntitle: T\n---\nThe \fcables.\n",
			want: []string{`content/_index.md:4:5: an invisible control character (U+000C, form feed) is in the text: remove it (it often comes from copying text out of a PDF or a word processor)`},
		},
		{
			name: "a publisher's address without a name, and one that is no address",
			file: "content/_index.md",
			data: "---\ntitle: T\npublisher_url: gazette.example\n---\nOverview.\n",
			want: []string{
				`content/_index.md:3:16: publisher_url "gazette.example" is not a full web address: start it with https://`,
				`content/_index.md:3:16: publisher_url is the address of the briefing's publisher, and no publisher is named: add "publisher: …" with its name`,
			},
		},
		{
			name: "the briefing's date without its day",
			file: "content/_index.md",
			data: "---\ntitle: T\npublished: 2025-12\n---\nOverview.\n",
			want: []string{`content/_index.md:3:12: published "2025-12" needs its day, as YYYY-MM-DD: the day the briefing was published, the date of its reviews of claims`},
		},
		{
			name: "missing index",
			file: "content/_index.md",
			data: "",
			want: []string{`content/_index.md:1:1: the briefing has no content/_index.md: add one with a front matter title and the overview as its text`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := base()
			if tt.data == "" {
				delete(fs, tt.file)
			} else {
				fs[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			for name, data := range tt.files {
				fs[name] = &fstest.MapFile{Data: []byte(data)}
			}
			sameLines(t, errLines(t, fs), tt.want)
		})
	}
}

// A missing claims.yaml or bibliography is one problem at that file, not
// one at every reference into it; a file named nearly like it is taken
// for it misnamed, not read as notes.
func TestLoadMissingOrMisnamed(t *testing.T) {
	rename := func(from, to string) func(fstest.MapFS) {
		return func(fs fstest.MapFS) {
			fs[to] = fs[from]
			delete(fs, from)
		}
	}
	remove := func(names ...string) func(fstest.MapFS) {
		return func(fs fstest.MapFS) {
			for _, n := range names {
				delete(fs, n)
			}
		}
	}
	const (
		bib    = "the bibliography is read from annotations/sources.yaml (CSL-YAML) or annotations/sources.json (CSL-JSON): rename this file to "
		noBib  = `annotations/sources.yaml:1:1: there is no bibliography, yet sources are cited %s: add annotations/sources.yaml (CSL-YAML) or annotations/sources.json (CSL-JSON) with each source cited`
		noClms = `annotations/claims.yaml:1:1: there is no annotations/claims.yaml, yet claims are named once (at annotations/one.yaml:6:12): add it, with each claim the notes name`
	)
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string
	}{
		{"no bibliography", remove("annotations/sources.yaml"),
			[]string{fmt.Sprintf(noBib, "2 times (the first at annotations/claims.yaml:6:13)")}},
		{"no bibliography, cited once", remove("annotations/sources.yaml", "annotations/claims.yaml"), []string{
			noClms,
			fmt.Sprintf(noBib, "once (at annotations/one.yaml:9:13)"),
		}},
		{"no claims", remove("annotations/claims.yaml"), []string{noClms}},
		// An empty file is counted like a missing one, not listed.
		{"empty claims.yaml", func(fs fstest.MapFS) { fs["annotations/claims.yaml"] = &fstest.MapFile{Data: []byte("# none yet\n")} },
			[]string{`annotations/claims.yaml:1:1: the file lists no claims, yet claims are named once (at annotations/one.yaml:6:12): add each claim the notes name to it, under claims:`}},
		{"empty bibliography", func(fs fstest.MapFS) {
			fs["annotations/sources.yaml"] = &fstest.MapFile{Data: []byte("references: []\n")}
		}, []string{`annotations/sources.yaml:1:1: the bibliography lists no sources, yet sources are cited 2 times (the first at annotations/claims.yaml:6:13): add each source cited to it`}},
		{"empty bibliography in JSON", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[]\n")}
		}, []string{`annotations/sources.json:1:1: the bibliography lists no sources, yet sources are cited 2 times (the first at annotations/claims.yaml:6:13): add each source cited to it`}},
		// JSON's own mistakes, said in words.
		{"a comma after the last source", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\"},\n]\n")}
		}, []string{`annotations/sources.json:2:32: this is not valid JSON: a comma before ], after the last entry, is not allowed in JSON: remove it`}},
		{"a comma after the last field", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[{\"id\": \"src-a\",\n  \"title\": \"A\",  }]")}
		}, []string{`annotations/sources.json:2:15: this is not valid JSON: a comma before }, after the last entry, is not allowed in JSON: remove it`}},
		// A value's own error is told where the value is, not where its
		// entry began (the decoder counts such offsets from there).
		{"text without quotes", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\",\n   \"type\": report,\n   \"title\": \"A\"}\n]\n")}
		}, []string{`annotations/sources.json:3:12: this is not valid JSON: text must be between double quotes ("…"); only numbers, true, false and null go without`}},
		{"text in single quotes", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\"},\n  {\"id\": \"src-b\",\n   \"title\":'B'}\n]\n")}
		}, []string{`annotations/sources.json:4:12: this is not valid JSON: JSON puts text between double quotes ("…"), not single ones`}},
		{"a list item without quotes", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\",\n   \"keyword\": [\"official\", x]}\n]\n")}
		}, []string{`annotations/sources.json:3:28: this is not valid JSON: text must be between double quotes ("…"); only numbers, true, false and null go without`}},
		{"a text not closed", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\"},\n  {\"id\": \"src-b\",\n   \"title\": \"B,\n   \"type\": \"report\"}\n]\n")}
		}, []string{`annotations/sources.json:4:13: this is not valid JSON: the text that opens here is not closed on its line: end it with "`}},
		{"a backslash in a text", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\"},\n  {\"id\": \"src-b\",\n   \"title\": \"Panama \\d\"}\n]\n")}
		}, []string{`annotations/sources.json:4:21: this is not valid JSON: a \ in a text starts an escape (\" for a quote, \n for a new line): write \\ for a backslash itself`}},
		{"a tab in a text", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\tB\"}\n]\n")}
		}, []string{`annotations/sources.json:2:30: this is not valid JSON: a text may not hold a tab or another control character: write a tab as \t, or a space`}},
		{"the last bracket left out", func(fs fstest.MapFS) {
			delete(fs, "annotations/sources.yaml")
			fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n  {\"id\": \"src-a\", \"title\": \"A\"}\n")}
		}, []string{`annotations/sources.json:2:32: this is not valid JSON: the file ends before every [ and { in it is closed: check for a missing ] or }`}},
		{"source.yaml", rename("annotations/sources.yaml", "annotations/source.yaml"),
			[]string{"annotations/source.yaml:1:1: " + bib + "sources.yaml"}},
		{"Sources.yaml", rename("annotations/sources.yaml", "annotations/Sources.yaml"),
			[]string{"annotations/Sources.yaml:1:1: " + bib + "sources.yaml"}},
		{"sources.yml", rename("annotations/sources.yaml", "annotations/sources.yml"),
			[]string{"annotations/sources.yml:1:1: " + bib + "sources.yaml"}},
		{"sources.JSON", rename("annotations/sources.yaml", "annotations/sources.JSON"),
			[]string{"annotations/sources.JSON:1:1: " + bib + "sources.json"}},
		{"claim.yaml", rename("annotations/claims.yaml", "annotations/claim.yaml"),
			[]string{"annotations/claim.yaml:1:1: the claims are read from annotations/claims.yaml: rename this file to claims.yaml"}},
		{"claims.yml", rename("annotations/claims.yaml", "annotations/claims.yml"),
			[]string{"annotations/claims.yml:1:1: the claims are read from annotations/claims.yaml: rename this file to claims.yaml"}},
		{
			// With the bibliography there, source.yaml is the notes on an
			// article of that name, and is told so.
			"source.yaml beside sources.yaml",
			func(fs fstest.MapFS) { fs["annotations/source.yaml"] = fs["annotations/one.yaml"] },
			[]string{`annotations/source.yaml:1:1: there is no article content/articles/source.md for these notes: a notes file is named after its article's file (the notes on content/articles/NAME.md are annotations/NAME.yaml)`},
		},
		{
			// An article named like the missing file keeps its notes.
			"an article called source",
			func(fs fstest.MapFS) {
				delete(fs, "annotations/sources.yaml")
				fs["content/articles/source.md"] = otherURL(fs["content/articles/one.md"])
				fs["annotations/source.yaml"] = fs["annotations/one.yaml"]
			},
			[]string{fmt.Sprintf(noBib, "3 times (the first at annotations/claims.yaml:6:13)")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := base()
			tt.change(fs)
			sameLines(t, errLines(t, fs), tt.want)
		})
	}
}

// TestLoadFolders: files in a folder of content/articles or annotations
// would be left out without a word: the folder is reported, once, unless
// its name starts with a dot or it holds no such file.
func TestLoadFolders(t *testing.T) {
	fs := base()
	fs["content/articles/2025/two/index.md"] = fs["content/articles/one.md"]
	fs["content/articles/2025/three.md"] = fs["content/articles/one.md"]
	fs["content/articles/images/x.png"] = &fstest.MapFile{Data: []byte("png")}
	fs["content/articles/.drafts/four.md"] = fs["content/articles/one.md"]
	fs["content/articles/misc/.hidden/five.md"] = fs["content/articles/one.md"]
	fs["annotations/old/one.yaml"] = fs["annotations/one.yaml"]
	fs["annotations/.old/one.yaml"] = fs["annotations/one.yaml"]
	sameLines(t, errLines(t, fs), []string{
		"annotations/old:1:1: annotations/old/one.yaml is in a folder: the briefing reads only the files in annotations itself, so it would be left out; move the folder's .yaml files up into annotations (or start the folder's name with a dot to keep it out of the briefing)",
		"content/articles/2025:1:1: content/articles/2025/three.md is in a folder: the briefing reads only the files in content/articles itself, so it would be left out; move the folder's .md files up into content/articles (or start the folder's name with a dot to keep it out of the briefing)",
	})
}

// TestLoadMisnamedFolders: content/ or annotations/ named otherwise
// (in capitals, as a Mac would find them; a letter off) or annotations/
// put in content/ is the one problem, not every file in it missing, nor
// the notes left out without a word.
func TestLoadMisnamedFolders(t *testing.T) {
	const caseNote = " (a Mac finds it under either case, a Linux host only as written, and would publish the site without it)"
	for _, c := range []struct{ from, to, want string }{
		{"annotations/", "Annotations/", "Annotations:1:1: the briefing reads its notes, claims and sources from annotations/: rename this folder to annotations" + caseNote},
		{"annotations/", "annotation/", "annotation:1:1: the briefing reads its notes, claims and sources from annotations/: rename this folder to annotations"},
		{"annotations/", "content/annotations/", "content/annotations:1:1: annotations/ sits beside content/, not in it: move this folder up, next to content/"},
		{"content/", "Content/", "Content:1:1: the briefing reads its articles and pages from content/: rename this folder to content" + caseNote},
		{"content/", "contents/", "contents:1:1: the briefing reads its articles and pages from content/: rename this folder to content"},
	} {
		fs := fstest.MapFS{}
		for name, f := range base() {
			if rest, ok := strings.CutPrefix(name, c.from); ok {
				name = c.to + rest
			}
			fs[name] = f
		}
		fs["docs/readme.md"] = &fstest.MapFile{Data: []byte("Another folder, not read.\n")}
		sameLines(t, errLines(t, fs), []string{c.want})
	}
	// A misnamed folder of .yml files is one too.
	fs := fstest.MapFS{}
	for name, f := range base() {
		if rest, ok := strings.CutPrefix(name, "annotations/"); ok {
			name = "Annotations/" + strings.TrimSuffix(rest, ".yaml") + ".yml"
		}
		fs[name] = f
	}
	sameLines(t, errLines(t, fs), []string{"Annotations:1:1: the briefing reads its notes, claims and sources from annotations/: rename this folder to annotations" + caseNote})
	// A briefing without annotations/ (valid) beside a folder named like
	// it that holds none of its files is not told to rename it.
	fs = base()
	for name := range fs {
		if strings.HasPrefix(name, "annotations/") {
			delete(fs, name)
		}
	}
	fs["notations/music.txt"] = &fstest.MapFile{Data: []byte("Not the briefing's.\n")}
	if got := strings.Join(errLines(t, fs), "\n"); strings.Contains(got, "notations") {
		t.Errorf("a folder of other files named like annotations/ is told:\n%s", got)
	}
}

// TestLoadContentOthers: Markdown in content/ that the briefing would not
// read is reported: another page, the overview or the methodology
// misnamed, a folder of Markdown, articles/ misnamed.
func TestLoadContentOthers(t *testing.T) {
	fs := base()
	fs["content/about.md"] = fs["content/_index.md"]
	fs["content/README.txt"] = &fstest.MapFile{Data: []byte("not Markdown: not looked at")}
	fs["content/Methodology.md"] = fs["content/_index.md"]
	fs["content/.draft.md"] = fs["content/_index.md"]
	fs["content/pages/a.md"] = fs["content/_index.md"]
	fs["content/article/b.md"] = fs["content/articles/one.md"]
	sameLines(t, errLines(t, fs), []string{
		"content/Methodology.md:1:1: the methodology is read from content/methodology.md: rename this file to methodology.md",
		"content/about.md:1:1: this page is not read: content/ holds the overview (_index.md), the methodology (methodology.md) and the articles (articles/<slug>.md); move an article into content/articles, or the file out of content/",
		"content/article:1:1: articles are read from content/articles: rename this folder to articles",
		"content/pages:1:1: content/pages/a.md is in a folder: the briefing reads only the files in content/articles itself, so it would be left out; move the folder's .md files up into content/articles (or start the folder's name with a dot to keep it out of the briefing)",
	})
	// With the overview misnamed, it is named as such, and that is the one
	// problem: the missing content/_index.md is not another.
	for _, name := range []string{"index.md", "Overview.markdown", "_idnex.md"} {
		fs = base()
		fs["content/"+name] = fs["content/_index.md"]
		delete(fs, "content/_index.md")
		sameLines(t, errLines(t, fs), []string{"content/" + name + ":1:1: the overview is read from content/_index.md: rename this file to _index.md"})
	}
	// Two files named like the overview, or like the methodology: the
	// first is taken for it and told to take its name; the second is
	// told of the first, not to take the same name.
	fs = base()
	delete(fs, "content/_index.md")
	fs["content/index.md"] = base()["content/_index.md"]
	fs["content/overview.md"] = base()["content/_index.md"]
	fs["content/Methodology.md"] = base()["content/_index.md"]
	fs["content/methodolgy.md"] = base()["content/_index.md"]
	sameLines(t, errLines(t, fs), []string{
		"content/Methodology.md:1:1: the methodology is read from content/methodology.md: rename this file to methodology.md",
		"content/index.md:1:1: the overview is read from content/_index.md: rename this file to _index.md",
		"content/methodolgy.md:1:1: content/Methodology.md is taken for the methodology, misnamed, and read; this file is named like it too and is not read: keep one of the two, named methodology.md",
		"content/overview.md:1:1: content/index.md is taken for the overview, misnamed, and this file is named like it too: keep one of the two, named _index.md",
	})
	// A page that is not the overview leaves _index.md missing.
	fs = base()
	fs["content/about.md"] = fs["content/_index.md"]
	delete(fs, "content/_index.md")
	sameLines(t, errLines(t, fs), []string{
		"content/_index.md:1:1: the briefing has no content/_index.md: add one with a front matter title and the overview as its text",
		"content/about.md:1:1: this page is not read: content/ holds the overview (_index.md), the methodology (methodology.md) and the articles (articles/<slug>.md); move an article into content/articles, or the file out of content/",
	})
}

// TestLoadNotABriefing: a folder with neither content/ nor annotations/
// is most likely not the briefing: one problem says so.
func TestLoadNotABriefing(t *testing.T) {
	got := errLines(t, fstest.MapFS{"README.md": {Data: []byte("# Something else\n")}})
	want := `content:1:1: the briefing folder has neither content/ nor annotations/: is this the briefing? Run in its folder, or name it with --root (to start a briefing here, run "generator new" with its first article's slug, --url and --outlet)`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// --root given the content/ or annotations/ folder itself.
	got = errLines(t, fstest.MapFS{"_index.md": {Data: []byte("---\ntitle: T\n---\n")}, "articles/one.md": {Data: []byte("x")}})
	want = `_index.md:1:1: this is a briefing's content/ folder, not the briefing folder, which holds content/ and annotations/: name the folder above this one with --root`
	if len(got) != 1 || got[0] != want {
		t.Errorf("the content folder: got %q, want %q", got, want)
	}
	got = errLines(t, fstest.MapFS{"one.yaml": {Data: []byte("notes: []\n")}, "claims.yaml": {Data: []byte("claims: []\n")}})
	want = `claims.yaml:1:1: this is a briefing's annotations/ folder, not the briefing folder, which holds content/ and annotations/: name the folder above this one with --root`
	if len(got) != 1 || got[0] != want {
		t.Errorf("the annotations folder: got %q, want %q", got, want)
	}
}

func TestLoadEmptyContent(t *testing.T) {
	fs := fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: T\n---\n")}}
	got := errLines(t, fs)
	want := `content/articles:1:1: the briefing has no articles: add one as content/articles/<slug>.md`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadCRLFAndBOM(t *testing.T) {
	fs := base()
	for name, f := range fs {
		data := strings.ReplaceAll(string(f.Data), "\n", "\r\n")
		if strings.HasSuffix(name, ".md") {
			data = "\xef\xbb\xbf" + data
		}
		fs[name] = &fstest.MapFile{Data: []byte(data)}
	}
	b, err := Load(fs)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := b.Articles[0].Notes[0].Body.Text; got != "The post said so.\n" {
		t.Errorf("note body = %q", got)
	}
	if strings.Contains(b.Articles[0].Body.Text, "\r") {
		t.Errorf("body keeps CR: %q", b.Articles[0].Body.Text)
	}
}

func TestLoadCSLJSON(t *testing.T) {
	fs := base()
	delete(fs, "annotations/sources.yaml")
	fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte(`[
	{
		"id": "src-a",
		"type": "article-journal",
		"title": "Law-Abiding Immigrants",
		"container-title": "American Economic Review: Insights",
		"author": [{"family": "Abramitzky", "given": "Ran"}, {"family": "Boustan", "given": "Leah"}],
		"issued": {"date-parts": [["2024", 12]]},
		"DOI": "10.1257/aeri.20230459",
		"ISSN": "2640-205X",
		"volume": 6
	}
]`)}
	b, err := Load(fs)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	s := b.Sources[0]
	if s.Issued.ISO() != "2024-12" || s.Volume != "6" || len(s.Author) != 2 || s.Other["ISSN"] != "2640-205X" {
		t.Errorf("source = %+v", s)
	}

	fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte("[\n {\"id\": \"src-a\", \"type\": \"report\", \"title\": \"T\", \"colour\": 1}\n]")}
	got := errLines(t, fs)
	if len(got) != 1 || got[0] != `annotations/sources.json:2:50: unknown field "colour" in a source; the fields are: the CSL variables, such as id, type, title, author, issued, container-title, DOI, URL, accessed` {
		t.Errorf("got %q", got)
	}
}

func errLinesNoFail(err error) []*diag.Error {
	var le *diag.ListError
	if errors.As(err, &le) {
		return le.Errs
	}
	return nil
}

// TestKeptFieldsHoldNoFile checks that what the build keeps of a note after
// its article is staged (ids, refs, quote, kind, verdict) holds no part of
// the notes file's text, which would keep the whole file in memory to the
// end of the build. The notes file carries 32 MB of comment; once the
// loaded briefing is dropped, what is kept must not hold it.
func TestKeptFieldsHoldNoFile(t *testing.T) {
	fs := base()
	pad := strings.Repeat("# "+strings.Repeat("padding ", 127)+"\n", 32<<10) // 32 MiB
	notes := string(fs["annotations/one.yaml"].Data) + `  - id: second
    quote: "the West"
    prefix: "threat” to "
    kind: context
    note: More.
    cites: [src-a]
` + pad
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(notes)}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	b, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, a := range b.Articles {
		for _, n := range a.Notes {
			kept = append(kept, n.ID, n.Quote, n.Prefix, n.Suffix, string(n.Kind), string(n.Verdict), n.Claim.ID)
			for _, c := range n.Cites {
				kept = append(kept, c.ID)
			}
		}
	}
	if len(kept) != 16 || kept[8] != "second" || kept[9] != "the West" || kept[10] != "threat” to " {
		t.Fatalf("the notes were not read as expected: %q", kept)
	}
	b = nil
	if grown := int64(heap()) - int64(before); grown > 8<<20 {
		t.Errorf("the fields kept of 2 notes hold %d MB: a part of the 32 MB notes file's text, not a copy", grown>>20)
	}
	runtime.KeepAlive(kept)
	runtime.KeepAlive(fs) // counted in before
}

// TestSuggest: an unknown field is matched to the field meant, by spelling
// (letter case aside) or by the name other tools give it, and only to a
// field the place has.
func TestSuggest(t *testing.T) {
	notes := noteFields
	for _, c := range []struct {
		key     string
		allowed []string
		want    string
	}{
		{"notes", notes, "note"},
		{"text", notes, "note"},
		{"sources", notes, "cites"},
		{"type", notes, "kind"},
		{"date", articleFields, "published"},
		{"pubDate", articleFields, "published"},
		{"link", articleFields, "url"},
		{"description", articleFields, "summary"},
		{"titel", articleFields, "title"},
		{"doi", sourceFields(), "DOI"},
		{"url", sourceFields(), "URL"},
		{"year", sourceFields(), "issued"},
		{"date", sourceFields(), "issued"},
		{"journal", sourceFields(), "container-title"},
		{"claim", claimFields, "statement"},
		{"date", noteFields, ""},
		{"colour", articleFields, ""},
		{"claism", []string{"claims"}, "claims"},
		{"oen", []string{"one", "two"}, "one"},
	} {
		if got := suggestField(c.key, c.allowed); got != c.want {
			t.Errorf("suggestField(%q) = %q, want %q", c.key, got, c.want)
		}
	}
}

// TestHashInText: YAML reads " #" in a text without quotes as the start of
// a comment, which would cut "the #1 cause" to "the" without a word; such
// a text is reported at its #, while comments written as comments (a space
// after the #, as DESIGN.md's examples have them) and a # within quotes or
// a block of text are not.
func TestHashInText(t *testing.T) {
	const cut = ` stops before %q: YAML reads a # after a space as the start of a comment; to keep it in the text, put the whole text in quotes ("…"), or to write a comment, put a space after the #`
	notes := func(lines string) string {
		return "notes:\n  - id: threat\n    quote: existential threat\n" + lines + "    cites: [src-a]\n"
	}
	for _, c := range []struct {
		name, file, data string
		want             []string
	}{
		{"note cut", "annotations/one.yaml", notes("    kind: context\n    note: It is the #1 claim of the post.\n"),
			[]string{"annotations/one.yaml:5:21: note" + fmt.Sprintf(cut, "#1 claim of the post.")}},
		{"note all comment", "annotations/one.yaml", notes("    kind: context\n    note: #MeToo is not meant\n"),
			[]string{`annotations/one.yaml:5:11: the note has no text, as YAML reads "#MeToo is not meant", after a space, as a comment; to keep it as the text, put it in quotes ("…")`}},
		{"quote cut, after a wide character", "annotations/one.yaml", "notes:\n  - id: threat\n    quote: “existential #threat”\n    kind: context\n    note: x\n",
			[]string{"annotations/one.yaml:3:25: quote" + fmt.Sprintf(cut, "#threat”")}},
		{"outlet cut in front matter", "content/articles/one.md", "---\ntitle: T\noutlet: Armust News #armustnews\nurl: https://e.com\n---\nThe existential threat.\n",
			[]string{"content/articles/one.md:3:21: outlet" + fmt.Sprintf(cut, "#armustnews")}},
		{"comments as DESIGN.md writes them", "content/articles/one.md", "---\ntitle: T  # required\noutlet: Armust News            # required\nurl: https://e.com # required\nauthor: Saif #\n---\nThe existential threat.\n", nil},
		{"comments in a notes file", "annotations/one.yaml", notes("    kind: context    # context | fact-check\n    note: |   # Markdown\n      The #1 claim, in a block.\n"), nil},
		{"# in quotes", "annotations/one.yaml", notes("    kind: context\n    note: \"The #1 claim\"\n    claim: 'threat-claim' # it is\n"), nil},
		{"# not after a space", "annotations/one.yaml", notes("    kind: context\n    note: Claim#1 and C# are text\n"), nil},
		// A comment ends a text over several lines on its last line.
		{"note over lines, cut on its last", "annotations/one.yaml", notes("    kind: context\n    note: The troops were sent\n      as the #1 priority\n"),
			[]string{"annotations/one.yaml:6:14: note" + fmt.Sprintf(cut, "#1 priority")}},
		{"note over lines and a blank one, cut on its last", "annotations/one.yaml", notes("    kind: context\n    note: The troops were sent\n\n      as  the “#1” priority   #1 of the year\n"),
			[]string{"annotations/one.yaml:7:31: note" + fmt.Sprintf(cut, "#1 of the year")}},
		{"note over lines, a comment after it", "annotations/one.yaml", notes("    kind: context\n    note: The troops were sent\n      as the first priority # a comment\n"), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			fs[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			sameLines(t, errLines(t, fs), c.want)
		})
	}
}

// TestSourceIDs: a source's id may be a citation key as reference managers
// write them; ids with spaces, or with characters that would break its
// address (sources.html#src-<id>), are not.
func TestSourceIDs(t *testing.T) {
	for id, ok := range map[string]bool{
		"doe-2024": true, "ZoteroWebAPI2021": true, "doe:2024": true, "12047273/KC6WFG78": true,
		"smith_jones.2020": true, "a+b": true, "2024": true,
		"doe 2024": false, "doe#2024": false, "doe?x": false, "-doe": false, "doe-": false, "doe%20": false,
		"<b>": false, `doe"`: false, "": false, "dóe": false,
	} {
		if ValidSourceID(id) != ok {
			t.Errorf("ValidSourceID(%q) = %v, want %v", id, !ok, ok)
		}
	}
	fs := base()
	fs["annotations/sources.yaml"] = &fstest.MapFile{Data: []byte("references:\n  - id: \"Doe 2024\"\n    type: report\n    title: T\n")}
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte("notes:\n  - id: threat\n    quote: existential threat\n    kind: context\n    note: x\n    cites: [Doe 2024]\n")}
	fs["annotations/claims.yaml"] = &fstest.MapFile{Data: []byte("claims: []\n")}
	sameLines(t, errLines(t, fs), []string{
		`annotations/sources.yaml:2:9: source id "Doe 2024" is not a valid id: use letters and digits, with - _ . : / or + between them and no spaces, like "doe-2024"`,
	})
}

// TestPlainListNotes: a notes file may be the plain list of notes, as
// claims.yaml and the bibliography may be; it reads as the same notes as
// the list under notes:.
func TestPlainListNotes(t *testing.T) {
	fs := base()
	withKey, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	notes := string(fs["annotations/one.yaml"].Data)
	plain := strings.ReplaceAll(strings.TrimPrefix(notes, "notes:\n"), "\n  ", "\n")
	plain = strings.TrimPrefix(plain, "  ")
	if strings.Contains(plain, "notes:") || !strings.HasPrefix(plain, "- id: ") {
		t.Fatalf("the plain list is not one:\n%s", plain)
	}
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(plain)}
	without, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	a, b := withKey.Articles[0].Notes, without.Articles[0].Notes
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d notes under notes:, %d as a plain list", len(a), len(b))
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Quote != b[i].Quote || a[i].Body.Text != b[i].Body.Text {
			t.Errorf("note %d: %q %q under notes:, %q %q as a plain list", i, a[i].ID, a[i].Quote, b[i].ID, b[i].Quote)
		}
	}
	// Anything else still has to be a mapping with notes:.
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte("just text\n")}
	sameLines(t, errLines(t, fs), []string{`annotations/one.yaml:1:1: the notes file must be a mapping of fields (key: value), not "just text"`})
}

// TestSuggestType: a kind of work named as Crossref, Zotero or BibTeX
// name it, or misspelt, is offered the CSL type for it.
func TestSuggestType(t *testing.T) {
	for typ, want := range map[string]string{
		"journal-article": "article-journal", "journalArticle": "article-journal", "Journal Article": "article-journal",
		"newspaperArticle": "article-newspaper", "blogPost": "post-weblog", "bookSection": "chapter",
		"inproceedings": "paper-conference", "statute": "legislation", "case": "legal_case", "reprot": "report",
		"webpages": "webpage", "colour": "",
	} {
		if got := suggestType(typ); got != want {
			t.Errorf("suggestType(%q) = %q, want %q", typ, got, want)
		}
		if want != "" && !contains(cslTypes, want) {
			t.Errorf("%q is not a CSL type", want)
		}
	}
	for k, v := range otherTypes {
		if !contains(cslTypes, v) {
			t.Errorf("otherTypes[%q] = %q, which is not a CSL type", k, v)
		}
	}
}

// TestFlowTextPositions checks where the words of a quoted or plain text
// over several lines, or with escapes, are placed in the file: YAML joins
// the lines with spaces and reads the escapes, so a problem found in the
// text (raw HTML, a link) must be mapped back part by part, not counted on
// from the text's first line.
func TestFlowTextPositions(t *testing.T) {
	fs := base()
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(`notes:
  - id: double
    quote: threat
    kind: context
    note: "The troops were sent in early 2025, see
      <b>this</b> report for \"details\" and <i>more</i>
      \u00e9t\xe9 \
      joined, then

      after a blank line."
  - id: plain
    quote: threat
    kind: context
    note: The troops were sent, see the
      report [here](x.html)   
        for details.
  - id: single
    quote: threat
    kind: context
    note: 'It''s the troops,

      see <b>this</b>.'
  - id: oneline
    quote: threat
    kind: context
    note: "One \"line\" <b>x</b>"
`)}
	fs["content/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\ntimeline:\n  - date: 2025-11-21\n    text: \"The State\n      Department <i>publishes</i>\"\n---\nOverview.\n")}
	b, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]briefing.Markdown{}
	for _, n := range b.Articles[0].Notes {
		notes[n.ID] = n.Body
	}
	notes["timeline"] = b.Index.Timeline[0].Text
	for _, c := range []struct {
		note, find string
		want       string // the file's line:col of the found text
	}{
		{"double", "The", "5:12"},
		{"double", "<b>", "6:7"},
		{"double", "</b>", "6:14"},
		{"double", "<i>", "6:46"},
		{"double", "été", "7:7"},
		{"double", "joined", "8:7"},
		{"double", "after", "10:7"},
		{"plain", "(x.html)", "15:20"},
		{"plain", "for details", "16:9"},
		{"single", "s the", "20:16"},
		{"single", "<b>", "22:11"},
		{"oneline", "<b>", "26:25"},
		{"timeline", "<i>", "6:18"},
	} {
		md := notes[c.note]
		i := strings.Index(md.Text, c.find)
		if i < 0 {
			t.Fatalf("%s: %q not in %q", c.note, c.find, md.Text)
		}
		for how, got := range map[string]diag.Pos{"PosAt": md.PosAt(i), "Positions": md.Positions().At(i)} {
			if g := fmt.Sprintf("%d:%d", got.Line, got.Col); g != c.want {
				t.Errorf("%s: %q at %s by %s, want %s (text %q)", c.note, c.find, g, how, c.want, md.Text)
			}
		}
	}
}

// TestSuggestID: an unknown id is told the id it most likely means: one a
// letter or two away, or the one id it shortens or lengthens by whole
// words; none when two ids would fit.
func TestSuggestID(t *testing.T) {
	ids := []string{"madsen-2002-mmr-autism", "doe-2024a", "doe-2024b", "smith-2020"}
	for s, want := range map[string]string{
		"madsen-2002":               "madsen-2002-mmr-autism",
		"madsen":                    "madsen-2002-mmr-autism",
		"smith-2020-study":          "smith-2020",
		"smith-2021":                "smith-2020",
		"doe-2024":                  "doe-2024a", // a letter away from both: the first
		"doe":                       "",          // shortens two
		"madsen-2002-mmr":           "madsen-2002-mmr-autism",
		"madsen-2002-mmr-autism-xx": "madsen-2002-mmr-autism",
		"mad":                       "",
		"jones-2020":                "",
	} {
		if got := suggestID(s, ids); got != want {
			t.Errorf("suggestID(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSyntaxErrorsInSeveralEntries: YAML stops at a file's first syntax
// error; a note, claim or source with one is left out and the file read
// again, so that one run reports the syntax errors of several entries and
// the other problems of the entries that read. A note naming a claim, or
// citing a source, that was left out is not told it does not exist.
func TestSyntaxErrorsInSeveralEntries(t *testing.T) {
	fs := base()
	fs["annotations/one.yaml"].Data = []byte(`notes:
  - id: colon
    quote: threat
    kind: context
    note: The post said: so.
  - id: indent
    quote: threat
     kind: context
    note: x
  - id: inner
    quote: "an "existential" threat"
    kind: context
    note: x
  - id: hash
    quote: threat
    kind: context
    note: the #1 claim
  - id: kind
    quote: threat
    kind: opinion
    note: x
    claim: broken-claim
    cites: [broken-source, src-a]
`)
	fs["annotations/claims.yaml"].Data = []byte(`claims:
  - id: broken-claim
    statement: "The department said: "no"."
    verdict: accurate
    note: x
  - id: threat-claim
    statement: "The department called migration an existential threat."
    verdict: accurate
    note: It did.
    cites: [src-a]
  - id: other
    statement: S
    verdict: true-ish
    note: x
`)
	fs["annotations/sources.yaml"].Data = []byte(`references:
  - id: broken-source
    type: report
    title: A: report
    URL: https://example.org/b
  - id: src-a
    type: report
    title: A report
    author: [{family: Doe, given: Jane}]
    issued: {date-parts: [[2024, 12]]}
    URL: https://example.org/r
  - id: src-c
    type: reprot
    title: C
    URL: https://example.org/c
`)
	got := errLines(t, fs)
	const quoting = "check the indentation and quote any text that contains a colon followed by a space, or starts with a quote, [ or {"
	want := []string{
		`annotations/claims.yaml:3:38: this is not valid YAML (did not find expected key): the quoted text ends at this ", meant to be inside it, and YAML cannot read what follows: write each " inside the text as \" (or put the whole text in single quotes)`,
		`annotations/claims.yaml:13:14: verdict "true-ish" is not on the scale: use one of accurate, needs-context, misleading, inaccurate, unsupported, disputed`,
		`annotations/one.yaml:5:24: this is not valid YAML (mapping values are not allowed in this context): ` + quoting,
		`annotations/one.yaml:8:10: this is not valid YAML (mapping values are not allowed in this context): ` + quoting,
		`annotations/one.yaml:11:16: this is not valid YAML (did not find expected key): the quoted text ends at this ", meant to be inside it, and YAML cannot read what follows: write each " inside the text as \" (or put the whole text in single quotes)`,
		`annotations/one.yaml:17:15: note stops before "#1 claim": YAML reads a # after a space as the start of a comment; to keep it in the text, put the whole text in quotes ("…"), or to write a comment, put a space after the #`,
		`annotations/one.yaml:20:11: kind "opinion" is not a kind of note: use one of context, fact-check, background, definition, correction`,
		`annotations/sources.yaml:4:13: this is not valid YAML (mapping values are not allowed in this context): ` + quoting,
		`annotations/sources.yaml:13:11: type "reprot" is not a CSL type (did you mean "report"?): use one such as article-journal, report, webpage, article-newspaper, book, dataset, legislation, post`,
	}

	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPublisher: the briefing's front matter may name its publisher, with
// its address.
func TestPublisher(t *testing.T) {
	fs := base()
	fs["content/_index.md"].Data = []byte("---\ntitle: T\npublisher: \"The Riverton Gazette\"\npublisher_url: https://gazette.example/\n---\nOverview.\n")
	b, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	if b.Index.Publisher != "The Riverton Gazette" || b.Index.PublisherURL != "https://gazette.example/" {
		t.Errorf("publisher %q at %q", b.Index.Publisher, b.Index.PublisherURL)
	}
	// A blank publisher is none, not a name of spaces in the ClaimReviews.
	fs["content/_index.md"].Data = []byte("---\ntitle: T\npublisher: \"   \"\n---\nOverview.\n")
	if b, err := Load(fs); err != nil || b.Index.Publisher != "" {
		t.Errorf("blank publisher: %q, %v", b.Index.Publisher, err)
	}
}

// TestSourceDatesInWords: CSL's date as text ({literal: …}, which Zotero and
// Pandoc write), a season and circa are read, to be shown, not dropped; in
// CSL-JSON as in YAML.
func TestSourceDatesInWords(t *testing.T) {
	for name, data := range map[string]string{
		"sources.yaml": "references:\n  - id: src-a\n    type: report\n    title: A\n    issued: {literal: \" Spring 2019 \"}\n  - id: src-b\n    type: report\n    title: B\n    issued: {date-parts: [[2019]], season: Fall}\n  - id: src-c\n    type: report\n    title: C\n    issued: {date-parts: [[2020, 3]], season: \"1\", literal: Spring 2020}\n" +
			"  - id: src-d\n    type: book\n    title: D\n    issued: {date-parts: [[1850]], circa: true}\n  - id: src-e\n    type: book\n    title: E\n    issued: {date-parts: [[1851]], circa: false}\n",
		"sources.json": `[{"id": "src-a", "type": "report", "title": "A", "issued": {"literal": "Spring 2019"}},
 {"id": "src-b", "type": "report", "title": "B", "issued": {"date-parts": [["2019"]], "season": 3}},
 {"id": "src-c", "type": "report", "title": "C", "issued": {"date-parts": [[2020, 3]], "season": "1", "literal": "Spring 2020"}},
 {"id": "src-d", "type": "book", "title": "D", "issued": {"date-parts": [[1850]], "circa": 1}},
 {"id": "src-e", "type": "book", "title": "E", "issued": {"date-parts": [[1851]], "circa": false}}]`,
	} {
		fs := base()
		delete(fs, "annotations/sources.yaml")
		fs["annotations/"+name] = &fstest.MapFile{Data: []byte(data)}
		b, err := Load(fs)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := map[string]string{}
		for _, s := range b.Sources {
			iso := ""
			if s.Issued != nil {
				iso = s.Issued.ISO()
			}
			got[s.ID] = fmt.Sprintf("%s|%q|%d|%t", iso, s.IssuedLiteral, s.IssuedSeason, s.IssuedCirca)
		}
		want := map[string]string{"src-a": `|"Spring 2019"|0|false`, "src-b": `2019|""|3|false`, "src-c": `2020-03|""|1|false`,
			"src-d": `1850|""|0|true`, "src-e": `1851|""|0|false`}
		if !maps.Equal(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

// TestEveryCSLVariable: the CSL 1.0.2 variables that export tools write
// and this list once lacked load: an editor who translated the work
// (editor-translator, shown as its editor) and the number variables a
// citation processor assigns (citation-number, first-reference-note-number,
// locator), which a Zotero or citeproc export may carry.
func TestEveryCSLVariable(t *testing.T) {
	fs := base()
	delete(fs, "annotations/sources.yaml")
	fs["annotations/sources.json"] = &fstest.MapFile{Data: []byte(`[
 {"id": "src-a", "type": "book", "title": "A", "editor-translator": [{"family": "Roe", "given": "Ann"}],
  "citation-number": 3, "first-reference-note-number": 1, "locator": "12"},
 {"id": "src-b", "type": "book", "title": "B", "editor": [{"family": "Poe", "given": "Ed"}], "editor-translator": [{"family": "Roe", "given": "Ann"}]}]`)}
	b, err := Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range b.Sources {
		got[s.ID] = fmt.Sprint(s.Editor)
	}
	if want := map[string]string{"src-a": fmt.Sprint([]briefing.Name{{Family: "Roe", Given: "Ann"}}), "src-b": fmt.Sprint([]briefing.Name{{Family: "Poe", Given: "Ed"}})}; !maps.Equal(got, want) {
		t.Errorf("editors %v, want %v", got, want)
	}
}

// TestSecondSentence: a statement's second sentence is found past titles
// and "vs." before a capital, and after a figure with a unit.
func TestSecondSentence(t *testing.T) {
	for s, want := range map[string]string{
		"Gen. Milley said it.":                                "",
		"Canada vs. Sweden crime rates differ.":               "",
		"Sen. Smith and Gov. Doe agree. Others do not.":       "Others do not.",
		"The rate rose 2.5x. Crime fell.":                     "Crime fell.",
		"Latency was 300 ms. Then it fell.":                   "Then it fell.",
		"Crime fell by 10%. Then it rose.":                    "Then it rose.",
		"The U.S. cable calls it a threat. Mr. Rubio signed.": "Mr. Rubio signed.",
		"It was sent at 5 p.m. Friday to posts in Europe.":    "",
		"Smith et al. Found that crime fell.":                 "",
	} {
		if got := secondSentence(s); got != want {
			t.Errorf("secondSentence(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNormalizeDOI: a DOI given as its address or a doi: URI is the DOI,
// decoded where an address percent-encodes it, so that its link encodes
// it once.
func TestNormalizeDOI(t *testing.T) {
	for in, want := range map[string]string{
		"https://doi.org/10.1002/%28SICI%291097-4571": "10.1002/(SICI)1097-4571",
		"HTTPS://DX.DOI.ORG/10.1/x":                   "10.1/x",
		" doi:10.1257/aeri.20230459 ":                 "10.1257/aeri.20230459",
		"10.1234/a#b":                                 "10.1234/a#b",
		"10.1234/50%zz":                               "10.1234/50%zz",
		"doi: 10.1073/pnas.2014704117":                "10.1073/pnas.2014704117",
		"DOI:10.1073/pnas.2014704117":                 "10.1073/pnas.2014704117",
		"https://www.doi.org/10.17226/21746":          "10.17226/21746",
		"http://WWW.DOI.ORG/10.17226/21746":           "10.17226/21746",
		"10.1234/ends-with-a-stop%2E":                 "10.1234/ends-with-a-stop.",
	} {
		if got := normalizeDOI(in); got != want {
			t.Errorf("normalizeDOI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAddressesAsPasted: an address or DOI as an editor pastes it by
// mistake (the scheme twice, two addresses, the colon left out, a DOI
// with the sentence's full stop) is told at its place, and the address or
// DOI the message says to write passes and is the one meant; the forms
// of an address or a DOI that are right as pasted pass.
func TestAddressesAsPasted(t *testing.T) {
	source := func(url, doi string) string {
		return "references:\n  - id: src-a\n    type: report\n    title: A report\n    URL: " + url + "\n    DOI: " + doi + "\n"
	}
	article := func(url string) string {
		return "---\ntitle: \"A headline\"\noutlet: Outlet\nurl: " + url + "\n---\nThe cable calls it an “existential threat” to the West.\n"
	}
	for _, c := range []struct {
		name, file, bad, fixed, want string
	}{
		{"scheme twice", "content/articles/one.md", article("https://https://www.example.com/a"), article("https://www.example.com/a"),
			`content/articles/one.md:4:6: url "https://https://www.example.com/a" has its scheme written twice: write it once, as "https://www.example.com/a"`},
		{"scheme twice, the second without its colon", "content/articles/one.md", article("http://https//www.example.com/a"), article("https://www.example.com/a"),
			`content/articles/one.md:4:6: url "http://https//www.example.com/a" has its scheme written twice: write it once, as "https://www.example.com/a"`},
		{"no colon", "content/articles/one.md", article("https//www.example.com/a"), article("https://www.example.com/a"),
			`content/articles/one.md:4:6: url "https//www.example.com/a" has no colon after https: write https:// in place of https//`},
		{"two addresses", "content/articles/one.md", article("https://a.example/x https://www.example.com/a"), article("https://www.example.com/a"),
			`content/articles/one.md:4:6: url "https://a.example/x https://www.example.com/a" is two addresses with a space between them: keep the one meant, and remove the other`},
		{"a host with no dot", "annotations/sources.yaml", source("http://www/report", "10.1/x"), source("http://www.example.org/report", "10.1/x"),
			`annotations/sources.yaml:5:10: URL "http://www/report" has a host name with no dot in it (www), which no site on the web has: copy the address again from the browser, like https://www.example.com/page`},
		{"scheme twice in the bibliography", "annotations/sources.yaml", source(`"https://https://x.com/StateDept"`, "10.1/x"), source(`"https://x.com/StateDept"`, "10.1/x"),
			`annotations/sources.yaml:5:10: URL "https://https://x.com/StateDept" has its scheme written twice: write it once, as "https://x.com/StateDept"`},
		{"a DOI with a full stop", "annotations/sources.yaml", source("https://example.org/r", "10.17226/21746."), source("https://example.org/r", "10.17226/21746"),
			`annotations/sources.yaml:6:24: DOI "10.17226/21746." ends with a full stop, which is the sentence's, not the DOI's: remove it (in the rare DOI that does end with one, write it as %2E)`},
		{"a DOI address with a comma", "annotations/sources.yaml", source("https://example.org/r", "https://doi.org/10.17226/21746,"), source("https://example.org/r", "https://doi.org/10.17226/21746"),
			`annotations/sources.yaml:6:40: DOI "10.17226/21746," ends with a comma, which is the sentence's, not the DOI's: remove it (in the rare DOI that does end with one, write it as %2C)`},
		// Told at the mark itself (review h92f C6: at the value's start,
		// 30 columns before it).
		{"a quoted DOI with its prefix and a full stop", "annotations/sources.yaml", source("https://example.org/r", `"doi: 10.17226/21746."`), source("https://example.org/r", `"doi: 10.17226/21746"`),
			`annotations/sources.yaml:6:30: DOI "10.17226/21746." ends with a full stop, which is the sentence's, not the DOI's: remove it (in the rare DOI that does end with one, write it as %2E)`},
		{"a DOI that does end with a full stop", "annotations/sources.yaml", source("https://example.org/r", "10.17226/21746."), source("https://example.org/r", "10.17226/21746%2E"),
			`annotations/sources.yaml:6:24: DOI "10.17226/21746." ends with a full stop, which is the sentence's, not the DOI's: remove it (in the rare DOI that does end with one, write it as %2E)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			fs[c.file] = &fstest.MapFile{Data: []byte(c.bad)}
			sameLines(t, errLines(t, fs), []string{c.want})
			fs[c.file] = &fstest.MapFile{Data: []byte(c.fixed)}
			b, err := Load(fs)
			if err != nil {
				t.Fatalf("as the message says to write it: %v", err)
			}
			switch {
			case c.file == "content/articles/one.md" && b.Articles[0].URL != "https://www.example.com/a":
				t.Errorf("url = %q", b.Articles[0].URL)
			case strings.Contains(c.name, "DOI that does end") && b.Sources[0].DOI != "10.17226/21746.":
				t.Errorf("DOI = %q, want 10.17226/21746.", b.Sources[0].DOI)
			case strings.Contains(c.name, "DOI") && !strings.Contains(c.name, "does end") && b.Sources[0].DOI != "10.17226/21746":
				t.Errorf("DOI = %q, want 10.17226/21746", b.Sources[0].DOI)
			}
		})
	}
	// Right as pasted: a DOI with doi: and a space, as reference lists
	// print it, or the resolver's www. address; a DOI with full stops
	// inside; addresses on localhost, at an IP address, in other scripts,
	// or holding another address, as an archive's do.
	for _, ok := range []struct{ url, doi string }{
		{"https://web.archive.org/web/2025/https://www.example.com/a", `"doi: 10.1073/pnas.2014704117"`},
		{"https://bücher.example/über?q=a.b", "https://www.doi.org/10.1000/182"},
		{"http://127.0.0.1:8080/a", "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"},
		{`"https://[2001:db8::1]/a"`, "10.5555/a.b.c"},
		{"http://localhost:1313/", "DOI:10.1000/xyz123"},
		{"https://例子。测试/", "10.1000/182"},
	} {
		fs := base()
		fs["annotations/sources.yaml"] = &fstest.MapFile{Data: []byte(source(ok.url, ok.doi))}
		sameLines(t, errLines(t, fs), nil)
	}
}

// TestOutletSpelling: an outlet written two ways that differ only in
// capitals or spacing is reported at each article that differs from the
// first; outlets that differ otherwise, and the same spelling, are not.
func TestOutletSpelling(t *testing.T) {
	fs := base()
	article := func(outlet string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: T\noutlet: " + outlet + "\nurl: https://example.com/" + fmt.Sprint(len(fs)) + "\n---\nText.\n")}
	}
	fs["content/articles/two.md"] = article(`"outlet "`)
	fs["content/articles/three.md"] = article("OUTLET")
	fs["content/articles/four.md"] = article("Outlet")
	fs["content/articles/five.md"] = article("Outlet News")
	want := `content/articles/three.md:3:9: the outlet "OUTLET" is written "Outlet" in content/articles/four.md: write it the same way in both, or the briefing shows them as two outlets
content/articles/two.md:3:9: the outlet "outlet " is written "Outlet" in content/articles/four.md: write it the same way in both, or the briefing shows them as two outlets`
	if got := strings.Join(errLines(t, fs), "\n"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestTxtCopiesKept: a .txt copy kept beside its article or notes file is
// not taken for the file misnamed; without the file, it is.
func TestTxtCopiesKept(t *testing.T) {
	fs := base()
	fs["content/articles/one.md.txt"] = &fstest.MapFile{Data: fs["content/articles/one.md"].Data}
	fs["annotations/one.yaml.txt"] = &fstest.MapFile{Data: fs["annotations/one.yaml"].Data}
	fs["annotations/claims.yaml.txt"] = &fstest.MapFile{Data: fs["annotations/claims.yaml"].Data}
	if got := errLines(t, fs); len(got) != 0 {
		t.Errorf("copies beside their files: %q", got)
	}
	fs["content/articles/two.md.txt"] = fs["content/articles/one.md.txt"]
	sameLines(t, errLines(t, fs), []string{
		"content/articles/two.md.txt:1:1: article files end in .md (lower case): rename it to two.md",
	})
}

// TestPlaceholders: new's placeholder paragraphs are problems where they
// stand, at the column counted in characters, however the editor has
// refilled them, in a file with CRLF endings and a byte-order mark too;
// a text that only shares some of their words is not.
func TestPlaceholders(t *testing.T) {
	for _, c := range []struct{ file, text, want string }{
		{"content/_index.md", "---\ntitle: T\n---\nÉté — “naïve” " + OverviewPlaceholder + "\n", "content/_index.md:4:15: this is the text new wrote"},
		{"content/methodology.md", "---\ntitle: M\n---\n## How\n\n" + strings.Replace(MethodologyPlaceholder, " chosen, ", " chosen,\n  ", 1) + "\n", "content/methodology.md:6:1: this is the paragraph new wrote"},
		{"content/methodology.md", "\ufeff---\r\ntitle: M\r\n---\r\n\r\n> " + MethodologyPlaceholder + "\r\n", "content/methodology.md:5:3: this is the paragraph new wrote"},
		{"content/methodology.md", "---\ntitle: M\n---\nSay who wrote the notes, and how.\n", ""},
	} {
		fs := base()
		fs[c.file] = &fstest.MapFile{Data: []byte(c.text)}
		got := errLines(t, fs)
		if c.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: problems %q, want none", c.text, got)
			}
			continue
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
			t.Errorf("%q: problems %q, want one starting %q", c.text, got, c.want)
		}
	}
}

// TestPlaceholderKind: what new leaves for the editors to fill in (the
// overview's and the methodology's placeholder paragraphs, the briefing's
// and an article's title written empty) are problems of the kind
// diag.ErrPlaceholder, which the live preview shows the site with; a
// title not written at all, or read as a comment, is not: that holds the
// preview back as before.
func TestPlaceholderKind(t *testing.T) {
	for _, c := range []struct {
		file, text string
		want       error
	}{
		{"content/_index.md", "---\ntitle: \"\"      # required: the briefing's title\n---\nOverview.\n", diag.ErrPlaceholder},
		{"content/_index.md", "---\ntitle:\n---\nOverview.\n", diag.ErrPlaceholder},
		{"content/_index.md", "---\ntitle: T\n---\n" + OverviewPlaceholder + "\n", diag.ErrPlaceholder},
		{"content/methodology.md", "---\ntitle: M\n---\n" + MethodologyPlaceholder + "\n", diag.ErrPlaceholder},
		{"content/_index.md", "---\nsummary: S\n---\nOverview.\n", diag.ErrMissingField},
		{"content/_index.md", "---\ntitle: #1 story\n---\nOverview.\n", diag.ErrMissingField},
		{"content/articles/one.md", "---\ntitle: \"\"       # required: the outlet's headline, word for word\noutlet: O\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n", diag.ErrPlaceholder},
		{"content/articles/one.md", "---\ntitle:\noutlet: O\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n", diag.ErrPlaceholder},
		{"content/articles/one.md", "---\noutlet: O\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n", diag.ErrMissingField},
		{"content/articles/one.md", "---\ntitle: #1 story\noutlet: O\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n", diag.ErrMissingField},
		{"content/articles/one.md", "---\ntitle: T\noutlet: \"\"\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n", diag.ErrMissingField},
	} {
		fs := base()
		fs[c.file] = &fstest.MapFile{Data: []byte(c.text)}
		_, err := Load(fs)
		errs := errLinesNoFail(err)
		if len(errs) != 1 || !errors.Is(errs[0], c.want) || errors.Is(errs[0], diag.ErrPlaceholder) != (c.want == diag.ErrPlaceholder) {
			t.Errorf("%q: problems %v, want one of the kind %q", c.text, err, c.want)
		}
	}
}

// utf16 is s (ASCII) as UTF-16 without a byte-order mark, little- or
// big-endian.
func utf16(s string, big bool) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if big {
			b = append(b, 0, s[i])
		} else {
			b = append(b, s[i], 0)
		}
	}
	return string(b)
}

// TestSpacelessColon: a field written without the space after its colon
// (kind:context) is told to put one there, at the colon, in a notes file
// and in front matter; a text that only looks so (an address, on a line of
// its own) is not.
func TestSpacelessColon(t *testing.T) {
	const space = "there is no space after the colon"
	for _, c := range []struct {
		file, data, want string
	}{
		{"annotations/one.yaml", "notes:\n  - id: threat\n    quote: threat\n    kind:context\n    note: x\n",
			`annotations/one.yaml:4:9: this is not valid YAML (could not find expected ':'): ` + space + ` of "kind:context", so YAML does not read it as the field kind and its value: put a space after the colon, like kind: context`},
		{"annotations/one.yaml", "notes:\n  - id:threat\n    quote: threat\n    kind: context\n    note: x\n",
			`annotations/one.yaml:2:7: this is not valid YAML (mapping values are not allowed in this context): ` + space + ` of "id:threat", so YAML does not read it as the field id and its value: put a space after the colon, like id: threat`},
		{"content/articles/one.md", "---\ntitle: \"A headline\"\noutlet:Outlet\nurl: https://example.com/a\n---\nThe cable calls it an “existential threat” to the West.\n",
			`content/articles/one.md:3:7: this is not valid YAML (could not find expected ':'): ` + space + ` of "outlet:Outlet", so YAML does not read it as the field outlet and its value: put a space after the colon, like outlet: Outlet`},
		{"annotations/one.yaml", "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: See\nhttps://example.org/x\n", ""},
	} {
		fs := base()
		fs[c.file].Data = []byte(c.data)
		got := errLines(t, fs)
		if c.want == "" {
			if len(got) == 0 || strings.Contains(strings.Join(got, "\n"), space) {
				t.Errorf("%q:\n%s\nwant an error without %q", c.data, strings.Join(got, "\n"), space)
			}
			continue
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q:\n%s\nwant first:\n%s", c.data, strings.Join(got, "\n"), c.want)
		}
	}
}

// TestUnclosedBrackets: a list or mapping in brackets left open is
// reported at its opening bracket, with the brackets that close it, in a
// notes file, a bibliography and front matter; one meant to run over
// several lines is not blamed for a mistake further down.
func TestUnclosedBrackets(t *testing.T) {
	const list = "the list in brackets that opens here is not closed on its line, so YAML reads on past it"
	const mapping = "the mapping in braces that opens here is not closed on its line, so YAML reads on past it"
	for _, c := range []struct {
		file, data, want string
	}{
		{"annotations/one.yaml", "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\n    cites: [src-a, src-b\n  - id: other\n    quote: West\n    kind: context\n    note: y\n",
			`annotations/one.yaml:6:12: this is not valid YAML (did not find expected ',' or ']'): ` + list + `: add the closing ] at the end of the list`},
		{"annotations/sources.yaml", "references:\n  - id: src-a\n    type: report\n    title: A report\n    author: [{family: Doe, given: Jane\n    URL: https://example.org/r\n",
			`annotations/sources.yaml:5:13: this is not valid YAML (did not find expected ',' or '}'): ` + list + `: add the closing }] at the end of the list`},
		{"annotations/sources.yaml", "references:\n  - id: src-a\n    type: report\n    title: A report\n    author:\n      - {family: Doe, given: Jane\n      - {family: Roe, given: Richard}\n    URL: https://example.org/r\n",
			`annotations/sources.yaml:6:9: this is not valid YAML (did not find expected ',' or '}'): ` + mapping + `: add the closing } at the end of the mapping`},
		{"content/_index.md", "---\ntitle: Test briefing\ntimeline:\n  - date: 2025-11-21\n    text: The cable is sent.\n    cites: [src-a\n---\nOverview.\n",
			`content/_index.md:6:12: this is not valid YAML (did not find expected ',' or ']'): ` + list + `: add the closing ] at the end of the list`},
		{"annotations/one.yaml", "notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: x\n    cites: [src-a,\n      src-b]\n  - id: other\n    quote: West\n    kind: context\n    note: y: z\n", ""},
	} {
		fs := base()
		fs[c.file].Data = []byte(c.data)
		got := errLines(t, fs)
		if c.want == "" {
			if len(got) == 0 || strings.Contains(strings.Join(got, "\n"), "not closed on its line") {
				t.Errorf("%q:\n%s\nwant an error that blames no bracket", c.data, strings.Join(got, "\n"))
			}
			continue
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q:\n%s\nwant first:\n%s", c.data, strings.Join(got, "\n"), c.want)
		}
	}
}

// TestOutdentedTextNotMisread: what follows "note: |" at the note's
// fields' indentation and reads as a field (misspelt or not) is not taken
// for its text pasted at the left margin, nor is a line of a text that
// itself ends in ": |".
func TestOutdentedTextNotMisread(t *testing.T) {
	for data, want := range map[string]string{
		"notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: |\n    Cites: [src-a]\n":                                         `annotations/one.yaml:6:5: unknown field "Cites" in a note (did you mean "cites"?)`,
		"notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: |\n    cites: [src-a]\n":                                         `annotations/one.yaml:5:11: the note's text is empty: write it on the lines below note: |`,
		"notes:\n  - id: threat\n    quote: threat\n    kind: context\n    note: |\n      For example: |\n      The cable.\n    cites: [src-a]\n": ``,
	} {
		fs := base()
		fs["annotations/one.yaml"].Data = []byte(data)
		got := strings.Join(errLines(t, fs), "\n")
		if want == "" && got != "" || !strings.Contains(got, want) || strings.Contains(got, "indented") {
			t.Errorf("%q:\n%s\nwant:\n%s", data, got, want)
		}
	}
}

// TestDatesAgainstToday: the limits of a date ahead are counted in days
// from today's date as the clock's zone has it, whatever its hour: a date
// a year ahead passes and the day after does not, a source's accessed
// date may be a day ahead and no more. The clock here is late in the
// evening ten hours behind UTC, where UTC is already on the next day.
func TestDatesAgainstToday(t *testing.T) {
	defer func(f func() time.Time) { today = f }(today)
	today = func() time.Time { return time.Date(2026, 12, 7, 23, 30, 0, 0, time.FixedZone("UTC-10", -10*60*60)) }
	for _, c := range []struct {
		published, accessed string
		want                []string
	}{
		{"2027-12-07", "[[2026, 12, 8]]", nil},
		{"2027-12-08", "[[2026, 12, 9]]", []string{
			"annotations/sources.yaml:8:30: accessed 2026-12-09 is after today: a source is accessed on or before the day it is cited; check the date",
			"content/articles/one.md:5:12: published 2027-12-08 is more than a year from now: check its year",
		}},
	} {
		fs := base()
		article := string(fs["content/articles/one.md"].Data)
		fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(strings.Replace(article, "2025-11-27", c.published, 1))}
		sources := string(fs["annotations/sources.yaml"].Data)
		fs["annotations/sources.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(sources, "[[2026, 11, 21]]", c.accessed, 1))}
		sameLines(t, errLines(t, fs), c.want)
	}
}

// TestTimelineEntryLeftOutWhole: a syntax error in an entry of the
// timeline leaves out that entry, whole, and the others are checked as
// they are: no entry is taken for the next one's continuation ("text
// appears twice"), and one without its text is still told so.
func TestTimelineEntryLeftOutWhole(t *testing.T) {
	fs := base()
	fs["content/_index.md"].Data = []byte(`---
title: Test briefing
timeline:
  - date: 2025-11-20
    text: The cable is drafted.
  - date: "2025-11-21
    text: The cable is sent.
  - date: 2025-11-22
    text: It is reported.
    cites: [src-a
  - date: 2025-11-23
    cites: [src-zz]
---
Overview.
`)
	sameLines(t, errLines(t, fs), []string{
		`content/_index.md:6:11: this is not valid YAML (found unexpected end of stream): the quoted text that opens here is not closed on its line, so YAML reads on past it and finds no end to it: add the closing " at the end of the text`,
		`content/_index.md:10:12: this is not valid YAML (did not find expected ',' or ']'): the list in brackets that opens here is not closed on its line, so YAML reads on past it: add the closing ] at the end of the list`,
		`content/_index.md:11:5: the timeline entry has no text: add "text: …"`,
		`content/_index.md:12:13: there is no source "src-zz": did you mean src-a? Otherwise add it to annotations/sources.yaml`,
	})
}

// TestLoadNotRegularFiles: a named pipe, a socket or a device where the
// briefing reads a file is reported, not opened: opening a pipe waits for
// a writer, past Ctrl-C.
func TestLoadNotRegularFiles(t *testing.T) {
	fs := base()
	fs["content/articles/two.md"] = &fstest.MapFile{Mode: iofs.ModeNamedPipe}
	fs["annotations/two.yaml"] = &fstest.MapFile{Mode: iofs.ModeSocket}
	fs["annotations/claims.yaml"] = &fstest.MapFile{Mode: iofs.ModeDevice | iofs.ModeCharDevice}
	sameLines(t, errLines(t, fs), []string{
		"annotations/claims.yaml:1:1: this is a device, not a file the briefing can read: remove it, or put a file of that name in its place",
		"annotations/two.yaml:1:1: this is a socket, not a file the briefing can read: remove it, or put a file of that name in its place",
		"content/articles/two.md:1:1: this is a named pipe (FIFO), not a file the briefing can read: remove it, or put a file of that name in its place",
	})
}

// TestHandoutIDsApart: a source whose print-edition id, src-<id>, starts
// as an article's ids do there (its slug, then "--") is an error at the
// source; a source of that id beside other articles is not.
func TestHandoutIDsApart(t *testing.T) {
	fs := base()
	sources := strings.Replace(string(fs["annotations/sources.yaml"].Data), "id: src-a", "id: one--b", 1)
	fs["annotations/sources.yaml"] = &fstest.MapFile{Data: []byte(sources)}
	notes := strings.Replace(string(fs["annotations/one.yaml"].Data), "[src-a]", "[one--b]", 1)
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(notes)}
	claims := strings.Replace(string(fs["annotations/claims.yaml"].Data), "[src-a]", "[one--b]", 1)
	fs["annotations/claims.yaml"] = &fstest.MapFile{Data: []byte(claims)}
	sameLines(t, errLines(t, fs), nil)
	fs["content/articles/src-one.md"] = otherURL(fs["content/articles/one.md"])
	sameLines(t, errLines(t, fs), []string{
		`annotations/sources.yaml:2:5: the source id "one--b" would give the print edition the id src-one--b, which the article content/articles/src-one.md's ids start with: write the id without "--", like "one-b"`,
	})
}

// TestTextInFrontMatter: an article's text pasted above the closing ---
// of its front matter (between the two --- lines new writes) is one
// problem, at the text's first line; the fields above it and the text
// are read as if the --- stood there, so that the notes still anchor.
// It was a syntax error a paragraph, an unknown field named after a
// sentence, and "the article has no text" past the file's end.
func TestTextInFrontMatter(t *testing.T) {
	fs := base()
	fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(`---
title: "A headline"
outlet: Outlet
url: https://example.com/a

The cable calls it an “existential threat” to the West.

It said more: the cable was sent.
---
`)}
	sameLines(t, errLines(t, fs), []string{
		"content/articles/one.md:6:1: the text starts here, inside the front matter, which ends at the --- of line 9: move that line up here, above the text, so that the front matter holds only its fields",
	})
	// A field's own syntax error above the text is reported too; a first
	// paragraph that starts "Update:" is text, not a field; a field
	// without its colon is told so, not taken for the text.
	fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(`---
title: "A headline about "the" cable"
outlet: Outlet
url: https://example.com/a

Update: The cable calls it an “existential threat” to the West.
---
`)}
	got := errLines(t, fs)
	if len(got) != 2 || !strings.HasPrefix(got[0], "content/articles/one.md:2:") || !strings.HasPrefix(got[1], "content/articles/one.md:6:1: the text starts here") {
		t.Errorf("a syntax error above the pasted text, and a text starting Update::\n%s", strings.Join(got, "\n"))
	}
	// Nor is a paragraph that starts with a field's name, capitalised.
	for _, first := range []string{"Published November 27, 2025, the cable", "Title 42 is back: the cable", "Outlets reported that the cable"} {
		fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\noutlet: O\nurl: https://example.com/a\n\n" + first + " calls it an “existential threat” to the West.\n---\n")}
		if got := errLines(t, fs); len(got) != 1 || !strings.HasPrefix(got[0], "content/articles/one.md:6:1: the text starts here") {
			t.Errorf("a text starting %q:\n%s", first, strings.Join(got, "\n"))
		}
	}
	fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(`---
title: "A headline"
outlet: Outlet
url: https://example.com/a

author Jane Reporter
published: 2025-11-27
---
`)}
	if got := strings.Join(errLines(t, fs), "\n"); strings.Contains(got, "the text starts here") || !strings.Contains(got, "content/articles/one.md:6:") {
		t.Errorf("a field without its colon taken for text:\n%s", got)
	}
	// With a text below the ---, the lines are the front matter's own
	// mistakes, told as before.
	fs["content/articles/one.md"].Data = append(fs["content/articles/one.md"].Data, "The cable calls it an “existential threat” to the West.\n"...)
	if got := errLines(t, fs); len(got) == 0 || strings.Contains(strings.Join(got, "\n"), "inside the front matter") {
		t.Errorf("front matter with stray lines above a text: %q", got)
	}
}

// TestYAMLVersionDirective: a notes file that starts "%YAML 1.2" (valid
// YAML, which yaml.v3 refuses) is read; one of another version is told
// to lose that line, not to quote an entry; positions are kept.
func TestYAMLVersionDirective(t *testing.T) {
	fs := base()
	notes := fs["annotations/one.yaml"].Data
	fs["annotations/one.yaml"].Data = append([]byte("%YAML 1.2\n---\n"), notes...)
	sameLines(t, errLines(t, fs), nil)
	fs["annotations/one.yaml"].Data = append([]byte("# Notes\n%YAML 1.2\n---\n"), strings.Replace(string(notes), "kind: fact-check", "kind: fact-chek", 1)...)
	if got := errLines(t, fs); len(got) != 1 || !strings.HasPrefix(got[0], "annotations/one.yaml:7:11: ") {
		t.Errorf("a problem under %%YAML 1.2: %q, want it at line 7", got)
	}
	fs["annotations/one.yaml"].Data = append([]byte("%YAML 2.0\n---\n"), notes...)
	sameLines(t, errLines(t, fs), []string{
		"annotations/one.yaml:1:1: this is not valid YAML (found incompatible YAML document): the briefing's files are read as YAML 1.2 or 1.1: remove this %YAML line",
	})
}

// otherURL is an article file with its url made its own: a copy of
// another's, the test's second article, would be told it has the first's.
func otherURL(f *fstest.MapFile) *fstest.MapFile {
	data := regexp.MustCompile(`(?m)^url: (.*)$`).ReplaceAll(f.Data, []byte("url: ${1}-copy"))
	return &fstest.MapFile{Data: data}
}

// TestURLTwice checks that an article whose url is another's, as two
// spellings of one address compare, is an error at its url naming the
// other's file and line, and that different addresses are not (two posts
// of one live page, told apart by their #fragments, among them).
func TestURLTwice(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"https://example.com/a", `content/articles/two.md:4:6: url is also the url of content/articles/one.md (line 4): each article is a page of its own; give this one its own address, copied from the browser`},
		{"http://Example.com/a/", `content/articles/two.md:4:6: url is also the url of content/articles/one.md (line 4): each article is a page of its own; give this one its own address, copied from the browser`},
		{"https://example.com/a?page=2", ""},
		{"https://example.com/a#post-2", ""}, // a live page's second post
		{"https://example.com/a#:~:text=the%20cable", `content/articles/two.md:4:6: url is also the url of content/articles/one.md (line 4): each article is a page of its own; give this one its own address, copied from the browser`}, // "copy link to highlight"
		{"https://example.com/a/two", ""},
	} {
		fs := base()
		fs["content/articles/two.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\noutlet: O\nurl: " + tc.url + "\n---\nText.\n")}
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		sameLines(t, errLines(t, fs), want)
	}
}

// TestPandocMetadataBlock: a CSL YAML bibliography as Pandoc writes it, a
// metadata block between --- and --- or ..., loads: its closing line,
// with nothing after it but blank lines and comments, drops nothing.
func TestPandocMetadataBlock(t *testing.T) {
	for _, end := range []string{"---\n", "...\n", "---\n\n# end\n"} {
		fs := base()
		data := fs["annotations/sources.yaml"].Data
		fs["annotations/sources.yaml"] = &fstest.MapFile{Data: append(append([]byte("---\n"), data...), end...)}
		if _, err := Load(fs); err != nil {
			t.Errorf("sources.yaml closed by %q: %v", end, err)
		}
	}
	// A last line of --- with more on it is no closing line: what it
	// holds would be dropped.
	fs := base()
	fs["annotations/sources.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, fs["annotations/sources.yaml"].Data...), "--- - id: x\n"...)}
	if _, err := Load(fs); err == nil || !strings.Contains(err.Error(), "starts a second YAML document") {
		t.Errorf("a last line of --- with more on it: %v", err)
	}
}

// TestSlugify: the slug advised for a name: accents dropped (café, cafe),
// German's umlauts and ß written out as German writes them without them
// (Förderung is foerderung: forderung is another word), and so the Nordic
// letters and others that are no letter with an accent (Ærø is aeroe,
// Århus aarhus, Łódź lodz), written composed or not (ö as o and its two
// dots), the rest joined by single hyphens.
func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Café NEWS":            "cafe-news",
		"Förderung der Straße": "foerderung-der-strasse",
		"Über uns":             "ueber-uns",
		"São Paulo":            "sao-paulo",
		"ÆØ":                   "aeoe",
		"Ærø Æbleskiver":       "aeroe-aebleskiver",
		"Århus":                "aarhus",
		"Œuvre":                "oeuvre",
		"Łódź":                 "lodz",
		"Þingvellir":           "thingvellir",
		"Ðóra":                 "dora",
		"  --  ":               "my-id",
		"Fo\u0308rderung":      "foerderung", // decomposed, as macOS and zip files write names
		"A\u030arhus":          "aarhus",
		"ĳssel Ħal ŉ":          "ijssel-hal-n",
		"ﬁnal ǅemal ǈubljana":  "final-dzemal-ljubljana", // letters made of others (NFKC)
		"Ŋ Ŧ ſ ① Ⅻ":            "ng-t-s-1-xii",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPersonName: a name written whole is advised as a person's parts
// only when it reads as one; organisations of other languages than
// English, and German compounds naming one, are advised as a literal
// name (a German ministry was advised {family: der Justiz, given:
// Bundesministerium} first).
func TestPersonName(t *testing.T) {
	for name, person := range map[string]bool{
		"Ran Abramitzky":                      true,
		"Ursula von der Leyen":                true,
		"Jürgen Amthor":                       true,
		"Murat Kaya":                          true,
		"Bundesministerium der Justiz":        false,
		"Statistisches Bundesamt":             false,
		"Auswärtiges Amt":                     false,
		"Süddeutsche Zeitung":                 false,
		"Bundesverband Wärmepumpe":            false,
		"Ministère de l’Intérieur":            false,
		"Ministerio del Interior":             false,
		"Istituto Nazionale di Statistica":    false,
		"Deutsche Gesellschaft für Ernährung": false,
		"Corte Suprema di Cassazione":         false,
		"Deutsche Welle":                      false,
		"Cour de cassation":                   false,
		"Corte dei conti":                     false,
		// Welle, Corte and Cour are family names too: a person's.
		"Klaus Welle":       true,
		"Vincenzo De Corte": true,
		"Jean-Luc Cour":     true,
		"Klaus Welle GmbH":  false,
	} {
		if _, _, ok := personName(name); ok != person {
			t.Errorf("personName(%q) = %v, want %v", name, ok, person)
		}
	}
}

// TestNameLike: a name written as text is advised the parts to write: a
// person's written "Family, Given" as theirs, but a firm's with a comma
// before its legal form ("Meta Platforms, Inc.") as a literal, not as
// {family: Meta Platforms, given: Inc.}; a person whose family name is a
// word of organisations' names ("Post, Emily") as theirs.
func TestNameLike(t *testing.T) {
	for name, want := range map[string]string{
		"Smith, Jane":                "{family: Smith, given: Jane}",
		"Meta Platforms, Inc.":       `{literal: "Meta Platforms, Inc."}`,
		"Siemens, AG":                `{literal: "Siemens, AG"}`,
		"Renault, S.A.":              `{literal: "Renault, S.A."}`,
		"Acme, Corp.":                `{literal: "Acme, Corp."}`,
		"META PLATFORMS, INC.":       `{literal: "META PLATFORMS, INC."}`,
		"Acme, S.r.l.":               `{literal: "Acme, S.r.l."}`,
		"Smith, S.R.L.":              "{family: Smith, given: S.R.L.}",
		"Hutchinson, Asa":            "{family: Hutchinson, given: Asa}",
		"Equinor, ASA":               `{literal: "Equinor, ASA"}`,
		"Acme, Co":                   `{literal: "Acme, Co"}`,
		"Acme, llc":                  `{literal: "Acme, llc"}`,
		"Acme, GmbH & Co. KG":        `{literal: "Acme, GmbH & Co. KG"}`,
		"Smith, Jane and Doe, John":  "{family: Smith, given: Jane}, {family: Doe, given: John}",
		"Smith, Jane, and Doe, John": "{family: Smith, given: Jane}, {family: Doe, given: John}",
		"Smith, Jane; Doe, John; and Roe, Richard": "{family: Smith, given: Jane}, {family: Doe, given: John}, {family: Roe, given: Richard}",
		"Save the Children, Italy":                 `{literal: "Save the Children, Italy"}`,
		"Cravath, Swaine & Moore LLP":              `{literal: "Cravath, Swaine & Moore LLP"}`,
		"Goldman, Sachs & Co.":                     `{literal: "Goldman, Sachs & Co."}`,
		"Smith, J., & Doe, J.":                     "{family: Smith, given: J.}, {family: Doe, given: J.}",
		"Smith J, Doe JA":                          "{family: Smith, given: J.}, {family: Doe, given: J. A.}",
		"Reuters UK":                               `{literal: "Reuters UK"}`,
		"van der Berg AM":                          `{literal: "van der Berg AM"}`,
		"Smith J, van der Berg AM":                 "{family: Smith, given: J.}, {family: van der Berg, given: A. M.}",
		"Google LLC":                               `{literal: "Google LLC"}`,
		"Doe, Jane et al.":                         `{literal: "Doe, Jane et al."}`,
		"Da Silva L":                               `{literal: "Da Silva L"}`,
		"Charles III":                              `{literal: "Charles III"}`,
		"Smith, JA":                                "{family: Smith, given: J. A.}",
		"Doe, Jane & Partners, AG":                 `{literal: "Doe, Jane & Partners, AG"}`,
		"Reuters, UK":                              `{literal: "Reuters, UK"}`,
		"RTL Nord":                                 `{literal: "RTL Nord"}`,
		"de la Court, Pieter":                      "{family: de la Court, given: Pieter}",
		"European Parliament, Directorate-General for Communication": `{literal: "European Parliament, Directorate-General for Communication"}`,
		"Müller, Hans und Schmidt, Anna":                             "{family: Müller, given: Hans}, {family: Schmidt, given: Anna}",
		"Smith, Jane; Doe, John":                                     "{family: Smith, given: Jane}, {family: Doe, given: John}",
		"Smith, Jane, Ph.D.":                                         "{family: Smith, given: Jane, suffix: Ph.D.}",
		"Doe, Jane: editor":                                          `{literal: "Doe, Jane: editor"}`,
		"Null, Linda":                                                `{family: "Null", given: Linda}`,
		"United Nations, General Assembly":                           `{literal: "United Nations, General Assembly"}`,
		"UNHCR, Regional Bureau for Europe":                          `{literal: "UNHCR, Regional Bureau for Europe"}`,
		"Acme, Company":                                              `{literal: "Acme, Company"}`,
		"Johnson & Johnson, Inc.":                                    `{literal: "Johnson & Johnson, Inc."}`,
		"Cleves, Anne of":                                            "{family: Cleves, given: Anne of}",
		"Acme, Inc., The":                                            `{literal: "Acme, Inc., The"}`,
		"Citibank, N.A.":                                             `{literal: "Citibank, N.A."}`,
		"Microsoft Corporation":                                      `{literal: "Microsoft Corporation"}`,
		"JPMorgan Chase Bank, N.A.":                                  `{literal: "JPMorgan Chase Bank, N.A."}`,
		"University of California, Berkeley":                         `{literal: "University of California, Berkeley"}`,
		"Smith, Jr., John":                                           "{family: Smith, given: John, suffix: Jr.}",
		"King, Martin Luther, Jr.":                                   "{family: King, given: Martin Luther, suffix: Jr.}",
		"Smith, John, Mary":                                          `{literal: "Smith, John, Mary"}`,
		"Acme, GMBH":                                                 `{literal: "Acme, GMBH"}`,
		"Acme Verein, e. V.":                                         `{literal: "Acme Verein, e. V."}`,
		"Acme, Plc.":                                                 `{literal: "Acme, Plc."}`,
		"Samsung, Co., Ltd.":                                         `{literal: "Samsung, Co., Ltd."}`,
		"Kim, Se":                                                    "{family: Kim, given: Se}",
		"Lee, S.E.":                                                  "{family: Lee, given: S.E.}",
		"Mayer, E.V.":                                                "{family: Mayer, given: E.V.}",
		"Co, Anna":                                                   "{family: Co, given: Anna}",
		"Post, Emily":                                                "{family: Post, given: Emily}",
		"Smith, A. B.":                                               "{family: Smith, given: A. B.}",
		"Lopez, S. A.":                                               "{family: Lopez, given: S. A.}",
		"Osterhaus, Ab":                                              "{family: Osterhaus, given: Ab}",
		"House, Edward M.":                                           "{family: House, given: Edward M.}",
		"Reuters":                                                    `{literal: "Reuters"}`,
	} {
		if got, _, _ := nameLike(name); got != want {
			t.Errorf("nameLike(%q) = %s, want %s", name, got, want)
		}
		// The advice is what an editor pastes: YAML whose keys are a
		// name's ("given: Jr., John" unquoted read as a key John).
		// Several names are advised as a list's items.
		var names []map[string]string
		if err := yaml.Unmarshal([]byte("["+want+"]"), &names); err != nil {
			t.Errorf("nameLike(%q)'s advice %s is not YAML: %v", name, want, err)
		}
		for _, parts := range names {
			for k, v := range parts {
				if !slices.Contains(cslNameParts, k) {
					t.Errorf("nameLike(%q)'s advice %s has a key %q, not a name's part", name, want, k)
				}
				if v == "" {
					t.Errorf("nameLike(%q)'s advice %s gives %s no text", name, want, k)
				}
			}
		}
	}
	// A name with an organisation's words before its comma is advised as
	// a literal, a person's parts offered too.
	if _, or, orWhat := nameLike("University of California, Berkeley"); or != "{family: University of California, given: Berkeley}" || orWhat != "a person's" {
		t.Errorf("nameLike(\"University of California, Berkeley\") offers %s, if that is %s name", or, orWhat)
	}
	// A name taken for a firm's by a legal form that is initials too is
	// offered as a person's ("Jones, LP"); by one that is a word, not.
	if like, or, orWhat := nameLike("Jones, LP"); like != `{literal: "Jones, LP"}` || or != "{family: Jones, given: LP}" || orWhat != "a person's" {
		t.Errorf("nameLike(\"Jones, LP\") = %s, or %s if that is %s name", like, or, orWhat)
	}
	if _, or, _ := nameLike("Meta Platforms, Inc."); or != "" {
		t.Errorf("nameLike(\"Meta Platforms, Inc.\") offers %s too", or)
	}
	// One taken for a person's is offered as an organisation's.
	if like, or, orWhat := nameLike("Jane Smith"); like != "{family: Smith, given: Jane}" || or != `{literal: "Jane Smith"}` || orWhat != "an organisation's" {
		t.Errorf("nameLike(\"Jane Smith\") = %s, or %s if that is %s name", like, or, orWhat)
	}
}

// TestEntryFirstFieldAgain: an entry's first field given again at its
// indentation (its first line pasted twice, or the next entry's "- " left
// out) is told once, at the repeat, and the fields after it are read:
// they were not, and the entry was told it had no quote, no kind and no
// text, and the next entry's own problems came a run later. The advice,
// followed, gives a briefing that passes.
func TestEntryFirstFieldAgain(t *testing.T) {
	const note = "    quote: \"existential threat\"\n    kind: fact-check\n    verdict: accurate\n    claim: threat-claim\n    note: |\n      The post said so.\n    cites: [src-a]\n"
	const index = "---\ntitle: Test briefing\ntimeline:\n  - date: 2025-11-20\n%s    text: The cable is drafted.\n---\nOverview.\n"
	for _, c := range []struct {
		name, notes, index string
		want               []string
		fixed, fixedIndex  string // the advice followed
	}{{
		name:       "a first line pasted twice",
		notes:      "notes:\n  - id: threat\n    id: threat\n" + note,
		index:      fmt.Sprintf(index, "    date: 2025-11-20\n"),
		want:       []string{`annotations/one.yaml:3:5: field "id" appears twice in a note, with the same value: keep one`, `content/_index.md:5:5: field "date" appears twice in a timeline entry, with the same value: keep one`},
		fixed:      "notes:\n  - id: threat\n" + note,
		fixedIndex: fmt.Sprintf(index, ""),
	}, {
		// Which id is meant is not known: the advice names both ways.
		name:  "a first line given twice, another value",
		notes: "notes:\n  - id: threat\n    id: danger\n" + note,
		want:  []string{`annotations/one.yaml:3:5: field "id" appears twice in a note: if line 3 starts another entry, begin it with "- ", as line 2 does; if not, keep one`},
		fixed: "notes:\n  - id: danger\n" + note,
	}, {
		// The second note, its "- " left out, is checked in the same
		// run: its unknown claim is told now, not after the dash is put
		// back.
		name:  "a note without its dash, with a problem of its own",
		notes: "notes:\n  - id: threat\n" + note + "    id: west\n    quote: \"to the West\"\n    kind: context\n    claim: threat-clam\n    note: Its place.\n",
		want: []string{
			`annotations/one.yaml:10:5: field "id" appears twice in a note: if line 10 starts another entry, begin it with "- ", as line 2 does; if not, keep one`,
			`annotations/one.yaml:13:12: there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
		},
		fixed: "notes:\n  - id: threat\n" + note + "  - id: west\n    quote: \"to the West\"\n    kind: context\n    claim: threat-claim\n    note: Its place.\n",
	}, {
		// Read as one note, the two parts have every field; read as
		// two, each lacks some: neither is told a field missing that
		// the other has, as the reading meant is not known.
		name:  "a first field again between the fields",
		notes: "notes:\n  - id: threat\n    quote: \"existential threat\"\n    id: threat\n    kind: context\n    note: x\n",
		want:  []string{`annotations/one.yaml:4:5: field "id" appears twice in a note: if line 4 starts another entry, begin it with "- ", as line 2 does; if not, keep one`},
		fixed: "notes:\n  - id: threat\n    quote: \"existential threat\"\n    kind: context\n    note: x\n",
	}} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(c.notes)}
			if c.index != "" {
				fs["content/_index.md"] = &fstest.MapFile{Data: []byte(c.index)}
			}
			sameLines(t, errLines(t, fs), c.want)
			fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(c.fixed)}
			if c.fixedIndex != "" {
				fs["content/_index.md"] = &fstest.MapFile{Data: []byte(c.fixedIndex)}
			}
			sameLines(t, errLines(t, fs), nil)
		})
	}
	// A field of an entry that is not its first, given again, is told as
	// ever, and a note whose fields are all there once passes.
	fs := base()
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte("notes:\n  - id: threat\n" + note + "    kind: context\n")}
	sameLines(t, errLines(t, fs), []string{`annotations/one.yaml:10:5: field "kind" appears twice in a note: keep one`})
}

// TestOddSpacesInYAML: a no-break space (or another that is not YAML's)
// where YAML needs a space, or a byte-order mark left inside a file by
// joining two, is named at its place, where YAML failed a line later or
// advised a space that, put there, made a second error; the rest of the
// file is read as with a plain space, so the note it is in is checked
// too. Followed, the advice gives a briefing that passes; a no-break
// space inside a text is the text's own, and passes as ever.
func TestOddSpacesInYAML(t *testing.T) {
	const note = "  - id: threat\n    quote: \"existential threat\"\n    kind: fact-check\n    verdict: accurate\n    claim: threat-claim\n    note: |\n      The post said so.\n    cites: [src-a]\n"
	const other = "  - id: west\n    quote: to the West\n    kind: context\n    claim: threat-clam\n    note: x\n"
	const article = "---\ntitle: \"A headline\"\noutlet: Outlet\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n"
	for _, c := range []struct {
		name, file, data, fixed string
		want                    []string
	}{{
		name:  "a field indented with no-break spaces",
		file:  "annotations/one.yaml",
		data:  "notes:\n" + note + "  - id: west\n    quote: to the West\n\u00a0\u00a0\u00a0\u00a0kind: context\n    claim: threat-clam\n    note: x\n",
		fixed: "notes:\n" + note + other,
		want: []string{
			`annotations/one.yaml:12:1: this is not valid YAML (mapping values are not allowed in this context): this line is indented with 4 no-break spaces (U+00A0), which YAML does not count as spaces: replace them with plain spaces`,
			`annotations/one.yaml:13:12: there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
		},
	}, {
		name:  "a no-break space after a colon",
		file:  "annotations/one.yaml",
		data:  "notes:\n" + note + "  - id: west\n    quote: to the West\n    kind:\u00a0context\n    claim: threat-clam\n    note: x\n",
		fixed: "notes:\n" + note + other,
		want: []string{
			`annotations/one.yaml:12:10: this is not valid YAML (could not find expected ':'): the space after kind: is a no-break space (U+00A0), which YAML does not count as a space: replace it with a plain space`,
			`annotations/one.yaml:13:12: there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
		},
	}, {
		name:  "a narrow no-break space after an entry's dash",
		file:  "annotations/one.yaml",
		data:  "notes:\n" + note + "  -\u202fid: west\n    quote: to the West\n    kind: context\n    claim: threat-clam\n    note: x\n",
		fixed: "notes:\n" + note + other,
		want: []string{
			`annotations/one.yaml:10:4: this is not valid YAML (did not find expected '-' indicator): the space after this - is a narrow no-break space (U+202F), which YAML does not count as a space: replace it with a plain space`,
			`annotations/one.yaml:13:12: there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
		},
	}, {
		name:  "a byte-order mark where two files were joined",
		file:  "annotations/one.yaml",
		data:  "notes:\n" + note + "\ufeff" + other,
		fixed: "notes:\n" + note + other,
		want: []string{
			`annotations/one.yaml:10:1: this is not valid YAML (mapping values are not allowed in this context): this line starts with a byte-order mark (U+FEFF), an invisible character left where two files were joined: remove it`,
			`annotations/one.yaml:13:12: there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`,
		},
	}, {
		name:  "a no-break space after a colon in front matter",
		file:  "content/articles/one.md",
		data:  strings.Replace(article, "outlet: Outlet", "outlet:\u00a0Outlet", 1),
		fixed: article,
		want:  []string{`content/articles/one.md:3:8: this is not valid YAML (could not find expected ':'): the space after outlet: is a no-break space (U+00A0), which YAML does not count as a space: replace it with a plain space`},
	}, {
		// Inside a text, a no-break space is the text's: a name, a
		// number's thousands, a line of a note indented with one.
		name: "no-break spaces inside texts",
		file: "annotations/one.yaml",
		data: "notes:\n" + note + "  - id: west\n    quote: \"to the\u00a0West\"\n    kind: context\n    note: |\n      Jean\u00a0Dupont counted 7\u00a0500.\n      \u00a0\u00a0An indented line.\n    cites: [src-a]\n",
	}} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			fs[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			sameLines(t, errLines(t, fs), c.want)
			if c.fixed != "" {
				// The advice followed: the other problems remain.
				var rest []string
				for _, w := range c.want {
					if !strings.Contains(w, "not valid YAML") {
						rest = append(rest, w)
					}
				}
				fs[c.file] = &fstest.MapFile{Data: []byte(c.fixed)}
				sameLines(t, errLines(t, fs), rest)
			}
		})
	}
}

// TestPastedArticle: a second article pasted below the first in one file
// (two files joined, or new's front matter pasted over a file that had
// its own) is told at its ---; it passed, its front matter published as
// a heading and its text as the first article's. A thematic break, a
// heading underlined with --- or a code block showing front matter is no
// second article. Followed, the advice (the second article moved out)
// gives a file that passes.
func TestPastedArticle(t *testing.T) {
	const first = "---\ntitle: \"A headline\"\noutlet: Outlet\nurl: https://example.com/a\npublished: 2025-11-27\n---\nThe cable calls it an “existential threat” to the West.\n"
	const second = "---\ntitle: \"Another headline\"\noutlet: Other Outlet\nurl: https://example.com/b\n# author: …\nrelies_on:\n  - Reuters\n---\nThe other article's text.\n"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"two articles joined", first + "\n" + second, []string{`content/articles/one.md:9:1: this --- opens another article's front matter, pasted below this article's text: an article file holds one article; move that article, this line to the end of its text, into a file of its own in content/articles/ (go run ./generator new writes one, with its notes file; then paste just its text below the front matter written)`}},
		{"joined with a byte-order mark, no blank line", first + "\ufeff" + second, []string{`content/articles/one.md:8:1: this --- opens another article's front matter, pasted below this article's text: an article file holds one article; move that article, this line to the end of its text, into a file of its own in content/articles/ (go run ./generator new writes one, with its notes file; then paste just its text below the front matter written)`}},
		{"the advice followed", first, nil},
		{"a second front matter right below the first", strings.Replace(first, "---\nThe cable", "---\n\n"+strings.TrimSuffix(second, "The other article's text.\n")+"The cable", 1),
			[]string{`content/articles/one.md:8:1: this --- opens a second front matter, right below the article's own: an article has one; keep the fields of one, and remove the other with its two --- lines`}},
		{"a heading like a field, under a thematic break", first + "\n---\nTitle: a story\n---\n\nMore text.\n", nil},
		{"one field's name in lower case", first + "\n---\ntitle: a story\n---\n\nMore text.\n", nil},
		{"sections between thematic breaks", first + "\n---\n\nUpdate: the outlet corrected it.\n\n---\n\nMore text.\n", nil},
		{"front matter shown in a code block", first + "\nIts file starts:\n\n```yaml\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n```\n", nil},
		// A fence closes with its own mark, as many times at least, and
		// nothing after (review h92f B1: ``` closed ```` and the front
		// matter shown after it was told pasted).
		{"a code block in a code block", first + "\nWritten in Markdown:\n\n````markdown\n```yaml\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n```\n````\n", nil},
		{"a fence of tildes around backticks", first + "\n~~~\n```\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n~~~\n", nil},
		// A line that starts with code in backticks is a paragraph's, no
		// fence (review h92h B3).
		{"code in backticks starting a line", first + "\n```x``` is how the cable was quoted.\n\nIts file starts:\n\n```\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n```\n", nil},
		{"a fence with words after its close mark", first + "\n```\n``` not a close\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n```\n", nil},
		// A fence a list item leaves open closes at the item's end, as
		// CommonMark reads it (review h92h B2: it was kept open, and the
		// front matter shown below was told pasted, or an article pasted
		// below it missed).
		{"a fence a list item left open", first + "\n- In Markdown:\n\n  ````\n  ```\n\nIts file starts:\n\n````\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n````\n", nil},
		{"an article pasted below a fence a list item left open", first + "\n- In Markdown:\n\n  ```\n  x\n\n" + second,
			[]string{`content/articles/one.md:14:1: this --- opens another article's front matter, pasted below this article's text: an article file holds one article; move that article, this line to the end of its text, into a file of its own in content/articles/ (go run ./generator new writes one, with its notes file; then paste just its text below the front matter written)`}},
		{"front matter shown in a quotation's code block", first + "\n> ```\n> x\n\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n", []string{`content/articles/one.md:12:1: this --- opens another article's front matter, pasted below this article's text: an article file holds one article; move that article, this line to the end of its text, into a file of its own in content/articles/ (go run ./generator new writes one, with its notes file; then paste just its text below the front matter written)`}},
		{"front matter shown in an HTML block", first + "\n<pre>\n---\ntitle: T\noutlet: O\nurl: https://e.com\n---\n</pre>\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(c.text)}
			sameLines(t, errLines(t, fs), c.want)
		})
	}
}

// TestNotesFilesJoined: two notes files joined, "notes:" given twice, is
// told at the second, and the notes below it are checked in the same run
// (they were only once it was removed), as they are when the advice is
// followed.
func TestNotesFilesJoined(t *testing.T) {
	const first = "notes:\n  - id: threat\n    quote: \"existential threat\"\n    kind: context\n    note: x\n"
	const second = "  - id: west\n    quote: to the West\n    kind: context\n    claim: threat-clam\n    note: y\n"
	const unknown = `there is no claim "threat-clam": did you mean threat-claim? Otherwise add it to annotations/claims.yaml`
	fs := base()
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(first + "notes:\n" + second)}
	sameLines(t, errLines(t, fs), []string{
		`annotations/one.yaml:6:1: field "notes" appears twice in the notes file: remove this line, so that the entries below it join those of line 1`,
		"annotations/one.yaml:10:12: " + unknown,
	})
	fs["annotations/one.yaml"] = &fstest.MapFile{Data: []byte(first + second)}
	sameLines(t, errLines(t, fs), []string{"annotations/one.yaml:9:12: " + unknown})
}
