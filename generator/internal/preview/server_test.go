package preview

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/stage"
)

func testSite() *Site {
	return newSite(
		map[string][]byte{
			"404.html":         []byte("<html><body>not here</body></html>"),
			"css/site.css":     []byte("body{}"),
			"about/index.html": []byte("<html><body>about</body></html>"),
		},
		map[string]stage.Pieces{
			"index.html": {[]byte("<html><body><main>"), []byte("the body"), []byte("</main></body></html>")},
			"notes.html": {[]byte("<html><main>"), []byte("no closing body"), []byte("</main></html>")},
		},
		map[string]stage.Pieces{"briefing.json": {[]byte(`{"a":`), []byte(`1}`)}},
	)
}

// startServer starts a preview server, versions numbered from 1, behind
// an HTTP test server; both are closed when the test ends.
func startServer(t *testing.T) (*Server, *httptest.Server) {
	s := newServer(0)
	t.Cleanup(s.Close)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func fetch(t *testing.T, srv *httptest.Server, method, path string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, nil)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func TestServerServesTheSite(t *testing.T) {
	s, srv := startServer(t)

	if code, _, body := fetch(t, srv, "GET", "/"); code != http.StatusServiceUnavailable || !strings.Contains(body, ReloadTag(0)) {
		t.Errorf("before a site is published: %d %q", code, body)
	}
	s.Publish(testSite())
	for _, tc := range []struct {
		method, path string
		code         int
		ctype, body  string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<html><body><main>the body</main>" + ReloadTag(1) + "</body></html>"},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "<html><body><main>the body</main>" + ReloadTag(1) + "</body></html>"},
		{"HEAD", "/index.html", 200, "text/html; charset=utf-8", ""},
		{"GET", "/notes.html", 200, "text/html; charset=utf-8", "<html><main>no closing body</main></html>" + ReloadTag(1)},
		{"GET", "/css/site.css", 200, "text/css; charset=utf-8", "body{}"},
		{"GET", "/briefing.json", 200, "application/json", `{"a":1}`},
		{"GET", "/about/", 200, "text/html; charset=utf-8", "<html><body>about" + ReloadTag(1) + "</body></html>"},
		{"GET", "/about", 301, "", ""},
		{"GET", "/nothing.html", 404, "text/html; charset=utf-8", "<html><body>not here" + ReloadTag(1) + "</body></html>"},
		{"GET", "/../../etc/passwd", 404, "text/html; charset=utf-8", "<html><body>not here" + ReloadTag(1) + "</body></html>"},
		{"POST", "/index.html", 405, "", ""},
		{"GET", ReloadScript, 200, "text/javascript; charset=utf-8", string(reloadJS)},
		{"GET", workerScript, 200, "text/javascript; charset=utf-8", string(workerJS)},
	} {
		code, h, body := fetch(t, srv, tc.method, tc.path)
		if code != tc.code || (tc.ctype != "" && h.Get("Content-Type") != tc.ctype) || (tc.body != "" && body != tc.body) {
			t.Errorf("%s %s: %d %s %q, want %d %s %q", tc.method, tc.path, code, h.Get("Content-Type"), body, tc.code, tc.ctype, tc.body)
		}
		if tc.method == "HEAD" && body != "" {
			t.Errorf("HEAD %s sent a body", tc.path)
		}
		if code == 200 && h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", tc.path, h.Get("Cache-Control"))
		}
	}
	// The offline zip, made from the served site, not from its pages as
	// served (without the reload script).
	var want bytes.Buffer
	if err := offline.Write(&want, testSite().FS()); err != nil {
		t.Fatal(err)
	}
	if code, _, body := fetch(t, srv, "GET", "/"+offline.Name); code != 200 || body != want.String() {
		t.Errorf("the offline zip: %d, %d bytes, want %d", code, len(body), want.Len())
	}
}

// TestServerEvents opens the event stream as a page of version 1 would and
// checks that it hears of version 2 once it is published, at once when
// it is published already, and that Close ends the streams.
func TestServerEvents(t *testing.T) {
	s := newServer(0)
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.Publish(testSite())
	open := func(v string) (*bufio.Reader, func()) {
		resp, err := http.Get(srv.URL + "/_briefing/events?v=" + v)
		if err != nil {
			t.Fatal(err)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
			t.Fatalf("events: Content-Type %q", ct)
		}
		return bufio.NewReader(resp.Body), func() { resp.Body.Close() }
	}
	// next returns the stream's next event's data, or "" at its end.
	next := func(r *bufio.Reader) string {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return ""
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				return strings.TrimSpace(data)
			}
		}
	}
	r, done := open("1")
	defer done()
	got := make(chan string, 1)
	go func() { got <- next(r) }()
	select {
	case v := <-got:
		t.Fatalf("an event (%q) before anything was published", v)
	case <-time.After(100 * time.Millisecond):
	}
	s.Publish(testSite())
	select {
	case v := <-got:
		if v != "2" {
			t.Errorf("event %q, want 2", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no event after a publish")
	}
	// A page of version 1 that connects late hears at once.
	r2, done2 := open("1")
	defer done2()
	if v := next(r2); v != "2" {
		t.Errorf("a late page heard %q, want 2", v)
	}
	// Close ends a waiting stream.
	r3, done3 := open("2")
	defer done3()
	go func() { got <- next(r3) }()
	time.Sleep(50 * time.Millisecond)
	s.Close()
	select {
	case v := <-got:
		if v != "" {
			t.Errorf("event %q after Close", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not end the stream")
	}
}

// TestServerProblems: the problems of a save reach the open pages as an
// event of their own, at once for a page that connects while there are
// some, again when they change and when they are gone; a publish, a good
// build, clears them and reloads the page.
func TestServerProblems(t *testing.T) {
	s, srv := startServer(t)

	type event struct{ name, data string }
	open := func(v string) (chan event, func()) {
		resp, err := http.Get(srv.URL + "/_briefing/events?v=" + v)
		if err != nil {
			t.Fatal(err)
		}
		events := make(chan event, 10)
		go func() {
			defer close(events)
			r := bufio.NewReader(resp.Body)
			var e event
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				line = strings.TrimSuffix(line, "\n")
				switch {
				case line == "":
					if e.data != "" {
						events <- e
					}
					e = event{}
				case strings.HasPrefix(line, "event: "):
					e.name = strings.TrimPrefix(line, "event: ")
				case strings.HasPrefix(line, "data: "):
					e.data = strings.TrimPrefix(line, "data: ")
				}
			}
		}()
		return events, func() { resp.Body.Close() }
	}
	want := func(events chan event, name, data string) {
		t.Helper()
		select {
		case e, ok := <-events:
			if !ok || e.name != name || e.data != data {
				t.Errorf("event %q %q (open %v), want %q %q", e.name, e.data, ok, name, data)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no event, want %q %q", name, data)
		}
	}
	none := func(events chan event) {
		t.Helper()
		select {
		case e := <-events:
			t.Errorf("event %q %q, want none", e.name, e.data)
		case <-time.After(100 * time.Millisecond):
		}
	}

	// Before the first good build, the "not built yet" page (version 0)
	// hears of the problems too.
	s.Problems([]string{"content/_index.md:1:1: the briefing has no title"})
	first, doneFirst := open("0")
	defer doneFirst()
	want(first, "problems", `["content/_index.md:1:1: the briefing has no title"]`)
	s.Publish(testSite())
	want(first, "", "1")

	page, done := open("1")
	defer done()
	none(page)
	s.Problems([]string{`annotations/a.yaml:3:12: the quote is "not" <here>`, "content/articles/b.md:1:1: the article has no title"})
	want(page, "problems", `["annotations/a.yaml:3:12: the quote is \"not\" \u003chere\u003e","content/articles/b.md:1:1: the article has no title"]`)
	s.Problems([]string{`annotations/a.yaml:3:12: the quote is "not" <here>`, "content/articles/b.md:1:1: the article has no title"})
	none(page) // the same problems again: nothing to tell
	s.Problems([]string{"content/articles/b.md:1:1: the article has no title"})
	want(page, "problems", `["content/articles/b.md:1:1: the article has no title"]`)

	late, doneLate := open("1")
	defer doneLate()
	want(late, "problems", `["content/articles/b.md:1:1: the article has no title"]`)

	s.Problems(nil) // the save undone: the site is as it was
	want(page, "problems", `[]`)
	want(late, "problems", `[]`)

	s.Problems([]string{"error: hugo failed"})
	want(page, "problems", `["error: hugo failed"]`)
	s.Publish(testSite())
	want(page, "", "2")
	if _, problems, _, _ := s.current(); problems != nil {
		t.Errorf("problems after a publish: %q", problems)
	}
	fresh, doneFresh := open("2")
	defer doneFresh()
	none(fresh)

	// Problems the version was published with (new's placeholders) are an
	// event of their own, and reload nothing; the same lines holding a
	// save back are told again, as problems.
	placeholder := []string{"content/_index.md:13:1: this is the text new wrote for you to replace"}
	s.Unpublishable(placeholder)
	want(fresh, "unpublishable", `["content/_index.md:13:1: this is the text new wrote for you to replace"]`)
	s.Unpublishable(placeholder)
	none(fresh)
	s.Problems(placeholder)
	want(fresh, "problems", `["content/_index.md:13:1: this is the text new wrote for you to replace"]`)
	s.Unpublishable(placeholder)
	want(fresh, "unpublishable", `["content/_index.md:13:1: this is the text new wrote for you to replace"]`)
	s.Unpublishable(nil)
	want(fresh, "problems", `[]`)
}

// TestServerStartedAgain: a page left open while the preview was stopped,
// and a file edited, and the preview started again, is told to reload,
// though it shows the earlier run's first version as the new run's is its
// first too: each run numbers its versions from when it starts, above
// every earlier run's.
func TestServerStartedAgain(t *testing.T) {
	earlier := NewServer()
	earlier.Publish(testSite())
	shown := earlier.cur.n // the open page's version
	earlier.Close()
	time.Sleep(2 * time.Millisecond)
	again := NewServer()
	defer again.Close()
	if again.cur.n <= shown {
		t.Fatalf("the run started again numbers from %d, not above the earlier run's %d", again.cur.n, shown)
	}
	again.Publish(testSite())
	srv := httptest.NewServer(again)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/_briefing/events?v=" + strconv.FormatUint(shown, 10))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body) // the stream ends after telling of a newer version
	if want := "data: " + strconv.FormatUint(again.cur.n, 10); !strings.Contains(string(body), want) {
		t.Errorf("the earlier run's page heard %q, want %q", body, want)
	}
	if again.cur.n >= 1<<53 {
		t.Errorf("version %d is past what JavaScript holds exactly", again.cur.n)
	}
}

// TestServerAnswersItsOwnNames: a request that names the preview by
// another host (DNS rebinding: a page of any site, its name pointed at
// 127.0.0.1, reading the drafts) is refused; 127.0.0.1, localhost and ::1
// are answered.
func TestServerAnswersItsOwnNames(t *testing.T) {
	s := newServer(0)
	defer s.Close()
	s.Publish(testSite())
	for host, want := range map[string]int{
		"127.0.0.1:1313": http.StatusOK, "localhost:1313": http.StatusOK, "[::1]:1313": http.StatusOK, "LOCALHOST": http.StatusOK,
		"attacker.example:1313": http.StatusMisdirectedRequest, "attacker.example": http.StatusMisdirectedRequest, "": http.StatusMisdirectedRequest,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, w.Code, want)
		}
	}
}

// TestServerWaitsForTheFirstSite: before anything is published, the page
// that waits for the site (version 0) hears nothing until the first
// publish, whatever number the run's versions start from (it reloaded
// again and again); a page of an earlier run is told to reload at once,
// to that page.
func TestServerWaitsForTheFirstSite(t *testing.T) {
	s := NewServer()
	defer s.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()
	first := func(v string) chan string {
		got := make(chan string, 1)
		go func() {
			resp, err := http.Get(srv.URL + "/_briefing/events?v=" + v)
			if err != nil {
				got <- ""
				return
			}
			defer resp.Body.Close()
			r := bufio.NewReader(resp.Body)
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					got <- ""
					return
				}
				if data, ok := strings.CutPrefix(line, "data: "); ok {
					got <- strings.TrimSpace(data)
					return
				}
			}
		}()
		return got
	}
	waiting, earlier := first("0"), first("7")
	select {
	case v := <-earlier:
		if v != "0" {
			t.Errorf("a page of an earlier run heard %q, want 0, the page that waits", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a page of an earlier run heard nothing")
	}
	select {
	case v := <-waiting:
		t.Fatalf("the waiting page heard %q before anything was published", v)
	case <-time.After(200 * time.Millisecond):
	}
	s.Publish(testSite())
	select {
	case v := <-waiting:
		if v != strconv.FormatUint(s.cur.n, 10) {
			t.Errorf("after the first publish the waiting page heard %q, want %d", v, s.cur.n)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting page heard nothing after the first publish")
	}
}

// TestServerNamesTheArticles: the page of an article that is not there
// (renamed or removed while it was open, which then reloads to the 404
// page) lists the briefing's articles, linked; another missing page, and
// the site's own 404.html, do not.
func TestServerNamesTheArticles(t *testing.T) {
	s, srv := startServer(t)
	s.Publish(newSite(
		map[string][]byte{"404.html": []byte("<html><body><main><h1>Page not found</h1></main></body></html>")},
		map[string]stage.Pieces{
			"articles/new-name.html": {[]byte("<html><body><main>a</main></body></html>")},
			"articles/b&c.html":      {[]byte("<html><body><main>b</main></body></html>")},
		},
		nil,
	))
	code, _, body := fetch(t, srv, "GET", "/articles/old-name.html")
	want := `<main><h1>Page not found</h1><aside class="preview-note"><p>In the preview: there is no article at articles/old-name.html now. Was its file renamed or removed? The briefing’s articles:</p><ul>` +
		`<li><a href="/articles/b&amp;c.html">articles/b&amp;c.html</a></li><li><a href="/articles/new-name.html">articles/new-name.html</a></li></ul></aside>` + "\n</main>"
	if code != 404 || !strings.Contains(body, want) {
		t.Errorf("%d %s\nwant it to hold %s", code, body, want)
	}
	for _, p := range []string{"/nothing.html", "/404.html", "/articles/", "/articles/x.png"} {
		if _, _, body := fetch(t, srv, "GET", p); strings.Contains(body, "preview-note") {
			t.Errorf("%s: %s", p, body)
		}
	}
}

// TestServerTellsTheArticlesProblems: the page of an article that is not
// in the last good build because its files have problems (a new article
// saved without a title, say) says so and lists them, escaped, rather than
// asking whether the file was renamed; with problems elsewhere, it says
// that the preview shows the last good build until they are fixed. A
// briefing folder's name may hold anything, ": " too.
func TestServerTellsTheArticlesProblems(t *testing.T) {
	s, srv := startServer(t)
	s.Publish(newSite(
		map[string][]byte{"404.html": []byte("<html><body><main><h1>Page not found</h1></main></body></html>")},
		map[string]stage.Pieces{"articles/old.html": {[]byte("<html><body><main>a</main></body></html>")}},
		nil,
	))
	s.Problems([]string{
		"../my briefing: 2026/content/articles/new-one.md:2:8: the title is empty: give the outlet's headline",
		`annotations/new-one.yaml:4:12: the quote is not in the article; the closest passage is "<b>&" (line 3)`,
		"annotations/old.yaml:3:12: the quote names content/articles/new-one.md: in its text",
		"content/articles/new-one-more.md:1:1: the article has no title",
	})
	code, _, body := fetch(t, srv, "GET", "/articles/new-one.html")
	want := `<main><h1>Page not found</h1><aside class="preview-note"><p>In the preview: the article new-one has problems, so the last good build, which the preview shows until they are fixed and saved, has no page for it. Its problems when this page was opened:</p>` +
		"<ul><li><code>../my briefing: 2026/content/articles/new-one.md:2:8: the title is empty: give the outlet&#39;s headline</code></li>" +
		`<li><code>annotations/new-one.yaml:4:12: the quote is not in the article; the closest passage is &#34;&lt;b&gt;&amp;&#34; (line 3)</code></li></ul>` +
		`<p>The box at the foot of the page lists the briefing’s problems as they are now, as the terminal running serve does; once they, and any of the briefing’s others, are fixed and saved, this page reloads to the article.</p></aside>` + "\n</main>"
	if code != 404 || !strings.Contains(body, want) {
		t.Errorf("%d %s\nwant it to hold %s", code, body, want)
	}
	code, _, body = fetch(t, srv, "GET", "/articles/other.html")
	want = `<aside class="preview-note"><p>In the preview: there is no article at articles/other.html in the last good build, which the preview shows until the briefing’s problems are fixed and saved (the box at the foot of the page lists them, as the terminal running serve does); a new article’s page is there once they are. The last good build’s articles:</p><ul><li><a href="/articles/old.html">articles/old.html</a></li></ul></aside>`
	if code != 404 || !strings.Contains(body, want) {
		t.Errorf("%d %s\nwant it to hold %s", code, body, want)
	}
	s.Problems(nil)
	if _, _, body := fetch(t, srv, "GET", "/articles/new-one.html"); !strings.Contains(body, "Was its file renamed or removed?") {
		t.Errorf("without problems: %s", body)
	}
	// Problems the version served was published with hold no article
	// back: the page asks, as without them.
	s.Unpublishable([]string{"content/_index.md:13:1: this is the text new wrote for you to replace"})
	if _, _, body := fetch(t, srv, "GET", "/articles/new-one.html"); !strings.Contains(body, "Was its file renamed or removed?") {
		t.Errorf("with problems that are not holding the preview back: %s", body)
	}
}
