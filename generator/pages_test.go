package main

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/stage"
)

// buildBriefing builds the briefing in root with the real Hugo into a new
// folder and returns it.
func buildBriefing(t *testing.T, root string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, root, out)
	return out
}

// buildInto builds the briefing in root into out, and stops the test if
// the build fails.
func buildInto(t *testing.T, root, out string) {
	t.Helper()
	if code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", out); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
}

// fixtureDir writes a txtar fixture, or files given inline, to a folder.
func fixtureDir(t *testing.T, fs fstest.MapFS) string {
	t.Helper()
	root := t.TempDir()
	briefingtest.WriteDir(t, fs, root)
	return root
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src|action)="([^"]*)"`)
	tag      = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is a page's text roughly as a browser finds it for a text
// fragment: tags removed, references resolved, white space collapsed.
func visibleText(page string) string {
	if i := strings.Index(page, "<body"); i >= 0 {
		page = page[i:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(page, ""))), " ")
}

// checkLinks opens every HTML page under out and returns a problem for
// each link inside the site that is not relative, names no file, or has a
// fragment that is not an id on its page (or, for a text fragment, text on
// it). Links to other sites are left alone, but nothing may be loaded from
// them.
func checkLinks(out string) []string {
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	pages := map[string]string{}
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			data, _ := os.ReadFile(p)
			pages[p] = string(data)
		}
		return nil
	})
	if len(pages) == 0 {
		return []string{"no pages built"}
	}
	checked := 0
	for p, body := range pages {
		rel, _ := filepath.Rel(out, p)
		for _, m := range linkAttr.FindAllStringSubmatch(body, -1) {
			raw := html.UnescapeString(m[1])
			if strings.HasPrefix(m[0], "src=") && strings.Contains(raw, "://") {
				errorf("%s loads %s from elsewhere", rel, raw)
			}
			u, err := url.Parse(raw)
			if err != nil {
				errorf("%s: bad link %q", rel, raw)
				continue
			}
			if u.Scheme != "" || strings.HasPrefix(raw, "//") {
				continue // another site, or mailto:
			}
			if strings.HasPrefix(raw, "/") && rel != "404.html" {
				// 404.html is the one page a host serves at any depth and
				// never opened from disk, so it links from the host's root.
				errorf("%s: link %q is root-relative, which does not work from file://", rel, raw)
				continue
			}
			target := p
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
			}
			if !strings.HasPrefix(target, out+string(filepath.Separator)) {
				errorf("%s: link %q leaves the site", rel, raw)
				continue
			}
			if _, err := os.Stat(target); err != nil {
				errorf("%s: link %q: no such file", rel, raw)
				continue
			}
			checked++
			frag := u.Fragment
			if frag == "" {
				continue
			}
			tbody, ok := pages[target]
			if !ok {
				errorf("%s: link %q has a fragment into a file that is not a page", rel, raw)
				continue
			}
			if text, ok := strings.CutPrefix(frag, ":~:text="); ok {
				for _, part := range strings.Split(text, ",") {
					part, _ = url.PathUnescape(part)
					if !strings.Contains(strings.ToLower(visibleText(tbody)), strings.ToLower(part)) {
						errorf("%s: link %q: text fragment %q is not on %s", rel, raw, part, filepath.Base(target))
					}
				}
				continue
			}
			if !strings.Contains(tbody, ` id="`+frag+`"`) {
				errorf("%s: link %q: no id %q on the page", rel, raw, frag)
			}
		}
	}
	if checked == 0 {
		errorf("no links checked")
	}
	sort.Strings(problems)
	return problems
}

func TestCheckLinksFindsBrokenLinks(t *testing.T) {
	out := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(out, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<body><a href="articles/a.html#anno-x">ok</a> <a href="articles/a.html#anno-y">no id</a>
<a href="gone.html">no file</a> <a href="/index.html">root</a> <script src="https://cdn.example/x.js"></script>
<a href="articles/a.html#:~:text=visible%20words">text</a> <a href="articles/a.html#:~:text=missing%20words">no text</a>`)
	write("articles/a.html", `<body><p><mark id="anno-x">visible</mark> words</p>`)
	got := strings.Join(checkLinks(out), "\n")
	want := strings.Join([]string{
		`index.html loads https://cdn.example/x.js from elsewhere`,
		`index.html: link "/index.html" is root-relative, which does not work from file://`,
		`index.html: link "articles/a.html#:~:text=missing%20words": text fragment "missing words" is not on a.html`,
		`index.html: link "articles/a.html#anno-y": no id "anno-y" on the page`,
		`index.html: link "gone.html": no such file`,
	}, "\n")
	if got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestBriefingPagesEndToEnd builds the fixture, the project's own briefing
// and a minimal one, and checks that every page is there, that every claim
// and source has its anchor, and that every link resolves from disk.
func TestBriefingPagesEndToEnd(t *testing.T) {
	minimal := fstest.MapFS{
		"content/_index.md":         {Data: []byte("---\ntitle: Minimal\n---\nOne article, no notes, no claims, no sources.\n")},
		"content/articles/only.md":  {Data: []byte("---\ntitle: Only\noutlet: Solo\nurl: https://solo.example/\n---\nThe only “article text” here.\n")},
		"annotations/.keep":         {Data: nil},
		"content/articles/.gitkeep": {Data: nil},
	}
	delete(minimal, "content/articles/.gitkeep")
	for _, tc := range []struct {
		name string
		root string
	}{
		{"fixture", fixtureDir(t, briefingtest.Load(t, "internal/stage/testdata/pages.txtar"))},
		{"real", ".."},
		{"minimal", fixtureDir(t, minimal)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := buildBriefing(t, tc.root)
			res, err := compile(tc.root, stage.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"index.html", "claims.html", "sources.html", "quotes.html", "notes.html", "search.html"} {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("missing %s", f)
				}
			}
			if m, _ := filepath.Glob(filepath.Join(out, "js", "search-index.*.js")); len(m) != 1 {
				t.Errorf("search index files: %v, want one", m)
			}
			read := func(name string) string {
				data, _ := os.ReadFile(filepath.Join(out, name))
				return string(data)
			}
			claims, sources, index, notes := read("claims.html"), read("sources.html"), read("index.html"), read("notes.html")
			for _, c := range res.Briefing.Claims {
				if !strings.Contains(claims, `id="claim-`+c.ID+`"`) {
					t.Errorf("claims.html lacks claim %s", c.ID)
				}
				// Its entry in the contents, with its verdict beside it.
				if !regexp.MustCompile(`<li><a href="#claim-` + regexp.QuoteMeta(c.ID) + `">[^<]*</a> <span class="verdict verdict-` + string(c.Verdict) + `">`).MatchString(claims) {
					t.Errorf("the contents of claims.html lack claim %s with its verdict, %s", c.ID, c.Verdict)
				}
				if !strings.Contains(index, `href="claims.html#claim-`+c.ID+`"`) {
					t.Errorf("the matrix lacks a row for claim %s", c.ID)
				}
			}
			// The home page's contents, before its overview, lead to its
			// parts (integrity, below, finds each target).
			toc, _, ok := strings.Cut(index, `<div class="prose">`)
			if !ok || !strings.Contains(toc, `<nav class="toc" aria-labelledby="home-toc-h">`) {
				t.Error("the home page has no contents before its overview")
			}
			for part, has := range map[string]bool{
				`<a href="#articles-h">The articles</a>`:   true,
				`<a href="#matrix-h">Claims by outlet</a>`: len(res.Briefing.Claims) > 0,
				`<a href="#timeline-h">Timeline</a>`:       len(res.Briefing.Index.Timeline) > 0,
			} {
				if strings.Contains(toc, part) != has {
					t.Errorf("the home page's contents: %s is there %v, want %v", part, !has, has)
				}
			}
			for _, s := range res.Briefing.Sources {
				if strings.Count(sources, `id="src-`+s.ID+`"`) != 1 {
					t.Errorf("sources.html lacks source %s", s.ID)
				}
			}
			for slug, a := range res.Articles {
				for _, n := range a.Notes {
					if !strings.Contains(notes, `href="articles/`+slug+`.html#anno-`+n.ID+`"`) {
						t.Errorf("notes.html lacks a link to note %s of %s", n.ID, slug)
					}
				}
			}
			for _, p := range checkLinks(out) {
				t.Error(p)
			}
			for _, p := range checkNavCurrent(out) {
				t.Error(p)
			}
		})
	}
}

// siteNav is the site's header menu; navLink, a link in it, with its
// aria-current if it has one.
var (
	siteNav = regexp.MustCompile(`(?s)<nav aria-label="Briefing">.*?</nav>`)
	navLink = regexp.MustCompile(`<a (?:class="[^"]*" )?href="([^"]*)"( aria-current="page")?>`)
)

// checkNavCurrent checks the header of every page of the built site in
// out: it marks the link to the page itself as the current page
// (aria-current) when the header has one, and no other link. The theme
// makes the header once for each kind of page (partialCached), so a wrong
// cache key would mark the wrong page.
func checkNavCurrent(out string) []string {
	var problems []string
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	articles, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	headers := 0
	for _, p := range append(pages, articles...) {
		data, _ := os.ReadFile(p)
		nav := siteNav.FindString(string(data))
		if nav == "" {
			continue
		}
		headers++
		rel, _ := filepath.Rel(out, p)
		var current []string
		self := false
		for _, m := range navLink.FindAllStringSubmatch(nav, -1) {
			target := filepath.ToSlash(filepath.Join(filepath.Dir(rel), m[1]))
			if m[2] != "" {
				current = append(current, m[1])
			}
			if target == filepath.ToSlash(rel) && !strings.Contains(m[0], "site-title") {
				self = true
				if m[2] == "" {
					problems = append(problems, rel+": its header's link to itself is not marked as the current page")
				}
			}
		}
		want := 0
		if self {
			want = 1
		}
		if len(current) != want {
			problems = append(problems, fmt.Sprintf("%s: its header marks %q as the current page, want %d", rel, current, want))
		}
	}
	if headers < 7 {
		problems = append(problems, fmt.Sprintf("only %d pages have the site's header", headers))
	}
	return problems
}
