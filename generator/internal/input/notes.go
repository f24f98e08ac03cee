package input

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

var noteFields = []string{"id", "quote", "prefix", "suffix", "occurrence", "kind", "verdict", "claimant", "claimant_type", "claim", "note", "cites"}
var claimFields = []string{"id", "statement", "verdict", "claimant", "claimant_type", "note", "cites"}

func kindList() []string {
	var s []string
	for _, k := range briefing.Kinds {
		s = append(s, string(k))
	}
	return s
}

func verdictList() []string {
	var s []string
	for _, v := range briefing.Verdicts {
		s = append(s, string(v))
	}
	return s
}

func kindNames() string    { return strings.Join(kindList(), ", ") }
func verdictNames() string { return strings.Join(verdictList(), ", ") }

// meant is " (did you mean "x"?)" for a value that is x of list written
// in other capitals or with spaces or underscores for its hyphens
// ("Fact-check", "needs context") or in curly quotes ("“context”"), or
// "". Nothing further: a letter off
// can be the opposite verdict ("supported" of "unsupported").
func meant(value string, list []string) string {
	key := func(s string) string {
		return strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	for _, x := range list {
		if key(value) == key(x) {
			return fmt.Sprintf(" (did you mean %q?)", x)
		}
	}
	// Quotes a word processor curled ("“context”") are no quotes to
	// YAML but part of the value, and look like quotes on screen.
	trimmed := strings.TrimSpace(value)
	if bare := strings.Trim(trimmed, curlyQuotes); bare != trimmed {
		for _, x := range list {
			if key(bare) == key(x) {
				return fmt.Sprintf(" (did you mean %q? the quotes around it are curly ones, which YAML keeps as part of the value: remove them)", x)
			}
		}
	}
	return ""
}

// curlyQuotes are the quotation marks YAML does not read as quotes.
const curlyQuotes = "“”„‟‘’‚‛«»‹›"

// meantKind is meant for a kind of note, and also names the kind a slip of
// a letter or two makes ("factcheck", "defintion"), which, unlike a
// verdict's, cannot turn one kind into its opposite.
func meantKind(value string) string {
	if m := meant(value, kindList()); m != "" {
		return m
	}
	v := strings.ToLower(strings.TrimSpace(value))
	for _, x := range kindList() {
		if d := diag.EditDistance(v, x); d <= 2 && d < len(x)/3 {
			return fmt.Sprintf(" (did you mean %q?)", x)
		}
	}
	return ""
}

func validKind(k briefing.Kind) bool {
	for _, x := range briefing.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func validVerdict(v string) bool {
	for _, x := range briefing.Verdicts {
		if string(x) == v {
			return true
		}
	}
	return false
}

// notes reads annotations/<slug>.yaml. ok is false when the file could
// not be read as a list of notes; left is what notes were left out for
// their problems (a syntax error), which links to them do not report.
func (l *loader) notes(name string) (slug string, notes []*briefing.Note, ok bool, left briefing.Omitted) {
	p := path.Join("annotations", name)
	slug = strings.TrimSuffix(name, ".yaml")
	all := briefing.Omitted{All: true}
	if !ValidID(slug) {
		l.errs.AddErr(diag.Pos{File: p, Line: 1, Col: 1}, diag.ErrUnsafeInput,
			"%q is not a safe file name: name the notes file after its article's file, in lower-case letters and digits, with single hyphens between words, like %q", name, Slugify(slug)+".yaml")
		return "", nil, false, all
	}
	text, ok := l.readText(p)
	if !ok {
		return slug, nil, false, all
	}
	d := newDecoder(p, text, 0, l.errs)
	// A note with a syntax error is left out (parse), and the others read
	// and checked: their problems come in the same run.
	root, ok := d.parse(text)
	if root == nil {
		return slug, nil, ok, briefing.Omitted{All: !ok} // ok: an empty file, no notes yet
	}
	maybe, known := d.leftOutIDs()
	items, ok := d.entries(root, "the notes file", "notes", "of notes, each starting with \"- id: …\"")
	if !ok {
		return slug, nil, false, all
	}
	seen := ids{what: "note", hint: "give each note of an article its own id"}
	for _, it := range items {
		nm, ok := d.fields(it, "a note", noteFields...)
		if !ok {
			known = false // a note left out, whose id is not known
			continue
		}
		q, hasQuote := nm["quote"]
		blankQuote := hasQuote && !isNull(q) && resolve(q).Kind == yaml.ScalarNode && strings.TrimSpace(resolve(q).Value) == ""
		if blankQuote {
			l.errs.Add(d.pos(resolve(q)), "quote is empty: copy the exact words the note is about")
			d.required(nm, it, "the note", "id", "kind", "note")
		} else {
			d.required(nm, it, "the note", "id", "quote", "kind", "note")
		}
		n := &briefing.Note{
			Pos:        d.pos(it),
			ID:         d.id(nm, "id", "note id", HyphensWhy),
			Quote:      d.copied(nm, "quote"),
			Prefix:     d.copied(nm, "prefix"),
			Suffix:     d.copied(nm, "suffix"),
			Occurrence: d.positiveInt(nm, "occurrence"),
			Kind:       briefing.Kind(d.copied(nm, "kind")),
			Verdict:    briefing.Verdict(d.copied(nm, "verdict")),
			Claim:      d.ref(nm, "claim"),
			Claimant:   d.claimant(nm),
			Body:       d.markdown(nm, "note"),
			Cites:      d.refs(nm, "cites", "like [source-id, other-source-id]"),
		}
		d.swallowedField(it, nm, "note", n.Body, noteFields)
		if v, ok := nm["quote"]; ok {
			n.QuotePos = d.pos(resolve(v))
		} else {
			n.QuotePos = n.Pos
		}
		if v, ok := nm["prefix"]; ok && n.Prefix != "" {
			n.PrefixPos = d.pos(resolve(v))
		}
		if v, ok := nm["suffix"]; ok && n.Suffix != "" {
			n.SuffixPos = d.pos(resolve(v))
		}
		if v, ok := nm["occurrence"]; ok && !isNull(v) {
			n.OccurrencePos = d.pos(resolve(v))
		}
		if v, ok := nm["kind"]; ok {
			n.KindPos = d.pos(resolve(v))
		}
		// A verdict given but not as text (verdict: [accurate]) is
		// reported as such, not also as missing.
		verdictNotText := false
		if v, ok := nm["verdict"]; ok {
			n.VerdictPos = d.pos(resolve(v))
			verdictNotText = !isNull(v) && resolve(v).Kind != yaml.ScalarNode
		}
		seen.add(d, nm, n.ID)
		switch {
		case n.Kind == "":
		case !validKind(n.Kind):
			l.errs.Add(n.KindPos, "kind %q is not a kind of note%s: use one of %s", n.Kind, meantKind(string(n.Kind)), kindNames())
		case n.Kind == briefing.KindFactCheck && n.Verdict == "" && !verdictNotText:
			l.errs.AddErr(n.KindPos, diag.ErrMissingField, "a fact-check note needs a verdict: add \"verdict: …\" with one of %s", verdictNames())
		case n.Kind != briefing.KindFactCheck && n.Verdict != "":
			l.errs.Add(n.VerdictPos, "only fact-check notes carry a verdict, and this note's kind is %q: remove the verdict or make the kind fact-check", n.Kind)
		}
		if v, ok := nm["claimant"]; ok && n.Claimant.Name != "" && validKind(n.Kind) && n.Kind != briefing.KindFactCheck {
			l.errs.Add(d.pos(resolve(v)), "only a fact-check note names a claimant, who made the claim its verdict rates, and this note's kind is %q: remove the claimant or make the kind fact-check", n.Kind)
		}
		if n.Verdict != "" && !validVerdict(string(n.Verdict)) {
			l.errs.Add(n.VerdictPos, "verdict %q is not on the scale%s: use one of %s", n.Verdict, meant(string(n.Verdict), verdictList()), verdictNames())
		}
		notes = append(notes, n)
		if n.ID == "" {
			// Written ID: or idd:, say (reported): a link to it is not
			// told that it does not exist.
			maybe, known = d.guessedID(it, maybe, known)
		}
	}
	return slug, notes, true, briefing.Omitted{IDs: maybe, All: !known}
}

// claims reads annotations/claims.yaml (a list, or a mapping with "claims").
// ok is false when the file is there but could not be read as a list of
// claims, or one of its claims without its id (already reported): a note
// naming a claim is then not told that it does not exist.
func (l *loader) claims() (out []*briefing.Claim, ok bool, maybe map[string]bool) {
	const p = "annotations/claims.yaml"
	if !exists(l.fsys, p) {
		return nil, true, nil
	}
	if isDir(l.fsys, p) {
		return nil, false, nil // a folder of that name: said where annotations/ is listed
	}
	text, ok := l.readText(p)
	if !ok {
		return nil, false, nil
	}
	d := newDecoder(p, text, 0, l.errs)
	// A claim with a syntax error is left out (parse) and the others read;
	// notes naming the claim left out are not told it does not exist
	// (maybe), nor, when its id could not be read, any note (ok false).
	root, parsed := d.parse(text)
	if root == nil {
		return nil, parsed, nil
	}
	maybe, ok = d.leftOutIDs()
	items, fine := d.entries(root, "the claims file", "claims", "of claims, each starting with \"- id: …\"")
	if !fine {
		return nil, false, nil
	}
	seen := ids{what: "claim", hint: "give each claim its own id"}
	idAt := map[string]diag.Pos{} // where each id is first given
	for _, it := range items {
		cm, fine := d.fields(it, "a claim", claimFields...)
		if !fine {
			ok = false // a claim left out, whose id is not known
			continue
		}
		d.required(cm, it, "the claim", "id", "statement", "verdict", "note")
		c := &briefing.Claim{
			Pos:       d.pos(it),
			ID:        d.id(cm, "id", "claim id", nil), // joined to no article's name
			Statement: d.str(cm, "statement"),
			Verdict:   briefing.Verdict(d.str(cm, "verdict")),
			Claimant:  d.claimant(cm),
			Body:      d.markdown(cm, "note"),
			Cites:     d.refs(cm, "cites", "like [source-id]"),
		}
		d.swallowedField(it, cm, "note", c.Body, claimFields)
		if c.Verdict != "" && !validVerdict(string(c.Verdict)) {
			l.errs.Add(d.pos(resolve(cm["verdict"])), "verdict %q is not on the scale%s: use one of %s", c.Verdict, meant(string(c.Verdict), verdictList()), verdictNames())
		}
		if n := len([]rune(c.Statement)); n > 120 {
			l.errs.Add(d.pos(resolve(cm["statement"])), "the statement is %d characters long: keep it to one sentence of at most 120 characters and put the rest in the note", n)
		} else if next := secondSentence(c.Statement); next != "" {
			l.errs.Add(d.pos(resolve(cm["statement"])), "the statement is more than one sentence (the next begins %q): keep it to one sentence and put the rest in the note",
				firstWordsOf(next, 3))
		}
		d.checkPlain(cm, "statement", c.Statement)
		seen.add(d, cm, c.ID)
		if _, ok := idAt[c.ID]; !ok && c.ID != "" {
			idAt[c.ID] = d.pos(resolve(cm["id"]))
		}
		out = append(out, c)
		if c.ID == "" {
			// Written ID: or idd:, say (reported): a note naming it is
			// not told that it does not exist.
			maybe, ok = d.guessedID(it, maybe, ok)
		}
	}
	// The claims page gives claim x's heading the id claim-x-h, which a
	// claim x-h would have too: reported at the later of the two.
	for _, c := range out {
		base, ok := strings.CutSuffix(c.ID, "-h")
		if !ok {
			continue
		}
		if first, ok := idAt[base]; ok {
			own := idAt[c.ID]
			at, other := own, first
			if first.Line > own.Line {
				at, other = first, own
			}
			l.errs.Add(at, "claim ids %q and %q clash (the other is at line %d): the claims page gives the heading of %q the address claims.html#claim-%s, which is %q's own: rename one of them",
				base, c.ID, other.Line, base, c.ID, c.ID)
		}
	}
	return out, ok, maybe
}

// sentenceEndRE finds where a second sentence may begin: a word of two or
// more small letters (or a figure, a figure and a letter, or a closing mark)
// ending in . ! or ?, then a space and a capital. Abbreviations such as U.S.
// and Mr. do not end one; nor do those of titleAbbrevs.
var sentenceEndRE = regexp.MustCompile(`(?:\p{Ll}{2}|[0-9]\p{Ll}|[0-9%)”’"'])([.!?])[”’"')]*\s+([\p{Lu}“‘"'][^\s]*)`)

// titleAbbrevs are abbreviations of two or more small letters that a name
// or a capital often follows: "Gen. Milley", "Canada vs. Sweden".
var titleAbbrevs = map[string]bool{
	"adm": true, "al": true, "approx": true, "ave": true, "brig": true, "capt": true, "cf": true, "cmdr": true,
	"col": true, "cpl": true, "dept": true, "det": true, "gen": true, "gov": true, "hon": true,
	"maj": true, "messrs": true, "mrs": true, "pres": true, "prof": true,
	"pvt": true, "rep": true, "reps": true, "rev": true, "sen": true, "sens": true, "sgt": true, "supt": true,
	"univ": true, "vs": true,
}

// dayOrRankRE is a number of one or two figures standing alone at the end
// of a text: a day or a rank, when a month or a name follows its full
// stop (briefing.NumberIsText).
var dayOrRankRE = regexp.MustCompile(`(?:^|[^0-9\p{L}.,])[0-9]{1,2}$`)

// secondSentence is where a second sentence begins in s (sentenceEndRE,
// past titleAbbrevs and the full stops of German days and ranks), or "".
// After a full stop that ends none, the next is looked for from the word
// after it: "am 3. Oktober. Dann …" ends at "Oktober.".
func secondSentence(s string) string {
	for off := 0; ; {
		m := sentenceEndRE.FindStringSubmatchIndex(s[off:])
		if m == nil {
			return ""
		}
		for i := range m {
			m[i] += off
		}
		off = m[4]
		if s[m[2]:m[3]] == "." {
			start := m[2]
			for start > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:start])
				if !unicode.IsLetter(r) {
					break
				}
				start -= size
			}
			if titleAbbrevs[strings.ToLower(s[start:m[2]])] {
				continue
			}
			if dayOrRankRE.MatchString(s[:m[2]]) && briefing.NumberIsText(s[m[4]:]) {
				continue // "am 1. Januar 2024", "der 1. FC Köln", "2. Weltkrieg"
			}
		}
		return s[m[4]:]
	}
}

// firstWordsOf returns the first n words of s.
func firstWordsOf(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// swallowedField reports a line of the block text name of entry (its
// fields m) that reads as one of the entry's fields, "cites: [a, b]":
// indented as far as the text's lines, rather than as the entry's other
// fields, YAML takes it as text, and the field is lost without a word.
func (d *decoder) swallowedField(entry *yaml.Node, m map[string]*yaml.Node, name string, body briefing.Markdown, fields []string) {
	v := resolve(m[name])
	t := body.Text
	if v == nil || v.Style != yaml.LiteralStyle && v.Style != yaml.FoldedStyle || !strings.Contains(t, ":") {
		return
	}
	// check reports the line of the file that starts at t[at] when it
	// reads as a field: a field's name, a colon, and a space or the
	// line's end.
	check := func(at int) {
		i := at
		for i < len(t) && t[i] >= 'a' && t[i] <= 'z' {
			i++
		}
		if i == at || i == len(t) || t[i] != ':' || i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '\n' {
			return
		}
		field := t[at:i]
		if field == name || !slices.Contains(fields, field) {
			return
		}
		col := 0 // the text's key's column
		entry := resolve(entry)
		for i := 0; i+1 < len(entry.Content); i += 2 {
			if entry.Content[i].Value == name {
				col = entry.Content[i].Column
			}
		}
		d.errs.Add(body.PosAt(at),
			"this line reads as the field %s, but it is indented as far as the text of \"%s:\" above it, which takes it in as text: indent it as far as \"%s:\" (%d spaces), or, if it is text, begin the line otherwise",
			field, name, name, col-1)
	}
	// Where the file's lines start in the text: a folded text (>) joins
	// them with spaces, and its Segs place each.
	if body.Segs != nil {
		for _, s := range body.Segs {
			check(s.Off)
		}
		return
	}
	for at := 0; at < len(t); {
		check(at)
		nl := strings.IndexByte(t[at:], '\n')
		if nl < 0 {
			break
		}
		at += nl + 1
	}
}

// guessedID adds to maybe the id of entry, which has none under "id": the
// value of the unknown field its message offers "id" for (ID, Id, idd).
// ok is false when there is none to take.
func (d *decoder) guessedID(entry *yaml.Node, maybe map[string]bool, ok bool) (map[string]bool, bool) {
	v := d.misspeltValue(entry, "id")
	if v == nil || v.Kind != yaml.ScalarNode || v.Value == "" {
		return maybe, false
	}
	if maybe == nil {
		maybe = map[string]bool{}
	}
	maybe[v.Value] = true
	return maybe, ok
}
