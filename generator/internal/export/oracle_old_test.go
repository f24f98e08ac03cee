// The exports as they were written with encoding/json's reflection, kept as
// the oracle of the append-style encoders (oracle_test.go compares them,
// byte for byte). A note's HTML goes in as the exports carry it
// (noteHTML: its relative links made the site root's, 0378dd9), which
// came after this encoder and is tested on its own (TestNoteLinksInExports);
// so, since 2026-12-07, are a note's and a claim's claimant, the
// annotations' creator and their one selector, which the oracles compute
// as the new code does, mirroring rather than checking it
// (checkAnnotations, TestArticleReviews, TestClaimReviews): what is
// compared here is the encoding.

package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// The shape of briefing.json. Markdown fields hold the briefing's own
// Markdown; note_html is the note as the site shows it.
type (
	oldModelDoc struct {
		Version  int                `json:"version"`
		BaseURL  string             `json:"base_url,omitempty"`
		Title    string             `json:"title"`
		Pub      string             `json:"publisher,omitempty"`
		PubURL   string             `json:"publisher_url,omitempty"`
		Date     string             `json:"published,omitempty"`
		Summary  string             `json:"summary,omitempty"`
		Overview string             `json:"overview,omitempty"`
		Timeline []oldModelEvent    `json:"timeline"`
		Articles []oldModelArticle  `json:"articles"`
		Claims   []oldModelClaim    `json:"claims"`
		Sources  []oldCslItem       `json:"sources"`
		Verdicts []oldModelVerdict  `json:"verdicts"`
		Kinds    []oldModelKindName `json:"kinds"`
	}
	oldModelEvent struct {
		Date  string   `json:"date"`
		Text  string   `json:"text"`
		Cites []string `json:"cites"`
	}
	oldModelArticle struct {
		Slug      string         `json:"slug"`
		Page      string         `json:"page"`
		Title     string         `json:"title"`
		Outlet    string         `json:"outlet"`
		URL       string         `json:"url"`
		Published string         `json:"published,omitempty"`
		DateNote  string         `json:"date_note,omitempty"`
		Author    string         `json:"author,omitempty"`
		Language  string         `json:"language,omitempty"`
		ReliesOn  []string       `json:"relies_on"`
		Summary   string         `json:"summary,omitempty"`
		Markdown  string         `json:"markdown"`
		Text      string         `json:"text"`
		Notes     []oldModelNote `json:"notes"`
	}
	oldModelNote struct {
		ID           string   `json:"id"`
		Number       int      `json:"number"`
		Kind         string   `json:"kind"`
		Verdict      string   `json:"verdict,omitempty"`
		Claimant     string   `json:"claimant,omitempty"`
		ClaimantType string   `json:"claimant_type,omitempty"`
		Claim        string   `json:"claim,omitempty"`
		Quote        string   `json:"quote"`
		Start        int      `json:"start"`
		End          int      `json:"end"`
		Note         string   `json:"note"`
		NoteHTML     string   `json:"note_html"`
		Cites        []string `json:"cites"`
	}
	oldModelClaim struct {
		ID           string   `json:"id"`
		Statement    string   `json:"statement"`
		Verdict      string   `json:"verdict"`
		Claimant     string   `json:"claimant,omitempty"`
		ClaimantType string   `json:"claimant_type,omitempty"`
		Note         string   `json:"note"`
		Cites        []string `json:"cites"`
	}
	oldModelVerdict struct {
		Verdict string `json:"verdict"`
		Label   string `json:"label"`
		Rating  int    `json:"rating,omitempty"`
	}
	oldModelKindName struct {
		Kind       string `json:"kind"`
		Label      string `json:"label"`
		Motivation string `json:"motivation"`
	}
)

// oldModel returns briefing.json: the whole briefing as loaded and anchored,
// for other tools. Articles come in reading order; notes in the order of
// their markers, with start and end in code points of the article's text;
// sources as CSL-JSON.
func oldModel(b *Briefing) []byte {
	m := oldModelDoc{
		Version: ModelVersion, BaseURL: b.BaseURL,
		Title: b.Index.Title, Pub: b.Index.Publisher, PubURL: b.Index.PublisherURL, Date: b.oldPublished(), Summary: b.Index.Summary, Overview: b.Index.Body.Text,
		Timeline: []oldModelEvent{}, Articles: []oldModelArticle{}, Claims: []oldModelClaim{}, Sources: []oldCslItem{},
	}
	for _, e := range b.Index.SortedTimeline() {
		m.Timeline = append(m.Timeline, oldModelEvent{Date: e.Date.ISO(), Text: e.Text.Text, Cites: oldIds(e.Cites)})
	}
	for _, a := range b.Order {
		ma := oldModelArticle{
			Slug: a.Slug, Page: ArticlePage(a.Slug), Title: a.Title, Outlet: a.Outlet, URL: a.URL,
			DateNote: a.DateNote, Author: a.Author, Language: a.Language, ReliesOn: oldNonNil(a.ReliesOn), Summary: a.Summary,
			Markdown: a.Body.Text, Notes: []oldModelNote{},
		}
		if a.Published != nil {
			ma.Published = a.Published.ISO()
		}
		if ra := b.Rendered[a.Slug]; ra != nil {
			ma.Text = ra.Text
			at := passages(ra)
			for i, n := range ra.Notes {
				ma.Notes = append(ma.Notes, oldModelNote{
					ID: n.ID, Number: n.Number, Kind: string(n.Kind), Verdict: string(n.Verdict), Claim: n.Claim.ID,
					Claimant: n.Claimant.Name, ClaimantType: oldClaimantType(n.Claimant),
					Quote: n.Quote, Start: at[i][0], End: at[i][1],
					Note: n.Body.Text, NoteHTML: b.noteHTML(n.HTML, a.Slug), Cites: oldIds(n.Note.Cites),
				})
			}
		}
		m.Articles = append(m.Articles, ma)
	}
	for _, c := range b.Claims {
		m.Claims = append(m.Claims, oldModelClaim{ID: c.ID, Statement: c.Statement, Verdict: string(c.Verdict),
			Claimant: c.Claimant.Name, ClaimantType: oldClaimantType(c.Claimant), Note: c.Body.Text, Cites: oldIds(c.Cites)})
	}
	for _, s := range b.Sources {
		m.Sources = append(m.Sources, oldCsl(s))
	}
	for _, v := range briefing.Verdicts {
		r, _ := RatingValue(v)
		m.Verdicts = append(m.Verdicts, oldModelVerdict{Verdict: string(v), Label: v.Label(), Rating: r})
	}
	for _, k := range briefing.Kinds {
		m.Kinds = append(m.Kinds, oldModelKindName{Kind: string(k), Label: k.Label(), Motivation: Motivation(k)})
	}
	return oldMarshal(m, false)
}

func oldIds(refs []briefing.Ref) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

func oldNonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// oldCslItem is a source as CSL-JSON, the format it was written in.
type oldCslItem struct {
	ID              string       `json:"id"`
	Type            string       `json:"type"`
	Author          []oldCslName `json:"author,omitempty"`
	Editor          []oldCslName `json:"editor,omitempty"`
	Issued          *oldCslDate  `json:"issued,omitempty"`
	Title           string       `json:"title,omitempty"`
	ContainerTitle  string       `json:"container-title,omitempty"`
	CollectionTitle string       `json:"collection-title,omitempty"`
	Volume          string       `json:"volume,omitempty"`
	Issue           string       `json:"issue,omitempty"`
	Page            string       `json:"page,omitempty"`
	Publisher       string       `json:"publisher,omitempty"`
	PublisherPlace  string       `json:"publisher-place,omitempty"`
	Number          string       `json:"number,omitempty"`
	Genre           string       `json:"genre,omitempty"`
	DOI             string       `json:"DOI,omitempty"`
	URL             string       `json:"URL,omitempty"`
	Accessed        *oldCslDate  `json:"accessed,omitempty"`
	Note            string       `json:"note,omitempty"`
	other           map[string]string
}

type oldCslName struct {
	Family   string `json:"family,omitempty"`
	Given    string `json:"given,omitempty"`
	Literal  string `json:"literal,omitempty"`
	Particle string `json:"non-dropping-particle,omitempty"`
	Dropping string `json:"dropping-particle,omitempty"`
	Suffix   string `json:"suffix,omitempty"`
}

type oldCslDate struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Season    int     `json:"season,omitempty"`
	Circa     bool    `json:"circa,omitempty"`
	Literal   string  `json:"literal,omitempty"`
}

// MarshalJSON writes the item with the CSL variables the generator does not
// oldModel (Source.Other) beside the ones it does.
func (c oldCslItem) MarshalJSON() ([]byte, error) {
	type plain oldCslItem
	data, err := json.Marshal(plain(c))
	if err != nil || len(c.other) == 0 {
		return data, err
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, err
	}
	for k, v := range c.other {
		if _, taken := fields[k]; !taken {
			fields[k], _ = json.Marshal(v)
		}
	}
	return json.Marshal(fields) // keys sorted: the output is stable
}

func oldCsl(s *briefing.Source) oldCslItem {
	names := func(ns []briefing.Name) []oldCslName {
		var out []oldCslName
		for _, n := range ns {
			out = append(out, oldCslName{Family: n.Family, Given: n.Given, Literal: n.Literal, Particle: n.Particle, Dropping: n.DroppingParticle, Suffix: n.Suffix})
		}
		return out
	}
	date := func(d *briefing.Date, literal string, season int, circa bool) *oldCslDate {
		if d == nil {
			if literal != "" {
				return &oldCslDate{Literal: literal}
			}
			return nil
		}
		parts := []int{d.Year}
		if d.Month > 0 {
			parts = append(parts, d.Month)
			if d.Day > 0 {
				parts = append(parts, d.Day)
			}
		}
		return &oldCslDate{DateParts: [][]int{parts}, Season: season, Circa: circa}
	}
	return oldCslItem{
		ID: s.ID, Type: s.Type, Author: names(s.Author), Editor: names(s.Editor), Issued: date(s.Issued, s.IssuedLiteral, s.IssuedSeason, s.IssuedCirca),
		Title: s.Title, ContainerTitle: s.ContainerTitle, CollectionTitle: s.CollectionTitle,
		Volume: s.Volume, Issue: s.Issue, Page: s.Page, Publisher: s.Publisher, PublisherPlace: s.PublisherPlace,
		Number: s.Number, Genre: s.Genre, DOI: s.DOI, URL: s.URL, Accessed: date(s.Accessed, "", 0, false), Note: s.Note,
		other: s.Other,
	}
}

// The Web Annotation Data oldModel (https://www.w3.org/TR/annotation-model/)
// and the collection and page types of its Protocol.
type (
	oldAnnotationCollection struct {
		Context string            `json:"@context"`
		ID      string            `json:"id"`
		Type    string            `json:"type"`
		Label   string            `json:"label"`
		Total   int               `json:"total"`
		First   oldAnnotationPage `json:"first"`
		Last    string            `json:"last"`
	}
	oldAnnotationPage struct {
		ID         string          `json:"id"`
		Type       string          `json:"type"`
		PartOf     string          `json:"partOf"`
		StartIndex int             `json:"startIndex"`
		Items      []oldAnnotation `json:"items"`
	}
	oldAnnotation struct {
		ID         string            `json:"id"`
		Type       string            `json:"type"`
		Motivation string            `json:"motivation"`
		Creator    oldAgent          `json:"creator"`
		Body       []oldTextualBody  `json:"body"`
		Target     oldSpecificTarget `json:"target"`
	}
	oldTextualBody struct {
		Type     string `json:"type"`
		Value    string `json:"value"`
		Format   string `json:"format,omitempty"`
		Language string `json:"language,omitempty"`
		Purpose  string `json:"purpose"`
	}
	oldSpecificTarget struct {
		Type     string `json:"type"`
		Source   any    `json:"source"` // the address, or, since 2026-12-07, an oldSource
		Scope    string `json:"scope"`
		Selector []any  `json:"selector"`
	}
	// oldSource is the source of an article in another language than the
	// site's.
	oldSource struct {
		ID       string `json:"id"`
		Language string `json:"language"`
	}
	oldTextQuoteSelector struct {
		Type   string `json:"type"`
		Exact  string `json:"exact"`
		Prefix string `json:"prefix,omitempty"`
		Suffix string `json:"suffix,omitempty"`
	}
	oldAgent struct {
		Type     string `json:"type"`
		Name     string `json:"name"`
		Homepage string `json:"homepage,omitempty"`
	}
)

// oldAnnotations returns the W3C Web Annotation collection of every note, in
// the briefing's reading order: one page, embedded in the collection.
//
// Each oldAnnotation targets the original article (source) as reproduced on
// the briefing's page (scope), selected by a TextQuoteSelector (the passage,
// with up to QuoteContext characters before and after it; since
// 2026-12-07 no TextPositionSelector). Its bodies are the note (HTML,
// purpose "commenting", or "describing"/"editing" for those kinds) and, for
// a fact check, the verdict (purpose "assessing"); its creator (since
// 2026-12-07) the publisher or the briefing.
func oldAnnotations(b *Briefing) []byte {
	self := b.url(AnnotationsFile, AnnotationsFile)
	if self == "" {
		self = AnnotationsFile
	}
	creator := oldAgent{Type: "Organization", Name: b.Index.Publisher, Homepage: b.Index.PublisherURL}
	if creator.Name == "" {
		creator.Name, creator.Homepage = b.Index.Title, b.home(AnnotationsFile)
	}
	page := self + "#page-1"
	var items []oldAnnotation
	for _, a := range b.Order {
		ra := b.Rendered[a.Slug]
		if ra == nil {
			continue
		}
		local := b.url(AnnotationsFile, ArticlePage(a.Slug))
		for _, n := range ra.Notes {
			purpose := Motivation(n.Kind)
			if purpose == "assessing" {
				purpose = "commenting" // the note explains; the verdict assesses
			}
			body := []oldTextualBody{{Type: "TextualBody", Value: b.noteHTML(n.HTML, a.Slug), Format: "text/html", Language: "en", Purpose: purpose}}
			if n.Verdict != "" {
				body = append(body, oldTextualBody{Type: "TextualBody", Value: n.Verdict.Label(), Format: "text/plain", Language: "en", Purpose: "assessing"})
			}
			var source any = a.URL
			if l := briefing.Foreign(a.Language); l != "" {
				source = oldSource{ID: a.URL, Language: l}
			}
			items = append(items, oldAnnotation{
				ID:         self + "#" + a.Slug + "/" + n.ID,
				Type:       "Annotation",
				Motivation: Motivation(n.Kind),
				Creator:    creator,
				Body:       body,
				Target: oldSpecificTarget{
					Type:   "SpecificResource",
					Source: source,
					Scope:  local,
					Selector: []any{
						oldTextQuoteSelector{Type: "TextQuoteSelector", Exact: ra.Text[n.Start:n.End],
							Prefix: lastChars(ra.Text[:n.Start], QuoteContext), Suffix: firstChars(ra.Text[n.End:], QuoteContext)},
					},
				},
			})
		}
	}
	if items == nil {
		items = []oldAnnotation{}
	}
	return oldMarshal(oldAnnotationCollection{
		Context: "http://www.w3.org/ns/anno.jsonld",
		ID:      self,
		Type:    "AnnotationCollection",
		Label:   b.Index.Title,
		Total:   len(items),
		First:   oldAnnotationPage{ID: page, Type: "AnnotationPage", PartOf: self, StartIndex: 0, Items: items},
		Last:    page,
	}, false)
}

// schema.org types (https://schema.org/ClaimReview).
type (
	oldGraph struct {
		Context string           `json:"@context"`
		Graph   []oldClaimReview `json:"@graph"`
	}
	oldClaimReview struct {
		Type          string          `json:"@type"`
		URL           string          `json:"url"`
		ClaimReviewed string          `json:"claimReviewed"`
		ReviewRating  oldRating       `json:"reviewRating"`
		ItemReviewed  oldClaim        `json:"itemReviewed"`
		Author        oldOrganization `json:"author"`
		DatePublished string          `json:"datePublished,omitempty"`
	}
	oldRating struct {
		Type          string `json:"@type"`
		AlternateName string `json:"alternateName"`
		RatingValue   int    `json:"ratingValue,omitempty"`
		BestRating    int    `json:"bestRating,omitempty"`
		WorstRating   int    `json:"worstRating,omitempty"`
	}
	oldClaim struct {
		Type       string            `json:"@type"`
		InLanguage string            `json:"inLanguage,omitempty"`
		Author     *oldOrganization  `json:"author,omitempty"`
		Appearance []oldCreativeWork `json:"appearance,omitempty"`
	}
	oldCreativeWork struct {
		Type          string          `json:"@type"`
		URL           string          `json:"url"`
		Headline      string          `json:"headline"`
		InLanguage    string          `json:"inLanguage,omitempty"`
		DatePublished string          `json:"datePublished,omitempty"`
		Author        *oldPerson      `json:"author,omitempty"`
		Publisher     oldOrganization `json:"publisher"`
	}
	oldOrganization struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	oldPerson struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
)

// oldPublished is the briefing's date, "" when it gives none.
func (b *Briefing) oldPublished() string {
	if b.Index.Published == nil {
		return ""
	}
	return b.Index.Published.ISO()
}

func (b *Briefing) oldRatingOf(v briefing.Verdict) oldRating {
	r := oldRating{Type: "Rating", AlternateName: v.Label()}
	if n, ok := RatingValue(v); ok {
		r.RatingValue, r.BestRating, r.WorstRating = n, 5, 1
	}
	return r
}

// reviewer is the author of every review: the briefing's publisher, or
// else the briefing itself.
func (b *Briefing) oldReviewer(from string) oldOrganization {
	if b.Index.Publisher != "" {
		return oldOrganization{Type: "Organization", Name: b.Index.Publisher, URL: b.Index.PublisherURL}
	}
	return oldOrganization{Type: "Organization", Name: b.Index.Title, URL: b.home(from)}
}

// oldAppearance is an article as the place a oldClaim appears: the original, by
// its outlet.
func oldAppearance(a *briefing.Article) oldCreativeWork {
	w := oldCreativeWork{Type: "NewsArticle", URL: a.URL, Headline: a.Title, InLanguage: briefing.Foreign(a.Language),
		Publisher: oldOrganization{Type: "Organization", Name: a.Outlet}}
	if a.Published != nil {
		w.DatePublished = a.Published.ISO()
	}
	if a.Author != "" {
		w.Author = &oldPerson{Type: "Person", Name: a.Author}
	}
	return w
}

// oldArticleReviews returns the ClaimReview JSON-LD of an article page: one
// review per fact-check note, the passage as the oldClaim reviewed, the
// article as the claim's oldAppearance and its outlet as the claim's author.
// It returns nil when the article has no verdict.
func oldArticleReviews(b *Briefing, a *briefing.Article) []byte {
	ra := b.Rendered[a.Slug]
	if ra == nil {
		return nil
	}
	from := ArticlePage(a.Slug)
	var reviews []oldClaimReview
	for _, n := range ra.Notes {
		if n.Verdict == "" {
			continue
		}
		reviews = append(reviews, oldClaimReview{
			Type:          "ClaimReview",
			URL:           b.url(from, from) + "#note-" + n.ID,
			ClaimReviewed: n.Quote,
			ReviewRating:  b.oldRatingOf(n.Verdict),
			ItemReviewed: oldClaim{Type: "Claim", InLanguage: briefing.Foreign(a.Language), Author: oldClaimant(n.Claimant),
				Appearance: []oldCreativeWork{oldAppearance(a)}},
			Author: b.oldReviewer(from), DatePublished: b.oldPublished(),
		})
	}
	if reviews == nil {
		return nil
	}
	return oldMarshal(oldGraph{Context: "https://schema.org", Graph: reviews}, true)
}

// oldClaimReviews returns the ClaimReview JSON-LD of the claims page: one review
// per oldClaim, its statement as the oldClaim reviewed and every article that makes
// it as an appearance. It returns nil when there are no claims.
func oldClaimReviews(b *Briefing) []byte {
	where := map[string][]*briefing.Article{}
	for _, a := range b.Order {
		ra := b.Rendered[a.Slug]
		if ra == nil {
			continue
		}
		seen := map[string]bool{}
		for _, n := range ra.Notes {
			if id := n.Claim.ID; id != "" && !seen[id] {
				seen[id] = true
				where[id] = append(where[id], a)
			}
		}
	}
	var reviews []oldClaimReview
	for _, c := range b.Claims {
		var apps []oldCreativeWork // none: no appearance property
		for _, a := range where[c.ID] {
			apps = append(apps, oldAppearance(a))
		}
		reviews = append(reviews, oldClaimReview{
			Type:          "ClaimReview",
			URL:           b.url(ClaimsPage, ClaimsPage) + "#claim-" + c.ID,
			ClaimReviewed: c.Statement,
			ReviewRating:  b.oldRatingOf(c.Verdict),
			ItemReviewed:  oldClaim{Type: "Claim", Author: oldClaimant(c.Claimant), Appearance: apps},
			Author:        b.oldReviewer(ClaimsPage),
			DatePublished: b.oldPublished(),
		})
	}
	if reviews == nil {
		return nil
	}
	return oldMarshal(oldGraph{Context: "https://schema.org", Graph: reviews}, true)
}

// oldMarshal encodes v as JSON. For a <script> element (inScript), <, > and &
// are written as \u escapes, so that the result never contains "</script"
// or "<!--", and the JSON is indented for a reader of the page's source;
// files of their own keep <, > and & as they are and are not indented:
// briefing.json and annotations.jsonld grow with the briefing (tens of
// megabytes at a thousand articles), and indenting them took a third of
// their time and a fifth of their size.
func oldMarshal(v any, inScript bool) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(inScript)
	if inScript {
		enc.SetIndent("", " ")
	}
	if err := enc.Encode(v); err != nil {
		// Only plain structs, strings and numbers are encoded.
		panic(fmt.Sprintf("export: %v", err))
	}
	return buf.Bytes()
}

// The oracle, for the tests in package export_test.
var (
	OldModel          = oldModel
	OldAnnotations    = oldAnnotations
	OldArticleReviews = oldArticleReviews
	OldClaimReviews   = oldClaimReviews
)

// oldClaimant is a claim's author in its review, since 2026-12-07 the
// claimant a note or claim names (nil when none: the article's outlet
// was every note's before).
func oldClaimant(c briefing.Claimant) *oldOrganization {
	switch {
	case c.Name == "":
		return nil
	case c.Person:
		return &oldOrganization{Type: "Person", Name: c.Name}
	}
	return &oldOrganization{Type: "Organization", Name: c.Name}
}

// oldClaimantType is briefing.json's claimant_type: "" without a claimant.
func oldClaimantType(c briefing.Claimant) string {
	if c.Name == "" {
		return ""
	}
	return c.Type()
}
