package site

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/stage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestFixtures compiles every briefing in testdata and compares each
// article's rendered body and notes with its golden file.
func TestFixtures(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) {
			res, err := Compile(briefingtest.Load(t, p), stage.Options{})
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			for slug, a := range res.Articles {
				var b strings.Builder
				b.WriteString(a.Body)
				b.WriteString("\n<!-- notes in reading order -->\n")
				for _, n := range a.Notes {
					fmt.Fprintf(&b, "%d %s [%s %s] quote=%q at %d-%d cites=%v\n%s", n.Number, n.ID, n.Kind, n.Verdict, n.Quote, n.Start, n.End, n.Cites, n.HTML)
				}
				golden := filepath.Join("testdata", "golden", name, slug+".html")
				if *update {
					_ = os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if b.String() != string(want) {
					t.Errorf("%s differs from %s:\n%s", slug, golden, b.String())
				}
				// Every note has exactly one marker and one passage id.
				for _, n := range a.Notes {
					if c := strings.Count(a.Body, `id="ref-`+n.ID+`"`); c != 1 {
						t.Errorf("note %s has %d markers", n.ID, c)
					}
					if c := strings.Count(a.Body, `id="anno-`+n.ID+`"`); c != 1 {
						t.Errorf("note %s has %d passage ids", n.ID, c)
					}
					if got := a.Text[n.Start:n.End]; got != n.Quote {
						t.Errorf("note %s: text position gives %q, want %q", n.ID, got, n.Quote)
					}
				}
			}
		})
	}
}

// TestMarkersInReadingOrder checks that numbers follow the markers in the
// text, not the order of the notes file.
func TestMarkersInReadingOrder(t *testing.T) {
	res, err := Compile(briefingtest.Load(t, "testdata/typography.txtar"), stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Articles["curly"]
	var got []string
	for _, n := range a.Notes {
		got = append(got, n.ID)
	}
	want := "heading western threat hundred cap record stanford-first stanford-second"
	if strings.Join(got, " ") != want {
		t.Errorf("reading order = %v, want %s", got, want)
	}
	last := -1
	for i, n := range a.Notes {
		at := strings.Index(a.Body, `id="ref-`+n.ID+`"`)
		if at < last {
			t.Errorf("marker %d (%s) comes before marker %d in the HTML", i+1, n.ID, i)
		}
		last = at
		if n.Number != i+1 {
			t.Errorf("note %s numbered %d, want %d", n.ID, n.Number, i+1)
		}
	}
}

func TestStagedProject(t *testing.T) {
	res, err := Compile(briefingtest.Load(t, "testdata/typography.txtar"), stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"hugo.json", "content/_index.html", "content/articles/curly.html", "content/claims.html", "content/sources.html"} {
		if _, ok := res.Files[f]; !ok {
			t.Errorf("staged project lacks %s", f)
		}
	}
	if c := res.Counts; c.Articles != 1 || c.Notes != 8 || c.Claims != 1 || c.Sources != 2 {
		t.Errorf("counts = %+v", c)
	}
}
