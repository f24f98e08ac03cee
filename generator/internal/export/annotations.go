package export

import (
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// AnnotationsFile is the site path of the Web Annotation collection.
const AnnotationsFile = "annotations.jsonld"

// QuoteContext is how many characters of text before and after a passage
// its TextQuoteSelector carries as prefix and suffix.
const QuoteContext = 32

// The Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
// and the collection and page types of its Protocol.
type (
	annotationCollection struct {
		Context string         `json:"@context"`
		ID      string         `json:"id"`
		Type    string         `json:"type"`
		Label   string         `json:"label"`
		Total   int            `json:"total"`
		First   annotationPage `json:"first"`
		Last    string         `json:"last"`
	}
	annotationPage struct {
		ID         string       `json:"id"`
		Type       string       `json:"type"`
		PartOf     string       `json:"partOf"`
		StartIndex int          `json:"startIndex"`
		Items      []annotation `json:"items"`
	}
	annotation struct {
		ID         string         `json:"id"`
		Type       string         `json:"type"`
		Motivation string         `json:"motivation"`
		Body       []textualBody  `json:"body"`
		Target     specificTarget `json:"target"`
	}
	textualBody struct {
		Type     string `json:"type"`
		Value    string `json:"value"`
		Format   string `json:"format,omitempty"`
		Language string `json:"language,omitempty"`
		Purpose  string `json:"purpose"`
	}
	specificTarget struct {
		Type     string `json:"type"`
		Source   string `json:"source"`
		Scope    string `json:"scope"`
		Selector []any  `json:"selector"`
	}
	textQuoteSelector struct {
		Type   string `json:"type"`
		Exact  string `json:"exact"`
		Prefix string `json:"prefix"`
		Suffix string `json:"suffix"`
	}
	textPositionSelector struct {
		Type  string `json:"type"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}
)

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

// Annotations returns the W3C Web Annotation collection of every note, in
// the briefing's reading order: one page, embedded in the collection.
//
// Each annotation targets the original article (source) as reproduced on
// the briefing's page (scope), selected by a TextQuoteSelector (the passage,
// with up to QuoteContext characters before and after it) and a
// TextPositionSelector (code points in the article's text). Its bodies are
// the note (HTML, purpose "commenting", or "describing"/"editing" for those
// kinds) and, for a fact check, the verdict (purpose "assessing").
func Annotations(b *Briefing) []byte {
	self := b.url(AnnotationsFile, AnnotationsFile)
	if self == "" {
		self = AnnotationsFile
	}
	page := self + "#page-1"
	var items []annotation
	for _, a := range b.Order {
		ra := b.Rendered[a.Slug]
		if ra == nil {
			continue
		}
		local := b.url(AnnotationsFile, ArticlePage(a.Slug))
		at := passages(ra)
		for i, n := range ra.Notes {
			purpose := Motivation(n.Kind)
			if purpose == "assessing" {
				purpose = "commenting" // the note explains; the verdict assesses
			}
			body := []textualBody{{Type: "TextualBody", Value: n.HTML, Format: "text/html", Language: "en", Purpose: purpose}}
			if n.Verdict != "" {
				body = append(body, textualBody{Type: "TextualBody", Value: n.Verdict.Label(), Format: "text/plain", Language: "en", Purpose: "assessing"})
			}
			start, end := at[i][0], at[i][1]
			items = append(items, annotation{
				ID:         self + "#" + a.Slug + "/" + n.ID,
				Type:       "Annotation",
				Motivation: Motivation(n.Kind),
				Body:       body,
				Target: specificTarget{
					Type:   "SpecificResource",
					Source: a.URL,
					Scope:  local,
					Selector: []any{
						textQuoteSelector{Type: "TextQuoteSelector", Exact: ra.Text[n.Start:n.End],
							Prefix: lastChars(ra.Text[:n.Start], QuoteContext), Suffix: firstChars(ra.Text[n.End:], QuoteContext)},
						textPositionSelector{Type: "TextPositionSelector", Start: start, End: end},
					},
				},
			})
		}
	}
	if items == nil {
		items = []annotation{}
	}
	return marshal(annotationCollection{
		Context: "http://www.w3.org/ns/anno.jsonld",
		ID:      self,
		Type:    "AnnotationCollection",
		Label:   b.Index.Title,
		Total:   len(items),
		First:   annotationPage{ID: page, Type: "AnnotationPage", PartOf: self, StartIndex: 0, Items: items},
		Last:    page,
	}, false)
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
