package export

import (
	"slices"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// ModelFile is the site path of the JSON dump of the briefing.
const ModelFile = "briefing.json"

// ModelVersion is the version of briefing.json's shape; it changes only when
// a field is removed or changes meaning.
const ModelVersion = 1

// The shape of briefing.json (version 1): an object with "version",
// "base_url" (omitted when empty), "title", "publisher", "publisher_url",
// "published" (YYYY-MM-DD), "summary" and "overview" (each omitted when empty), "timeline" [{date, text, cites}] (in date order, as
// the site numbers it: the first is index.html#event-1), "articles" [{slug, page,
// title, outlet, url, published, date_note, author, language (the
// article's language tag, as its front matter gives it; each omitted when
// empty), relies_on, summary (omitted when empty), markdown, text, notes [{id,
// number, kind, verdict, claimant and claimant_type, claim (each omitted
// when empty), quote, start, end, note, note_html, cites}]}], "claims" [{id,
// statement, verdict, claimant and claimant_type (omitted when empty),
// note, cites}], "sources" (CSL-JSON items), "verdicts" [{verdict, label, rating
// (omitted when it has none)}] and "kinds" [{kind, label, motivation}].
// Markdown fields hold the briefing's own Markdown; note_html is the note as
// the site shows it. The file is compact JSON with <, > and & as they are,
// but in the sources, which are written as CSL-JSON is (escaped).

// claimant writes who made a fact check's claim, when the note or claim
// names one: "claimant", and "claimant_type" ("person" or "organization").
func claimant(w *JSON, c briefing.Claimant) {
	if c.Name != "" {
		w.Field("claimant", c.Name)
		w.Field("claimant_type", c.Type())
	}
}

// Model returns briefing.json: the whole briefing as loaded and anchored,
// for other tools. Articles come in reading order; notes in the order of
// their markers, with start and end in code points of the article's text;
// sources as CSL-JSON.
func Model(b *Briefing) []byte { return ModelOf(b, b.Parts()) }

// ModelOf is Model made of the articles' parts (parts[i] is Part of
// b.Order[i]).
func ModelOf(b *Briefing, parts []*Part) []byte {
	ps := make([][]byte, len(parts))
	for i, p := range parts {
		ps[i] = p.model
	}
	return join(b.modelHead(), ps, "]", b.modelTail())
}

// modelHead is briefing.json up to its articles' array, opened.
func (b *Briefing) modelHead() []byte {
	head := &JSON{B: make([]byte, 0, 1024+len(b.Index.Body.Text))}
	head.Open('{')
	head.Key("version")
	head.Int(ModelVersion)
	head.OmitEmpty("base_url", b.BaseURL)
	head.Field("title", b.Index.Title)
	head.OmitEmpty("publisher", b.Index.Publisher)
	head.OmitEmpty("publisher_url", b.Index.PublisherURL)
	if d := b.Index.Published; d != nil {
		head.Field("published", d.ISO())
	}
	head.OmitEmpty("summary", b.Index.Summary)
	head.OmitEmpty("overview", b.Index.Body.Text)
	head.Key("timeline")
	head.Open('[')
	for _, e := range b.Index.SortedTimeline() {
		head.Open('{')
		head.Field("date", e.Date.ISO())
		head.Field("text", e.Text.Text)
		head.Key("cites")
		refs(head, e.Cites)
		head.Close('}')
	}
	head.Close(']')
	head.Key("articles")
	return append(head.B, '[')
}

// modelTail is briefing.json after its articles' array.
func (b *Briefing) modelTail() []byte {
	tail := &JSON{B: make([]byte, 0, 4096+len(b.Claims)*512+len(b.Sources)*512)}
	tail.Within(1)
	tail.Key("claims")
	tail.Open('[')
	for _, c := range b.Claims {
		tail.Open('{')
		tail.Field("id", c.ID)
		tail.Field("statement", c.Statement)
		tail.Field("verdict", string(c.Verdict))
		claimant(tail, c.Claimant)
		tail.Field("note", c.Body.Text)
		tail.Key("cites")
		refs(tail, c.Cites)
		tail.Close('}')
	}
	tail.Close(']')
	tail.Key("sources")
	tail.Open('[')
	for _, s := range b.Sources {
		tail.Raw(cslJSON(s))
	}
	tail.Close(']')
	tail.Key("verdicts")
	tail.Open('[')
	for _, v := range briefing.Verdicts {
		tail.Open('{')
		tail.Field("verdict", string(v))
		tail.Field("label", v.Label())
		if r, _ := RatingValue(v); r != 0 {
			tail.Key("rating")
			tail.Int(r)
		}
		tail.Close('}')
	}
	tail.Close(']')
	tail.Key("kinds")
	tail.Open('[')
	for _, k := range briefing.Kinds {
		tail.Open('{')
		tail.Field("kind", string(k))
		tail.Field("label", k.Label())
		tail.Field("motivation", Motivation(k))
		tail.Close('}')
	}
	tail.Close(']')
	tail.Close('}')
	return append(tail.B, '\n')
}

// modelArticle writes an article's object in briefing.json's articles.
func (b *Briefing) modelArticle(w *JSON, a *briefing.Article, ra *render.Article) {
	w.Open('{')
	w.Field("slug", a.Slug)
	w.Field("page", ArticlePage(a.Slug))
	w.Field("title", a.Title)
	w.Field("outlet", a.Outlet)
	w.Field("url", a.URL)
	if a.Published != nil {
		w.Field("published", a.Published.ISO())
	}
	w.OmitEmpty("date_note", a.DateNote)
	w.OmitEmpty("author", a.Author)
	w.OmitEmpty("language", a.Language)
	w.Key("relies_on")
	w.Strings(a.ReliesOn)
	w.OmitEmpty("summary", a.Summary)
	w.Field("markdown", a.Body.Text)
	w.Key("text")
	if ra == nil {
		w.String("")
		w.Key("notes")
		w.Strings(nil)
		w.Close('}')
		return
	}
	w.String(ra.Text)
	w.Key("notes")
	w.Open('[')
	at := passages(ra)
	for i, n := range ra.Notes {
		w.Open('{')
		w.Field("id", n.ID)
		w.Key("number")
		w.Int(n.Number)
		w.Field("kind", string(n.Kind))
		w.OmitEmpty("verdict", string(n.Verdict))
		claimant(w, n.Claimant)
		w.OmitEmpty("claim", n.Claim.ID)
		w.Field("quote", n.Quote)
		w.Key("start")
		w.Int(at[i][0])
		w.Key("end")
		w.Int(at[i][1])
		w.Field("note", n.Body.Text)
		w.Field("note_html", b.noteHTML(n.HTML, a.Slug))
		w.Key("cites")
		refs(w, n.Note.Cites)
		w.Close('}')
	}
	w.Close(']')
	w.Close('}')
}

// refs writes the ids of refs as an array.
func refs(w *JSON, refs []briefing.Ref) {
	w.Open('[')
	for _, r := range refs {
		w.String(r.ID)
	}
	w.Close(']')
}

// cslJSON is a source as CSL-JSON, the format it was written in, with the
// CSL variables the generator does not model (Source.Other) beside the ones
// it does; then, as encoding/json writes a map, every key is in sorted
// order. Strings are escaped as encoding/json escapes them by default (<, >
// and & too).
func cslJSON(s *briefing.Source) []byte {
	other := len(s.Other) > 0
	w := &JSON{HTML: true}
	type field struct {
		key string
		w   *JSON
	}
	var fields []field
	// put starts the value of key: on w, in the order of the fields, or,
	// with other variables, on a writer of its own, to be sorted.
	put := func(key string) *JSON {
		if !other {
			w.Key(key)
			return w
		}
		v := &JSON{HTML: true}
		fields = append(fields, field{key, v})
		return v
	}
	str := func(key, val string) {
		if val != "" {
			put(key).String(val)
		}
	}
	names := func(key string, ns []briefing.Name) {
		if len(ns) == 0 {
			return
		}
		w := put(key)
		w.Open('[')
		for _, n := range ns {
			w.Open('{')
			w.OmitEmpty("family", n.Family)
			w.OmitEmpty("given", n.Given)
			w.OmitEmpty("literal", n.Literal)
			w.OmitEmpty("non-dropping-particle", n.Particle)
			w.OmitEmpty("dropping-particle", n.DroppingParticle)
			w.OmitEmpty("suffix", n.Suffix)
			w.Close('}')
		}
		w.Close(']')
	}
	date := func(key string, d *briefing.Date, literal string, season int, circa bool) {
		if d == nil && literal == "" {
			return
		}
		w := put(key)
		w.Open('{')
		if d == nil {
			w.Key("literal")
			w.String(literal)
			w.Close('}')
			return
		}
		w.Key("date-parts")
		w.Open('[')
		w.Open('[')
		w.Int(d.Year)
		if d.Month > 0 {
			w.Int(d.Month)
			if d.Day > 0 {
				w.Int(d.Day)
			}
		}
		w.Close(']')
		w.Close(']')
		if season > 0 {
			w.Key("season")
			w.Int(season)
		}
		if circa {
			w.Key("circa")
			w.Bool(true)
		}
		w.Close('}')
	}
	w.Open('{')
	put("id").String(s.ID)
	put("type").String(s.Type)
	names("author", s.Author)
	names("editor", s.Editor)
	date("issued", s.Issued, s.IssuedLiteral, s.IssuedSeason, s.IssuedCirca)
	str("title", s.Title)
	str("container-title", s.ContainerTitle)
	str("collection-title", s.CollectionTitle)
	str("volume", s.Volume)
	str("issue", s.Issue)
	str("page", s.Page)
	str("publisher", s.Publisher)
	str("publisher-place", s.PublisherPlace)
	str("number", s.Number)
	str("genre", s.Genre)
	str("DOI", s.DOI)
	str("URL", s.URL)
	date("accessed", s.Accessed, "", 0, false)
	str("note", s.Note)
	if other {
		taken := make(map[string]bool, len(fields))
		for _, f := range fields {
			taken[f.key] = true
		}
		for k, v := range s.Other {
			if !taken[k] {
				fields = append(fields, field{k, &JSON{B: AppendString(nil, v, true)}})
			}
		}
		slices.SortFunc(fields, func(a, b field) int { return strings.Compare(a.key, b.key) })
		for i, f := range fields {
			if i > 0 {
				w.B = append(w.B, ',')
			}
			w.B = AppendString(w.B, f.key, true)
			w.B = append(w.B, ':')
			w.B = append(w.B, f.w.B...)
		}
	}
	w.Close('}')
	return w.B
}
