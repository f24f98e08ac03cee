package stage_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// compile stages the fixture briefing testdata/pages.txtar.
func compile(t *testing.T) stage.Files {
	t.Helper()
	res, err := site.Compile(briefingtest.Load(t, "testdata/pages.txtar"), stage.Options{})
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return res.Files
}

// params decodes the params of a staged content file's JSON front matter
// into v.
func params(t *testing.T, f stage.Files, name string, v any) {
	t.Helper()
	data, ok := f[name]
	if !ok {
		t.Fatalf("no %s staged", name)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var fm struct{ Params json.RawMessage }
	if err := dec.Decode(&fm); err != nil {
		t.Fatalf("%s: front matter: %v", name, err)
	}
	if err := json.Unmarshal(fm.Params, v); err != nil {
		t.Fatalf("%s: params: %v", name, err)
	}
}

type link struct {
	Href, Verdict string
	Number        int
	Own           bool
}

func TestMatrix(t *testing.T) {
	var p struct {
		Matrix struct {
			Columns []struct{ Outlet, Href string }
			Rows    []struct {
				ID, Verdict string
				Articles    int
				Cells       [][]link
			}
		}
	}
	params(t, compile(t), "content/_index.html", &p)
	m := p.Matrix
	var cols []string
	for _, c := range m.Columns {
		cols = append(cols, c.Outlet+" "+c.Href)
	}
	// Dated articles first.
	if got, want := strings.Join(cols, ", "), "Alpha Daily articles/alpha.html, Beta Wire articles/beta.html"; got != want {
		t.Errorf("columns = %s, want %s", got, want)
	}
	if len(m.Rows) != 3 {
		t.Fatalf("%d rows, want one per claim (3)", len(m.Rows))
	}
	both, one, none := m.Rows[0], m.Rows[1], m.Rows[2]
	if both.ID != "threat-post" || both.Articles != 2 || len(both.Cells) != 2 {
		t.Fatalf("first row = %+v, want threat-post in 2 articles", both)
	}
	// Each cell links to the passage, with the note's verdict where it has
	// its own (beta's wording is judged misleading), else the claim's.
	if c := both.Cells[0]; len(c) != 1 || c[0] != (link{Href: "articles/alpha.html#anno-threat", Verdict: "accurate", Number: 1}) {
		t.Errorf("alpha cell = %+v", c)
	}
	if c := both.Cells[1]; len(c) != 1 || c[0] != (link{Href: "articles/beta.html#anno-threat", Verdict: "misleading", Number: 1, Own: true}) {
		t.Errorf("beta cell = %+v", c)
	}
	if one.ID != "report-policies" || one.Articles != 1 || len(one.Cells[1]) != 0 ||
		len(one.Cells[0]) != 1 || one.Cells[0][0].Verdict != "accurate" || one.Cells[0][0].Href != "articles/alpha.html#anno-favor" {
		t.Errorf("second row = %+v", one)
	}
	if none.ID != "nowhere" || none.Articles != 0 || len(none.Cells) != 2 || len(none.Cells[0])+len(none.Cells[1]) != 0 {
		t.Errorf("a claim in no article: row = %+v, want two empty cells", none)
	}
}

func TestClaimsPage(t *testing.T) {
	var p struct {
		Claims []struct {
			ID          string
			Appearances []struct{ Outlet, Quote, Href string }
		}
	}
	params(t, compile(t), "content/claims.html", &p)
	got := map[string][]string{}
	for _, c := range p.Claims {
		got[c.ID] = []string{}
		for _, a := range c.Appearances {
			got[c.ID] = append(got[c.ID], a.Outlet+": "+a.Quote+" → "+a.Href)
		}
	}
	want := map[string][]string{
		"threat-post": {
			"Alpha Daily: an existential threat to Western civilization → articles/alpha.html#anno-threat",
			"Beta Wire: an existential threat to Western civilisation → articles/beta.html#anno-threat",
		},
		"report-policies": {"Alpha Daily: unduly favor migrants → articles/alpha.html#anno-favor"},
		"nowhere":         {},
	}
	for id, w := range want {
		if strings.Join(got[id], "\n") != strings.Join(w, "\n") || got[id] == nil {
			t.Errorf("claim %s appears as %q, want %q", id, got[id], w)
		}
	}
}

func TestSourcesPage(t *testing.T) {
	var p struct {
		Groups []struct {
			Key     string
			Sources []struct {
				ID, HTML string
				CitedBy  []struct {
					Label string
					Links []struct{ Label, Href string }
				} `json:"cited_by"`
			}
		}
	}
	params(t, compile(t), "content/sources.html", &p)
	var groups []string
	cited := map[string]string{}
	for _, g := range p.Groups {
		var ids []string
		for _, s := range g.Sources {
			ids = append(ids, s.ID)
			var by []string
			for _, c := range s.CitedBy {
				for _, l := range c.Links {
					by = append(by, c.Label+": "+l.Label+" → "+l.Href)
				}
			}
			cited[s.ID] = strings.Join(by, "; ")
		}
		groups = append(groups, g.Key+": "+strings.Join(ids, " "))
	}
	// The report is official by its keyword; the rest by their CSL type.
	want := "study: smith-2024 | official: bka-2025 | news: times-2025 | statement: state-x-2025 | other: uncited-2020"
	if got := strings.Join(groups, " | "); got != want {
		t.Errorf("groups = %s\nwant     %s", got, want)
	}
	for id, w := range map[string]string{
		"state-x-2025": "Alpha Daily: note 1 → articles/alpha.html#note-threat; Beta Wire: note 1 → articles/beta.html#note-threat; " +
			"Claims: The department called migration an existential threat. → claims.html#claim-threat-post",
		"times-2025":   "Alpha Daily: note 2 → articles/alpha.html#note-favor; Timeline: 26 November 2025 → index.html#event-2",
		"uncited-2020": "",
	} {
		if cited[id] != w {
			t.Errorf("%s cited by %q\nwant %q", id, cited[id], w)
		}
	}
}

func TestQuotesPage(t *testing.T) {
	var p struct {
		Groups []struct {
			Articles int
			Wordings []struct {
				HTML      string
				Reference bool
				Places    []struct{ Outlet, Href string }
			}
		}
	}
	params(t, compile(t), "content/quotes.html", &p)
	// Only the cable's sentence is quoted in both articles; "policies
	// that unduly favor…" and the spokesperson are quoted in one only.
	if len(p.Groups) != 1 || p.Groups[0].Articles != 2 || len(p.Groups[0].Wordings) != 2 {
		t.Fatalf("groups = %+v, want one group of two wordings", p.Groups)
	}
	ref, other := p.Groups[0].Wordings[0], p.Groups[0].Wordings[1]
	if !ref.Reference || ref.Places[0].Outlet != "Alpha Daily" || strings.Contains(ref.HTML, "<ins>") {
		t.Errorf("reference = %+v", ref)
	}
	// Curly and straight quotes and the comma outside the marks are no
	// difference; "civilisation" is.
	want := `an existential threat to Western <del><span class="visually-hidden">[left out: </span>civilization<span class="visually-hidden">]</span></del> ` +
		`<ins><span class="visually-hidden">[added: </span>civilisation<span class="visually-hidden">]</span></ins> and undermines the stability of allies`
	if other.HTML != want {
		t.Errorf("beta's wording:\n got %s\nwant %s", other.HTML, want)
	}
	// Each place links to its passage: the note that overlaps it.
	if h := other.Places[0].Href; h != "articles/beta.html#anno-threat" {
		t.Errorf("beta's place links to %s", h)
	}
}

func TestNotesPage(t *testing.T) {
	var p struct {
		Articles []struct {
			Slug  string
			Notes []struct {
				ID   string
				HTML string
			}
		}
	}
	params(t, compile(t), "content/notes.html", &p)
	var got []string
	for _, a := range p.Articles {
		for _, n := range a.Notes {
			got = append(got, a.Slug+"#"+n.ID)
		}
	}
	if want := "alpha#threat alpha#favor alpha#no-data beta#threat beta#crimes"; strings.Join(got, " ") != want {
		t.Errorf("notes = %s, want %s", strings.Join(got, " "), want)
	}
}

func TestSearchIndex(t *testing.T) {
	f := compile(t)
	var p struct{ Index string }
	params(t, f, "content/search.html", &p)
	js, ok := f["static/"+p.Index]
	if !ok || !strings.HasPrefix(p.Index, "js/search-index.") {
		t.Fatalf("search page names index %q, which is not staged", p.Index)
	}
	const prefix = "window.BRIEFING_SEARCH="
	if !bytes.HasPrefix(js, []byte(prefix)) {
		t.Fatalf("index does not set the global: %.60s", js)
	}
	var idx struct {
		Kinds []string
		Docs  [][4]any
	}
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimPrefix(js, []byte(prefix)), []byte(";\n")), &idx); err != nil {
		t.Fatalf("index is not JSON after the global: %v", err)
	}
	hrefs := map[string]string{}
	for _, d := range idx.Docs {
		hrefs[d[2].(string)] = idx.Kinds[int(d[0].(float64))] + ": " + d[3].(string)
	}
	for href, want := range map[string]string{
		"articles/alpha.html#note-favor": "Note: “unduly favor migrants” Quoted from the cable by the Times, about quinoa farming policies.",
		"claims.html#claim-nowhere":      "Claim: Kept for completeness.",
		// A paragraph is found by its words, up to its first note marker.
		"articles/beta.html#:~:text=The%20cable%20asks%20diplomats,report%20crimes%20by%20migrants": "Article text: The cable asks diplomats to report crimes by migrants.",
		"articles/alpha.html#:~:text=Officials%20offered%20no%20data":                               "Article text: Officials offered no data on crime rates.",
	} {
		got, ok := hrefs[href]
		if !ok {
			t.Errorf("no document links to %s", href)
		} else if want != "" && got != want {
			t.Errorf("%s: %q, want %q", href, got, want)
		}
	}
	var sources int
	for _, d := range idx.Docs {
		if idx.Kinds[int(d[0].(float64))] == "Source" {
			sources++
		}
	}
	if sources != 5 {
		t.Errorf("%d sources indexed, want 5", sources)
	}
}

func TestNotesPageRebasesLinks(t *testing.T) {
	fs := briefingtest.Load(t, "testdata/pages.txtar")
	fs["annotations/beta.yaml"].Data = []byte(`notes:
  - id: crimes
    quote: report crimes by migrants
    kind: context
    note: See [the claims](../claims.html#claim-nowhere), [alpha](alpha.html#note-threat), [above](#note-crimes) and [a site](https://example.org/x).
`)
	res, err := site.Compile(fs, stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Articles []struct {
			Slug  string
			Notes []struct{ HTML string }
		}
	}
	params(t, res.Files, "content/notes.html", &p)
	got := p.Articles[len(p.Articles)-1].Notes[0].HTML
	for _, want := range []string{`href="claims.html#claim-nowhere"`, `href="articles/alpha.html#note-threat"`,
		`href="articles/beta.html#note-crimes"`, `href="https://example.org/x"`} {
		if !strings.Contains(got, want) {
			t.Errorf("note on the all-notes page lacks %s: %s", want, got)
		}
	}
}
