package main

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/browser"
)

// TestSearchInBrowser builds the pages fixture and, from file://, searches
// for a word that only one note contains: typed into the search page, the
// note is found and its link opens the note in its article. The page's
// address with ?q= (what the form submits) finds it too, and a query for
// accented, curly-quoted text matches the plain one.
func TestSearchInBrowser(t *testing.T) {
	b := browser.New(t)
	out := buildBriefing(t, fixtureDir(t, briefingtest.Load(t, "internal/stage/testdata/pages.txtar")))
	search := browser.FileURL(filepath.Join(out, "search.html"))

	p := b.Open(t, search, 1000, 800)
	if got := browser.Eval[string](p, `document.getElementById("search-status").textContent`); got != "" {
		t.Errorf("with JavaScript, the status still says %q", got)
	}
	p.Do(chromedp.SendKeys(chromedp.CSS("#search-q"), "Quinoa"),
		chromedp.WaitVisible(chromedp.CSS("#search-results li a")))
	type result struct{ Kind, Title, Href, Snippet string }
	results := browser.Eval[[]result](p, `[...document.querySelectorAll("#search-results li")].map(li => ({
		Kind: li.querySelector(".search-kind").textContent, Title: li.querySelector("a").textContent,
		Href: li.querySelector("a").getAttribute("href"), Snippet: li.querySelector(".search-snippet").innerHTML}))`)
	if len(results) != 1 {
		t.Fatalf("search for quinoa: %d results %+v, want the one note", len(results), results)
	}
	r := results[0]
	if r.Kind != "Note" || r.Href != "articles/alpha.html#note-favor" || !strings.Contains(r.Snippet, "<mark>quinoa</mark>") {
		t.Errorf("result = %+v", r)
	}
	p.Do(chromedp.Click(chromedp.CSS("#search-results li a")), chromedp.WaitVisible(chromedp.CSS("#note-favor")))
	if got := browser.Eval[string](p, `location.pathname.split("/").pop() + location.hash`); got != "alpha.html#note-favor" {
		t.Errorf("the result opened %s", got)
	}

	// All words must match; typography and accents do not matter.
	p = b.Open(t, search+"?q=%E2%80%9CWestern+civilisation%E2%80%9D+D%C3%A9partment%E2%80%99s", 1000, 800)
	p.Do(chromedp.WaitVisible(chromedp.CSS("#search-results li a")))
	hrefs := browser.Eval[[]string](p, `[...document.querySelectorAll("#search-results a")].map(a => a.getAttribute("href"))`)
	if len(hrefs) != 1 || hrefs[0] != "articles/beta.html#note-threat" {
		t.Errorf("search for “Western civilisation” Départment’s: %v, want beta's note on the threat", hrefs)
	}
	if v := browser.Eval[string](p, `document.getElementById("search-q").value`); v != "“Western civilisation” Départment’s" {
		t.Errorf("the query from the address was not put in the box: %q", v)
	}

	// A query of marks alone, no word to look for, is told so.
	p = b.Open(t, search+"?q=%22+--", 1000, 800)
	if got := browser.Eval[string](p, `document.getElementById("search-status").textContent`); got != "Type a word or a number to search for." {
		t.Errorf("search for \" --: the status says %q", got)
	}
}

// TestSearchFindsArticleText searches the project's own briefing for words
// of a paragraph that carries no note: the result links to the paragraph
// with a text fragment, and following it scrolls the article to the text.
func TestSearchFindsArticleText(t *testing.T) {
	p, out := searchOwnBriefing(t, "heels massive action")
	href := browser.Eval[string](p, `document.querySelector("#search-results li a").getAttribute("href")`)
	if !strings.HasPrefix(href, "articles/dailywire-latin-america-cable.html#:~:text=The%20move%20comes%20on") {
		t.Fatalf("first result links to %s, want the Daily Wire paragraph", href)
	}
	p.Do(chromedp.Navigate(browser.FileURL(filepath.Join(out, filepath.FromSlash(strings.Split(href, "#")[0]))) + "#" + strings.SplitN(href, "#", 2)[1]))
	scrolled := browser.Eval[float64](p, `new Promise(done => {
		const check = n => scrollY > 0 || n == 0 ? done(scrollY) : setTimeout(() => check(n - 1), 50);
		check(40);
	})`)
	if scrolled <= 0 {
		t.Errorf("the article did not scroll to the paragraph (scrollY %v)", scrolled)
	}
}

// TestSearchFindsNumbers: a figure is found however its thousands are
// written, and a decimal is one term: "7500" found nothing of the refugee
// ceiling of 7,500 (the index has "7,500", the query one word "7500"), and
// "8.8%" listed first the notes titled "note 8", its two halves sought
// apart.
func TestSearchFindsNumbers(t *testing.T) {
	p, _ := searchOwnBriefing(t, "7,500")
	results := func() (string, string) {
		return browser.Eval[string](p, `document.getElementById("search-status").textContent`),
			browser.Eval[string](p, `document.querySelector("#search-results li").textContent`)
	}
	grouped, first := results()
	if !strings.Contains(first, "7,500") {
		t.Fatalf("the first result for 7,500 does not show it: %q", first)
	}
	search := func(q string) {
		browser.Eval[bool](p, `(document.getElementById("search-q").value = `+strconv.Quote(q)+`, document.querySelector("[data-search-page]").requestSubmit(), true)`)
	}
	search("7500")
	status, first := results()
	if strings.Replace(status, "7500", "7,500", 1) != grouped {
		t.Errorf("search for 7500: %q; for 7,500: %q", status, grouped)
	}
	if !strings.Contains(first, "7,500") || browser.Eval[string](p, `document.querySelector("#search-results li mark").textContent`) != "7,500" {
		t.Errorf("search for 7500: the first result does not show 7,500 marked: %q", first)
	}
	// Nor is "500" found as the end of "7,500": no result's marked 500
	// follows a number's comma.
	search("500")
	inside := browser.Eval[int](p, `[...document.querySelectorAll("#search-results mark")].filter(m => /\d[.,]$/.test(m.previousSibling?.textContent || "")).length`)
	if status := browser.Eval[string](p, `document.getElementById("search-status").textContent`); inside > 0 || status == strings.Replace(grouped, "7,500", "500", 1) {
		t.Errorf("search for 500 found the 500 of 7,500 (%d marked): %q", inside, status)
	}
	search("8.8%")
	if _, first := results(); !strings.Contains(first, "8.8%") {
		t.Errorf("the first result for 8.8%% does not show it: %q", first)
	}
}

// TestSearchStatusSpeaksOnce: the status under the search field is a live
// region, which a screen reader reads out at each change: typed at a
// moderate pace, a word gets one announcement, once typing pauses, not
// one a key over the echo of the keys; Enter then says nothing new, and
// the results themselves follow each key.
func TestSearchStatusSpeaksOnce(t *testing.T) {
	p, _ := searchOwnBriefing(t, "")
	browser.Eval[bool](p, `(window.said = [], new MutationObserver(() => said.push(document.getElementById("search-status").textContent))
	  .observe(document.getElementById("search-status"), {childList: true, characterData: true, subtree: true}), true)`)
	// Typed in the page, a key every 180 ms (from the test, each key a
	// round trip to the browser, a busy machine spaced them by more than
	// a pause), noting the results after each.
	lists := browser.Eval[[]string](p, `new Promise(done => {
	  const q = document.getElementById("search-q"), lists = [];
	  q.focus();
	  const type = i => {
	    if (i > 0) lists.push(document.getElementById("search-results").textContent);
	    if (i === 7) return setTimeout(() => done(lists), 1200);
	    q.value += "migrant"[i];
	    q.dispatchEvent(new Event("input", {bubbles: true}));
	    setTimeout(() => type(i + 1), 180);
	  };
	  type(0);
	})`)
	if distinct := len(slices.Compact(slices.Clone(lists))); distinct < 3 {
		t.Errorf("the results did not follow the keys: %d different lists for 7 keys", distinct)
	}
	said := browser.Eval[[]string](p, `said`)
	if len(said) != 1 || !strings.Contains(said[0], "for “migrant”") {
		t.Fatalf("typing “migrant” was announced %d times: %q", len(said), said)
	}
	p.Keys("\r")
	p.Do(chromedp.Sleep(300 * time.Millisecond))
	if again := browser.Eval[[]string](p, `said`); len(again) != 1 {
		t.Errorf("Enter announced the same status again: %q", again)
	}
}

// TestSearchShowsEveryResult: a query with more results than the page
// shows at once lists the first 50 with a button after them; the button,
// pressed from the keyboard, adds the next ones and takes focus to the
// first of them, until every result is listed and the button is gone.
func TestSearchShowsEveryResult(t *testing.T) {
	p, _ := searchOwnBriefing(t, "the")
	status := browser.Eval[string](p, `document.getElementById("search-status").textContent`)
	var total int
	if _, err := fmt.Sscanf(status, "%d results", &total); err != nil || total <= 100 {
		t.Fatalf("status %q: want more than 100 results, to take two presses", status)
	}
	listed := func() int { return browser.Eval[int](p, `document.querySelectorAll("#search-results li").length`) }
	if n := listed(); n != 50 {
		t.Fatalf("%d results listed at first, want 50", n)
	}
	for presses := 1; listed() < total; presses++ {
		if presses > total/50+1 {
			t.Fatalf("%d presses and %d of %d results listed", presses, listed(), total)
		}
		before := listed()
		browser.Eval[bool](p, `(document.querySelector(".search-more").focus(), true)`)
		p.Keys("\r")
		if got := browser.Eval[int](p, `[...document.querySelectorAll("#search-results li a")].indexOf(document.activeElement)`); got != before {
			t.Fatalf("after press %d focus is on result %d, want the first new one, %d", presses, got, before)
		}
	}
	if n := listed(); n != total || browser.Eval[bool](p, `!!document.querySelector(".search-more")`) {
		t.Errorf("%d of %d results listed, and the button still there: %v", n, total, browser.Eval[bool](p, `!!document.querySelector(".search-more")`))
	}
	// The status says how many were found, not how many are listed: it
	// said "the first 50" with every result listed.
	if now := browser.Eval[string](p, `document.getElementById("search-status").textContent`); now != fmt.Sprintf("%d results for “the”:", total) {
		t.Errorf("with every result listed the status says %q", now)
	}
}

// searchOwnBriefing builds the project's own briefing and opens its search
// page, from file://, at 1000×800: with the query in its address, the
// results shown, when query is not "". It returns the page and the site.
func searchOwnBriefing(t *testing.T, query string) (*browser.Page, string) {
	t.Helper()
	out := buildBriefing(t, "..")
	addr := browser.FileURL(filepath.Join(out, "search.html"))
	if query != "" {
		addr += "?q=" + url.QueryEscape(query)
	}
	p := browser.New(t).Open(t, addr, 1000, 800)
	if query != "" {
		p.Do(chromedp.WaitVisible(chromedp.CSS("#search-results li a")))
	}
	return p, out
}

// TestSearchFoldsSharpS: ss and ß are one, as German and Swiss German write
// the same word (Strasse, Straße), and a word may hold both
// (Schlossstraße): typed either way, each passage is found, the word marked
// as the text writes it.
func TestSearchFoldsSharpS(t *testing.T) {
	c := loadCase(t, "testdata/corpus/base.txtar")
	art := c.files["content/articles/one.md"]
	art.Data = slices.Concat(art.Data, []byte("\nProtesters met on the Hauptstrasse.\n\nThey marched to the Schlossstraße.\n"))
	out := buildBriefing(t, writeCase(t, c, t.TempDir()))
	search := browser.FileURL(filepath.Join(out, "search.html"))
	b := browser.New(t)
	for _, tc := range []struct{ query, marked string }{
		{"Hauptstraße", "Hauptstrasse"},
		{"hauptstrasse", "Hauptstrasse"},
		{"schlossstrasse", "Schlossstraße"},
		{"Schloßstraße", "Schlossstraße"},
		{"SCHLOSSSTRASSE", "Schlossstraße"},
	} {
		p := b.Open(t, search+"?q="+url.QueryEscape(tc.query), 1000, 800)
		p.Do(chromedp.Poll[chromedp.Void](`document.getElementById("search-status").textContent`))
		marks := browser.Eval[[]string](p, `[...document.querySelectorAll("#search-results mark")].map(m => m.textContent)`)
		if len(marks) != 1 || marks[0] != tc.marked {
			t.Errorf("search for %s: marked %q, want %q once", tc.query, marks, tc.marked)
		}
	}
}

// TestSearchMarksDecomposedText: a letter written decomposed in the
// article ("e" and a combining acute, as some Mac software saves text) is
// found by the query typed composed, and the word is marked: the search
// marked nothing in such a passage, its folded text shorter than the text.
func TestSearchMarksDecomposedText(t *testing.T) {
	c := loadCase(t, "testdata/corpus/base.txtar")
	art := c.files["content/articles/one.md"]
	art.Data = slices.Concat(art.Data, []byte("\nThey met in a cafe\u0301 near the Ministe\u0300re.\n"))
	out := buildBriefing(t, writeCase(t, c, t.TempDir()))
	p := browser.New(t).Open(t, browser.FileURL(filepath.Join(out, "search.html"))+"?q="+url.QueryEscape("café ministère"), 1000, 800)
	p.Do(chromedp.Poll[chromedp.Void](`document.getElementById("search-status").textContent`))
	marks := browser.Eval[[]string](p, `[...document.querySelectorAll("#search-results mark")].map(m => m.textContent.normalize("NFC"))`)
	if !slices.Equal(marks, []string{"café", "Ministère"}) {
		t.Errorf("search for café ministère: marked %q, want café and Ministère", marks)
	}
}
