package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/synth"
)

// syncBuffer is an output that serve's goroutines may write concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// eventually polls cond until it holds or the time is up.
func eventually(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func get(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return ""
	}
	return string(body)
}

// servePreview starts serve on a free port and returns its address, its
// output, and a function that stops it and waits for it to return.
func servePreview(t *testing.T, root string) (string, *syncBuffer, *syncBuffer, func() int) {
	t.Helper()
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- serve(ctx, root, 0, &stdout, &stderr) }()
	stopped := false
	var code int
	stop := func() int {
		if !stopped {
			cancel()
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("serve did not return within 20 s of being stopped")
			}
			stopped = true
		}
		return code
	}
	t.Cleanup(func() { stop() })
	addr := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/)`)
	eventually(t, "serve did not start:\n"+stdout.String()+stderr.String(), 2*time.Minute, func() bool {
		return addr.MatchString(stdout.String())
	})
	return addr.FindStringSubmatch(stdout.String())[1], &stdout, &stderr, stop
}

// TestServeRebuildsOnEdit starts the preview on a briefing, edits a note
// and sees the change on the served page; then saves a bad edit, which is
// reported with its position while the last good page stays served; then
// fixes it. Stopping the preview closes its port and stops every goroutine
// it started.
func TestServeRebuildsOnEdit(t *testing.T) {
	goroutines := runtime.NumGoroutine()
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	notes := filepath.Join(root, "annotations", "curly.yaml")
	original, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	base, stdout, stderr, stop := servePreview(t, root)
	page := base + "articles/curly.html"
	// The address is said at once, before the first compile.
	if first, _, _ := strings.Cut(stdout.String(), "\n"); first != "building the preview at "+base {
		t.Errorf("serve's first line is %q, want the address before the first build", first)
	}
	html := get(page)
	if !strings.Contains(html, `id="ref-threat"`) {
		t.Fatalf("the served article lacks its note markers:\n%s", html)
	}
	// The preview's reload script, from the preview's own address only,
	// once, before the page's </body>.
	tag := regexp.MustCompile(`<script src="(/_briefing/reload\.js\?v=\d+)"></script>`).FindAllStringSubmatch(html, -1)
	if len(tag) != 1 || !strings.Contains(html, tag[0][0]+"</body>") {
		t.Fatalf("the served page does not have the reload script once, before </body>: %v", tag)
	}
	if js := get(base + tag[0][1][1:]); !strings.Contains(js, "new EventSource(") {
		t.Errorf("the preview does not serve its reload script: %q", js)
	}

	replaceIn(t, notes, "The post said this on", "Firstedit: the post said this on")
	eventually(t, "the edited note did not show on the served page", 20*time.Second, func() bool {
		return strings.Contains(get(page), "Firstedit")
	})

	// A quote that is no longer in the article: reported, page unchanged.
	replaceIn(t, notes, "quote: Western civilization", "quote: Eastern civilization")
	wantErr := filepath.ToSlash(notes) + `:11:12: the quote is not in the article`
	eventually(t, "the bad edit was not reported:\n"+stderr.String(), 20*time.Second, func() bool {
		return strings.Contains(stderr.String(), wantErr)
	})
	if !strings.Contains(stderr.String(), "the preview keeps showing the last good build") {
		t.Errorf("stderr does not say the last good build stays:\n%s", stderr.String())
	}
	time.Sleep(time.Second) // longer than a rebuild takes
	if got := get(page); !strings.Contains(got, "Firstedit") || !strings.Contains(got, `id="ref-western"`) {
		t.Error("after a bad edit the served page is not the last good one")
	}
	// A save that changes none of the problems does not print them again.
	replaceIn(t, notes, "quote: Eastern civilization", "quote: Eastern civilization ")
	time.Sleep(time.Second)
	if n := strings.Count(stderr.String(), wantErr); n != 1 || !strings.Contains(stderr.String(), "the save leaves the problems above as they were") {
		t.Errorf("after a save that changed no problem: the problem printed %d times, want once, and the save not said:\n%s", n, stderr.String())
	}

	// Fixed, with another change: served again.
	if err := os.WriteFile(notes, bytes.Replace(original, []byte("The post said this on"), []byte("Secondedit: the post said this on"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the fixed briefing did not show", 20*time.Second, func() bool {
		got := get(page)
		return strings.Contains(got, "Secondedit") && !strings.Contains(got, "Firstedit")
	})
	if !strings.Contains(stdout.String(), "no problems now: compiled in ") {
		t.Errorf("the terminal does not say the problems are gone:\n%s", stdout.String())
	}
	// An editor's swap and backup files, written as it types, are not
	// changes: no compile ("the site is unchanged") for them.
	compiles := strings.Count(stdout.String(), "\n")
	for i := range 3 {
		for _, name := range []string{".curly.yaml.swp", "curly.yaml~", "4913"} {
			if err := os.WriteFile(filepath.Join(root, "annotations", name), []byte(strconv.Itoa(i)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	if strings.Count(stdout.String(), "\n") != compiles {
		t.Errorf("editor files written were compiled:\n%s", stdout.String())
	}

	if code := stop(); code != 0 {
		t.Errorf("serve returned %d after being stopped, want 0", code)
	}
	if c, err := net.DialTimeout("tcp", strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"), time.Second); err == nil {
		c.Close()
		t.Error("something still listens on the preview's port")
	}
	http.DefaultClient.CloseIdleConnections()
	eventually(t, "goroutines left after serve returned", 5*time.Second, func() bool {
		return runtime.NumGoroutine() <= goroutines
	})
}

// TestServeFollowsLinkedFolders previews a briefing whose content/ and
// annotations/ are symbolic links to folders beside them (which check and
// build read through): an edit saved in the folders they lead to, to a
// note and to an article's text, shows on the served page. So does one
// saved to the file an article file links to, the link made while the
// preview runs, in a folder the preview does not otherwise watch.
func TestServeFollowsLinkedFolders(t *testing.T) {
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	real := filepath.Join(root, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"content", "annotations"} {
		if err := os.Rename(filepath.Join(root, d), filepath.Join(real, d)); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join("real", d), filepath.Join(root, d)); err != nil {
			t.Fatal(err)
		}
	}
	base, _, stderr, _ := servePreview(t, root)
	page := base + "articles/curly.html"
	if !strings.Contains(get(page), `id="ref-threat"`) {
		t.Fatal("the served article lacks its note markers")
	}
	replaceIn(t, filepath.Join(real, "annotations", "curly.yaml"), "The post said this on", "Linkednote: the post said this on")
	eventually(t, "a note saved in the folder annotations/ leads to did not show:\n"+stderr.String(), 20*time.Second, func() bool {
		return strings.Contains(get(page), "Linkednote")
	})
	replaceIn(t, filepath.Join(real, "content", "articles", "curly.md"), "## A heading", "## A heading\n\nLinkedtext opens the article.")
	eventually(t, "an article saved in the folder content/ leads to did not show:\n"+stderr.String(), 20*time.Second, func() bool {
		return strings.Contains(get(page), "Linkedtext")
	})
	// The article moved to a folder of its own, and linked to from its
	// place.
	shared := filepath.Join(root, "shared")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(real, "content", "articles", "curly.md")
	if err := os.Rename(article, filepath.Join(shared, "curly.md")); err != nil {
		t.Fatal(err)
	}
	replaceIn(t, filepath.Join(shared, "curly.md"), "Linkedtext", "Movedtext")
	if err := os.Symlink(filepath.Join("..", "..", "..", "shared", "curly.md"), article); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the article linked to its new place did not show:\n"+stderr.String(), 20*time.Second, func() bool {
		return strings.Contains(get(page), "Movedtext")
	})
	time.Sleep(300 * time.Millisecond) // the events of the move are all handled
	replaceIn(t, filepath.Join(shared, "curly.md"), "Movedtext", "Sharedtext")
	eventually(t, "an article saved in the file its link leads to did not show:\n"+stderr.String(), 20*time.Second, func() bool {
		return strings.Contains(get(page), "Sharedtext")
	})
}

// TestServeFirstBriefing: a briefing as new starts it without --title,
// with its article's text pasted in but the article's title, the
// briefing's, the overview and the methodology still as new wrote them,
// is previewed: the article's page is served, the article titled
// "Untitled article" and the briefing "Untitled briefing" in the preview
// only, and the terminal and the open pages list the placeholders as
// problems that build refuses to publish, which it does.
func TestServeFirstBriefing(t *testing.T) {
	root := t.TempDir()
	if code, _, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/a", "--outlet", "The Gazette"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	article := filepath.Join(root, "content", "articles", "first.md")
	text := readFile(t, root, "content/articles/first.md") + "The text of the article.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	placeholders := []string{
		"content/_index.md:2:8: the briefing's title is empty: write it between the quotes after title:",
		"content/_index.md:13:1: this is the text new wrote for you to replace",
		"content/articles/first.md:2:8: the article's title is empty: write it between the quotes after title:",
		"content/methodology.md:6:1: this is the paragraph new wrote for you to replace",
	}
	base, _, stderr, _ := servePreview(t, root)
	resp, err := http.Get(base + "articles/first.html")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "<h1>Untitled article</h1>") || !strings.Contains(string(page), "The text of the article.") {
		t.Errorf("the article's page: %s\n%s", resp.Status, page)
	}
	if home := get(base); !strings.Contains(home, "<title>Untitled briefing") || !strings.Contains(home, input.OverviewPlaceholder) || !strings.Contains(home, "Untitled article") {
		t.Errorf("the home page does not stand in the titles for the empty ones, or lacks the overview:\n%s", home)
	}
	eventually(t, "the terminal does not list the placeholders:\n"+stderr.String(), 10*time.Second, func() bool {
		return strings.Contains(stderr.String(), "4 problems found\nthe preview shows the briefing with these, the empty titles as \"Untitled briefing\" and \"Untitled article\", but build publishes nothing until they are replaced")
	})
	for _, p := range placeholders {
		if !strings.Contains(stderr.String(), filepath.ToSlash(filepath.Join(root, p))) {
			t.Errorf("the terminal does not list %s:\n%s", p, stderr.String())
		}
	}
	// The open pages hear of them, as problems that do not hold the
	// preview back.
	v := regexp.MustCompile(`reload\.js\?v=(\d+)`).FindSubmatch(page)
	if v == nil {
		t.Fatalf("no reload script in the page:\n%s", page)
	}
	events, err := http.Get(base + "_briefing/events?v=" + string(v[1]))
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	lines := make(chan string)
	go func() {
		defer close(lines)
		r := bufio.NewReader(events.Body)
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return
			}
			lines <- strings.TrimSuffix(l, "\n")
		}
	}()
	var event, data string
	for data == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the event stream ended, after %q", event)
			}
			if name, ok := strings.CutPrefix(l, "event: "); ok {
				event = name
			} else if d, ok := strings.CutPrefix(l, "data: "); ok {
				if event != "unpublishable" {
					t.Fatalf("event %q %q before the placeholders", event, d)
				}
				data = d
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no event of the placeholders; last %q", event)
		}
	}
	for _, p := range placeholders {
		if !strings.Contains(data, p) {
			t.Errorf("the open pages are not told %s: %s", p, data)
		}
	}
	// build refuses the same briefing, as it did, and says why.
	code, _, stderr2 := runCmd(t, "build", "--root", root, "--no-zip")
	if code != 1 || !strings.Contains(stderr2, "nothing was published") || strings.Contains(stderr2, "Untitled") {
		t.Errorf("build: exit %d\n%s", code, stderr2)
	}
	for _, p := range placeholders {
		if !strings.Contains(stderr2, filepath.ToSlash(filepath.Join(root, p))) {
			t.Errorf("build does not report %s:\n%s", p, stderr2)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("build published the briefing with new's placeholders")
	}
}

// TestServeWaitsForAGoodBuild starts the preview on a briefing with a
// problem: it reports it and keeps running, then serves once it is fixed.
func TestServeWaitsForAGoodBuild(t *testing.T) {
	fsys := briefingtest.Load(t, "internal/site/testdata/typography.txtar")
	root := fixtureDir(t, fsys)
	notes := filepath.Join(root, "annotations", "curly.yaml")
	good := fsys["annotations/curly.yaml"].Data
	if err := os.WriteFile(notes, bytes.Replace(good, []byte("kind: fact-check"), []byte("kind: opinion"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- serve(ctx, root, 0, &stdout, &stderr) }()
	defer func() {
		cancel()
		<-done
	}()
	eventually(t, "the problem was not reported", time.Minute, func() bool {
		return strings.Contains(stderr.String(), `kind "opinion" is not a kind of note`)
	})
	// There is no last good build yet: the address that lists the
	// problems, and will show the site, is given instead.
	eventually(t, "the preview's address was not given", time.Minute, func() bool {
		return regexp.MustCompile(`the preview at http://127\.0\.0\.1:\d+/ lists these problems, and shows the site once they are fixed and saved`).MatchString(stderr.String())
	})
	if strings.Contains(stderr.String(), "last good build") {
		t.Errorf("before any build, serve speaks of the last good one:\n%s", stderr.String())
	}
	select {
	case code := <-done:
		t.Fatalf("serve exited (%d) on bad input", code)
	case <-time.After(300 * time.Millisecond):
	}
	if err := os.WriteFile(notes, good, 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "serve did not start once the input was fixed", 2*time.Minute, func() bool {
		return strings.Contains(stdout.String(), "serving http://127.0.0.1:")
	})
}

// TestServeMatchesBuild edits a briefing while the preview runs, through
// every kind of refresh (a note, an article's text, a note added, a
// verdict, a source, a claim: new bodies in the pages Hugo laid out before,
// without Hugo; a title, an article added: a Hugo build), and after each compares every file of a fresh build of the
// same briefing, the offline zip included, with the file the preview serves:
// the same bytes, but for the reload script in each HTML page.
func TestServeMatchesBuild(t *testing.T) {
	files := synth.Briefing(synth.Options{Articles: 6, Sources: 30, Claims: 8, Seed: 3})
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, data)
	}
	base, stdout, stderr, _ := servePreview(t, root)
	tag := regexp.MustCompile(`<script src="/_briefing/reload\.js\?v=\d+"></script>`)
	steps := []struct {
		what string
		file string
		edit func([]byte) []byte
		kind string // how serve says it made the site
	}{
		{"a note", "annotations/article-00002.yaml", func(b []byte) []byte {
			return replaceOnce(t, b, "    note: |\n      ", "    note: |\n      Edited *note*. ")
		}, "without Hugo"},
		{"an article's text", "content/articles/article-00004.md", func(b []byte) []byte {
			return append(b, "\nAn added paragraph.\n"...)
		}, "without Hugo"},
		{"a title", "content/articles/article-00003.md", func(b []byte) []byte {
			return replaceOnce(t, b, "title: \"", "title: \"Retitled ")
		}, "with Hugo"},
		{"another note", "annotations/article-00002.yaml", func(b []byte) []byte {
			return replaceOnce(t, b, "Edited *note*. ", "Edited again. ")
		}, "without Hugo"},
		// A note added, and a verdict changed, change the article's note
		// counts, which are in its body, not in what Hugo lays out.
		{"a note added", "annotations/article-00002.yaml", func(b []byte) []byte {
			first := regexp.MustCompile(`(?s)  - id: n01\n.*?\n\n`).Find(b)
			if first == nil {
				t.Fatalf("no first note in:\n%s", b)
			}
			added := bytes.Replace(first, []byte("id: n01\n"), []byte("id: n99\n"), 1)
			added = bytes.Replace(added, []byte("    note: |\n      "), []byte("    note: |\n      An added note. "), 1)
			return append(append(bytes.TrimRight(b, "\n"), "\n\n"...), added...)
		}, "without Hugo"},
		{"a verdict", "annotations/article-00002.yaml", func(b []byte) []byte {
			v := regexp.MustCompile(`verdict: (accurate|inaccurate|misleading|needs-context|unsupported)\n`).Find(b)
			if v == nil {
				t.Fatalf("no verdict in:\n%s", b)
			}
			to := "verdict: unsupported\n"
			if string(v) == to {
				to = "verdict: accurate\n"
			}
			return replaceOnce(t, b, string(v), to)
		}, "without Hugo"},
		// A source's title shows on the sources page, a claim's statement
		// in the articles that name it: bodies only.
		{"a source's title", "annotations/sources.yaml", func(b []byte) []byte {
			return replaceOnce(t, b, "title: \"", "title: \"Retitled ")
		}, "without Hugo"},
		{"a claim's statement", "annotations/claims.yaml", func(b []byte) []byte {
			return replaceOnce(t, b, "statement: \"", "statement: \"Restated ")
		}, "without Hugo"},
		// The overview and the timeline are in the home page's body,
		// not in what Hugo lays out.
		{"the overview", "content/_index.md", func(b []byte) []byte {
			return append(b, "\nAn added paragraph of the overview.\n"...)
		}, "without Hugo"},
		{"a timeline entry", "content/_index.md", func(b []byte) []byte {
			return replaceOnce(t, b, "    text: \"", "    text: \"Retold ")
		}, "without Hugo"},
		// A copy of the first article, dated as it is: second in the
		// order, it moves every article after it (their Parts Reweighed).
		// Its url is its own, as two articles cannot have one.
		{"a new article", "content/articles/article-00099.md", func([]byte) []byte {
			return regexp.MustCompile(`(?m)^url: .*$`).ReplaceAll(files["content/articles/article-00001.md"], []byte("url: https://news.example.com/article-00099"))
		}, "with Hugo"},
	}
	for i, s := range steps {
		path := filepath.Join(root, filepath.FromSlash(s.file))
		data, _ := os.ReadFile(path)
		before := strings.Count(stdout.String(), "compiled in")
		writeFile(t, path, s.edit(data))
		eventually(t, "no new site after editing "+s.what+":\n"+stdout.String()+stderr.String(), time.Minute, func() bool {
			return strings.Count(stdout.String(), "compiled in") > before
		})
		lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
		if last := lines[len(lines)-1]; !strings.Contains(last, "site made "+s.kind+" in") {
			t.Errorf("after editing %s: %q, want the site made %s", s.what, last, s.kind)
		}
		out := filepath.Join(t.TempDir(), "public")
		var bout, berr bytes.Buffer
		if code := run(context.Background(), []string{"build", "--root", root, "--out", out}, &bout, &berr); code != 0 {
			t.Fatalf("build exited %d:\n%s%s", code, bout.String(), berr.String())
		}
		n := 0
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			want, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			rel = filepath.ToSlash(rel)
			got := []byte(get(base + rel))
			if strings.HasSuffix(rel, ".html") {
				if tags := tag.FindAllIndex(got, -1); len(tags) != 1 {
					t.Errorf("step %d, %s: %d reload scripts, want 1", i, rel, len(tags))
				}
				got = tag.ReplaceAll(got, nil)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("after editing %s, %s served (%d bytes) is not as built (%d bytes)", s.what, rel, len(got), len(want))
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 20 {
			t.Fatalf("the build wrote only %d files", n)
		}
	}
}

// TestServeWithoutHugoStopsAtOnce starts the preview with a $HUGO that
// names nothing runnable: it must say so and exit 1 at once, as build does,
// not serve a page that waits for a build that cannot come.
func TestServeWithoutHugoStopsAtOnce(t *testing.T) {
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	h := filepath.Join(t.TempDir(), "no-such-hugo")
	t.Setenv("HUGO", h)
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- serve(ctx, root, 0, &stdout, &stderr) }()
	select {
	case code := <-done:
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
	case <-time.After(time.Minute):
		t.Fatalf("serve did not stop within a minute; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
	}
	if want := `error: $HUGO is "` + h + `", which is not a program that can be run`; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
	}
	if strings.Contains(stdout.String(), "serving") {
		t.Errorf("serve started serving:\n%s", stdout.String())
	}
}

// TestServePortProblems: a --port that is no port number is refused as a
// usage error, and a port in use is named as such; neither gets as far as
// building.
func TestServePortProblems(t *testing.T) {
	for _, p := range []string{"99999", "-1"} {
		code, _, stderr := runCmd(t, "serve", "--root", t.TempDir(), "--port", p)
		if want := "--port: " + p + " is not a port number"; code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("--port %s: exit %d, want 2 and %q:\n%s", p, code, want, stderr)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	code, stdout, stderr := runCmd(t, "serve", "--root", t.TempDir(), "--port", busy)
	if want := "error: port " + busy + " is not free"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("a busy port: exit %d, want 1 and %q:\n%s", code, want, stderr)
	}
	if stdout != "" {
		t.Errorf("a busy port: stdout %q", stdout)
	}
}

// TestServeReleasesMemoryWhenIdle checks that the preview hands its
// garbage back to the system once it has been idle for idleRelease after a
// compile: once after starting, once after an edit, and not again while
// nothing changes.
func TestServeReleasesMemoryWhenIdle(t *testing.T) {
	var calls atomic.Int32
	orig := releaseMemory
	t.Cleanup(func() { releaseMemory = orig }) // after servePreview's, which stops serve
	releaseMemory = func() { calls.Add(1) }

	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	base, _, _, stop := servePreview(t, root)
	eventually(t, "no release after the first build", 20*time.Second, func() bool { return calls.Load() == 1 })

	notes := filepath.Join(root, "annotations", "curly.yaml")
	data, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, notes, replaceOnce(t, data, "The post said this on", "Idleedit: the post said this on"))
	eventually(t, "the edit did not show", 20*time.Second, func() bool {
		return strings.Contains(get(base+"articles/curly.html"), "Idleedit")
	})
	eventually(t, "no release after the edit's compile", 20*time.Second, func() bool { return calls.Load() == 2 })
	time.Sleep(3 * idleRelease)
	if n := calls.Load(); n != 2 {
		t.Errorf("%d releases with nothing changed since the second, want 2", n)
	}
	stop()
}

// TestScratchFiles: the names editors write beside a file, which the
// briefing never reads, are not changes to compile; the briefing's own
// files are.
func TestScratchFiles(t *testing.T) {
	for name, want := range map[string]bool{
		".curly.yaml.swp": true, ".curly.yaml.swx": true, "curly.yaml~": true, "4913": true, "#curly.yaml#": true,
		".#curly.yaml": true, "curly.yaml___jb_tmp___": true, ".goutputstream-ABC123": true,
		"curly.yaml": false, "claims.yaml": false, "curly.md": false, "_index.md": false, "2025-report.md": false, "en.toml": false,
		".curly.yaml.kate-swp": true, "2024": false, // a folder of the theme's images, say
	} {
		if got := scratch(name); got != want {
			t.Errorf("scratch(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestServeFollowsReplacedFolder: the briefing folder itself removed and
// copied back (a copy restored over it), its watches gone with it, the
// preview watches the new folder, and an edit there shows; it went on
// serving and followed no edit again, without a word.
func TestServeFollowsReplacedFolder(t *testing.T) {
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	snapshot := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(snapshot, os.DirFS(root)); err != nil {
		t.Fatal(err)
	}
	// The root as a shell completes it, with a slash: fsnotify names it
	// without, and the new folder may well have the old one's inode.
	base, _, _, _ := servePreview(t, root+string(filepath.Separator))
	page := base + "articles/curly.html"
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(root, os.DirFS(snapshot)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * rootPoll) // the new folder watched
	notes := filepath.Join(root, "annotations", "curly.yaml")
	replaceIn(t, notes, "The post said this on", "Restored: the post said this on")
	eventually(t, "an edit in the replaced folder did not show", 20*time.Second, func() bool {
		return strings.Contains(get(page), "Restored: the post")
	})
}

// TestStopSignals: a closed terminal (SIGHUP) stops a command as Ctrl-C
// does, but not one started with nohup, which ignores the signal: asking
// for it would undo that.
func TestStopSignals(t *testing.T) {
	if !slices.Contains(stopSignals(), os.Signal(syscall.SIGHUP)) {
		t.Error("SIGHUP does not stop a command started from a terminal")
	}
	signal.Ignore(syscall.SIGHUP) // as nohup leaves it
	defer signal.Reset(syscall.SIGHUP)
	if slices.Contains(stopSignals(), os.Signal(syscall.SIGHUP)) {
		t.Error("SIGHUP would stop a command started with nohup")
	}
}

// TestPlaceholdersLine: the line below new's placeholders in the terminal
// says the preview shows the briefing with them, and, when it stands in
// titles for empty ones, as what, each once.
func TestPlaceholdersLine(t *testing.T) {
	for _, c := range []struct {
		problems int
		stoodIn  []string
		want     string
	}{
		{1, nil, "the preview shows the briefing with it, but build publishes nothing until it is replaced"},
		{2, nil, "the preview shows the briefing with these, but build publishes nothing until they are replaced"},
		{1, []string{"Untitled briefing"}, `the preview shows the briefing with it, the empty title as "Untitled briefing", but build publishes nothing until it is replaced`},
		{1, []string{"Untitled article"}, `the preview shows the briefing with it, the empty title as "Untitled article", but build publishes nothing until it is replaced`},
		{3, []string{"Untitled briefing"}, `the preview shows the briefing with these, the empty title as "Untitled briefing", but build publishes nothing until they are replaced`},
		{4, []string{"Untitled briefing", "Untitled article"}, `the preview shows the briefing with these, the empty titles as "Untitled briefing" and "Untitled article", but build publishes nothing until they are replaced`},
		{2, []string{"Untitled article", "Untitled article"}, `the preview shows the briefing with these, the empty titles as "Untitled article", but build publishes nothing until they are replaced`},
		{5, []string{"Untitled briefing", "Untitled article", "Untitled article"}, `the preview shows the briefing with these, the empty titles as "Untitled briefing" and "Untitled article", but build publishes nothing until they are replaced`},
	} {
		if got := placeholdersLine(c.problems, c.stoodIn); got != c.want {
			t.Errorf("%d problems, %q stood in:\n got %s\nwant %s", c.problems, c.stoodIn, got, c.want)
		}
	}
}

// TestServeWarnsOfUndatedArticle: the preview gives check's warning of an
// article with neither published nor date_note, which an editor working
// in the preview alone learnt of only at build: once, not again at a save
// that leaves the article undated, and again once it is undated anew.
func TestServeWarnsOfUndatedArticle(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	article := filepath.Join(root, "content", "articles", "curly.md")
	dated, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	undated := strings.Replace(string(dated), "published: 2025-11-27\n", "", 1)
	if undated == string(dated) {
		t.Fatal("the fixture's article has no published: 2025-11-27 line")
	}
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(article, undated)
	_, stdout, stderr, _ := servePreview(t, root)
	warning := filepath.ToSlash(article) + ":1:1: warning: the article has neither published nor date_note"
	eventually(t, "no warning of the undated article:\n"+stderr.String(), 2*time.Minute, func() bool {
		return strings.Contains(stderr.String(), warning)
	})
	// saved waits for a compile after the save of text to path.
	saved := func(path, text string) {
		t.Helper()
		builds := strings.Count(stdout.String(), "compiled in") + strings.Count(stdout.String(), "the site is unchanged")
		write(path, text)
		eventually(t, "the save was not compiled:\n"+stdout.String(), 2*time.Minute, func() bool {
			return strings.Count(stdout.String(), "compiled in")+strings.Count(stdout.String(), "the site is unchanged") > builds
		})
	}
	saved(article, strings.Replace(undated, "\n\n", "\n\nEdited. ", 1))
	if n := strings.Count(stderr.String(), warning); n != 1 {
		t.Errorf("after an edit that leaves it undated, the warning was given %d times, want once:\n%s", n, stderr.String())
	}
	saved(article, string(dated))
	saved(article, undated)
	if n := strings.Count(stderr.String(), warning); n != 2 {
		t.Errorf("undated again, the warning was given %d times, want twice:\n%s", n, stderr.String())
	}
	// Another kind of warning that comes and goes, an empty notes file,
	// is printed each time it comes, and the undated article's, which
	// stays, not again (review h92h C3: one buffer for every kind
	// printed it again each time).
	extra := filepath.Join(root, "content", "articles", "extra.md")
	notes := filepath.Join(root, "annotations", "extra.yaml")
	saved(extra, "---\ntitle: Extra\noutlet: Extra Outlet\nurl: https://example.com/extra\npublished: 2025-11-28\n---\nExtra text.\n")
	empty := filepath.ToSlash(notes) + ":1:1: warning: the notes file is empty"
	for _, text := range []string{"", "notes: []\n", ""} {
		saved(notes, text)
	}
	if n := strings.Count(stderr.String(), empty); n != 2 {
		t.Errorf("the empty notes file's warning was given %d times, want twice:\n%s", n, stderr.String())
	}
	if n := strings.Count(stderr.String(), warning); n != 2 {
		t.Errorf("with the notes file's warning coming and going, the undated article's was given %d times, want twice:\n%s", n, stderr.String())
	}
}
