package export

import (
	"encoding/json"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// ModelFile is the site path of the JSON dump of the briefing.
const ModelFile = "briefing.json"

// ModelVersion is the version of briefing.json's shape; it changes only when
// a field is removed or changes meaning.
const ModelVersion = 1

// The shape of briefing.json. Markdown fields hold the briefing's own
// Markdown; note_html is the note as the site shows it.
type (
	model struct {
		Version  int             `json:"version"`
		BaseURL  string          `json:"base_url,omitempty"`
		Title    string          `json:"title"`
		Summary  string          `json:"summary,omitempty"`
		Overview string          `json:"overview,omitempty"`
		Timeline []modelEvent    `json:"timeline"`
		Articles []modelArticle  `json:"articles"`
		Claims   []modelClaim    `json:"claims"`
		Sources  []cslItem       `json:"sources"`
		Verdicts []modelVerdict  `json:"verdicts"`
		Kinds    []modelKindName `json:"kinds"`
	}
	modelEvent struct {
		Date  string   `json:"date"`
		Text  string   `json:"text"`
		Cites []string `json:"cites"`
	}
	modelArticle struct {
		Slug      string      `json:"slug"`
		Page      string      `json:"page"`
		Title     string      `json:"title"`
		Outlet    string      `json:"outlet"`
		URL       string      `json:"url"`
		Published string      `json:"published,omitempty"`
		DateNote  string      `json:"date_note,omitempty"`
		Author    string      `json:"author,omitempty"`
		ReliesOn  []string    `json:"relies_on"`
		Summary   string      `json:"summary,omitempty"`
		Markdown  string      `json:"markdown"`
		Text      string      `json:"text"`
		Notes     []modelNote `json:"notes"`
	}
	modelNote struct {
		ID       string   `json:"id"`
		Number   int      `json:"number"`
		Kind     string   `json:"kind"`
		Verdict  string   `json:"verdict,omitempty"`
		Claim    string   `json:"claim,omitempty"`
		Quote    string   `json:"quote"`
		Start    int      `json:"start"`
		End      int      `json:"end"`
		Note     string   `json:"note"`
		NoteHTML string   `json:"note_html"`
		Cites    []string `json:"cites"`
	}
	modelClaim struct {
		ID        string   `json:"id"`
		Statement string   `json:"statement"`
		Verdict   string   `json:"verdict"`
		Note      string   `json:"note"`
		Cites     []string `json:"cites"`
	}
	modelVerdict struct {
		Verdict string `json:"verdict"`
		Label   string `json:"label"`
		Rating  int    `json:"rating,omitempty"`
	}
	modelKindName struct {
		Kind       string `json:"kind"`
		Label      string `json:"label"`
		Motivation string `json:"motivation"`
	}
)

// Model returns briefing.json: the whole briefing as loaded and anchored,
// for other tools. Articles come in reading order; notes in the order of
// their markers, with start and end in code points of the article's text;
// sources as CSL-JSON.
func Model(b *Briefing) []byte {
	m := model{
		Version: ModelVersion, BaseURL: b.BaseURL,
		Title: b.Index.Title, Summary: b.Index.Summary, Overview: b.Index.Body.Text,
		Timeline: []modelEvent{}, Articles: []modelArticle{}, Claims: []modelClaim{}, Sources: []cslItem{},
	}
	for _, e := range b.Index.Timeline {
		m.Timeline = append(m.Timeline, modelEvent{Date: e.Date.ISO(), Text: e.Text.Text, Cites: ids(e.Cites)})
	}
	for _, a := range b.Order {
		ma := modelArticle{
			Slug: a.Slug, Page: ArticlePage(a.Slug), Title: a.Title, Outlet: a.Outlet, URL: a.URL,
			DateNote: a.DateNote, Author: a.Author, ReliesOn: nonNil(a.ReliesOn), Summary: a.Summary,
			Markdown: a.Body.Text, Notes: []modelNote{},
		}
		if a.Published != nil {
			ma.Published = a.Published.ISO()
		}
		if ra := b.Rendered[a.Slug]; ra != nil {
			ma.Text = ra.Text
			at := passages(ra)
			for i, n := range ra.Notes {
				ma.Notes = append(ma.Notes, modelNote{
					ID: n.ID, Number: n.Number, Kind: string(n.Kind), Verdict: string(n.Verdict), Claim: n.Claim.ID,
					Quote: n.Quote, Start: at[i][0], End: at[i][1],
					Note: n.Body.Text, NoteHTML: n.HTML, Cites: ids(n.Note.Cites),
				})
			}
		}
		m.Articles = append(m.Articles, ma)
	}
	for _, c := range b.Claims {
		m.Claims = append(m.Claims, modelClaim{ID: c.ID, Statement: c.Statement, Verdict: string(c.Verdict), Note: c.Body.Text, Cites: ids(c.Cites)})
	}
	for _, s := range b.Sources {
		m.Sources = append(m.Sources, csl(s))
	}
	for _, v := range briefing.Verdicts {
		r, _ := RatingValue(v)
		m.Verdicts = append(m.Verdicts, modelVerdict{Verdict: string(v), Label: v.Label(), Rating: r})
	}
	for _, k := range briefing.Kinds {
		m.Kinds = append(m.Kinds, modelKindName{Kind: string(k), Label: k.Label(), Motivation: Motivation(k)})
	}
	return marshal(m, false)
}

func ids(refs []briefing.Ref) []string {
	out := []string{}
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// cslItem is a source as CSL-JSON, the format it was written in.
type cslItem struct {
	ID              string    `json:"id"`
	Type            string    `json:"type"`
	Author          []cslName `json:"author,omitempty"`
	Editor          []cslName `json:"editor,omitempty"`
	Issued          *cslDate  `json:"issued,omitempty"`
	Title           string    `json:"title,omitempty"`
	ContainerTitle  string    `json:"container-title,omitempty"`
	CollectionTitle string    `json:"collection-title,omitempty"`
	Volume          string    `json:"volume,omitempty"`
	Issue           string    `json:"issue,omitempty"`
	Page            string    `json:"page,omitempty"`
	Publisher       string    `json:"publisher,omitempty"`
	PublisherPlace  string    `json:"publisher-place,omitempty"`
	Number          string    `json:"number,omitempty"`
	Genre           string    `json:"genre,omitempty"`
	DOI             string    `json:"DOI,omitempty"`
	URL             string    `json:"URL,omitempty"`
	Accessed        *cslDate  `json:"accessed,omitempty"`
	Note            string    `json:"note,omitempty"`
	other           map[string]string
}

type cslName struct {
	Family   string `json:"family,omitempty"`
	Given    string `json:"given,omitempty"`
	Literal  string `json:"literal,omitempty"`
	Particle string `json:"non-dropping-particle,omitempty"`
	Suffix   string `json:"suffix,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// MarshalJSON writes the item with the CSL variables the generator does not
// model (Source.Other) beside the ones it does.
func (c cslItem) MarshalJSON() ([]byte, error) {
	type plain cslItem
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

func csl(s *briefing.Source) cslItem {
	names := func(ns []briefing.Name) []cslName {
		var out []cslName
		for _, n := range ns {
			out = append(out, cslName{Family: n.Family, Given: n.Given, Literal: n.Literal, Particle: n.Particle, Suffix: n.Suffix})
		}
		return out
	}
	date := func(d *briefing.Date) *cslDate {
		if d == nil {
			return nil
		}
		parts := []int{d.Year}
		if d.Month > 0 {
			parts = append(parts, d.Month)
			if d.Day > 0 {
				parts = append(parts, d.Day)
			}
		}
		return &cslDate{DateParts: [][]int{parts}}
	}
	return cslItem{
		ID: s.ID, Type: s.Type, Author: names(s.Author), Editor: names(s.Editor), Issued: date(s.Issued),
		Title: s.Title, ContainerTitle: s.ContainerTitle, CollectionTitle: s.CollectionTitle,
		Volume: s.Volume, Issue: s.Issue, Page: s.Page, Publisher: s.Publisher, PublisherPlace: s.PublisherPlace,
		Number: s.Number, Genre: s.Genre, DOI: s.DOI, URL: s.URL, Accessed: date(s.Accessed), Note: s.Note,
		other: s.Other,
	}
}
