package main

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/browser"
)

// trap records every call of alert, confirm, prompt and print before the
// page's own scripts run, so that a payload that calls one is seen even if
// it never opens a dialog.
const trap = `(() => {
	window.__calls = [];
	for (const name of ["alert", "confirm", "prompt", "print"]) {
		window[name] = (...args) => { window.__calls.push(name + "(" + args.join(",") + ")"); };
	}
})();`

// poke fires the events that injected handlers listen for on every element,
// as a reader's mouse and keyboard would, without following links.
const poke = `(() => {
	for (const el of document.querySelectorAll("*")) {
		for (const type of ["mouseover", "mouseenter", "focus", "focusin", "error", "load", "animationstart", "toggle"]) {
			el.dispatchEvent(new Event(type));
		}
	}
	return true;
})()`

// TestHostileInputIsInert builds testdata/hostile, a briefing whose every
// field carries a payload the loader accepts (attribute-breaking quotes,
// escaped HTML, </script> in bibliography fields, javascript: as text,
// Hugo template and shortcode syntax), and opens each page from file:// in
// Chromium: no payload may run (document.title stays, no dialog opens, no
// alert is called), nothing is requested from outside (the browser harness
// fails the test on any such request), and the payloads show as text.
// The integrity check, run on the build, adds that no page has an inline
// event handler or a javascript: address.
func TestHostileInputIsInert(t *testing.T) {
	b := browser.New(t)
	root := filepath.Join(t.TempDir(), "briefing")
	briefingtest.WriteDir(t, briefingtest.Load(t, "testdata/hostile/hostile.txtar"), root)
	out := filepath.Join(root, "public")
	if code, stdout, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
	more, _ := filepath.Glob(filepath.Join(out, "*", "*.html"))
	pages = append(pages, more...)
	if len(pages) < 4 {
		t.Fatalf("only %d pages built", len(pages))
	}
	for _, p := range pages {
		rel, _ := filepath.Rel(out, p)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) { assertInert(t, b, p) })
	}

	// The payloads are there, as text a reader can see.
	pg := b.Open(t, browser.FileURL(filepath.Join(out, "articles", "hostile.html")), 1400, 1000)
	text := browser.Eval[string](pg, "document.body.innerText")
	for _, want := range []string{
		"<script>document.title='PWNED'</script>",
		`{{< figure src="https://x.example/f.png" >}}`,
		"{{ .Site.Params }}",
		"javascript:alert(1)",
		`Author " onmouseover="alert(1)`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the article page does not show %q as text", want)
		}
	}
	if testing.Verbose() {
		t.Logf("screenshot: %s", pg.Screenshot("hostile-article"))
	}
}

// assertInert opens the page at path from file:// and fails t if a script
// of a payload runs: document.title set to PWNED, alert, confirm, prompt or
// print called, or a dialog opened. The harness adds any request outside
// file:// and any uncaught exception.
func assertInert(t *testing.T, b *browser.Browser, p string) {
	pg := b.Open(t, "about:blank", 1400, 1000)
	var mu sync.Mutex
	var dialogs []string
	err := chromedp.Listen(pg.Context(), func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, string(d.Type)+": "+d.Message)
			mu.Unlock()
			go func() {
				ctx, cancel := context.WithTimeout(pg.Context(), 10*time.Second)
				defer cancel()
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	pg.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: trap})
		return err
	}))
	pg.Do(chromedp.Navigate(browser.FileURL(p)))
	browser.Eval[bool](pg, poke)
	pg.Do(chromedp.Sleep(200 * time.Millisecond)) // deferred scripts and timers
	browser.Eval[bool](pg, poke)

	if title := browser.Eval[string](pg, "document.title"); title == "PWNED" {
		t.Errorf("a payload ran: document.title = %q", title)
	}
	if calls := browser.Eval[[]string](pg, "window.__calls"); len(calls) > 0 {
		t.Errorf("a payload ran: %v", calls)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %v", dialogs)
	}
}
