package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/browser"
)

// TestServeReloadsOpenPage opens a previewed article in Chromium, saves an
// edit to one of its notes, and sees the open page reload itself (through
// the preview's reload script, from the preview's own address) and show
// the edit.
func TestServeReloadsOpenPage(t *testing.T) {
	// No need to wait for the page's event stream to connect: the page
	// asks for versions newer than its own, so an edit saved before it
	// connects reloads it all the same.
	p, notes, _ := previewCurly(t)
	replaceIn(t, notes, "The post said this on", "Liveedit: the post said this on")
	waitForReload(t, p, "Liveedit")
}

// waitForReload waits up to 20 s for p, marked with window.beforeEdit,
// to have reloaded with text in it.
func waitForReload(t *testing.T, p *browser.Page, text string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		// Errors are expected while the page reloads.
		ctx, cancel := context.WithTimeout(p.Context(), 2*time.Second)
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.textContent.includes(`+strconv.Quote(text)+`) && !window.beforeEdit`, chromedp.EvalAsValue))
		cancel()
		if err == nil && shown {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the open page did not reload with the edited note")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServeShowsProblems opens a previewed article in Chromium and saves a
// bad edit: the open page, without reloading, shows the problem over the
// last good build, as the terminal prints it; undoing the edit takes it
// away, again without a reload, since the site is then unchanged. The box
// is not printed.
func TestServeShowsProblems(t *testing.T) {
	// No need to wait for the page's event stream to connect: a page that
	// connects while there are problems hears of them at once.
	p, notes, good := previewCurly(t)
	bad := bytes.Replace(good, []byte("kind: context"), []byte("kind: opinion"), 1)
	if bytes.Equal(bad, good) {
		t.Fatal("the fixture has no note of kind context to break")
	}
	if err := os.WriteFile(notes, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	box := `document.getElementById("briefing-preview-problems")`
	waitFor(t, p, box+` !== null && `+box+`.textContent.includes('annotations/curly.yaml:') && `+box+`.textContent.includes('kind "opinion" is not a kind of note')`, "the problem shown on the page")
	if !browser.Eval[bool](p, `window.beforeEdit === true && document.body.textContent.includes("Notes")`) {
		t.Error("the page reloaded, or lost the last good build, when the save had a problem")
	}
	if role := browser.Eval[string](p, box+`.getAttribute("role")`); role != "alert" {
		t.Errorf("the problems' role is %q, want alert", role)
	}
	if os.Getenv("BRIEFING_SHOTS") != "" {
		t.Logf("screenshot: %s", p.Screenshot("serve-problems"))
	}
	// Printed, the page is the last good build, without the box over the
	// foot of every sheet.
	p.Media("print")
	if shown := browser.Eval[string](p, `getComputedStyle(`+box+`).display`); shown != "none" {
		t.Errorf("the problems' box prints (display %q)", shown)
	}
	p.Media("")

	if err := os.WriteFile(notes, good, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, p, box+` === null`, "the problem taken away once the edit was undone")
	if !browser.Eval[bool](p, `window.beforeEdit === true`) {
		t.Error("the page reloaded when the site came back unchanged")
	}
}

// TestServeShowsPlaceholders previews a briefing as new starts it, its
// article's title and text filled in, in Chromium: the article's page
// shows, with the placeholders new wrote in a box at its foot that says
// build publishes nothing until they are replaced (a status, not an
// alert: the page is the save's own). Replacing one reloads the page with
// the box's list shorter (its heading speaking of one placeholder when one
// is left); a bad edit then shows as problems that hold the
// preview back, over the last good build.
func TestServeShowsPlaceholders(t *testing.T) {
	b := browser.New(t)
	root := t.TempDir()
	if code, _, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/a", "--outlet", "The Gazette"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	article := filepath.Join(root, "content", "articles", "first.md")
	replaceIn(t, article, `title: ""`, `title: "A Gazette headline"`)
	text, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(article, append(text, "The text of the article.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	base, _, _, _ := servePreview(t, root)
	p := b.Open(t, base+"articles/first.html", 1000, 800)
	box := `document.getElementById("briefing-preview-problems")`
	waitFor(t, p, box+` !== null && `+box+`.textContent.includes("To replace before build publishes the site") && `+box+`.textContent.includes("content/methodology.md:6:1: this is the paragraph new wrote for you to replace")`, "the placeholders shown on the article's page")
	if !browser.Eval[bool](p, `document.body.textContent.includes("A Gazette headline") && document.title.includes("Untitled briefing")`) {
		t.Errorf("the page is not the article's, in a briefing titled Untitled briefing: %q", browser.Eval[string](p, `document.title`))
	}
	if role := browser.Eval[string](p, box+`.getAttribute("role")`); role != "status" {
		t.Errorf("the placeholders' role is %q, want status", role)
	}
	if os.Getenv("BRIEFING_SHOTS") != "" {
		t.Logf("screenshot: %s", p.Screenshot("serve-placeholders"))
	}

	browser.Eval[bool](p, `window.beforeEdit = true`)
	replaceIn(t, filepath.Join(root, "content", "_index.md"), `title: ""`, `title: "A first briefing"`)
	waitForReload(t, p, "A Gazette headline")
	waitFor(t, p, box+` !== null && !`+box+`.textContent.includes("title is empty") && `+box+`.textContent.includes("content/methodology.md:6:1")`, "the placeholders left after the title was written")
	if title := browser.Eval[string](p, `document.title`); !strings.Contains(title, "A first briefing") {
		t.Errorf("the page's title is %q after the briefing's was written", title)
	}
	if head := browser.Eval[string](p, box+`.querySelector("p").textContent`); !strings.Contains(head, "these still in it") || !strings.Contains(head, "until they are replaced") {
		t.Errorf("with two placeholders left, the box's heading says %q", head)
	}

	// One left: the heading speaks of one, as the terminal does.
	browser.Eval[bool](p, `window.beforeEdit = true`)
	replaceIn(t, filepath.Join(root, "content", "_index.md"), "What the briefing covers, as Markdown (its sections start with ##).", "The overview.")
	waitForReload(t, p, "A Gazette headline")
	waitFor(t, p, box+` !== null && !`+box+`.textContent.includes("content/_index.md") && `+box+`.textContent.includes("content/methodology.md:6:1")`, "the placeholder left after the overview was written")
	if head := browser.Eval[string](p, box+`.querySelector("p").textContent`); !strings.Contains(head, "this still in it") || !strings.Contains(head, "until this is replaced") || strings.Contains(head, "they") {
		t.Errorf("with one placeholder left, the box's heading says %q", head)
	}

	browser.Eval[bool](p, `window.beforeEdit = true`)
	replaceIn(t, article, "outlet:", "outlet: [")
	waitFor(t, p, box+` !== null && `+box+`.textContent.includes("Problems in the last save") && `+box+`.textContent.includes("content/articles/first.md:")`, "the problem shown over the last good build")
	if role := browser.Eval[string](p, box+`.getAttribute("role")`); role != "alert" || !browser.Eval[bool](p, `window.beforeEdit === true`) {
		t.Errorf("a save with a problem: the box's role is %q, the page reloaded %v", role, !browser.Eval[bool](p, `window.beforeEdit === true`))
	}
}

// previewCurly previews the typography fixture and opens its article in
// Chromium, marked with window.beforeEdit (a reload forgets it). It returns
// the page, and the path and the text of the article's notes file.
func previewCurly(t *testing.T) (*browser.Page, string, []byte) {
	t.Helper()
	b := browser.New(t)
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	base, _, _, _ := servePreview(t, root)
	p := b.Open(t, base+"articles/curly.html", 1000, 800)
	browser.Eval[bool](p, `window.beforeEdit = true`)
	notes := filepath.Join(root, "annotations", "curly.yaml")
	data, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	return p, notes, data
}

// waitFor polls expr in p until it is true, failing after 20 s.
func waitFor(t *testing.T, p *browser.Page, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !browser.Eval[bool](p, expr) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 20 s for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestServeManyOpenPages opens eight pages of the preview at once, as an
// editor keeps the article, the claims, the sources… open in tabs: each
// loads (a browser keeps at most six connections open to one address, so
// pages holding an event stream each left the seventh blank), and a saved
// edit reloads every one of them. A browser without shared workers (Chrome
// on Android) has each page hold its own stream, and reloads all the same.
func TestServeManyOpenPages(t *testing.T) {
	b := browser.New(t)
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	base, _, _, _ := servePreview(t, root)
	names := []string{"index.html", "articles/curly.html", "claims.html", "sources.html", "notes.html", "quotes.html", "search.html", "handout.html"}
	var pages []*browser.Page
	for _, name := range names {
		// Open waits for the page to load: a page left waiting for a
		// connection fails it.
		p := b.Open(t, base+name, 800, 600)
		browser.Eval[bool](p, `window.beforeEdit = true`)
		pages = append(pages, p)
	}
	plain := b.Open(t, base+"articles/curly.html", 800, 600, browser.BeforeLoad(`delete window.SharedWorker`))
	if browser.Eval[bool](plain, `"SharedWorker" in window`) {
		t.Fatal("the page without shared workers has them")
	}
	browser.Eval[bool](plain, `window.beforeEdit = true`)
	pages = append(pages, plain)

	notes := filepath.Join(root, "annotations", "curly.yaml")
	replaceIn(t, notes, "The post said this on", "Manytabs: the post said this on")
	for i, p := range pages {
		what := "the page " + names[min(i, len(names)-1)] + " reloaded after the edit"
		if p == plain {
			what += ", without shared workers"
		}
		waitFor(t, p, `window.beforeEdit !== true && document.readyState === "complete"`, what)
	}
	for _, p := range []*browser.Page{pages[1], plain} {
		if !browser.Eval[bool](p, `document.body.textContent.includes("Manytabs")`) {
			t.Error("the article did not show the edit after reloading")
		}
	}
}

// TestServeFileSavedInPieces saves an edit of a notes file in two pieces,
// 150 ms apart (more than the watcher waits for a burst of events to end,
// less than problemsWait), the first ending inside a quoted text, as a
// slow copy or a sync tool may write it. The half-written file's problem
// is neither printed nor shown on the open page, which reloads with the
// edit.
func TestServeFileSavedInPieces(t *testing.T) {
	b := browser.New(t)
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	base, _, stderr, _ := servePreview(t, root)
	p := b.Open(t, base+"articles/curly.html", 1000, 800)
	// Kept across the reload: whether the problems' box ever showed.
	browser.Eval[bool](p, `new MutationObserver(() => {
  if (document.getElementById("briefing-preview-problems")) sessionStorage.setItem("boxSeen", "1");
}).observe(document.documentElement, {childList: true, subtree: true}); window.beforeEdit = true`)
	notes := filepath.Join(root, "annotations", "curly.yaml")
	data, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("The post said this on"), []byte("Pieceedit: the post said this on"), 1)
	cut := bytes.Index(edited, []byte("existential threat")) + len("existential")
	if bytes.Equal(edited, data) || cut < len("existential") {
		t.Fatal("the fixture's note or quote is not there to edit")
	}
	f, err := os.OpenFile(notes, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(edited[:cut]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	if _, err := f.Write(edited[cut:]); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	waitForReload(t, p, "Pieceedit")
	if browser.Eval[bool](p, `sessionStorage.getItem("boxSeen") === "1"`) {
		t.Error("the open page showed the problems of the half-written file")
	}
	if strings.Contains(stderr.String(), "curly.yaml:") {
		t.Errorf("the half-written file's problems were printed:\n%s", stderr.String())
	}
}
