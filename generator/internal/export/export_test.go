package export_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// compiled returns the export input for a fixture, or for the project's own
// briefing when path is "".
func compiled(t *testing.T, path, base string) *export.Briefing {
	t.Helper()
	var res *site.Result
	var err error
	if path == "" {
		res, err = site.Compile(os.DirFS("../../.."), stage.Options{})
	} else {
		res, err = site.Compile(briefingtest.Load(t, path), stage.Options{})
	}
	if err != nil {
		t.Fatal(err)
	}
	// The reading order is the stage's; any order will do for these checks.
	return &export.Briefing{Briefing: res.Briefing, Order: res.Briefing.Articles, Rendered: res.Articles, BaseURL: base}
}

type collection struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label"`
	Total   int    `json:"total"`
	Last    string `json:"last"`
	First   struct {
		ID         string `json:"id"`
		Type       string `json:"type"`
		PartOf     string `json:"partOf"`
		StartIndex *int   `json:"startIndex"`
		Items      []struct {
			ID         string `json:"id"`
			Type       string `json:"type"`
			Motivation string `json:"motivation"`
			Creator    *struct {
				Type, Name, Homepage string
			} `json:"creator"`
			Body []struct {
				Type, Value, Format, Purpose string
			} `json:"body"`
			Target struct {
				Type     string   `json:"type"`
				Source   resource `json:"source"`
				Scope    string   `json:"scope"`
				Selector []struct {
					Type                  string
					Exact, Prefix, Suffix *string
				} `json:"selector"`
			} `json:"target"`
		} `json:"items"`
	} `json:"first"`
}

// resource is the value of a Web Annotation relationship: an IRI, or an
// object with its "id" and, for a target's source, its "language".
type resource struct {
	ID, Language string
	Object       bool // written as an object
}

func (r *resource) UnmarshalJSON(data []byte) error {
	if err := json.Unmarshal(data, &r.ID); err == nil {
		return nil
	}
	var o map[string]string
	if err := json.Unmarshal(data, &o); err != nil {
		return fmt.Errorf("a resource neither an IRI nor an object of strings: %s", data)
	}
	r.ID, r.Language, r.Object = o["id"], o["language"], true
	if delete(o, "id"); r.ID == "" {
		return fmt.Errorf("a resource with no id: %s", data)
	}
	if delete(o, "language"); len(o) > 0 {
		return fmt.Errorf("a resource with more than its id and language: %s", data)
	}
	return nil
}

// checkAnnotations decodes annotations.jsonld and checks it against the
// briefing it was made from: one annotation per note, each selector finding
// the note's passage in the article's text.
func checkAnnotations(t *testing.T, b *export.Briefing) collection {
	t.Helper()
	var c collection
	if err := json.Unmarshal(export.Annotations(b), &c); err != nil {
		t.Fatal(err)
	}
	notes := 0
	bySource := map[string]*briefing.Article{}
	for _, a := range b.Articles {
		notes += len(b.Rendered[a.Slug].Notes)
		bySource[a.URL] = a
	}
	if c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" || c.Label != b.Index.Title {
		t.Errorf("collection head = %q %q %q", c.Context, c.Type, c.Label)
	}
	if c.Total != notes || len(c.First.Items) != notes {
		t.Fatalf("total %d, %d items, want %d notes", c.Total, len(c.First.Items), notes)
	}
	if c.First.Type != "AnnotationPage" || c.First.PartOf != c.ID || c.First.StartIndex == nil || *c.First.StartIndex != 0 || c.Last != c.First.ID {
		t.Errorf("page = %+v (collection %s, last %s)", c.First.ID, c.ID, c.Last)
	}
	seen := map[string]bool{}
	for _, it := range c.First.Items {
		if seen[it.ID] {
			t.Errorf("annotation id %s twice", it.ID)
		}
		seen[it.ID] = true
		a := bySource[it.Target.Source.ID]
		if a == nil {
			t.Fatalf("%s: target source %q is no article's address", it.ID, it.Target.Source.ID)
		}
		// The source's language, when the article is in another than the
		// site's (the notes' bodies are in the site's).
		if src, want := it.Target.Source, briefing.Foreign(a.Language); src.Language != want || src.Object != (want != "") {
			t.Errorf("%s: target source %+v, want the address %s with the language %q (an object only with one)", it.ID, src, a.URL, want)
		}
		ra := b.Rendered[a.Slug]
		var n *struct{ quote, verdict, kind, html string }
		for _, rn := range ra.Notes {
			if strings.HasSuffix(it.ID, "#"+a.Slug+"/"+rn.ID) {
				n = &struct{ quote, verdict, kind, html string }{rn.Quote, rn.Verdict.Label(), string(rn.Kind), rn.HTML}
			}
		}
		if n == nil {
			t.Fatalf("%s names no note of %s", it.ID, a.Slug)
		}
		if it.Type != "Annotation" || it.Target.Type != "SpecificResource" {
			t.Errorf("%s: types %q, %q", it.ID, it.Type, it.Target.Type)
		}
		if want := export.Motivation(briefing.Kind(n.kind)); it.Motivation != want {
			t.Errorf("%s: motivation %q, want %q", it.ID, it.Motivation, want)
		}
		// Its creator, as the model asks of each annotation: the publisher,
		// or the briefing by its title and home page (as the ClaimReviews'
		// author).
		name, home := b.Index.Publisher, b.Index.PublisherURL
		if name == "" {
			name, home = b.Index.Title, "index.html"
			if b.BaseURL != "" {
				home = b.BaseURL
			}
		}
		if it.Creator == nil || it.Creator.Type != "Organization" || it.Creator.Name != name || it.Creator.Homepage != home {
			t.Errorf("%s: creator %+v, want the Organization %q at %q", it.ID, it.Creator, name, home)
		}
		// The note's HTML, its links aside: a relative link, written for
		// the article's page, is the site root's in the export (or
		// absolute, with a base URL; TestNoteLinksInExports).
		if len(it.Body) == 0 || it.Body[0].Type != "TextualBody" || hrefless(it.Body[0].Value) != hrefless(n.html) || it.Body[0].Format != "text/html" {
			t.Fatalf("%s: first body = %+v", it.ID, it.Body)
		}
		for _, m := range hrefRE.FindAllStringSubmatch(it.Body[0].Value, -1) {
			if pageOfArticle(b, m[1]) || strings.HasPrefix(m[1], "#") || strings.HasPrefix(m[1], "../") {
				t.Errorf("%s: the link %q is written for the article's page, not for the export at the site's root", it.ID, m[1])
			}
		}
		if n.kind == "fact-check" {
			if len(it.Body) != 2 || it.Body[1].Purpose != "assessing" || it.Body[1].Value != n.verdict {
				t.Errorf("%s: verdict body = %+v, want %q assessing", it.ID, it.Body, n.verdict)
			}
		} else if len(it.Body) != 1 {
			t.Errorf("%s: %d bodies for a %s note", it.ID, len(it.Body), n.kind)
		}
		if !strings.HasSuffix(it.Target.Scope, "articles/"+a.Slug+".html") {
			t.Errorf("%s: scope %q is not the article's page", it.ID, it.Target.Scope)
		}
		text := []rune(ra.Text)
		// One selector, of the passage in the source, the outlet's page: no
		// TextPositionSelector, since positions in the article's text are
		// not positions in that page. A passage at the text's start has no
		// prefix, one at its end no suffix.
		if len(it.Target.Selector) != 1 {
			t.Errorf("%s: selectors %+v, want a TextQuoteSelector alone", it.ID, it.Target.Selector)
		}
		for _, s := range it.Target.Selector {
			switch s.Type {
			case "TextQuoteSelector":
				if s.Exact == nil {
					t.Fatalf("%s: quote selector has no exact", it.ID)
				}
				for _, p := range []**string{&s.Prefix, &s.Suffix} {
					if *p == nil {
						*p = new(string)
					} else if **p == "" {
						t.Errorf("%s: an empty prefix or suffix, which says nothing", it.ID)
					}
				}
				if *s.Exact != n.quote {
					t.Errorf("%s: exact %q, want %q", it.ID, *s.Exact, n.quote)
				}
				// Prefix + exact + suffix occur in the text, the prefix and
				// suffix as long as the text allows up to 32 characters.
				whole := *s.Prefix + *s.Exact + *s.Suffix
				at := strings.Index(ra.Text, whole)
				if at < 0 {
					t.Errorf("%s: prefix+exact+suffix %q is not in the text", it.ID, whole)
					continue
				}
				pl := utf8.RuneCountInString(*s.Prefix)
				start := utf8.RuneCountInString(ra.Text[:at]) + pl // where exact starts
				if pl != min(32, start) {
					t.Errorf("%s: prefix has %d characters, want %d", it.ID, pl, min(32, start))
				}
				end := start + utf8.RuneCountInString(*s.Exact) // where exact ends
				if sl := utf8.RuneCountInString(*s.Suffix); sl != min(32, len(text)-end) {
					t.Errorf("%s: suffix has %d characters, want %d", it.ID, sl, min(32, len(text)-end))
				}
			default:
				t.Errorf("%s: a %s", it.ID, s.Type)
			}
		}
	}
	return c
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// pageOfArticle says whether href names an article's page as a link on
// another article's page does ("other.html#note-x"), which from the site's
// root leads nowhere.
func pageOfArticle(b *export.Briefing, href string) bool {
	file, _, _ := strings.Cut(href, "#")
	for _, a := range b.Briefing.Articles {
		if file == a.Slug+".html" {
			return true
		}
	}
	return false
}

// hrefless is h with its links' addresses left out.
func hrefless(h string) string { return hrefRE.ReplaceAllString(h, `href=""`) }

func TestAnnotationsFixture(t *testing.T) {
	b := compiled(t, "../site/testdata/typography.txtar", "")
	c := checkAnnotations(t, b)
	if c.ID != "annotations.jsonld" || c.First.Items[0].Target.Scope != "articles/curly.html" {
		t.Errorf("without a base URL, ids are relative to the file: %q, scope %q", c.ID, c.First.Items[0].Target.Scope)
	}
	// Curly quotes before a passage make bytes and characters differ: the
	// selector counts characters.
	ra := b.Rendered["curly"]
	differ := false
	for _, n := range ra.Notes {
		if export.Characters(ra.Text, n.Start) != n.Start {
			differ = true
		}
	}
	if !differ {
		t.Fatal("the fixture has no note after a multi-byte character; the test would not tell bytes from characters")
	}

	b.BaseURL = "https://example.org/sub/"
	c = checkAnnotations(t, b)
	if c.ID != "https://example.org/sub/annotations.jsonld" || c.First.Items[0].Target.Scope != "https://example.org/sub/articles/curly.html" ||
		!strings.HasPrefix(c.First.Items[0].ID, "https://example.org/sub/annotations.jsonld#curly/") {
		t.Errorf("with a base URL, addresses are absolute: %q, %q, %q", c.ID, c.First.Items[0].Target.Scope, c.First.Items[0].ID)
	}
	// A briefing that names its publisher has it make every annotation.
	b.Index.Publisher, b.Index.PublisherURL = "Example Desk", "https://desk.example/"
	checkAnnotations(t, b)
}

func TestAnnotationsRealBriefing(t *testing.T) {
	c := checkAnnotations(t, compiled(t, "", ""))
	if c.Total < 50 {
		t.Errorf("%d annotations", c.Total)
	}
}

type reviews struct {
	Context string `json:"@context"`
	Graph   []struct {
		Type          string `json:"@type"`
		URL           string `json:"url"`
		ClaimReviewed string `json:"claimReviewed"`
		ReviewRating  struct {
			Type                                 string `json:"@type"`
			AlternateName                        string `json:"alternateName"`
			RatingValue, BestRating, WorstRating int
		} `json:"reviewRating"`
		ItemReviewed struct {
			Type   string `json:"@type"`
			Author *struct {
				Type string `json:"@type"`
				Name string `json:"name"`
			} `json:"author"`
			Appearance []struct {
				Type          string `json:"@type"`
				URL           string `json:"url"`
				Headline      string `json:"headline"`
				DatePublished string `json:"datePublished"`
				Publisher     struct {
					Name string `json:"name"`
				} `json:"publisher"`
			} `json:"appearance"`
		} `json:"itemReviewed"`
		Author struct {
			Type string `json:"@type"`
			Name string `json:"name"`
			URL  string `json:"url"`
		} `json:"author"`
	} `json:"@graph"`
}

func TestArticleReviews(t *testing.T) {
	b := compiled(t, "../site/testdata/typography.txtar", "")
	a := b.ArticleBySlug("curly")
	// The claim's author is who made it, when the note names a claimant:
	// the outlet that reports a claim is where it appears, not always who
	// made it. Without a claimant the claim has no author.
	for _, n := range b.Rendered["curly"].Notes {
		if n.ID == "threat" {
			n.Claimant = briefing.Claimant{Name: "U.S. Department of State"}
		}
	}
	var named reviews
	if err := json.Unmarshal(export.ArticleReviews(b, a), &named); err != nil {
		t.Fatal(err)
	}
	for _, n := range b.Rendered["curly"].Notes {
		if n.ID == "threat" {
			n.Claimant = briefing.Claimant{Name: "Jane Roe", Person: true}
		}
	}
	var person reviews
	if err := json.Unmarshal(export.ArticleReviews(b, a), &person); err != nil {
		t.Fatal(err)
	}
	for _, g := range person.Graph {
		if au := g.ItemReviewed.Author; strings.HasSuffix(g.URL, "#note-threat") && (au == nil || au.Type != "Person" || au.Name != "Jane Roe") {
			t.Errorf("a person as claimant: the claim's author is %+v", au)
		}
	}
	r := named
	want := map[string]briefing.Verdict{}
	for _, n := range b.Rendered["curly"].Notes {
		if n.Verdict != "" {
			want[n.Quote] = n.Verdict
		}
	}
	if r.Context != "https://schema.org" || len(r.Graph) != len(want) || len(want) != 2 {
		t.Fatalf("%d reviews, want %d", len(r.Graph), len(want))
	}
	for _, g := range r.Graph {
		v, ok := want[g.ClaimReviewed]
		if !ok {
			t.Errorf("claimReviewed %q is no fact-checked passage", g.ClaimReviewed)
			continue
		}
		if g.Type != "ClaimReview" || g.ReviewRating.Type != "Rating" || g.ReviewRating.AlternateName != v.Label() {
			t.Errorf("%q: %s rating %+v, want %q", g.ClaimReviewed, g.Type, g.ReviewRating, v.Label())
		}
		if n, ok := export.RatingValue(v); ok && (g.ReviewRating.RatingValue != n || g.ReviewRating.BestRating != 5 || g.ReviewRating.WorstRating != 1) {
			t.Errorf("%q: rating %+v, want %d of 1-5", g.ClaimReviewed, g.ReviewRating, n)
		}
		it := g.ItemReviewed
		if it.Type != "Claim" || len(it.Appearance) != 1 {
			t.Fatalf("itemReviewed = %+v", it)
		}
		switch {
		case strings.HasSuffix(g.URL, "#note-threat"):
			if it.Author == nil || it.Author.Type != "Organization" || it.Author.Name != "U.S. Department of State" {
				t.Errorf("%s: the claim's author is %+v, want the claimant the note names", g.URL, it.Author)
			}
		case it.Author != nil:
			t.Errorf("%s: the claim's author is %+v, but the note names no claimant", g.URL, it.Author)
		}
		ap := it.Appearance[0]
		if ap.URL != "https://example.com/curly" || ap.Headline != a.Title || ap.DatePublished != "2025-11-27" || ap.Publisher.Name != "Example Outlet" {
			t.Errorf("appearance = %+v", ap)
		}
		if g.Author.Name != "Typography test" || g.Author.URL != "../index.html" || !strings.HasPrefix(g.URL, "#note-") {
			t.Errorf("author %+v, url %q", g.Author, g.URL)
		}
	}
	// A briefing that names its publisher has it as every review's author.
	b.Index.Publisher, b.Index.PublisherURL = "The Riverton Gazette", "https://gazette.example/"
	r = reviews{}
	if err := json.Unmarshal(export.ArticleReviews(b, a), &r); err != nil {
		t.Fatal(err)
	}
	for _, g := range r.Graph {
		if g.Author.Name != "The Riverton Gazette" || g.Author.URL != "https://gazette.example/" {
			t.Errorf("with a publisher, the author is %+v", g.Author)
		}
	}
	// An article without a verdict has no ClaimReview.
	b.Rendered = map[string]*render.Article{"curly": {Text: "No notes."}}
	if data := export.ArticleReviews(b, a); data != nil {
		t.Errorf("an article without notes has reviews: %s", data)
	}
}

func TestClaimReviews(t *testing.T) {
	b := compiled(t, "", "https://example.org/sub/")
	var r reviews
	if err := json.Unmarshal(export.ClaimReviews(b), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Graph) != len(b.Claims) {
		t.Fatalf("%d reviews for %d claims", len(r.Graph), len(b.Claims))
	}
	for i, g := range r.Graph {
		c := b.Claims[i]
		if g.ClaimReviewed != c.Statement || g.ReviewRating.AlternateName != c.Verdict.Label() {
			t.Errorf("review %d = %q %q, want %q %q", i, g.ClaimReviewed, g.ReviewRating.AlternateName, c.Statement, c.Verdict.Label())
		}
		if g.URL != "https://example.org/sub/claims.html#claim-"+c.ID || g.Author.URL != "https://example.org/sub/" {
			t.Errorf("review %d: url %q, author %q", i, g.URL, g.Author.URL)
		}
		// The claim's author is its claimant, when claims.yaml names one.
		switch au := g.ItemReviewed.Author; {
		case c.Claimant.Name == "" && au != nil, c.Claimant.Name != "" && (au == nil || au.Name != c.Claimant.Name || (au.Type == "Person") != c.Claimant.Person):
			t.Errorf("claim %s: the claim's author is %+v, want the claimant %q", c.ID, au, c.Claimant.Name)
		}
		// One appearance per article that has a note on the claim.
		want := map[string]bool{}
		for _, a := range b.Articles {
			for _, n := range b.Rendered[a.Slug].Notes {
				if n.Claim.ID == c.ID {
					want[a.URL] = true
				}
			}
		}
		if len(g.ItemReviewed.Appearance) != len(want) {
			t.Errorf("claim %s: %d appearances, want %d", c.ID, len(g.ItemReviewed.Appearance), len(want))
		}
		for _, ap := range g.ItemReviewed.Appearance {
			if !want[ap.URL] {
				t.Errorf("claim %s appears in %s, which has no note on it", c.ID, ap.URL)
			}
		}
	}
	// A claim no note points at has no appearance, and its review leaves
	// the property out: "appearance": [] says nothing.
	b.Claims = append(b.Claims, &briefing.Claim{ID: "unused", Statement: "Nobody makes this claim.", Verdict: briefing.VerdictInaccurate})
	var raw struct {
		Graph []struct {
			URL          string                     `json:"url"`
			ItemReviewed map[string]json.RawMessage `json:"itemReviewed"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal(export.ClaimReviews(b), &raw); err != nil {
		t.Fatal(err)
	}
	for _, g := range raw.Graph {
		app, ok := g.ItemReviewed["appearance"]
		switch unused := strings.HasSuffix(g.URL, "#claim-unused"); {
		case unused && ok:
			t.Errorf("an unused claim's review has \"appearance\": %s", app)
		case !unused && !ok:
			t.Errorf("%s: no appearance", g.URL)
		}
	}
}

// TestModel decodes briefing.json and checks it against the model.
func TestModel(t *testing.T) {
	b := compiled(t, "../site/testdata/typography.txtar", "")
	var m struct {
		Version  int    `json:"version"`
		Title    string `json:"title"`
		Timeline []struct {
			Date  string   `json:"date"`
			Cites []string `json:"cites"`
		} `json:"timeline"`
		Articles []struct {
			Slug, Page, Title, Outlet, URL, Published, Text string
			ReliesOn                                        []string `json:"relies_on"`
			Notes                                           []struct {
				ID, Kind, Verdict, Claim, Quote, Note string
				NoteHTML                              string `json:"note_html"`
				Number, Start, End                    int
				Cites                                 []string
			}
		} `json:"articles"`
		Claims []struct {
			ID, Statement, Verdict string
		} `json:"claims"`
		Sources []map[string]any `json:"sources"`
	}
	if err := json.Unmarshal(export.Model(b), &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != export.ModelVersion || m.Title != "Typography test" || len(m.Timeline) != 1 || m.Timeline[0].Date != "2025-11-21" || m.Timeline[0].Cites[0] != "doe-2024" {
		t.Errorf("head = %d %q %+v", m.Version, m.Title, m.Timeline)
	}
	if len(m.Articles) != 1 {
		t.Fatalf("%d articles", len(m.Articles))
	}
	a := m.Articles[0]
	if a.Slug != "curly" || a.Page != "articles/curly.html" || a.Title != "The “curly” article" || a.Published != "2025-11-27" || a.ReliesOn[0] != "Reuters" {
		t.Errorf("article = %+v", a)
	}
	ra := b.Rendered["curly"]
	if a.Text != ra.Text || len(a.Notes) != len(ra.Notes) {
		t.Fatalf("text or notes differ: %d notes, want %d", len(a.Notes), len(ra.Notes))
	}
	text := []rune(a.Text)
	for i, n := range a.Notes {
		rn := ra.Notes[i]
		if n.ID != rn.ID || n.Number != rn.Number || n.Kind != string(rn.Kind) || n.Verdict != string(rn.Verdict) || n.NoteHTML != rn.HTML || n.Note != rn.Body.Text {
			t.Errorf("note %d = %+v", i, n)
		}
		if string(text[n.Start:n.End]) != n.Quote || n.Quote != rn.Quote {
			t.Errorf("note %s: characters %d-%d are %q, quote %q", n.ID, n.Start, n.End, string(text[n.Start:n.End]), n.Quote)
		}
	}
	if a.Notes[0].ID != "heading" || a.Notes[1].Claim != "" {
		t.Errorf("notes are not in reading order: %s first", a.Notes[0].ID)
	}
	if len(m.Claims) != 1 || m.Claims[0].Verdict != "accurate" {
		t.Errorf("claims = %+v", m.Claims)
	}
	// Sources are CSL-JSON.
	if len(m.Sources) != 2 {
		t.Fatalf("%d sources", len(m.Sources))
	}
	s := m.Sources[1]
	issued, _ := s["issued"].(map[string]any)
	if s["id"] != "roe-2024" || s["DOI"] != "10.1257/aeri.20230459" || s["container-title"] != "Journal of Examples" || issued == nil {
		t.Errorf("source = %v", s)
	}
	if parts, _ := issued["date-parts"].([]any); len(parts) != 1 {
		t.Errorf("issued = %v", issued)
	}
}

// TestModelTimelineInDateOrder: briefing.json gives the timeline in the
// order the site shows and numbers it (index.html#event-1 the earliest),
// not in the order of the file, so that its i-th entry is #event-(i+1).
func TestModelTimelineInDateOrder(t *testing.T) {
	b := compiled(t, "../site/testdata/typography.txtar", "")
	e := b.Index.Timeline[0]
	var tl []briefing.TimelineEntry
	for _, d := range []briefing.Date{{Year: 2025, Month: 11}, {Year: 2025}, {Year: 2025, Month: 11, Day: 21}, {Year: 2025, Month: 11}} {
		e.Date = d
		e.Text.Text = d.ISO() + " " + strconv.Itoa(len(tl))
		tl = append(tl, e)
	}
	b.Index.Timeline = tl
	var m struct {
		Timeline []struct{ Text string } `json:"timeline"`
	}
	if err := json.Unmarshal(export.Model(b), &m); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range m.Timeline {
		got = append(got, e.Text)
	}
	if want := []string{"2025 1", "2025-11 0", "2025-11 3", "2025-11-21 2"}; !slices.Equal(got, want) {
		t.Errorf("timeline %q, want %q", got, want)
	}
}

// TestNoteLinksInExports: a note's relative links, written for its
// article's page, point to the same pages from the exports, which are at
// the site's root: relative to it without a base URL, absolute with one.
func TestNoteLinksInExports(t *testing.T) {
	fsys := briefingtest.Load(t, "../site/testdata/typography.txtar")
	f := fsys["annotations/curly.yaml"]
	f.Data = []byte(strings.Replace(string(f.Data), "    note: A nested note.",
		`    note: "A nested note: [the claim](../claims.html#claim-threat), [the cap](#note-cap), [away](https://example.org/x)."`, 1))
	res, err := site.Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ base, claim, cap string }{
		{"", `href="claims.html#claim-threat"`, `href="articles/curly.html#note-cap"`},
		{"https://example.org/b/", `href="https://example.org/b/claims.html#claim-threat"`, `href="https://example.org/b/articles/curly.html#note-cap"`},
	} {
		b := &export.Briefing{Briefing: res.Briefing, Order: res.Briefing.Articles, Rendered: res.Articles, BaseURL: c.base}
		for name, data := range map[string][]byte{"briefing.json": export.Model(b), "annotations.jsonld": export.Annotations(b)} {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			s := strings.ReplaceAll(string(data), `\"`, `"`)
			for _, want := range []string{c.claim, c.cap, `href="https://example.org/x"`} {
				if !strings.Contains(s, want) {
					t.Errorf("base %q: %s lacks %s", c.base, name, want)
				}
			}
			if strings.Contains(s, `href="../`) || strings.Contains(s, `href="#note-cap"`) {
				t.Errorf("base %q: %s keeps a link written for the article's page", c.base, name)
			}
		}
	}
}

// withLanguage returns the typography fixture, its article "curly" given
// language (none for ""), compiled for the exports.
func withLanguage(t *testing.T, language, base string) *export.Briefing {
	t.Helper()
	fsys := briefingtest.Load(t, "../site/testdata/typography.txtar")
	if language != "" {
		f := fsys["content/articles/curly.md"]
		f.Data = []byte(strings.Replace(string(f.Data), "relies_on:", "language: "+language+"\nrelies_on:", 1))
	}
	res, err := site.Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Briefing.ArticleBySlug("curly").Language; got != language {
		t.Fatalf("the fixture's article has language %q, want %q", got, language)
	}
	return &export.Briefing{Briefing: res.Briefing, Order: res.Briefing.Articles, Rendered: res.Articles, BaseURL: base}
}

// TestModelLanguage: briefing.json gives an article's language, as its
// front matter writes it, so that a tool showing its title and text can
// mark them as the site does (lang); an article that gives none has no
// "language".
func TestModelLanguage(t *testing.T) {
	for _, language := range []string{"de", "pt-BR", "en-GB", ""} {
		var m struct {
			Articles []map[string]json.RawMessage `json:"articles"`
		}
		if err := json.Unmarshal(export.Model(withLanguage(t, language, "")), &m); err != nil {
			t.Fatal(err)
		}
		raw, ok := m.Articles[0]["language"]
		var got string
		if ok {
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Errorf("language %q: briefing.json's language is %s, not a string", language, raw)
			}
		}
		switch {
		case language == "" && ok:
			t.Errorf("an article that gives no language has \"language\": %s", raw)
		case language != "" && got != language:
			t.Errorf("an article in %q: briefing.json's language is %q (given: %v)", language, got, ok)
		}
	}
}

// TestAnnotationsLanguage: the target of a note on an article in another
// language than the site's gives it: its source, the outlet's page, is
// the External Web Resource whose language the model's "language" is
// (Web Annotation Data Model 3.2.1), written as an object with its id;
// an article in the site's language, or in none it names, has the source
// as its address alone.
func TestAnnotationsLanguage(t *testing.T) {
	for _, c := range []struct{ language, want string }{{"de", "de"}, {"pt-BR", "pt-BR"}, {"en-GB", ""}, {"", ""}} {
		b := withLanguage(t, c.language, "")
		checkAnnotations(t, b)
		var coll struct {
			First struct {
				Items []struct {
					Target struct {
						Source json.RawMessage `json:"source"`
					} `json:"target"`
				} `json:"items"`
			} `json:"first"`
		}
		if err := json.Unmarshal(export.Annotations(b), &coll); err != nil {
			t.Fatal(err)
		}
		want := `"https://example.com/curly"`
		if c.want != "" {
			want = `{"id":"https://example.com/curly","language":"` + c.want + `"}`
		}
		for _, it := range coll.First.Items {
			if got := string(it.Target.Source); got != want {
				t.Errorf("an article in %q: target source %s, want %s", c.language, got, want)
			}
		}
	}
}

// TestReviewsLanguage: an article in another language than the site's,
// as a claim's appearance in the ClaimReviews of its page and of the
// claims page, gives it (schema.org's inLanguage of the NewsArticle); one
// in the site's, or in none it names, has no inLanguage. On its page,
// where the claim reviewed is its own passage, the Claim (a CreativeWork)
// gives it too; on the claims page, where it is the claim's statement, in
// the site's language, the Claim gives none.
func TestReviewsLanguage(t *testing.T) {
	for _, c := range []struct{ language, want string }{{"de", "de"}, {"pt-BR", "pt-BR"}, {"en-GB", ""}, {"", ""}} {
		b := withLanguage(t, c.language, "https://example.org/sub/")
		for what, data := range map[string][]byte{
			"its page":        export.ArticleReviews(b, b.ArticleBySlug("curly")),
			"the claims page": export.ClaimReviews(b),
		} {
			var r struct {
				Graph []struct {
					ItemReviewed struct {
						InLanguage *string          `json:"inLanguage"`
						Appearance []map[string]any `json:"appearance"`
					} `json:"itemReviewed"`
				} `json:"@graph"`
			}
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatal(err)
			}
			claimLang := c.want // the passage's
			if what == "the claims page" {
				claimLang = "" // the statement's, the site's
			}
			n := 0
			for _, g := range r.Graph {
				got, ok := "", g.ItemReviewed.InLanguage != nil
				if ok {
					got = *g.ItemReviewed.InLanguage
				}
				switch {
				case claimLang == "" && ok:
					t.Errorf("an article in %q, in %s: the Claim has inLanguage %q", c.language, what, got)
				case claimLang != "" && got != claimLang:
					t.Errorf("an article in %q, in %s: the Claim has inLanguage %q (given: %v), want %q", c.language, what, got, ok, claimLang)
				}
				for _, ap := range g.ItemReviewed.Appearance {
					n++
					got, ok := ap["inLanguage"]
					switch {
					case c.want == "" && ok:
						t.Errorf("an article in %q, in %s: the appearance has inLanguage %v", c.language, what, got)
					case c.want != "" && got != c.want:
						t.Errorf("an article in %q, in %s: the appearance has inLanguage %v, want %q", c.language, what, got, c.want)
					}
				}
			}
			if n == 0 {
				t.Fatalf("%s: no appearance", what)
			}
		}
	}
}
