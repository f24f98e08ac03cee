package synth_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// TestBriefingCompiles checks that a synthetic briefing is a valid one of
// the size asked for: every note anchors, some inside others.
func TestBriefingCompiles(t *testing.T) {
	files := synth.Briefing(synth.Options{Articles: 12})
	res, err := site.Compile(briefingtest.MapFS(files), stage.Options{})
	if err != nil {
		t.Fatalf("the synthetic briefing has problems:\n%v", err)
	}
	c := res.Counts
	if c.Articles != 12 || c.Notes != 12*20 || c.Sources != 500 || c.Claims != 200 {
		t.Errorf("counts = %+v, want 12 articles, 240 notes, 500 sources, 200 claims", c)
	}
	for slug, a := range res.Articles {
		body := files["content/articles/"+slug+".md"]
		if n := len(body); n < 7500 || n > 10000 {
			t.Errorf("%s is %d bytes, want about 8 KB", slug, n)
		}
		nested := 0
		for i, n := range a.Notes {
			for j, o := range a.Notes {
				if i != j && o.Start <= n.Start && n.End <= o.End && o.End-o.Start > n.End-n.Start {
					nested++
				}
			}
		}
		if nested < 3 {
			t.Errorf("%s has %d nested notes, want some", slug, nested)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := synth.Briefing(synth.Options{Articles: 3}), synth.Briefing(synth.Options{Articles: 3})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	// An article does not depend on how many others there are.
	c := synth.Briefing(synth.Options{Articles: 5})
	if !bytes.Equal(a["content/articles/article-00002.md"], c["content/articles/article-00002.md"]) {
		t.Error("article 2 differs between briefings of 3 and 5 articles")
	}
	if bytes.Equal(a["content/articles/article-00001.md"], a["content/articles/article-00002.md"]) {
		t.Error("two articles are the same")
	}
}

// TestPlainHasFootnotes checks that the plain project carries one footnote
// marker and one definition for each note.
func TestPlainHasFootnotes(t *testing.T) {
	p := synth.Plain(synth.Options{Articles: 2})
	md := string(p["content/articles/article-00001.md"])
	for i := 1; i <= 20; i++ {
		id := "[^n" + string(rune('0'+i/10)) + string(rune('0'+i%10)) + "]"
		if c := strings.Count(md, id); c != 2 {
			t.Errorf("%s appears %d times, want a marker and a definition", id, c)
		}
	}
	for _, name := range []string{"hugo.json", "layouts/page.html", "layouts/home.html", "content/claims.md", "content/sources.md", "content/_index.md"} {
		if len(p[name]) == 0 {
			t.Errorf("plain project lacks %s", name)
		}
	}
}

// TestArticlesHaveTheirOwnURLs: at the benchmark's largest size every
// article has an address of its own, as check requires (two articles with
// one are an input error): the addresses, made of four random words, were
// alike for some pairs from about 3,000 articles, and the benchmark's
// briefing of 10,000 failed its check.
func TestArticlesHaveTheirOwnURLs(t *testing.T) {
	seen := map[string]string{}
	for p, data := range synth.Briefing(synth.Options{Articles: 10000, Notes: 1, Sources: 1, Claims: 1}) {
		if !strings.HasPrefix(p, "content/articles/") {
			continue
		}
		_, rest, _ := strings.Cut(string(data), "\nurl: ")
		u, _, _ := strings.Cut(rest, "\n")
		if u == "" {
			t.Fatalf("%s has no url", p)
		}
		if other, ok := seen[u]; ok {
			t.Errorf("%s and %s both have the url %s", other, p, u)
		}
		seen[u] = p
	}
	if len(seen) != 10000 {
		t.Errorf("%d articles, want 10000", len(seen))
	}
}
