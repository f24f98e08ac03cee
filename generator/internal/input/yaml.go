package input

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// decoder reads yaml.Node trees strictly, reporting every problem with its
// position in the user's file.
type decoder struct {
	file       string
	lineOffset int // lines before the YAML text in its file (front matter)
	lines      []string
	errs       *diag.List
	unknown    map[*yaml.Node]bool // the keys reported as unknown fields
	syntaxLine int                 // the line of the last syntax error reported
	doc        *yaml.Node          // the document parsed whole, for aliasedAnchor
	aliased    map[string]bool     // the anchors an alias (*name) in doc refers to, made on first need
	noRecovery bool                // the syntax error reported is the file's one problem
	// The ids of the entries left out for their syntax errors, and
	// whether one was left out whose id could not be read.
	leftOut     map[string]bool
	leftOutAnon bool
	// The fields of front matter left out for their syntax errors
	// (fieldsWithoutBroken), which are not then missing.
	leftOutFields map[string]bool
	// cuts are the entries ownEntries made of one whose first field is
	// given again (an entry whose "- " was left out, or a line pasted
	// twice), each with the keys to report and the other part.
	cuts map[*yaml.Node]cut
	// mendedLine is the line whose odd spaces the syntax error just
	// reported was about (oddSpaces), mended: the line as YAML reads it
	// with plain spaces.
	mendedLine int
	mended     string
	mends      int // how many lines parse read again mended
	// joined holds, for the list of a field given again as another list
	// (a file's "notes:" twice, two notes files joined), the lists after
	// it, which entries reads as its own: told to remove the second key,
	// so that they join the first, the entries below it are checked in
	// the same run.
	joined map[*yaml.Node][]*yaml.Node
	// entryLeftOut: fieldsWithoutBroken left out an entry of a field's
	// list (the timeline's).
	entryLeftOut bool
}

// leftOutIDs says what references into the file parse read are not
// checked: those to the ids of the entries left out for their syntax
// errors (maybe), or, when one whose id could not be read was left out,
// all of them (ok false).
func (d *decoder) leftOutIDs() (maybe map[string]bool, ok bool) {
	return d.leftOut, !d.leftOutAnon
}

// idLineRE is an entry's id on its line, "- id: doe-2024" or "id: x".
var idLineRE = regexp.MustCompile(`^[ \t]*(?:- +)?["']?id["']?[ \t]*:[ \t]*["']?([^"'\s#,}]+)`)

func newDecoder(file, text string, lineOffset int, errs *diag.List) *decoder {
	return &decoder{file: file, lineOffset: lineOffset, lines: strings.Split(text, "\n"), errs: errs}
}

// parse parses text as one YAML document. It returns nil for an empty one.
//
// A syntax error is reported, and ok is false. When it lies inside an
// entry of the document's list (a note, a claim, a source), the text is
// read again without that entry, its lines blanked so that every other
// keeps its place, and so on for the next error: root is then what could
// be read, so that the other entries' problems are reported in the same
// run, not one syntax error a run (YAML stops at the first).
func (d *decoder) parse(text string) (root *yaml.Node, ok bool) {
	if !d.oneDocument(d.lines) {
		return nil, false
	}
	if fastYAML {
		if root, ok := fastParse(d.lines); ok {
			if d.pastedText() {
				return d.withoutBroken(), false
			}
			return root, true
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(withoutVersion(text)), &doc); err != nil {
		d.syntaxError(err)
		if l := d.mendedLine; l > 0 && d.lineOffset == 0 && d.mends < maxRecovered {
			// A no-break space for a space, told: the file is read
			// again with a plain one, so that the entry it is in is
			// checked too, and links to it are not told they point
			// nowhere.
			d.lines[l-1], d.mendedLine = d.mended, 0
			d.mends++
			root, _ := d.parse(strings.Join(d.lines, "\n"))
			return root, false
		}
		if d.noRecovery {
			return nil, false
		}
		return d.withoutBroken(), false
	}
	if d.pastedText() {
		return d.withoutBroken(), false
	}
	d.doc = &doc
	return docRoot(&doc), true
}

// withoutVersion returns text with a "%YAML 1.1" or "%YAML 1.2" line at
// its top made blank: yaml.v3 refuses another version's directive than
// its own, and the files read the same without it. Lines keep their
// numbers.
func withoutVersion(text string) string {
	rest := text
	for {
		line, after, more := strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
			if !more {
				return text
			}
			rest = after
			continue
		case t == "%YAML 1.1" || t == "%YAML 1.2":
			at := len(text) - len(rest)
			return text[:at] + strings.Repeat(" ", len(line)) + text[at+len(line):]
		}
		return text
	}
}

// pastedText reports a line of a text after "key: |" or "key: >" that
// is indented no further than the key, in a text that reads as YAML:
// YAML takes the text for empty and the line for a field of the mapping
// above ("unknown field", and "the note has no text"). It returns
// whether there is one; only a line that plainly is no field (its words
// before a colon are not a field's name) is taken for text here.
func (d *decoder) pastedText() bool {
	l, header, indent := d.outdentedText(d.yamlEnd(), true)
	if l == 0 {
		return false
	}
	s := d.lines[l-1]
	d.syntaxAt(l, 1+len(s)-len(strings.TrimLeft(s, " ")), "%s", outdentedTextAdvice(d.lines, l, header, indent))
	return true
}

// aliasedAnchor reports whether an alias of the document refers to the
// anchor name. The aliases are found once, when a text with an anchor is
// first met: most files have none.
func (d *decoder) aliasedAnchor(name string) bool {
	if d.aliased == nil {
		d.aliased = map[string]bool{}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.AliasNode && n.Alias != nil {
				d.aliased[n.Alias.Anchor] = true
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		if d.doc != nil {
			walk(d.doc)
		}
	}
	return d.aliased[name]
}

// docRoot is a parsed document's content, nil for an empty one: a
// document of nothing but "---" or a null is empty too (its null would
// stand on a line past the end of the file).
func docRoot(doc *yaml.Node) *yaml.Node {
	if doc.Kind == 0 || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil
	}
	return doc.Content[0]
}

// maxRecovered is how many more syntax errors parse looks for in a file,
// each after leaving out the entry of the one before.
const maxRecovered = 20

// withoutBroken reads the text again without the entry of the list that
// holds the syntax error just reported (d.syntaxLine), and again without
// the next one's, up to maxRecovered times, reporting each. It returns
// what the last reading found, or nil when an error lies outside every
// entry, when leaving its entry out does not move it, or when the text
// has no list; the entries' lines are blank in d.lines while the errors
// after the first are looked for (their positions are found there), as
// they were.
func (d *decoder) withoutBroken() *yaml.Node {
	orig := d.lines
	defer func() { d.lines = orig }()
	lines := slices.Clone(orig)
	indent := -1 // the list's entries': those of its first "- "
	for _, s := range lines {
		if t := strings.TrimLeft(s, " "); strings.HasPrefix(t, "- ") || t == "-" {
			indent = len(s) - len(t)
			break
		}
	}
	if indent < 0 {
		return nil
	}
	entryStart := func(s string) bool {
		return len(s) > indent && s[:indent] == strings.Repeat(" ", indent) && s[indent] == '-' &&
			(len(s) == indent+1 || s[indent+1] == ' ' || dashRE.MatchString(s)) // "-id: a" too
	}
	// A line past the entries is a key of the enclosing mapping, at its
	// indentation (that of the file's first line), like "notes:" or
	// "claims:". A line indented less than the entries but not so (one
	// space in, led by a tab, a note's text pasted at the left margin) is
	// a mistake inside the entry above it, which is left out with it.
	top := -1
	for _, s := range lines {
		if t := strings.TrimLeft(s, " "); t != "" && t[0] != '#' && t != "---" {
			top = len(s) - len(t)
			break
		}
	}
	outside := func(s string) bool {
		t := strings.TrimLeft(s, " ")
		return len(s)-len(t) == top && top < indent && topKeyRE.MatchString(t)
	}
	// A line that starts an entry, "- id: …" (or a timeline's "- date:
	// …"), but led by a tab or indented less than the entries: the
	// mistake is that entry's, which is left out, and not the one above
	// it too.
	ownEntry := func(s string) bool {
		t := strings.TrimLeft(s, " \t")
		lead := s[:len(s)-len(t)]
		return strings.HasPrefix(t, "- ") && keyLineRE.MatchString(t) && (strings.ContainsRune(lead, '\t') || len(lead) < indent)
	}
	for range maxRecovered {
		at := d.syntaxLine - d.lineOffset
		if at < 1 || at > len(lines) {
			return nil
		}
		start := at
		for start >= 1 && !entryStart(lines[start-1]) && (start < at || !ownEntry(lines[start-1])) {
			if outside(lines[start-1]) {
				return nil
			}
			start--
		}
		if start < 1 {
			return nil
		}
		end := at + 1
		for end <= len(lines) && !entryStart(lines[end-1]) && !outside(lines[end-1]) {
			end++
		}
		id := ""
		for i := start; i < end; i++ {
			if m := idLineRE.FindStringSubmatch(lines[i-1]); m != nil && id == "" {
				id = m[1]
			}
			lines[i-1] = ""
		}
		switch {
		case id == "":
			d.leftOutAnon = true
		case d.leftOut == nil:
			d.leftOut = map[string]bool{id: true}
		default:
			d.leftOut[id] = true
		}
		if root, more := d.readAgain(strings.Join(lines, "\n"), lines, start, end); !more {
			return root
		}
	}
	return nil
}

// readAgain parses text, the YAML read again with the lines from start to
// before stop (of the YAML, from 1) left out, and returns its root; or
// reports its syntax error, placed in lines (which d.lines then is), and
// says whether to read on: not when no new error is reported, or when the
// error lies in the lines just left out (leaving them out did not move
// it).
func (d *decoder) readAgain(text string, lines []string, start, stop int) (root *yaml.Node, more bool) {
	var doc yaml.Node
	err := yaml.Unmarshal([]byte(text), &doc)
	if err == nil {
		return docRoot(&doc), false
	}
	d.lines = lines
	before := d.errs.Len()
	d.syntaxError(err)
	at := d.syntaxLine - d.lineOffset
	return nil, d.errs.Len() > before && (at < start || at >= stop)
}

// fieldKeyRE matches a line of front matter that starts a field: its
// key at the left margin, then a colon.
var fieldKeyRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|\r?$)`)

// fieldNameRE matches a line of front matter that starts with a name, as
// a field's line does, its key perhaps indented, quoted or without its
// colon.
var fieldNameRE = regexp.MustCompile(`^[ \t]*["']?([A-Za-z_][A-Za-z0-9_-]*)(?::|[ \t]|$)`)

// brokenField returns the lines, from start to before stop (of the file,
// from 1), of the field of front matter that holds the syntax error at
// line at, the YAML being the file's lines after offset and before end;
// start is 0 when the error is above every field. A field's lines run
// from its key at the left margin to the next. The field is the error's
// own line when that is a field gone wrong: a key indented, or a line at
// the margin without its colon; and when YAML reports the error at the
// key after such a line ("title \"…\"" above "outlet: …"), that line.
func brokenField(lines []string, at, offset, end int) (start, stop int) {
	ownLine := func(s string) bool {
		if s == "" || fieldKeyRE.MatchString(s) {
			return false
		}
		t := strings.TrimLeft(s, " \t")
		margin := len(t) == len(s) && t[0] != '#' && t[0] != '-'
		indentedKey := len(t) < len(s) && fieldKeyRE.MatchString(t)
		return margin || indentedKey
	}
	start = at
	switch {
	case ownLine(lines[at-1]):
	case fieldKeyRE.MatchString(lines[at-1]):
		// The line above, if a field without its colon, is the one.
		prev := at - 1
		for prev > offset && strings.TrimSpace(lines[prev-1]) == "" {
			prev--
		}
		if prev > offset && ownLine(lines[prev-1]) && !strings.HasPrefix(lines[prev-1], " ") && !strings.HasPrefix(lines[prev-1], "\t") {
			return prev, at
		}
	default:
		for start > offset && !fieldKeyRE.MatchString(lines[start-1]) && !ownLine(lines[start-1]) {
			start--
		}
		if start <= offset {
			return 0, 0
		}
	}
	stop = at + 1
	for stop <= end && !fieldKeyRE.MatchString(lines[stop-1]) && !ownLine(lines[stop-1]) {
		stop++
	}
	return start, stop
}

// brokenEntry returns the lines, from start to before stop (of the file,
// from 1), of the entry of a field's list (a timeline's "  - date: …"
// and the lines under it) that holds the syntax error at line at, the
// YAML being the file's lines after offset and before end; start is 0
// when the error is not inside such an entry. The entries are those at
// the indentation of the field's first "- "; an entry runs to the next
// one, or to the next line at the left margin.
func brokenEntry(lines []string, at, offset, end int) (start, stop int) {
	margin := func(s string) bool { return s != "" && s[0] != ' ' && s[0] != '\t' && s[0] != '#' }
	entry := func(s string) (indent int, ok bool) {
		t := strings.TrimLeft(s, " ")
		return len(s) - len(t), len(t) < len(s) && (t == "-" || strings.HasPrefix(t, "- ") || dashRE.MatchString(s)) // "-date: …" too
	}
	if margin(lines[at-1]) {
		return 0, 0
	}
	field := at - 1 // the field's key, at the margin, above the error
	for field > offset && !margin(lines[field-1]) {
		field--
	}
	if field <= offset || !fieldKeyRE.MatchString(lines[field-1]) {
		return 0, 0
	}
	indent := -1 // of the field's entries: its first "- "
	for l := field + 1; l <= at && indent < 0; l++ {
		if k, ok := entry(lines[l-1]); ok {
			indent = k
		}
	}
	if indent < 0 {
		return 0, 0
	}
	isEntry := func(s string) bool { k, ok := entry(s); return ok && k == indent }
	start = at
	for start > field && !isEntry(lines[start-1]) {
		start--
	}
	if start <= field {
		return 0, 0
	}
	stop = at + 1
	for stop <= end && !isEntry(lines[stop-1]) && !margin(lines[stop-1]) {
		stop++
	}
	return start, stop
}

// fieldsWithoutBroken is withoutBroken for front matter, a mapping of
// fields: it leaves out the field that holds the syntax error just
// reported (from its key, at the left margin, to the next key) and reads
// the rest, reporting the next syntax error and leaving out its field in
// turn, so that the other fields' problems are reported in the same run
// (YAML stops at the first). It returns the mapping read, or nil, and
// keeps the names of the fields left out in d.leftOutFields, which
// required does not then call missing.
func (d *decoder) fieldsWithoutBroken() *yaml.Node {
	orig := d.lines
	defer func() { d.lines = orig }()
	if d.noRecovery {
		return nil
	}
	lines := slices.Clone(orig)
	end := d.yamlEnd() // the closing ---: the YAML is lines[d.lineOffset:end]
	for range maxRecovered {
		at := d.syntaxLine // of the file, from 1
		if at <= d.lineOffset || at > end {
			return nil
		}
		// An entry of a field's list (the timeline's) is left out whole,
		// and its fields are not taken for broken ones: the other
		// entries are read, and checked, as they are.
		start, stop := brokenEntry(lines, at, d.lineOffset, end)
		entry := start > 0
		d.entryLeftOut = d.entryLeftOut || entry
		if !entry {
			start, stop = brokenField(lines, at, d.lineOffset, end)
		}
		if start == 0 {
			return nil // before the first field: nothing to leave out
		}
		if d.leftOutFields == nil {
			d.leftOutFields = map[string]bool{}
		}
		for i := start; i < stop; i++ {
			// The name a line starts with: the field's, or that of a
			// field YAML took for more of the one above (led by a tab or
			// spaces, or without its colon), there but broken.
			if m := fieldNameRE.FindStringSubmatch(lines[i-1]); m != nil && !entry {
				d.leftOutFields[m[1]] = true
			}
			lines[i-1] = ""
		}
		root, more := d.readAgain(strings.Join(lines[d.lineOffset:end], "\n"), lines, start-d.lineOffset, stop-d.lineOffset)
		if !more {
			if root != nil && root.Kind == yaml.MappingNode {
				return root
			}
			return nil
		}
	}
	return nil
}

// topKeyRE matches a line's text (past its indentation) that is a key of
// a file's top mapping, such as "notes:" or "references: []".
var topKeyRE = regexp.MustCompile(`^[a-z][A-Za-z0-9_-]*:(?:[ \t]|\r?$)`)

// oneDocument reports a line of lines that ends the YAML document or
// starts another (a line of --- after the first text, or of ...), and
// returns false, or true when there is none. A YAML reader reads the first
// document and nothing after it, so everything below the line would be
// dropped without a word: the notes of the rest of the file, say, after a
// --- put in to separate them. A last such line, with nothing after it,
// only closes the document. lines are the YAML's, from the file's line
// d.lineOffset+1.
func (d *decoder) oneDocument(lines []string) bool {
	begun := false
	for i, s := range lines {
		if s == "" {
			continue
		}
		if s[0] != '-' && s[0] != '.' {
			if s[0] != '#' && s[0] != '%' && strings.TrimSpace(s) != "" {
				begun = true
			}
			continue
		}
		marker := s[:min(3, len(s))]
		if marker != "---" && marker != "..." || len(s) > 3 && s[3] != ' ' && s[3] != '\t' && s[3] != '\r' {
			begun = true
			continue
		}
		if marker == "---" && !begun {
			begun = true // the document's own start
			continue
		}
		// The last line of the file, but for blank lines and comments,
		// closes the document, as Pandoc's metadata block (a CSL YAML
		// bibliography) is closed by --- or ...: nothing is dropped.
		if strings.TrimSpace(s) == marker && slices.IndexFunc(lines[i+1:], func(l string) bool { t := strings.TrimSpace(l); return t != "" && t[0] != '#' }) < 0 {
			return true
		}
		what := "a line of --- starts a second YAML document, and nothing below it would be read: remove the line (a list's entries need no separator; each starts with -)"
		if marker == "..." {
			what = "a line of ... ends the YAML document, and nothing below it would be read: remove the line"
		}
		d.errs.Add(diag.Pos{File: d.file, Line: d.lineOffset + i + 1, Col: 1}, "%s", what)
		return false
	}
	return true
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

var unknownAnchorRE = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// yamlParserErrors are the problems yaml.v3's parser (as opposed to its
// scanner) reports. For these, the line in the message is one less than the
// line of the text it is about: yaml.v3 counts its marks from 0 and adds 1
// only for scanner errors.
var yamlParserErrors = []string{
	"did not find expected <stream-start>", "did not find expected <document start>",
	"found undefined tag handle", "did not find expected node content", "did not find expected '-' indicator",
	"did not find expected key", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"found duplicate %YAML directive", "found incompatible YAML document", "found duplicate %TAG directive",
}

// syntaxError reports a YAML syntax error. yaml.v3 gives no node for text it
// cannot parse, so this is the one place a line number is read from an error
// message; every other position comes from a yaml.Node.
func (d *decoder) syntaxError(err error) {
	msg := err.Error()
	line, col := 1, 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if contains(yamlParserErrors, msg) {
			line++
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	line += d.lineOffset
	// "unknown anchor 'X' referenced" names no line: the *X's is it.
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		for i := d.lineOffset; i < d.yamlEnd(); i++ {
			if strings.Contains(d.lines[i], "*"+m[1]) {
				line = i + 1
				break
			}
		}
	}
	// yaml.v3 puts the end of the text on a line of its own: a problem found
	// there (an unclosed bracket on the last line) is on the last line.
	line = min(line, max(len(d.lines), 1))
	d.mendedLine = 0
	const quoting = "quote any text that contains a colon followed by a space, or starts with a quote, [ or {"
	hint := "check the indentation and " + quoting
	// yaml.v3 names the line where a block list or mapping began, which
	// may be the top of the file; the line that broke it is found once,
	// for the check of quotes and the message below.
	broken := 0
	if contains(blockErrors, msg) {
		broken = d.breakingLine(d.lines, line, err.Error())
	}
	if d.oddSpaces(max(line, broken), msg) {
		return
	}
	// A backslash in double quotes starts an escape: Markdown's \* or a
	// Windows path is not one YAML knows.
	if msg == "found unknown escape character" {
		if l, c, esc := d.unknownEscape(line); l > 0 {
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): inside double quotes a backslash starts an escape, and %s is not one: write the backslash as \\\\ (%s), or put the whole text in single quotes, where a backslash is only a backslash (and a ' is written '')",
				msg, esc, `\\`+esc[1:])
			return
		}
	}
	// A problem with a character is found below, where the character is.
	character := strings.Contains(msg, "tab character") || strings.Contains(msg, "control characters") || msg == "found character that cannot start any token"
	if !character {
		// A quoted text left open takes in the lines after it, up to
		// the next quote mark; YAML fails where that leaves it, lines
		// later, with a message about something else.
		failed := line
		if broken > 0 {
			failed = broken
		}
		// -id: a, with no space after the dash: YAML reads "-id" as a
		// key, not an entry, and fails at it or at the line after.
		if l, c, key := d.dashWithoutSpace(failed); l > 0 {
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): there is no space after the - that starts this entry, so YAML reads \"-%s\" as one word, not as - and the field %s: put a space after the -, like - %s:",
				msg, key, key, key)
			return
		}
		// kind:context, with no space after the colon: YAML reads one
		// word, not a key and its value, and fails at it or soon after.
		// (Before the text pasted at the left margin: "cites:[a]" after a
		// note's text would be told to be indented into the text.)
		if l, c, key, value := d.spacelessColon(failed); l > 0 {
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): there is no space after the colon of %q, so YAML does not read it as the field %s and its value: put a space after the colon, like %s: %s",
				msg, key+":"+value, key, key, value)
			return
		}
		// A text's line after "note: |" indented no further than note:
		// (pasted at the left margin): YAML reads it as something else,
		// and fails at it or further down.
		// author Jane Doe, a field's name and its value without the
		// colon between them (colonless): YAML reads one text, and fails
		// at the next line that has a colon.
		fl, fc, key, value := d.colonlessField(failed)
		surely := fl > 0 && fieldSurely(key, value)
		if l, header, indent := d.outdentedText(failed, false); l > 0 && !(l == fl && surely) {
			s := d.lines[l-1]
			advice := outdentedTextAdvice(d.lines, l, header, indent)
			if l == fl {
				// "cites [a]" below a text: a field as well as more text.
				_, text := blockField(d.lines, header)
				advice = fmt.Sprintf("there is no colon after %s, so YAML reads the line neither as the field %s nor as part of the text of %q above it (line %d): if it is the field, write it %s: %s; if it is more of the text, indent it by %d spaces, as the text's lines above it are",
					key, key, text, header, key, value, indent)
			}
			d.syntaxAt(l, 1+len(s)-len(strings.TrimLeft(s, " ")), "this is not valid YAML (%s): %s", msg, advice)
			return
		}
		if fl > 0 {
			// After a text without quotes, the line may as well be that
			// text's next, not indented further.
			if above := d.textAbove(fl); above != "" && !surely {
				d.syntaxAt(fl, fc,
					"this is not valid YAML (%s): there is no colon after %s, so YAML does not read the line as the field %s and its value, nor as more of the text of %s above it: if it is the field, write it %s: %s; if it goes on with the text, indent it further than %s",
					msg, key, key, above, key, value, above)
				return
			}
			d.syntaxAt(fl, fc,
				"this is not valid YAML (%s): there is no colon after %s, so YAML does not read the line as the field %s and its value: write it %s: %s",
				msg, key, key, key, value)
			return
		}
		if l, c, mark := d.unclosedQuote(failed); l > 0 {
			where := fmt.Sprintf("fails at line %d", failed)
			if msg == "found unexpected end of stream" {
				where = "finds no end to it"
			}
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): the quoted text that opens here is not closed on its line, so YAML reads on past it and %s: add the closing %s at the end of the text",
				msg, where, mark)
			return
		}
		// A # after a space inside a list in brackets starts a comment,
		// which leaves the list unclosed.
		if l, c := d.hashInBrackets(failed); l > 0 && (strings.Contains(msg, "expected ',' or") || strings.Contains(msg, "expected node content")) {
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): a # after a space starts a comment, which cuts this list short: put the text with the # in quotes, like [\"#1 wire\"]", msg)
			return
		}
		// Two commas with nothing between them in a list in brackets
		// ([Reuters, , AP]): an entry left out.
		if l, c := d.find(max(failed-1, d.lineOffset+1), emptyFlowEntry); l > 0 && l <= failed && strings.Contains(msg, "expected node content") {
			d.syntaxAt(l, c, "this is not valid YAML (%s): this list in brackets has an empty entry here, a comma with nothing before it: remove the comma, or put the missing entry before it", msg)
			return
		}
		// A list or mapping in brackets left open, [a, b: YAML reads on
		// into the lines after it and fails there.
		if l, c, open, closers := d.unclosedBrackets(failed); l > 0 {
			what, end := "list in brackets", "list"
			if open == '{' {
				what, end = "mapping in braces", "mapping"
			}
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): the %s that opens here is not closed on its line, so YAML reads on past it: add the closing %s at the end of the %s",
				msg, what, closers, end)
			return
		}
		// A quote mark inside a quoted text, "He said "no"", ends it
		// there, and YAML cannot read what follows.
		if l, c, open := d.innerQuote(failed); l > 0 {
			how := `write each " inside the text as \" (or put the whole text in single quotes)`
			if open == '\'' {
				how = `write each ' inside the text as '' (two of them), or put the whole text in double quotes`
			}
			if ch := []rune(d.lines[l-1]); c < len(ch) && (ch[c] == ' ' || unicode.IsPunct(ch[c])) {
				// note: "Highest" is wrong; the report says "second
				// highest": a quoted word at the start, not a quote mark
				// inside the text, and the text's own first and last marks
				// would be lost to the advice above.
				how += "; if the text itself starts and ends with those quote marks, put it all, marks and all, inside the other kind of quotes"
			}
			d.syntaxAt(l, c,
				"this is not valid YAML (%s): the quoted text ends at this %c, meant to be inside it, and YAML cannot read what follows: %s",
				msg, open, how)
			return
		}
	}
	// A %YAML directive of a version other than 1.1 and 1.2 (which parse
	// reads without it) is no text to put in quotes.
	if msg == "found incompatible YAML document" {
		if l, c := d.find(1, func(s string) int {
			if strings.HasPrefix(s, "%YAML") {
				return 0
			}
			return -1
		}); l > 0 {
			d.syntaxAt(l, c, "this is not valid YAML (%s): the briefing's files are read as YAML 1.2 or 1.1: remove this %%YAML line", msg)
			return
		}
	}
	// A text that starts with a character YAML reads as syntax ([, *, a
	// quoted part…) fails at that line or soon after, with a message about
	// something else.
	if !strings.Contains(msg, "tab character") && !strings.Contains(msg, "control characters") {
		failed := line
		if broken > 0 {
			failed = broken
		}
		if l, c, what := d.indicatorStart(failed); l > 0 {
			d.syntaxAt(l, c, "this is not valid YAML (%s): %s", msg, what)
			return
		}
	}
	above := 0 // notes: x, with the list of notes below it
	if msg == "mapping values are not allowed in this context" {
		above = d.valueAboveList(line)
	}
	switch {
	case contains(blockErrors, msg):
		// Point at the line that broke the list or mapping.
		if broken > 0 {
			line, col = broken, 1+len(d.lines[broken-1])-len(strings.TrimLeft(d.lines[broken-1], " "))
			if l, key, empty := d.emptyAbove(broken); l > 0 && !strings.HasPrefix(d.lines[l-1], " ") {
				// "notes: []", as new writes it, with entries added
				// below: every entry fails, and it is one problem, at
				// the [], as "notes: x" is; the file is not read again
				// entry by entry.
				s := d.lines[l-1]
				at := strings.Index(s, key+":") + len(key) + 1
				at += strings.Index(s[at:], empty)
				d.noRecovery = true
				d.syntaxAt(l, 1+utf8.RuneCountInString(s[:at]),
					"this is not valid YAML (%s): %q says the list is empty, so YAML does not read the entries below it as its entries: remove the %s after %s:",
					msg, strings.TrimSpace(s), empty, key)
				return
			} else if l > 0 {
				// "cites: []" in an entry, with items below: the entry
				// is left out, and the rest read again.
				d.syntaxAt(line, col,
					"this is not valid YAML (%s): line %d, %q, says it is empty, so this entry below it is not one of its entries: remove the %s after %s:",
					msg, l, strings.TrimSpace(d.lines[l-1]), empty, key)
				return
			}
		}
		hint = "check this line's indentation: the fields of an entry line up under each other, and the entries of a list each start with - at the same indentation; " + quoting
	case msg == "found character that cannot start any token" && indentTab(d.lines[line-1]) >= 0:
		// A line indented with a tab where a key or an entry was due:
		// yaml.v3 names the line but not the tab.
		col = 1 + indentTab(d.lines[line-1])
		hint = tabHint
	case strings.Contains(msg, "tab character"):
		// yaml.v3 names the line where the value began; point at the tab.
		if l, c := d.find(line, indentTab); l > 0 {
			line, col = l, c
		}
		hint = tabHint
	case above > 0:
		// notes: x, with the list of notes below it: the list is read as
		// more of the text x, and every entry of it fails; it is one
		// problem, at the x, and the file is not read again entry by entry.
		s := d.lines[above-1]
		m := valueRE.FindStringSubmatchIndex(s)
		key, value := s[m[2]:m[3]], strings.TrimSpace(s[m[1]:])
		d.noRecovery = true
		d.syntaxAt(above, 1+utf8.RuneCountInString(s[:m[1]]),
			"this is not valid YAML (%s): %q gives %s a value on its line, so YAML reads the list below it as more of that text: remove %q, so that the list is what %s holds",
			msg, strings.TrimSpace(s), key, value, key)
		return
	case msg == "mapping values are not allowed in this context":
		// A colon and a space inside a value not in quotes: yaml.v3 names
		// the line; point at that colon, the first after the line's key
		// (or the first, on a line that continues a value).
		if cols := colonsAt(d.lines[line-1]); len(cols) > 0 {
			col = cols[min(1, len(cols)-1)]
		}
	case msg == "found unexpected end of stream":
		hint = "a quoted text that starts on this line is never closed: add the closing quote mark"
	case strings.Contains(msg, "control characters"):
		// Control characters are reported before the text is parsed
		// (checkControl); what yaml.v3 also refuses is the noncharacters
		// U+FFFE and U+FFFF.
		what := "invisible character"
		var bad rune
		if l, c := d.find(1, func(s string) int {
			return strings.IndexFunc(s, func(r rune) bool {
				bad = r
				return isControl(r) || r == 0xfffe || r == 0xffff
			})
		}); l > 0 {
			line, col = l, c
			what = fmt.Sprintf("invisible character (U+%04X)", bad)
		}
		hint = "remove the " + what + " (it often comes from copying text out of a PDF or a word processor)"
	}
	d.syntaxAt(line, col, "this is not valid YAML (%s): %s", msg, hint)
}

// valueAboveList returns the line of "key: value" that the list entry on
// line (a line starting "- ", where YAML failed) stands under, indented
// deeper, when that key has a value on its line; or 0.
func (d *decoder) valueAboveList(line int) int {
	if line < 1 || line > len(d.lines) {
		return 0
	}
	entry := d.lines[line-1]
	t := strings.TrimLeft(entry, " ")
	if !strings.HasPrefix(t, "- ") {
		return 0
	}
	indent := len(entry) - len(t)
	for l := line - 1; l > d.lineOffset; l-- {
		s := strings.TrimRight(d.lines[l-1], " \t\r")
		u := strings.TrimLeft(s, " ")
		if u == "" || u[0] == '#' {
			continue
		}
		if len(s)-len(u) >= indent {
			return 0 // an entry or text between: not the key's own line
		}
		m := valueRE.FindStringSubmatchIndex(s)
		if m == nil || m[2] < 0 || m[1] >= len(s) || s[m[1]] == '#' || s[m[1]] == '|' || s[m[1]] == '>' {
			return 0
		}
		return l
	}
	return 0
}

// syntaxAt reports a syntax error at line and col, and keeps its line.
func (d *decoder) syntaxAt(line, col int, format string, args ...any) {
	d.syntaxLine = line
	d.errs.Add(diag.Pos{File: d.file, Line: line, Col: col}, format, args...)
}

// quoteOpenRE matches a line whose value starts with a quote mark: what
// valueRE matches, then the mark (group 2).
var quoteOpenRE = regexp.MustCompile(valuePrefix + `(["'])`)

// openQuote returns the byte offset of the quote mark that opens line's
// value when the line does not close it, or -1.
func openQuote(line string) int {
	m := quoteOpenRE.FindStringSubmatchIndex(line)
	if m == nil || closingQuote(line[m[4]:]) >= 0 {
		return -1
	}
	return m[4]
}

// unclosedQuote returns the line, column and quote mark of a quoted text
// that opens on a line up to line (where YAML failed) without being closed
// on it, when closing it there makes the YAML parse, or fail only past
// line: the likely cause of the failure. A text meant to run over several
// lines does not qualify, as closing it on its first line breaks the next.
// It returns 0, 0, "" when there is none.
func (d *decoder) unclosedQuote(line int) (int, int, string) {
	l := d.firstFix(line, func(s string) (string, bool) {
		at := openQuote(s)
		if at < 0 {
			return "", false
		}
		return strings.TrimRight(s, " \r") + s[at:at+1], true
	})
	if l == 0 {
		return 0, 0, ""
	}
	s := d.lines[l-1]
	at := openQuote(s)
	return l, 1 + utf8.RuneCountInString(s[:at]), s[at : at+1]
}

// blockHeaderRE matches a line whose value is a block text, "note: |" or
// "text: >-": the indentation and any "- " (group 1), the key (group 2)
// and the indicator (group 3).
var blockHeaderRE = regexp.MustCompile(`^( *(?:- +)*)([^\s"'#{\[\]}][^:#]*?): +([|>][0-9+-]*) *(?:#.*)?\r?$`)

// fieldLineRE matches a line's text (past its indentation) that starts
// as a field does, "cites:" or "- id:", or is a comment: such a line
// after "note: |" ends the text rather than being part of it.
var fieldLineRE = regexp.MustCompile(`^(?:-(?:[ \t]|\r?$)|#|["'][^"']*["'] *:(?:[ \t]|\r?$)|[a-z][a-z0-9_-]*:(?:[ \t]|\r?$)|[A-Z][A-Z0-9_-]*:(?:[ \t]|\r?$))`)

// wordKeyRE matches a line's text that starts with a word and a colon,
// "Note: " or "cites:", or two or three small words ("date note:",
// "relies on:"): one that may be a field, misspelt or not.
var wordKeyRE = regexp.MustCompile(`^(?:[A-Za-z][A-Za-z0-9_-]*|[a-z][a-z0-9_-]*(?: [a-z][a-z0-9_-]*){1,2}):(?:[ \t]|\r?$)`)

// outdentedText finds a line of a block text ("note: |" and the lines
// below it) that is indented no further than its key, up to line: YAML
// ends the text above it, and reads it as something else. It returns
// that line, the header's line, and the indentation the text's lines
// need (that of its lines above, or two spaces more than the key), when
// indenting it, and the lines after it up to the next field, so makes
// the YAML parse or fail only past line; strict asks for a line that is
// plainly no field (for YAML that parses as it is). It returns 0, 0, 0
// when there is none. At most 20 lines are tried.
func (d *decoder) outdentedText(line int, strict bool) (int, int, int) {
	last := d.yamlEnd()
	end := min(line, last)
	tried := 0
	for h := d.lineOffset + 1; h < end; h++ {
		s := d.lines[h-1]
		if !strings.Contains(s, "|") && !strings.Contains(s, ">") {
			continue // most lines, cheaply
		}
		m := blockHeaderRE.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		key := m[4]  // the key's column, from 0
		indent := -1 // the text's, from its first line
		q, next := 0, last+1
		for l := h + 1; l <= last; l++ {
			t := strings.TrimLeft(d.lines[l-1], " ")
			if strings.TrimSpace(t) == "" {
				continue
			}
			n := len(d.lines[l-1]) - len(t)
			if n > key {
				if indent < 0 {
					indent = n
				}
				continue
			}
			next = l
			r, _ := utf8.DecodeRuneInString(t)
			if t[0] != '\t' && !fieldLineRE.MatchString(t) && (!strict || (unicode.IsLetter(r) || unicode.IsDigit(r)) && !wordKeyRE.MatchString(t)) {
				q = l
			}
			break
		}
		header := h
		h = next - 1 // the text's lines are no header: go on after them
		if q == 0 || q > end {
			continue
		}
		if indent < 0 {
			indent = key + 2
		}
		// The text's lines from q on, up to the next field, indented.
		lines := slices.Clone(d.lines[d.lineOffset:last])
		for l := q; l <= last; l++ {
			t := strings.TrimLeft(d.lines[l-1], " ")
			n := len(d.lines[l-1]) - len(t)
			if strings.TrimSpace(t) == "" || n > key {
				continue
			}
			if l > q && fieldLineRE.MatchString(t) {
				break
			}
			lines[l-1-d.lineOffset] = strings.Repeat(" ", indent) + t
		}
		if tried++; tried > 20 {
			break
		}
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(lines, "\n")+"\n"), &doc)
		if err == nil {
			return q, header, indent
		}
		if m := yamlLineRE.FindStringSubmatch(err.Error()); !strict && m != nil {
			if n, _ := strconv.Atoi(m[1]); n+d.lineOffset > line {
				return q, header, indent
			}
		}
	}
	return 0, 0, 0
}

// blockField is the key of a text and its field as its header line
// (header, from 1) gives them, "note" and "note: |", for messages.
func blockField(lines []string, header int) (key, field string) {
	m := blockHeaderRE.FindStringSubmatch(lines[header-1])
	return m[2], m[2] + ": " + m[3]
}

// outdentedTextAdvice says what is wrong with line l of lines, a text's
// line indented no further than the key of header, the line of "note: |"
// or the like above it, and how to indent it.
func outdentedTextAdvice(lines []string, l, header, indent int) string {
	key, field := blockField(lines, header)
	first := true // the text starts at l
	for i := header + 1; i < l; i++ {
		if strings.TrimSpace(lines[i-1]) != "" {
			first = false
			break
		}
	}
	if first {
		return fmt.Sprintf("the text of %q on line %d must be indented further than %q, or YAML does not read it as that text: indent this line, and each line of the text after it, by %d spaces",
			field, header, key+":", indent)
	}
	return fmt.Sprintf("this line is indented less than the text of %q above it (line %d), so YAML does not read it as part of that text: indent it by %d spaces, as the text's lines above it are",
		field, header, indent)
}

// spacelessColonRE matches a line that is a field written without the
// space after its colon, kind:context: the indentation and any "- " (group
// 1), a key of letters, digits, - and _ (group 2), and the value (group 3),
// which does not start with / (https://… is a text, not a key).
var spacelessColonRE = regexp.MustCompile(`^( *(?:- +)*)([A-Za-z][A-Za-z0-9_-]*):([^\s/:].*?)[ \t\r]*$`)

// colonlessFieldRE matches a line that may be a field written without its
// colon, author Jane Doe: the indentation and any "- " (group 1), a word
// (group 2) and the rest of the line (group 3), which has no colon unless
// it is quoted or in brackets (author [{family: Doe}]).
var colonlessFieldRE = regexp.MustCompile(`^( *(?:- +)*)([A-Za-z][A-Za-z0-9_-]*)[ \t]+([^:\s\[{"'][^:]*?|[\[{"'].*?)[ \t\r]*$`)

// colonlessField returns the line, the column after the name, the name
// and the value of a field written without its colon (author Jane Doe) on
// line (where YAML failed) or one of the two before it: a line among the
// fields of an entry (or of front matter), at their indentation, whose
// first word names a field of this kind of file that the entry does not
// have yet ("number of arrivals fell by …" names none), and that parses,
// or fails only past line, with a colon after that word. It returns 0,
// 0, "", "" when there is none.
func (d *decoder) colonlessField(line int) (int, int, string, string) {
	for l := max(line-2, d.lineOffset+1); l <= min(line, d.yamlEnd()); l++ {
		s := d.lines[l-1]
		m := colonlessFieldRE.FindStringSubmatchIndex(s)
		if m == nil || !slices.Contains(d.fieldNames(), s[m[4]:m[5]]) {
			continue
		}
		if keys, ok := d.siblingKeys(l, m[3]); !ok || slices.Contains(keys, s[m[4]:m[5]]) {
			continue
		}
		if d.parsesPast(l, s[:m[5]]+":"+s[m[5]:], line) {
			return l, 1 + utf8.RuneCountInString(s[:m[5]]), s[m[4]:m[5]], s[m[6]:m[7]]
		}
	}
	return 0, 0, "", ""
}

// fieldSurely says whether a line read as the field key without its colon
// cannot be a line of text instead: its value is a list or mapping in
// brackets ("cites [a, b]"), or a kind or verdict of note, or a type.
func fieldSurely(key, value string) bool {
	return strings.HasPrefix(value, "[") || strings.HasPrefix(value, "{") ||
		key == "kind" && validKind(briefing.Kind(value)) || key == "verdict" && validVerdict(value) ||
		key == "claimant_type" && (value == "person" || value == "organization")
}

// textFields are the fields whose value is a text that may run over
// several lines.
var textFields = []string{"title", "summary", "date_note", "text", "quote", "prefix", "suffix", "note", "statement",
	"container-title", "collection-title", "publisher"}

// textAbove returns the field above line l (of the file, from 1), at its
// indentation, when that field is a text written without quotes, which a
// line indented further than the field would go on with (over one line
// or more); or "".
func (d *decoder) textAbove(l int) string {
	s := d.lines[l-1]
	col := len(s) - len(strings.TrimLeft(s, " "))
	for i := l - 1; i > d.lineOffset; i-- {
		s := d.lines[i-1]
		t := strings.TrimLeft(s, " ")
		if t == "" || t[0] == '#' || len(s)-len(t) > col {
			continue // blank, a comment, or more of a text
		}
		m := keyLineRE.FindStringSubmatchIndex(s)
		if m == nil || m[3] != col || !slices.Contains(textFields, s[m[4]:m[5]]) {
			return ""
		}
		v := strings.TrimSpace(s[m[1]:])
		if v == "" || strings.ContainsRune("\"'|>[{&*!#", rune(v[0])) {
			return "" // quoted, a block, a list
		}
		return s[m[4]:m[5]]
	}
	return ""
}

// dashRE matches a line that starts an entry with no space after its
// dash: "-id: a"; the key is group 2.
var dashRE = regexp.MustCompile(`^( *)-([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|\r?$)`)

// dashWithoutSpace returns the line and column of the dash of "-id: a",
// a field of the file's entries after a dash with no space, on line or
// on one of the few lines above it (YAML fails at the line after, when
// the entry is a list's first), and the field's name; or 0, 0, "".
func (d *decoder) dashWithoutSpace(line int) (int, int, string) {
	names := d.fieldNames()
	for l := min(line, len(d.lines)); l > max(d.lineOffset, line-3); l-- {
		if m := dashRE.FindStringSubmatch(d.lines[l-1]); m != nil && contains(names, m[2]) {
			return l, len(m[1]) + 1, m[2]
		}
	}
	return 0, 0, ""
}

// fieldNames are the names of the fields of the file being read, by its
// path: an article's or a page's front matter, a notes file, the claims,
// the bibliography.
func (d *decoder) fieldNames() []string {
	switch {
	case strings.HasPrefix(d.file, "content/"):
		return slices.Concat(articleFields, indexFields, timelineFields, pageFields)
	case d.file == "annotations/claims.yaml":
		return claimFields
	case strings.HasPrefix(path.Base(d.file), "sources."):
		return slices.Concat(sourceTextFields, cslNameVars, cslDateVars, []string{"id", "type", "keyword", "language"})
	}
	return noteFields
}

// keyLineRE matches a line that gives a key a value: its indentation and
// any "- " (group 1) and the key (group 2).
var keyLineRE = regexp.MustCompile(`^( *(?:- +)*)["']?([A-Za-z_][A-Za-z0-9_-]*)["']?[ \t]*:(?:[ \t]|\r?$)`)

// siblingKeys returns the keys given on the lines of the mapping that
// line l (of the file, from 1) sits in at column col (its name's): those
// of the lines at that column, up and down to the lines indented less
// (the entry's own "- " line counted in, as its first key is at col). ok
// is false when no other line of it gives a key: then l is not among
// fields.
func (d *decoder) siblingKeys(l, col int) (keys []string, ok bool) {
	scan := func(from, step int) {
		for i := from; i > d.lineOffset && i <= d.yamlEnd(); i += step {
			s := d.lines[i-1]
			t := strings.TrimLeft(s, " ")
			if t == "" || t[0] == '#' {
				continue
			}
			m := keyLineRE.FindStringSubmatch(s)
			at := len(s) - len(t)
			if m != nil {
				at = len(m[1])
			}
			if at < col || at == col && step > 0 && strings.HasPrefix(t, "- ") {
				return // indented less, or the next entry
			}
			if at == col && m != nil {
				keys = append(keys, m[2])
				if strings.HasPrefix(t, "- ") {
					return // the entry's first line
				}
			}
		}
	}
	if !strings.HasPrefix(strings.TrimLeft(d.lines[l-1], " "), "- ") {
		scan(l-1, -1) // an entry's first line has none above it
	}
	scan(l+1, 1)
	return keys, len(keys) > 0
}

// spacelessColon returns the line, the column of the colon, the key and
// the value of a field written without the space after its colon
// (kind:context) on line (where YAML failed) or one of the two before it,
// when a space there makes the YAML parse, or fail only past line. It
// returns 0, 0, "", "" when there is none.
func (d *decoder) spacelessColon(line int) (int, int, string, string) {
	for l := max(line-2, d.lineOffset+1); l <= min(line, d.yamlEnd()); l++ {
		s := d.lines[l-1]
		m := spacelessColonRE.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		colon := m[5]
		if d.parsesPast(l, s[:colon+1]+" "+s[colon+1:], line) {
			return l, 1 + utf8.RuneCountInString(s[:colon]), s[m[4]:m[5]], s[m[6]:m[7]]
		}
	}
	return 0, 0, "", ""
}

// firstFix returns the first line, from the YAML's first up to line (where
// YAML failed), that fix offers to rewrite (ok) so that the YAML text
// parses, or fails only past line: the likely cause of the failure. At
// most 20 lines are tried, on the error path only. It returns 0 when none
// qualifies.
func (d *decoder) firstFix(line int, fix func(s string) (string, bool)) int {
	end := d.yamlEnd()
	tried := 0
	for l := d.lineOffset + 1; l <= min(line, end); l++ {
		fixedLine, ok := fix(d.lines[l-1])
		if !ok {
			continue
		}
		if tried++; tried > 20 {
			break
		}
		if d.parsesPast(l, fixedLine, line) {
			return l
		}
	}
	return 0
}

// unclosedBrackets returns the line and column of a list or mapping in
// brackets that opens a value ("key: [", "- {") on a line up to line
// (where YAML failed) and is not closed on it, the bracket that opens it
// and the brackets that close it, in order ("]", "}]"), when adding these
// at the end of the line makes the YAML parse, or fail only past line. A
// list meant to run over several lines does not qualify, as closing it on
// its first line breaks the next. It returns 0, 0, 0, "" when there is
// none.
func (d *decoder) unclosedBrackets(line int) (int, int, byte, string) {
	l := d.firstFix(line, func(s string) (string, bool) {
		_, closers := openBrackets(s)
		if closers == "" {
			return "", false
		}
		return strings.TrimRight(s, " \t\r") + closers, true
	})
	if l == 0 {
		return 0, 0, 0, ""
	}
	s := d.lines[l-1]
	at, closers := openBrackets(s)
	return l, 1 + utf8.RuneCountInString(s[:at]), s[at], closers
}

// openBrackets returns the byte offset of the bracket or brace that opens
// line's value when the line leaves it open (quotes aside), and the
// brackets that would close what is open, innermost first; "" when the
// value is not in brackets, is closed, or has a comment or a stray
// closing bracket in it (each reported otherwise).
func openBrackets(line string) (int, string) {
	m := valueRE.FindStringIndex(line)
	at := m[1]
	if at >= len(line) || line[at] != '[' && line[at] != '{' {
		return 0, ""
	}
	var open []byte
	var quote byte
	for i := at; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if t := strings.TrimRight(line[:i], " "); strings.HasSuffix(t, "[") || strings.HasSuffix(t, "{") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") {
				quote = c
			}
		case c == '#' && (line[i-1] == ' ' || line[i-1] == '\t'):
			return 0, "" // a comment: hashInBrackets's
		case c == '[' || c == '{':
			open = append(open, c)
		case c == ']' || c == '}':
			if len(open) == 0 || open[len(open)-1] != "[{"[strings.IndexByte("]}", c)] {
				return 0, ""
			}
			if open = open[:len(open)-1]; len(open) == 0 {
				return 0, "" // closed: what follows it is another matter
			}
		}
	}
	if len(open) == 0 || quote != 0 {
		return 0, ""
	}
	closers := make([]byte, 0, len(open))
	for i := len(open) - 1; i >= 0; i-- {
		closers = append(closers, "]}"[strings.IndexByte("[{", open[i])])
	}
	return at, string(closers)
}

// innerQuote returns the line and column of the first quote mark inside a
// quoted text, and the mark, on a line up to line (where YAML failed):
// a value that opens with a quote mark and ends with the same one, with
// more of them between, when escaping those makes the YAML parse, or fail
// only past line. It returns 0, 0, 0 when there is none.
func (d *decoder) innerQuote(line int) (int, int, byte) {
	l := d.firstFix(line, func(s string) (string, bool) {
		s, at, inner := innerQuoteAt(s)
		if inner < 0 {
			return "", false
		}
		mark := s[at]
		escaped := `\"`
		if mark == '\'' {
			escaped = "''"
		}
		body := s[at+1 : len(s)-1]
		if mark == '"' {
			body = strings.ReplaceAll(body, `\"`, `"`) // escaped already
		} else {
			body = strings.ReplaceAll(body, "''", "'")
		}
		return s[:at+1] + strings.ReplaceAll(body, string(mark), escaped) + string(mark), true
	})
	if l == 0 {
		return 0, 0, 0
	}
	s, at, inner := innerQuoteAt(d.lines[l-1])
	return l, 1 + utf8.RuneCountInString(s[:at+1+inner]), s[at]
}

// innerQuoteAt returns line without its trailing spaces, the byte offset
// of the quote mark that opens its value, and the offset after it of the
// first same mark inside the value, when the value ends with that mark and
// has more of them between; inner is -1 otherwise.
func innerQuoteAt(line string) (s string, at, inner int) {
	s = strings.TrimRight(line, " \t\r")
	m := quoteOpenRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s, 0, -1
	}
	at = m[4]
	mark := s[at]
	inner = strings.IndexByte(s[at+1:], mark)
	if inner < 0 || at+1+inner == len(s)-1 || s[len(s)-1] != mark {
		return s, at, -1 // not closed on the line, or closed only at its end
	}
	return s, at, inner
}

// hashInBrackets returns the line and column of a # after a space inside
// a list or mapping in brackets that opens a value (after "key: " or
// "- ") on a line up to line, outside quotes; or 0, 0.
func (d *decoder) hashInBrackets(line int) (int, int) {
	for l := d.lineOffset + 1; l <= min(line, len(d.lines)); l++ {
		s := d.lines[l-1]
		depth := 0
		var quote byte
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if depth > 0 {
					quote = c
				}
			case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
				if depth > 0 {
					return l, 1 + utf8.RuneCountInString(s[:i])
				}
				i = len(s) // a comment, to the end of the line
			case c == '[' || c == '{':
				if depth > 0 || flowStart(s[:i]) {
					depth++
				}
			case c == ']' || c == '}':
				depth = max(0, depth-1)
			}
		}
	}
	return 0, 0
}

// flowStart reports whether a bracket after before opens a value: before
// is indentation, "- " entries and a key with its colon.
func flowStart(before string) bool {
	t := strings.TrimRight(before, " ")
	return t == "" || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") && (len(t) == 1 || t[len(t)-2] == ' ' || t[len(t)-2] == '-')
}

// yamlEnd returns the number of the file's lines the YAML text takes in:
// for front matter, up to its closing ---.
func (d *decoder) yamlEnd() int {
	if d.lineOffset > 0 {
		for i := d.lineOffset; i < len(d.lines); i++ {
			if strings.TrimRight(d.lines[i], " \t\r") == "---" {
				return i
			}
		}
	}
	return len(d.lines)
}

// parsesPast reports whether the YAML text, its line l written as
// fixedLine, parses, or fails only past the file's line line. A list or
// mapping that fails is placed at the line that breaks it, as
// syntaxError places it (breakingLine), not at the line where it began,
// which yaml.v3 names: a quote left open in one note and closed in the
// next, "…and finds no end to it", fixed, leaves the next note's own
// mistake, which yaml.v3 names at that note's first line.
func (d *decoder) parsesPast(l int, fixedLine string, line int) bool {
	lines := slices.Clone(d.lines[d.lineOffset:d.yamlEnd()])
	lines[l-1-d.lineOffset] = fixedLine
	var doc yaml.Node
	err := yaml.Unmarshal([]byte(strings.Join(lines, "\n")+"\n"), &doc)
	if err == nil {
		return true
	}
	m := yamlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	n += d.lineOffset
	if n > line {
		return true
	}
	if contains(blockErrors, m[2]) {
		fixed := slices.Clone(d.lines)
		fixed[l-1] = fixedLine
		return d.breakingLine(fixed, n, err.Error()) > line
	}
	return false
}

// valueRE matches a line up to its value: the indentation, any "- " of
// list entries, and a key with its colon (group 1 is the key).
var valueRE = regexp.MustCompile(valuePrefix)

const valuePrefix = `^ *(?:- +)*(?:([^\s"'#{\[\]}][^:#]*?): +)?`

// emptyFlowEntry returns the byte offset in s of a comma that follows a
// list's opening bracket or another comma with only spaces between, or -1.
func emptyFlowEntry(s string) int {
	if m := emptyFlowEntryRE.FindStringIndex(s); m != nil {
		return m[1] - 1
	}
	return -1
}

var emptyFlowEntryRE = regexp.MustCompile(`[\[,][ \t]*,`)

// listField is the fields whose value is a list.
var listField = map[string]bool{"cites": true, "relies_on": true, "notes": true, "claims": true, "references": true, "timeline": true, "author": true, "editor": true}

// indicators are the characters that cannot start a text without quotes,
// with what YAML reads them as.
var indicators = map[byte]string{
	'[': "the start of a list", '{': "the start of a mapping",
	'*': "a reference to an anchor (so Markdown's *emphasis* or **bold** cannot start a text without quotes)",
	'&': "an anchor", '!': "a tag", '%': "a directive",
	'@': "a reserved character", '`': "a reserved character",
	'"': "the start of a quoted text", '\'': "the start of a quoted text",
	'-': "a list's entry (so a Markdown list cannot start a text on its key's line)",
}

// indicatorStart returns the line and column of a value that starts with
// one of the indicators, on line (where YAML failed) or one of the three
// before it, when putting that value in quotes makes the YAML parse, or
// fail only past line; and what to say of it. It returns 0, 0, "" when
// there is none.
func (d *decoder) indicatorStart(line int) (int, int, string) {
	end := d.yamlEnd()
	for l := min(line, end); l > d.lineOffset && l >= line-3; l-- {
		s := strings.TrimRight(d.lines[l-1], " \t\r")
		m := valueRE.FindStringSubmatchIndex(s)
		at := m[1]
		if at >= len(s) {
			continue
		}
		what, ok := indicators[s[at]]
		if !ok {
			continue
		}
		value := s[at:]
		if l, c, what := d.listThenMore(l, line, s, at); l > 0 {
			return l, c, what
		}
		if (value[0] == '[' || value[0] == '{') && !closedBefore(value) {
			// A list or mapping left open, or two of them ([a], [b]): the
			// fix is to make it one.
			continue
		}
		if !d.parsesPast(l, s[:at]+strconv.Quote(value), line) {
			continue
		}
		subject := "this entry"
		if m[2] >= 0 {
			subject = fmt.Sprintf("the text of %q", s[m[2]:m[3]])
			if key := s[m[2]:m[3]]; value[0] == '-' && listField[key] {
				// cites: - doe-2024: a list begun on its key's line.
				return l, 1 + utf8.RuneCountInString(s[:at]), fmt.Sprintf(
					"the list of %q starts on its key's line, where YAML cannot read a \"- \" entry: put each entry on a line of its own below %q, indented, starting with \"- \", or write the whole list in brackets, like %s: [a, b]",
					key, key+":", key)
			}
		}
		how := "put the whole text in double quotes (writing each \" inside it as \\\")"
		if m[2] >= 0 && (s[m[2]:m[3]] == "note" || s[m[2]:m[3]] == "text") {
			// A Markdown text may be a block; a field of one line not.
			how += fmt.Sprintf(", or write it on the lines below %q, indented", s[m[2]:m[3]]+": |")
		}
		said := fmt.Sprintf("%s starts with %c, which YAML reads as %s", subject, value[0], what)
		if closing := closingQuote(value); closing > 0 {
			said = fmt.Sprintf("%s starts with a quote mark, so YAML reads %s as the whole text and cannot read what follows it", subject, value[:closing+1])
		}
		return l, 1 + utf8.RuneCountInString(s[:at]), said + ": " + how
	}
	return 0, 0, ""
}

// unknownEscape finds the backslash that does not start one of YAML's
// escapes in the double-quoted text that opens on line (where yaml.v3
// reports the error), reading on across the lines the text spans; it
// returns its line, column and the two characters, or 0, 0, "".
func (d *decoder) unknownEscape(line int) (int, int, string) {
	in := false
	for l := line; l > d.lineOffset && l <= len(d.lines) && l < line+40; l++ {
		s := []rune(d.lines[l-1])
		for i := 0; i < len(s); i++ {
			switch {
			case s[i] == '"':
				if in {
					return 0, 0, "" // the text closed with no bad escape in it
				}
				in = true
			case in && s[i] == '\\' && i+1 < len(s):
				if !strings.ContainsRune("0abt\tnvfre \"'\\N_LPxuU", s[i+1]) {
					return l, i + 1, string(s[i : i+2])
				}
				i++ // an escape: the character after it is not a quote
			}
		}
	}
	return 0, 0, ""
}

// listThenMore is indicatorStart's answer for a list in brackets followed
// by more of it ([doe-2024], [roe-2024], or [Reuters], AP) on line l of
// s, its value at byte at, when one list of every item makes the YAML
// parse: told at the comma after the list, with that list.
func (d *decoder) listThenMore(l, line int, s string, at int) (int, int, string) {
	value := s[at:]
	closing := strings.IndexByte(value, ']')
	if value[0] != '[' || closing < 0 || strings.ContainsAny(value[1:closing], "[{") {
		return 0, 0, ""
	}
	rest := strings.TrimLeft(value[closing+1:], " ")
	if !strings.HasPrefix(rest, ",") {
		return 0, 0, ""
	}
	var items []string
	for _, it := range strings.Split(strings.NewReplacer("[", "", "]", "").Replace(value), ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	one := "[" + strings.Join(items, ", ") + "]"
	if !d.parsesPast(l, s[:at]+one, line) {
		return 0, 0, ""
	}
	comma := at + len(value) - len(rest)
	return l, 1 + utf8.RuneCountInString(s[:comma]), fmt.Sprintf("YAML reads %s as the whole list and cannot read what follows it: put every item inside one pair of brackets, like %s", value[:closing+1], one)
}

// closingQuote returns the offset of the quote mark that closes the quoted
// text value starts with (past \" in double quotes, ” in single ones),
// or -1.
func closingQuote(value string) int {
	if value == "" || value[0] != '"' && value[0] != '\'' {
		return -1
	}
	mark := value[0]
	for i := 1; i < len(value); i++ {
		switch {
		case mark == '"' && value[i] == '\\':
			i++
		case value[i] != mark:
		case mark == '\'' && i+1 < len(value) && value[i+1] == '\'':
			i++
		default:
			return i
		}
	}
	return -1
}

// closedBefore reports whether the list or mapping that value starts
// with closes before the end of the value, with more text after it: a
// Markdown link, [text](address) more, rather than a list left open.
func closedBefore(value string) bool {
	i := bracketsClose(value)
	if i < 0 {
		return false
	}
	rest := strings.TrimSpace(value[i+1:])
	return rest != "" && rest[0] != '#' && rest[0] != ','
}

// bracketsClose returns the offset of the bracket or brace that closes
// the one s starts with (quotes aside), or -1.
func bracketsClose(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

const tabHint = "indent with spaces: YAML does not allow tabs for indentation"

// indentTab returns the byte offset of the first tab in line's
// indentation (the spaces and tabs it starts with), or -1.
func indentTab(line string) int {
	if i := strings.IndexByte(line, '\t'); i >= 0 && strings.TrimLeft(line[:i], " ") == "" {
		return i
	}
	return -1
}

// colonsAt returns the character columns of the colons in line that YAML
// reads as ending a key: those followed by a space or ending the line.
func colonsAt(line string) []int {
	var cols []int
	for i := 0; i < len(line); i++ {
		if line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ') {
			cols = append(cols, 1+utf8.RuneCountInString(line[:i]))
		}
	}
	return cols
}

// blockErrors are the problems yaml.v3 reports with the line where a block
// list or mapping began, rather than the line that does not fit it.
var blockErrors = []string{"did not find expected key", "did not find expected '-' indicator"}

// breakingLine returns the line of the file, as lines (d.lines, or a copy
// with a line changed), from line from on, that makes
// the YAML text fail with the error msg: the first whose text up to and
// including it fails with msg too. Text cut short at the end of a line
// does not fail with msg (the end of a list or a mapping is no error), and
// text reaching past that line fails there as the whole does, so the lines
// divide into those that do not fail with msg and those that do, and a
// binary search finds the first. It returns 0 when no line does.
func (d *decoder) breakingLine(lines []string, from int, msg string) int {
	last := len(lines) // a line of the file past the YAML text is never reached
	if last < from {
		return 0
	}
	fails := func(l int) bool {
		text := strings.Join(lines[d.lineOffset:l], "\n") + "\n"
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(text), &doc)
		return err != nil && err.Error() == msg
	}
	if !fails(last) {
		return 0
	}
	lo, hi := from, last // fails(hi); the answer is in [lo, hi]
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// emptyListRE matches a key given an empty list or mapping, "notes: []".
var emptyListRE = regexp.MustCompile(`^ *(?:- +)?([^\s#:]+): *(\[ *\]|\{ *\}) *(?:#.*)?\r?$`)

// emptyAbove returns the line, the key and the brackets of a key given an
// empty list or mapping ("notes: []") on the nearest line above line that
// is not blank or a comment, when line starts an entry or a field indented
// under it or at its indentation; or 0, "", "".
func (d *decoder) emptyAbove(line int) (int, string, string) {
	s := d.lines[line-1]
	indent := len(s) - len(strings.TrimLeft(s, " "))
	for l := line - 1; l > d.lineOffset; l-- {
		t := strings.TrimSpace(d.lines[l-1])
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		m := emptyListRE.FindStringSubmatch(d.lines[l-1])
		if m == nil {
			return 0, "", ""
		}
		keyIndent := len(d.lines[l-1]) - len(strings.TrimLeft(d.lines[l-1], " "))
		if indent > keyIndent || indent == keyIndent && strings.HasPrefix(strings.TrimLeft(s, " "), "- ") {
			return l, m[1], m[2]
		}
		return 0, "", ""
	}
	return 0, "", ""
}

// find returns the line (from line from on) and character column of the
// first place where at returns a byte offset, or 0, 0.
func (d *decoder) find(from int, at func(string) int) (int, int) {
	for i := max(from, 1); i <= len(d.lines); i++ {
		if off := at(d.lines[i-1]); off >= 0 {
			return i, 1 + utf8.RuneCountInString(d.lines[i-1][:off])
		}
	}
	return 0, 0
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line + d.lineOffset, Col: n.Column}
}

// resolve returns the node an alias (*name) stands for, or n. A list or a
// mapping is returned as a copy placed at the alias, so that a problem with
// it as a whole ("must be text, not a mapping") is reported where it is
// used; a text stays where its words are.
func resolve(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	at := n
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n != nil && n.Kind != yaml.ScalarNode {
		c := *n
		c.Line, c.Column = at.Line, at.Column
		return &c
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// fields reads a mapping, reporting unknown and repeated keys. It returns the
// value node of each known key that is present.
func (d *decoder) fields(n *yaml.Node, what string, allowed ...string) (map[string]*yaml.Node, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), "%s must be a mapping of fields (key: value), not %s", what, describe(n))
		return nil, false
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	seen := map[string]*yaml.Node{} // each key's first key node
	// An entry's first field given again, at its indentation, most likely
	// starts another entry that lacks its "- ": that is said once, and
	// the fields repeated after it are its own.
	entry := strings.HasPrefix(what, "a ")
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if msg := d.oddKey(k, what, allowed); msg != "" {
			d.errs.Add(d.pos(k), "%s", msg)
			d.markUnknown(k)
			continue
		}
		if !contains(allowed, key) {
			hint := ""
			if s := suggestField(key, allowed); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			list := strings.Join(allowed, ", ")
			if len(allowed) > 20 {
				list = "the CSL variables, such as " + strings.Join(allowed[:2], ", ") + ", title, author, issued, container-title, DOI, URL, accessed"
			}
			d.errs.AddErr(d.pos(k), diag.ErrUnknownField, "unknown field %q in %s%s; the fields are: %s",
				key, what, hint, list)
			d.markUnknown(k)
			continue
		}
		if i == 0 {
			if c, ok := d.cuts[n]; ok && c.again == k {
				d.reportCut(c, what)
			}
		}
		if was := seen[key]; was != nil {
			if first := n.Content[0]; entry && key == first.Value && k.Column == first.Column {
				d.firstFieldAgain(k, first, what)
				break
			}
			if prev, v := resolve(out[key]), resolve(v); prev != nil && prev.Kind == yaml.SequenceNode && v.Kind == yaml.SequenceNode &&
				prev.Style&yaml.FlowStyle == 0 && v.Style&yaml.FlowStyle == 0 {
				// notes: given again above more notes, as a second list.
				d.errs.Add(d.pos(k), "field %q appears twice in %s: remove this line, so that the entries below it join those of line %d",
					key, what, was.Line+d.lineOffset)
				if d.joined == nil {
					d.joined = map[*yaml.Node][]*yaml.Node{}
				}
				d.joined[prev] = append(d.joined[prev], v)
				continue
			}
			d.errs.Add(d.pos(k), "field %q appears twice in %s: keep one", key, what)
			continue
		}
		seen[key] = k
		out[key] = v
	}
	return out, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the allowed name closest to s, letter case aside ("doi"
// is CSL's "DOI"), when it is close: one edit away, or two for a name of
// five letters or more (two edits make "date" of "note").
func suggest(s string, allowed []string) string {
	best, bestD := "", 2
	if len(s) >= 5 {
		bestD = 3
	}
	for _, a := range allowed {
		if d := diag.EditDistance(strings.ToLower(s), strings.ToLower(a)); d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

// suggestID is suggest for the id of a source or a claim, which may also
// be a shortened or lengthened form of one: "madsen-2002" for
// "madsen-2002-mmr-autism", or the other way round, when just one id is.
func suggestID(s string, ids []string) string {
	if best := suggest(s, ids); best != "" {
		return best
	}
	found := ""
	for _, id := range ids {
		if strings.HasPrefix(id, s+"-") || strings.HasPrefix(s, id+"-") {
			if found != "" {
				return ""
			}
			found = id
		}
	}
	return found
}

// suggestField is suggest for a field's name, which may also be the name
// other tools give the field ("date" for an article's "published", "year"
// for a source's "issued").
func suggestField(s string, allowed []string) string {
	if best := suggest(s, allowed); best != "" {
		return best
	}
	for _, a := range otherNames[strings.ToLower(s)] {
		if contains(allowed, a) {
			return a
		}
	}
	return ""
}

// otherNames maps field names that Hugo, Jekyll, BibTeX and the like use,
// or that a writer might guess, to the fields this briefing has for them,
// in the order they are tried.
var otherNames = map[string][]string{
	"date":             {"published", "issued"},
	"pubdate":          {"published", "issued"},
	"publishdate":      {"published", "issued"},
	"published_at":     {"published", "issued"},
	"publish_date":     {"published", "issued"},
	"publication_date": {"published", "issued"},
	"year":             {"issued"},
	"link":             {"url", "URL"},
	"href":             {"url", "URL"},
	"permalink":        {"url", "URL"},
	"byline":           {"author"},
	"by":               {"author"},
	"description":      {"summary"},
	"abstract":         {"summary"},
	"dek":              {"summary"},
	"publication":      {"outlet"},
	"site":             {"outlet"},
	"website":          {"outlet"},
	"newspaper":        {"outlet"},
	"text":             {"note"},
	"body":             {"note"},
	"comment":          {"note"},
	"annotation":       {"note"},
	"sources":          {"cites"},
	"source":           {"cites"},
	"citations":        {"cites"},
	"references":       {"cites"},
	"refs":             {"cites"},
	"category":         {"kind"},
	"type":             {"kind"},
	"rating":           {"verdict"},
	"claim_id":         {"claim"},
	"claimed_by":       {"claimant"},
	"claim_by":         {"claimant"},
	"speaker":          {"claimant"},
	"passage":          {"quote"},
	"claim":            {"statement"},
	"retrieved":        {"accessed"},
	"urldate":          {"accessed"},
	"access_date":      {"accessed"},
	"journal":          {"container-title"},
}

func describe(n *yaml.Node) string {
	n = resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// required reports a missing field at the mapping's position.
func (d *decoder) required(m map[string]*yaml.Node, owner *yaml.Node, what string, names ...string) {
	d.requiredAs(diag.ErrMissingField, m, owner, what, names...)
}

// requiredAs is required, a field written with nothing after it (as new
// writes the briefing's title, title: "") reported as a problem of the
// kind empty.
func (d *decoder) requiredAs(empty error, m map[string]*yaml.Node, owner *yaml.Node, what string, names ...string) {
	for _, name := range names {
		if v, ok := m[name]; !ok || isNull(v) || (resolve(v).Kind == yaml.ScalarNode && strings.TrimSpace(resolve(v).Value) == "") {
			p := d.pos(owner)
			if ok {
				p = d.pos(v)
			}
			missing := name
			if what == "the note" && name == "note" {
				missing = "text" // not "the note has no note"
			}
			if !ok && (d.misspelt(owner, name) || oddKeyFor(owner, name) || d.leftOutFields[name]) {
				continue // the field is there, misspelt, merged or broken, and reported so
			}
			if c, cut := d.cuts[owner]; !ok && cut && hasKey(c.other, name) {
				continue // in the other part of an entry cut at a repeat (cutAtRepeat)
			}
			if ok && isNull(v) {
				if line, col, comment := d.hashComment(resolve(v), ""); comment != "" {
					// "note: #1 cause…": all of it read as a comment.
					d.errs.AddErr(diag.Pos{File: d.file, Line: line, Col: col}, diag.ErrMissingField,
						"%s has no %s, as YAML reads %q, after a space, as a comment; to keep it as the text, put it in quotes (\"…\")",
						what, missing, comment)
					continue
				}
			}
			if ok {
				// "note:" written, and nothing after it: the field is
				// there, its value is not.
				where := "after " + name + ":"
				switch resolve(v).Style {
				case yaml.LiteralStyle:
					where = "on the lines below " + name + ": |"
				case yaml.FoldedStyle:
					where = "on the lines below " + name + ": >"
				case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
					where = "between the quotes after " + name + ":" // title: "", as new writes it
				}
				d.errs.AddErr(p, empty, "%s's %s is empty: write it %s", what, missing, where)
				continue
			}
			d.errs.AddErr(p, diag.ErrMissingField, "%s has no %s: add \"%s: …\"", what, missing, name)
		}
	}
}

// markUnknown records k as a key reported as no field's name, so that
// the field it stands for is not also told it is missing.
func (d *decoder) markUnknown(k *yaml.Node) {
	if d.unknown == nil {
		d.unknown = map[*yaml.Node]bool{}
	}
	d.unknown[k] = true
}

// oddKey says what is wrong with k, a key of a mapping of what, when it
// is no field's name written as a word: YAML's merge key (<<), a list or
// a mapping (? [cites]), an alias (*name). It returns "" for a plain key,
// known or not.
func (d *decoder) oddKey(k *yaml.Node, what string, allowed []string) string {
	switch {
	case isMergeKey(k):
		return fmt.Sprintf("YAML's merge key (<<) is not read here: write out in %s each field it would take from the other entry", what)
	case k.Kind == yaml.AliasNode:
		return fmt.Sprintf("a field's name in %s is given as an alias (*%s): write the name itself, like %q", what, k.Value, allowed[0]+":")
	case k.Kind != yaml.ScalarNode:
		return fmt.Sprintf("a field's name in %s is %s: write the name as a word, like %q", what, describe(k), keyName(k, allowed)+":")
	}
	return ""
}

// keyName is the field a key written as a list or mapping most likely
// meant: the one it holds ([cites]), or else the first allowed.
func keyName(k *yaml.Node, allowed []string) string {
	if c := resolve(k).Content; len(c) == 1 && c[0].Kind == yaml.ScalarNode && contains(allowed, c[0].Value) {
		return c[0].Value
	}
	return allowed[0]
}

func isMergeKey(k *yaml.Node) bool { return k.Value == "<<" && k.Tag == "!!merge" }

// oddKeyFor reports whether owner, a mapping, has a key that oddKey
// reports and that stands for name ([name]), or for any field (a merge
// key): the field is then not also told it is missing.
func oddKeyFor(owner *yaml.Node, name string) bool {
	o := resolve(owner)
	if o == nil || o.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i < len(o.Content); i += 2 {
		k := o.Content[i]
		if isMergeKey(k) {
			return true
		}
		if c := resolve(k).Content; k.Kind != yaml.ScalarNode && k.Kind != yaml.AliasNode && len(c) == 1 && c[0].Value == name {
			return true
		}
	}
	return false
}

// misspelt reports whether owner, a mapping, has an unknown field that
// its message offers name for ("qoute" for quote).
func (d *decoder) misspelt(owner *yaml.Node, name string) bool {
	return d.misspeltValue(owner, name) != nil
}

// misspeltValue is the value of owner's unknown field that its message
// offers name for, or nil.
func (d *decoder) misspeltValue(owner *yaml.Node, name string) *yaml.Node {
	o := resolve(owner)
	if o == nil || o.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(o.Content); i += 2 {
		if k := o.Content[i]; d.unknown[k] && suggestField(k.Value, []string{name}) == name {
			return resolve(o.Content[i+1])
		}
	}
	return nil
}

// str reads a text field. Absent or empty gives "".
func (d *decoder) str(m map[string]*yaml.Node, name string) string {
	v, ok := m[name]
	if !ok || isNull(v) {
		return ""
	}
	v = resolve(v)
	if v.Kind != yaml.ScalarNode {
		hint := ""
		if words := listedWords(v); len(words) > 0 && wordField(name) {
			// kind: [context], edition: [2]: words in brackets, as if
			// a list were wanted.
			if name == "kind" || name == "verdict" {
				// Written as the site shows it: "Needs context" is
				// needs-context.
				for i, w := range words {
					words[i] = strings.ReplaceAll(strings.ToLower(w), " ", "-")
				}
			}
			switch {
			case len(words) == 1:
				hint = fmt.Sprintf(": write it without the brackets, like %s: %s", name, words[0])
			case name == "keyword":
				hint = fmt.Sprintf(": CSL separates keywords with commas, like keyword: %q", strings.Join(words, ", "))
			default:
				hint = fmt.Sprintf(": give one value, like %s: %s", name, words[0])
			}
		} else if texts := listedTexts(v); len(texts) > 0 {
			hint = textListHint(name, texts, v.Style&yaml.FlowStyle != 0)
		} else if raw := d.flowText(v); raw != "" {
			// {x}, [[a], b]: meant as text.
			hint = fmt.Sprintf(": a text that starts with %c must be in quotes, like %s: %s", raw[0], name, strconv.Quote(raw))
		}
		d.errs.Add(d.pos(v), "%s must be text, not %s%s", name, describe(v), hint)
		return ""
	}
	d.checkCut(v, name)
	// A text that starts with ! or & loses that word to YAML, which
	// reads it as a tag or an anchor's name ("!Wrong, it was…", "&copy
	// 2024"): unless an alias refers to the anchor, it was meant as text.
	lost, what := "", ""
	switch {
	case strings.HasPrefix(v.Tag, "!") && !strings.HasPrefix(v.Tag, "!!"):
		lost, what = v.Tag, "a tag"
	case v.Anchor != "" && !d.aliasedAnchor(v.Anchor):
		lost, what = "&"+v.Anchor, "the name of an anchor"
	}
	if lost != "" {
		d.errs.Add(d.pos(v), "%s starts with %q, which YAML reads as %s and leaves out of the text: put the whole text in quotes, like %s: %s",
			name, lost, what, name, strconv.Quote(lost+" "+v.Value))
		return ""
	}
	return v.Value
}

// wordField says whether name's value is a word or a number, not free
// text: an id, a kind, a verdict, a CSL type, or a CSL variable such as
// edition, language, keyword or an identifier.
func wordField(name string) bool {
	switch name {
	case "id", "kind", "verdict", "claim", "type", "edition", "keyword", "language", "ISBN", "ISSN",
		"PMID", "PMCID", "number-of-pages", "number-of-volumes", "version", "citation-key":
		return true
	}
	return false
}

// listedWords are the items of a list of words or numbers ([context], [2],
// [de, en], [Needs context]), or nil: a value written in brackets by
// mistake, where a word was meant.
func listedWords(v *yaml.Node) []string {
	return listed(v, func(s string) bool {
		return s != "" && strings.IndexFunc(s, func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == ' ')
		}) < 0
	})
}

// listedTexts are the items of a list of texts ([Reuters],
// [https://example.com/story], ["State DOT", County]), or nil: a text
// field's value written as a list, in brackets as relies_on is or as
// items below it.
func listedTexts(v *yaml.Node) []string {
	return listed(v, func(s string) bool { return strings.TrimSpace(s) != "" })
}

// listed are the items of the list v, when each is a scalar that ok
// takes, or nil.
func listed(v *yaml.Node, ok func(string) bool) []string {
	if v.Kind != yaml.SequenceNode {
		return nil
	}
	var items []string
	for _, it := range v.Content {
		it = resolve(it)
		if it.Kind != yaml.ScalarNode || !ok(it.Value) {
			return nil
		}
		items = append(items, it.Value)
	}
	return items
}

// textListHint completes "NAME must be text, not a list" for a text field
// given as a list of texts: written without the brackets (or the -), its
// items make the text meant. Quoting the list, as for a text that starts
// with [, would publish the brackets, so that is offered only for a field
// whose text may itself start with one; and names given as several items
// (two claimants, two authors) are one text that names them all.
func textListHint(name string, texts []string, flow bool) string {
	how := "without the brackets"
	if !flow {
		how = "on the field's own line, without the -"
	}
	switch {
	case len(texts) > 1 && nameField(name):
		return fmt.Sprintf(": name them in one text, like %s: %s", name, yamlText(strings.Join(texts, " and ")))
	case len(texts) > 1:
		// title: [Bridge closed, traffic snarled]: YAML took the comma
		// for one between items.
		how += ", as one text"
	}
	joined := strings.Join(texts, ", ")
	hint := fmt.Sprintf(": write it %s, like %s: %s", how, name, yamlText(joined))
	if flow && freeText(name) {
		hint += fmt.Sprintf(" (a text that itself starts with [ goes in quotes, like %s: %s)", name, strconv.Quote("["+joined+"]"))
	}
	return hint
}

// nameField says whether name's value names people or organisations,
// which several items can only be as one text that names them all.
func nameField(name string) bool {
	switch name {
	case "author", "claimant", "outlet", "publisher":
		return true
	}
	return false
}

// freeText says whether name's value is prose, whose text may start with
// a [ ("[Updated]", "[sic]"), as an address or a name does not.
func freeText(name string) bool {
	switch name {
	case "quote", "prefix", "suffix", "note", "statement", "title", "summary", "date_note", "text",
		"container-title", "collection-title", "genre":
		return true
	}
	return false
}

// yamlText is s as a field's value: as it is, when YAML reads it back so
// ("Reuters", "https://example.com/a"), or else in double quotes.
func yamlText(s string) string {
	var back struct{ V any }
	if err := yaml.Unmarshal([]byte("v: "+s), &back); err == nil {
		if got, ok := back.V.(string); ok && got == s {
			return s
		}
	}
	return strconv.Quote(s)
}

// flowText returns the text of a list or mapping written in brackets on
// one line (after its key), as it stands in the file, or "".
func (d *decoder) flowText(v *yaml.Node) string {
	line := v.Line + d.lineOffset
	if v.Style&yaml.FlowStyle == 0 || line < 1 || line > len(d.lines) {
		return ""
	}
	runes := []rune(d.lines[line-1])
	if v.Column < 1 || v.Column > len(runes) {
		return ""
	}
	raw := strings.TrimSpace(string(runes[v.Column-1:]))
	if raw == "" || raw[0] != '[' && raw[0] != '{' {
		return ""
	}
	// The brackets it opens close at the end of the line: it is the
	// line's whole value, not a part of a mapping in braces.
	if bracketsClose(raw) != len(raw)-1 {
		return ""
	}
	return raw
}

// checkCut reports a text without quotes that YAML cut short at " #",
// reading the rest of its line as a comment: "the #1 issue" would be "the"
// without a word. A comment written as one ("# required", with a space
// after the #) is left alone, as DESIGN.md's examples write them.
func (d *decoder) checkCut(v *yaml.Node, name string) {
	if v.Style != 0 {
		return
	}
	if line, col, comment := d.hashComment(v, v.Value); comment != "" {
		d.errs.Add(diag.Pos{File: d.file, Line: line, Col: col},
			"%s stops before %q: YAML reads a # after a space as the start of a comment; to keep it in the text, put the whole text in quotes (\"…\"), or to write a comment, put a space after the #",
			name, comment)
	}
}

// hashComment returns the file's line and column, and the text, of a
// comment that follows value, where v stands on its line, when it looks
// like text rather than a comment: a # followed by anything but a space or
// another #, as in "#1" or "#MeToo". It returns 0, 0, "" otherwise, and when
// value does not stand whole on v's line.
func (d *decoder) hashComment(v *yaml.Node, value string) (int, int, string) {
	i := v.Line + d.lineOffset - 1
	if i < 0 || i >= len(d.lines) {
		return 0, 0, ""
	}
	line := d.lines[i]
	col0 := v.Column
	start := byteAt(line, col0) // Column counts characters
	if !strings.HasPrefix(line[start:], value) {
		// A text over several lines: a comment can only end its last.
		segs := flowSegs(d.lines, i, start, v.Style, value)
		last := segs[len(segs)-1]
		i, col0, value = last.Line-1, last.Col, value[last.Off:]
		line = d.lines[i]
		start = byteAt(line, col0)
		if !strings.HasPrefix(line[start:], value) {
			return 0, 0, ""
		}
	}
	rest := line[start:]
	after := rest[len(value):]
	comment := strings.TrimRight(strings.TrimLeft(after, " \t"), " \t\r")
	spaced := len(comment) < len(after) || value == "" && start > 0 && line[start-1] == ' '
	if len(comment) < 2 || !spaced || comment[0] != '#' || strings.ContainsRune(" \t#", rune(comment[1])) {
		return 0, 0, ""
	}
	col := col0 + utf8.RuneCountInString(value) + utf8.RuneCountInString(after[:strings.IndexByte(after, '#')])
	return i + 1, col, comment
}

// copied is str as a copy rather than a part of the file's text. A note's
// ids, refs, quote, kind and verdict are read so: the pages that list a
// claim's or a source's notes keep some of them after the article is staged
// and its notes dropped, and a part of the text would keep the whole file
// in memory until the end of the build (100 MB of a briefing of 10,000
// articles). Ids and refs are always copies.
func (d *decoder) copied(m map[string]*yaml.Node, name string) string {
	return strings.Clone(d.str(m, name))
}

// markdown reads a Markdown text field with the positions of its lines.
func (d *decoder) markdown(m map[string]*yaml.Node, name string) briefing.Markdown {
	v, ok := m[name]
	if !ok || isNull(v) {
		return briefing.Markdown{}
	}
	text := d.str(m, name)
	v = resolve(v)
	md := d.placed(v, text)
	if v.Style == yaml.FoldedStyle {
		d.foldedBlocks(md.Pos.Line, md.Indent, name)
	}
	return md
}

// placed is text, the value of the scalar v, placed in the file, so that
// the position of each of its parts can be told (PosAt).
func (d *decoder) placed(v *yaml.Node, text string) briefing.Markdown {
	md := briefing.Markdown{Text: text, Pos: d.pos(v)}
	style := d.style(v)
	switch style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// Content starts on the line after the indicator; find the indentation
		// of the first non-blank content line. (d.lines are the file's, and
		// v.Line counts from the YAML's first line.)
		first := v.Line + d.lineOffset + 1 // the file's line, from 1
		indent := 0
		for i := first; i <= len(d.lines); i++ {
			l := d.lines[i-1]
			if strings.TrimSpace(l) != "" {
				indent = len(l) - len(strings.TrimLeft(l, " "))
				break
			}
		}
		md.Pos = diag.Pos{File: d.file, Line: first, Col: indent + 1}
		md.Indent = indent
		if v.Style == yaml.FoldedStyle {
			// Folding joins lines with spaces: each of the file's lines
			// is placed where its part of the text starts.
			md.Segs = foldedSegs(d.lines, first, indent, text)
		}
	default:
		// A quoted or plain text: YAML joins its lines and reads its
		// escapes, so one over several lines, or with escapes, is placed
		// part by part.
		line := d.lines[v.Line+d.lineOffset-1]
		start := byteAt(line, v.Column)
		q := 0
		if style == yaml.DoubleQuotedStyle || style == yaml.SingleQuotedStyle {
			q = 1
		}
		if !strings.HasPrefix(line[min(start+q, len(line)):], text) {
			md.Segs = flowSegs(d.lines, v.Line+d.lineOffset-1, start, style, text)
		}
		md.Pos.Col += q
	}
	return md
}

// style is the way the scalar v is written. A text of CSL-JSON
// (jsonNode), which stands at its quote mark and has JSON's escapes, is
// written as a YAML text in double quotes is; a plain YAML text never
// starts with one.
func (d *decoder) style(v *yaml.Node) yaml.Style {
	if line := v.Line + d.lineOffset - 1; v.Style == 0 && line >= 0 && line < len(d.lines) && strings.HasPrefix(d.lines[line][byteAt(d.lines[line], v.Column):], `"`) {
		return yaml.DoubleQuotedStyle
	}
	return v.Style
}

// blockMarkRE matches the start of a line that Markdown reads as a list
// item or a quotation: "- ", "* ", "+ ", "1. ", "2) ", "> ".
var blockMarkRE = regexp.MustCompile(`^(?:[-*+]|[0-9]{1,3}[.)])[ \t]|^>`)

// foldedBlocks reports, in the folded block text (name: >) whose content
// starts at the file's line first, indented by indent, the first line
// that starts a list item or a quotation and that YAML joins to the line
// above with a space: "Her record:", "- 2019: …", "- 2015: …" become one
// line, "Her record: - 2019: … - 2015: …", and the page shows the marks
// as text. A line is taken for a list's or a quotation's when the line
// above ends with a colon or is one too, or the line below is joined to
// it and is one: "7,500 is the number", "- the lowest since 1980" is a
// sentence with a dash.
func (d *decoder) foldedBlocks(first, indent int, name string) {
	// The block's lines without its indentation: "" for a blank one,
	// "\x00" for one more indented (YAML keeps its line breaks).
	var content []string
	for i := first; i <= len(d.lines); i++ {
		l := strings.TrimRight(d.lines[i-1], "\r")
		if strings.TrimSpace(l) == "" {
			content = append(content, "")
			continue
		}
		if len(l)-len(strings.TrimLeft(l, " ")) < indent {
			break
		}
		c := l[indent:]
		if c[0] == ' ' || c[0] == '\t' {
			c = "\x00"
		}
		content = append(content, c)
	}
	folded := func(k int) bool { // line k is joined to line k-1
		return k > 0 && k < len(content) && content[k] != "" && content[k] != "\x00" && content[k-1] != "" && content[k-1] != "\x00"
	}
	// A numbered line joined to the line above starts a list only at 1,
	// or as the next item of a list: CommonMark lets no other number
	// break into a paragraph, so "gives it:", "12. März 2024" is one
	// paragraph below note: | too (at the text's start, or after a blank
	// line, any number starts one). A 1. that is a date's day or a name's
	// rank ("seit:", "1. Januar 2024") is the sentence's: joined, it is
	// shown as written, also when the line below goes on with the next
	// day ("vom", "1. Januar 2024 bis", "2. Februar 2025." is a sentence
	// wrapped, and the advice to write note: | made it a list), unless
	// a mark ends its date, as a list's entries do ("1. Mai: …", "2.
	// Juni – …", "4. August (…)"), and the line below is
	// joined to it and numbered as the next item: a list all the same. A date below it ("vom", "1.
	// Januar 2024 bis zum", "31. März 2025") is the sentence's too.
	numbered := func(m string) bool { return m != "" && m[0] >= '0' && m[0] <= '9' }
	next := func(m, below string) bool { // below numbers the item after m's
		if !numbered(m) || !numbered(below) || m[len(m)-2] != below[len(below)-2] {
			return false
		}
		a, _ := strconv.Atoi(m[:len(m)-2])
		b, _ := strconv.Atoi(below[:len(below)-2])
		return b == a+1
	}
	marks := make([]string, len(content))
	for k, c := range content {
		m := blockMarkRE.FindString(c)
		// The line's text after its number, with the line joined to it
		// ("1. und", "2. Oktober.": "und 2. Oktober.").
		rest := c[len(m):]
		if folded(k + 1) {
			rest += " " + content[k+1]
		}
		listed := folded(k+1) && next(m, blockMarkRE.FindString(content[k+1])) && entryDate.MatchString(rest)
		// After a line ending with a word a sentence goes on after ("Es
		// begann am", "1. Mai (einem Sonntag) und endete am", "2. Mai."),
		// a date's or a rank's 1. is the sentence's, whatever marks it.
		if numbered(m) && folded(k) && !numbered(marks[k-1]) &&
			(strings.TrimLeft(m[:len(m)-2], "0") != "1" || (!listed || goesOn(content[k-1])) && briefing.NumberIsText(rest)) {
			m = ""
		}
		marks[k] = m
	}
	mark := func(k int) string {
		if k < 0 || k >= len(content) {
			return ""
		}
		return marks[k]
	}
	for k := 1; k < len(content); k++ {
		m := mark(k)
		if m == "" || !folded(k) {
			continue
		}
		above := strings.TrimRight(content[k-1], " \t")
		if !strings.HasSuffix(above, ":") && mark(k-1) == "" && !(folded(k+1) && mark(k+1) != "") {
			continue
		}
		what := "list"
		if m[0] == '>' {
			what = "quotation"
		}
		pos := diag.Pos{File: d.file, Line: first + k, Col: indent + 1}
		m = strings.TrimSpace(m)
		// The number's full stop (or bracket) and the number written
		// with a backslash before it, "1\.", as the text's.
		stop, escaped := m[len(m)-1:], m[:len(m)-1]+"\\"+m[len(m)-1:]
		if numbered(m) && !numbered(mark(k+1)) && !numbered(mark(k-1)) {
			// A list of one item, or a number of the text's.
			// Below note: |, a list of one item is told as one: the
			// list half asks for more.
			d.errs.Add(pos, "%s: > joins this line to the one above, so the page would show its %s as text, not as a list: if it is a list, give it more than one item and write %s: | instead of %s: >, which keeps the lines apart; if the number is the text's, write it with a backslash before the %q, %s",
				name, m, name, name, stop, escaped)
			return
		}
		if numbered(m) && !strings.HasSuffix(above, ":") {
			// No colon opens the list: the numbers may be the
			// sentence's ("Die Band feierte ihr", "1. Album (2001) und
			// ihr", "2. Album …"), which note: | would make a list
			// (reviews h91e, h91f).
			d.errs.Add(pos,
				"%s: > joins this line to the one above, so the page would show its %s as text, not as a list: if it is a list, write %s: | instead of %s: >, which keeps the lines apart; if the numbers are the sentence's, write each with a backslash before its %q, %s",
				name, m, name, name, stop, escaped)
			return
		}
		d.errs.Add(pos,
			"%s: > joins this line to the one above, so the page would show its %s as text, not as a %s: write %s: | instead of %s: >, which keeps the lines apart",
			name, m, what, name, name)
		return
	}
}

// list reads a sequence field; a single scalar is not accepted. example
// completes "NAME must be a list …": "like [Reuters]", or "of notes, …".
func (d *decoder) list(m map[string]*yaml.Node, name, example string) []*yaml.Node {
	v, ok := m[name]
	if !ok || isNull(v) {
		return nil
	}
	v = resolve(v)
	if v.Kind != yaml.SequenceNode {
		sep := " "
		if strings.HasPrefix(example, "like ") {
			sep = ", "
		}
		d.errs.Add(d.pos(v), "%s must be a list%s%s, not %s", name, sep, example, describe(v))
		return nil
	}
	return v.Content
}

// entries returns the entries of a file that holds one list (the notes
// on an article, claims.yaml, the bibliography): the file itself when it
// is a plain list, else the list under key in the mapping it is. what
// names the file and example completes the list's message, as for list;
// ok is false when the file is neither, which is reported.
func (d *decoder) entries(root *yaml.Node, what, key, example string) ([]*yaml.Node, bool) {
	var items []*yaml.Node
	if resolve(root).Kind == yaml.SequenceNode {
		items = resolve(root).Content
	} else {
		m, ok := d.fields(root, what, key)
		if !ok {
			return nil, false
		}
		if _, has := m[key]; !has && d.misspelt(root, key) {
			// "claim:" for claims: told so; its entries are not read,
			// and what names them is not also told they are missing.
			return nil, false
		}
		items = d.list(m, key, example)
		for _, more := range d.joined[resolve(m[key])] {
			items = append(slices.Clip(items), more.Content...)
		}
	}
	return d.ownEntries(items), true
}

// ownEntries is items without the entries given as an alias (- *first),
// each reported: such an entry is another entry again, and each of its
// problems would be reported at that one. An entry whose first field is
// given again is cut there (cutAtRepeat).
func (d *decoder) ownEntries(items []*yaml.Node) []*yaml.Node {
	out := make([]*yaml.Node, 0, len(items))
	for _, it := range items {
		if it.Kind == yaml.AliasNode && it.Alias != nil {
			d.errs.Add(d.pos(it), "this entry is *%s, the entry at line %d again (a YAML alias): write each entry out in full",
				it.Value, it.Alias.Line+d.lineOffset)
			continue
		}
		out = append(out, d.cutAtRepeat(it)...)
	}
	return out
}

// cut is an entry that cutAtRepeat made: first is the key of the entry it
// was cut from, again the same key given again, which starts it; other
// is the entry before it, or nil when that held nothing but first and
// was dropped.
type cut struct {
	first, firstValue, again, againValue *yaml.Node
	other                                *yaml.Node
}

// cutAtRepeat returns the entry it, a mapping, cut where its first field
// is given again at that field's indentation. YAML reads such a key as
// the entry's field given twice, but it most likely starts another entry
// whose "- " was left out, or is the entry's first line pasted twice.
// The fields after it were not read at all, and the entry was told it
// had no quote, no kind and no text, which it had below the repeat; and
// when a "- " was left out, the next entry's problems came a run later.
// So each part is an entry: one that holds nothing but the first field
// (a line pasted twice, "- id: a" above "id: a" and the rest) is dropped
// for the part after it, which is that entry whole. A part is not told a
// field missing that the other part has (required), since which reading
// is meant is not known; fields reports the repeat once, at the key.
func (d *decoder) cutAtRepeat(it *yaml.Node) []*yaml.Node {
	if it.Kind != yaml.MappingNode || len(it.Content) < 4 {
		return []*yaml.Node{it}
	}
	first := it.Content[0]
	if first.Kind != yaml.ScalarNode {
		return []*yaml.Node{it}
	}
	for i := 2; i+1 < len(it.Content); i += 2 {
		k := it.Content[i]
		if k.Kind != yaml.ScalarNode || k.Value != first.Value || k.Column != first.Column || k.Line == first.Line {
			continue
		}
		head, rest := *it, *it
		head.Content = it.Content[:i]
		rest.Content = it.Content[i:]
		if d.cuts == nil {
			d.cuts = map[*yaml.Node]cut{}
		}
		if i == 2 {
			// Nothing but the first field before the repeat: the entry
			// is the rest, where it stood.
			d.cuts[&rest] = cut{first: first, firstValue: it.Content[1], again: k, againValue: it.Content[i+1]}
			return d.cutAtRepeat(&rest)
		}
		rest.Line, rest.Column = k.Line, k.Column
		d.cuts[&rest] = cut{first: first, firstValue: it.Content[1], again: k, againValue: it.Content[i+1], other: &head}
		d.cuts[&head] = cut{other: &rest}
		return append([]*yaml.Node{&head}, d.cutAtRepeat(&rest)...)
	}
	return []*yaml.Node{it}
}

// sameIDAgain reports whether v is the value of an id that starts an
// entry cut at its repeat (cutAtRepeat), the same as the entry's before
// it: the repeat is told, and the id is not also told to be used twice.
func (d *decoder) sameIDAgain(v *yaml.Node) bool {
	for _, c := range d.cuts {
		if c.againValue == v && c.again.Value == "id" {
			a, b := resolve(c.firstValue), resolve(c.againValue)
			return a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode && a.Value == b.Value
		}
	}
	return false
}

// hasKey reports whether n, a mapping or nil, has the key name.
func hasKey(n *yaml.Node, name string) bool {
	if n == nil {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name && !isNull(n.Content[i+1]) {
			return true
		}
	}
	return false
}

// reportCut reports the first field of an entry given again, which
// cutAtRepeat cut the entry at: a second line the same as the first
// is to be removed; another most likely starts an entry without its "- ".
func (d *decoder) reportCut(c cut, what string) {
	k, first := c.again, c.first
	a, b := resolve(c.firstValue), resolve(c.againValue)
	if c.other == nil && a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode && a.Value == b.Value {
		d.errs.Add(d.pos(k), "field %q appears twice in %s, with the same value: keep one", k.Value, what)
		return
	}
	d.firstFieldAgain(k, first, what)
}

// firstFieldAgain reports k, the first field of an entry (first) given
// again in it, most likely the first of an entry whose "- " was left out.
func (d *decoder) firstFieldAgain(k, first *yaml.Node, what string) {
	d.errs.Add(d.pos(k), "field %q appears twice in %s: if line %d starts another entry, begin it with \"- \", as line %d does; if not, keep one",
		k.Value, what, k.Line+d.lineOffset, first.Line+d.lineOffset)
}

// strList reads a list of text items.
func (d *decoder) strList(m map[string]*yaml.Node, name, example string) []string {
	var out []string
	first := map[string]*yaml.Node{}
	for _, it := range d.list(m, name, example) {
		it = resolve(it)
		if it.Kind != yaml.ScalarNode {
			d.errs.Add(d.pos(it), "each item of %s must be text, not %s", name, describe(it))
			continue
		}
		v := strings.TrimSpace(it.Value)
		if v == "" || it.Tag == "!!null" {
			d.errs.Add(d.pos(it), "an item of %s is empty: remove it, with its comma", name)
			continue
		}
		// The same name, whatever its capitals and spaces (Reuters,
		// reuters, The New York  Times).
		key := nameKey(v)
		if was := first[key]; was != nil {
			p := d.pos(was)
			same := fmt.Sprintf("%q is in %s twice", v, name)
			if strings.TrimSpace(was.Value) != v {
				same = fmt.Sprintf("%q names what %q does", v, strings.TrimSpace(was.Value))
			}
			d.errs.Add(d.pos(it), "%s (first at line %d, column %d): keep one", same, p.Line, p.Col)
			continue
		}
		first[key] = it
		out = append(out, it.Value)
	}
	return out
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidID reports whether s is a well-formed id or slug: lower-case letters,
// digits and single hyphens.
func ValidID(s string) bool { return idRE.MatchString(s) }

// designIDRE is DESIGN.md's wider form of an id or slug, which ValidID
// narrows (README, "Extensions to DESIGN.md").
var designIDRE = regexp.MustCompile(`^[a-z0-9-]+$`)

// HyphensWhy is, for an id or slug s of DESIGN.md's wider form that
// ValidID refuses (a hyphen at an end, or two together), why it is
// refused, to follow the message that says the rule; "" for any other s.
func HyphensWhy(s string) string {
	if ValidID(s) || !designIDRE.MatchString(s) {
		return ""
	}
	return " (the pages join an article's name and its ids with a double hyphen, article--id, which with such hyphens would read two ways)"
}

// refs reads a list of source ids, each listed once.
func (d *decoder) refs(m map[string]*yaml.Node, name, example string) []briefing.Ref {
	var out []briefing.Ref
	for _, it := range d.list(m, name, example) {
		it = resolve(it)
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
			d.errs.Add(d.pos(it), "each item of %s must be an id, not %s", name, describe(it))
			continue
		}
		pos := d.pos(it)
		if i := slices.IndexFunc(out, func(r briefing.Ref) bool { return r.ID == it.Value }); i >= 0 {
			d.errs.Add(pos, "source %q is cited twice in this list (first at line %d, column %d): cite each source once", it.Value, out[i].Pos.Line, out[i].Pos.Col)
			continue
		}
		out = append(out, briefing.Ref{ID: strings.Clone(it.Value), Pos: pos})
	}
	return out
}

// claimant reads who made the claim a verdict rates (claimant, and
// claimant_type: person, or organization, the default), as a note or a
// claim gives it: a name on one line, plain text.
func (d *decoder) claimant(m map[string]*yaml.Node) briefing.Claimant {
	c := briefing.Claimant{Name: strings.TrimSpace(d.copied(m, "claimant"))}
	if v, ok := m["claimant"]; ok && !isNull(v) && resolve(v).Kind == yaml.ScalarNode {
		at := d.pos(resolve(v))
		switch {
		case c.Name == "":
			d.errs.Add(at, "claimant is empty: name who made the claim, or remove the line")
		case strings.ContainsAny(c.Name, "\n\r"):
			d.errs.Add(at, "claimant is more than one line: give a name, like \"U.S. Department of State\"")
		case utf8.RuneCountInString(c.Name) > 120:
			d.errs.Add(at, "claimant is %d characters long: give a name, of at most 120", utf8.RuneCountInString(c.Name))
		}
		d.checkPlain(m, "claimant", c.Name)
	}
	v, ok := m["claimant_type"]
	if !ok || isNull(v) {
		return c
	}
	at := d.pos(resolve(v))
	switch t := d.str(m, "claimant_type"); strings.ToLower(t) {
	case "person":
		c.Person = true
	case "organization", "organisation":
	default:
		if resolve(v).Kind == yaml.ScalarNode {
			d.errs.Add(at, "claimant_type %q is neither person nor organization: use one of those (organization when it is left out)", t)
		}
		return c
	}
	if cv, named := m["claimant"]; !named || isNull(cv) {
		// Left out, or "claimant:" with nothing after it.
		d.errs.Add(at, "claimant_type says what the claimant is, and no claimant is given: add \"claimant: …\" with who made the claim, or remove the line")
	}
	return c
}

// ref reads a single id field.
func (d *decoder) ref(m map[string]*yaml.Node, name string) briefing.Ref {
	v, ok := m[name]
	if !ok || isNull(v) {
		return briefing.Ref{}
	}
	return briefing.Ref{ID: d.copied(m, name), Pos: d.pos(resolve(v))}
}

// sourceIDRE is the form of a source's id: a reference manager's citation
// key, as Zotero writes it in CSL-JSON ("ZoteroWebAPI2021", Better BibTeX's
// "doe:2024", the web API's "12047273/KC6WFG78"): letters of either case
// and digits, with - _ . : / + inside. The ids of notes and claims, which
// their writers choose, keep the stricter form of ValidID.
var sourceIDRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9_.:/+-]*[A-Za-z0-9])?$`)

// ValidSourceID reports whether s is a well-formed source id (sourceIDRE).
func ValidSourceID(s string) bool { return sourceIDRE.MatchString(s) }

// sourceID reads and checks a source's id, as a copy (see copied).
func (d *decoder) sourceID(m map[string]*yaml.Node) string {
	s := d.copied(m, "id")
	if s != "" && !ValidSourceID(s) {
		d.errs.Add(d.pos(resolve(m["id"])), "source id %q is not a valid id: use letters and digits, with - _ . : / or + between them and no spaces, like %q", s, Slugify(s))
	}
	return s
}

// id reads and checks an id field, as a copy (see copied); an id not
// valid is told why, after the rule, by why when not nil (HyphensWhy for
// a note's id, which pages join to its article's name).
func (d *decoder) id(m map[string]*yaml.Node, name, what string, why func(string) string) string {
	s := d.copied(m, name)
	if s != "" && !ValidID(s) {
		because := ""
		if why != nil {
			because = why(s)
		}
		d.errs.Add(d.pos(resolve(m[name])), "%s %q is not a valid id: use lower-case letters and digits, with single hyphens between words, like %q%s", what, s, Slugify(s), because)
	}
	return s
}

// writtenOut are letters written out in ASCII as their languages write
// them where they cannot print them: German's umlauts and ß (Förderung is
// foerderung, not forderung, another word); Danish's and Norwegian's æ, ø
// and å (Ærø is aeroe, Århus aarhus); and letters that are no letter with
// an accent, which taking accents away would drop (œ, ł, þ, ð, đ, ı).
var writtenOut = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss", "ẞ", "SS",
	"æ", "ae", "Æ", "Ae", "ø", "oe", "Ø", "Oe", "å", "aa", "Å", "Aa",
	"œ", "oe", "Œ", "Oe", "ł", "l", "Ł", "L", "þ", "th", "Þ", "Th", "ð", "d", "Ð", "D", "đ", "d", "Đ", "D", "ı", "i",
	"ĳ", "ij", "Ĳ", "IJ", "ħ", "h", "Ħ", "H", "ŀ", "l", "Ŀ", "L", "ŉ", "n", "ŋ", "ng", "Ŋ", "Ng", "ŧ", "t", "Ŧ", "T")

// Slugify is s made a valid id or slug (ValidID): lower-case letters and
// digits, anything else between them one hyphen; "my-id" when nothing is
// left.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	// Letters written out as their languages write them without them
	// (writtenOut); other accented letters keep their letter: café is
	// cafe. A name written decomposed (o and its two dots, as macOS
	// and zip files write names) is composed first; then letters made of
	// others (ﬁ, ǅ, ſ, ①, Ⅻ) are written as those (NFKC), not dropped.
	s = norm.NFKC.String(writtenOut.Replace(norm.NFC.String(s)))
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		return "my-id"
	}
	return out
}

// positiveInt reads a whole number from 1.
func (d *decoder) positiveInt(m map[string]*yaml.Node, name string) int {
	v, ok := m[name]
	if !ok || isNull(v) {
		return 0
	}
	v = resolve(v)
	n, err := strconv.Atoi(v.Value)
	if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(v.Value, "-") {
		// A whole number, too large to be a count of anything.
		d.errs.Add(d.pos(v), "%s %s is more than any article holds: count the places again", name, describe(v))
		return 0
	}
	if v.Kind != yaml.ScalarNode || err != nil || n < 1 {
		d.errs.Add(d.pos(v), "%s must be a whole number from 1, not %s", name, describe(v))
		return 0
	}
	return n
}

// date reads a YYYY-MM-DD date (YYYY-MM and YYYY when partial is true);
// noDay is the advice for a date given without its day where partial is
// false.
func (d *decoder) date(m map[string]*yaml.Node, name string, partial bool, noDay string) *briefing.Date {
	v, ok := m[name]
	if !ok || isNull(v) {
		return nil
	}
	v = resolve(v)
	s := strings.TrimSpace(v.Value)
	if v.Kind == yaml.ScalarNode {
		if m := timedDateRE.FindStringSubmatch(s); m != nil {
			if _, ok := parseDate(m[1], false); ok {
				// A timestamp copied from the page's metadata
				// (2025-11-27T23:30:00-08:00) or written with its
				// hour: the date is a whole day, and the day is the
				// one written, the day where it was written, not
				// the day in another zone.
				d.errs.Add(d.pos(v), "%s %s has a time of day: write the date alone, as YYYY-MM-DD, like %s: %s", name, describe(v), name, m[1])
				return nil
			}
		}
		if dt, ok := parseDate(s, partial); ok {
			return d.notFar(v, name, dt)
		}
	}
	switch {
	case v.Kind != yaml.ScalarNode:
	case strings.HasPrefix(s, "0000"):
		d.errs.Add(d.pos(v), "%s %s is in the year 0, which the calendar does not have: write the year in full, like 2025-11-27", name, describe(v))
		return nil
	case isoDateRE.MatchString(s):
		d.errs.Add(d.pos(v), "%s %s is not a real date: the month is 01 to 12, and the day a day of that month", name, describe(v))
		return nil
	case !partial:
		if _, ok := parseDate(s, true); ok {
			d.errs.Add(d.pos(v), "%s %s needs its day, as YYYY-MM-DD: %s", name, describe(v), noDay)
			return nil
		}
	}
	want := "YYYY-MM-DD, like 2025-11-27"
	if partial {
		want = "YYYY-MM-DD, YYYY-MM or YYYY, like 2025-11-27"
	}
	if dt, ok := wordDate(s); v.Kind == yaml.ScalarNode && ok {
		// "Nov 2025", "27 November 2025": the date meant is known.
		switch {
		case dt.Day == 0 && !partial:
			d.errs.Add(d.pos(v), "%s %s needs its day, as YYYY-MM-DD (%s-DD): %s", name, describe(v), dt.ISO(), noDay)
			return nil
		default:
			want = dt.ISO()
		}
	}
	d.errs.Add(d.pos(v), "%s %s is not a valid date: write it as %s", name, describe(v), want)
	return nil
}

// dottedDateRE is a date written day first with dots: 21.01.2025.
var dottedDateRE = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)

// wordDateLayouts are the ways a date is written in English words that
// wordDate reads: a day, a month and a year, or a month and a year.
var wordDateLayouts = []string{"2 January 2006", "2 Jan 2006", "January 2 2006", "Jan 2 2006", "January 2006", "Jan 2006"}

// wordDate reads s as a date written in words ("Nov 2025", "November 27,
// 2025", "27 Nov. 2025"), the month's name in any capitals: its Day is 0
// when it gives none.
func wordDate(s string) (*briefing.Date, bool) {
	// A day, a month and a year written with dots, day first, as German
	// and much of Europe write them (21.01.2025): no month comes first
	// so, unlike 01/21/2025.
	if m := dottedDateRE.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC); t.Day() == day && int(t.Month()) == month && year > 0 {
			return &briefing.Date{Year: year, Month: month, Day: day}, true
		}
		return nil, false
	}
	s = strings.Join(strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(s)), " ")
	for _, layout := range wordDateLayouts {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 0 {
			dt := &briefing.Date{Year: t.Year(), Month: int(t.Month())}
			if strings.HasPrefix(layout, "2 ") || strings.Contains(layout, " 2 ") {
				dt.Day = t.Day()
			}
			return dt, true
		}
	}
	return nil, false
}

// today is the clock the dates are checked against (notFar).
var today = time.Now

// notFar returns dt, the date read from v, or reports it and returns nil
// when it is more than a year after today: a year mistyped (2925, 2052 for
// 2025). A briefing may be dated ahead of its publication, and a timeline
// may hold an event to come, but not that far. A source's accessed date
// cannot be ahead at all: it may be a day ahead of the clock's, for an
// editor whose day has begun where the build's has not.
//
// Dates are compared by the day, today's as the clock's zone has it, so
// that the limit does not move with the hour.
func (d *decoder) notFar(v *yaml.Node, name string, dt *briefing.Date) *briefing.Date {
	y, m, day := today().Date()
	if name == "accessed" {
		if dt.Time().After(time.Date(y, m, day+1, 0, 0, 0, 0, time.UTC)) {
			d.errs.Add(d.pos(v), "%s %s is after today: a source is accessed on or before the day it is cited; check the date", name, dt.ISO())
			return nil
		}
		return dt
	}
	if dt.Time().After(time.Date(y+1, m, day, 0, 0, 0, 0, time.UTC)) {
		d.errs.Add(d.pos(v), "%s %s is more than a year from now: check its year", name, dt.ISO())
		return nil
	}
	return dt
}

// timedDateRE matches a date written with a time of day, its date as
// the first submatch: 2025-11-27T23:30:00-08:00, 2025-11-27 10:00,
// 2025-11-27T10:00:00.000Z, 2025-11-27 10:00 pm UTC.
var timedDateRE = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:[ \t]*(?:[AaPp]\.?[Mm]\.?))?(?:[ \t]*(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?|UTC|GMT))?$`)

// isoDateRE matches text written as a date, whether or not it is one.
var isoDateRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// isoMonthRE matches a month written YYYY-MM, real or not.
var isoMonthRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)

// parseDate reads a date of the years 1 to 9999.
func parseDate(s string, partial bool) (*briefing.Date, bool) {
	// A full timestamp is accepted, as a CSL date given as text (a
	// front matter's date with a time is told so first, by date):
	// only its date counts.
	if t, err := time.Parse(time.RFC3339, s); err == nil && t.Year() > 0 {
		return &briefing.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil && t.Year() > 0 {
		return &briefing.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
	}
	if !partial {
		return nil, false
	}
	if t, err := time.Parse("2006-01", s); err == nil && t.Year() > 0 {
		return &briefing.Date{Year: t.Year(), Month: int(t.Month())}, true
	}
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y > 0 {
			return &briefing.Date{Year: y}, true
		}
	}
	return nil, false
}

// sortedKeys is for deterministic messages.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ids remembers the ids of one file, to report a repeated one.
type ids struct {
	what string // "note", "claim", "source"
	hint string // how to fix a repeat
	seen map[string]int
}

// add records the id at m[field]; a repeat is reported at its position.
func (s *ids) add(d *decoder, m map[string]*yaml.Node, id string) {
	if id == "" {
		return
	}
	if s.seen == nil {
		s.seen = map[string]int{}
	}
	pos := d.pos(resolve(m["id"]))
	if line, dup := s.seen[id]; dup {
		if !d.sameIDAgain(m["id"]) {
			d.errs.AddErr(pos, diag.ErrDuplicateID, "%s id %q is already used at line %d: %s", s.what, id, line, s.hint)
		}
		return
	}
	s.seen[id] = pos.Line
}

// entryDate is a date that opens a list's entry, a mark after it: "Mai:",
// "Januar 2024:", "May:", "Mai 2024 – Demonstration", "Mai (Feiertag):".
// Not a comma: "am", "1. Oktober, am", "2. Oktober war Ruhetag" is a
// sentence. Nor an hour, nor a plain line below a date's or a rank's:
// "1. Mai 10 Uhr: Start" / "2. Mai 18 Uhr: Ende" is a timetable, but "am"
// / "1. Mai um 10 Uhr (pünktlich!) und am" / "2. Mai …" a sentence, and
// "1. FC Bayern München, 72 Punkte" / "2. Borussia Dortmund" a table, but
// "ab dem" / "1. Januar 2025; die" / "2. Stufe folgt 2026." a sentence:
// told as lists, the sentences' writers were sent to note: |, which
// makes them lists (review h91c). Such lines pass, shown joined, every
// word kept.
var entryDate = regexp.MustCompile(`^\S+?( [0-9]{4})?(:| [–—-] | \()`)

// goesOn reports whether line ends with a word that a sentence goes on
// after, an article, a preposition, a possessive or a conjunction ("Es
// begann am", "Die Frist läuft vom", "Der"): a date's or a rank's 1. on
// the line below is the sentence's, not a list's first entry, whatever
// marks the date ("1. Mai (einem Sonntag) und endete am", "1. Weltkrieg
// (1914–1918) und der"; review h91e). Only for a date or a rank: "Die
// Kommission schlägt zwei Schritte vor", "1. Anhörung", "2. Abstimmung" is
// a list (review h91f).
func goesOn(line string) bool {
	words := strings.Fields(line)
	return len(words) > 0 && continuationWords[strings.ToLower(words[len(words)-1])]
}

var continuationWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`der die das dem den des ein eine einer einem einen eines am im vom zum zur beim ins ans
		bis ab seit von zu nach vor in an auf mit bei für über unter um und oder sowie als wie gegen ohne durch aus
		während wegen trotz dieser diese dieses diesem diesen jeder jede jedes jedem jeden sein seine seiner seinem
		seinen ihr ihre ihrer ihrem ihren unser unsere unserem unseren
		the a an of on in at to by from until till and or as than with for his her their its our this that these
		those each every`) {
		m[w] = true
	}
	return m
}()
