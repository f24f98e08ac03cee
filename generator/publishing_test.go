package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"go/version"
	"html"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/pdf"
	"github.com/briefing/annotated/generator/internal/stage"
)

// buildReal builds the project's own briefing into a new folder and returns
// it. Extra arguments go to build.
func buildReal(t *testing.T, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd(t, append([]string{"build", "--root", "..", "--out", out}, args...)...)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
	return out
}

// pdfPages returns the number of pages of the PDF at path, and what
// pdfinfo says of it.
func pdfPages(t *testing.T, path string) (int, []byte) {
	t.Helper()
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	return pages, info
}

// htmlFiles returns every .html file under dir, slash-separated and
// relative to it, with its contents.
func htmlFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, data := range snapshotDir(t, dir) {
		if strings.HasSuffix(name, ".html") {
			out[filepath.ToSlash(name)] = data
		}
	}
	return out
}

var (
	scriptRE = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script\s*>`)
	styleRE  = regexp.MustCompile(`(?is)<style\b[^>]*>(.*?)</style\s*>`)
	typeRE   = regexp.MustCompile(`(?i)\btype\s*=\s*"([^"]*)"`)
	srcRE    = regexp.MustCompile(`(?i)\ssrc\s*=`)
	linkRE   = regexp.MustCompile(`(?i)\s(href|src)="([^"]*)"`)
	idRE     = regexp.MustCompile(`\sid="([^"]*)"`)
)

// executable reports whether a <script> with these attributes runs: data
// blocks (JSON, JSON-LD) do not, and the Content-Security-Policy does not
// apply to them.
func executable(attrs string) bool {
	m := typeRE.FindStringSubmatch(attrs)
	if m == nil {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(m[1])) {
	case "", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript":
		return true
	}
	return false
}

type netlifyConfig struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
	Context map[string]struct {
		Command string `toml:"command"`
	} `toml:"context"`
}

// headersFor returns the values of every rule whose path matches p, in
// order; a header set by several rules is sent several times.
func (c *netlifyConfig) headersFor(p string) map[string][]string {
	out := map[string][]string{}
	for _, h := range c.Headers {
		match := h.For == p
		if prefix, ok := strings.CutSuffix(h.For, "*"); ok {
			match = strings.HasPrefix(p, prefix)
		}
		if match {
			for k, v := range h.Values {
				out[strings.ToLower(k)] = append(out[strings.ToLower(k)], v)
			}
		}
	}
	return out
}

// csp parses a Content-Security-Policy into its directives.
func csp(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[strings.ToLower(f[0])] = f[1:]
		}
	}
	return out
}

func allows(policy map[string][]string, directive, source string) bool {
	list, ok := policy[directive]
	if !ok {
		list = policy["default-src"]
	}
	for _, s := range list {
		if s == source {
			return true
		}
	}
	return false
}

// TestNetlifyConfig reads netlify.toml and checks it against a real build:
// the README's command given Netlify's $URL as --base-url, the Go of go.mod, and headers on every path whose
// Content-Security-Policy allows every inline style and script the build
// writes, by hash, and nothing else inline.
func TestNetlifyConfig(t *testing.T) {
	data, err := os.ReadFile("../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg netlifyConfig
	if err := toml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	readme, _ := os.ReadFile("../README.md")
	if cfg.Build.Command != `go run ./generator build --base-url "$URL"` || !strings.Contains(string(readme), "go run ./generator build      #") ||
		!strings.Contains(string(readme), "`"+cfg.Build.Command+"`") {
		t.Errorf("build command %q is not the README's with the site's address, as the README gives it", cfg.Build.Command)
	}
	// A preview or a branch's copy is built with its own address, and
	// kept out of search engines (Netlify sends X-Robots-Tag: noindex with
	// a deploy preview only), the same command otherwise.
	for _, c := range []string{"deploy-preview", "branch-deploy"} {
		if got, want := cfg.Context[c].Command, strings.Replace(cfg.Build.Command, `--base-url "$URL"`, `--noindex --base-url "$DEPLOY_PRIME_URL"`, 1); got != want {
			t.Errorf("context %s: command %q, want %q", c, got, want)
		}
	}
	if cfg.Build.Publish != "public" {
		t.Errorf("publish = %q, want public", cfg.Build.Publish)
	}
	gomod, _ := os.ReadFile("../go.mod")
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	want, pinned := "go"+string(m[1]), "go"+cfg.Build.Environment["GO_VERSION"]
	if !version.IsValid(pinned) || version.Lang(pinned) != version.Lang(want) || version.Compare(pinned, want) < 0 ||
		strings.Count(cfg.Build.Environment["GO_VERSION"], ".") != 2 {
		t.Errorf("GO_VERSION = %q: want a full release of %s, at least %s (this test runs %s)", cfg.Build.Environment["GO_VERSION"], version.Lang(want), want, runtime.Version())
	}

	out := buildReal(t)
	if _, err := os.Stat(filepath.Join(out, "404.html")); err != nil {
		t.Error("the build writes no 404.html")
	}
	// The exports are for other tools, a web page elsewhere among them:
	// any origin may read them. Nothing else is offered so.
	for _, p := range []string{"/briefing.json", "/annotations.jsonld", "/index.html", "/handout.html"} {
		got := strings.Join(cfg.headersFor(p)["access-control-allow-origin"], ", ")
		if export := p != "/index.html" && p != "/handout.html"; export && got != "*" {
			t.Errorf("%s: Access-Control-Allow-Origin %q, want *", p, got)
		} else if !export && got != "" {
			t.Errorf("%s: Access-Control-Allow-Origin %q, want none", p, got)
		}
	}
	// The printed handout, the whole briefing again, is kept out of search
	// engines, as handout.html is by its meta tag; nothing else is.
	if got := strings.Join(cfg.headersFor("/handout.pdf")["x-robots-tag"], ", "); got != "noindex" {
		t.Errorf("/handout.pdf: X-Robots-Tag %q, want noindex", got)
	}
	if got := cfg.headersFor("/index.html")["x-robots-tag"]; got != nil {
		t.Errorf("/index.html: X-Robots-Tag %q, want none", got)
	}
	all := snapshotDir(t, out)
	fingerprint := regexp.MustCompile(`\.[0-9a-f]{64}\.`)
	for name, content := range all {
		if strings.HasSuffix(name, "/") {
			continue
		}
		p := "/" + filepath.ToSlash(name)
		h := cfg.headersFor(p)
		for _, need := range []string{"content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy"} {
			if len(h[need]) == 0 {
				t.Errorf("%s is served without %s", p, need)
			}
		}
		if v := h["x-content-type-options"]; len(v) > 0 && v[0] != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", p, v[0])
		}
		for _, cc := range h["cache-control"] {
			if strings.Contains(cc, "immutable") && !fingerprint.MatchString(path.Base(p)) {
				t.Errorf("%s is cached as immutable but its name has no fingerprint", p)
			}
		}
		if fingerprint.MatchString(path.Base(p)) && !strings.Contains(strings.Join(h["cache-control"], ","), "immutable") {
			t.Errorf("%s is fingerprinted but not cached for good", p)
		}
		var policies []map[string][]string
		for _, v := range h["content-security-policy"] {
			pol := csp(v)
			policies = append(policies, pol)
			if strings.Contains(v, "'unsafe-inline'") || strings.Contains(v, "'unsafe-eval'") || strings.Contains(v, "'unsafe-hashes'") {
				t.Errorf("%s: the policy allows unsafe sources: %s", p, v)
			}
			for d, want := range map[string]string{"default-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'"} {
				if got := strings.Join(pol[d], " "); got != want {
					t.Errorf("%s: %s %q, want %s", p, d, got, want)
				}
			}
			for _, d := range []string{"script-src", "style-src", "img-src"} {
				if !allows(pol, d, "'self'") {
					t.Errorf("%s: %s does not allow the site's own files", p, d)
				}
			}
		}
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		// Inline code must be allowed by hash by every policy sent.
		check := func(kind, directive, code string) {
			sum := sha256.Sum256([]byte(code))
			src := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			for _, pol := range policies {
				if !allows(pol, directive, src) {
					t.Errorf("%s has an inline %s whose hash is not in %s: add %s to netlify.toml", p, kind, directive, src)
				}
			}
		}
		for _, s := range styleRE.FindAllStringSubmatch(content, -1) {
			check("<style>", "style-src", s[1])
		}
		for _, s := range scriptRE.FindAllStringSubmatch(content, -1) {
			if executable(s[1]) && !srcRE.MatchString(s[1]) {
				check("<script>", "script-src", s[2])
			}
		}
		// What no hash can allow: style attributes and event handlers.
		if loc := regexp.MustCompile(`(?i)<[a-z][^>]*\s(style|on[a-z]+)\s*=`).FindStringIndex(content); loc != nil {
			t.Errorf("%s has an inline style or event attribute, which the policy blocks: %s", p, content[loc[0]:loc[1]])
		}
	}
}

// TestHandoutSelfContained: handout.html loads nothing and links only to
// itself and outward; it holds every article with its notes, the claims and
// the bibliography.
func TestHandoutSelfContained(t *testing.T) {
	out := buildReal(t)
	data, err := os.ReadFile(filepath.Join(out, "handout.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, bad := range []string{"<link", "<script", "<img", "<iframe", "<object", "<embed", "@import", "url("} {
		if strings.Contains(strings.ToLower(page), strings.ToLower(bad)) {
			t.Errorf("handout.html contains %q: it must load nothing", bad)
		}
	}
	if srcRE.MatchString(page) {
		t.Error("handout.html has a src attribute")
	}
	if !strings.Contains(page, "<style>") {
		t.Error("handout.html has no inline stylesheet")
	}
	ids := map[string]int{}
	for _, m := range idRE.FindAllStringSubmatch(page, -1) {
		ids[html.UnescapeString(m[1])]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, m := range linkRE.FindAllStringSubmatch(page, -1) {
		href := html.UnescapeString(m[2])
		switch {
		case strings.HasPrefix(href, "#"):
			if ids[href[1:]] == 0 {
				t.Errorf("link %s points at no id in the file", href)
			}
		case strings.HasPrefix(href, "https://"), strings.HasPrefix(href, "http://"), strings.HasPrefix(href, "mailto:"):
		default:
			t.Errorf("link %q leaves the file", href)
		}
	}
	res, err := compile("..", stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Briefing.Articles {
		if ids["article-"+a.Slug] != 1 || !strings.Contains(page, html.EscapeString(a.Title)) {
			t.Errorf("article %s is not in the handout", a.Slug)
		}
		for _, n := range res.Articles[a.Slug].Notes {
			for _, id := range []string{"note-", "ref-", "anno-"} {
				if ids[a.Slug+"--"+id+n.ID] != 1 {
					t.Errorf("%s: no %s%s in the handout", a.Slug, id, n.ID)
				}
			}
		}
	}
	for _, c := range res.Briefing.Claims {
		if ids["claim-"+c.ID] != 1 {
			t.Errorf("claim %s is not in the claims table", c.ID)
		}
	}
	for _, s := range res.Briefing.Sources {
		if ids["src-"+s.ID] != 1 {
			t.Errorf("source %s is not in the bibliography", s.ID)
		}
	}
	if !strings.Contains(page, `<time datetime="2025-12-30">30 December 2025</time>`) {
		t.Error("the cover does not give the briefing's latest date")
	}

	// The methodology, where the overview sends the reader for what each
	// verdict means, is the handout's last part: its page's text, with the
	// verdict scale, listed in the contents and linked from the overview.
	if ids["methodology"] != 1 || !strings.Contains(page, `<li><a href="#methodology">Methodology</a></li>`) {
		t.Error("the handout's contents do not list its methodology")
	}
	_, overview, _ := strings.Cut(page, `id="overview"`)
	overview, _, _ = strings.Cut(overview, "</section>")
	if !strings.Contains(overview, `href="#methodology"`) {
		t.Error("the handout's overview does not link to its methodology")
	}
	plain := func(h string) string {
		return strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(h, " "))), " ")
	}
	_, method, _ := strings.Cut(page, `<section class="handout-part" id="methodology"`)
	method, _, _ = strings.Cut(method, "</main>")
	_, own, _ := strings.Cut(readFile(t, out, "methodology.html"), `<article class="page prose">`)
	own, _, _ = strings.Cut(own, "</article>")
	// The page's own contents list is not the handout's, which has its own.
	if before, after, ok := strings.Cut(own, `<nav class="toc"`); ok {
		_, after, _ = strings.Cut(after, "</nav>")
		own = before + after
	}
	if want, got := plain(own), plain(method[strings.IndexByte(method, '>')+1:]); got != want || !strings.Contains(got, "Inaccurate: the claim is contradicted by the best available sources") {
		t.Errorf("the handout's methodology reads\n%s\nwhere its page reads\n%s", got, want)
	}
	// The verdict scale gives the rating each verdict carries in the
	// site's data (its ClaimReviews), which Google asks a scale to say.
	for _, v := range briefing.Verdicts {
		n, rated := export.RatingValue(v)
		want := fmt.Sprintf("%s (rated %d of 5)", v.Label(), n)
		if got := strings.Contains(plain(own), want); got != rated {
			t.Errorf("the methodology's verdict scale gives %q: %v, want %v", want, got, rated)
		}
	}
}

// TestNoteLinksNumberedInPrint: a note's link to another note ("the note
// on the 676 cases") cannot be followed on paper: in the print edition
// each carries that note's number, which the printed copy shows after it,
// "[18]" for a note of the same article, and the other article's outlet
// before it for a note of another ("[Juno News, note 3]"), whatever the
// link's words: the handout numbers each article's notes from 1.
func TestNoteLinksNumberedInPrint(t *testing.T) {
	needTool(t, "chromium", "pdftotext")
	out := buildReal(t, "--pdf")
	handout := readFile(t, out, "handout.html")
	links := regexp.MustCompile(`<a href="#([a-z0-9-]+)--note-([a-z0-9-]+)"( data-n="(?:(?:([^",]+),[ \x{a0}])?(note)\x{a0})?(\d+)")?>([^<]+)</a>`).FindAllStringSubmatch(handout, -1)
	outlet := map[string]string{}
	for _, m := range regexp.MustCompile(`<article class="article handout-article" id="article-([a-z0-9-]+)"[^>]*>\n<header class="provenance">\n<p class="outlet">([^<]+)</p>`).FindAllStringSubmatch(handout, -1) {
		outlet[m[1]] = html.UnescapeString(m[2])
	}
	if len(outlet) != 5 {
		t.Fatalf("the handout's articles' outlets: %v", outlet)
	}
	text, err := exec.Command("pdftotext", filepath.Join(out, "handout.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	printed := strings.Join(strings.Fields(string(text)), " ")
	same, other := 0, 0
	for _, l := range links {
		slug, id, name, n, words := l[1], l[2], html.UnescapeString(l[4]), l[6], l[7]
		if l[3] == "" {
			t.Errorf("the link %q to note %s of %s is not numbered", words, id, slug)
			continue
		}
		if want := `<li id="` + slug + `--note-` + id + `" value="` + n + `"`; !strings.Contains(handout, want) {
			t.Errorf("the link %q to note %s of %s says %s: that note has another number", words, id, slug, n)
		}
		label := n
		switch {
		case name != "":
			other++
			if strings.Join(strings.Fields(name), " ") != outlet[slug] {
				t.Errorf("the link %q to note %s of %s names %q, not the article's outlet %q", words, id, slug, name, outlet[slug])
			}
			label = strings.Join(strings.Fields(name), " ") + ", note " + n
		case l[5] != "":
			// A number alone would send a reader of paper to the note
			// of that number in the article they are reading.
			other++
			t.Errorf("the link %q to note %s of %s is labelled %q, without its outlet", words, id, slug, "note "+n)
			label = "note " + n
		default:
			same++
		}
		if want := strings.Join(strings.Fields(html.UnescapeString(words)), " ") + " [" + label + "]"; !strings.Contains(printed, want) {
			t.Errorf("the printed handout lacks %q", want)
		}
	}
	if same < 5 || other < 5 {
		t.Fatalf("%d numbered links to a note of the same article, %d to another's, in the handout: the briefing has more", same, other)
	}
}

// TestOtherNotesLabelledOnArticlePagesInPrint: printed on its own, the
// Armust News page of the project's briefing follows each of its links to
// a note of another article (the Middle East Bulletin's, Juno News's)
// with that article's outlet and the note's number on its page, "[Middle
// East Bulletin, note 18]": a bare number would send the reader to the
// Armust News note of that number.
func TestOtherNotesLabelledOnArticlePagesInPrint(t *testing.T) {
	needTool(t, "chromium", "pdftotext")
	out := buildReal(t)
	src := readFile(t, out, "articles/armust-news-diplomats-oppose-migration.html")
	links := regexp.MustCompile(`<a href="([a-z0-9-]+)\.html#note-([a-z0-9-]+)" data-n="([^",]+), note\x{a0}(\d+)">([^<]+)</a>`).FindAllStringSubmatch(src, -1)
	if len(links) < 5 {
		t.Fatalf("%d labelled links to other articles' notes on the Armust News page: the briefing has 5 at least", len(links))
	}
	dst := filepath.Join(t.TempDir(), "page.pdf")
	if err := pdf.Print(context.Background(), filepath.Join(out, "articles", "armust-news-diplomats-oppose-migration.html"), dst, offline.Modified, "", "", pdf.Description{}); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", dst, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	printed := strings.Join(strings.Fields(string(text)), " ")
	names := map[string]bool{}
	for _, l := range links {
		slug, id, name, n, words := l[1], l[2], html.UnescapeString(l[3]), l[4], html.UnescapeString(l[5])
		names[name] = true
		if want := `<li id="note-` + id + `" value="` + n + `"`; !strings.Contains(readFile(t, out, "articles/"+slug+".html"), want) {
			t.Errorf("the link %q to note %s of %s says %s: that note has another number", words, id, slug, n)
		}
		if want := strings.Join(strings.Fields(words), " ") + " [" + name + ", note " + n + "]"; !strings.Contains(printed, want) {
			t.Errorf("the printed page lacks %q", want)
		}
	}
	if !names["Middle East Bulletin"] || !names["Juno News"] {
		t.Errorf("the labels name %v, not the Middle East Bulletin and Juno News", names)
	}
}

// TestNoIndex: a copy built with --noindex (a preview, a branch deploy,
// at an address of its own) asks search engines to leave out every page,
// with no canonical link and no sitemap, its robots.txt letting crawlers
// read that (a Disallow would hide the noindex from them);
// a build without it asks that of the search page, the print edition
// and the 404 page alone.
func TestNoIndex(t *testing.T) {
	for _, noindex := range []bool{true, false} {
		args := []string{"--base-url", "https://preview.example/"}
		if noindex {
			args = append(args, "--noindex")
		}
		out := buildReal(t, args...)
		for name, page := range htmlFiles(t, out) {
			meta := strings.Contains(page, `<meta name="robots" content="noindex">`)
			canonical := strings.Contains(page, `rel="canonical"`)
			// Left out of search engines in any build: the search page,
			// the print edition (the pages' copy) and the 404 page.
			always := name == "search.html" || name == "handout.html" || name == "404.html"
			if want := noindex || always; meta != want || canonical == want {
				t.Errorf("--noindex %v: %s: noindex %v, canonical link %v", noindex, name, meta, canonical)
			}
		}
		robots := readFile(t, out, "robots.txt")
		_, err := os.Stat(filepath.Join(out, "sitemap.xml"))
		// Crawlers are let in, to read each page's noindex: a Disallow
		// would keep them from seeing it.
		if noindex && (strings.Contains(robots, "Disallow: /") || !strings.Contains(robots, "Disallow:") || strings.Contains(robots, "Sitemap") || err == nil) {
			t.Errorf("--noindex: robots.txt %q, sitemap.xml: %v", robots, err)
		}
		if !noindex && (!strings.Contains(robots, "Sitemap: https://preview.example/sitemap.xml") || err != nil) {
			t.Errorf("without --noindex: robots.txt %q, sitemap.xml: %v", robots, err)
		}
	}
}

// TestSiteWorksFromDisk: every relative link and resource of every page
// names a file of the output, and the home page links the offline zip,
// which holds the whole output and is the same bytes build after build.
func TestSiteWorksFromDisk(t *testing.T) {
	out := buildReal(t)
	files := snapshotDir(t, out)
	for name, page := range htmlFiles(t, out) {
		if name == "404.html" {
			continue // served at any depth: links from the root (Test404)
		}
		for _, m := range linkRE.FindAllStringSubmatch(page, -1) {
			href := html.UnescapeString(m[2])
			if strings.HasPrefix(href, "#") || strings.Contains(href, ":") {
				continue
			}
			if strings.HasPrefix(href, "/") {
				t.Errorf("%s: root-relative link %q breaks from disk", name, href)
				continue
			}
			target, _, _ := strings.Cut(href, "#")
			p := path.Join(path.Dir(name), target)
			if _, ok := files[filepath.FromSlash(p)]; !ok {
				t.Errorf("%s: link %q names no file (%s)", name, href, p)
			}
		}
	}
	if !regexp.MustCompile(`href="(\./)?briefing-offline\.zip"`).MatchString(files["index.html"]) || !regexp.MustCompile(`href="(\./)?handout\.html"`).MatchString(files["index.html"]) {
		t.Error("the home page does not link the offline zip and the handout")
	}
	zipData := []byte(files[offline.Name])
	zr, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		t.Fatal(err)
	}
	inZip := map[string]bool{}
	for _, f := range zr.File {
		inZip[strings.TrimPrefix(f.Name, offline.Folder+"/")] = true
	}
	for name := range files {
		if !strings.HasSuffix(name, "/") && name != offline.Name && !inZip[filepath.ToSlash(name)] {
			t.Errorf("%s is not in the zip", name)
		}
	}
	if len(inZip) != len(zr.File) {
		t.Error("the zip has an entry twice")
	}
	again := buildReal(t)
	if other, _ := os.ReadFile(filepath.Join(again, offline.Name)); !bytes.Equal(other, zipData) {
		t.Error("two builds give different zips")
	}
}

// TestZipLinkFromUnzippedCopy: every page links to the offline zip, and
// so does each page's copy in the zip, which cannot hold the zip itself.
// Built with the site's address, the link is the published zip's, which
// an unzipped copy reaches too; without one (a site read from the folder
// it was built into) it is relative, to the zip beside the pages.
func TestZipLinkFromUnzippedCopy(t *testing.T) {
	const base = "https://example.org/sub/"
	out := buildReal(t, "--base-url", base)
	data, err := os.ReadFile(filepath.Join(out, offline.Name))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".html") || strings.HasSuffix(f.Name, "/handout.html") || strings.HasSuffix(f.Name, "/404.html") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		pages++
		var zipLinks []string
		for _, m := range linkRE.FindAllStringSubmatch(string(page), -1) {
			if href := html.UnescapeString(m[2]); strings.HasSuffix(href, offline.Name) {
				zipLinks = append(zipLinks, href)
			}
		}
		if len(zipLinks) != 1 || zipLinks[0] != base+offline.Name {
			t.Errorf("%s links to the zip as %q, want once as %s", f.Name, zipLinks, base+offline.Name)
		}
	}
	if pages < 10 {
		t.Errorf("%d pages in the zip", pages)
	}
}

// Test404: the 404 page is served at any depth, so it loads nothing and
// links to the site's root, absolute when the build has a base URL.
func Test404(t *testing.T) {
	for _, base := range []string{"", "https://example.org/sub/"} {
		var args []string
		if base != "" {
			args = []string{"--base-url", base}
		}
		out := buildReal(t, args...)
		data, err := os.ReadFile(filepath.Join(out, "404.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		if strings.Contains(page, "<link") || srcRE.MatchString(page) {
			t.Errorf("base %q: 404.html loads a file", base)
		}
		links := linkRE.FindAllStringSubmatch(page, -1)
		if len(links) == 0 {
			t.Fatalf("base %q: 404.html has no link home", base)
		}
		want := "/index.html"
		if base != "" {
			want = base // the home page at the site's own address
		}
		for _, m := range links {
			if href := html.UnescapeString(m[2]); href != want {
				t.Errorf("base %q: 404 links to %q, want %q", base, href, want)
			}
		}
		// In the offline zip, unpacked and opened from disk, it is at the
		// top of the folder, and "/index.html" is the disk's root: its
		// link home is to index.html beside it.
		zipped, err := os.ReadFile(filepath.Join(out, offline.Name))
		if err != nil {
			t.Fatal(err)
		}
		_, files := briefingtest.Unzip(t, zipped)
		links = linkRE.FindAllStringSubmatch(string(files[offline.Folder+"/404.html"]), -1)
		if len(links) == 0 {
			t.Errorf("base %q: the zip's 404.html has no link home", base)
		}
		for _, m := range links {
			if href := html.UnescapeString(m[2]); href != "index.html" || files[offline.Folder+"/index.html"] == nil {
				t.Errorf("base %q: the zip's 404.html links to %q, want index.html beside it", base, href)
			}
		}
	}
}

// TestBaseURL: with --base-url, links stay relative (the build still works
// from disk) and only the canonical link, the sitemap, the JSON-LD and the
// link to the offline zip (TestZipLinkFromUnzippedCopy) carry absolute
// addresses; without it there are none.
func TestBaseURL(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	const base = "https://briefing.test/sub/"
	for _, withBase := range []bool{true, false} {
		out := filepath.Join(t.TempDir(), "public")
		args := []string{"build", "--root", root, "--out", out}
		if withBase {
			args = append(args, "--base-url", strings.TrimSuffix(base, "/")) // the slash is added
		}
		if code, _, stderr := runCmd(t, args...); code != 0 {
			t.Fatalf("build: %s", stderr)
		}
		art := readFile(t, out, "articles/curly.html")
		// The exports too, which no page linked: a reader with other tools
		// finds them in the footer.
		for _, want := range []string{`href="../index.html"`, `href="../claims.html"`, `href="../css/briefing.`, `href="../briefing.json"`, `href="../annotations.jsonld"`} {
			if !strings.Contains(art, want) {
				t.Errorf("base %v: the article page lacks the relative link %s", withBase, want)
			}
		}
		for _, m := range linkRE.FindAllStringSubmatch(art, -1) {
			canonical, zip := strings.Contains(art, `rel="canonical" href="`+m[2]), m[2] == base+offline.Name
			if strings.HasPrefix(m[2], "/") || (strings.HasPrefix(m[2], base) && !canonical && !zip) {
				t.Errorf("base %v: link %q is not relative", withBase, m[2])
			}
		}
		anno := readFile(t, out, "annotations.jsonld")
		_, sitemapErr := os.Stat(filepath.Join(out, "sitemap.xml"))
		_, robotsErr := os.Stat(filepath.Join(out, "robots.txt"))
		// Shared, an article is told as the briefing's annotated copy, and
		// every page has a description.
		if !strings.Contains(art, `<meta property="og:title" content="Annotated: `) || !strings.Contains(art, `<meta property="og:type" content="article">`) {
			t.Errorf("base %v: the article page does not tell itself as annotated where it is shared", withBase)
		}
		for _, page := range []string{"claims.html", "sources.html", "notes.html", "search.html"} {
			if !regexp.MustCompile(`<meta name="description" content="[^"]{20,}">`).MatchString(readFile(t, out, page)) {
				t.Errorf("base %v: %s has no description", withBase, page)
			}
		}
		if !strings.Contains(readFile(t, out, "search.html"), `<meta name="robots" content="noindex">`) {
			t.Errorf("base %v: the search page is not kept out of search engines", withBase)
		}
		// Nor the print edition, every page again; and the search page
		// has no canonical link, which would contradict its noindex.
		if !strings.Contains(readFile(t, out, "handout.html"), `<meta name="robots" content="noindex">`) || strings.Contains(readFile(t, out, "search.html"), `rel="canonical"`) {
			t.Errorf("base %v: the handout is not kept out of search engines, or the search page has a canonical link", withBase)
		}
		if !withBase {
			if strings.Contains(art, "canonical") || strings.Contains(art, "og:url") || sitemapErr == nil || robotsErr == nil || strings.Contains(anno, "https://briefing.test") {
				t.Error("without a base URL the build has absolute addresses, a sitemap or a robots.txt")
			}
			continue
		}
		if !strings.Contains(art, `<meta property="og:url" content="`+base+`articles/curly.html">`) {
			t.Error("no og:url with the base URL")
		}
		// Crawlers ask for robots.txt at a host's root only: a site in a
		// folder (this one) has none; one at a root names its sitemap.
		if robotsErr == nil {
			t.Error("a site in a folder of its host has a robots.txt, where no crawler asks for it")
		}
		rootOut := filepath.Join(t.TempDir(), "public")
		if code, _, stderr := runCmd(t, "build", "--root", root, "--out", rootOut, "--base-url", "https://briefing.test", "--no-zip"); code != 0 {
			t.Fatalf("build at a host's root: %s", stderr)
		}
		if robots := readFile(t, rootOut, "robots.txt"); !strings.Contains(robots, "Sitemap: https://briefing.test/sitemap.xml") {
			t.Errorf("robots.txt does not name the sitemap: %q", robots)
		}
		if !strings.Contains(art, `<link rel="canonical" href="`+base+`articles/curly.html">`) {
			t.Error("no canonical link with the base URL")
		}
		sitemap := readFile(t, out, "sitemap.xml")
		locs := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(sitemap, -1)
		if len(locs) < 4 {
			t.Errorf("sitemap lists %d pages", len(locs))
		}
		// No lastmod (the only date is the outlet's), and neither the print
		// edition, every page again, nor the search page.
		if strings.Contains(sitemap, "lastmod") || strings.Contains(sitemap, "handout.html") || strings.Contains(sitemap, "search.html") {
			t.Errorf("the sitemap has a lastmod, the handout or the search page:\n%s", sitemap)
		}
		for _, l := range locs {
			if !strings.HasPrefix(l[1], base) || strings.HasSuffix(l[1], "index.html") {
				t.Errorf("sitemap address %s is not under the base URL, or names index.html", l[1])
			}
		}
		// The home page's address is the site's own, wherever it is given.
		if !strings.Contains(sitemap, "<loc>"+base+"</loc>") {
			t.Error("the sitemap does not list the home page at the site's address")
		}
		if home := readFile(t, out, "index.html"); !strings.Contains(home, `<link rel="canonical" href="`+base+`">`) {
			t.Error("the home page's canonical link is not the site's address")
		}
		if nf := readFile(t, out, "404.html"); !strings.Contains(nf, `<a href="`+base+`" `) {
			t.Error("404.html does not link to the site's address")
		}
		if !strings.Contains(art, `"author": {"@type": "Organization", "name": "Typography test", "url": "`+base+`"}`) &&
			!regexp.MustCompile(`"author":\s*\{\s*"@type":\s*"Organization",\s*"name":\s*"[^"]*",\s*"url":\s*"`+regexp.QuoteMeta(base)+`"`).MatchString(art) {
			t.Error("the ClaimReview's author is not the site's address")
		}
		var coll struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(anno), &coll); err != nil || coll.ID != base+"annotations.jsonld" {
			t.Errorf("annotations.jsonld id = %q (%v)", coll.ID, err)
		}
		if !strings.Contains(art, `"url": "`+base+`articles/curly.html#note-`) {
			t.Error("the ClaimReview's url does not use the base URL")
		}
	}
	if code, _, stderr := runCmd(t, "build", "--root", root, "--base-url", "example.org/sub"); code != 2 || !strings.Contains(stderr, "--base-url") {
		t.Errorf("a base URL without scheme: exit %d, %q", code, stderr)
	}
}

// TestBaseURLOneSpelling: an address that can be spelt several ways (a
// host in Unicode, dot segments, characters an href escapes) is written
// one way in every page and export: before, the canonical link (an href,
// escaped) said "ex%c3%a4mple.org/a%28b%29/" where og:url, the sitemap
// and the JSON-LD said "exämple.org/a(b)/".
func TestBaseURLOneSpelling(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd(t, "build", "--root", root, "--out", out, "--no-zip", "--base-url", "https://Exämple.org/x/../a(b)/c'd"); code != 0 {
		t.Fatal(stderr)
	}
	const want = "https://xn--exmple-cua.org/a%28b%29/c%27d/"
	host := regexp.MustCompile(`https://[^"'<>\s]*?(?i:exämple|ex%c3%a4mple|xn--exmple-cua)\.org/[^"<>\s]*`)
	seen := map[string]int{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		for _, m := range host.FindAllString(html.UnescapeString(string(data)), -1) {
			rel, _ := filepath.Rel(out, p)
			if !strings.HasPrefix(m, want) {
				t.Errorf("%s: %s, not under %s", rel, m, want)
			}
			seen[rel]++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "articles/curly.html", "sitemap.xml", "annotations.jsonld", "404.html"} {
		if seen[filepath.FromSlash(name)] == 0 {
			t.Errorf("%s gives the site's address nowhere", name)
		}
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestClaimReviewOnPages: every page that carries a verdict has one
// ClaimReview block with a review per verdict, in its <body> (the
// generator writes it at the end of the page's body, not as a Hugo asset
// the head would print); the others, the handout included, have none.
func TestClaimReviewOnPages(t *testing.T) {
	out := buildReal(t)
	res, err := compile("..", stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name := range res.Files {
		if strings.HasPrefix(name, "assets/jsonld/") {
			t.Errorf("%s staged: the JSON-LD belongs in the page's body", name)
		}
	}
	want := map[string]int{"claims.html": len(res.Briefing.Claims)}
	for slug, a := range res.Articles {
		for _, n := range a.Notes {
			if n.Verdict != "" {
				want["articles/"+slug+".html"]++
			}
		}
	}
	for name, page := range htmlFiles(t, out) {
		if want[name] == 0 {
			// Script elements: the footer's link to annotations.jsonld
			// names the type too.
			n := 0
			for _, m := range scriptRE.FindAllStringSubmatch(page, -1) {
				if strings.Contains(m[1], "application/ld+json") {
					n++
				}
			}
			if n > 0 {
				t.Errorf("%s carries no verdict but has %d JSON-LD blocks", name, n)
			}
			continue
		}
		body, end := strings.Index(page, "<body"), strings.Index(page, "</body>")
		var n, blocks int
		for _, m := range scriptRE.FindAllStringSubmatchIndex(page, -1) {
			if !strings.Contains(page[m[2]:m[3]], "application/ld+json") {
				continue
			}
			blocks++
			if body < 0 || m[0] < body || m[1] > end {
				t.Errorf("%s: a JSON-LD block at byte %d, outside the <body> (bytes %d to %d)", name, m[0], body, end)
			}
			var g struct {
				Context string `json:"@context"`
				Graph   []struct {
					Type         string `json:"@type"`
					ReviewRating struct {
						AlternateName string `json:"alternateName"`
					} `json:"reviewRating"`
				} `json:"@graph"`
			}
			if err := json.Unmarshal([]byte(page[m[4]:m[5]]), &g); err != nil {
				t.Fatalf("%s: JSON-LD does not parse: %v", name, err)
			}
			for _, r := range g.Graph {
				if r.Type == "ClaimReview" && r.ReviewRating.AlternateName != "" {
					n++
				}
			}
		}
		if blocks != 1 || n != want[name] {
			t.Errorf("%s: %d ClaimReviews in %d JSON-LD blocks, want %d in 1", name, n, blocks, want[name])
		}
	}
}

// needTool skips the test when a program is missing, except under CI=true.
func needTool(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is not installed (CI=true: required; .ci/run installs it)", name)
			}
			t.Skipf("%s is not installed: install chromium and poppler-utils to run this test", name)
		}
	}
}

// TestPDF prints the real briefing's handout and reads the PDF back.
func TestPDF(t *testing.T) {
	needTool(t, "chromium", "pdfinfo", "pdftotext", "pdftohtml")
	out := buildReal(t, "--pdf")
	pdfPath := filepath.Join(out, "handout.pdf")
	pages, info := pdfPages(t, pdfPath)
	if !strings.Contains(string(info), "(letter)") {
		t.Errorf("without --paper, handout.pdf is not on Letter, Chromium's paper:\n%s", info)
	}
	// A cover, five articles from a new page each with 87 notes, the claims
	// and the bibliography: tens of pages, not one and not hundreds.
	if pages < 20 || pages > 150 {
		t.Errorf("handout.pdf has %d pages", pages)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	res, err := compile("..", stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Its bookmarks (poppler's XML gives them as <item>s): each article's
	// title whole, with its spaces, on the page where the article starts.
	xml, err := exec.Command("pdftohtml", "-xml", "-i", "-q", "-stdout", pdfPath).Output()
	if err != nil {
		t.Fatalf("pdftohtml: %v", err)
	}
	marks := map[string]string{} // title to page
	for _, m := range regexp.MustCompile(`<item page="(\d+)">([^<]*)</item>`).FindAllStringSubmatch(string(xml), -1) {
		if title := html.UnescapeString(m[2]); marks[title] == "" {
			marks[title] = m[1]
		}
	}
	// The contents, on the cover, give each article's page: the page its
	// bookmark leads to, level with the entry's last line, as a book's
	// contents do (on the first line of a wrapped title, it read as the
	// page of that line alone).
	cover, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-l", "1", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	entries := tocEntries(string(cover))
	wrapped := 0
	for _, a := range res.Briefing.Articles {
		title := strings.Join(strings.Fields(a.Title), " ")
		if !strings.Contains(flat, title) {
			t.Errorf("the PDF's text lacks the title %q", a.Title)
		}
		if marks[title] == "" {
			t.Errorf("the PDF has no bookmark %q; its bookmarks: %q", title, slices.Sorted(maps.Keys(marks)))
		}
		entry := entries[a.Outlet]
		if len(entry) == 0 {
			t.Errorf("the contents have no entry for %s's article:\n%s", a.Outlet, cover)
			continue
		}
		last := regexp.MustCompile(`\s(\d+)$`).FindStringSubmatch(entry[len(entry)-1])
		if last == nil || last[1] != marks[title] {
			t.Errorf("the contents give %s's article no page at its entry's end, or not its bookmark's, %s: %q", a.Outlet, marks[title], entry)
		}
		if len(entry) > 1 {
			wrapped++
			for _, line := range entry[:len(entry)-1] {
				if regexp.MustCompile(`\s{2,}\d+$`).MatchString(line) {
					t.Errorf("the contents set %s's page number on a line its title goes on after: %q", a.Outlet, entry)
				}
			}
		}
	}
	if wrapped == 0 {
		t.Errorf("no article's entry in the contents wraps onto a second line (three did on Letter), so where a wrapped entry's page number goes is not tested:\n%s", cover)
	}
	if !regexp.MustCompile(`href="(\./)?handout\.pdf"`).MatchString(readFile(t, out, "index.html")) {
		t.Error("the home page does not link the PDF")
	}
}

// TestPDFWithoutChromium: --pdf without a browser fails at once, saying
// why, and leaves the published output as it was.
func TestPDFWithoutChromium(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatal(stderr)
	}
	before := snapshotDir(t, filepath.Join(root, "public"))
	t.Setenv("CHROMIUM", filepath.Join(root, "no-such-browser"))
	code, _, stderr := runCmd(t, "build", "--root", root, "--pdf")
	if code != 1 || !strings.Contains(stderr, "--pdf: $CHROMIUM is") || !strings.Contains(stderr, "which is not a program that can be run") || strings.Contains(stderr, "not installed") || !strings.Contains(stderr, "unchanged") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	same := func() {
		t.Helper()
		after := snapshotDir(t, filepath.Join(root, "public"))
		if len(after) != len(before) {
			t.Fatal("the output changed")
		}
		for k, v := range before {
			if after[k] != v {
				t.Errorf("%s changed", k)
			}
		}
	}
	same()
	// A browser that fails to print fails the build after Hugo ran: the
	// new output is thrown away and the old one stays.
	t.Setenv("CHROMIUM", "false")
	code, _, stderr = runCmd(t, "build", "--root", root, "--pdf")
	if code != 1 || !strings.Contains(stderr, "chromium could not print handout.html") || !strings.Contains(stderr, "unchanged") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	same()
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("leftover %s after a failed print", e.Name())
		}
	}
}

// TestPrintStylesheet prints an article page and the bibliography with
// Chromium and reads the text back: no navigation, the endnotes, and an
// outward link's address written out once.
func TestPrintStylesheet(t *testing.T) {
	needTool(t, "chromium", "pdftotext")
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	out := filepath.Join(root, "public")
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatal(stderr)
	}
	text := func(page string) string {
		dst := filepath.Join(t.TempDir(), "page.pdf")
		if err := pdf.Print(context.Background(), filepath.Join(out, page), dst, offline.Modified, "", "", pdf.Description{}); err != nil {
			t.Fatal(err)
		}
		txt, err := exec.Command("pdftotext", "-enc", "UTF-8", dst, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(txt)), " ")
	}
	art := text("articles/curly.html")
	for _, bad := range []string{"Skip to the text", "Typography test Overview Claims", "Back to marker", "Take it with you"} {
		if strings.Contains(art, bad) {
			t.Errorf("the printed article shows %q", bad)
		}
	}
	for _, want := range []string{"Notes", "the post <https://example.org/post>", "A nested note.", "https://example.com/curly"} {
		if !strings.Contains(art, want) {
			t.Errorf("the printed article lacks %q:\n%s", want, art)
		}
	}
	if strings.Contains(art, "https://example.com/curly <https://example.com/curly>") {
		t.Error("the original's address is written twice")
	}
	// Pages are numbered, "1 / 2", for a handout's readers to refer to.
	if !regexp.MustCompile(`\b1 ?/ ?[1-9][0-9]*\b`).MatchString(art) {
		t.Errorf("the printed article's pages are not numbered:\n%s", art)
	}
	src := text("sources.html")
	if n := strings.Count(src, "https://example.org/report"); n != 1 {
		t.Errorf("the bibliography prints an address %d times, want once:\n%s", n, src)
	}
}

// TestCheckBaseURL: --base-url takes an http or https address, ends it with
// a slash, and says what is wrong with any other.
func TestCheckBaseURL(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"", "", ""},
		{"https://example.org", "https://example.org/", ""},
		{"http://example.org/b/", "http://example.org/b/", ""},
		{"https://example.org/brief", "https://example.org/brief/", ""},
		{"example.org/sub", "", "is not the address of a site: give it in full"},
		{"ftp://example.org/", "", "is not the address of a site"},
		{"https:///b/", "", "is not the address of a site"},
		{"https://example.org/b?x=1", "", "has a query (?…) or a fragment (#…)"},
		{"https://example.org/b/#top", "", "has a query (?…) or a fragment (#…)"},
		{"https://example.org/b/?", "", "has a query (?…) or a fragment (#…)"},
		// What an address in the briefing's files may not hold either.
		{"https://example.org/a b/", "", "contains spaces or characters that are not allowed"},
		{`https://example.org/"><script>/`, "", "contains spaces or characters that are not allowed"},
		{"https://deploy:token@example.org/", "", `holds a user name or password (the part before the @), which every page would give its readers: give it without them, like "https://example.org/"`},
		{"https://example.org:70000/", "", "has a port (70000"},
		{"https://example.org:8080/b/", "https://example.org:8080/b/", ""},
		{"https://https://example.org/b/", "", `has its scheme written twice: write it once, as "https://example.org/b/"`},
		// A site may be published on an intranet, at a host name with no
		// dot, where the briefing's links are to sites on the web.
		{"http://staging/briefing/", "http://staging/briefing/", ""},
		{"http://localhost:1313/", "http://localhost:1313/", ""},
		// The home page's address, copied from the address bar: the
		// folder is what is meant (every address would hold index.html/).
		{"https://example.org/briefing/index.html", "", `is the address of a page or file (index.html), not of the folder the site is published at: give "https://example.org/briefing/"`},
		{"https://example.org/INDEX.HTM", "", `give "https://example.org/"`},
		{"https://example.org/b/handout.pdf", "", `is the address of a page or file (handout.pdf), not of the folder`},
		{"https://example.org/b/v1.2", "https://example.org/b/v1.2/", ""},
		// One spelling, whatever an output does with it: the host in
		// ASCII, the dot segments gone, what an href escapes escaped.
		{"https://exämple.org/br/", "https://xn--exmple-cua.org/br/", ""},
		{"HTTPS://Example.ORG:8080/Br", "https://example.org:8080/Br/", ""},
		{"https://example.org/a/../briefing/./", "https://example.org/briefing/", ""},
		{"https://example.org/a(b)/c'd/", "https://example.org/a%28b%29/c%27d/", ""},
		{"https://example.org/café/", "https://example.org/caf%C3%A9/", ""},
		{"https://example.org/caf%c3%a9/", "https://example.org/caf%C3%A9/", ""},
		{"https://example.org/a%2Fb/", "https://example.org/a%2Fb/", ""},
		// An escaped slash stays one beside a character escaped here.
		{"https://example.org/café%2Fx/", "https://example.org/caf%C3%A9%2Fx/", ""},
		{"https://example.org/a%2fb|c/", "https://example.org/a%2Fb%7Cc/", ""},
		{"https://[::1]:8080/b/", "https://[::1]:8080/b/", ""},
		{"https://[2001:DB8::1]/b/", "https://[2001:db8::1]/b/", ""},
		{"https://[fe80::1%25eth0]:8080/b/", "", "has a zone"},
		{"https://ex%25ample.org/", "", "has a % in its host name"},
		{"https://my_host.example.org/", "https://my_host.example.org/", ""},
		{"https://example.org:443/b/", "https://example.org/b/", ""},
		{"http://example.org:80/b", "http://example.org/b/", ""},
		{"http://example.org:443/b/", "http://example.org:443/b/", ""},
		{"https://example.org/a/%2e%2e/b/%2E/", "https://example.org/b/", ""},
		{"https://example.org/../..", "https://example.org/", ""},
		{"https://example.org//b/", "https://example.org//b/", ""},
		{"https://exä\u2488mple.org/", "", "has a host name with a character no host name can have"},
	} {
		got, err := checkBaseURL(c.in)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("checkBaseURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("checkBaseURL(%q): error %v, want one saying %q", c.in, err, c.err)
		}
	}
}

// TestPDFPaper: --paper a4 prints handout.pdf on A4, and leaves
// handout.html as it was, for a browser to print on the reader's paper;
// without --pdf, or with a size it does not know, it is a usage error.
func TestPDFPaper(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	for _, bad := range [][]string{{"--paper", "a4"}, {"--pdf", "--paper", "a3"}} {
		code, _, stderr := runCmd(t, append([]string{"build", "--root", root}, bad...)...)
		if code != 2 || !strings.Contains(stderr, "--paper") {
			t.Errorf("build %v: exit %d, %q", bad, code, stderr)
		}
	}
	needTool(t, "chromium", "pdfinfo")
	out := filepath.Join(root, "public")
	if code, _, stderr := runCmd(t, "build", "--root", root, "--pdf", "--paper", "A4"); code != 0 {
		t.Fatal(stderr)
	}
	info, err := exec.Command("pdfinfo", filepath.Join(out, "handout.pdf")).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !regexp.MustCompile(`(?m)^Page size:\s+59[0-9.]+ x 84[0-9.]+ pts \(A4\)`).Match(info) {
		t.Errorf("handout.pdf is not on A4:\n%s", info)
	}
	if strings.Contains(readFile(t, out, "handout.html"), "@page { size") {
		t.Error("handout.html was given the PDF's paper size")
	}
}

// TestPDFDescribesItself: handout.pdf names the briefing as its title,
// its publisher as its author (and no author without one), the generator as the program that made it
// (Chromium gave its user agent) and its language, in its document
// information and in XMP metadata, which Chromium wrote none of; and the
// file is whole.
func TestPDFDescribesItself(t *testing.T) {
	needTool(t, "chromium", "pdfinfo", "qpdf")
	root := t.TempDir()
	fsys := briefingtest.Load(t, "internal/site/testdata/typography.txtar")
	index := fsys["content/_index.md"]
	index.Data = []byte(strings.Replace(string(index.Data), "title: Typography test\n", "title: Typography test\npublisher: The Riverton Gazette\n", 1))
	briefingtest.WriteDir(t, fsys, root)
	if code, _, stderr := runCmd(t, "build", "--root", root, "--pdf", "--no-zip"); code != 0 {
		t.Fatal(stderr)
	}
	file := filepath.Join(root, "public", "handout.pdf")
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, want := range []string{
		`(?m)^Title:\s+Typography test$`, `(?m)^Author:\s+The Riverton Gazette$`,
		`(?m)^Creator:\s+Annotated briefing generator$`, `(?m)^Producer:\s+Skia/PDF`, `(?m)^Metadata Stream:\s+yes$`,
	} {
		if !regexp.MustCompile(want).Match(info) {
			t.Errorf("pdfinfo handout.pdf lacks %s:\n%s", want, info)
		}
	}
	meta, err := exec.Command("pdfinfo", "-meta", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo -meta: %v", err)
	}
	for _, want := range []string{
		`<rdf:li xml:lang="x-default">Typography test</rdf:li>`, `<dc:creator><rdf:Seq><rdf:li>The Riverton Gazette</rdf:li>`,
		`<dc:language><rdf:Bag><rdf:li>en</rdf:li>`, `<xmp:CreatorTool>Annotated briefing generator</xmp:CreatorTool>`,
	} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("handout.pdf's XMP lacks %s:\n%s", want, meta)
		}
	}
	if out, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	catalog, err := exec.Command("qpdf", "--show-object=trailer", file).Output()
	if root := regexp.MustCompile(`/Root (\d+) 0 R`).FindSubmatch(catalog); err == nil && root != nil {
		catalog, err = exec.Command("qpdf", "--show-object="+string(root[1]), file).Output()
	}
	if err != nil || !strings.Contains(string(catalog), "/Lang (en)") || !strings.Contains(string(catalog), "/PageMode /UseOutlines") {
		t.Errorf("the catalog: %v %s", err, catalog)
	}
	// Without a publisher, no author: not the briefing's title.
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	if code, _, stderr := runCmd(t, "build", "--root", root, "--pdf", "--no-zip"); code != 0 {
		t.Fatal(stderr)
	}
	info, err = exec.Command("pdfinfo", file).Output()
	meta, err2 := exec.Command("pdfinfo", "-meta", file).Output()
	if err != nil || err2 != nil || regexp.MustCompile(`(?m)^Author:`).Match(info) || strings.Contains(string(meta), "dc:creator") {
		t.Errorf("handout.pdf of a briefing without a publisher names an author (%v, %v):\n%s\n%s", err, err2, info, meta)
	}
}

// TestBuildIntoLinkedOut: an --out that is a symbolic link (public linked
// to a web server's folder) has the site published in the folder it leads
// to, and stays a link; it was replaced by a folder of its own, leaving the
// old site where the server reads it.
func TestBuildIntoLinkedOut(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "briefing")
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	srv := filepath.Join(dir, "srv", "site")
	if err := os.MkdirAll(srv, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "public")
	if err := os.Symlink(srv, link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	for range 2 { // into the empty folder, then over its own site
		if code, _, stderr := runCmd(t, "build", "--root", root, "--no-zip"); code != 0 {
			t.Fatal(stderr)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("public is no longer a link: %v, %v", info, err)
		}
		if _, err := os.Stat(filepath.Join(srv, "index.html")); err != nil {
			t.Fatalf("the site is not in the folder public leads to: %v", err)
		}
	}
	left, err := os.ReadDir(filepath.Dir(srv))
	if err != nil || len(left) != 1 {
		t.Errorf("beside the site's folder: %v, %v; want only the site", left, err)
	}
}

// TestBaseURLKeepsPasswordsOut: a --base-url with a password in it is
// refused without repeating the password, which would go to the log of
// the build that ran it.
func TestBaseURLKeepsPasswordsOut(t *testing.T) {
	_, err := checkBaseURL("https://deploy:s3cr3t-token@example.org/b/")
	if err == nil || strings.Contains(err.Error(), "s3cr3t") || strings.Contains(err.Error(), "deploy") {
		t.Errorf("checkBaseURL: %v; want an error that does not repeat the user name or password", err)
	}
}

// TestBuildOutTrailingSlash: --out public/ is the folder public, over
// which a second build publishes; it made its new site inside public/,
// and could not move public aside into itself.
func TestBuildOutTrailingSlash(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	out := filepath.Join(root, "public") + string(filepath.Separator)
	for i := range 2 {
		if code, _, stderr := runCmd(t, "build", "--root", root, "--out", out, "--no-zip"); code != 0 {
			t.Fatalf("build %d: %s", i+1, stderr)
		}
	}
	if entries, _ := os.ReadDir(root); slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.HasPrefix(e.Name(), ".public.") }) {
		t.Errorf("a build's folder was left beside public: %v", entries)
	}
}

// tocEntries reads the contents from the cover's text as pdftotext
// -layout gives it: each entry ("3. Juno News: …") as its lines, trimmed,
// by the words before its first colon (an article's outlet) or its page.
func tocEntries(cover string) map[string][]string {
	_, list, _ := strings.Cut(cover, "Contents")
	entries := map[string][]string{}
	start := regexp.MustCompile(`^\d+\. `)
	var key string
	for _, line := range strings.Split(list, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			key = ""
		case start.MatchString(line):
			key = start.ReplaceAllString(line, "")
			key, _, _ = strings.Cut(key, ":")
			key = strings.TrimSpace(strings.TrimRight(key, "0123456789"))
			entries[key] = []string{line}
		case key != "":
			entries[key] = append(entries[key], line)
		}
	}
	return entries
}

// tocPage is the page the contents give the entry named (its words
// before any colon).
func tocPage(t *testing.T, entries map[string][]string, name string) int {
	t.Helper()
	lines := entries[name]
	if len(lines) == 0 {
		t.Fatalf("the contents have no entry %q", name)
	}
	m := regexp.MustCompile(`\s(\d+)$`).FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("the contents' entry %q gives no page: %q", name, lines)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// checkClaimsSheets reads the claims part of the print edition printed
// to pdfPath (its sheets from the contents on the cover). A claim's row
// of the claims table goes on over a sheet's foot rather than move whole
// to the next and leave much of a sheet empty: every sheet of the claims
// but the last holds two thirds of a full one's lines at least (52 on
// Letter, 55 on A4; kept whole, four Letter sheets held 13 to 33). Nor
// does a claim's line of sources start a sheet, cut off from the claim
// above it (one did on Letter, and on A4 a sheet held only one).
func checkClaimsSheets(t *testing.T, pdfPath string) {
	t.Helper()
	cover, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-l", "1", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	entries := tocEntries(string(cover))
	claims, sources := tocPage(t, entries, "Claims"), tocPage(t, entries, "Sources")
	if sources-claims < 3 {
		t.Fatalf("the claims take %d sheets, too few to see how their rows break", sources-claims)
	}
	for p := claims; p < sources; p++ {
		text, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdfPath, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if n := len(regexp.MustCompile(`(?m)^.*\S.*$`).FindAll(text, -1)); p < sources-1 && n < 35 {
			t.Errorf("sheet %d of the claims (%d to %d) holds %d lines, under two thirds of a full one:\n%s", p, claims, sources-1, n, text)
		}
		if first := strings.TrimSpace(strings.SplitN(strings.TrimLeft(string(text), " \n"), "\n", 2)[0]); p > claims && strings.HasPrefix(first, "Sources:") {
			t.Errorf("sheet %d of the claims opens with a claim's sources, cut off from the claim: %q", p, first)
		}
	}
}
