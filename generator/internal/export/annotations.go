package export

import (
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// AnnotationsFile is the site path of the Web Annotation collection.
const AnnotationsFile = "annotations.jsonld"

// QuoteContext is how many characters of text before and after a passage
// its TextQuoteSelector carries as prefix and suffix.
const QuoteContext = 32

// Motivation is the Web Annotation motivation of a kind of note: a fact
// check assesses, a correction edits, a definition describes, and context
// and background notes comment.
func Motivation(k briefing.Kind) string {
	switch k {
	case briefing.KindFactCheck:
		return "assessing"
	case briefing.KindCorrection:
		return "editing"
	case briefing.KindDefinition:
		return "describing"
	}
	return "commenting"
}

// Annotations returns the W3C Web Annotation collection
// (https://www.w3.org/TR/annotation-model/) of every note, in the briefing's
// reading order: one AnnotationPage, embedded in the AnnotationCollection.
//
// Each annotation targets the original article (source) as reproduced on
// the briefing's page (scope), selected by a TextQuoteSelector (the passage,
// with up to QuoteContext characters before and after it). The source is
// the article's address, or, for an article in another language than the
// site's (briefing.Foreign), an object with its address as id and its
// language: the model's "language" is a property of the External Web
// Resource (3.2.1), the outlet's page, that the selector selects from;
// the bodies, the notes, are in the site's language. A selector
// selects from the source, the outlet's page, so there is no
// TextPositionSelector: the passage's place in the article's text, which
// does not start that page, is in briefing.json. Its bodies are the note
// (HTML, purpose "commenting", or "describing"/"editing" for those kinds)
// and, for a fact check, the verdict (purpose "assessing"); its creator is
// the briefing's publisher, or the briefing, as for its ClaimReviews.
func Annotations(b *Briefing) []byte { return AnnotationsOf(b, b.Parts()) }

// AnnotationsOf is Annotations made of the articles' parts (parts[i] is
// Part of b.Order[i]).
func AnnotationsOf(b *Briefing, parts []*Part) []byte {
	total := 0
	ps := make([][]byte, len(parts))
	for i, p := range parts {
		total += p.annotations
		ps[i] = p.annotationItems
	}
	return join(b.annotationsHead(total), ps, "]", b.annotationsTail())
}

// annotationsHead is annotations.jsonld, of total annotations, up to its
// items' array, opened.
func (b *Briefing) annotationsHead(total int) []byte {
	self := b.annotationsURL()
	page := self + "#page-1"
	head := &JSON{B: make([]byte, 0, 256+3*len(self)+len(b.Index.Title))}
	head.Open('{')
	head.Field("@context", "http://www.w3.org/ns/anno.jsonld")
	head.Field("id", self)
	head.Field("type", "AnnotationCollection")
	head.Field("label", b.Index.Title)
	head.Key("total")
	head.Int(total)
	head.Key("first")
	head.Open('{')
	head.Field("id", page)
	head.Field("type", "AnnotationPage")
	head.Field("partOf", self)
	head.Key("startIndex")
	head.Int(0)
	head.Key("items")
	return append(head.B, '[')
}

// annotationsTail is annotations.jsonld after its items' array.
func (b *Briefing) annotationsTail() []byte {
	page := b.annotationsURL() + "#page-1"
	tail := &JSON{B: make([]byte, 0, 64+len(page))}
	tail.Within(2) // in "first", after its items
	tail.Close('}')
	tail.Key("last")
	tail.String(page)
	tail.Close('}')
	return append(tail.B, '\n')
}

// annotationsURL is the collection's own address.
func (b *Briefing) annotationsURL() string {
	if self := b.url(AnnotationsFile, AnnotationsFile); self != "" {
		return self
	}
	return AnnotationsFile
}

// annotationItems writes the annotations of an article's notes, each after
// a comma, as elements of the collection's items.
func (b *Briefing) annotationItems(a *briefing.Article, ra *render.Article) []byte {
	size := 0
	for _, n := range ra.Notes {
		size += 768 + len(n.HTML) + 2*(n.End-n.Start)
	}
	w := &JSON{B: make([]byte, 0, size)}
	w.Within(3)
	self := b.annotationsURL()
	local := b.url(AnnotationsFile, ArticlePage(a.Slug))
	for _, n := range ra.Notes {
		purpose := Motivation(n.Kind)
		if purpose == "assessing" {
			purpose = "commenting" // the note explains; the verdict assesses
		}
		w.Open('{')
		w.Field("id", self+"#"+a.Slug+"/"+n.ID)
		w.Field("type", "Annotation")
		w.Field("motivation", Motivation(n.Kind))
		w.Key("creator")
		b.annotator(w)
		w.Key("body")
		w.Open('[')
		textualBody(w, b.noteHTML(n.HTML, a.Slug), "text/html", purpose)
		if n.Verdict != "" {
			textualBody(w, n.Verdict.Label(), "text/plain", "assessing")
		}
		w.Close(']')
		w.Key("target")
		w.Open('{')
		w.Field("type", "SpecificResource")
		w.Key("source")
		if lang := briefing.Foreign(a.Language); lang != "" {
			w.Open('{')
			w.Field("id", a.URL)
			w.Field("language", lang)
			w.Close('}')
		} else {
			w.String(a.URL)
		}
		w.Field("scope", local)
		w.Key("selector")
		w.Open('[')
		w.Open('{')
		w.Field("type", "TextQuoteSelector")
		w.Field("exact", ra.Text[n.Start:n.End])
		w.OmitEmpty("prefix", lastChars(ra.Text[:n.Start], QuoteContext))
		w.OmitEmpty("suffix", firstChars(ra.Text[n.End:], QuoteContext))
		w.Close('}')
		w.Close(']')
		w.Close('}')
		w.Close('}')
	}
	return w.B
}

// annotator writes who made the annotations, as the Web Annotation model
// asks of each: the briefing's publisher (publisher and publisher_url in
// content/_index.md), or without one the briefing itself, by its title and
// home page, as its ClaimReviews name their author (endReview). No
// "created": the model wants a time, and the briefing gives at most a day.
func (b *Briefing) annotator(w *JSON) {
	name, home := b.Index.Publisher, b.Index.PublisherURL
	if name == "" {
		name, home = b.Index.Title, b.home(AnnotationsFile)
	}
	w.Open('{')
	w.Field("type", "Organization")
	w.Field("name", name)
	w.OmitEmpty("homepage", home)
	w.Close('}')
}

func textualBody(w *JSON, value, format, purpose string) {
	w.Open('{')
	w.Field("type", "TextualBody")
	w.Field("value", value)
	w.Field("format", format)
	w.Field("language", "en")
	w.Field("purpose", purpose)
	w.Close('}')
}

// lastChars returns the last n code points of s.
func lastChars(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstChars returns the first n code points of s.
func firstChars(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
