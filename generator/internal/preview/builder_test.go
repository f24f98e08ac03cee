package preview

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/stage"
)

// fakeHugo stands for Hugo in these tests: it lays out each content file
// (JSON front matter on the first line, then the body) as a page that
// prints the front matter's title and params, the page's JSON-LD asset,
// then the body; and copies static/ to the site. How it prints can be
// spoilt, as a theme might.
type fakeHugo struct {
	runs  int
	upper bool // prints the params in capitals (holes too)
	twice bool // prints each body twice
}

func (h *fakeHugo) build(ctx context.Context, src, dest string) error {
	h.runs++
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var name string
		var out []byte
		switch {
		case strings.HasPrefix(rel, "static/"):
			name, out = strings.TrimPrefix(rel, "static/"), data
		case strings.HasPrefix(rel, "content/"):
			fm, body, _ := bytes.Cut(data, []byte("\n"))
			var meta struct {
				Title  string
				Params map[string]any
			}
			if err := json.Unmarshal(fm, &meta); err != nil {
				return fmt.Errorf("%s: %v", rel, err)
			}
			params := fmt.Sprint(meta.Params)
			if h.upper {
				params = strings.ToUpper(params)
			}
			if h.twice {
				body = append(body, body...)
			}
			name = stage.OutputPath(rel)
			out = fmt.Appendf(nil, "<html><head><title>%s</title></head><body data-params=%q><main>%s</main></body></html>\n",
				meta.Title, params, body)
		default:
			return nil
		}
		dst := filepath.Join(dest, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, out, 0o644)
	})
}

// project is a small staged project: pages a and b, a search page naming
// its index by the hash of its contents, ClaimReview JSON-LD ldA at the end
// of a's body, as stage writes it; each file in pieces, as a
// stage.PieceFiles holds it (see inPieces).
func project(bodyA, ldA, index, titleB string) map[string]stage.Pieces {
	sum := sha256.Sum256([]byte(index))
	indexName := "js/search-index." + hex.EncodeToString(sum[:8]) + ".js"
	return inPieces(map[string][]byte{
		"hugo.json":                         []byte(`{"title":"t"}`),
		"themes/briefing/layouts/page.html": []byte(`<main>{{ .Content }}</main>`),
		"content/articles/a.html":           []byte(`{"title":"A","params":{"slug":"a"}}` + "\n" + bodyA + ldScript(ldA)),
		"content/articles/b.html":           []byte(`{"title":"` + titleB + `","params":{"slug":"b"}}` + "\n<p>b</p>"),
		"content/search.html":               []byte(`{"title":"Search","params":{"index":"` + indexName + `"}}` + "\n<p>search</p>"),
		"content/empty.html":                []byte(`{"title":"Empty"}` + "\n"),
		"static/" + indexName:               []byte(index),
		"static/briefing.json":              []byte(`{"a":"` + bodyA + `"}`),
	})
}

// inPieces cuts each file into pieces: at a third of its length, and two
// bytes after its first line (so the line ends within a piece), as a
// stage.PieceFiles may hold it.
func inPieces(files map[string][]byte) map[string]stage.Pieces {
	out := map[string]stage.Pieces{}
	for name, data := range files {
		var p stage.Pieces
		last := 0
		for _, at := range []int{len(data) / 3, bytes.IndexByte(data, '\n') + 2} {
			if at > last && at < len(data) {
				p, last = append(p, data[last:at]), at
			}
		}
		out[name] = append(p, data[last:])
	}
	return out
}

// flat joins each file's pieces.
func flat(files map[string]stage.Pieces) map[string][]byte {
	out := map[string][]byte{}
	for name, p := range files {
		out[name] = bytes.Clone(p.Join())
	}
	return out
}

// ldScript is the JSON-LD block stage writes at the end of a page's body.
func ldScript(ld string) string { return `<script type="application/ld+json">` + ld + "</script>\n" }

// files lists every file of s with its contents.
func files(t *testing.T, s *Site) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range s.Paths() {
		data, err := s.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = string(data)
	}
	return out
}

// TestRefreshWithoutHugo refreshes two Builders with the same projects,
// one as it would (without Hugo when only bodies, detached files and holes
// changed), the other always with Hugo, and checks that both make the same
// site, and that Hugo ran exactly when it had to.
func TestRefreshWithoutHugo(t *testing.T) {
	steps := []struct {
		what    string
		project map[string]stage.Pieces
		kind    string
	}{
		{"the first build", project("<p>a</p>", `{"v":1}`, "index 1", "B"), Detached},
		{"a body", project("<p>a, edited</p>", `{"v":1}`, "index 1", "B"), Spliced},
		{"JSON-LD and the search index", project("<p>a, edited</p>", `{"v":2}`, "index 2", "B"), Spliced},
		{"a title", project("<p>a, edited</p>", `{"v":2}`, "index 2", "B, edited"), Detached},
		{"everything but the layout", project("<p>a again</p>", `{"v":3}`, "index 3", "B, edited"), Spliced},
		{"nothing", project("<p>a again</p>", `{"v":3}`, "index 3", "B, edited"), Spliced},
	}
	var h, ref fakeHugo
	b := NewBuilder(t.TempDir(), h.build)
	full := NewBuilder(t.TempDir(), ref.build)
	full.ForceHugo()
	for _, s := range steps {
		before := flat(s.project)
		got, r, err := b.Refresh(context.Background(), s.project)
		if err != nil {
			t.Fatalf("%s: %v", s.what, err)
		}
		if !maps.EqualFunc(flat(s.project), before, bytes.Equal) {
			t.Fatalf("%s: Refresh changed the project it was given", s.what)
		}
		want, _, err := full.Refresh(context.Background(), s.project)
		if err != nil {
			t.Fatal(err)
		}
		if r.Kind != s.kind {
			t.Errorf("%s: the site was made %s, want %s", s.what, r.Kind, s.kind)
		}
		if r.Unchanged != (s.what == "nothing") {
			t.Errorf("%s: Unchanged = %v", s.what, r.Unchanged)
		}
		if g, w := files(t, got), files(t, want); !maps.Equal(g, w) {
			t.Errorf("%s: the site made %s is not the one Hugo makes:\n%v\nwant\n%v", s.what, r.Kind, g, w)
		}
	}
	if h.runs != 2 {
		t.Errorf("Hugo ran %d times, want 2", h.runs)
	}
	// The site is the project laid out with its bodies: a's page, edited.
	got, _, _ := b.Refresh(context.Background(), steps[len(steps)-1].project)
	page, _ := got.ReadFile("articles/a.html")
	if !strings.Contains(string(page), "<main><p>a again</p>"+ldScript(`{"v":3}`)+"</main>") {
		t.Errorf("articles/a.html = %s", page)
	}
}

// TestRefreshFallsBack checks the themes that holes or body marks do not
// suit: each is found out on its first build, which is made again as
// build would make it, and later builds of it do without.
func TestRefreshFallsBack(t *testing.T) {
	for _, tc := range []struct {
		name  string
		hugo  fakeHugo
		theme string
		runs  []int // Hugo runs of each of two refreshes
		kind  string
	}{
		{"holes printed in capitals", fakeHugo{upper: true}, "", []int{2, 1}, Detached},
		{"bodies printed twice", fakeHugo{twice: true}, "", []int{3, 1}, Whole},
		{"a theme that uses .Summary", fakeHugo{}, `{{ .Summary }}`, []int{1, 1}, Whole},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, ref := tc.hugo, tc.hugo
			b := NewBuilder(t.TempDir(), h.build)
			whole := NewBuilder(t.TempDir(), ref.build)
			for i, p := range []map[string]stage.Pieces{
				project("<p>a</p>", `{"v":1}`, "index 1", "B"),
				project("<p>a, edited</p>", `{"v":2}`, "index 2", "B"),
			} {
				if tc.theme != "" {
					p["themes/briefing/layouts/page.html"] = stage.Pieces{[]byte(tc.theme)}
				}
				runs := h.runs
				got, r, err := b.Refresh(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				if r.Kind != tc.kind || h.runs-runs != tc.runs[i] {
					t.Errorf("refresh %d: made %s with %d Hugo runs, want %s with %d", i, r.Kind, h.runs-runs, tc.kind, tc.runs[i])
				}
				// What Hugo makes of the whole project, bodies included.
				want, err := wholeSite(t, &ref, whole, p)
				if err != nil {
					t.Fatal(err)
				}
				if g := files(t, got); !maps.Equal(g, want) {
					t.Errorf("refresh %d: the site is not Hugo's:\n%v\nwant\n%v", i, g, want)
				}
			}
		})
	}
}

// wholeSite is what h makes of project, bodies and all.
func wholeSite(t *testing.T, h *fakeHugo, b *Builder, project map[string]stage.Pieces) (map[string]string, error) {
	out, _, err := b.run(context.Background(), flat(project))
	if err != nil {
		return nil, err
	}
	got := map[string]string{}
	for name, data := range out {
		got[name] = string(data)
	}
	return got, nil
}

// TestRefreshError keeps nothing of a failed build: the next refresh of
// the same project builds again.
func TestRefreshError(t *testing.T) {
	fail := errors.New("hugo failed")
	var h fakeHugo
	broken := false
	b := NewBuilder(t.TempDir(), func(ctx context.Context, src, dest string) error {
		if broken {
			h.runs++
			return fail
		}
		return h.build(ctx, src, dest)
	})
	p := project("<p>a</p>", `{"v":1}`, "index 1", "B")
	if _, _, err := b.Refresh(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	broken = true
	p2 := project("<p>a</p>", `{"v":1}`, "index 1", "B, edited")
	if _, _, err := b.Refresh(context.Background(), p2); !errors.Is(err, fail) {
		t.Fatalf("Refresh with a failing Hugo: %v", err)
	}
	broken = false
	runs := h.runs
	s, r, err := b.Refresh(context.Background(), p2)
	if err != nil || r.Kind != Detached || h.runs != runs+1 {
		t.Fatalf("after a failed build: %v, %s, %d Hugo runs", err, r.Kind, h.runs-runs)
	}
	if page, _ := s.ReadFile("articles/b.html"); !bytes.Contains(page, []byte("<title>B, edited</title>")) {
		t.Errorf("articles/b.html = %s", page)
	}
	if got := slices.Collect(maps.Keys(files(t, s))); len(got) != 6 {
		t.Errorf("the site holds %v", got)
	}
}

// TestRefreshKeepsPieces checks that the site serves the pieces it was
// given (a page's body after its front matter's line, a detached file
// whole), not copies of them, with Hugo and without.
func TestRefreshKeepsPieces(t *testing.T) {
	var h fakeHugo
	b := NewBuilder(t.TempDir(), h.build)
	for i, p := range []map[string]stage.Pieces{
		project("<p>a</p>", `{"v":1}`, "index 1", "B"),
		project("<p>a, edited</p>", `{"v":2}`, "index 2", "B"),
	} {
		s, r, err := b.Refresh(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		served := map[*byte]bool{}
		for _, name := range []string{"articles/a.html", "briefing.json"} {
			parts, _ := s.parts(name)
			for _, q := range parts {
				if len(q) > 0 {
					served[&q[len(q)-1]] = true
				}
			}
		}
		// The last piece of each: it ends where the file does.
		for _, name := range []string{"content/articles/a.html", "static/briefing.json"} {
			last := p[name][len(p[name])-1]
			if !served[&last[len(last)-1]] {
				t.Errorf("refresh %d (%s): the end of %s is served from a copy", i, r.Kind, name)
			}
		}
	}
}
