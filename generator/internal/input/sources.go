package input

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// The CSL 1.0.2 variables a source may carry. The generator renders some of
// them; the rest are accepted, so that a Zotero export reads as it is, and
// kept in Source.Other.
var (
	cslNameVars = []string{"author", "chair", "collection-editor", "compiler", "composer", "container-author",
		"contributor", "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest", "host",
		"illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
		"recipient", "reviewed-author", "script-writer", "series-creator", "translator"}
	cslDateVars = []string{"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
	cslTextVars = []string{"abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
		"authority", "call-number", "chapter-number", "citation-key", "citation-label", "citation-number", "collection-number",
		"collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
		"event", "event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
		"journalAbbreviation", "jurisdiction", "keyword", "language", "license", "locator", "medium", "note", "number", "number-of-pages", "number-of-volumes",
		"original-publisher", "original-publisher-place", "original-title", "page", "page-first", "part-number",
		"part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place", "references",
		"reviewed-genre", "reviewed-title", "scale", "section", "shortTitle", "source", "status", "supplement-number",
		"title", "title-short", "URL", "version", "volume", "volume-title", "year-suffix"}
	cslTypes = []string{"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
		"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
		"entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
		"manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
		"performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
		"review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage"}
	cslNameParts = []string{"family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix",
		"comma-suffix", "static-ordering", "parse-names"}
	cslDateParts = []string{"date-parts", "raw", "literal", "season", "circa"}
)

// otherTypes maps the names other tools give kinds of work (Crossref's
// "journal-article", Zotero's item types, BibTeX's entry types), folded
// to lower case without - or _, to the CSL type for them.
var otherTypes = map[string]string{
	"journalarticle": "article-journal", "journal": "article-journal", "newspaperarticle": "article-newspaper",
	"newspaper": "article-newspaper", "news": "article-newspaper", "magazinearticle": "article-magazine",
	"magazine": "article-magazine", "blogpost": "post-weblog", "blog": "post-weblog", "forumpost": "post",
	"tweet": "post", "socialmediapost": "post", "booksection": "chapter", "bookchapter": "chapter",
	"inbook": "chapter", "incollection": "chapter", "statute": "legislation", "law": "legislation",
	"case": "legal_case", "legalcase": "legal_case", "courtcase": "legal_case", "phdthesis": "thesis",
	"mastersthesis": "thesis", "presentation": "speech", "conferencepaper": "paper-conference",
	"inproceedings": "paper-conference", "proceedingsarticle": "paper-conference", "techreport": "report",
	"web": "webpage", "website": "webpage", "online": "webpage", "misc": "document", "data": "dataset",
	"computerprogram": "software", "videorecording": "motion_picture", "film": "motion_picture",
	"radiobroadcast": "broadcast", "tvbroadcast": "broadcast", "podcast": "broadcast",
	"encyclopediaarticle": "entry-encyclopedia", "dictionaryentry": "entry-dictionary",
}

// suggestType returns the CSL type meant by t, a type CSL does not have:
// by spelling, or by the name another tool gives it.
func suggestType(t string) string {
	if g := suggest(t, cslTypes); g != "" {
		return g
	}
	key := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == ' ' {
			return -1
		}
		return unicode.ToLower(r)
	}, t)
	return otherTypes[key]
}

func sourceFields() []string {
	out := []string{"id", "type", "categories"}
	out = append(out, cslNameVars...)
	out = append(out, cslDateVars...)
	return append(out, cslTextVars...)
}

// sources reads annotations/sources.yaml (CSL-YAML: a list, or a mapping
// with "references" as Pandoc writes it) or annotations/sources.json
// (CSL-JSON as Zotero exports it). It returns the sources and the file they
// came from; ok is false when a bibliography is there but could not be read
// as a list of sources, or one of its sources without its id (already
// reported): what cites a source is then not told that it does not exist.
func (l *loader) sources() (out []*briefing.Source, file string, ok bool, maybe map[string]bool) {
	const yp, jp = "annotations/sources.yaml", "annotations/sources.json"
	hasY, hasJ := exists(l.fsys, yp), exists(l.fsys, jp)
	switch {
	case hasY && hasJ:
		l.errs.Add(diag.Pos{File: jp, Line: 1, Col: 1}, "both sources.yaml and sources.json are present: keep one bibliography file")
		return nil, "", false, nil
	case !hasY && !hasJ:
		return nil, "", true, nil
	}
	p := yp
	if hasJ {
		p = jp
	} else if isDir(l.fsys, p) {
		return nil, p, false, nil // a folder of that name: said where annotations/ is listed
	}
	text, ok := l.readText(p)
	if !ok {
		return nil, p, false, nil
	}
	d := newDecoder(p, text, 0, l.errs)
	var root *yaml.Node
	if hasJ {
		root, ok = jsonNode(text, p, l.errs)
	} else {
		// A source with a syntax error is left out (parse) and the
		// others read; what cites the source left out is not told it
		// does not exist (maybe), nor, when its id could not be read,
		// anything (ok false).
		root, ok = d.parse(text)
	}
	if root == nil {
		return nil, p, ok, nil
	}
	maybe, ok = d.leftOutIDs()
	items, fine := d.entries(root, "the bibliography", "references", "of references, each starting with \"- id: …\"")
	if !fine {
		return nil, p, false, nil
	}
	seen := ids{what: "source", hint: "give each source its own id"}
	allowed := sourceFields()
	for _, it := range items {
		sm, fine := d.fields(it, "a source", allowed...)
		if !fine {
			ok = false // a source left out, whose id is not known
			continue
		}
		d.required(sm, it, "the source", "id", "type", "title")
		doi := strings.TrimSpace(d.str(sm, "DOI"))
		s := &briefing.Source{
			Pos:             d.pos(it),
			ID:              d.sourceID(sm),
			Type:            d.str(sm, "type"),
			Title:           d.str(sm, "title"),
			ContainerTitle:  d.str(sm, "container-title"),
			CollectionTitle: d.str(sm, "collection-title"),
			Volume:          d.str(sm, "volume"),
			Issue:           d.str(sm, "issue"),
			Page:            d.str(sm, "page"),
			Publisher:       d.str(sm, "publisher"),
			PublisherPlace:  d.str(sm, "publisher-place"),
			Number:          d.str(sm, "number"),
			Genre:           d.str(sm, "genre"),
			DOI:             normalizeDOI(doi),
			URL:             strings.TrimSpace(d.str(sm, "URL")),
			Note:            d.str(sm, "note"),
			Author:          d.names(sm, "author"),
			Editor:          d.names(sm, "editor"),
			Accessed:        d.cslDate(sm, "accessed"),
		}
		s.Issued, s.IssuedLiteral, s.IssuedSeason, s.IssuedCirca = d.cslDateAs(sm, "issued", true)
		if s.Type != "" && !contains(cslTypes, s.Type) {
			hint := ""
			if g := suggestType(s.Type); g != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", g)
			}
			l.errs.Add(d.pos(resolve(sm["type"])), "type %q is not a CSL type%s: use one such as article-journal, report, webpage, article-newspaper, book, dataset, legislation, post", s.Type, hint)
		}
		d.checkURL(sm, "URL", s.URL)
		// The text the bibliography shows (its CSL markup, <i> and the
		// like, is set as such, and any other text escaped).
		for _, k := range shownSourceText {
			d.checkRefs(resolve(sm[k]), k)
		}
		switch {
		case s.DOI == "":
		case !(strings.HasPrefix(s.DOI, "10.") && strings.Contains(s.DOI, "/")):
			l.errs.Add(d.pos(resolve(sm["DOI"])), "DOI %q is not a DOI: write it as 10.xxxx/…, like 10.1257/aeri.20230459", s.DOI)
		case strings.IndexFunc(s.DOI, unicode.IsSpace) >= 0:
			l.errs.Add(d.pos(resolve(sm["DOI"])), "DOI %q has white space in it, which no DOI has: copy it again from the work's page, like 10.1257/aeri.20230459", s.DOI)
		case strings.ContainsAny(doi[len(doi)-1:], ".,;"):
			// The sentence's, copied with the DOI from a list of
			// references: the DOI system allows a DOI to end so, but
			// one that does is so rare that the mark is told, with how
			// to keep one meant (normalizeDOI decodes the %2E).
			mark := map[byte]string{'.': "a full stop", ',': "a comma", ';': "a semicolon"}[doi[len(doi)-1]]
			v := resolve(sm["DOI"])
			at := d.pos(v)
			if i := len(strings.TrimRightFunc(v.Value, unicode.IsSpace)) - 1; i >= 0 && v.Value[i] == doi[len(doi)-1] {
				at = d.placed(v, v.Value).PosAt(i) // at the mark itself
			}
			l.errs.Add(at, "DOI %q ends with %s, which is the sentence's, not the DOI's: remove it (in the rare DOI that does end with one, write it as %%%02X)", s.DOI, mark, doi[len(doi)-1])
		}
		for _, k := range cslNameVars {
			if k != "author" && k != "editor" {
				// An editor who also translated the work (CSL's
				// editor-translator) is shown as its editor.
				if names := d.names(sm, k); k == "editor-translator" && len(s.Editor) == 0 {
					s.Editor = names
				}
			}
		}
		for _, k := range cslDateVars {
			if k != "issued" && k != "accessed" {
				d.cslDateAs(sm, k, true) // checked, and not shown
			}
		}
		// CSL's variables are text or numbers: true or false is a value
		// left in by mistake, which would be published as the word.
		for _, k := range slices.Concat(sourceTextFields, cslTextVars) {
			if v, ok := sm[k]; ok && resolve(v).Tag == "!!bool" {
				l.errs.Add(d.pos(resolve(v)), "%s is %s: it is text or a number in CSL; give its value, or leave it out", k, resolve(v).Value)
			}
		}
		for _, k := range cslTextVars {
			v, ok := sm[k]
			switch {
			case !ok || isNull(v):
			case resolve(v).Kind == yaml.ScalarNode:
				if s.Other == nil {
					s.Other = map[string]string{}
				}
				s.Other[k] = resolve(v).Value
			case !slices.Contains(sourceTextFields, k):
				// keyword: [official], edition: [2]: reported, where
				// it would be dropped without a word.
				d.str(sm, k)
			}
		}
		seen.add(d, sm, s.ID)
		out = append(out, s)
		if s.ID == "" {
			// Written ID: or idd:, say (reported): whatever cites it is
			// not told that it does not exist.
			maybe, ok = d.guessedID(it, maybe, ok)
		}
	}
	return out, p, ok, maybe
}

// shownSourceText are the CSL text variables the bibliography shows as
// text (render.Reference).
var shownSourceText = []string{"title", "container-title", "collection-title", "volume", "issue", "page", "publisher",
	"number", "genre", "note", "edition"}

// sourceTextFields are the CSL text variables a Source models.
var sourceTextFields = []string{"title", "container-title", "collection-title", "volume", "issue", "page", "publisher",
	"publisher-place", "number", "genre", "DOI", "URL", "note"}

// normalizeDOI is the DOI of s, given as a DOI, its address or a doi: URI:
// without the address's start (the resolver's www. address too) or the
// doi: and any space after it, as reference lists print it ("doi:
// 10.1073/…"), and with what an address percent-encodes decoded
// (10.1002/%28SICI%29… is 10.1002/(SICI)…), so that its link
// (render.DOIAddress) encodes it once.
func normalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
		"https://www.doi.org/", "http://www.doi.org/", "doi:"} {
		if strings.HasPrefix(strings.ToLower(s), p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	if strings.IndexByte(s, '%') >= 0 {
		if d, err := url.PathUnescape(s); err == nil {
			s = d
		}
	}
	return s
}

// orgWords are words found in organisations' names and not in people's.
var orgWords = map[string]bool{
	"agency": true, "association": true, "bureau": true, "center": true, "centre": true, "commission": true,
	"committee": true, "council": true, "department": true, "foundation": true, "group": true, "house": true,
	"institute": true, "ministry": true, "news": true, "office": true, "organisation": true, "organization": true,
	"press": true, "service": true, "times": true, "post": true, "university": true, "of": true, "the": true, "and": true,
	"rights": true, "watch": true, "international": true, "project": true, "network": true, "federation": true,
	"union": true, "party": true, "government": true, "administration": true, "court": true, "fund": true,
	"bank": true, "forum": true, "alliance": true, "coalition": true, "review": true, "journal": true,
	// The same in the languages of Europe's other institutions.
	"ministère": true, "ministerio": true, "ministero": true, "ministerie": true, "institut": true, "instituto": true,
	"istituto": true, "agence": true, "agencia": true, "agenzia": true, "comisión": true, "commissione": true,
	"fondation": true, "fundación": true, "fondazione": true, "gouvernement": true, "gobierno": true, "governo": true,
	"conseil": true, "consejo": true, "consiglio": true, "tribunal": true, "université": true, "universidad": true,
	"università": true, "oficina": true, "observatoire": true, "observatorio": true, "ufficio": true,
	"tribunale": true, "supreme": true, "suprema": true, "supremo": true, "suprême": true,
	// German broadcasters and firms: Deutsche Welle, Deutsche Bahn.
	"deutsche": true, "deutscher": true, "deutsches": true,
	// Firms' legal forms: Klaus Welle GmbH.
	"gmbh": true, "ag": true, "inc": true, "ltd": true, "llc": true, "plc": true, "corporation": true, "limited": true,
	"incorporated": true, "company": true, "nations": true, "assembly": true, "division": true, "directorate": true,
	"secretariat": true, "programme": true, "program": true, "parliament": true, "partners": true, "sons": true,
	"söhne": true, "fils": true, "associates": true, "cie": true,
	// Not Welle, Corte, Cour: family names too (Klaus Welle); the
	// organisations so named are told by their other words, or advised
	// both ways.
}

// orgEndings end German compound words that name organisations
// ("Bundesministerium", "Statistisches Bundesamt", "Süddeutsche Zeitung"),
// which a word list cannot hold: no person's name ends so.
var orgEndings = []string{"ministerium", "amt", "behörde", "institut", "stiftung", "verband", "agentur", "kommission",
	"regierung", "gericht", "verwaltung", "zentrale", "universität", "hochschule", "zeitung", "rundfunk", "gesellschaft"}

// orgWord reports whether w, a word of a name, is found in organisations'
// names and not in people's.
func orgWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,"))
	if orgWords[w] {
		return true
	}
	if head, tail, ok := strings.Cut(w, "-"); ok && (orgWords[head] || orgWord(tail)) {
		return true // "Directorate-General"
	}
	for _, e := range orgEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// personName splits a name written whole, like "Ran Abramitzky" or "Ursula
// von der Leyen", into its family and given names, when it reads as a
// person's: two to five words, each capitalised but for the particles
// that open a family name (von der, van, de, da, di, du, al-), and none an
// orgWord.
func personName(s string) (family, given string, ok bool) {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || placeCodes[words[len(words)-1]] {
		return "", "", false // "Reuters UK"
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 && !strings.Contains(w, ".") {
			return "", "", false // an acronym: "RTL Nord", "ZDF Heute"
		}
	}
	first := len(words) - 1 // the family name's first word
	for first > 1 && particles[strings.ToLower(words[first-1])] {
		first--
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if orgWord(w) || i < first && !unicode.IsUpper(r) || i >= first && !particles[w] && !unicode.IsUpper(r) {
			return "", "", false
		}
	}
	return strings.Join(words[first:], " "), strings.Join(words[:first], " "), true
}

// particles open a family name: "von der Leyen".
var particles = map[string]bool{"von": true, "van": true, "der": true, "den": true, "de": true, "da": true, "di": true, "du": true, "la": true, "le": true, "al": true}

// legalForm reports whether s, what follows a name's comma, is a firm's
// legal form as firms write it ("Meta Platforms, Inc.", "Renault, S.A.",
// "Müller, KG"), not a person's given name or initials ("Post, Emily",
// "Smith, A. B.", "Lopez, S. A."). The forms that are words, not
// initials, and no one's given name ("Inc.", "Ltd", "Corp.", "GmbH",
// "Plc") are ones in capitals or small letters too ("META PLATFORMS,
// INC.", "Acme, GMBH"); the others ("AG", "S.A.", "S.R.L.", "ASA", "LP")
// only as firms write them, for "Lopez, S. A.", "Smith, S.R.L.",
// "Hutchinson, Asa" and "Osterhaus, Ab" are people (reviews h90v, h91e).
// sure says it is one of the words, which no person bears: nameLike
// offers the person's reading of the others all the same.
func legalForm(s string) (form, sure bool) {
	s = strings.TrimSpace(s)
	if foldedLegalForms[strings.ToLower(s)] {
		return true, true
	}
	return legalForms[s], false
}

var legalForms, foldedLegalForms = func() (map[string]bool, map[string]bool) {
	m, folded := map[string]bool{}, map[string]bool{}
	for _, f := range strings.Split(`LLC|L.L.C.|L.L.C|LLP|L.L.P.|PLC|Co|Co.|`+
		`AG|KG|OHG|UG|e.V.|e. V.|SE|SA|S.A.|SAS|S.A.S.|SARL|S.à r.l.|S.a.r.l.|BV|B.V.|NV|N.V.|SpA|S.p.A.|S.p.A|Srl|S.r.l.|`+
		`AB|A/S|AS|ASA|Oy|OY|L.P.|LP|N.A.|S.L.|PLLC|P.L.C.|KGaA|S.A.B. de C.V.|S.A. de C.V.`, "|") {
		m[f] = true
	}
	for _, f := range strings.Split(`inc|inc.|ltd|ltd.|llc|llc.|corp|corp.|plc|plc.|gmbh|sàrl|oyj|pty ltd|pty. ltd.|co., ltd.|co. ltd.|`+
		`corporation|limited|incorporated|company|ltda|ltda.`, "|") {
		folded[f] = true
	}
	return m, folded
}()

// nameSuffixes follow a person's name after a comma: "King, Martin
// Luther, Jr.".
var nameSuffixes = map[string]bool{"Jr.": true, "Jr": true, "Sr.": true, "Sr": true, "II": true, "III": true, "IV": true,
	"Ph.D.": true, "PhD": true, "M.D.": true, "MD": true}

// commaPerson is a name written "Family, Given" (s cut at its comma) as a
// person's parts, a suffix after the family name or the given one
// ("Smith, Jr., John", "King, Martin Luther, Jr."; review h91f) given as
// CSL's, and whether it reads as one: not when what follows the comma
// holds another comma, a semicolon, a colon or " and " besides
// ("Smith, Jane and Doe, John", "Doe, Jane: editor").
func commaPerson(family, given string) (person string, suffix, ok bool) {
	family, given = strings.TrimSpace(family), strings.TrimSpace(given)
	sfx := ""
	if first, rest, found := strings.Cut(given, ","); found {
		first, rest = strings.TrimSpace(first), strings.TrimSpace(rest)
		switch {
		case nameSuffixes[first] && rest != "":
			given, sfx = rest, first
		case nameSuffixes[rest] && first != "":
			given, sfx = first, rest
		}
	}
	if family == "" || given == "" || strings.ContainsAny(given, ",;:&") || strings.Contains(" "+given+" ", " and ") ||
		strings.Contains(" "+given+" ", " et ") || strings.Contains(" "+given+" ", " und ") || strings.Contains(given, "et al") ||
		strings.ContainsAny(family, ";:") {
		return "", false, false
	}
	// Initials run together, as Web of Science writes them ("Smith,
	// JA"), are given with their dots: CSL would print "J." alone.
	if len(given) >= 2 && len(given) <= 3 && strings.ToUpper(given) == given && initials(given) && !strings.Contains(given, ".") {
		given = dotted(given)
	}
	return personParts(family, given, sfx), sfx != "", true
}

// personParts is a person's name as its parts are written in sources.yaml,
// each value as flowScalar writes it: "{family: Smith, given: J. A.}".
func personParts(family, given, suffix string) string {
	s := "{family: " + flowScalar(family) + ", given: " + flowScalar(given)
	if suffix != "" {
		s += ", suffix: " + flowScalar(suffix)
	}
	return s + "}"
}

// dotted is initials run together ("JA") written each with its dot, "J. A.".
func dotted(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, string(r)+".")
	}
	return strings.Join(parts, " ")
}

// initialsName is a name as PubMed and Vancouver write it, the family
// name (its particles first) and then the initials, without dots: "Smith
// J", "van der Berg AM".
var initialsName = regexp.MustCompile(`^((?:(?:` + strings.Join(slices.Sorted(maps.Keys(particles)), "|") + `) )*\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?) (\p{Lu}{1,3})$`)

// initials reports whether s, capitals after a name ("JA"), may be a
// person's initials: not a country's letters, a firm's legal form or a
// regnal number ("UK", "AG", "III").
func initials(s string) bool {
	form, _ := legalForm(s)
	return !placeCodes[s] && !form && !romanNumeral.MatchString(s)
}

var romanNumeral = regexp.MustCompile(`^[IVX]+$`)

// placeCodes are the countries' and unions' letters that follow an
// outlet's or a firm's name ("Reuters UK", "Sky DE"), not a person's
// initials.
var placeCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`UK US USA EU UN AU NZ CA DE FR ES IT NL BE CH AT SE NO DK FI IE PL PT GR IN CN JP KR
		BR MX AR ZA RU UA TR IL AE SA SG HK NYC LA DC`) {
		m[c] = true
	}
	return m
}()

// initialsNames is s, several names written as PubMed writes them
// ("Smith J, Doe JA"), as those names' parts ("{family: Smith, given:
// J.}, {family: Doe, given: J. A.}"), or "" when s is not so written. One
// such name alone is as likely a firm's or an outlet's ("Google LLC",
// "Reuters UK", "Charles III", "Malcolm X"; review h91i): nameLike
// offers it as a person's second.
func initialsNames(s string) string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		m := initialsName.FindStringSubmatch(strings.TrimSpace(p))
		if m == nil || orgName(m[1], true) || orgWord(m[1]) || !initials(m[2]) {
			return "" // "Reuters UK", "Siemens AG", "Deutsche Welle DW"
		}
		out = append(out, personParts(m[1], dotted(m[2]), ""))
	}
	return strings.Join(out, ", ")
}

// nameSeparators stand between people's names in a list of them.
var nameSeparators = regexp.MustCompile(`\s*;\s*(?:(?:and|und|et|&)\s+)?|,?\s+(?:and|und|et|&)\s+`)

// severalNames is s, several people's names written "Family, Given" one
// after another with "and", "&" or ";" between them, as those names'
// parts ("{family: Smith, given: Jane}, {family: Doe, given: John}"), or
// "" when s is not so written.
func severalNames(s string) string {
	parts := nameSeparators.Split(s, -1)
	if len(parts) < 2 {
		return ""
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		family, given, found := strings.Cut(p, ",")
		if !found {
			return ""
		}
		person, _, ok := commaPerson(family, given)
		if form, _ := legalForm(given); !ok || form || orgName(family, true) || orgName(given, false) || orgWord(given) {
			return "" // "Doe, Jane & Partners, AG"
		}
		out[i] = person
	}
	return strings.Join(out, ", ")
}

// firmWords reports whether s, what follows a name's comma, holds a legal
// form among its words: "GmbH & Co. KG", "Inc., The".
func firmWords(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if _, sure := legalForm(w); sure {
			return true
		}
	}
	return false
}

// orgName reports whether s, a part of a name either side of its comma,
// is an organisation's: two words or more, one of them an orgWord
// ("University of California", "Save the Children", "JPMorgan Chase
// Bank", "Regional Bureau for Europe"). One word alone may be a family
// name too ("Post, Emily", "House, Edward M."). After the comma (family
// false), "of", "the" and "and" do not count: "Cleves, Anne of" is a
// person's (review h91h).
func orgName(s string, family bool) bool {
	words := strings.Fields(s)
	if family && len(words) > 0 && particles[words[0]] {
		return false // "de la Court, Pieter"
	}
	return len(words) > 1 && slices.ContainsFunc(words, func(w string) bool {
		switch strings.ToLower(w) {
		case "of", "the", "and":
			return family
		}
		return orgWord(w)
	})
}

// flowScalar is s as a value in a YAML flow mapping ({family: …}): quoted
// when it holds what would end or break the value there (a comma, a
// bracket, a colon and space, a quote, a #).
func flowScalar(s string) string {
	if strings.ContainsAny(s, ",[]{}\"'#") || strings.Contains(s, ": ") || strings.HasPrefix(s, "&") || strings.HasPrefix(s, "*") {
		return strconv.Quote(s)
	}
	// Nor may it read as anything but text: "Null" (Linda Null), "~",
	// "true", a number (review h91g).
	var v any
	if yaml.Unmarshal([]byte(s), &v) != nil {
		return strconv.Quote(s)
	}
	if _, text := v.(string); !text {
		return strconv.Quote(s)
	}
	return s
}

// nameLike is the name s, written whole ("Smith, Jane" or "Reuters"), as
// CSL writes it: like, and or, the other way to write it when s may be
// either, whose name or would be orWhat ("a person's" or "an
// organisation's"). A firm's legal form after the comma ("Meta Platforms,
// Inc.") is taken for a firm's, and where the form is initials or a
// name too ("Jones, LP", "Hutchinson, ASA"), a person's is offered.
func nameLike(s string) (like, or, orWhat string) {
	like = fmt.Sprintf("{literal: %q}", s)
	// Several people's names in one, as BibTeX and reference lists write
	// them ("Smith, Jane and Doe, John", "Smith, Jane; Doe, John"), or as
	// PubMed does ("Smith J, Doe JA"): each its own name (reviews h91g,
	// h91h).
	if names := severalNames(s); names != "" {
		return names, "", ""
	}
	if names := initialsNames(s); strings.Contains(names, "}, {") {
		return names, "", ""
	} else if names != "" {
		return like, names, "a person's"
	}
	if family, given, ok := strings.Cut(s, ","); ok && strings.TrimSpace(given) != "" {
		person, suffix, ok := commaPerson(family, given)
		if !ok {
			// What is left after the comma is no given name ("Jane,
			// Ph.D.", "Jane: editor"): written as a person's, it
			// would publish a garbled one.
			return like, "", ""
		}
		if !suffix {
			if form, sure := legalForm(given); sure || firmWords(given) {
				return like, "", ""
			} else if form || placeCodes[strings.TrimSpace(given)] || orgName(family, true) || orgName(given, false) {
				// "JPMorgan Chase Bank, N.A.", "University of
				// California, Berkeley", "UNHCR, Regional Bureau for
				// Europe" (reviews h91f, h91g).
				return like, person, "a person's"
			}
		}
		return person, "", ""
	}
	if family, given, ok := personName(s); ok {
		return personParts(family, given, ""), like, "an organisation's"
	}
	return like, "", ""
}

// names reads a CSL name list.
func (d *decoder) names(m map[string]*yaml.Node, name string) []briefing.Name {
	var out []briefing.Name
	if v := resolve(m[name]); v != nil && v.Kind == yaml.ScalarNode && !isNull(v) && v.Value != "" {
		// One name alone ("author: Bundesministerium der Justiz"): the
		// list, with the name as CSL writes it.
		like, or, orWhat := nameLike(v.Value)
		if or != "" {
			or = fmt.Sprintf(" (or [%s], if that is %s name)", or, orWhat)
		}
		d.errs.Add(d.pos(v), "%s must be a list, like [%s]%s, not %s: a name is written with its parts", name, like, or, describe(v))
		return nil
	}
	for _, it := range d.list(m, name, "like [{family: Smith, given: Jane}] or [{literal: \"U.S. Department of State\"}]") {
		if v := resolve(it); v.Kind == yaml.ScalarNode {
			like, or, orWhat := nameLike(v.Value)
			if or != "" {
				like += fmt.Sprintf(" (or %s, if that is %s name)", or, orWhat)
			}
			d.errs.Add(d.pos(v), "a name in %s is written with its parts, like %s, not as %s", name, like, describe(v))
			continue
		}
		nm, ok := d.fields(it, "a name in "+name, cslNameParts...)
		if !ok {
			continue
		}
		// A family name that YAML reads as no value, written plain:
		// "family: Null" (Linda Null; review h91g). Told once, and read
		// as written, so that the name is not also told it has no
		// family. Only so capitalised, as a name is: "null" and "~" are
		// no value, as meant (in sources.json always; review h91i).
		if v := resolve(nm["family"]); v != nil && v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "Null" {
			d.errs.Add(d.pos(v), "family: %s is read by YAML as no value, not as a name: write it in quotes, family: %q", v.Value, v.Value)
			nm["family"] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Value, Line: v.Line, Column: v.Column}
		}
		for _, k := range cslNameParts {
			d.checkRefs(resolve(nm[k]), k)
		}
		n := briefing.Name{
			Family:           d.str(nm, "family"),
			Given:            d.str(nm, "given"),
			Literal:          d.str(nm, "literal"),
			Particle:         d.str(nm, "non-dropping-particle"),
			DroppingParticle: d.str(nm, "dropping-particle"),
			Suffix:           d.str(nm, "suffix"),
		}
		// famly: or Family: is told its name once, as an unknown field.
		if n.Family == "" && n.Literal == "" && !d.misspelt(it, "family") && !d.misspelt(it, "literal") {
			d.errs.AddErr(d.pos(resolve(it)), diag.ErrMissingField, "a name in %s has neither family nor literal: write {family: Smith, given: Jane} or {literal: \"Organisation\"}", name)
		}
		out = append(out, n)
	}
	return out
}

// cslDate reads a CSL date that must be a date: {date-parts: [[2024, 12,
// 1]]}, or {raw: "2024-12-01"}; one given as text ({literal: "…"}) is an
// error.
func (d *decoder) cslDate(m map[string]*yaml.Node, name string) *briefing.Date {
	dt, _, _, _ := d.cslDateAs(m, name, false)
	return dt
}

// cslDateAs reads a CSL date: {date-parts: [[2024, 12, 1]]}, or {raw:
// "2024-12-01"}, or, when text is allowed, {literal: "Spring 2019"}, which
// has no parts and is returned as text to be shown as written; its
// season (1 to 4, or the season's name), 0 when it has none; and whether
// it is approximate (circa), which only a date shown in parts can be.
func (d *decoder) cslDateAs(m map[string]*yaml.Node, name string, text bool) (dt *briefing.Date, literal string, season int, circa bool) {
	v, ok := m[name]
	if !ok || isNull(v) {
		return nil, "", 0, false
	}
	if s := resolve(v); s.Kind == yaml.ScalarNode {
		// A date as text, as Pandoc's CSL YAML allows: 2024-12-01.
		str := strings.TrimSpace(s.Value)
		if dt, ok := parseDate(str, true); ok {
			return d.notFar(s, name, dt), "", 0, false
		}
		// Written as asked, but no day of the calendar: told so, not
		// told to write it the way it is written.
		if isoDateRE.MatchString(str) || isoMonthRE.MatchString(str) {
			d.errs.Add(d.pos(s), "the date %s %s is not a real date: the year is 0001 to 9999, the month 01 to 12, and the day a day of that month", name, describe(s))
			return nil, "", 0, false
		}
		d.errs.Add(d.pos(s), "the date %s %s is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY, or as {date-parts: [[2024, 12, 1]]}", name, describe(s))
		return nil, "", 0, false
	}
	dm, ok := d.fields(v, "the date "+name, cslDateParts...)
	if !ok {
		return nil, "", 0, false
	}
	if c, ok := dm["circa"]; ok {
		circa = d.circa(resolve(c), name)
	}
	if s, ok := dm["season"]; ok {
		season = d.season(resolve(s), name)
	}
	dt = d.dateParts(dm, v, name)
	if lv, ok := dm["literal"]; ok && dt == nil {
		if l := resolve(lv); l.Kind == yaml.ScalarNode {
			literal = strings.TrimSpace(l.Value)
		}
		switch {
		case literal == "":
			d.errs.Add(d.pos(resolve(lv)), "%s is given as text, but the text is empty: write the date, or leave %s out", name, name)
		case !text:
			d.errs.Add(d.pos(resolve(lv)), "%s is given as text (%q): give it as a date, like {date-parts: [[2024, 12, 1]]}", name, literal)
			literal = ""
		}
	}
	if s, ok := dm["season"]; ok && season != 0 {
		switch {
		case !text:
			d.errs.Add(d.pos(resolve(s)), "%s has a season, which is not shown: give the date itself, like {date-parts: [[2024, 12, 1]]}", name)
			season = 0
		case literal != "" && namesSeason(literal):
			// "Spring 2019" with season 1: the text says it already.
			d.errs.Add(d.pos(resolve(s)), "%s is given as text, which names its season already, and has a season as well, which is not shown beside the text: remove the season", name)
			season = 0
		case literal != "":
			d.errs.Add(d.pos(resolve(s)), "%s is given as text and has a season, which is not shown beside the text: put the season in the text (%q)", name, briefing.Seasons[season-1]+" "+literal)
			season = 0
		}
	}
	if c, ok := dm["circa"]; ok && circa {
		switch {
		case !text:
			d.errs.Add(d.pos(resolve(c)), "%s is marked circa, which is not shown: give the date itself, or leave circa out", name)
			circa = false
		case dt == nil:
			// A date as text says itself how sure it is; so does one
			// that could not be read, whose problem is reported.
			switch l := strings.ToLower(literal); {
			case literal == "":
			case saysCirca(l):
				d.errs.Add(d.pos(resolve(c)), "%s is given as text, which says circa already, and marked circa as well, which is not shown beside the text: remove circa", name)
			default:
				d.errs.Add(d.pos(resolve(c)), "%s is given as text and marked circa, which is not shown beside the text: put it in the text (%q)", name, "ca. "+literal)
			}
			circa = false
		}
	}
	return dt, literal, season, circa
}

// circa reads a CSL date's circa: true or false (CSL also allows 1 and 0).
func (d *decoder) circa(v *yaml.Node, name string) bool {
	switch strings.ToLower(strings.TrimSpace(v.Value)) {
	case "true", "1", "yes":
		if v.Kind == yaml.ScalarNode {
			return true
		}
	case "false", "0", "no":
		if v.Kind == yaml.ScalarNode {
			return false
		}
	}
	d.errs.Add(d.pos(v), "circa in %s must be true or false, not %s", name, describe(v))
	return false
}

// season reads a CSL date's season: 1 to 4, or the season's name.
func (d *decoder) season(v *yaml.Node, name string) int {
	if v.Kind == yaml.ScalarNode {
		s := strings.TrimSpace(v.Value)
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 4 {
			return n
		}
		for i, season := range briefing.Seasons {
			if strings.EqualFold(s, season) || (i == 2 && strings.EqualFold(s, "fall")) {
				return i + 1
			}
		}
	}
	d.errs.Add(d.pos(v), "the season of %s must be 1 to 4 (spring, summer, autumn, winter), not %s", name, describe(v))
	return 0
}

// dateParts reads the parts of the CSL date v (its fields dm): its
// date-parts, or its raw date; nil when it has neither (a date given as
// text), or they are not a date, which is reported.
func (d *decoder) dateParts(dm map[string]*yaml.Node, v *yaml.Node, name string) *briefing.Date {
	if raw, ok := dm["raw"]; ok {
		if dt, ok := parseDate(strings.TrimSpace(resolve(raw).Value), true); ok {
			return d.notFar(resolve(raw), name, dt)
		}
		d.errs.Add(d.pos(resolve(raw)), "%s %s is not a date: write {date-parts: [[2024, 12, 1]]}", name, describe(raw))
		return nil
	}
	parts, ok := dm["date-parts"]
	if !ok {
		if _, lit := dm["literal"]; !lit {
			d.errs.AddErr(d.pos(resolve(v)), diag.ErrMissingField, "%s has no date-parts: write {date-parts: [[2024, 12, 1]]}", name)
		}
		return nil
	}
	parts = resolve(parts)
	bad := func(n *yaml.Node) *briefing.Date {
		d.errs.Add(d.pos(resolve(n)), "%s: date-parts must be a list holding one list of year, month and day, like [[2024, 12, 1]]", name)
		return nil
	}
	if parts.Kind != yaml.SequenceNode || len(parts.Content) == 0 || resolve(parts.Content[0]).Kind != yaml.SequenceNode {
		return bad(parts)
	}
	first := resolve(parts.Content[0])
	if len(first.Content) == 0 || len(first.Content) > 3 {
		return bad(first)
	}
	var nums [3]int
	for i, c := range first.Content {
		c = resolve(c)
		n, err := strconv.Atoi(strings.TrimSpace(c.Value))
		if c.Kind != yaml.ScalarNode || err != nil {
			return bad(c)
		}
		nums[i] = n
	}
	dt := briefing.Date{Year: nums[0], Month: nums[1], Day: nums[2]}
	// A problem is placed at the part that has it: the month, else the
	// day; a date too far ahead at its year.
	at := first.Content[0]
	switch {
	case dt.Month < 0 || dt.Month > 12 || (dt.Day > 0 && dt.Month == 0):
		at = first.Content[1]
	case dt.Day < 0 || dt.Day > 31 || (dt.Day > 0 && dt.Time().Day() != dt.Day):
		at = first.Content[2]
	default:
		return d.notFar(resolve(at), name, &dt)
	}
	d.errs.Add(d.pos(resolve(at)), "%s %s is not a real date: give year, month (1–12) and day", name, dt.ISO())
	return nil
}

// jsonNode parses JSON into a yaml.Node tree with the line and column of every
// value, so that CSL-JSON is checked by the same code as CSL-YAML.
func jsonNode(text, file string, errs *diag.List) (*yaml.Node, bool) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	lp := newLinePos(text)
	// start returns the offset where the next token starts.
	start := func() int {
		off := int(dec.InputOffset())
		for off < len(text) && strings.IndexByte(" \t\r\n,:", text[off]) >= 0 {
			off++
		}
		return off
	}
	var parse func() (*yaml.Node, error)
	parse = func() (*yaml.Node, error) {
		off := start()
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		line, col := lp.at(off)
		n := &yaml.Node{Line: line, Column: col}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				n.Kind, n.Tag = yaml.MappingNode, "!!map"
				for dec.More() {
					koff := start()
					kt, err := dec.Token()
					if err != nil {
						return nil, err
					}
					kl, kc := lp.at(koff)
					key, _ := kt.(string)
					v, err := parse()
					if err != nil {
						return nil, err
					}
					n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kl, Column: kc}, v)
				}
			case '[':
				n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
				for dec.More() {
					v, err := parse()
					if err != nil {
						return nil, err
					}
					n.Content = append(n.Content, v)
				}
			}
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return nil, err
			}
		case string:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
		case json.Number:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		case bool:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
		case nil:
			n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
		}
		return n, nil
	}
	root, err := parse()
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = fmt.Errorf("unexpected text after the end of the JSON value")
		}
	}
	if err != nil {
		at := func(i int) diag.Pos {
			l, c := lp.at(i)
			return diag.Pos{File: file, Line: l, Col: c}
		}
		off := int(dec.InputOffset())
		var se *json.SyntaxError
		// The decoder counts the offset of an error inside a value (a
		// text not closed, a word without quotes) from where it began the
		// value, not from the top of the file: the whole text, read at
		// once, places each error from the top.
		if asSyntax(err, &se) {
			var whole any
			off = int(se.Offset)
			if uerr := json.Unmarshal([]byte(text), &whole); asSyntax(uerr, &se) {
				err, off = se, int(se.Offset)
			}
		}
		off = min(off, len(text))
		// The offset is just past the character refused.
		bad := off - 1
		if bad >= 0 && (text[bad] == ']' || text[bad] == '}') {
			// A comma before a closing bracket: JSON allows none.
			comma := bad - 1
			for comma > 0 && strings.ContainsRune(" \t\r\n", rune(text[comma])) {
				comma--
			}
			if comma >= 0 && text[comma] == ',' {
				errs.Add(at(comma), "this is not valid JSON: a comma before %c, after the last entry, is not allowed in JSON: remove it", text[bad])
				return nil, false
			}
		}
		where := off // at the end of what was read, or (a syntax error) at the character refused
		if se != nil {
			where = max(bad, 0)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			errs.Add(at(where), "this is not valid JSON: the file ends before every [ and { in it is closed: check for a missing ] or }")
			return nil, false
		}
		if se != nil && bad >= 0 {
			msg := se.Error()
			switch c := text[bad]; {
			case strings.HasSuffix(msg, "looking for beginning of value") && c == '\'':
				errs.Add(at(bad), "this is not valid JSON: JSON puts text between double quotes (\"…\"), not single ones")
				return nil, false
			case strings.HasSuffix(msg, "looking for beginning of value") && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
				errs.Add(at(bad), "this is not valid JSON: text must be between double quotes (\"…\"); only numbers, true, false and null go without")
				return nil, false
			case strings.HasSuffix(msg, "in string literal"):
				// A line break or a tab in a text: most often a text whose
				// closing quote is missing, which ran on to the line's end.
				open := strings.LastIndexByte(text[:bad], '"')
				if c == '\n' || c == '\r' {
					errs.Add(at(max(open, 0)), "this is not valid JSON: the text that opens here is not closed on its line: end it with \"")
				} else {
					errs.Add(at(bad), "this is not valid JSON: a text may not hold a tab or another control character: write a tab as \\t, or a space")
				}
				return nil, false
			case strings.HasSuffix(msg, "in string escape code"):
				errs.Add(at(strings.LastIndexByte(text[:bad+1], '\\')), "this is not valid JSON: a \\ in a text starts an escape (\\\" for a quote, \\n for a new line): write \\\\ for a backslash itself")
				return nil, false
			}
		}
		errs.Add(at(where), "this is not valid JSON (%v): check for a missing comma, quote or bracket", err)
		return nil, false
	}
	return root, true
}

func asSyntax(err error, target **json.SyntaxError) bool {
	se, ok := err.(*json.SyntaxError)
	if ok {
		*target = se
	}
	return ok
}

// linePos turns byte offsets into 1-based lines and character columns.
type linePos struct {
	text   string
	starts []int
}

func newLinePos(text string) *linePos {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &linePos{text: text, starts: starts}
}

func (lp *linePos) at(off int) (line, col int) {
	lo, hi := 0, len(lp.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if lp.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, 1 + utf8.RuneCount([]byte(lp.text[lp.starts[lo]:off]))
}

// seasonWords are the words for the seasons a date given as text may use:
// CSL's four, with "fall" for autumn.
var seasonWords = []string{"spring", "summer", "autumn", "fall", "winter"}

// namesSeason says whether a date given as text names a season, as a word
// of its own ("Fall 2019", not "Springfield").
func namesSeason(literal string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(literal), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if slices.Contains(seasonWords, w) {
			return true
		}
	}
	return false
}

// saysCirca says whether a date given as text (in lower case) starts by
// saying it is approximate: "ca. 1850", "ca 1850", "c. 1850", "circa
// 1850", "about 1850", "approx. 1850".
func saysCirca(l string) bool { return circaRE.MatchString(strings.TrimSpace(l)) }

// circaRE matches the start of a date in words that says it is
// approximate, with or without a space before the year ("ca.1850").
var circaRE = regexp.MustCompile(`^(?:ca|c|circa|about|approx|approximately)(?:\.|\s|\d|$)`)
